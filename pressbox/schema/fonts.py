"""Font families, font faces and font collections: schemas and routes (WordPress 7.1).

WordPress counterparts: `get_item_schema()`, `get_collection_params()` and the routes of
`WP_REST_Font_Families_Controller` (the posts controller's routes), `WP_REST_Font_Faces_Controller`
and `WP_REST_Font_Collections_Controller`. Settings properties keep their `arg_options`
(callbacks named as in WordPress) in the item schema; the public schema drops them.
"""

from __future__ import annotations

from typing import Any

from pressbox.registry import Registries
from pressbox.registry.post_types import PostType
from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import (
    CREATABLE,
    DELETABLE,
    EDITABLE,
    READABLE,
    JSONSchema,
    RouteSpec,
    clone,
    endpoint,
    force_arg,
    id_arg,
)
from pressbox.schema.posts_routes import post_collection_params, post_get_item_args

LATEST_THEME_JSON_VERSION = 3
_VEE = ["view", "edit", "embed"]
_DRAFT_04 = "http://json-schema.org/draft-04/schema#"
# Removed from the posts controller's collection params.
_UNUSED_PARAMS = (
    "after",
    "modified_after",
    "before",
    "modified_before",
    "search",
    "search_columns",
    "status",
)


def _id() -> JSONSchema:
    return {
        "description": "Unique identifier for the post.",
        "type": "integer",
        "context": list(_VEE),
        "readonly": True,
    }


def _theme_json_version() -> JSONSchema:
    return {
        "description": "Version of the theme.json schema used for the typography settings.",
        "type": "integer",
        "default": LATEST_THEME_JSON_VERSION,
        "minimum": 2,
        "maximum": LATEST_THEME_JSON_VERSION,
        "context": list(_VEE),
    }


def _setting(description: str, sanitize: str, **more: Any) -> JSONSchema:
    return {
        "description": description,
        "type": "string",
        **more,
        "arg_options": {"sanitize_callback": sanitize},
    }


def font_family_schema() -> JSONSchema:
    """`WP_REST_Font_Families_Controller::get_item_schema()`."""
    return {
        "$schema": _DRAFT_04,
        "title": "wp_font_family",
        "type": "object",
        "properties": {
            "id": _id(),
            "theme_json_version": _theme_json_version(),
            "font_faces": {
                "description": "The IDs of the child font faces in the font family.",
                "type": "array",
                "context": list(_VEE),
                "items": {"type": "integer"},
            },
            "font_family_settings": {
                "description": "font-face definition in theme.json format.",
                "type": "object",
                "context": list(_VEE),
                "properties": {
                    "name": _setting(
                        "Name of the font family preset, translatable.", "sanitize_text_field"
                    ),
                    "slug": _setting(
                        "Kebab-case unique identifier for the font family preset.",
                        "sanitize_title",
                    ),
                    "fontFamily": _setting("CSS font-family value.", "sanitize_font_family"),
                    "preview": _setting(
                        "URL to a preview image of the font family.",
                        "sanitize_url",
                        format="uri",
                        default="",
                    ),
                },
                "required": ["name", "slug", "fontFamily"],
                "additionalProperties": False,
            },
        },
    }


def font_face_schema() -> JSONSchema:
    """`WP_REST_Font_Faces_Controller::get_item_schema()`."""
    text = "sanitize_text_field"
    settings: JSONSchema = {
        "fontFamily": _setting("CSS font-family value.", "sanitize_font_family", default=""),
        "fontStyle": _setting("CSS font-style value.", text, default="normal"),
        "fontWeight": {
            "description": "List of available font weights, separated by a space.",
            "default": "400",
            "type": ["string", "integer"],
            "arg_options": {"sanitize_callback": text},
        },
        "fontDisplay": _setting(
            "CSS font-display value.",
            text,
            default="fallback",
            enum=["auto", "block", "fallback", "swap", "optional"],
        ),
        "src": {
            "description": "Paths or URLs to the font files.",
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
            "default": [],
            "arg_options": {"sanitize_callback": "sanitize_src_list"},
        },
    }
    for name, what in (
        ("fontStretch", "font-stretch"),
        ("ascentOverride", "ascent-override"),
        ("descentOverride", "descent-override"),
        ("fontVariant", "font-variant"),
        ("fontFeatureSettings", "font-feature-settings"),
        ("fontVariationSettings", "font-variation-settings"),
        ("lineGapOverride", "line-gap-override"),
        ("sizeAdjust", "size-adjust"),
        ("unicodeRange", "unicode-range"),
    ):
        settings[name] = _setting(f"CSS {what} value.", text)
    settings["preview"] = _setting(
        "URL to a preview image of the font face.", "sanitize_url", format="uri", default=""
    )
    return {
        "$schema": _DRAFT_04,
        "title": "wp_font_face",
        "type": "object",
        "properties": {
            "id": _id(),
            "theme_json_version": _theme_json_version(),
            "parent": {
                "description": "The ID for the parent font family of the font face.",
                "type": "integer",
                "context": list(_VEE),
            },
            "font_face_settings": {
                "description": "font-face declaration in theme.json format.",
                "type": "object",
                "context": list(_VEE),
                "properties": settings,
                "required": ["fontFamily", "src"],
                "additionalProperties": False,
            },
        },
    }


def public_font_schema(schema: JSONSchema, settings: str) -> JSONSchema:
    """`get_public_item_schema()`: no `arg_options`, the settings' own included."""
    public = clone(schema)
    for prop in public["properties"].values():
        prop.pop("arg_options", None)
    for prop in public["properties"][settings]["properties"].values():
        prop.pop("arg_options", None)
    return public


def _collection_params(
    post_type: PostType, registries: Registries, schema: JSONSchema, *unused: str
) -> dict[str, Any]:
    params = post_collection_params(post_type, registries, schema)
    for key in (*_UNUSED_PARAMS, *unused):
        params.pop(key, None)
    params["orderby"]["default"] = "id"
    params["orderby"]["enum"] = ["id", "include"]
    return params


def _settings_arg(name: str, description: str, prefix: str) -> JSONSchema:
    return {
        name: {
            "description": description,
            "type": "string",
            "required": True,
            "validate_callback": f"validate_{prefix}_settings",
            "sanitize_callback": f"sanitize_{prefix}_settings",
        }
    }


def font_families_routes(post_type: PostType, registries: Registries) -> list[RouteSpec]:
    """The posts controller's routes with the font families' schema and args."""
    schema = font_family_schema()
    public = public_font_schema(schema, "font_family_settings")
    writable = {
        "theme_json_version": _theme_json_version(),
        **_settings_arg(
            "font_family_settings",
            "font-family declaration in theme.json format, encoded as a string.",
            "font_family",
        ),
    }
    item_id = id_arg("Unique identifier for the post.")
    return [
        {
            "namespace": "wp/v2",
            "route": "/font-families",
            "controller": "WP_REST_Font_Families_Controller",
            "endpoints": [
                endpoint(
                    READABLE, "get_items", {}, _collection_params(post_type, registries, schema)
                ),
                endpoint(CREATABLE, "create_item", {}, writable),
            ],
            "schema": public,
        },
        {
            "namespace": "wp/v2",
            "route": "/font-families/(?P<id>[\\d]+)",
            "controller": "WP_REST_Font_Families_Controller",
            "endpoints": [
                endpoint(READABLE, "get_item", item_id, post_get_item_args(schema)),
                endpoint(EDITABLE, "update_item", item_id, writable),
                endpoint(
                    DELETABLE,
                    "delete_item",
                    item_id,
                    force_arg("Whether to bypass Trash and force deletion."),
                ),
            ],
            "schema": public,
        },
    ]


def font_faces_routes(post_type: PostType, registries: Registries) -> list[RouteSpec]:
    schema = font_face_schema()
    public = public_font_schema(schema, "font_face_settings")
    family = {
        "font_family_id": {
            "description": "The ID for the parent font family of the font face.",
            "type": "integer",
            "required": True,
        }
    }
    face = {
        **family,
        "id": {
            "description": "Unique identifier for the font face.",
            "type": "integer",
            "required": True,
        },
    }
    create = {
        "theme_json_version": _theme_json_version(),
        **_settings_arg(
            "font_face_settings",
            "font-face declaration in theme.json format, encoded as a string.",
            "create_font_face",
        ),
    }
    create["font_face_settings"]["sanitize_callback"] = "sanitize_font_face_settings"
    base = "/font-families/(?P<font_family_id>[\\d]+)/font-faces"
    return [
        {
            "namespace": "wp/v2",
            "route": base,
            "controller": "WP_REST_Font_Faces_Controller",
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_items",
                    family,
                    _collection_params(post_type, registries, schema, "slug"),
                ),
                endpoint(CREATABLE, "create_item", family, create),
            ],
            "schema": public,
        },
        {
            "namespace": "wp/v2",
            "route": base + "/(?P<id>[\\d]+)",
            "controller": "WP_REST_Font_Faces_Controller",
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_item",
                    face,
                    {"context": wp_args.get_context_param(schema, default="view")},
                ),
                endpoint(
                    DELETABLE,
                    "delete_item",
                    face,
                    {
                        "force": {
                            "type": "boolean",
                            "default": False,
                            "description": "Whether to bypass Trash and force deletion.",
                        }
                    },
                ),
            ],
            "schema": public,
        },
    ]


def font_collection_schema() -> JSONSchema:
    def prop(description: str, type_: str) -> JSONSchema:
        return {"description": description, "type": type_, "context": list(_VEE)}

    return {
        "$schema": _DRAFT_04,
        "title": "font-collection",
        "type": "object",
        "properties": {
            "slug": {
                **prop("Unique identifier for the font collection.", "string"),
                "readonly": True,
            },
            "name": prop("The name for the font collection.", "string"),
            "description": prop("The description for the font collection.", "string"),
            "font_families": prop("The font families for the font collection.", "array"),
            "categories": prop("The categories for the font collection.", "array"),
        },
    }


def font_collections_routes() -> list[RouteSpec]:
    schema = font_collection_schema()
    params = wp_args.get_collection_params(schema)
    params["context"] = wp_args.get_context_param(schema, default="view")
    del params["search"]
    return [
        {
            "namespace": "wp/v2",
            "route": "/font-collections",
            "controller": "WP_REST_Font_Collections_Controller",
            "endpoints": [endpoint(READABLE, "get_items", {}, params)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": "/font-collections/(?P<slug>[\\/\\w-]+)",
            "controller": "WP_REST_Font_Collections_Controller",
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_item",
                    {},
                    {"context": wp_args.get_context_param(schema, default="view")},
                    permission="get_items_permissions_check",
                )
            ],
            "schema": schema,
        },
    ]
