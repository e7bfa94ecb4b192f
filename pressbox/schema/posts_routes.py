"""Routes and request args of the posts controller, as WordPress 7.1 registers them.

WordPress counterparts: `WP_REST_Posts_Controller::register_routes()` and
`get_collection_params()` (with `prepare_taxonomy_limit_schema()`), and the order in which
`create_initial_rest_routes()` registers a post type's routes (the item routes, then
revisions and autosaves; the item routes last for `late_route_registration` types).
"""

from __future__ import annotations

from pressbox.registry import POST_FORMATS, Registries
from pressbox.registry.post_types import PostType
from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import (
    CREATABLE,
    DELETABLE,
    EDITABLE,
    READABLE,
    Arg,
    Args,
    JSONSchema,
    RestUrl,
    RouteSpec,
    date_arg,
    endpoint,
    force_arg,
    id_arg,
    ids_arg,
    offset_arg,
    order_arg,
)
from pressbox.schema.posts import post_item_schema, public_item_schema
from pressbox.schema.revisions import autosaves_controller_routes, revisions_controller_routes

# The controllers this module describes (the others rebuild the schema and routes).
POSTS_CONTROLLERS = ("WP_REST_Posts_Controller", "WP_REST_Blocks_Controller")


def _taxonomy_limit(description: str, hierarchical: bool, include: bool) -> Arg:
    """One `prepare_taxonomy_limit_schema()` entry (`categories`, `tags_exclude`, …)."""
    query: Arg = {
        "terms": {
            "description": "Term IDs.",
            "type": "array",
            "items": {"type": "integer"},
            "default": [],
        },
    }
    if hierarchical:
        query["include_children"] = {
            "description": "Whether to include child terms in the terms limiting the result set.",
            "type": "boolean",
            "default": False,
        }
    if include:  # 'operator' is supported only for 'include' queries
        query["operator"] = {
            "description": "Whether items must be assigned all or any of the specified terms.",
            "type": "string",
            "enum": ["AND", "OR"],
            "default": "OR",
        }
    return {
        "description": description,
        "type": ["object", "array"],
        "oneOf": [
            {
                "title": "Term ID List",
                "description": "Match terms with the listed IDs.",
                "type": "array",
                "items": {"type": "integer"},
            },
            {
                "title": "Term ID Taxonomy Query",
                "description": "Perform an advanced term query.",
                "type": "object",
                "properties": query,
                "additionalProperties": False,
            },
        ],
    }


def post_collection_params(post_type: PostType, registries: Registries, schema: JSONSchema) -> Args:
    """`WP_REST_Posts_Controller::get_collection_params()`; `schema` is the type's item schema."""
    params = wp_args.get_collection_params(schema)
    params["context"]["default"] = "view"
    params["after"] = date_arg(
        "Limit response to posts published after a given ISO8601 compliant date."
    )
    params["modified_after"] = date_arg(
        "Limit response to posts modified after a given ISO8601 compliant date."
    )
    if post_type.supports_feature("author"):
        params["author"] = ids_arg("Limit result set to posts assigned to specific authors.")
        params["author_exclude"] = ids_arg(
            "Ensure result set excludes posts assigned to specific authors."
        )
    params["before"] = date_arg(
        "Limit response to posts published before a given ISO8601 compliant date."
    )
    params["modified_before"] = date_arg(
        "Limit response to posts modified before a given ISO8601 compliant date."
    )
    params["exclude"] = ids_arg("Ensure result set excludes specific IDs.")
    params["include"] = ids_arg("Limit result set to specific IDs.")
    page_attributes = post_type.name == "page" or post_type.supports_feature("page-attributes")
    if page_attributes:
        params["menu_order"] = {
            "description": "Limit result set to posts with a specific menu_order value.",
            "type": "integer",
        }
    params["search_semantics"] = {
        "description": "How to interpret the search input.",
        "type": "string",
        "enum": ["exact"],
    }
    params["offset"] = offset_arg()
    params["order"] = order_arg()
    orderby = ["author", "date", "id", "include", "modified", "parent", "relevance", "slug"]
    orderby += ["include_slugs", "title"] + (["menu_order"] if page_attributes else [])
    params["orderby"] = {
        "description": "Sort collection by post attribute.",
        "type": "string",
        "default": "date",
        "enum": orderby,
    }
    if post_type.hierarchical or post_type.name == "attachment":
        params["parent"] = ids_arg("Limit result set to items with particular parent IDs.")
        params["parent_exclude"] = ids_arg(
            "Limit result set to all items except those of a particular parent ID."
        )
    params["search_columns"] = {
        "default": [],
        "description": "Array of column names to be searched.",
        "type": "array",
        "items": {"enum": ["post_title", "post_content", "post_excerpt"], "type": "string"},
    }
    params["slug"] = {
        "description": "Limit result set to posts with one or more specific slugs.",
        "type": "array",
        "items": {"type": "string"},
    }
    params["status"] = {
        "default": "publish",
        "description": "Limit result set to posts assigned one or more statuses.",
        "type": "array",
        "items": {"enum": [*registries.statuses.names(), "any"], "type": "string"},
        "sanitize_callback": "sanitize_post_statuses",
    }
    taxonomies = registries.taxonomies.for_object_type(post_type.name, show_in_rest=True)
    if taxonomies:
        params["tax_relation"] = {
            "description": "Limit result set based on relationship between multiple taxonomies.",
            "type": "string",
            "enum": ["AND", "OR"],
        }
    for taxonomy in taxonomies:
        base = taxonomy.route_base
        params[base] = _taxonomy_limit(
            f"Limit result set to items with specific terms assigned in the {base} taxonomy.",
            taxonomy.hierarchical,
            include=True,
        )
        params[base + "_exclude"] = _taxonomy_limit(
            f"Limit result set to items except those with specific terms assigned in the {base} taxonomy.",
            taxonomy.hierarchical,
            include=False,
        )
    if post_type.name == "post":
        params["sticky"] = {
            "description": "Limit result set to items that are sticky.",
            "type": "boolean",
        }
        params["ignore_sticky"] = {
            "description": "Whether to ignore sticky posts or not.",
            "type": "boolean",
            "default": True,
        }
    if post_type.supports_feature("post-formats"):
        params["format"] = {
            "description": "Limit result set to items assigned one or more given formats.",
            "type": "array",
            "uniqueItems": True,
            "items": {"enum": list(POST_FORMATS), "type": "string"},
        }
    return params


def post_get_item_args(schema: JSONSchema) -> Args:
    """The GET args of `/{base}/{id}`: context, and excerpt_length / password when relevant."""
    args: Args = {"context": wp_args.get_context_param(schema, default="view")}
    if "excerpt" in schema["properties"]:
        args["excerpt_length"] = {
            "description": "Override the default excerpt length.",
            "type": "integer",
        }
    if "password" in schema["properties"]:
        args["password"] = {
            "description": "The password for the post if it is password protected.",
            "type": "string",
        }
    return args


def posts_controller_routes(
    post_type: PostType, registries: Registries, rest_url: RestUrl
) -> list[RouteSpec]:
    """`WP_REST_Posts_Controller::register_routes()`: the collection and the single item."""
    schema = post_item_schema(post_type, registries, rest_url)
    controller = post_type.rest_controller or "WP_REST_Posts_Controller"
    base = post_type.route_base
    item_id = id_arg("Unique identifier for the post.")
    batch = {"v1": True}
    return [
        {
            "namespace": post_type.namespace,
            "route": f"/{base}",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE, "get_items", {}, post_collection_params(post_type, registries, schema)
                ),
                endpoint(
                    CREATABLE,
                    "create_item",
                    {},
                    wp_args.endpoint_args_for_schema(schema, wp_args.CREATABLE),
                ),
            ],
            "schema": public_item_schema(schema),
            "allow_batch": dict(batch),
        },
        {
            "namespace": post_type.namespace,
            "route": f"/{base}/(?P<id>[\\d]+)",
            "controller": controller,
            "endpoints": [
                endpoint(READABLE, "get_item", item_id, post_get_item_args(schema)),
                endpoint(
                    EDITABLE,
                    "update_item",
                    item_id,
                    wp_args.endpoint_args_for_schema(schema, wp_args.EDITABLE),
                ),
                endpoint(
                    DELETABLE,
                    "delete_item",
                    item_id,
                    force_arg("Whether to bypass Trash and force deletion."),
                ),
            ],
            "schema": public_item_schema(schema),
            "allow_batch": dict(batch),
        },
    ]


def post_type_routes(
    post_type: PostType, registries: Registries, rest_url: RestUrl
) -> list[RouteSpec]:
    """The routes `create_initial_rest_routes()` registers for one post type, in its order.

    Only types served by the posts controller (or the blocks controller, its subclass) are
    described; their revisions and autosaves routes follow when the type supports them.
    """
    if post_type.rest_controller not in POSTS_CONTROLLERS:
        return []
    routes: list[RouteSpec] = []
    if not post_type.late_route_registration:
        routes += posts_controller_routes(post_type, registries, rest_url)
    if post_type.revisions_rest_controller == "WP_REST_Revisions_Controller":
        routes += revisions_controller_routes(post_type, registries, rest_url)
    if post_type.autosave_rest_controller == "WP_REST_Autosaves_Controller":
        routes += autosaves_controller_routes(post_type, registries, rest_url)
    if post_type.late_route_registration:
        routes += posts_controller_routes(post_type, registries, rest_url)
    return routes
