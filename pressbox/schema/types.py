"""Post types `/wp/v2/types`: schema and routes (WP_REST_Post_Types_Controller, WordPress 7.1)."""

from __future__ import annotations

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import READABLE, JSONSchema, RouteSpec, endpoint

CONTROLLER = "WP_REST_Post_Types_Controller"
_ALL = ["view", "edit", "embed"]
_VIEW_EDIT = ["view", "edit"]


def _readonly(description: str, type_: object, context: list[str]) -> JSONSchema:
    return {"description": description, "type": type_, "context": list(context), "readonly": True}


def post_type_schema() -> JSONSchema:
    """`get_item_schema()`."""
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "type",
        "type": "object",
        "properties": {
            "capabilities": _readonly(
                "All capabilities used by the post type.", "object", ["edit"]
            ),
            "description": _readonly(
                "A human-readable description of the post type.", "string", _VIEW_EDIT
            ),
            "hierarchical": _readonly(
                "Whether or not the post type should have children.", "boolean", _VIEW_EDIT
            ),
            "viewable": _readonly(
                "Whether or not the post type can be viewed.", "boolean", ["edit"]
            ),
            "labels": _readonly(
                "Human-readable labels for the post type for various contexts.", "object", ["edit"]
            ),
            "name": _readonly("The title for the post type.", "string", _ALL),
            "slug": _readonly("An alphanumeric identifier for the post type.", "string", _ALL),
            "supports": _readonly("All features, supported by the post type.", "object", ["edit"]),
            "has_archive": _readonly(
                "If the value is a string, the value will be used as the archive slug. "
                "If the value is false the post type has no archive.",
                ["string", "boolean"],
                _VIEW_EDIT,
            ),
            "taxonomies": {
                "description": "Taxonomies associated with post type.",
                "type": "array",
                "items": {"type": "string"},
                "context": list(_VIEW_EDIT),
                "readonly": True,
            },
            "rest_base": _readonly("REST base route for the post type.", "string", _ALL),
            "rest_namespace": _readonly(
                "REST route's namespace for the post type.", "string", _ALL
            ),
            "visibility": {
                "description": "The visibility settings for the post type.",
                "type": "object",
                "context": ["edit"],
                "readonly": True,
                "properties": {
                    "show_ui": {
                        "description": "Whether to generate a default UI for managing this "
                        "post type.",
                        "type": "boolean",
                    },
                    "show_in_nav_menus": {
                        "description": "Whether to make the post type available for selection "
                        "in navigation menus.",
                        "type": "boolean",
                    },
                },
            },
            "icon": _readonly("The icon for the post type.", ["string", "null"], _ALL),
            "template": {
                "type": ["array"],
                "description": "The block template associated with the post type.",
                "readonly": True,
                "context": list(_ALL),
            },
            "template_lock": {
                "type": ["string", "boolean"],
                "enum": ["all", "insert", "contentOnly", False],
                "description": "The template_lock associated with the post type, or false if none.",
                "readonly": True,
                "context": list(_ALL),
            },
        },
    }


def types_routes() -> list[RouteSpec]:
    """`register_routes()`: the collection, then one type (readable by anyone)."""
    schema = post_type_schema()
    context = {"context": wp_args.get_context_param(schema, default="view")}
    type_arg = {
        "type": {
            "description": "An alphanumeric identifier for the post type.",
            "type": "string",
        }
    }
    return [
        {
            "namespace": "wp/v2",
            "route": "/types",
            "controller": CONTROLLER,
            "endpoints": [endpoint(READABLE, "get_items", {}, context)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": "/types/(?P<type>[\\w-]+)",
            "controller": CONTROLLER,
            # The single type's permission is `__return_true`: get_item() checks the rest.
            "endpoints": [endpoint(READABLE, "get_item", type_arg, context, "allow_anyone")],
            "schema": schema,
        },
    ]
