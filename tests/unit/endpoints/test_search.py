"""The pure parts of the search controller: slug lists, format matching, schema and args."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.endpoints.search import format_matches, wp_parse_slug_list
from pressbox.schema.search import search_collection_params, search_result_schema, search_routes

TYPES = ["post", "term", "post-format"]
SUBTYPES = ["post", "page", "category", "post_tag"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("post", ["post"]),
        ("post,page", ["post", "page"]),
        ("post, post", ["post"]),
        (["Post", "PAGE"], ["post", "page"]),
        ("post_tag", ["post_tag"]),
        ("", []),
    ],
)
def test_wp_parse_slug_list(value: Any, expected: list[str]) -> None:
    assert wp_parse_slug_list(value) == expected


@pytest.mark.parametrize(
    ("slug", "search", "expected"),
    [
        ("gallery", "gal", True),
        ("gallery", "GAL", True),  # stripos(): case does not count
        ("aside", "side", True),
        ("image", "Imag", True),
        ("standard", "stand", True),
        ("quote", "gal", False),
    ],
)
def test_format_matches(slug: str, search: str, expected: bool) -> None:
    assert format_matches(slug, search) is expected


def test_schema_enums() -> None:
    properties = search_result_schema(TYPES, SUBTYPES)["properties"]
    assert properties["type"]["enum"] == TYPES
    assert properties["subtype"]["enum"] == SUBTYPES
    assert properties["id"]["type"] == ["integer", "string"]


def test_collection_params() -> None:
    params = search_collection_params(search_result_schema(TYPES, SUBTYPES), TYPES, SUBTYPES)
    assert list(params) == [
        "context",
        "page",
        "per_page",
        "search",
        "type",
        "subtype",
        "exclude",
        "include",
    ]
    # The context default is added last, after the schema's contexts.
    assert list(params["context"])[-2:] == ["enum", "default"]
    assert params["context"]["enum"] == ["view", "embed"]
    assert params["type"]["default"] == "post"
    assert params["subtype"]["items"]["enum"] == [*SUBTYPES, "any"]
    assert params["subtype"]["sanitize_callback"] == "sanitize_subtypes"


def test_route() -> None:
    [route] = search_routes(TYPES, SUBTYPES)
    [endpoint] = route["endpoints"]
    assert (route["route"], endpoint["permission_callback"]) == (
        "/search",
        "get_items_permission_check",
    )
