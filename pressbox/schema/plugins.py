"""Plugins: schema, collection args and routes (WP_REST_Plugins_Controller, WordPress 7.1,
single site)."""

from __future__ import annotations

from typing import Any

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import (
    CREATABLE,
    DELETABLE,
    EDITABLE,
    READABLE,
    JSONSchema,
    RouteSpec,
    endpoint,
)

# The plugin part of plugin routes (WP_REST_Plugins_Controller::PATTERN).
PLUGIN_PATTERN = "[^.\\/]+(?:\\/[^.\\/]+)?"
# Activation statuses on a single site (a network adds `network-active`).
STATUSES = ["inactive", "active"]
_VEE = ["view", "edit", "embed"]
_VE = ["view", "edit"]


def _ro(description: str, type_: str, context: list[str], **more: Any) -> JSONSchema:
    return {
        "description": description,
        "type": type_,
        **more,
        "readonly": True,
        "context": list(context),
    }


def plugin_schema() -> JSONSchema:
    """`get_item_schema()`."""
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "plugin",
        "type": "object",
        "properties": {
            "plugin": _ro("The plugin file.", "string", _VEE, pattern=PLUGIN_PATTERN),
            "status": {
                "description": "The plugin activation status.",
                "type": "string",
                "enum": list(STATUSES),
                "context": list(_VEE),
            },
            "name": _ro("The plugin name.", "string", _VEE),
            "plugin_uri": _ro("The plugin's website address.", "string", _VE, format="uri"),
            "author": _ro("The plugin author.", "string", _VE),
            "author_uri": _ro("Plugin author's website address.", "string", _VE, format="uri"),
            "description": {
                "description": "The plugin description.",
                "type": "object",
                "readonly": True,
                "context": list(_VE),
                "properties": {
                    "raw": {"description": "The raw plugin description.", "type": "string"},
                    "rendered": {
                        "description": "The plugin description formatted for display.",
                        "type": "string",
                    },
                },
            },
            "version": _ro("The plugin version number.", "string", _VE),
            "network_only": _ro(
                "Whether the plugin can only be activated network-wide.", "boolean", _VEE
            ),
            "requires_wp": _ro("Minimum required version of WordPress.", "string", _VEE),
            "requires_php": _ro("Minimum required version of PHP.", "string", _VEE),
            "textdomain": _ro("The plugin's text domain.", "string", _VE),
        },
    }


def plugins_collection_params(schema: JSONSchema) -> dict[str, Any]:
    """`get_collection_params()`: context, search and status (no paging)."""
    params = wp_args.get_collection_params(schema)
    params["context"]["default"] = "view"
    params["status"] = {
        "description": "Limits results to plugins with the given status.",
        "type": "array",
        "items": {"type": "string", "enum": list(STATUSES)},
    }
    del params["page"], params["per_page"]
    return params


def plugins_routes() -> list[RouteSpec]:
    schema = plugin_schema()
    create_args: dict[str, dict[str, Any]] = {
        "slug": {
            "type": "string",
            "required": True,
            "description": "WordPress.org plugin directory slug.",
            "pattern": "[\\w\\-]+",
        },
        "status": {
            "description": "The plugin activation status.",
            "type": "string",
            "enum": list(STATUSES),
            "default": "inactive",
        },
    }
    item = {
        "context": wp_args.get_context_param(schema, default="view"),
        "plugin": {
            "type": "string",
            "pattern": PLUGIN_PATTERN,
            "validate_callback": "validate_plugin_param",
            "sanitize_callback": "sanitize_plugin_param",
        },
    }
    controller = "WP_REST_Plugins_Controller"
    return [
        {
            "namespace": "wp/v2",
            "route": "/plugins",
            "controller": controller,
            "endpoints": [
                endpoint(READABLE, "get_items", {}, plugins_collection_params(schema)),
                endpoint(CREATABLE, "create_item", {}, create_args),
            ],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": f"/plugins/(?P<plugin>{PLUGIN_PATTERN})",
            "controller": controller,
            "endpoints": [
                endpoint(READABLE, "get_item", item, {}),
                endpoint(
                    EDITABLE,
                    "update_item",
                    item,
                    wp_args.endpoint_args_for_schema(schema, wp_args.EDITABLE),
                ),
                endpoint(DELETABLE, "delete_item", item, {}),
            ],
            "schema": schema,
        },
    ]
