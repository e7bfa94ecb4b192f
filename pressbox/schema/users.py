"""The schema, collection params and routes of users, as WordPress 7.1 declares them.

WordPress counterparts: `WP_REST_Users_Controller::get_item_schema()`,
`get_collection_params()` and `register_routes()`, with `wp_register_persisted_preferences_meta()`
(the one user meta key core shows in REST). Every function returns fresh dicts in WordPress's
key order; callbacks are named as in WordPress (controller methods or `CALLBACKS` names).
"""

from __future__ import annotations

from collections.abc import Sequence
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
    endpoint,
    id_arg,
    ids_arg,
    offset_arg,
)
from pressbox.schema.meta_fields import meta_field_schema
from pressbox.schema.posts import SCHEMA_DRAFT_04, public_item_schema

NAMESPACE = "wp/v2"
REST_BASE = "users"
# The object subtype of user meta (WP_REST_User_Meta_Fields::get_meta_subtype()).
META_SUBTYPE = "user"

_ALL = ["embed", "view", "edit"]
_EDIT = ["edit"]


def register_core_user_meta(meta: MetaRegistry, prefix: str) -> None:
    """`wp_register_persisted_preferences_meta()`: the block editor's preferences."""
    key = f"{prefix}persisted_preferences"
    if key in meta.keys("user"):
        return
    schema = {
        "type": "object",
        "context": ["edit"],
        "properties": {
            "_modified": {
                "description": "The date and time the preferences were updated.",
                "type": "string",
                "format": "date-time",
                "readonly": False,
            }
        },
        "additionalProperties": True,
    }
    meta.register(
        RegisteredMeta(
            object_type="user",
            key=key,
            type="object",
            single=True,
            show_in_rest=RestMetaOptions(
                name="persisted_preferences", schema=MappingProxyType(schema)
            ),
        )
    )


def _text(description: str, context: list[str], **extra: object) -> JSONSchema:
    return {"description": description, "type": "string", "context": list(context), **extra}


def _sanitized(callback: str) -> JSONSchema:
    return {"arg_options": {"sanitize_callback": callback}}


def user_item_schema(
    meta: MetaRegistry, show_avatars: bool, languages: Sequence[str] = ()
) -> JSONSchema:
    """`get_item_schema()`; `avatar_urls` exists only while the `show_avatars` option is on."""
    properties: JSONSchema = {
        "id": {
            "description": "Unique identifier for the user.",
            "type": "integer",
            "context": list(_ALL),
            "readonly": True,
        },
        "username": _text(
            "Login name for the user.", _EDIT, required=True, **_sanitized("check_username")
        ),
        "name": _text("Display name for the user.", _ALL, **_sanitized("sanitize_text_field")),
        "first_name": _text("First name for the user.", _EDIT, **_sanitized("sanitize_text_field")),
        "last_name": _text("Last name for the user.", _EDIT, **_sanitized("sanitize_text_field")),
        "email": {
            "description": "The email address for the user.",
            "type": "string",
            "format": "email",
            "context": list(_EDIT),
            "required": True,
        },
        "url": {
            "description": "URL of the user.",
            "type": "string",
            "format": "uri",
            "context": list(_ALL),
        },
        "description": _text("Description of the user.", _ALL),
        "link": {
            "description": "Author URL of the user.",
            "type": "string",
            "format": "uri",
            "context": list(_ALL),
            "readonly": True,
        },
        "locale": {
            "description": "Locale for the user.",
            "type": "string",
            "enum": ["", "en_US", *languages],
            "context": list(_EDIT),
        },
        "nickname": _text("The nickname for the user.", _EDIT, **_sanitized("sanitize_text_field")),
        "slug": _text(
            "An alphanumeric identifier for the user.", _ALL, **_sanitized("sanitize_slug")
        ),
        "registered_date": {
            "description": "Registration date for the user.",
            "type": "string",
            "format": "date-time",
            "context": list(_EDIT),
            "readonly": True,
        },
        "roles": {
            "description": "Roles assigned to the user.",
            "type": "array",
            "items": {"type": "string"},
            "context": list(_EDIT),
        },
        "password": {
            "description": "Password for the user (never included).",
            "type": "string",
            "context": [],  # never displayed
            "required": True,
            "arg_options": {"sanitize_callback": "check_user_password"},
        },
        "capabilities": {
            "description": "All capabilities assigned to the user.",
            "type": "object",
            "context": list(_EDIT),
            "readonly": True,
        },
        "extra_capabilities": {
            "description": "Any extra capabilities assigned to the user.",
            "type": "object",
            "context": list(_EDIT),
            "readonly": True,
        },
    }
    if show_avatars:
        properties["avatar_urls"] = {
            "description": "Avatar URLs for the user.",
            "type": "object",
            "context": list(_ALL),
            "readonly": True,
            "properties": {
                str(size): {
                    "description": f"Avatar URL with image size of {size} pixels.",
                    "type": "string",
                    "format": "uri",
                    "context": list(_ALL),
                }
                for size in REST_AVATAR_SIZES
            },
        }
    properties["meta"] = meta_field_schema(meta, "user", META_SUBTYPE)
    return {
        "$schema": SCHEMA_DRAFT_04,
        "title": "user",
        "type": "object",
        "properties": properties,
    }


def _string_list(description: str) -> JSONSchema:
    return {"description": description, "type": "array", "items": {"type": "string"}}


def user_collection_params(schema: JSONSchema, rest_post_types: Sequence[str]) -> Args:
    """`get_collection_params()`; `rest_post_types` are the `show_in_rest` post type names."""
    params = wp_args.get_collection_params(schema)
    params["context"]["default"] = "view"
    params["exclude"] = ids_arg("Ensure result set excludes specific IDs.")
    params["include"] = ids_arg("Limit result set to specific IDs.")
    params["offset"] = offset_arg()
    params["order"] = {
        "default": "asc",
        "description": "Order sort attribute ascending or descending.",
        "enum": ["asc", "desc"],
        "type": "string",
    }
    params["orderby"] = {
        "default": "name",
        "description": "Sort collection by user attribute.",
        "enum": [
            "id",
            "include",
            "name",
            "registered_date",
            "slug",
            "include_slugs",
            "email",
            "url",
        ],
        "type": "string",
    }
    params["slug"] = _string_list("Limit result set to users with one or more specific slugs.")
    params["roles"] = _string_list(
        "Limit result set to users matching at least one specific role provided. "
        "Accepts csv list or single role."
    )
    params["capabilities"] = _string_list(
        "Limit result set to users matching at least one specific capability provided. "
        "Accepts csv list or single capability."
    )
    params["who"] = {
        "description": "Limit result set to users who are considered authors.",
        "type": "string",
        "enum": ["authors"],
    }
    params["has_published_posts"] = {
        "description": "Limit result set to users who have published posts.",
        "type": ["boolean", "array"],
        # get_post_types( …, 'names' ) is keyed by name: a JSON object in the index.
        "items": {"type": "string", "enum": {name: name for name in rest_post_types}},
    }
    params["search_columns"] = {
        "default": [],
        "description": "Array of column names to be searched.",
        "type": "array",
        "items": {"enum": ["email", "name", "id", "username", "slug"], "type": "string"},
    }
    return params


def _delete_args() -> Args:
    return {
        "force": {
            "type": "boolean",
            "default": False,
            "description": "Required to be true, as users do not support trashing.",
        },
        "reassign": {
            "type": "integer",
            "description": "Reassign the deleted user's posts and links to this user ID.",
            "required": True,
            "sanitize_callback": "check_reassign",
        },
    }


def users_routes(schema: JSONSchema, rest_post_types: Sequence[str]) -> list[RouteSpec]:
    """`register_routes()`: the collection, one user, and the current user (`/users/me`)."""
    public = public_item_schema(schema)
    context = {"context": wp_args.get_context_param(schema, default="view")}
    item_id = id_arg("Unique identifier for the user.")
    batch = {"v1": True}
    creatable = wp_args.endpoint_args_for_schema(schema, wp_args.CREATABLE)
    editable = wp_args.endpoint_args_for_schema(schema, wp_args.EDITABLE)
    return [
        {
            "namespace": NAMESPACE,
            "route": f"/{REST_BASE}",
            "controller": "WP_REST_Users_Controller",
            "endpoints": [
                endpoint(
                    READABLE, "get_items", {}, user_collection_params(schema, rest_post_types)
                ),
                endpoint(CREATABLE, "create_item", {}, creatable),
            ],
            "schema": public,
            "allow_batch": dict(batch),
        },
        {
            "namespace": NAMESPACE,
            "route": f"/{REST_BASE}/(?P<id>[\\d]+)",
            "controller": "WP_REST_Users_Controller",
            "endpoints": [
                endpoint(READABLE, "get_item", item_id, context),
                endpoint(EDITABLE, "update_item", item_id, editable),
                endpoint(DELETABLE, "delete_item", item_id, _delete_args()),
            ],
            "schema": public,
            "allow_batch": dict(batch),
        },
        {
            "namespace": NAMESPACE,
            "route": f"/{REST_BASE}/me",
            "controller": "WP_REST_Users_Controller",
            "endpoints": [
                endpoint(READABLE, "get_current_item", {}, context, permission="__return_true"),
                endpoint(EDITABLE, "update_current_item", {}, editable),
                endpoint(DELETABLE, "delete_current_item", {}, _delete_args()),
            ],
            "schema": public,
        },
    ]
