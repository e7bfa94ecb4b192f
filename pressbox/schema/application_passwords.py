"""The schema and routes of application passwords, as WordPress 7.1 declares them.

WordPress counterparts: `WP_REST_Application_Passwords_Controller::get_item_schema()`,
`get_collection_params()` and `register_routes()`. Every function returns fresh dicts in
WordPress's key order; callbacks are named after the controller's methods.
"""

from __future__ import annotations

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import (
    CREATABLE,
    DELETABLE,
    EDITABLE,
    READABLE,
    Args,
    JSONSchema,
    RouteSpec,
    endpoint,
)
from pressbox.schema.posts import SCHEMA_DRAFT_04, public_item_schema

NAMESPACE = "wp/v2"
REST_BASE = "users/(?P<user_id>(?:[\\d]+|me))/application-passwords"
# The user meta key WP_Application_Passwords keeps a user's passwords under (no table prefix).
USERMETA_KEY = "_application_passwords"
CONTROLLER = "WP_REST_Application_Passwords_Controller"

_ALL = ["view", "edit", "embed"]


def application_password_schema() -> JSONSchema:
    """`get_item_schema()`."""
    return {
        "$schema": SCHEMA_DRAFT_04,
        "title": "application-password",
        "type": "object",
        "properties": {
            "uuid": {
                "description": "The unique identifier for the application password.",
                "type": "string",
                "format": "uuid",
                "context": list(_ALL),
                "readonly": True,
            },
            "app_id": {
                "description": "A UUID provided by the application to uniquely identify it. "
                "It is recommended to use an UUID v5 with the URL or DNS namespace.",
                "type": "string",
                "oneOf": [
                    {"type": "string", "format": "uuid"},
                    {"type": "string", "enum": [""]},
                ],
                "context": list(_ALL),
            },
            "name": {
                "description": "The name of the application password.",
                "type": "string",
                "required": True,
                "context": list(_ALL),
                "minLength": 1,
                "pattern": ".*\\S.*",
            },
            "password": {
                "description": "The generated password. Only available after adding an application.",
                "type": "string",
                "context": ["edit"],
                "readonly": True,
            },
            "created": {
                "description": "The GMT date the application password was created.",
                "type": "string",
                "format": "date-time",
                "context": ["view", "edit"],
                "readonly": True,
            },
            "last_used": {
                "description": "The GMT date the application password was last used.",
                "type": ["string", "null"],
                "format": "date-time",
                "context": ["view", "edit"],
                "readonly": True,
            },
            "last_ip": {
                "description": "The IP address the application password was last used by.",
                "type": ["string", "null"],
                "format": "ip",
                "context": ["view", "edit"],
                "readonly": True,
            },
        },
    }


def _context(schema: JSONSchema) -> Args:
    return {"context": wp_args.get_context_param(schema, default="view")}


def application_passwords_routes(schema: JSONSchema) -> list[RouteSpec]:
    """`register_routes()`: the collection, the introspection route and one password.

    The DELETE endpoints declare no `args` at all (the index shows `"args": []`).
    """
    public = public_item_schema(schema)
    base = f"/{REST_BASE}"
    return [
        {
            "namespace": NAMESPACE,
            "route": base,
            "controller": CONTROLLER,
            "endpoints": [
                # get_collection_params() is only the context param.
                endpoint(READABLE, "get_items", {}, _context(schema)),
                endpoint(
                    CREATABLE,
                    "create_item",
                    {},
                    wp_args.endpoint_args_for_schema(schema, wp_args.CREATABLE),
                ),
                endpoint(DELETABLE, "delete_items", {}, {}),
            ],
            "schema": public,
        },
        {
            "namespace": NAMESPACE,
            "route": f"{base}/introspect",
            "controller": CONTROLLER,
            "endpoints": [endpoint(READABLE, "get_current_item", {}, _context(schema))],
            "schema": public,
        },
        {
            "namespace": NAMESPACE,
            "route": f"{base}/(?P<uuid>[\\w\\-]+)",
            "controller": CONTROLLER,
            "endpoints": [
                endpoint(READABLE, "get_item", {}, _context(schema)),
                endpoint(
                    EDITABLE,
                    "update_item",
                    {},
                    wp_args.endpoint_args_for_schema(schema, wp_args.EDITABLE),
                ),
                endpoint(DELETABLE, "delete_item", {}, {}),
            ],
            "schema": public,
        },
    ]
