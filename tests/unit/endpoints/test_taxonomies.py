"""The pure parts of the taxonomies controller: item routes, schema and collection args."""

from __future__ import annotations

import pytest

from pressbox.endpoints.taxonomies import taxonomy_items_route
from pressbox.registry import core_registries
from pressbox.schema.taxonomies import (
    taxonomies_collection_params,
    taxonomies_routes,
    taxonomy_schema,
)

TAXONOMIES = core_registries().taxonomies


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("category", "/wp/v2/categories"),
        ("post_tag", "/wp/v2/tags"),
        ("nav_menu", "/wp/v2/menus"),
        ("wp_pattern_category", "/wp/v2/wp_pattern_category"),
        ("post_format", ""),  # not in REST
        ("link_category", ""),
        ("nope", ""),
    ],
)
def test_taxonomy_items_route(name: str, expected: str) -> None:
    assert taxonomy_items_route(TAXONOMIES.get(name)) == expected


def test_schema() -> None:
    properties = taxonomy_schema()["properties"]
    assert list(properties["visibility"]["properties"]) == [
        "public",
        "publicly_queryable",
        "show_ui",
        "show_admin_column",
        "show_in_nav_menus",
        "show_in_quick_edit",
    ]
    assert properties["show_cloud"]["context"] == ["edit"]


def test_args() -> None:
    params = taxonomies_collection_params(taxonomy_schema())
    assert list(params) == ["context", "type"]
    assert params["type"] == {
        "description": "Limit results to taxonomies associated with a specific post type.",
        "type": "string",
    }
    _collection, item = taxonomies_routes()
    assert list(item["endpoints"][0]["args"]) == ["taxonomy", "context"]
