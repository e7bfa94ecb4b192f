"""The terms controller through HTTP, on a small site built for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import insert

from pressbox.app import App
from pressbox.auth.users import CurrentUser
from pressbox.config import Settings
from pressbox.endpoints.terms import TermsController, register_terms_routes
from pressbox.registry.meta import UNSET, RegisteredMeta
from pressbox.rest.message import Request
from pressbox.store.phpserialize import dumps
from pressbox.testing import Client

from .helpers import acting_as_user, insert_posts, item_ids, new_site, site_app, site_db

SITE = "http://terms.test"
API = "/wp-json/wp/v2"

# term id, taxonomy, name, slug, parent, count, description
TERMS = [
    (1, "category", "Uncategorized", "uncategorized", 0, 0, ""),
    (10, "category", "News", "news", 0, 0, "All the news &amp; more."),
    (11, "category", "World", "world", 10, 2, ""),
    (12, "category", "Asia", "asia", 11, 0, ""),
    (13, "category", "Ärger", "arger", 0, 1, ""),
    (14, "category", "zeta", "zeta", 0, 0, ""),
    (20, "post_tag", "apple", "apple", 0, 1, ""),
    (21, "post_tag", "Banana", "banana", 0, 0, ""),
    (22, "post_tag", "cherry", "cherry", 0, 2, ""),
    (23, "post_tag", "date_x", "date-x", 0, 1, ""),
    (30, "wp_pattern_category", "Marketing", "marketing", 0, 1, ""),
    (40, "nav_menu", "Main", "main", 0, 0, ""),
]
# post id, type, status, terms
POSTS = [
    (100, "post", "publish", [11, 13, 14, 20, 22]),  # zeta's count is stale (0)
    (101, "post", "private", [11, 22]),
    (102, "page", "publish", []),
    (103, "wp_block", "publish", [30]),
]


def _build(url: str) -> None:
    options = {
        "permalink_structure": "/%year%/%monthnum%/%postname%/",
        "default_category": "1",
        "stylesheet": "twentytwentyfive",
        "theme_mods_twentytwentyfive": dumps({"nav_menu_locations": {"primary": 40}}),
        "nav_menu_options": dumps({"auto_add": [40]}),
    }
    with new_site(url, SITE, options) as (conn, t):
        conn.execute(
            insert(t.terms),
            [{"term_id": i, "name": n, "slug": s, "term_group": 0} for i, _x, n, s, *_ in TERMS],
        )
        conn.execute(
            insert(t.term_taxonomy),
            [
                {
                    "term_taxonomy_id": i + 1000,
                    "term_id": i,
                    "taxonomy": tax,
                    "description": desc,
                    "parent": parent,
                    "count": count,
                }
                for i, tax, _n, _s, parent, count, desc in TERMS
            ],
        )
        conn.execute(
            insert_posts(t),
            [
                {
                    "ID": post_id,
                    "post_type": post_type,
                    "post_status": status,
                    "post_name": f"p{post_id}",
                    "post_title": f"P{post_id}",
                }
                for post_id, post_type, status, _terms in POSTS
            ],
        )
        conn.execute(
            insert(t.termmeta),
            [
                {"term_id": 11, "meta_key": "color", "meta_value": "blue"},
                {"term_id": 11, "meta_key": "tags", "meta_value": "a"},
                {"term_id": 11, "meta_key": "tags", "meta_value": dumps(["x", "y"])},
                {"term_id": 11, "meta_key": "size", "meta_value": "7"},
                {"term_id": 11, "meta_key": "hidden", "meta_value": "secret"},
            ],
        )
        conn.execute(
            insert(t.term_relationships),
            [
                {"object_id": post_id, "term_taxonomy_id": term + 1000, "term_order": 0}
                for post_id, _t, _s, terms in POSTS
                for term in terms
            ],
        )


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return site_db(tmp_path_factory, "terms", _build, "terms.db")


@pytest.fixture(scope="module")
def app(db_url: str) -> App:
    return site_app(db_url, SITE, register_terms_routes, "/wp/v2/categories")


@pytest.fixture
def as_menu_editor(app: App) -> Iterator[None]:
    """Requests act as a user who may edit theme options (no auth layer yet)."""
    caps = frozenset({"edit_theme_options"})
    with acting_as_user(app, CurrentUser(1, "admin", ("administrator",), caps)):
        yield


def ids(client: Client, path: str, query: str = "") -> list[int]:
    return item_ids(client, f"{API}/{path}?{query}")


def test_categories_sort_by_name_with_the_unicode_collation(client: Client) -> None:
    # Accents and case do not count: Ärger sorts with the a's, zeta after World.
    assert ids(client, "categories") == [13, 12, 10, 1, 11, 14]
    assert ids(client, "categories", "order=desc") == [14, 11, 1, 10, 12, 13]


def test_pagination_headers_and_links(client: Client) -> None:
    r = client.get(f"{API}/categories?per_page=4&page=2")
    assert [i["id"] for i in r.json()] == [11, 14]
    assert r.header("X-WP-Total") == "6"
    assert r.header("X-WP-TotalPages") == "2"
    assert r.header("Link") == f'<{SITE}{API}/categories?per_page=4&page=1>; rel="prev"'
    beyond = client.get(f"{API}/categories?per_page=4&page=9")
    assert beyond.status == 200 and beyond.json() == []
    # The previous page of a page past the end is the last page.
    assert beyond.header("Link") == f'<{SITE}{API}/categories?per_page=4&page=2>; rel="prev"'


def test_hierarchical_hide_empty_keeps_parents_of_counted_terms(client: Client) -> None:
    r = client.get(f"{API}/categories?hide_empty=true")
    # News is empty but World below it is not; Asia, zeta and Uncategorized go.
    assert [i["id"] for i in r.json()] == [13, 10, 11]
    # wp_count_terms() is never hierarchical: it counts `count > 0` only.
    assert r.header("X-WP-Total") == "2"


def test_flat_hide_empty_filters_in_sql(client: Client) -> None:
    r = client.get(f"{API}/tags?hide_empty=1&per_page=2")
    assert [i["id"] for i in r.json()] == [20, 22]
    assert r.header("X-WP-Total") == "3"
    assert r.header("X-WP-TotalPages") == "2"


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("categories", "parent=0", [13, 10, 1, 14]),
        ("categories", "parent=10", [11]),
        ("categories", "parent=12", []),
        ("categories", "include=11,1,13&orderby=include", [11, 1, 13]),
        ("categories", "include=11,1,13&orderby=include&order=desc", [13, 1, 11]),
        ("categories", "include=11,1&exclude=11", [1, 11]),  # include wins over exclude
        ("categories", "exclude=1,13", [12, 10, 11, 14]),
        ("categories", "orderby=id&order=desc&per_page=2", [14, 13]),
        ("categories", "orderby=count&order=desc&per_page=2", [11, 13]),
        ("categories", "search=ORL", [11]),  # name or slug, case-insensitive
        ("categories", "search=0", [13, 12, 10, 1, 11, 14]),  # PHP: "0" is empty
        ("tags", "search=_", [23]),  # `_` is not a LIKE wildcard
        ("tags", "slug=Apple,cherry", [20, 22]),  # slugs are sanitised
        ("tags", "slug=cherry,apple&orderby=include_slugs", [22, 20]),
        ("tags", "offset=1&per_page=2", [21, 22]),
        ("tags", "parent=20", [20, 21, 22, 23]),  # flat taxonomies have no `parent`
        ("categories", "post=100", [13, 11, 14]),
        ("categories", "post=100&hide_empty=1", [13, 11, 14]),  # moot for a post's terms
        ("tags", "post=100", [20, 22]),
    ],
)
def test_collection_filters(client: Client, path: str, query: str, expected: list[int]) -> None:
    assert ids(client, path, query) == expected


def test_terms_of_a_pattern_need_the_right_to_read_it(client: Client) -> None:
    # Patterns (wp_block) are not publicly viewable: anonymous readers may not list them.
    r = client.get(f"{API}/wp_pattern_category?post=103")
    assert (r.status, r.json()["code"]) == (401, "rest_forbidden_context")


def test_total_of_the_terms_of_a_post(client: Client) -> None:
    r = client.get(f"{API}/categories?post=100&per_page=1&hide_empty=1")
    assert r.header("X-WP-Total") == "3"
    assert (
        r.header("Link")
        == f'<{SITE}{API}/categories?post=100&per_page=1&hide_empty=1&page=2>; rel="next"'
    )


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ("post=999", 400, "rest_post_invalid_id"),
        ("post=101", 401, "rest_forbidden_context"),  # a private post
        ("post=102", 401, "rest_forbidden_context"),  # pages have no categories
        ("context=edit", 401, "rest_forbidden_context"),
        ("orderby=nonsense", 400, "rest_invalid_param"),
        ("per_page=0", 400, "rest_invalid_param"),
        ("parent=abc", 400, "rest_invalid_param"),
        ("hide_empty=maybe", 400, "rest_invalid_param"),
    ],
)
def test_collection_errors(client: Client, query: str, status: int, code: str) -> None:
    r = client.get(f"{API}/categories?{query}")
    assert (r.status, r.json()["code"]) == (status, code)


def test_single_category_fields_links_and_order(client: Client) -> None:
    r = client.get(f"{API}/categories/12")
    assert r.status == 200
    assert r.header("Allow") == "GET"
    body = r.json()
    assert list(body) == [
        "id",
        "count",
        "description",
        "link",
        "name",
        "slug",
        "taxonomy",
        "parent",
        "meta",
        "_links",
    ]
    assert body["link"] == f"{SITE}/category/news/world/asia/"
    assert body["meta"] == []
    links = body["_links"]
    assert links["self"] == [
        {"href": f"{SITE}{API}/categories/12", "targetHints": {"allow": ["GET"]}}
    ]
    assert links["about"] == [{"href": f"{SITE}{API}/taxonomies/category"}]
    assert links["up"] == [{"embeddable": True, "href": f"{SITE}{API}/categories/11"}]
    assert links["wp:post_type"] == [{"href": f"{SITE}{API}/posts?categories=12"}]


def test_embedding_the_parent_uses_the_embed_context(client: Client) -> None:
    body = client.get(f"{API}/categories/11?_embed").json()
    (parent,) = body["_embedded"]["up"]
    assert parent["id"] == 10
    assert "count" not in parent and "description" not in parent
    assert parent["link"] == f"{SITE}/category/news/"


def test_tags_and_pattern_categories(client: Client) -> None:
    tag = client.get(f"{API}/tags/23").json()
    assert "parent" not in tag
    assert tag["link"] == f"{SITE}/tag/date-x/"
    assert tag["_links"]["wp:post_type"] == [{"href": f"{SITE}{API}/posts?tags=23"}]
    pattern = client.get(f"{API}/wp_pattern_category/30").json()
    # No rewrite rules: the query form.
    assert pattern["link"] == f"{SITE}/?taxonomy=wp_pattern_category&term=marketing"
    assert pattern["_links"]["wp:post_type"] == [
        {"href": f"{SITE}{API}/blocks?wp_pattern_category=30"}
    ]


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("categories/999", 404, "rest_term_invalid"),
        ("categories/20", 404, "rest_term_invalid"),  # a tag, not a category
        ("tags/11", 404, "rest_term_invalid"),
        ("categories/abc", 404, "rest_no_route"),
        ("categories/11?context=edit", 401, "rest_forbidden_context"),
        ("menus", 401, "rest_cannot_view"),
        ("menus/40", 401, "rest_cannot_view"),
    ],
)
def test_item_errors(client: Client, path: str, status: int, code: str) -> None:
    r = client.get(f"{API}/{path}")
    assert (r.status, r.json()["code"]) == (status, code)


def test_fields_filter(client: Client) -> None:
    items = client.get(f"{API}/categories?_fields=id,parent&per_page=2").json()
    assert items == [{"id": 13, "parent": 0}, {"id": 12, "parent": 11}]


def test_head_answers_headers_only(client: Client) -> None:
    r = client.request("HEAD", f"{API}/tags?per_page=1")
    assert r.status == 200 and r.body == b""
    assert r.header("X-WP-Total") == "4"


@pytest.mark.usefixtures("as_menu_editor")
def test_menus_for_a_user_who_may_edit_them(client: Client) -> None:
    r = client.get(f"{API}/menus")
    assert r.status == 200
    (menu,) = r.json()
    assert [k for k in menu if k != "_links"] == [
        "id",
        "description",
        "name",
        "slug",
        "meta",
        "locations",
        "auto_add",
    ]
    assert menu["locations"] == ["primary"] and menu["auto_add"] is True
    assert menu["_links"]["wp:menu-location"] == [
        {"embeddable": True, "href": f"{SITE}{API}/menu-locations/primary"}
    ]
    assert menu["_links"]["wp:post_type"] == [{"href": f"{SITE}{API}/menu-items?menus=40"}]


def test_registered_term_meta_is_shown(db_url: str) -> None:
    site = App(Settings(database_url=db_url, site_url=SITE))
    for key, single, default in (("color", True, "none"), ("tags", False, None), ("size", True, 0)):
        site.registries.meta.register(
            RegisteredMeta(
                "term",
                key,
                "category",
                type="integer" if key == "size" else "string",
                single=single,
                default=default if default is not None else UNSET,
                show_in_rest=True,
            )
        )
    controller = TermsController(site, site.taxonomies["category"])
    request = Request("GET", "/wp/v2/categories", query={"_fields": "id,meta"})
    world, news = controller.prepare_items(
        [controller.get_term(11), controller.get_term(10)], request
    )
    # Single values or their default, lists of every value; unregistered keys stay hidden.
    # Values are checked against their schema: an array is no string, so it answers null.
    assert world["meta"] == {"color": "blue", "tags": ["a", None], "size": 7}
    assert news["meta"] == {"color": "none", "tags": [], "size": 0}


def test_options_and_index_show_the_routes(client: Client) -> None:
    body: Any = client.request("OPTIONS", f"{API}/tags").json()
    get_args = body["endpoints"][0]["args"]
    assert "offset" in get_args and "parent" not in get_args
    assert get_args["post"]["default"] is None
    assert body["schema"]["title"] == "tag"
    assert body["schema"]["properties"]["meta"]["properties"] == []
    index = client.get(f"{API}").json()["routes"]
    routes = [
        r for r in index if r.startswith(("/wp/v2/categories", "/wp/v2/tags", "/wp/v2/menus"))
    ]
    assert routes[:6] == [
        "/wp/v2/categories",
        "/wp/v2/categories/(?P<id>[\\d]+)",
        "/wp/v2/tags",
        "/wp/v2/tags/(?P<id>[\\d]+)",
        "/wp/v2/menus",
        "/wp/v2/menus/(?P<id>[\\d]+)",
    ]
