"""Site settings `/wp/v2/settings`: the registered settings, their schema and the route
(WP_REST_Settings_Controller, WordPress 7.1).

The settings are the `register_setting()` calls of `register_initial_settings()` (option.php,
on `init`) followed by the site logo and site icon of the `core/site-logo` block (on
`rest_api_init`), in that order. A multisite would leave out `url` and `email`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import (
    EDITABLE,
    READABLE,
    Args,
    JSONSchema,
    RouteSpec,
    clone,
    endpoint,
)

CONTROLLER = "WP_REST_Settings_Controller"
# The schema types a setting must have to be shown in REST.
REST_TYPES = ("number", "integer", "string", "boolean", "array", "object")


@dataclass(frozen=True)
class RestSettingOptions:
    """The array form of a setting's `show_in_rest`: a REST `name`, a schema merged over the
    defaults."""

    name: str = ""
    schema: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class RegisteredSetting:
    """One `register_setting( $group, $option_name, $args )` (`get_registered_settings()`)."""

    group: str
    option_name: str
    type: str = "string"
    label: str = ""
    description: str = ""
    default: Any = None  # None: no `default` given
    show_in_rest: bool | RestSettingOptions = False


@dataclass(frozen=True)
class RestSetting:
    """A setting as the controller serves it (`get_registered_options()`)."""

    name: str  # the REST property name
    option_name: str
    schema: JSONSchema


def _s(
    group: str,
    option: str,
    type_: str,
    description: str,
    *,
    label: str = "",
    default: Any = None,
    name: str = "",
    schema: Mapping[str, Any] | None = None,
) -> RegisteredSetting:
    rest: bool | RestSettingOptions = True
    if name or schema:
        rest = RestSettingOptions(name, MappingProxyType(dict(schema or {})))
    return RegisteredSetting(group, option, type_, label, description, default, rest)


_OPEN_CLOSED = {"enum": ["open", "closed"]}

CORE_SETTINGS: tuple[RegisteredSetting, ...] = (
    _s("general", "blogname", "string", "Site title.", label="Title", name="title"),
    _s("general", "blogdescription", "string", "Site tagline.", label="Tagline", name="description"),
    _s("general", "siteurl", "string", "Site URL.", name="url", schema={"format": "uri"}),
    _s(
        "general",
        "admin_email",
        "string",
        "This address is used for admin purposes, like new user notification.",
        name="email",
        schema={"format": "email"},
    ),
    _s("general", "timezone_string", "string", "A city in the same timezone as you.", name="timezone"),
    _s("general", "date_format", "string", "A date format for all date strings."),
    _s("general", "time_format", "string", "A time format for all time strings."),
    _s("general", "start_of_week", "integer", "A day number of the week that the week should start on."),
    _s("general", "WPLANG", "string", "WordPress locale code.", default="en_US", name="language"),
    _s(
        "writing",
        "use_smilies",
        "boolean",
        "Convert emoticons like :-) and :-P to graphics on display.",
        default=True,
    ),
    _s("writing", "default_category", "integer", "Default post category."),
    _s("writing", "default_post_format", "string", "Default post format."),
    _s(
        "reading",
        "posts_per_page",
        "integer",
        "Blog pages show at most.",
        label="Maximum posts per page",
        default=10,
    ),
    _s("reading", "show_on_front", "string", "What to show on the front page", label="Show on front"),
    _s(
        "reading",
        "page_on_front",
        "integer",
        "The ID of the page that should be displayed on the front page",
        label="Page on front",
    ),
    _s("reading", "page_for_posts", "integer", "The ID of the page that should display the latest posts"),
    _s(
        "discussion",
        "default_ping_status",
        "string",
        "Allow link notifications from other blogs (pingbacks and trackbacks) on new articles.",
        schema=_OPEN_CLOSED,
    ),
    _s(
        "discussion",
        "default_comment_status",
        "string",
        "Allow people to submit comments on new posts.",
        label="Allow comments on new posts",
        schema=_OPEN_CLOSED,
    ),
    # register_block_core_site_logo_setting() and register_block_core_site_icon_setting().
    _s("general", "site_logo", "integer", "Site logo.", label="Logo", name="site_logo"),
    _s("general", "site_icon", "integer", "Site icon.", label="Icon"),
)  # fmt: skip


def default_additional_properties_to_false(schema: Mapping[str, Any]) -> JSONSchema:
    """`rest_default_additional_properties_to_false()`: objects refuse unknown keys unless
    their schema says otherwise, at every depth."""
    out: JSONSchema = clone(schema)
    types = out.get("type")
    type_list = types if isinstance(types, list) else [types]
    if "object" in type_list:
        for name, sub in (out.get("properties") or {}).items():
            out["properties"][name] = default_additional_properties_to_false(sub)
        if isinstance(out.get("patternProperties"), dict):
            for name, sub in out["patternProperties"].items():
                out["patternProperties"][name] = default_additional_properties_to_false(sub)
        if out.get("additionalProperties") is None:
            out["additionalProperties"] = False
    if "array" in type_list and isinstance(out.get("items"), dict):
        out["items"] = default_additional_properties_to_false(out["items"])
    return out


def rest_settings(settings: Sequence[RegisteredSetting]) -> list[RestSetting]:
    """`get_registered_options()`: the settings shown in REST, with their merged schema."""
    out: dict[str, RestSetting] = {}
    for setting in settings:
        if not setting.show_in_rest:
            continue
        options = (
            setting.show_in_rest
            if isinstance(setting.show_in_rest, RestSettingOptions)
            else RestSettingOptions()
        )
        schema: JSONSchema = {
            "type": setting.type or None,
            "title": setting.label,
            "description": setting.description,
            "default": setting.default,
        }
        schema.update(clone(options.schema))
        # Settings without a type REST can describe are skipped.
        if schema.get("type") not in REST_TYPES:
            continue
        name = options.name or setting.option_name
        out[name] = RestSetting(
            name, setting.option_name, default_additional_properties_to_false(schema)
        )
    return list(out.values())


def settings_schema(settings: Sequence[RestSetting], *, public: bool = True) -> JSONSchema:
    """`get_item_schema()` (with `public`, `get_public_item_schema()`: no `arg_options`)."""
    properties: JSONSchema = {}
    for setting in settings:
        prop = clone(setting.schema)
        if not public:
            prop["arg_options"] = {"sanitize_callback": "sanitize_callback"}
        properties[setting.name] = prop
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "settings",
        "type": "object",
        "properties": properties,
    }


def settings_update_args(settings: Sequence[RestSetting]) -> Args:
    """The update endpoint's args: `get_endpoint_args_for_item_schema( EDITABLE )`."""
    return wp_args.endpoint_args_for_schema(
        settings_schema(settings, public=False), wp_args.EDITABLE
    )


def settings_routes(settings: Sequence[RestSetting]) -> list[RouteSpec]:
    """`register_routes()`: read and update, both behind `manage_options`."""
    return [
        {
            "namespace": "wp/v2",
            "route": "/settings",
            "controller": CONTROLLER,
            "endpoints": [
                endpoint(READABLE, "get_item", {}, {}),
                endpoint(
                    EDITABLE,
                    "update_item",
                    {},
                    settings_update_args(settings),
                    "get_item_permissions_check",
                ),
            ],
            "schema": settings_schema(settings),
        }
    ]
