"""The WXR reader: records of each WXR version, and refusal of unsafe or foreign XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressbox.wxr.reader import UnsafeXMLError, WXRError, check_prolog, read_wxr
from pressbox.wxr.records import Author, Item, ItemTerm, Meta, SiteInfo, Term


def wxr(body: str, version: str = "1.2", prolog: str = "") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
{prolog}<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
  <title>Site &amp; Co</title>
  <link>http://example.com</link>
  <description>Tagline</description>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>http://example.com/wp</wp:base_site_url>
  <wp:base_blog_url>http://example.com</wp:base_blog_url>
{body}
</channel>
</rss>
"""


ITEM = """
<item>
  <title><![CDATA[Hello ]]]]><![CDATA[> “world”]]></title>
  <link>http://example.com/hello/</link>
  <dc:creator><![CDATA[admin]]></dc:creator>
  <guid isPermaLink="false">http://example.com/?p=7&#038;x=1</guid>
  <content:encoded><![CDATA[<p>Body — ünïcode</p>]]></content:encoded>
  <excerpt:encoded><![CDATA[Short]]></excerpt:encoded>
  <wp:post_id>7</wp:post_id>
  <wp:post_date><![CDATA[2024-01-02 03:04:05]]></wp:post_date>
  <wp:post_date_gmt><![CDATA[2024-01-02 01:04:05]]></wp:post_date_gmt>
  <wp:comment_status><![CDATA[closed]]></wp:comment_status>
  <wp:ping_status><![CDATA[open]]></wp:ping_status>
  <wp:post_name><![CDATA[hello]]></wp:post_name>
  <wp:status><![CDATA[publish]]></wp:status>
  <wp:post_parent>3</wp:post_parent>
  <wp:menu_order>2</wp:menu_order>
  <wp:post_type><![CDATA[page]]></wp:post_type>
  <wp:post_password><![CDATA[pw]]></wp:post_password>
  <wp:is_sticky>1</wp:is_sticky>
  <category domain="category" nicename="news"><![CDATA[News]]></category>
  <category domain="tag" nicename="old-tag"><![CDATA[Old]]></category>
  <category><![CDATA[No nicename, ignored]]></category>
  <wp:postmeta>
    <wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>
    <wp:meta_value><![CDATA[12]]></wp:meta_value>
  </wp:postmeta>
  <wp:comment>
    <wp:comment_id>4</wp:comment_id>
    <wp:comment_author><![CDATA[Ann]]></wp:comment_author>
    <wp:comment_content><![CDATA[Nice]]></wp:comment_content>
    <wp:comment_approved><![CDATA[0]]></wp:comment_approved>
    <wp:comment_type><![CDATA[]]></wp:comment_type>
    <wp:comment_parent>2</wp:comment_parent>
    <wp:comment_user_id>5</wp:comment_user_id>
    <wp:commentmeta>
      <wp:meta_key><![CDATA[rating]]></wp:meta_key>
      <wp:meta_value><![CDATA[5]]></wp:meta_value>
    </wp:commentmeta>
  </wp:comment>
</item>
"""


def write(tmp_path: Path, text: str, name: str = "export.xml", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_reads_every_version(tmp_path: Path, version: str) -> None:
    records = list(read_wxr(write(tmp_path, wxr(ITEM, version))))
    site, item = records
    assert site == SiteInfo(
        wxr_version=version,
        title="Site & Co",
        link="http://example.com",
        description="Tagline",
        base_site_url="http://example.com/wp",
        base_blog_url="http://example.com",
    )
    assert isinstance(item, Item)
    assert item.id == 7
    assert item.title == "Hello ]]> “world”"
    assert item.guid == "http://example.com/?p=7&x=1"
    assert item.content == "<p>Body — ünïcode</p>"
    assert item.excerpt == "Short"
    assert (item.date, item.date_gmt, item.modified) == (
        "2024-01-02 03:04:05",
        "2024-01-02 01:04:05",
        "",
    )
    assert (item.parent, item.menu_order, item.type, item.password) == (3, 2, "page", "pw")
    assert item.is_sticky and item.comment_status == "closed"
    assert item.terms == (
        ItemTerm("category", "news", "News"),
        ItemTerm("post_tag", "old-tag", "Old"),
    )
    assert item.meta == (Meta("_thumbnail_id", "12"),)
    (comment,) = item.comments
    assert (comment.id, comment.approved, comment.type, comment.parent, comment.user_id) == (
        4,
        "0",
        "",
        2,
        5,
    )
    assert comment.meta == (Meta("rating", "5"),)


def test_reads_authors_and_terms(tmp_path: Path) -> None:
    body = """
<wp:author><wp:author_id>9</wp:author_id><wp:author_login><![CDATA[eve]]></wp:author_login>
<wp:author_email><![CDATA[eve@example.com]]></wp:author_email>
<wp:author_display_name><![CDATA[Eve E.]]></wp:author_display_name>
<wp:author_first_name><![CDATA[Eve]]></wp:author_first_name>
<wp:author_last_name><![CDATA[E]]></wp:author_last_name></wp:author>
<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename><![CDATA[child]]></wp:category_nicename>
<wp:category_parent><![CDATA[parent]]></wp:category_parent><wp:cat_name><![CDATA[Child]]></wp:cat_name>
<wp:category_description><![CDATA[Desc]]></wp:category_description>
<wp:termmeta><wp:meta_key><![CDATA[color]]></wp:meta_key><wp:meta_value><![CDATA[red]]></wp:meta_value></wp:termmeta>
</wp:category>
<wp:tag><wp:term_id>6</wp:term_id><wp:tag_slug><![CDATA[t]]></wp:tag_slug><wp:tag_name><![CDATA[T]]></wp:tag_name></wp:tag>
<wp:term><wp:term_id>7</wp:term_id><wp:term_taxonomy><![CDATA[genre]]></wp:term_taxonomy>
<wp:term_slug><![CDATA[jazz]]></wp:term_slug><wp:term_parent><![CDATA[]]></wp:term_parent>
<wp:term_name><![CDATA[Jazz]]></wp:term_name></wp:term>
"""
    records = list(read_wxr(write(tmp_path, wxr(body))))[1:]
    assert records == [
        Author(9, "eve", "eve@example.com", "Eve E.", "Eve", "E"),
        Term(5, "category", "child", "Child", "parent", "Desc", (Meta("color", "red"),)),
        Term(6, "post_tag", "t", "T"),
        Term(7, "genre", "jazz", "Jazz"),
    ]


def test_site_info_comes_even_without_items(tmp_path: Path) -> None:
    (site,) = read_wxr(write(tmp_path, wxr("")))
    assert isinstance(site, SiteInfo) and site.wxr_version == "1.2"


def test_utf16_file(tmp_path: Path) -> None:
    text = wxr(ITEM).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    records = list(read_wxr(write(tmp_path, text, encoding="utf-16")))
    assert isinstance(records[1], Item) and records[1].title == "Hello ]]> “world”"


def test_plain_rss_is_not_wxr(tmp_path: Path) -> None:
    text = wxr(ITEM).replace("<wp:wxr_version>1.2</wp:wxr_version>", "")
    with pytest.raises(WXRError, match="not a WXR file"):
        list(read_wxr(write(tmp_path, text)))


def test_malformed_xml(tmp_path: Path) -> None:
    text = wxr(ITEM).replace("</item>", "")
    with pytest.raises(WXRError, match="malformed XML"):
        list(read_wxr(write(tmp_path, text)))


def test_undeclared_entity_is_an_error(tmp_path: Path) -> None:
    text = wxr(ITEM).replace("<title>Site &amp; Co</title>", "<title>&nbsp;</title>")
    with pytest.raises(WXRError):
        list(read_wxr(write(tmp_path, text)))


# --------------------------------------------------------------------------- unsafe XML

BILLION_LAUGHS = """<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


def _unsafe_files(tmp_path: Path) -> dict[str, Path]:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    files = {
        "billion-laughs-text": wxr(ITEM.replace("Short", "&lol9;"), prolog=BILLION_LAUGHS),
        "billion-laughs-attribute": wxr(
            ITEM.replace('nicename="news"', 'nicename="&lol9;"'), prolog=BILLION_LAUGHS
        ),
        "xxe-file": wxr(ITEM.replace("Short", "&xxe;"), prolog=xxe),
        "xxe-network": wxr(
            ITEM, prolog='<!DOCTYPE rss [<!ENTITY % x SYSTEM "http://127.0.0.1:9/x.dtd"> %x;]>\n'
        ),
        "external-dtd": wxr(ITEM, prolog='<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd">\n'),
        "doctype-after-comments": wxr(ITEM, prolog="<!-- a -->\n<?pi x?>\n" + " " * 20000 + xxe),
    }
    paths = {name: write(tmp_path, text, f"{name}.xml") for name, text in files.items()}
    paths["utf16-xxe"] = write(
        tmp_path,
        files["xxe-file"].replace('encoding="UTF-8"', 'encoding="UTF-16"'),
        "utf16.xml",
        encoding="utf-16",
    )
    return paths


@pytest.mark.parametrize(
    "name",
    [
        "billion-laughs-text",
        "billion-laughs-attribute",
        "xxe-file",
        "xxe-network",
        "external-dtd",
        "doctype-after-comments",
        "utf16-xxe",
    ],
)
def test_refuses_dtds(tmp_path: Path, name: str) -> None:
    path = _unsafe_files(tmp_path)[name]
    with pytest.raises(UnsafeXMLError, match="declares a DTD"):
        check_prolog(path)
    with pytest.raises(UnsafeXMLError, match="XXE"):
        list(read_wxr(path))


def test_prolog_check_passes_real_exports(tmp_path: Path) -> None:
    check_prolog(write(tmp_path, wxr(ITEM, prolog="<!-- <!DOCTYPE in a comment> -->\n")))


@pytest.mark.parametrize("name", ["xxe-file", "external-dtd", "billion-laughs-text"])
def test_lxml_level_check_backs_up_the_prolog_check(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even if the prolog scan missed a DTD, the first parsed element reveals it."""
    monkeypatch.setattr("pressbox.wxr.reader.check_prolog", lambda path: None)
    with pytest.raises(UnsafeXMLError):
        list(read_wxr(_unsafe_files(tmp_path)[name]))
