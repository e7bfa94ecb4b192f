"""The `wp-block-editor/v1` routes: URL details, site export, navigation fallback (WordPress
7.1): `WP_REST_URL_Details_Controller`, `WP_REST_Edit_Site_Export_Controller` and
`WP_REST_Navigation_Fallback_Controller` (`register_routes()`, `get_item_schema()`)."""

from __future__ import annotations

from pressbox.schema.controller_args import READABLE, JSONSchema, RouteSpec, endpoint

NAMESPACE = "wp-block-editor/v1"
_VEE = ["view", "edit", "embed"]


def url_details_routes() -> list[RouteSpec]:
    # WordPress passes the schema inside the endpoint, where the index never shows it.
    url = {
        "url": {
            "required": True,
            "description": "The URL to process.",
            "validate_callback": "wp_http_validate_url",
            "sanitize_callback": "sanitize_url",
            "type": "string",
            "format": "uri",
        }
    }
    return [
        {
            "namespace": NAMESPACE,
            "route": "/url-details",
            "controller": "WP_REST_URL_Details_Controller",
            "endpoints": [endpoint(READABLE, "parse_url_details", {}, url, "permissions_check")],
            "schema": {},
        }
    ]


def export_routes() -> list[RouteSpec]:
    return [
        {
            "namespace": NAMESPACE,
            "route": "/export",
            "controller": "WP_REST_Edit_Site_Export_Controller",
            "endpoints": [endpoint(READABLE, "export", {}, {}, "permissions_check")],
            "schema": {},
        }
    ]


def navigation_fallback_schema() -> JSONSchema:
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "navigation-fallback",
        "type": "object",
        "properties": {
            "id": {
                "description": "The unique identifier for the Navigation Menu.",
                "type": "integer",
                "context": list(_VEE),
                "readonly": True,
            }
        },
    }


def navigation_fallback_routes() -> list[RouteSpec]:
    # The args are the schema's writable properties: none.
    return [
        {
            "namespace": NAMESPACE,
            "route": "/navigation-fallback",
            "controller": "WP_REST_Navigation_Fallback_Controller",
            "endpoints": [endpoint(READABLE, "get_item", {}, {})],
            "schema": navigation_fallback_schema(),
        }
    ]
