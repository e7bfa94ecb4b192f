"""Taxonomies `/wp/v2/taxonomies`: schema and routes (WP_REST_Taxonomies_Controller, 7.1)."""

from __future__ import annotations

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import READABLE, Args, JSONSchema, RouteSpec, endpoint

CONTROLLER = "WP_REST_Taxonomies_Controller"
_ALL = ["view", "edit", "embed"]
_VIEW_EDIT = ["view", "edit"]

# visibility's sub-properties: name -> description, in the schema's order.
_VISIBILITY = {
    "public": "Whether a taxonomy is intended for use publicly either via the admin interface "
    "or by front-end users.",
    "publicly_queryable": "Whether the taxonomy is publicly queryable.",
    "show_ui": "Whether to generate a default UI for managing this taxonomy.",
    "show_admin_column": "Whether to allow automatic creation of taxonomy columns on associated "
    "post-types table.",
    "show_in_nav_menus": "Whether to make the taxonomy available for selection in navigation "
    "menus.",
    "show_in_quick_edit": "Whether to show the taxonomy in the quick/bulk edit panel.",
}


def _readonly(description: str, type_: str, context: list[str]) -> JSONSchema:
    return {"description": description, "type": type_, "context": list(context), "readonly": True}


def taxonomy_schema() -> JSONSchema:
    """`get_item_schema()`."""
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "taxonomy",
        "type": "object",
        "properties": {
            "capabilities": _readonly("All capabilities used by the taxonomy.", "object", ["edit"]),
            "description": _readonly(
                "A human-readable description of the taxonomy.", "string", _VIEW_EDIT
            ),
            "hierarchical": _readonly(
                "Whether or not the taxonomy should have children.", "boolean", _VIEW_EDIT
            ),
            "labels": _readonly(
                "Human-readable labels for the taxonomy for various contexts.", "object", ["edit"]
            ),
            "name": _readonly("The title for the taxonomy.", "string", _ALL),
            "slug": _readonly("An alphanumeric identifier for the taxonomy.", "string", _ALL),
            "show_cloud": _readonly(
                "Whether or not the term cloud should be displayed.", "boolean", ["edit"]
            ),
            "types": {
                "description": "Types associated with the taxonomy.",
                "type": "array",
                "items": {"type": "string"},
                "context": list(_VIEW_EDIT),
                "readonly": True,
            },
            "rest_base": _readonly("REST base route for the taxonomy.", "string", _ALL),
            "rest_namespace": _readonly("REST namespace route for the taxonomy.", "string", _ALL),
            "visibility": {
                "description": "The visibility settings for the taxonomy.",
                "type": "object",
                "context": ["edit"],
                "readonly": True,
                "properties": {
                    name: {"description": description, "type": "boolean"}
                    for name, description in _VISIBILITY.items()
                },
            },
        },
    }


def taxonomies_collection_params(schema: JSONSchema) -> Args:
    """`get_collection_params()`: `context` and the post type filter `type`."""
    return {
        "context": wp_args.get_context_param(schema, default="view"),
        "type": {
            "description": "Limit results to taxonomies associated with a specific post type.",
            "type": "string",
        },
    }


def taxonomies_routes() -> list[RouteSpec]:
    """`register_routes()`: the collection, then one taxonomy."""
    schema = taxonomy_schema()
    context = {"context": wp_args.get_context_param(schema, default="view")}
    taxonomy_arg = {
        "taxonomy": {
            "description": "An alphanumeric identifier for the taxonomy.",
            "type": "string",
        }
    }
    return [
        {
            "namespace": "wp/v2",
            "route": "/taxonomies",
            "controller": CONTROLLER,
            "endpoints": [
                endpoint(READABLE, "get_items", {}, taxonomies_collection_params(schema))
            ],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": "/taxonomies/(?P<taxonomy>[\\w-]+)",
            "controller": CONTROLLER,
            "endpoints": [endpoint(READABLE, "get_item", taxonomy_arg, context)],
            "schema": schema,
        },
    ]
