"""Search `/wp/v2/search` through HTTP on a small site: posts, terms and post formats."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import insert

from pressbox.app import App
from pressbox.endpoints.search import register_search_routes
from pressbox.testing import Client

from .editor_site import error
from .helpers import insert_posts, item_ids, new_site, site_app, site_db

SITE = "http://search.test"
API = "/wp-json/wp/v2/search"

# id, type, status, title, content, date, password
POSTS = [
    (1, "post", "publish", "Gallery of cats", "", "2024-01-01 10:00:00", ""),
    (2, "post", "publish", "Dogs", "A gallery of dogs.", "2024-03-01 10:00:00", ""),
    (3, "post", "draft", "Gallery draft", "", "2024-04-01 10:00:00", ""),
    (4, "page", "publish", "Gallery page", "", "2024-02-01 10:00:00", ""),
    (5, "post", "publish", "Protected gallery", "", "2024-05-01 10:00:00", "secret"),
    (6, "attachment", "inherit", "gallery.jpg", "", "2024-06-01 10:00:00", ""),
    (7, "wp_block", "publish", "Gallery pattern", "", "2024-07-01 10:00:00", ""),
]
# term id, taxonomy, name, slug, parent
TERMS = [
    (10, "category", "News", "news", 0),
    (11, "category", "World News", "world-news", 10),
    (12, "post_tag", "Newsletter", "newsletter", 0),
    (13, "nav_menu", "News menu", "news-menu", 0),
    (14, "post_format", "post-format-gallery", "post-format-gallery", 0),
]


def _build(url: str) -> None:
    with new_site(url, SITE, {"permalink_structure": "/%postname%/"}) as (conn, t):
        conn.execute(
            insert_posts(t),
            [
                {
                    "ID": i,
                    "post_type": post_type,
                    "post_status": status,
                    "post_name": title.lower().replace(" ", "-").replace(".", "-"),
                    "post_title": title,
                    "post_content": content,
                    "post_password": password,
                    "post_date": date,
                    "post_date_gmt": date,
                    "post_modified": date,
                    "post_modified_gmt": date,
                    "guid": f"{SITE}/?p={i}",
                }
                for i, post_type, status, title, content, date, password in POSTS
            ],
        )
        conn.execute(
            insert(t.terms),
            [{"term_id": i, "name": n, "slug": s, "term_group": 0} for i, _t, n, s, _p in TERMS],
        )
        conn.execute(
            insert(t.term_taxonomy),
            [
                {
                    "term_taxonomy_id": i,
                    "term_id": i,
                    "taxonomy": tax,
                    "description": "",
                    "parent": parent,
                    "count": 0,
                }
                for i, tax, _n, _s, parent in TERMS
            ],
        )


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    url = site_db(tmp_path_factory, "search", _build)
    return site_app(url, SITE, register_search_routes, "/wp/v2/search")


def ids(client: Client, query: str) -> list[Any]:
    return item_ids(client, f"{API}?{query}")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Title matches first (newest first among them), then the content match; drafts,
        # protected posts (for anonymous searches), media and patterns are never found.
        ("search=gallery", [4, 1, 2]),
        ("search=gallery&subtype=page", [4]),
        ("search=gallery&subtype=post,page", [4, 1, 2]),
        ("search=gallery&exclude=4", [1, 2]),
        # Without a search the order is the date, and protected posts are listed.
        ("", [5, 2, 4, 1]),
        ("include=1,2", [2, 1]),
        ("search=0", [5, 2, 4, 1]),  # "0" is no search at all
        ("search=nothing-matches", []),
        # Terms by name, in the public REST taxonomies (not menus).
        ("type=term&search=news", [10, 12, 11]),
        ("type=term&search=news&subtype=post_tag", [12]),
        ("type=term&search=news&include=11,13", [11]),
        ("type=post-format", ["gallery"]),  # only formats that have a term
        ("type=post-format&search=gal", ["gallery"]),
        ("type=post-format&search=quote", []),
    ],
)
def test_results(client: Client, query: str, expected: list[Any]) -> None:
    assert ids(client, query) == expected


def test_post_result(client: Client) -> None:
    r = client.get(f"{API}?search=cats")
    assert (r.header("X-WP-Total"), r.header("X-WP-TotalPages")) == ("1", "1")
    [item] = r.json()
    links = item.pop("_links")
    assert item == {
        "id": 1,
        "title": "Gallery of cats",
        "url": f"{SITE}/gallery-of-cats/",
        "type": "post",
        "subtype": "post",
    }
    assert links["self"][0]["href"] == f"{SITE}/wp-json/wp/v2/posts/1"
    assert links["self"][0]["embeddable"] is True
    assert links["about"][0]["href"] == f"{SITE}/wp-json/wp/v2/types/post"
    assert links["collection"][0]["href"] == f"{SITE}/wp-json/wp/v2/search"


def test_protected_title_has_no_prefix(client: Client) -> None:
    item = client.get(f"{API}?include=5").json()[0]
    assert item["title"] == "Protected gallery"


def test_term_and_format_results(client: Client) -> None:
    world = client.get(f"{API}?type=term&search=world").json()[0]
    links = world.pop("_links")
    # A term result has no subtype; its type is the taxonomy.
    assert world == {
        "id": 11,
        "title": "World News",
        "url": f"{SITE}/category/news/world-news/",
        "type": "category",
    }
    assert links["self"][0]["href"] == f"{SITE}/wp-json/wp/v2/categories/11"
    assert links["about"][0]["href"] == f"{SITE}/wp-json/wp/v2/taxonomies/category"
    gallery = client.get(f"{API}?type=post-format").json()[0]
    assert gallery["title"] == "Gallery" and gallery["url"] == f"{SITE}/type/gallery/"
    assert list(gallery["_links"]) == ["collection"]


def test_paging_headers(client: Client) -> None:
    r = client.get(f"{API}?search=gallery&per_page=1&page=2")
    assert (r.header("X-WP-Total"), r.header("X-WP-TotalPages")) == ("3", "3")
    base = f"{SITE}/wp-json/wp/v2/search?search=gallery&per_page=1"
    assert r.header("Link") == f'<{base}&page=1>; rel="prev", <{base}&page=3>; rel="next"'
    # Past the last page of posts WordPress counts nothing, so there is no error.
    empty = client.get(f"{API}?search=gallery&page=9")
    assert empty.status == 200 and empty.header("X-WP-Total") == "0"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("type=user", "rest_invalid_param"),
        ("subtype=attachment", "rest_invalid_param"),
        ("context=edit", "rest_invalid_param"),
        ("per_page=0", "rest_invalid_param"),
        # Terms are counted whatever the page, so a page too far is an error.
        ("type=term&search=news&page=9", "rest_search_invalid_page_number"),
    ],
)
def test_errors(client: Client, query: str, code: str) -> None:
    r = client.get(f"{API}?{query}")
    assert (r.status, *error(r.json())) == (400, code, 400)


def test_fields_embed_and_context(client: Client) -> None:
    fields = client.get(f"{API}?search=cats&_fields=id,title").json()
    assert fields == [{"id": 1, "title": "Gallery of cats"}]
    embedded = client.get(f"{API}?search=cats&_embed").json()[0]["_embedded"]
    assert embedded["self"][0]["id"] == 1
    assert embedded["self"][0]["title"]["rendered"] == "Gallery of cats"
    assert list(client.get(f"{API}?search=cats&context=embed").json()[0]) == [
        "id",
        "title",
        "url",
        "type",
        "subtype",
        "_links",
    ]
