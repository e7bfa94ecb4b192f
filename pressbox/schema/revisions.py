"""Revisions and autosaves of posts: their schemas, args and routes (WordPress 7.1).

WordPress counterparts: `get_item_schema()`, `get_collection_params()` and
`register_routes()` of `WP_REST_Revisions_Controller` and `WP_REST_Autosaves_Controller`.
Answering them needs authentication; their routes show in the index and in OPTIONS.
"""

from __future__ import annotations

from pressbox.registry import Registries
from pressbox.registry.post_types import PostType
from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import (
    CREATABLE,
    DELETABLE,
    READABLE,
    Args,
    JSONSchema,
    RestUrl,
    RouteSpec,
    clone,
    endpoint,
    force_arg,
    id_arg,
    ids_arg,
    offset_arg,
    order_arg,
)
from pressbox.schema.meta_fields import meta_field_schema
from pressbox.schema.posts import SCHEMA_DRAFT_04, post_item_schema, public_item_schema


def revision_item_schema(
    parent_schema: JSONSchema, meta: JSONSchema, parent_post_type: str
) -> JSONSchema:
    """`WP_REST_Revisions_Controller::get_item_schema()` for a parent type's schema."""
    properties: JSONSchema = {
        "author": {
            "description": "The ID for the author of the revision.",
            "type": "integer",
            "context": ["view", "edit", "embed"],
        },
        "date": {
            "description": "The date the revision was published, in the site's timezone.",
            "type": "string",
            "format": "date-time",
            "context": ["view", "edit", "embed"],
        },
        "date_gmt": {
            "description": "The date the revision was published, as GMT.",
            "type": "string",
            "format": "date-time",
            "context": ["view", "edit"],
        },
        "guid": {
            "description": "GUID for the revision, as it exists in the database.",
            "type": "string",
            "context": ["view", "edit"],
        },
        "id": {
            "description": "Unique identifier for the revision.",
            "type": "integer",
            "context": ["view", "edit", "embed"],
        },
        "modified": {
            "description": "The date the revision was last modified, in the site's timezone.",
            "type": "string",
            "format": "date-time",
            "context": ["view", "edit"],
        },
        "modified_gmt": {
            "description": "The date the revision was last modified, as GMT.",
            "type": "string",
            "format": "date-time",
            "context": ["view", "edit"],
        },
        "parent": {
            "description": "The ID for the parent of the revision.",
            "type": "integer",
            "context": ["view", "edit", "embed"],
        },
        "slug": {
            "description": "An alphanumeric identifier for the revision unique to its type.",
            "type": "string",
            "context": ["view", "edit", "embed"],
        },
    }
    parent_properties = parent_schema.get("properties", {})
    for key in ("title", "content", "excerpt", "guid"):
        if parent_properties.get(key):
            properties[key] = parent_properties[key]
    properties["meta"] = meta
    return clone(
        {
            "$schema": SCHEMA_DRAFT_04,
            "title": f"{parent_post_type}-revision",
            "type": "object",
            "properties": properties,
        }
    )


def autosave_item_schema(revision_schema: JSONSchema) -> JSONSchema:
    """`WP_REST_Autosaves_Controller::get_item_schema()`: a revision with a preview link."""
    schema = clone(revision_schema)
    schema["properties"]["preview_link"] = {
        "description": "Preview link for the post.",
        "type": "string",
        "format": "uri",
        "context": ["edit"],
        "readonly": True,
    }
    return schema


def revision_schema_for(
    post_type: PostType, registries: Registries, rest_url: RestUrl
) -> JSONSchema:
    """The revisions controller's schema for `post_type` (its parent type)."""
    return revision_item_schema(
        post_item_schema(post_type, registries, rest_url),
        meta_field_schema(registries.meta, "post", post_type.name),
        post_type.name,
    )


def revision_collection_params(schema: JSONSchema) -> Args:
    """`WP_REST_Revisions_Controller::get_collection_params()`."""
    params = wp_args.get_collection_params(schema)
    params["context"]["default"] = "view"
    del params["per_page"]["default"]
    params["exclude"] = ids_arg("Ensure result set excludes specific IDs.")
    params["include"] = ids_arg("Limit result set to specific IDs.")
    params["offset"] = offset_arg()
    params["order"] = order_arg()
    params["orderby"] = {
        "description": "Sort collection by object attribute.",
        "type": "string",
        "default": "date",
        "enum": ["date", "id", "include", "relevance", "slug", "include_slugs", "title"],
    }
    return params


def revisions_controller_routes(
    post_type: PostType, registries: Registries, rest_url: RestUrl
) -> list[RouteSpec]:
    """`WP_REST_Revisions_Controller::register_routes()` for a parent type."""
    schema = revision_schema_for(post_type, registries, rest_url)
    base = f"/{post_type.route_base}/(?P<parent>[\\d]+)/revisions"
    parent = id_arg("The ID for the parent of the revision.", "parent")
    both = {**parent, **id_arg("Unique identifier for the revision.")}
    controller = "WP_REST_Revisions_Controller"
    return [
        {
            "namespace": post_type.namespace,
            "route": base,
            "controller": controller,
            "endpoints": [
                endpoint(READABLE, "get_items", parent, revision_collection_params(schema))
            ],
            "schema": public_item_schema(schema),
        },
        {
            "namespace": post_type.namespace,
            "route": base + "/(?P<id>[\\d]+)",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_item",
                    both,
                    {"context": wp_args.get_context_param(schema, default="view")},
                ),
                endpoint(
                    DELETABLE,
                    "delete_item",
                    both,
                    force_arg("Required to be true, as revisions do not support trashing."),
                ),
            ],
            "schema": public_item_schema(schema),
        },
    ]


def autosaves_controller_routes(
    post_type: PostType, registries: Registries, rest_url: RestUrl
) -> list[RouteSpec]:
    """`WP_REST_Autosaves_Controller::register_routes()` for a parent type."""
    parent_schema = post_item_schema(post_type, registries, rest_url)
    schema = autosave_item_schema(revision_schema_for(post_type, registries, rest_url))
    base = post_type.route_base
    parent = id_arg("The ID for the parent of the autosave.", "parent")
    both = {**parent, **id_arg("The ID for the autosave.")}
    controller = "WP_REST_Autosaves_Controller"
    return [
        {
            "namespace": post_type.namespace,
            "route": f"/{base}/(?P<id>[\\d]+)/autosaves",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_items",
                    parent,
                    {"context": wp_args.get_context_param(schema, default="view")},
                ),
                endpoint(
                    CREATABLE,
                    "create_item",
                    parent,
                    wp_args.endpoint_args_for_schema(parent_schema, wp_args.EDITABLE),
                ),
            ],
            "schema": public_item_schema(schema),
        },
        {
            "namespace": post_type.namespace,
            "route": f"/{base}/(?P<parent>[\\d]+)/autosaves/(?P<id>[\\d]+)",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_item",
                    both,
                    {"context": wp_args.get_context_param(schema, default="view")},
                    permission="get_item_permissions_check",  # the revisions controller's
                ),
            ],
            "schema": public_item_schema(schema),
        },
    ]
