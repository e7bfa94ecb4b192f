"""Search `/wp/v2/search`: schema and routes (WP_REST_Search_Controller, WordPress 7.1).

Both the schema's enums and the `type`/`subtype` args are made of what the search handlers
serve, in handler order: their types (`post`, `term`, `post-format`) and subtypes (post types,
then taxonomies), each list without duplicates.
"""

from __future__ import annotations

from collections.abc import Sequence

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import READABLE, Args, JSONSchema, RouteSpec, endpoint

CONTROLLER = "WP_REST_Search_Controller"
TYPE_ANY = "any"
_CONTEXT = ["view", "embed"]


def search_result_schema(types: Sequence[str], subtypes: Sequence[str]) -> JSONSchema:
    """`get_item_schema()`."""
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "search-result",
        "type": "object",
        "properties": {
            "id": {
                "description": "Unique identifier for the object.",
                "type": ["integer", "string"],
                "context": list(_CONTEXT),
                "readonly": True,
            },
            "title": {
                "description": "The title for the object.",
                "type": "string",
                "context": list(_CONTEXT),
                "readonly": True,
            },
            "url": {
                "description": "URL to the object.",
                "type": "string",
                "format": "uri",
                "context": list(_CONTEXT),
                "readonly": True,
            },
            "type": {
                "description": "Object type.",
                "type": "string",
                "enum": list(types),
                "context": list(_CONTEXT),
                "readonly": True,
            },
            "subtype": {
                "description": "Object subtype.",
                "type": "string",
                "enum": list(subtypes),
                "context": list(_CONTEXT),
                "readonly": True,
            },
        },
    }


def search_collection_params(
    schema: JSONSchema, types: Sequence[str], subtypes: Sequence[str]
) -> Args:
    """`get_collection_params()`: the common list args, then type, subtype, exclude, include.

    `subtype` is sanitised by the controller's `sanitize_subtypes` (named here, bound when the
    route is registered).
    """
    params = wp_args.get_collection_params(schema)
    params["context"]["default"] = "view"
    params["type"] = {
        "default": types[0],
        "description": "Limit results to items of an object type.",
        "type": "string",
        "enum": list(types),
    }
    params["subtype"] = {
        "default": TYPE_ANY,
        "description": "Limit results to items of one or more object subtypes.",
        "type": "array",
        "items": {"enum": [*subtypes, TYPE_ANY], "type": "string"},
        "sanitize_callback": "sanitize_subtypes",
    }
    params["exclude"] = {
        "description": "Ensure result set excludes specific IDs.",
        "type": "array",
        "items": {"type": "integer"},
        "default": [],
    }
    params["include"] = {
        "description": "Limit result set to specific IDs.",
        "type": "array",
        "items": {"type": "integer"},
        "default": [],
    }
    return params


def search_routes(types: Sequence[str], subtypes: Sequence[str]) -> list[RouteSpec]:
    """`register_routes()`: one readable collection (its permission check is `true`)."""
    schema = search_result_schema(types, subtypes)
    return [
        {
            "namespace": "wp/v2",
            "route": "/search",
            "controller": CONTROLLER,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_items",
                    {},
                    search_collection_params(schema, types, subtypes),
                    "get_items_permission_check",
                )
            ],
            "schema": schema,
        }
    ]
