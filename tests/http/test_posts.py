"""The posts controller through HTTP, on the demo site."""

from __future__ import annotations

import re

import pytest

from pressbox.testing import Client

from .conftest import SITE


def test_list_has_wordpress_headers_and_pagination(client: Client) -> None:
    r = client.get("/wp-json/wp/v2/posts?per_page=2")
    assert r.status == 200
    total = int(r.header("X-WP-Total") or 0)
    assert total >= 10
    assert r.header("X-WP-TotalPages") == str(-(-total // 2))
    assert r.header("Link") == f'<{SITE}/wp-json/wp/v2/posts?per_page=2&page=2>; rel="next"'
    assert r.header("Allow") == "GET"
    assert r.header("Content-Type") == "application/json; charset=UTF-8"
    items = r.json()
    assert len(items) == 2
    assert items[0]["date"] >= items[1]["date"]  # newest first


def test_second_page_links_both_ways(client: Client) -> None:
    r = client.get("/wp-json/wp/v2/posts?per_page=2&page=2")
    assert r.header("Link") == (
        f'<{SITE}/wp-json/wp/v2/posts?per_page=2&page=1>; rel="prev", '
        f'<{SITE}/wp-json/wp/v2/posts?per_page=2&page=3>; rel="next"'
    )


@pytest.mark.parametrize(
    ("query", "code", "param"),
    [
        ("per_page=0", "rest_invalid_param", "per_page"),
        ("per_page=101", "rest_invalid_param", "per_page"),
        ("per_page=abc", "rest_invalid_param", "per_page"),
        ("order=sideways", "rest_invalid_param", "order"),
        ("orderby=nonsense", "rest_invalid_param", "orderby"),
        ("after=yesterday", "rest_invalid_param", "after"),
        ("categories=abc", "rest_invalid_param", "categories"),
        ("status=draft", "rest_invalid_param", "status"),
    ],
)
def test_invalid_parameters_answer_wordpress_errors(
    client: Client, query: str, code: str, param: str
) -> None:
    r = client.get(f"/wp-json/wp/v2/posts?{query}")
    assert r.status == 400
    body = r.json()
    assert body["code"] == code
    assert param in body["data"]["params"]


def test_page_past_the_end(client: Client) -> None:
    r = client.get("/wp-json/wp/v2/posts?page=999")
    assert r.status == 400
    assert r.json()["code"] == "rest_post_invalid_page_number"


def test_fields_and_nested_fields(client: Client) -> None:
    r = client.get("/wp-json/wp/v2/posts?per_page=1&_fields=id,title.rendered")
    (item,) = r.json()
    assert list(item) == ["id", "title"]
    assert list(item["title"]) == ["rendered"]


def test_fields_keep_a_single_items_links_for_embedding(client: Client) -> None:
    # WordPress filters `_fields` before it adds a single item's links and embeds: asking for
    # `_embedded` embeds. A collection's items carry their links in their data, so there the
    # same `_fields` drops the links and nothing is embedded.
    post = client.get("/wp-json/wp/v2/posts?per_page=1&_fields=id").json()[0]["id"]
    item = client.get(f"/wp-json/wp/v2/posts/{post}?_embed=author&_fields=id,_embedded").json()
    assert list(item) == ["id", "_links", "_embedded"]
    assert list(item["_embedded"]) == ["author"]
    only = client.get(f"/wp-json/wp/v2/posts/{post}?_embed&_fields=_embedded").json()
    assert list(only)[:1] == ["_links"] and "author" in only["_embedded"]
    assert client.get(f"/wp-json/wp/v2/posts/{post}?_fields=id").json() == {"id": post}
    listed = client.get("/wp-json/wp/v2/posts?per_page=2&_embed&_fields=id,_embedded").json()
    assert all(list(p) == ["id"] for p in listed)


def test_single_post_and_errors(client: Client) -> None:
    first = client.get("/wp-json/wp/v2/posts?per_page=1").json()[0]
    r = client.get(f"/wp-json/wp/v2/posts/{first['id']}")
    assert r.status == 200
    assert r.json()["id"] == first["id"]
    assert r.header("Link") == f'<{first["link"]}>; rel="alternate"; type=text/html'
    assert client.get("/wp-json/wp/v2/posts/999999").json()["code"] == "rest_post_invalid_id"
    assert client.get("/wp-json/wp/v2/posts/abc").json()["code"] == "rest_no_route"
    assert client.get(f"/wp-json/wp/v2/posts/{first['id']}?context=edit").status == 401


def test_draft_is_hidden_from_anonymous_readers(client: Client, demo_db: str) -> None:
    from sqlalchemy import select

    from pressbox.store.db import Database

    db = Database(demo_db)
    p = db.tables.posts.c
    draft = (
        db.conn()
        .execute(select(p.ID).where(p.post_type == "post", p.post_status == "draft"))
        .scalar()
    )
    assert draft is not None
    listed = {post["id"] for post in client.get("/wp-json/wp/v2/posts?per_page=100").json()}
    assert draft not in listed
    assert client.get(f"/wp-json/wp/v2/posts/{draft}").status == 401


def test_rest_route_query_form_equals_pretty_form(client: Client) -> None:
    a = client.get("/wp-json/wp/v2/posts?per_page=3")
    b = client.get("/?rest_route=/wp/v2/posts&per_page=3")
    assert a.json() == b.json()


def test_envelope_and_jsonp(client: Client) -> None:
    env = client.get("/wp-json/wp/v2/posts?per_page=1&_envelope=1").json()
    assert env["status"] == 200 and env["headers"]["Allow"] == "GET" and len(env["body"]) == 1
    r = client.get("/wp-json/wp/v2/posts?per_page=1&_jsonp=cb")
    assert r.header("Content-Type") == "application/javascript; charset=UTF-8"
    assert re.match(rb"^/\*\*/cb\(\[", r.body)
    bad = client.get("/wp-json/wp/v2/posts?_jsonp=bad-name!")
    assert bad.status == 400 and bad.json() == {
        "code": "rest_callback_invalid",
        "message": "Invalid JSONP callback function.",
    }


@pytest.mark.parametrize(
    ("callback", "answer"),
    [
        ("", "json"),  # `if ( $jsonp_callback )`: PHP's "" and "0" are false
        ("0", "json"),
        ("my.cb_1", "jsonp"),
        ("caf%C3%A9", "invalid"),  # \w is ASCII in wp_check_jsonp_callback()
        ("cb%0A", "invalid"),
        ("cb&_jsonp[]=x", "invalid"),  # the last `_jsonp` wins: a list is no callback
    ],
)
def test_jsonp_callbacks_as_wordpress_reads_them(
    client: Client, callback: str, answer: str
) -> None:
    r = client.get(f"/wp-json/wp/v2/types/post?_fields=slug&_jsonp={callback}")
    if answer == "json":
        assert (r.status, r.header("Content-Type")) == (200, "application/json; charset=UTF-8")
        assert r.json() == {"slug": "post"}
    elif answer == "jsonp":
        assert r.body == b'/**/my.cb_1({"slug":"post"})'
    else:
        assert (r.status, r.json()["code"]) == (400, "rest_callback_invalid")


def test_method_override_and_unknown_route(client: Client) -> None:
    assert client.get("/wp-json/wp/v2/posts?_method=POST").json()["code"] == "rest_cannot_create"
    assert client.request("PUT", "/wp-json/wp/v2/posts").json()["code"] == "rest_no_route"
    assert client.get("/wp-json/wp/v2/nothing").status == 404


def test_options_describes_the_route(client: Client) -> None:
    r = client.request("OPTIONS", "/wp-json/wp/v2/posts")
    body = r.json()
    assert body["namespace"] == "wp/v2"
    assert body["methods"] == ["GET", "POST"]
    assert body["schema"]["title"] == "post"
    assert "per_page" in body["endpoints"][0]["args"]


def test_head_has_headers_without_body(client: Client) -> None:
    r = client.request("HEAD", "/wp-json/wp/v2/posts")
    assert r.status == 200 and r.body == b"" and r.header("X-WP-Total")


def test_search_finds_a_word_from_a_title(client: Client) -> None:
    title = client.get("/wp-json/wp/v2/posts?per_page=1&_fields=title").json()[0]["title"][
        "rendered"
    ]
    word = max(re.findall(r"[A-Za-z]{5,}", title), key=len)
    found = client.get(f"/wp-json/wp/v2/posts?search={word}&_fields=title,content,excerpt").json()
    assert found
    for post in found:
        text = " ".join(post[k]["rendered"] for k in ("title", "content", "excerpt")).lower()
        assert word.lower() in text
    assert client.get("/wp-json/wp/v2/posts?search=zzqqxxnothing").json() == []


def test_pages_are_hierarchical(client: Client) -> None:
    pages = client.get("/wp-json/wp/v2/pages?per_page=100").json()
    children = [p for p in pages if p["parent"]]
    assert children
    child = children[0]
    parent = next(p for p in pages if p["id"] == child["parent"])
    assert child["link"].startswith(parent["link"])
    assert (
        client.get(f"/wp-json/wp/v2/pages?parent={parent['id']}").json()[0]["parent"]
        == parent["id"]
    )
