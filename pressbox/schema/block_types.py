"""Block types and the block renderer: schemas and routes (WordPress 7.1).

WordPress counterparts: `WP_REST_Block_Types_Controller::get_item_schema()`,
`get_collection_params()`, `register_routes()`, and
`WP_REST_Block_Renderer_Controller::register_routes()` / `get_item_schema()`.
An empty PHP array (`'properties' => array()`) is kept as `[]`, as WordPress prints it.
"""

from __future__ import annotations

from typing import Any

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import READABLE, JSONSchema, RouteSpec, endpoint

NAME_PATTERN = "^[a-z][a-z0-9-]*/[a-z][a-z0-9-]*$"
_ALL = ["embed", "view", "edit"]
_STRING_LIST = {"type": "string"}

# Fields deprecated in WordPress 6.1, kept in the schema: name => what replaced them.
DEPRECATED_FIELDS = {
    "editor_script": ("Editor script handle.", "editor_script_handles"),
    "script": ("Public facing and editor script handle.", "script_handles"),
    "view_script": ("Public facing script handle.", "view_script_handles"),
    "editor_style": ("Editor style handle.", "editor_style_handles"),
    "style": ("Public facing and editor style handle.", "style_handles"),
}


def _ro(description: str, type_: Any, default: Any, **more: Any) -> JSONSchema:
    """A read-only property in every context, keys in WordPress's usual order."""
    return {
        "description": description,
        "type": type_,
        "default": default,
        **more,
        "context": list(_ALL),
        "readonly": True,
    }


def _handles(description: str) -> JSONSchema:
    return {
        "description": description,
        "type": ["array"],
        "default": [],
        "items": dict(_STRING_LIST),
        "context": list(_ALL),
        "readonly": True,
    }


def _names(description: str) -> JSONSchema:
    return {
        "description": description,
        "type": ["array", "null"],
        "items": {"type": "string", "pattern": NAME_PATTERN},
        "default": None,
        "context": list(_ALL),
        "readonly": True,
    }


def _inner_blocks() -> JSONSchema:
    return {
        "description": "The list of inner blocks used in the example.",
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "name": {
                    "description": "The name of the inner block.",
                    "type": "string",
                    "pattern": NAME_PATTERN,
                    "required": True,
                },
                "attributes": {
                    "description": "The attributes of the inner block.",
                    "type": "object",
                },
                "innerBlocks": {
                    "description": "A list of the inner block's own inner blocks. This is a "
                    "recursive definition following the parent innerBlocks schema.",
                    "type": "array",
                },
            },
        },
    }


def _example() -> JSONSchema:
    return {
        "description": "Block example.",
        "type": ["object", "null"],
        "default": None,
        "properties": {
            "attributes": {"description": "The attributes used in the example.", "type": "object"},
            "innerBlocks": _inner_blocks(),
        },
        "context": list(_ALL),
        "readonly": True,
    }


def _keywords() -> JSONSchema:
    return {
        "description": "Block keywords.",
        "type": "array",
        "items": dict(_STRING_LIST),
        "default": [],
        "context": list(_ALL),
        "readonly": True,
    }


def _icon() -> JSONSchema:
    return _ro("Icon of block type.", ["string", "null"], None)


def _category() -> JSONSchema:
    return _ro("Block category.", ["string", "null"], None)


def _variations() -> JSONSchema:
    return {
        "description": "Block variations.",
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "name": {
                    "description": "The unique and machine-readable name.",
                    "type": "string",
                    "required": True,
                },
                "title": {
                    "description": "A human-readable variation title.",
                    "type": "string",
                    "required": True,
                },
                "description": {
                    "description": "A detailed variation description.",
                    "type": "string",
                    "required": False,
                },
                "category": _category(),
                "icon": _icon(),
                "isDefault": {
                    "description": "Indicates whether the current variation is the default one.",
                    "type": "boolean",
                    "required": False,
                    "default": False,
                },
                "attributes": {
                    "description": "The initial values for attributes.",
                    "type": "object",
                },
                "innerBlocks": _inner_blocks(),
                "example": _example(),
                "scope": {
                    "description": "The list of scopes where the variation is applicable. When "
                    "not provided, it assumes all available scopes.",
                    "type": ["array", "null"],
                    "default": None,
                    "items": {"type": "string", "enum": ["block", "inserter", "transform"]},
                    "readonly": True,
                },
                "keywords": _keywords(),
            },
        },
        "readonly": True,
        "context": list(_ALL),
        "default": None,
    }


def _styles() -> JSONSchema:
    return {
        "description": "Block style variations.",
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "name": {
                    "description": "Unique name identifying the style.",
                    "type": "string",
                    "required": True,
                },
                "label": {
                    "description": "The human-readable label for the style.",
                    "type": "string",
                },
                "inline_style": {
                    "description": "Inline CSS code that registers the CSS class required "
                    "for the style.",
                    "type": "string",
                },
                "style_handle": {
                    "description": "Contains the handle that defines the block style.",
                    "type": "string",
                },
            },
        },
        "default": [],
        "context": list(_ALL),
        "readonly": True,
    }


def block_type_schema() -> JSONSchema:
    """`WP_REST_Block_Types_Controller::get_item_schema()`."""
    p: JSONSchema = {
        "api_version": _ro("Version of block API.", "integer", 1),
        "title": _ro("Title of block type.", "string", ""),
        "name": {
            "description": "Unique name identifying the block type.",
            "type": "string",
            "pattern": NAME_PATTERN,
            "required": True,
            "context": list(_ALL),
            "readonly": True,
        },
        "description": _ro("Description of block type.", "string", ""),
        "icon": _icon(),
        "attributes": {
            "description": "Block attributes.",
            "type": ["object", "null"],
            "properties": [],
            "default": None,
            "additionalProperties": {"type": "object"},
            "context": list(_ALL),
            "readonly": True,
        },
        "provides_context": {
            "description": "Context provided by blocks of this type.",
            "type": "object",
            "properties": [],
            "additionalProperties": {"type": "string"},
            "default": [],
            "context": list(_ALL),
            "readonly": True,
        },
        "uses_context": {
            "description": "Context values inherited by blocks of this type.",
            "type": "array",
            "default": [],
            "items": dict(_STRING_LIST),
            "context": list(_ALL),
            "readonly": True,
        },
        "selectors": _ro("Custom CSS selectors.", "object", [], properties=[]),
        "supports": _ro("Block supports.", "object", [], properties=[]),
        "category": _category(),
        "is_dynamic": _ro("Is the block dynamically rendered.", "boolean", False),
        "editor_script_handles": _handles("Editor script handles."),
        "script_handles": _handles("Public facing and editor script handles."),
        "view_script_handles": _handles("Public facing script handles."),
        "view_script_module_ids": _handles("Public facing script module IDs."),
        "editor_style_handles": _handles("Editor style handles."),
        "style_handles": _handles("Public facing and editor style handles."),
        "view_style_handles": _handles("Public facing style handles."),
        "styles": _styles(),
        "variations": _variations(),
        "textdomain": _ro("Public text domain.", ["string", "null"], None),
        "parent": _names("Parent blocks."),
        "ancestor": _names("Ancestor blocks."),
        "allowed_blocks": _names("Allowed child block types."),
        "keywords": _keywords(),
        "example": _example(),
        "block_hooks": {
            "description": "This block is automatically inserted near any occurrence of the "
            "block types used as keys of this map, into a relative position given by the "
            "corresponding value.",
            "type": "object",
            "patternProperties": {
                NAME_PATTERN: {
                    "type": "string",
                    "enum": ["before", "after", "first_child", "last_child"],
                }
            },
            "default": [],
            "context": list(_ALL),
            "readonly": True,
        },
    }
    for name, (description, replacement) in DEPRECATED_FIELDS.items():
        p[name] = _ro(
            f"{description} DEPRECATED: Use `{replacement}` instead.", ["string", "null"], None
        )
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "block-type",
        "type": "object",
        "properties": p,
    }


def block_types_routes() -> list[RouteSpec]:
    """`WP_REST_Block_Types_Controller::register_routes()`."""
    schema = block_type_schema()
    collection = {
        "context": wp_args.get_context_param(schema, default="view"),
        "namespace": {"description": "Block namespace.", "type": "string"},
    }
    url_args = {
        "name": {"description": "Block name.", "type": "string"},
        "namespace": {"description": "Block namespace.", "type": "string"},
    }
    context = {"context": wp_args.get_context_param(schema, default="view")}
    controller = "WP_REST_Block_Types_Controller"
    base = "/block-types"
    return [
        {
            "namespace": "wp/v2",
            "route": base,
            "controller": controller,
            "endpoints": [endpoint(READABLE, "get_items", {}, collection)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": base + "/(?P<namespace>[a-zA-Z0-9_-]+)",
            "controller": controller,
            "endpoints": [endpoint(READABLE, "get_items", {}, collection)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": base + "/(?P<namespace>[a-zA-Z0-9_-]+)/(?P<name>[a-zA-Z0-9_-]+)",
            "controller": controller,
            "endpoints": [endpoint(READABLE, "get_item", url_args, context)],
            "schema": schema,
        },
    ]


def rendered_block_schema() -> JSONSchema:
    """`WP_REST_Block_Renderer_Controller::get_item_schema()`."""
    return {
        "$schema": "http://json-schema.org/schema#",
        "title": "rendered-block",
        "type": "object",
        "properties": {
            "rendered": {
                "description": "The rendered block.",
                "type": "string",
                "required": True,
                "context": ["edit"],
            }
        },
    }


def block_renderer_routes() -> list[RouteSpec]:
    """`WP_REST_Block_Renderer_Controller::register_routes()`: GET and POST, one handler."""
    schema = rendered_block_schema()
    name = {"name": {"description": "Unique registered name for the block.", "type": "string"}}
    args = {
        "context": wp_args.get_context_param(schema, default="view"),
        "attributes": {
            "description": "Attributes for the block.",
            "type": "object",
            "default": [],
            "validate_callback": "validate_attributes",
            "sanitize_callback": "sanitize_attributes",
        },
        "post_id": {"description": "ID of the post context.", "type": "integer"},
    }
    return [
        {
            "namespace": "wp/v2",
            "route": "/block-renderer/(?P<name>[a-z0-9-]+/[a-z0-9-]+)",
            "controller": "WP_REST_Block_Renderer_Controller",
            "endpoints": [
                endpoint(("GET", "POST"), "get_item", name, args),
            ],
            "schema": schema,
        }
    ]
