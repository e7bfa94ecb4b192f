"""The pure parts of the settings controller: registered settings, schema, value checks."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.endpoints.settings import prepare_value
from pressbox.schema.settings import (
    CORE_SETTINGS,
    RegisteredSetting,
    RestSettingOptions,
    default_additional_properties_to_false,
    rest_settings,
    settings_schema,
    settings_update_args,
)

SETTINGS = rest_settings(CORE_SETTINGS)


def test_names_and_order() -> None:
    assert [s.name for s in SETTINGS] == [
        "title",
        "description",
        "url",
        "email",
        "timezone",
        "date_format",
        "time_format",
        "start_of_week",
        "language",
        "use_smilies",
        "default_category",
        "default_post_format",
        "posts_per_page",
        "show_on_front",
        "page_on_front",
        "page_for_posts",
        "default_ping_status",
        "default_comment_status",
        "site_logo",
        "site_icon",
    ]
    assert [s.option_name for s in SETTINGS][:4] == [
        "blogname",
        "blogdescription",
        "siteurl",
        "admin_email",
    ]


def test_schema_merges_show_in_rest_over_defaults() -> None:
    by_name = {s.name: s.schema for s in SETTINGS}
    assert list(by_name["url"].items()) == [
        ("type", "string"),
        ("title", ""),
        ("description", "Site URL."),
        ("default", None),
        ("format", "uri"),
    ]
    assert by_name["use_smilies"]["default"] is True
    assert by_name["default_comment_status"]["enum"] == ["open", "closed"]


@pytest.mark.parametrize(
    ("setting", "shown"),
    [
        (RegisteredSetting("general", "hidden"), False),  # show_in_rest false
        (RegisteredSetting("general", "typed", "integer", show_in_rest=True), True),
        (RegisteredSetting("general", "untyped", "", show_in_rest=True), False),
        (RegisteredSetting("general", "odd", "resource", show_in_rest=True), False),
        (
            RegisteredSetting("general", "renamed", show_in_rest=RestSettingOptions(name="other")),
            True,
        ),
    ],
)
def test_which_settings_are_shown(setting: RegisteredSetting, shown: bool) -> None:
    assert bool(rest_settings([setting])) is shown


def test_object_settings_refuse_unknown_keys() -> None:
    setting = RegisteredSetting(
        "connectors",
        "creds",
        "object",
        show_in_rest=RestSettingOptions(
            schema={"properties": {"inner": {"type": "object"}}, "additionalProperties": True}
        ),
    )
    [rest] = rest_settings([setting])
    assert rest.schema["additionalProperties"] is True  # given, so kept
    assert rest.schema["properties"]["inner"]["additionalProperties"] is False


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string"}, {"type": "string"}),
        ({"type": "object"}, {"type": "object", "additionalProperties": False}),
        (
            {"type": "array", "items": {"type": "object"}},
            {"type": "array", "items": {"type": "object", "additionalProperties": False}},
        ),
        (
            {"type": ["object", "null"], "additionalProperties": None},
            {"type": ["object", "null"], "additionalProperties": False},
        ),
    ],
)
def test_default_additional_properties_to_false(
    schema: dict[str, Any], expected: dict[str, Any]
) -> None:
    assert default_additional_properties_to_false(schema) == expected


@pytest.mark.parametrize(
    ("value", "schema", "expected"),
    [
        ("1", {"type": "integer"}, 1),
        ("abc", {"type": "integer"}, None),
        (None, {"type": "integer"}, None),
        ("1", {"type": "boolean"}, True),
        ("", {"type": "boolean"}, None),
        ("closed", {"type": "string", "enum": ["open", "closed"]}, "closed"),
        ("shut", {"type": "string", "enum": ["open", "closed"]}, None),
        ("en_US", {"type": "string"}, "en_US"),
    ],
)
def test_prepare_value(value: Any, schema: dict[str, Any], expected: Any) -> None:
    assert prepare_value(value, schema) == expected


def test_public_schema_and_update_args() -> None:
    assert "arg_options" not in settings_schema(SETTINGS)["properties"]["title"]
    private = settings_schema(SETTINGS, public=False)["properties"]["title"]
    assert private["arg_options"] == {"sanitize_callback": "sanitize_callback"}
    args = settings_update_args(SETTINGS)
    # EDITABLE args carry no default, and the controller's sanitizer replaces the schema's.
    assert "default" not in args["posts_per_page"]
    assert args["title"]["sanitize_callback"] == "sanitize_callback"
