"""Menu locations: schema and routes (WP_REST_Menu_Locations_Controller, WordPress 7.1)."""

from __future__ import annotations

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import READABLE, JSONSchema, RouteSpec, endpoint

CONTROLLER = "WP_REST_Menu_Locations_Controller"
_CONTEXTS = ["embed", "view", "edit"]


def menu_location_schema() -> JSONSchema:
    """`get_item_schema()`."""
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "menu-location",
        "type": "object",
        "properties": {
            "name": {
                "description": "The name of the menu location.",
                "type": "string",
                "context": list(_CONTEXTS),
                "readonly": True,
            },
            "description": {
                "description": "The description of the menu location.",
                "type": "string",
                "context": list(_CONTEXTS),
                "readonly": True,
            },
            "menu": {
                "description": "The ID of the assigned menu.",
                "type": "integer",
                "context": list(_CONTEXTS),
                "readonly": True,
            },
        },
    }


def menu_locations_routes() -> list[RouteSpec]:
    """`register_routes()`: the collection and one location."""
    schema = menu_location_schema()
    context = {"context": wp_args.get_context_param(schema, default="view")}
    location = {
        "location": {
            "description": "An alphanumeric identifier for the menu location.",
            "type": "string",
        }
    }
    return [
        {
            "namespace": "wp/v2",
            "route": "/menu-locations",
            "controller": CONTROLLER,
            "endpoints": [endpoint(READABLE, "get_items", {}, context)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": "/menu-locations/(?P<location>[\\w-]+)",
            "controller": CONTROLLER,
            "endpoints": [endpoint(READABLE, "get_item", location, context)],
            "schema": schema,
        },
    ]
