"""The pure parts of the post types controller: item routes, schema and route args."""

from __future__ import annotations

import pytest

from pressbox.endpoints.types import post_type_items_route
from pressbox.registry import core_registries
from pressbox.schema.types import post_type_schema, types_routes

REGISTRIES = core_registries()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("post", "/wp/v2/posts"),
        ("page", "/wp/v2/pages"),
        ("attachment", "/wp/v2/media"),
        ("nav_menu_item", "/wp/v2/menu-items"),
        ("wp_font_face", "/wp/v2/font-families/(?P<font_family_id>[\\d]+)/font-faces"),
        ("revision", ""),  # not in REST
        ("nope", ""),
    ],
)
def test_post_type_items_route(name: str, expected: str) -> None:
    assert post_type_items_route(REGISTRIES.post_types.get(name)) == expected


def test_schema_contexts() -> None:
    properties = post_type_schema()["properties"]
    edit_only = [n for n, p in properties.items() if p["context"] == ["edit"]]
    assert edit_only == ["capabilities", "viewable", "labels", "supports", "visibility"]
    assert properties["template_lock"]["enum"] == ["all", "insert", "contentOnly", False]


def test_routes_args() -> None:
    collection, item = types_routes()
    assert (collection["route"], item["route"]) == ("/types", "/types/(?P<type>[\\w-]+)")
    [get_items] = collection["endpoints"]
    assert list(get_items["args"]) == ["context"]
    assert get_items["args"]["context"]["enum"] == ["view", "embed", "edit"]
    assert get_items["args"]["context"]["default"] == "view"
    [get_item] = item["endpoints"]
    # The route's own `type` arg comes before the endpoint's.
    assert list(get_item["args"]) == ["type", "context"]
    assert get_item["permission_callback"] == "allow_anyone"
