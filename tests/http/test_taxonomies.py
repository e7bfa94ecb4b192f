"""Taxonomies `/wp/v2/taxonomies` through HTTP: visibility, the `type` filter, the errors."""

from __future__ import annotations

import pytest

from pressbox.app import App
from pressbox.endpoints.taxonomies import register_taxonomies_routes
from pressbox.testing import Client

from .editor_site import acting_as, error
from .helpers import schema_only, site_app, site_db

SITE = "http://taxonomies.test"
API = "/wp-json/wp/v2/taxonomies"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    url = site_db(tmp_path_factory, "taxonomies", schema_only)
    return site_app(url, SITE, register_taxonomies_routes, "/wp/v2/taxonomies")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["category", "post_tag", "nav_menu", "wp_pattern_category"]),
        ("?type=post", ["category", "post_tag"]),  # post_format is not in REST
        ("?type=wp_block", ["wp_pattern_category"]),
        ("?type=page", {}),
        ("?type=nope", {}),
        ("?type=0", ["category", "post_tag", "nav_menu", "wp_pattern_category"]),  # empty()
    ],
)
def test_collection(client: Client, query: str, expected: object) -> None:
    body = client.get(API + query).json()
    assert (list(body) if body else body) == expected


def test_item_fields_and_links(client: Client) -> None:
    category = client.get(f"{API}/category").json()
    assert list(category) == [
        "name",
        "slug",
        "description",
        "types",
        "hierarchical",
        "rest_base",
        "rest_namespace",
        "_links",
    ]
    assert (category["name"], category["rest_base"], category["types"]) == (
        "Categories",
        "categories",
        ["post"],
    )
    links = category["_links"]
    assert links["wp:items"][0]["href"] == f"{SITE}/wp-json/wp/v2/categories"
    assert links["collection"][0]["href"] == f"{SITE}/wp-json/wp/v2/taxonomies"
    menus = client.get(f"{API}/nav_menu").json()
    assert (menus["name"], menus["rest_base"]) == ("Navigation Menus", "menus")


@pytest.mark.parametrize(
    ("target", "code", "status"),
    [
        (f"{API}/nope", "rest_taxonomy_invalid", 404),
        (f"{API}/post_format", "rest_forbidden", 401),  # registered, not in REST
        (f"{API}/category?context=edit", "rest_forbidden_context", 401),
        (f"{API}?context=edit", "rest_cannot_view", 401),
    ],
)
def test_errors(client: Client, target: str, code: str, status: int) -> None:
    r = client.get(target)
    assert (r.status, *error(r.json())) == (status, code, status)


def test_edit_context_needs_assign_terms(app: App, client: Client) -> None:
    with acting_as(app, frozenset({"assign_categories"})):
        body = client.get(f"{API}?context=edit").json()
        tags = client.get(f"{API}/post_tag?context=edit")
    assert list(body) == ["category"]
    category = body["category"]
    assert category["capabilities"]["assign_terms"] == "assign_categories"
    assert category["show_cloud"] is True
    assert category["visibility"]["show_admin_column"] is True
    assert category["labels"]["parent_item"] == "Parent Category"
    assert (tags.status, *error(tags.json())) == (403, "rest_forbidden_context", 403)


def test_nested_fields_select_nothing(client: Client) -> None:
    # This controller matches whole field names only, so `labels.name` picks no field.
    assert client.get(f"{API}/category?_fields=labels.name").json() == []
    assert client.get(f"{API}/category?_fields=slug").json() == {"slug": "category"}
