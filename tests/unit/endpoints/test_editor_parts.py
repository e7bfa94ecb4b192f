"""Pure parts of the editor, theme and site-structure controllers and their schemas."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.endpoints.block_editor import wp_http_validate_url
from pressbox.endpoints.blocks import _sync_status_on_top
from pressbox.endpoints.fonts import sanitize_font_family
from pressbox.endpoints.menu_items_prepare import _trim_words
from pressbox.endpoints.plugins import sanitize_plugin_param, validate_plugin_param
from pressbox.endpoints.templates import sanitize_template_id
from pressbox.registry import core_registries
from pressbox.schema.block_types import block_type_schema
from pressbox.schema.global_styles import global_styles_revision_schema
from pressbox.schema.menu_items import menu_item_collection_params, menu_item_schema
from pressbox.schema.templates import template_schema
from pressbox.schema.themes import theme_feature_schema, theme_supports_properties

HOME = "http://127.0.0.1:8080"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("twentytwentyfive//index", "twentytwentyfive//index"),
        ("twentytwentyfive/index", "twentytwentyfive//index"),  # the separator is doubled
        ("twentytwentyfive%2F%2Fheader", "twentytwentyfive//header"),  # decoded first
        ("theme/child/single", "theme/child//single"),  # only the last slash
        ("index", "index"),
    ],
)
def test_sanitize_template_id(raw: str, expected: str) -> None:
    assert sanitize_template_id(raw) == expected


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("http://93.184.216.34/page", True),
        ("https://93.184.216.34:443/", True),
        ("http://93.184.216.34:8080/", True),
        ("http://93.184.216.34:8081/", False),  # not a safe port
        ("http://127.0.0.1:8080/own/page", True),  # the site's own host
        ("http://127.0.0.2/", False),  # loopback
        ("http://10.1.2.3/", False),
        ("http://172.20.0.1/", False),
        ("http://192.168.0.1/", False),
        ("http://169.254.169.254/latest/", False),  # cloud metadata
        ("http://user:pw@93.184.216.34/", False),
        ("ftp://93.184.216.34/", False),
        ("javascript:alert(1)", False),
        ("//93.184.216.34/", True),  # no scheme: nothing for kses to strip
        ("example.test/page", False),  # no host
        ("", False),
        ("123", False),
    ],
)
def test_wp_http_validate_url(url: str, valid: bool) -> None:
    assert bool(wp_http_validate_url(url, HOME)) is valid


@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("Inter", "Inter"),
        ("Open Sans", '"Open Sans"'),
        ("'Open Sans', sans-serif", '"Open Sans", sans-serif'),
        ("generic(system-ui)", "generic(system-ui)"),
        ("Font1, serif", '"Font1", serif'),
        ("", ""),
    ],
)
def test_sanitize_font_family(family: str, expected: str) -> None:
    assert sanitize_font_family(family) == expected


@pytest.mark.parametrize(
    ("value", "valid", "sanitized"),
    [
        ("akismet/akismet", True, "akismet/akismet.php"),
        ("hello", True, "hello.php"),
        ("a:b", False, "a:b.php"),  # a drive letter
        (5, False, "5.php"),
    ],
)
def test_plugin_param(value: Any, valid: bool, sanitized: str) -> None:
    assert validate_plugin_param(value) is valid
    assert sanitize_plugin_param(value) == sanitized


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            {
                "id": 1,
                "meta": {"wp_pattern_sync_status": "unsynced", "footnotes": ""},
                "_links": {},
            },
            {
                "id": 1,
                "meta": {"footnotes": ""},
                "wp_pattern_sync_status": "unsynced",
                "_links": {},
            },
        ),
        (
            {"id": 1, "meta": {"wp_pattern_sync_status": ""}},
            {"id": 1, "meta": [], "wp_pattern_sync_status": ""},  # an emptied PHP array
        ),
        ({"id": 2}, {"id": 2, "wp_pattern_sync_status": ""}),
    ],
)
def test_sync_status_moves_to_the_top(item: dict[str, Any], expected: dict[str, Any]) -> None:
    out = _sync_status_on_top(item)
    assert out == expected and list(out) == list(expected)


def test_trim_words() -> None:
    assert _trim_words("<b>one</b>  two\nthree") == "one two three"
    assert _trim_words(" ".join(["w"] * 201)) == " ".join(["w"] * 200) + "&hellip;"


@pytest.mark.parametrize(
    ("type_", "given", "expected_type", "extra"),
    [
        ("boolean", {}, "boolean", None),
        ("array", {"items": {"type": "string"}}, ["boolean", "array"], "items"),
        ("object", {"properties": {"a": {"type": "string"}}}, ["boolean", "object"], "properties"),
        # A non-boolean default keeps the type as given.
        ("array", {"items": {"type": "string"}, "default": ["standard"]}, "array", "items"),
    ],
)
def test_theme_feature_schema(
    type_: str, given: dict[str, Any], expected_type: Any, extra: str | None
) -> None:
    schema = theme_feature_schema(type_, "A feature.", given)
    assert list(schema)[:3] == ["description", "type", "default"]
    assert schema["type"] == expected_type
    if extra:
        assert extra in schema
    if "object" in schema["type"]:
        assert schema["additionalProperties"] is False


def test_theme_supports_names_formats_by_its_rest_name() -> None:
    props = theme_supports_properties()
    assert "formats" in props and "post-formats" not in props
    assert props["formats"]["default"] == ["standard"]
    assert props["post-thumbnails"]["type"] == ["boolean", "array"]
    assert props["custom-logo"]["additionalProperties"] is False


def _rest_url(path: str) -> str:
    return HOME + "/wp-json/" + path.lstrip("/")


def test_menu_item_schema_and_params() -> None:
    registries = core_registries()
    post_type = registries.post_types["nav_menu_item"]
    schema = menu_item_schema(post_type, registries, _rest_url)
    props = schema["properties"]
    assert props["menus"] == {
        "description": "The terms assigned to the object in the nav_menu taxonomy.",
        "type": "integer",
        "context": ["view", "edit"],
    }
    assert props["meta"]["properties"] == []  # no meta registered: an empty PHP array
    assert schema["links"][-1]["rel"] == "https://api.w.org/menu-item-object"
    params = menu_item_collection_params(post_type, registries, schema)
    assert params["per_page"]["default"] == 100
    assert (params["order"]["default"], params["orderby"]["default"]) == ("asc", "menu_order")
    assert list(params)[-1] == "menu_order"  # appended after the taxonomy filters


def test_template_schemas_differ_by_type() -> None:
    statuses = ["publish", "draft"]
    templates = template_schema("wp_template", statuses)["properties"]
    parts = template_schema("wp_template_part", statuses)["properties"]
    assert list(templates)[-2:] == ["is_custom", "plugin"] and "area" not in templates
    assert list(parts)[-1] == "area" and "is_custom" not in parts
    assert templates["status"]["enum"] == statuses


def test_global_styles_revision_schema_merges_the_parent() -> None:
    props = global_styles_revision_schema()["properties"]
    assert list(props) == [
        "author",
        "date",
        "date_gmt",
        "id",
        "modified",
        "modified_gmt",
        "parent",
        "styles",
        "settings",
    ]
    assert props["id"]["description"] == "ID of global styles config."


def test_block_type_schema_keeps_deprecated_fields_last() -> None:
    props = block_type_schema()["properties"]
    assert list(props)[-5:] == ["editor_script", "script", "view_script", "editor_style", "style"]
    assert props["style"]["description"].endswith("Use `style_handles` instead.")
    assert props["supports"]["properties"] == []
