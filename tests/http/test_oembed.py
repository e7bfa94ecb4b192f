"""`/oembed/1.0/embed`: JSON and XML answers, thumbnails, and errors, on a site built here."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import insert

from pressbox.app import App
from pressbox.store.phpserialize import dumps
from pressbox.testing import Client

from .helpers import IMAGE_SIZE_OPTIONS, insert_posts, new_site, post_meta_rows, site_app, site_db

SITE = "http://embed.test"
EMBED = "/wp-json/oembed/1.0/embed"
UPLOADS = f"{SITE}/wp-content/uploads"
XML_HEAD = '<?xml version="1.0"?>\n'


def _size(file: str, width: int, height: int) -> dict[str, Any]:
    return {"file": file, "width": width, "height": height, "mime-type": "image/jpeg"}


# A 1200×800 upload with WordPress's default sub-sizes.
LANDSCAPE = {
    "width": 1200,
    "height": 800,
    "file": "2024/05/landscape.jpg",
    "sizes": {
        "medium": _size("landscape-300x200.jpg", 300, 200),
        "large": _size("landscape-1024x683.jpg", 1024, 683),
        "thumbnail": _size("landscape-150x150.jpg", 150, 150),
        "medium_large": _size("landscape-768x512.jpg", 768, 512),
    },
}
# Smaller than any requested width: only the square thumbnail was made.
SMALL = {
    "width": 400,
    "height": 300,
    "file": "2024/05/small.jpg",
    "sizes": {"thumbnail": _size("small-150x150.jpg", 150, 150)},
}
LANDSCAPE_META = {
    "_wp_attached_file": "2024/05/landscape.jpg",
    "_wp_attachment_metadata": dumps(LANDSCAPE),
}
# id, type, status, parent, slug, title, password, mime, meta
POSTS: list[tuple[Any, ...]] = [
    (10, "post", "publish", 0, "featured", "Tom & Jerry's \"Show\"", "", "", {"_thumbnail_id": "20"}),
    (11, "post", "publish", 0, "plain", "Plain", "", "", {}),
    (12, "post", "draft", 0, "draft", "Draft", "", "", {"_thumbnail_id": "20"}),
    (13, "post", "publish", 0, "secret", "Secret", "pass", "", {}),
    (14, "post", "publish", 0, "lost-thumb", "Lost thumbnail", "", "", {"_thumbnail_id": "999"}),
    (15, "page", "publish", 0, "about", "About", "", "", {"_thumbnail_id": "22"}),
    (20, "attachment", "inherit", 10, "landscape", "Landscape", "", "image/jpeg", LANDSCAPE_META),
    (21, "attachment", "inherit", 0, "clip", "Clip", "", "video/mp4",
     {"_wp_attached_file": "2024/05/clip.mp4", "_thumbnail_id": "20"}),
    (22, "attachment", "inherit", 0, "small", "Small", "", "image/jpeg",
     {"_wp_attached_file": "2024/05/small.jpg", "_wp_attachment_metadata": dumps(SMALL)}),
    (23, "attachment", "inherit", 12, "unpublished", "Unpublished", "", "image/jpeg", LANDSCAPE_META),
    (24, "attachment", "inherit", 0, "song", "Song", "", "audio/mpeg",
     {"_wp_attached_file": "2024/05/song.mp3"}),
]  # fmt: skip


def _build(url: str) -> None:
    options = {
        "blogname": "Embed & Co",
        "blog_charset": "UTF-8",
        "permalink_structure": "/%postname%/",
        **IMAGE_SIZE_OPTIONS,
    }
    with new_site(url, SITE, options) as (conn, t):
        conn.execute(
            insert(t.users),
            [
                {
                    "ID": 1,
                    "user_login": "ada",
                    "user_nicename": "ada",
                    "user_email": "ada@example.test",
                    "user_url": "",
                    "user_registered": "2024-01-01 00:00:00",
                    "display_name": "Ada Writer",
                }
            ],
        )
        conn.execute(
            insert_posts(t),
            [
                {
                    "ID": pid,
                    "post_type": ptype,
                    "post_status": status,
                    "post_parent": parent,
                    "post_name": slug,
                    "post_title": title,
                    "post_password": password,
                    "post_mime_type": mime,
                    "post_date": "2024-05-01 10:00:00",
                    "post_date_gmt": "2024-05-01 10:00:00",
                    "post_modified": "2024-05-01 10:00:00",
                    "post_modified_gmt": "2024-05-01 10:00:00",
                    "guid": f"{SITE}/?p={pid}",
                }
                for pid, ptype, status, parent, slug, title, password, mime, _meta in POSTS
            ],
        )
        conn.execute(insert(t.postmeta), post_meta_rows(POSTS))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return site_app(site_db(tmp_path_factory, "oembed", _build, "oembed.db"), SITE)


def embed(client: Client, url: str, query: str = "", method: str = "GET") -> Any:
    return client.request(method, f"{EMBED}?url={quote(url, safe='')}{query}")


def embed_json(client: Client, url: str, query: str = "") -> dict[str, Any]:
    r = embed(client, url, query)
    assert r.status == 200, r.body
    data: dict[str, Any] = r.json()
    return data


def thumbnail(data: dict[str, Any]) -> tuple[str, int, int] | None:
    if "thumbnail_url" not in data:
        return None
    return data["thumbnail_url"], data["thumbnail_width"], data["thumbnail_height"]


# -- JSON ---------------------------------------------------------------------------------------


def test_keys_in_wordpress_order(client: Client) -> None:
    data = embed_json(client, f"{SITE}/featured/")
    assert list(data) == [
        "version",
        "provider_name",
        "provider_url",
        "author_name",
        "author_url",
        "title",
        "type",
        "width",
        "height",
        "html",
        "thumbnail_url",
        "thumbnail_width",
        "thumbnail_height",
    ]
    assert data["author_name"] == "Ada Writer"
    assert data["author_url"] == f"{SITE}/author/ada/"
    assert (data["type"], data["width"], data["height"]) == ("rich", 600, 338)


@pytest.mark.parametrize(
    ("maxwidth", "expected"),
    [
        # The smallest sub-size at least as wide, with the original's ratio, scaled to the width.
        ("", (f"{UPLOADS}/2024/05/landscape-768x512.jpg", 600, 400)),
        ("&maxwidth=1000", (f"{UPLOADS}/2024/05/landscape-768x512.jpg", 600, 400)),
        ("&maxwidth=300", (f"{UPLOADS}/2024/05/landscape-300x200.jpg", 300, 200)),
        ("&maxwidth=500", (f"{UPLOADS}/2024/05/landscape-768x512.jpg", 500, 333)),
        # Widths are clamped to 200…600 first.
        ("&maxwidth=0", (f"{UPLOADS}/2024/05/landscape-300x200.jpg", 200, 133)),
        ("&maxwidth=abc", (f"{UPLOADS}/2024/05/landscape-300x200.jpg", 200, 133)),
    ],
)
def test_featured_image_thumbnail(
    client: Client, maxwidth: str, expected: tuple[str, int, int]
) -> None:
    data = embed_json(client, f"{SITE}/featured/", maxwidth)
    assert thumbnail(data) == expected
    assert data["width"] == expected[1]


def test_image_without_a_wide_enough_sub_size_gives_the_original(client: Client) -> None:
    # The page's featured image is 400×300 with only a 150×150 crop.
    data = embed_json(client, f"{SITE}/about/")
    assert thumbnail(data) == (f"{UPLOADS}/2024/05/small.jpg", 400, 300)


@pytest.mark.parametrize("slug", ["plain", "lost-thumb"])
def test_no_thumbnail_fields_without_an_image(client: Client, slug: str) -> None:
    data = embed_json(client, f"{SITE}/{slug}/")
    assert thumbnail(data) is None
    assert list(data)[-1] == "html"


@pytest.mark.parametrize(
    ("attachment_id", "kind", "expected"),
    [
        # An image attachment is its own thumbnail.
        (20, "rich", (f"{UPLOADS}/2024/05/landscape-768x512.jpg", 600, 400)),
        (22, "rich", (f"{UPLOADS}/2024/05/small.jpg", 400, 300)),
        # A video is of type video, with its poster image as thumbnail.
        (21, "video", (f"{UPLOADS}/2024/05/landscape-768x512.jpg", 600, 400)),
        (24, "rich", None),
    ],
)
def test_attachments(
    client: Client, attachment_id: int, kind: str, expected: tuple[str, int, int] | None
) -> None:
    data = embed_json(client, f"{SITE}/?attachment_id={attachment_id}")
    assert data["type"] == kind
    assert thumbnail(data) == expected


@pytest.mark.parametrize(
    "url",
    [
        f"{SITE}/draft/",
        f"{SITE}/?attachment_id=23",
        f"{SITE}/no-such-post/",
        "http://other.test/plain/",
    ],
)
def test_not_viewable_or_unknown_is_not_found(client: Client, url: str) -> None:
    r = embed(client, url)
    assert r.status == 404
    assert r.json() == {
        "code": "oembed_invalid_url",
        "message": "Not Found",
        "data": {"status": 404},
    }


def test_password_protected_post_embeds_with_protected_title(client: Client) -> None:
    data = embed_json(client, f"{SITE}/secret/")
    assert data["title"] == "Protected: Secret"
    assert '">Protected: Secret</a></blockquote>' in data["html"]


# -- XML ----------------------------------------------------------------------------------------


def xml_of(client: Client, url: str, query: str = "") -> tuple[int, str | None, str]:
    r = embed(client, url, "&format=xml" + query)
    return r.status, r.header("Content-Type"), r.body.decode("ascii")


def test_xml_document_mirrors_the_json_answer(client: Client) -> None:
    status, content_type, body = xml_of(client, f"{SITE}/featured/")
    assert (status, content_type) == (200, "text/xml; charset=UTF-8")
    assert body.startswith(XML_HEAD + "<oembed><version>1.0</version>")
    assert body.endswith("</oembed>\n")
    root = ET.fromstring(body[len(XML_HEAD) :])
    assert root.tag == "oembed"
    data = embed_json(client, f"{SITE}/featured/")
    assert [child.tag for child in root] == list(data)
    secret = re.compile(r"secret=\"?[A-Za-z0-9]{10}")
    for child in root:
        # The XML holds characters where the JSON has character references; each answer
        # draws its own secret.
        expected = secret.sub("secret", html.unescape(str(data[child.tag])))
        assert secret.sub("secret", child.text or "") == expected, child.tag


def test_xml_escaping(client: Client) -> None:
    _, _, body = xml_of(client, f"{SITE}/featured/")
    # wptexturize()'s references become characters, written back as hexadecimal references.
    assert "<title>Tom &amp; Jerry&#x2019;s &#x201C;Show&#x201D;</title>" in body
    assert "<provider_name>Embed &amp; Co</provider_name>" in body
    markup = body[body.index("<html>") : body.index("</html>")]
    assert markup.startswith('<html>&lt;blockquote class="wp-embedded-content" data-secret="')
    assert (
        'title="&#x201C;Tom &amp; Jerry&#x2019;s &#x201C;Show&#x201D;&#x201D; &#x2014; Embed &amp; Co"'
        in markup
    )
    assert "<" not in markup[1:] and "&#8220;" not in markup


def test_xml_answers_and_json_answers_match_in_the_other_headers(client: Client) -> None:
    as_xml = embed(client, f"{SITE}/plain/", "&format=xml")
    as_json = embed(client, f"{SITE}/plain/")
    for name in ("X-Robots-Tag", "Link", "X-Content-Type-Options", "Allow", "Vary",
                 "Access-Control-Expose-Headers", "Access-Control-Allow-Headers"):  # fmt: skip
        assert as_xml.header(name) == as_json.header(name), name
    assert as_xml.header("Allow") == "GET"
    assert as_xml.header("X-Robots-Tag") == "noindex"


def test_xml_error_not_found(client: Client) -> None:
    status, content_type, body = xml_of(client, f"{SITE}/draft/")
    assert (status, content_type) == (404, "text/xml; charset=UTF-8")
    assert body == (
        XML_HEAD + "<oembed><code>oembed_invalid_url</code><message>Not Found</message>"
        "<data><status>404</status></data></oembed>\n"
    )


def test_xml_error_missing_url(client: Client) -> None:
    r = client.get(f"{EMBED}?format=xml")
    assert (r.status, r.header("Content-Type")) == (400, "text/xml; charset=UTF-8")
    assert r.body.decode() == (
        XML_HEAD + "<oembed><code>rest_missing_callback_param</code>"
        "<message>Missing parameter(s): url</message>"
        "<data><status>400</status><params><oembed>url</oembed></params></data></oembed>\n"
    )


def test_xml_of_an_envelope(client: Client) -> None:
    status, content_type, body = xml_of(client, f"{SITE}/plain/", "&_envelope")
    assert (status, content_type) == (200, "text/xml; charset=UTF-8")
    assert body.startswith(XML_HEAD + "<oembed><body><version>1.0</version>")
    assert body.endswith(
        "</body><status>200</status><headers><Allow>GET</Allow></headers></oembed>\n"
    )


def test_xml_of_nothing_is_not_implemented(client: Client) -> None:
    # `_fields` that select nothing leave an empty array, which SimpleXML cannot be built from.
    r = embed(client, f"{SITE}/plain/", "&format=xml&_fields=nothing")
    assert (r.status, r.body) == (501, b"Not Implemented")
    assert r.header("Content-Type") == "application/json; charset=UTF-8"


@pytest.mark.parametrize("query", ["&format=XML", "&format=json", "&format[]=xml", ""])
def test_only_format_xml_is_served_as_xml(client: Client, query: str) -> None:
    r = embed(client, f"{SITE}/plain/", query)
    assert (r.status, r.header("Content-Type")) == (200, "application/json; charset=UTF-8")
    assert r.json()["title"] == "Plain"


def test_head_keeps_the_json_answer_headers(client: Client) -> None:
    # The XML filter converts GET answers only: WordPress sends HEAD's headers as for JSON.
    r = embed(client, f"{SITE}/plain/", "&format=xml", method="HEAD")
    assert (r.status, r.header("Content-Type"), r.body) == (
        200,
        "application/json; charset=UTF-8",
        b"",
    )
    assert r.header("Allow") == "GET"


def test_other_routes_are_not_converted(client: Client) -> None:
    r = client.get(f"/wp-json/oembed/1.0/proxy?url={quote(SITE + '/plain/')}&format=xml")
    assert r.header("Content-Type") == "application/json; charset=UTF-8"
    assert r.json()["code"] == "rest_forbidden"
    r = client.request("POST", f"{EMBED}?url={quote(SITE + '/plain/')}&format=xml")
    assert (r.status, r.header("Content-Type")) == (404, "application/json; charset=UTF-8")
    assert r.json()["code"] == "rest_no_route"
