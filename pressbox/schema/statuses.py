"""Post statuses `/wp/v2/statuses`: schema and routes (WP_REST_Post_Statuses_Controller, 7.1)."""

from __future__ import annotations

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import READABLE, JSONSchema, RouteSpec, endpoint

CONTROLLER = "WP_REST_Post_Statuses_Controller"
_ALL = ["embed", "view", "edit"]
_VIEW_EDIT = ["view", "edit"]

# name -> (description, type, contexts), in the schema's order.
_PROPERTIES: dict[str, tuple[str, str, list[str]]] = {
    "name": ("The title for the status.", "string", _ALL),
    "private": ("Whether posts with this status should be private.", "boolean", ["edit"]),
    "protected": ("Whether posts with this status should be protected.", "boolean", ["edit"]),
    "public": (
        "Whether posts of this status should be shown in the front end of the site.",
        "boolean",
        _VIEW_EDIT,
    ),
    "queryable": (
        "Whether posts with this status should be publicly-queryable.",
        "boolean",
        _VIEW_EDIT,
    ),
    "show_in_list": (
        "Whether to include posts in the edit listing for their post type.",
        "boolean",
        ["edit"],
    ),
    "slug": ("An alphanumeric identifier for the status.", "string", _ALL),
    "date_floating": (
        "Whether posts of this status may have floating published dates.",
        "boolean",
        _VIEW_EDIT,
    ),
}


def status_schema() -> JSONSchema:
    """`get_item_schema()`."""
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "status",
        "type": "object",
        "properties": {
            name: {
                "description": description,
                "type": type_,
                "context": list(context),
                "readonly": True,
            }
            for name, (description, type_, context) in _PROPERTIES.items()
        },
    }


def statuses_routes() -> list[RouteSpec]:
    """`register_routes()`: the collection, then one status."""
    schema = status_schema()
    context = {"context": wp_args.get_context_param(schema, default="view")}
    status_arg = {
        "status": {
            "description": "An alphanumeric identifier for the status.",
            "type": "string",
        }
    }
    return [
        {
            "namespace": "wp/v2",
            "route": "/statuses",
            "controller": CONTROLLER,
            "endpoints": [endpoint(READABLE, "get_items", {}, context)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": "/statuses/(?P<status>[\\w-]+)",
            "controller": CONTROLLER,
            "endpoints": [endpoint(READABLE, "get_item", status_arg, context)],
            "schema": schema,
        },
    ]
