"""The schema, collection params and routes of comments, as WordPress 7.1 declares them.

WordPress counterparts: `WP_REST_Comments_Controller::get_item_schema()`,
`get_collection_params()` and `register_routes()`, with `wp_create_initial_comment_meta()`
(`_wp_note_status`, the one comment meta key core shows in REST). Every function returns fresh
dicts in WordPress's key order; callbacks are named as in WordPress (controller methods or
`CALLBACKS` names).
"""

from __future__ import annotations

from types import MappingProxyType

from pressbox.content.avatars import REST_AVATAR_SIZES
from pressbox.registry.meta import MetaRegistry, RegisteredMeta, RestMetaOptions
from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import (
    CREATABLE,
    DELETABLE,
    EDITABLE,
    READABLE,
    Args,
    JSONSchema,
    RouteSpec,
    date_arg,
    endpoint,
    id_arg,
    ids_arg,
    offset_arg,
    order_arg,
)
from pressbox.schema.meta_fields import meta_field_schema
from pressbox.schema.posts import SCHEMA_DRAFT_04, public_item_schema

NAMESPACE = "wp/v2"
REST_BASE = "comments"
CONTROLLER = "WP_REST_Comments_Controller"
# The object subtype of comment meta (WP_REST_Comment_Meta_Fields::get_meta_subtype()).
META_SUBTYPE = "comment"
NOTE_STATUS_KEY = "_wp_note_status"

_ALL = ["view", "edit", "embed"]
_VIEW_EDIT = ["view", "edit"]
_EDIT = ["edit"]
_PASSWORD_OF_PARENT = (
    "The password for the parent post of the comment (if the post is password protected)."
)


def register_core_comment_meta(meta: MetaRegistry) -> None:
    """`wp_create_initial_comment_meta()`: a note's resolution status."""
    if NOTE_STATUS_KEY in meta.keys("comment"):
        return
    meta.register(
        RegisteredMeta(
            object_type="comment",
            key=NOTE_STATUS_KEY,
            type="string",
            description="Note resolution status",
            single=True,
            auth_callback="edit_comment",
            show_in_rest=RestMetaOptions(
                schema=MappingProxyType({"type": "string", "enum": ["resolved", "reopen"]})
            ),
        )
    )


def _field(description: str, type_: str, context: list[str]) -> JSONSchema:
    return {"description": description, "type": type_, "context": list(context)}


def comment_item_schema(meta: MetaRegistry, show_avatars: bool) -> JSONSchema:
    """`get_item_schema()`; `author_avatar_urls` exists only while `show_avatars` is on."""
    text_field = {"arg_options": {"sanitize_callback": "sanitize_text_field"}}
    properties: JSONSchema = {
        "id": {
            "description": "Unique identifier for the comment.",
            "type": "integer",
            "context": list(_ALL),
            "readonly": True,
        },
        "author": _field("The ID of the user object, if author was a user.", "integer", _ALL),
        "author_email": {
            "description": "Email address for the comment author.",
            "type": "string",
            "format": "email",
            "context": list(_EDIT),
            "arg_options": {
                "sanitize_callback": "check_comment_author_email",
                "validate_callback": None,  # skips the built-in `email` validation
            },
        },
        "author_ip": {
            "description": "IP address for the comment author.",
            "type": "string",
            "format": "ip",
            "context": list(_EDIT),
        },
        "author_name": {
            "description": "Display name for the comment author.",
            "type": "string",
            "context": list(_ALL),
            **text_field,
        },
        "author_url": {
            "description": "URL for the comment author.",
            "type": "string",
            "format": "uri",
            "context": list(_ALL),
        },
        "author_user_agent": {
            "description": "User agent for the comment author.",
            "type": "string",
            "context": list(_EDIT),
            **text_field,
        },
        "content": {
            "description": "The content for the comment.",
            "type": "object",
            "context": list(_ALL),
            # prepare_item_for_database() validates and sanitizes the content itself.
            "arg_options": {"sanitize_callback": None, "validate_callback": None},
            "properties": {
                "raw": {
                    "description": "Content for the comment, as it exists in the database.",
                    "type": "string",
                    "context": list(_EDIT),
                },
                "rendered": {
                    "description": "HTML content for the comment, transformed for display.",
                    "type": "string",
                    "context": list(_ALL),
                    "readonly": True,
                },
            },
        },
        "date": {
            "description": "The date the comment was published, in the site's timezone.",
            "type": "string",
            "format": "date-time",
            "context": list(_ALL),
        },
        "date_gmt": {
            "description": "The date the comment was published, as GMT.",
            "type": "string",
            "format": "date-time",
            "context": list(_VIEW_EDIT),
        },
        "link": {
            "description": "URL to the comment.",
            "type": "string",
            "format": "uri",
            "context": list(_ALL),
            "readonly": True,
        },
        "parent": {
            "description": "The ID for the parent of the comment.",
            "type": "integer",
            "context": list(_ALL),
            "default": 0,
        },
        "post": {
            "description": "The ID of the associated post object.",
            "type": "integer",
            "context": list(_VIEW_EDIT),
            "default": 0,
        },
        "status": {
            "description": "State of the comment.",
            "type": "string",
            "context": list(_VIEW_EDIT),
            "arg_options": {"sanitize_callback": "sanitize_key"},
        },
        "type": {
            "description": "Type of the comment.",
            "type": "string",
            "context": list(_ALL),
            "readonly": True,
            "default": "comment",
        },
    }
    if show_avatars:
        properties["author_avatar_urls"] = {
            "description": "Avatar URLs for the comment author.",
            "type": "object",
            "context": list(_ALL),
            "readonly": True,
            "properties": {
                str(size): {
                    "description": f"Avatar URL with image size of {size} pixels.",
                    "type": "string",
                    "format": "uri",
                    "context": ["embed", "view", "edit"],
                }
                for size in REST_AVATAR_SIZES
            },
        }
    properties["meta"] = meta_field_schema(meta, "comment", META_SUBTYPE)
    return {
        "$schema": SCHEMA_DRAFT_04,
        "title": "comment",
        "type": "object",
        "properties": properties,
    }


def _filter_ids(description: str, default: bool) -> JSONSchema:
    """An id-list filter; WordPress puts `default` first on some and omits it on others."""
    arg: JSONSchema = {"description": description, "type": "array", "items": {"type": "integer"}}
    return {"default": [], **arg} if default else arg


def comment_collection_params(schema: JSONSchema) -> Args:
    """`get_collection_params()`."""
    params = wp_args.get_collection_params(schema)
    params["context"]["default"] = "view"
    params["after"] = date_arg(
        "Limit response to comments published after a given ISO8601 compliant date."
    )
    params["author"] = _filter_ids(
        "Limit result set to comments assigned to specific user IDs. Requires authorization.",
        default=False,
    )
    params["author_exclude"] = _filter_ids(
        "Ensure result set excludes comments assigned to specific user IDs. "
        "Requires authorization.",
        default=False,
    )
    params["author_email"] = {
        "default": None,
        "description": "Limit result set to that from a specific author email. "
        "Requires authorization.",
        "format": "email",
        "type": "string",
    }
    params["before"] = date_arg(
        "Limit response to comments published before a given ISO8601 compliant date."
    )
    params["exclude"] = ids_arg("Ensure result set excludes specific IDs.")
    params["include"] = ids_arg("Limit result set to specific IDs.")
    params["offset"] = offset_arg()
    params["order"] = order_arg()
    params["orderby"] = {
        "description": "Sort collection by comment attribute.",
        "type": "string",
        "default": "date_gmt",
        "enum": ["date", "date_gmt", "id", "include", "post", "parent", "type"],
    }
    params["parent"] = _filter_ids(
        "Limit result set to comments of specific parent IDs.", default=True
    )
    params["parent_exclude"] = _filter_ids(
        "Ensure result set excludes specific parent IDs.", default=True
    )
    params["post"] = _filter_ids(
        "Limit result set to comments assigned to specific post IDs.", default=True
    )
    params["status"] = {
        "default": "approve",
        "description": "Limit result set to comments assigned a specific status. "
        "Requires authorization.",
        "sanitize_callback": "sanitize_key",
        "type": "string",
        "validate_callback": "rest_validate_request_arg",
    }
    params["type"] = {
        "default": "comment",
        "description": "Limit result set to comments assigned a specific type. "
        "Requires authorization.",
        "sanitize_callback": "sanitize_key",
        "type": "string",
        "validate_callback": "rest_validate_request_arg",
    }
    params["password"] = {
        "description": "The password for the post if it is password protected.",
        "type": "string",
    }
    return params


def comments_routes(schema: JSONSchema) -> list[RouteSpec]:
    """`register_routes()`: the collection and one comment (no batch support)."""
    public = public_item_schema(schema)
    item_id = id_arg("Unique identifier for the comment.")
    password = {"description": _PASSWORD_OF_PARENT, "type": "string"}
    get_args: Args = {
        "context": wp_args.get_context_param(schema, default="view"),
        "password": dict(password),
    }
    delete_args: Args = {
        "force": {
            "type": "boolean",
            "default": False,
            "description": "Whether to bypass Trash and force deletion.",
        },
        "password": dict(password),
    }
    return [
        {
            "namespace": NAMESPACE,
            "route": f"/{REST_BASE}",
            "controller": CONTROLLER,
            "endpoints": [
                endpoint(READABLE, "get_items", {}, comment_collection_params(schema)),
                endpoint(
                    CREATABLE,
                    "create_item",
                    {},
                    wp_args.endpoint_args_for_schema(schema, wp_args.CREATABLE),
                ),
            ],
            "schema": public,
        },
        {
            "namespace": NAMESPACE,
            "route": f"/{REST_BASE}/(?P<id>[\\d]+)",
            "controller": CONTROLLER,
            "endpoints": [
                endpoint(READABLE, "get_item", item_id, get_args),
                endpoint(
                    EDITABLE,
                    "update_item",
                    item_id,
                    wp_args.endpoint_args_for_schema(schema, wp_args.EDITABLE),
                ),
                endpoint(DELETABLE, "delete_item", item_id, delete_args),
            ],
            "schema": public,
        },
    ]
