"""Themes: schema, collection args and routes (WP_REST_Themes_Controller, WordPress 7.1).

`theme_supports` lists the theme features core registers with `show_in_rest`
(`create_initial_theme_features()`), each schema completed as `register_theme_feature()` does.
"""

from __future__ import annotations

from typing import Any

from pressbox.registry import POST_FORMATS
from pressbox.schema.controller_args import READABLE, JSONSchema, RouteSpec, clone, endpoint
from pressbox.schema.meta_fields import default_additional_properties_to_false

# The stylesheet part of theme routes (WP_REST_Themes_Controller::PATTERN).
STYLESHEET_PATTERN = '[^\\/:<>\\*\\?"\\|]+(?:\\/[^\\/:<>\\*\\?"\\|]+)?'

_STR = {"type": "string"}
_BOOL = {"type": "boolean"}
_INT = {"type": "integer"}


def _enum(*values: str) -> JSONSchema:
    return {"type": "string", "enum": list(values)}


def _presets(**props: JSONSchema) -> JSONSchema:
    return {"items": {"type": "object", "properties": props}}


# (feature, type, description, REST name or None, schema given at registration)
THEME_FEATURES: tuple[tuple[str, str, str, str | None, JSONSchema], ...] = (
    ("align-wide", "boolean", "Whether theme opts in to wide alignment CSS class.", None, {}),
    (
        "automatic-feed-links",
        "boolean",
        "Whether posts and comments RSS feed links are added to head.",
        None,
        {},
    ),
    ("block-templates", "boolean", "Whether a theme uses block-based templates.", None, {}),
    (
        "block-template-parts",
        "boolean",
        "Whether a theme uses block-based template parts.",
        None,
        {},
    ),
    (
        "custom-background",
        "object",
        "Custom background if defined by the theme.",
        None,
        {
            "properties": {
                "default-image": {"type": "string", "format": "uri"},
                "default-preset": _enum("default", "fill", "fit", "repeat", "custom"),
                "default-position-x": _enum("left", "center", "right"),
                "default-position-y": _enum("left", "center", "right"),
                "default-size": _enum("auto", "contain", "cover"),
                "default-repeat": _enum("repeat-x", "repeat-y", "repeat", "no-repeat"),
                "default-attachment": _enum("scroll", "fixed"),
                "default-color": _STR,
            }
        },
    ),
    (
        "custom-header",
        "object",
        "Custom header if defined by the theme.",
        None,
        {
            "properties": {
                "default-image": {"type": "string", "format": "uri"},
                "random-default": _BOOL,
                "width": _INT,
                "height": _INT,
                "flex-height": _BOOL,
                "flex-width": _BOOL,
                "default-text-color": _STR,
                "header-text": _BOOL,
                "uploads": _BOOL,
                "video": _BOOL,
            }
        },
    ),
    (
        "custom-logo",
        "object",
        "Custom logo if defined by the theme.",
        None,
        {
            "properties": {
                "width": _INT,
                "height": _INT,
                "flex-width": _BOOL,
                "flex-height": _BOOL,
                "header-text": {"type": "array", "items": _STR},
                "unlink-homepage-logo": _BOOL,
            }
        },
    ),
    (
        "customize-selective-refresh-widgets",
        "boolean",
        "Whether the theme enables Selective Refresh for Widgets being managed with the "
        "Customizer.",
        None,
        {},
    ),
    (
        "dark-editor-style",
        "boolean",
        "Whether theme opts in to the dark editor style UI.",
        None,
        {},
    ),
    ("disable-custom-colors", "boolean", "Whether the theme disables custom colors.", None, {}),
    (
        "disable-custom-font-sizes",
        "boolean",
        "Whether the theme disables custom font sizes.",
        None,
        {},
    ),
    (
        "disable-custom-gradients",
        "boolean",
        "Whether the theme disables custom gradients.",
        None,
        {},
    ),
    (
        "disable-layout-styles",
        "boolean",
        "Whether the theme disables generated layout styles.",
        None,
        {},
    ),
    (
        "editor-color-palette",
        "array",
        "Custom color palette if defined by the theme.",
        None,
        _presets(name=_STR, slug=_STR, color=_STR),
    ),
    (
        "editor-font-sizes",
        "array",
        "Custom font sizes if defined by the theme.",
        None,
        _presets(name=_STR, size={"type": "number"}, slug=_STR),
    ),
    (
        "editor-gradient-presets",
        "array",
        "Custom gradient presets if defined by the theme.",
        None,
        _presets(name=_STR, gradient=_STR, slug=_STR),
    ),
    (
        "editor-spacing-sizes",
        "array",
        "Custom spacing sizes if defined by the theme.",
        None,
        _presets(name=_STR, size=_STR, slug=_STR),
    ),
    (
        "editor-styles",
        "boolean",
        "Whether theme opts in to the editor styles CSS wrapper.",
        None,
        {},
    ),
    (
        "html5",
        "array",
        "Allows use of HTML5 markup for search forms, comment forms, comment lists, gallery, "
        "and caption.",
        None,
        {
            "items": _enum(
                "search-form",
                "comment-form",
                "comment-list",
                "gallery",
                "caption",
                "script",
                "style",
            )
        },
    ),
    (
        "post-formats",
        "array",
        "Post formats supported.",
        "formats",
        {
            "items": {"type": "string", "enum": list(POST_FORMATS)},
            "default": ["standard"],
        },
    ),
    (
        "post-thumbnails",
        "array",
        "The post types that support thumbnails or true if all post types are supported.",
        None,
        {"items": _STR},
    ),
    (
        "responsive-embeds",
        "boolean",
        "Whether the theme supports responsive embedded content.",
        None,
        {},
    ),
    ("title-tag", "boolean", "Whether the theme can manage the document title tag.", None, {}),
    (
        "wp-block-styles",
        "boolean",
        "Whether theme opts in to default WordPress block styles for viewing.",
        None,
        {},
    ),
)


def theme_feature_schema(type_: str, description: str, given: JSONSchema) -> JSONSchema:
    """`register_theme_feature()`'s REST schema: defaults merged in, `boolean` added to the
    type when the default is a boolean, objects closed to additional properties."""
    schema: dict[str, Any] = {"description": description, "type": type_, "default": False}
    schema.update(clone(given))
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    if isinstance(schema["default"], bool) and "boolean" not in types:
        schema["type"] = ["boolean", *types]
    return default_additional_properties_to_false(schema)


def theme_supports_properties() -> JSONSchema:
    return {
        name or feature: theme_feature_schema(type_, description, given)
        for feature, type_, description, name, given in THEME_FEATURES
    }


def _ro(description: str, type_: str, **more: Any) -> JSONSchema:
    return {"description": description, "type": type_, **more, "readonly": True}


def _raw_rendered(description: str, raw: str, rendered: str, fmt: str | None = None) -> JSONSchema:
    def sub(text: str) -> JSONSchema:
        prop: JSONSchema = {"description": text, "type": "string"}
        if fmt:
            prop["format"] = fmt
        return prop

    return {
        "description": description,
        "type": "object",
        "readonly": True,
        "properties": {"raw": sub(raw), "rendered": sub(rendered)},
    }


def theme_schema() -> JSONSchema:
    """`get_item_schema()`."""
    str_props = {"type": "string"}
    p: JSONSchema = {
        "stylesheet": _ro("The theme's stylesheet. This uniquely identifies the theme.", "string"),
        "stylesheet_uri": _ro(
            "The uri for the theme's stylesheet directory.", "string", format="uri"
        ),
        "template": _ro(
            "The theme's template. If this is a child theme, this refers to the parent theme, "
            "otherwise this is the same as the theme's stylesheet.",
            "string",
        ),
        "template_uri": _ro(
            "The uri for the theme's template directory. If this is a child theme, this refers "
            "to the parent theme, otherwise this is the same as the theme's stylesheet "
            "directory.",
            "string",
            format="uri",
        ),
        "author": _raw_rendered(
            "The theme author.",
            "The theme author's name, as found in the theme header.",
            "HTML for the theme author, transformed for display.",
        ),
        "author_uri": _raw_rendered(
            "The website of the theme author.",
            "The website of the theme author, as found in the theme header.",
            "The website of the theme author, transformed for display.",
            "uri",
        ),
        "description": _raw_rendered(
            "A description of the theme.",
            "The theme description, as found in the theme header.",
            "The theme description, transformed for display.",
        ),
        "is_block_theme": _ro("Whether the theme is a block-based theme.", "boolean"),
        "name": _raw_rendered(
            "The name of the theme.",
            "The theme name, as found in the theme header.",
            "The theme name, transformed for display.",
        ),
        "requires_php": _ro("The minimum PHP version required for the theme to work.", "string"),
        "requires_wp": _ro(
            "The minimum WordPress version required for the theme to work.", "string"
        ),
        "screenshot": _ro("The theme's screenshot URL.", "string", format="uri"),
        "tags": {
            "description": "Tags indicating styles and features of the theme.",
            "type": "object",
            "readonly": True,
            "properties": {
                "raw": {
                    "description": "The theme tags, as found in the theme header.",
                    "type": "array",
                    "items": dict(str_props),
                },
                "rendered": {
                    "description": "The theme tags, transformed for display.",
                    "type": "string",
                },
            },
        },
        "textdomain": _ro("The theme's text domain.", "string"),
        "theme_supports": {
            "description": "Features supported by this theme.",
            "type": "object",
            "readonly": True,
            "properties": theme_supports_properties(),
        },
        "theme_uri": _raw_rendered(
            "The URI of the theme's webpage.",
            "The URI of the theme's webpage, as found in the theme header.",
            "The URI of the theme's webpage, transformed for display.",
            "uri",
        ),
        "version": _ro("The theme's current version.", "string"),
        "status": {
            "description": "A named status for the theme.",
            "type": "string",
            "enum": ["inactive", "active"],
        },
        "default_template_types": _ro(
            "A list of default template types.",
            "array",
            items={
                "type": "object",
                "properties": {"slug": _STR, "title": _STR, "description": _STR},
            },
        ),
        "default_template_part_areas": _ro(
            "A list of allowed area values for template parts.",
            "array",
            items={
                "type": "object",
                "properties": {
                    "area": _STR,
                    "label": _STR,
                    "description": _STR,
                    "icon": _STR,
                    "area_tag": _STR,
                },
            },
        ),
    }
    # `readonly` comes before `items` in the two list properties.
    for key in ("default_template_types", "default_template_part_areas"):
        prop = p[key]
        p[key] = {
            "description": prop["description"],
            "type": "array",
            "readonly": True,
            "items": prop["items"],
        }
    return clone(
        {
            "$schema": "http://json-schema.org/draft-04/schema#",
            "title": "theme",
            "type": "object",
            "properties": p,
        }
    )


def themes_routes() -> list[RouteSpec]:
    """`register_routes()`: the collection (with the full schema) and one theme."""
    schema = theme_schema()
    status = {
        "status": {
            "description": "Limit result set to themes assigned one or more statuses.",
            "type": "array",
            "items": {"enum": ["active", "inactive"], "type": "string"},
        }
    }
    stylesheet = {
        "stylesheet": {
            "description": "The theme's stylesheet. This uniquely identifies the theme.",
            "type": "string",
            "sanitize_callback": "_sanitize_stylesheet_callback",
        }
    }
    return [
        {
            "namespace": "wp/v2",
            "route": "/themes",
            "controller": "WP_REST_Themes_Controller",
            "endpoints": [endpoint(READABLE, "get_items", {}, status)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": f"/themes/(?P<stylesheet>{STYLESHEET_PATTERN})",
            "controller": "WP_REST_Themes_Controller",
            "endpoints": [endpoint(READABLE, "get_item", stylesheet, {})],
            "schema": schema,
        },
    ]
