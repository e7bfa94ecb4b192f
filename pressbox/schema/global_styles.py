"""Global styles and their revisions: schemas and routes (WordPress 7.1).

WordPress counterparts: `WP_REST_Global_Styles_Controller::register_routes()` /
`get_item_schema()` and `WP_REST_Global_Styles_Revisions_Controller`'s. The revisions routes
come first: `wp_global_styles` registers its own routes late (`late_route_registration`).
"""

from __future__ import annotations

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import READABLE, JSONSchema, RouteSpec, clone, endpoint
from pressbox.schema.revisions import revision_collection_params, revision_item_schema

NAMESPACE = "wp/v2"
BASE = "global-styles"
POST_TYPE = "wp_global_styles"
_NO_BATCH = {"v1": False}
# The theme part of the variations route, and of the theme route (the themes controller's).
VARIATIONS_STYLESHEET = "[\\/\\s%\\w\\.\\(\\)\\[\\]\\@_\\-]+"
THEME_STYLESHEET = '[^\\/:<>\\*\\?"\\|]+(?:\\/[^\\/:<>\\*\\?"\\|]+)?'


def global_styles_schema() -> JSONSchema:
    """`WP_REST_Global_Styles_Controller::get_item_schema()`."""
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": POST_TYPE,
        "type": "object",
        "properties": {
            "id": {
                "description": "ID of global styles config.",
                "type": "integer",
                "context": ["embed", "view", "edit"],
                "readonly": True,
            },
            "styles": {
                "description": "Global styles.",
                "type": ["object"],
                "context": ["view", "edit"],
            },
            "settings": {
                "description": "Global settings.",
                "type": ["object"],
                "context": ["view", "edit"],
            },
            "title": {
                "description": "Title of the global styles variation.",
                "type": ["object", "string"],
                "default": "",
                "context": ["embed", "view", "edit"],
                "properties": {
                    "raw": {
                        "description": "Title for the global styles variation, as it exists in "
                        "the database.",
                        "type": "string",
                        "context": ["view", "edit", "embed"],
                    },
                    "rendered": {
                        "description": "HTML title for the post, transformed for display.",
                        "type": "string",
                        "context": ["view", "edit", "embed"],
                        "readonly": True,
                    },
                },
            },
        },
    }


def global_styles_revision_schema() -> JSONSchema:
    """The revisions schema merged with the global styles one, less what revisions of
    global styles do not have."""
    parent = global_styles_schema()
    meta = {
        "description": "Meta fields.",
        "type": "object",
        "context": ["view", "edit"],
        "properties": [],
    }
    schema = revision_item_schema(parent, meta, POST_TYPE)
    properties = schema["properties"]
    properties.update(clone(parent["properties"]))
    for key in ("guid", "slug", "meta", "content", "title"):
        properties.pop(key, None)
    return schema


def global_styles_revisions_routes() -> list[RouteSpec]:
    schema = global_styles_revision_schema()
    params = revision_collection_params(schema)
    for key in ("exclude", "include", "search", "order", "orderby"):
        del params[key]
    controller = "WP_REST_Global_Styles_Revisions_Controller"
    base = f"/{BASE}/(?P<parent>[\\d]+)/revisions"
    return [
        {
            "namespace": NAMESPACE,
            "route": base,
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_items",
                    {
                        "parent": {
                            "description": "The ID for the parent of the revision.",
                            "type": "integer",
                        }
                    },
                    params,
                )
            ],
            "schema": schema,
        },
        {
            "namespace": NAMESPACE,
            "route": base + "/(?P<id>[\\d]+)",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_item",
                    {
                        "parent": {
                            "description": "The ID for the parent of the global styles revision.",
                            "type": "integer",
                        },
                        "id": {
                            "description": "Unique identifier for the global styles revision.",
                            "type": "integer",
                        },
                    },
                    {"context": wp_args.get_context_param(schema, default="view")},
                )
            ],
            "schema": schema,
        },
    ]


def global_styles_routes() -> list[RouteSpec]:
    schema = global_styles_schema()
    controller = "WP_REST_Global_Styles_Controller"
    theme_id = {"description": "The theme identifier", "type": "string"}
    return [
        {
            "namespace": NAMESPACE,
            "route": f"/{BASE}/themes/(?P<stylesheet>{VARIATIONS_STYLESHEET})/variations",
            "controller": controller,
            "endpoints": [
                endpoint(READABLE, "get_theme_items", {}, {"stylesheet": dict(theme_id)})
            ],
            "schema": {},
            "allow_batch": dict(_NO_BATCH),
        },
        {
            "namespace": NAMESPACE,
            "route": f"/{BASE}/themes/(?P<stylesheet>{THEME_STYLESHEET})",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_theme_item",
                    {},
                    {
                        "stylesheet": {
                            **theme_id,
                            "sanitize_callback": "_sanitize_global_styles_callback",
                        }
                    },
                )
            ],
            "schema": {},
            "allow_batch": dict(_NO_BATCH),
        },
        {
            "namespace": NAMESPACE,
            "route": f"/{BASE}/(?P<id>[\\/\\d+]+)",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_item",
                    {},
                    {"id": {"description": "ID of global styles config.", "type": "integer"}},
                ),
                endpoint(
                    ("POST", "PUT", "PATCH"),
                    "update_item",
                    {},
                    wp_args.endpoint_args_for_schema(schema, wp_args.EDITABLE),
                ),
            ],
            "schema": schema,
            "allow_batch": dict(_NO_BATCH),
        },
    ]
