"""Sidebars, widget types and widgets: schemas and routes (WordPress 7.1).

WordPress counterparts: `register_routes()` and `get_item_schema()` of
`WP_REST_Sidebars_Controller`, `WP_REST_Widget_Types_Controller` and `WP_REST_Widgets_Controller`.
"""

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
from pressbox.schema.posts import public_item_schema

_ALL = ["embed", "view", "edit"]
_VEE = ["view", "edit", "embed"]
_DRAFT_04 = "http://json-schema.org/draft-04/schema#"


def _prop(description: str, type_: Any, context: list[str], **more: Any) -> JSONSchema:
    return {"description": description, "type": type_, **more, "context": list(context)}


def _ro(description: str, type_: Any, default: Any = None) -> JSONSchema:
    prop: JSONSchema = {"description": description, "type": type_}
    if default is not None:
        prop["default"] = default
    prop["context"] = list(_ALL)
    prop["readonly"] = True
    return prop


def sidebar_schema() -> JSONSchema:
    """`WP_REST_Sidebars_Controller::get_item_schema()`."""
    return {
        "$schema": _DRAFT_04,
        "title": "sidebar",
        "type": "object",
        "properties": {
            "id": _ro("ID of sidebar.", "string"),
            "name": _ro("Unique name identifying the sidebar.", "string"),
            "description": _ro("Description of sidebar.", "string"),
            "class": _ro(
                "Extra CSS class to assign to the sidebar in the Widgets interface.", "string"
            ),
            "before_widget": _ro(
                "HTML content to prepend to each widget's HTML output when assigned to this "
                "sidebar. Default is an opening list item element.",
                "string",
                "",
            ),
            "after_widget": _ro(
                "HTML content to append to each widget's HTML output when assigned to this "
                "sidebar. Default is a closing list item element.",
                "string",
                "",
            ),
            "before_title": _ro(
                "HTML content to prepend to the sidebar title when displayed. Default is an "
                "opening h2 element.",
                "string",
                "",
            ),
            "after_title": _ro(
                "HTML content to append to the sidebar title when displayed. Default is a "
                "closing h2 element.",
                "string",
                "",
            ),
            "status": {
                "description": "Status of sidebar.",
                "type": "string",
                "enum": ["active", "inactive"],
                "context": list(_ALL),
                "readonly": True,
            },
            "widgets": {
                "description": "Nested widgets.",
                "type": "array",
                "items": {"type": ["object", "string"]},
                "default": [],
                "context": list(_ALL),
            },
        },
    }


def sidebars_routes() -> list[RouteSpec]:
    schema = sidebar_schema()
    context = {"context": wp_args.get_context_param(schema, default="view")}
    item_args = {
        "id": {"description": "The id of a registered sidebar", "type": "string"},
        **context,
    }
    controller = "WP_REST_Sidebars_Controller"
    return [
        {
            "namespace": "wp/v2",
            "route": "/sidebars",
            "controller": controller,
            "endpoints": [endpoint(READABLE, "get_items", {}, context)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": "/sidebars/(?P<id>[\\w-]+)",
            "controller": controller,
            "endpoints": [
                endpoint(READABLE, "get_item", {}, item_args),
                endpoint(
                    EDITABLE,
                    "update_item",
                    {},
                    wp_args.endpoint_args_for_schema(schema, wp_args.EDITABLE),
                ),
            ],
            "schema": schema,
        },
    ]


def widget_type_schema() -> JSONSchema:
    """`WP_REST_Widget_Types_Controller::get_item_schema()`."""
    return {
        "$schema": _DRAFT_04,
        "title": "widget-type",
        "type": "object",
        "properties": {
            "id": _ro("Unique slug identifying the widget type.", "string"),
            "name": _ro("Human-readable name identifying the widget type.", "string", ""),
            "description": {
                "description": "Description of the widget.",
                "type": "string",
                "default": "",
                "context": list(_VEE),
            },
            "is_multi": {
                "description": "Whether the widget supports multiple instances",
                "type": "boolean",
                "context": list(_VEE),
                "readonly": True,
            },
            "classname": _ro("Class name", "string", ""),
        },
    }


def widget_types_routes() -> list[RouteSpec]:
    schema = widget_type_schema()
    context = {"context": wp_args.get_context_param(schema, default="view")}
    type_id = {"id": {"description": "The widget type id.", "type": "string"}}
    required_id = {"id": {**type_id["id"], "required": True}}
    instance = {
        "instance": {"description": "Current instance settings of the widget.", "type": "object"}
    }
    form_data = {
        "form_data": {
            "description": "Serialized widget form data to encode into instance settings.",
            "type": "string",
            "sanitize_callback": "parse_form_data",
        }
    }
    controller = "WP_REST_Widget_Types_Controller"
    base = "/widget-types/(?P<id>[a-zA-Z0-9_-]+)"
    return [
        {
            "namespace": "wp/v2",
            "route": "/widget-types",
            "controller": controller,
            "endpoints": [endpoint(READABLE, "get_items", {}, context)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": base,
            "controller": controller,
            "endpoints": [endpoint(READABLE, "get_item", type_id, context)],
            "schema": schema,
        },
        {
            "namespace": "wp/v2",
            "route": base + "/encode",
            "controller": controller,
            "endpoints": [
                endpoint(
                    CREATABLE,
                    "encode_form_data",
                    {**required_id, **instance, **form_data},
                    {},
                    permission="get_item_permissions_check",
                )
            ],
            "schema": {},
        },
        {
            "namespace": "wp/v2",
            "route": base + "/render",
            "controller": controller,
            "endpoints": [
                endpoint(
                    CREATABLE,
                    "render",
                    {},
                    {**required_id, **instance},
                    permission="get_item_permissions_check",
                )
            ],
            "schema": {},
        },
    ]


def widget_schema() -> JSONSchema:
    """`WP_REST_Widgets_Controller::get_item_schema()` (with `arg_options`)."""
    edit = ["edit"]
    return {
        "$schema": _DRAFT_04,
        "title": "widget",
        "type": "object",
        "properties": {
            "id": _prop("Unique identifier for the widget.", "string", _VEE),
            "id_base": _prop(
                "The type of the widget. Corresponds to ID in widget-types endpoint.",
                "string",
                _VEE,
            ),
            "sidebar": _prop(
                "The sidebar the widget belongs to.",
                "string",
                _VEE,
                default="wp_inactive_widgets",
                required=True,
            ),
            "rendered": {
                **_prop("HTML representation of the widget.", "string", _VEE),
                "readonly": True,
            },
            "rendered_form": {
                **_prop("HTML representation of the widget admin form.", "string", edit),
                "readonly": True,
            },
            "instance": {
                "description": "Instance settings of the widget, if supported.",
                "type": "object",
                "context": list(edit),
                "default": None,
                "properties": {
                    "encoded": _prop(
                        "Base64 encoded representation of the instance settings.", "string", edit
                    ),
                    "hash": _prop("Cryptographic hash of the instance settings.", "string", edit),
                    "raw": _prop("Unencoded instance settings, if supported.", "object", edit),
                },
            },
            "form_data": {
                "description": "URL-encoded form data from the widget admin form. Used to "
                "update a widget that does not support instance. Write only.",
                "type": "string",
                "context": [],
                "arg_options": {"sanitize_callback": "parse_form_data"},
            },
        },
    }


def widgets_routes() -> list[RouteSpec]:
    schema = widget_schema()
    public = public_item_schema(schema)
    batch = {"v1": True}
    collection = {
        "context": wp_args.get_context_param(schema, default="view"),
        "sidebar": {"description": "The sidebar to return widgets for.", "type": "string"},
    }
    force = {
        "force": {
            "description": "Whether to force removal of the widget, or move it to the inactive "
            "sidebar.",
            "type": "boolean",
        }
    }
    controller = "WP_REST_Widgets_Controller"
    return [
        {
            "namespace": "wp/v2",
            "route": "/widgets",
            "controller": controller,
            "endpoints": [
                endpoint(READABLE, "get_items", {}, collection),
                endpoint(
                    CREATABLE,
                    "create_item",
                    {},
                    wp_args.endpoint_args_for_schema(schema, wp_args.CREATABLE),
                ),
            ],
            "schema": public,
            "allow_batch": dict(batch),
        },
        {
            "namespace": "wp/v2",
            "route": "/widgets/(?P<id>[\\w\\-]+)",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_item",
                    {},
                    {"context": wp_args.get_context_param(schema, default="view")},
                ),
                endpoint(
                    EDITABLE,
                    "update_item",
                    {},
                    wp_args.endpoint_args_for_schema(schema, wp_args.EDITABLE),
                ),
                endpoint(DELETABLE, "delete_item", {}, force),
            ],
            "schema": public,
            "allow_batch": dict(batch),
        },
    ]
