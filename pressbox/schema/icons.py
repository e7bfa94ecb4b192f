"""Icons, icon collections and view config: schemas and routes (WordPress 7.1:
`WP_REST_Icons_Controller`, `WP_REST_Icon_Collections_Controller`, `WP_REST_View_Config_Controller`).

The view config schema (the DataViews layouts, ~500 lines in WordPress) is not transcribed:
its route is registered without one.
"""

from __future__ import annotations

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import READABLE, JSONSchema, RouteSpec, endpoint

SLUG = "[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?"
_VEE = ["view", "edit", "embed"]


def _ro(description: str) -> JSONSchema:
    return {"description": description, "type": "string", "readonly": True, "context": list(_VEE)}


def icon_schema() -> JSONSchema:
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "icon",
        "type": "object",
        "properties": {
            "name": _ro("The icon name."),
            "label": _ro("The icon label."),
            "content": _ro("The icon content (SVG markup)."),
            "collection": _ro("The slug of the collection this icon belongs to."),
        },
    }


def icon_collection_schema() -> JSONSchema:
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "icon-collection",
        "type": "object",
        "properties": {
            "slug": _ro("The icon collection slug."),
            "label": _ro("The icon collection label."),
            "description": _ro("The icon collection description."),
        },
    }


def _collection_params(schema: JSONSchema) -> dict[str, dict[str, object]]:
    params = wp_args.get_collection_params(schema)
    params["context"]["default"] = "view"
    return params


def icons_routes() -> list[RouteSpec]:
    schema = icon_schema()
    params = _collection_params(schema)
    params["collection"] = {
        "description": "Limit results to icons belonging to the given collection slug.",
        "type": "string",
        "pattern": "^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$",
    }
    controller = "WP_REST_Icons_Controller"
    collection = {"collection": {"description": "Icon collection slug.", "type": "string"}}
    return [
        {
            "namespace": "wp/v2",
            "route": "/icons",
            "controller": controller,
            "endpoints": [endpoint(READABLE, "get_items", {}, params)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": f"/icons/(?P<collection>{SLUG})",
            "controller": controller,
            "endpoints": [endpoint(READABLE, "get_items", collection, params)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": f"/icons/(?P<name>{SLUG}/{SLUG})",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_item",
                    {"name": {"description": "Icon name.", "type": "string"}},
                    {"context": wp_args.get_context_param(schema, default="view")},
                )
            ],
            "schema": schema,
        },
    ]


def icon_collections_routes() -> list[RouteSpec]:
    schema = icon_collection_schema()
    controller = "WP_REST_Icon_Collections_Controller"
    return [
        {
            "namespace": "wp/v2",
            "route": "/icon-collections",
            "controller": controller,
            "endpoints": [endpoint(READABLE, "get_items", {}, _collection_params(schema))],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": f"/icon-collections/(?P<slug>{SLUG})",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_item",
                    {"slug": {"description": "Icon collection slug.", "type": "string"}},
                    {"context": wp_args.get_context_param(schema, default="view")},
                )
            ],
            "schema": schema,
        },
    ]


def view_config_routes() -> list[RouteSpec]:
    args = {
        "kind": {"description": "Entity kind.", "type": "string", "required": True},
        "name": {"description": "Entity name.", "type": "string", "required": True},
    }
    return [
        {
            "namespace": "wp/v2",
            "route": "/view-config",
            "controller": "WP_REST_View_Config_Controller",
            "endpoints": [endpoint(READABLE, "get_items", {}, args)],
            "schema": {},
        }
    ]
