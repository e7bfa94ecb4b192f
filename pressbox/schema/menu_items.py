"""Menu items (`nav_menu_item` posts): schema, collection args and routes (WordPress 7.1).

WordPress counterparts: `WP_REST_Menu_Items_Controller::get_item_schema()`,
`get_schema_links()`, `get_collection_params()`, and the routes it inherits from
`WP_REST_Posts_Controller::register_routes()`, followed by its autosaves routes
(`WP_REST_Autosaves_Controller` with the menu items controller as parent).
"""

from __future__ import annotations

from pressbox.registry import Registries
from pressbox.registry.post_types import PostType
from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import (
    CREATABLE,
    DELETABLE,
    EDITABLE,
    READABLE,
    Args,
    JSONSchema,
    RestUrl,
    RouteSpec,
    clone,
    endpoint,
    force_arg,
    id_arg,
)
from pressbox.schema.meta_fields import meta_field_schema
from pressbox.schema.posts import SCHEMA_DRAFT_04, public_item_schema, schema_links
from pressbox.schema.posts_routes import post_collection_params
from pressbox.schema.revisions import autosave_item_schema, revision_item_schema

CONTROLLER = "WP_REST_Menu_Items_Controller"
_ALL = ["view", "edit", "embed"]
# The `classes` and `xfn` args' sanitizer (a closure in WordPress).
_CLASS_LIST = {"sanitize_callback": "sanitize_class_list"}


def _prop(description: str, type_: str, **more: object) -> JSONSchema:
    return {"description": description, "type": type_, "context": list(_ALL), **more}


def _meta_schema(registries: Registries, post_type: PostType) -> JSONSchema:
    schema = meta_field_schema(registries.meta, "post", post_type.name)
    if not schema["properties"]:
        schema["properties"] = []  # an empty PHP array: JSON `[]`
    return schema


def menu_item_schema(post_type: PostType, registries: Registries, rest_url: RestUrl) -> JSONSchema:
    """`get_item_schema()` (with `arg_options`, named after the controller's methods)."""
    p: JSONSchema = {}
    p["title"] = {
        "description": "The title for the object.",
        "type": ["string", "object"],
        "context": list(_ALL),
        "properties": {
            "raw": {
                "description": "Title for the object, as it exists in the database.",
                "type": "string",
                "context": ["edit"],
            },
            "rendered": {
                "description": "HTML title for the object, transformed for display.",
                "type": "string",
                "context": list(_ALL),
                "readonly": True,
            },
        },
    }
    p["id"] = {
        "description": "Unique identifier for the object.",
        "type": "integer",
        "default": 0,
        "minimum": 0,
        "context": list(_ALL),
        "readonly": True,
    }
    p["type_label"] = _prop(
        "The singular label used to describe this type of menu item.", "string", readonly=True
    )
    # WordPress lists `enum` before `context` here, and `default` after it.
    p["type"] = {
        "description": 'The family of objects originally represented, such as "post_type" '
        'or "taxonomy".',
        "type": "string",
        "enum": ["taxonomy", "post_type", "post_type_archive", "custom"],
        "context": list(_ALL),
        "default": "custom",
    }
    p["status"] = {
        "description": "A named status for the object.",
        "type": "string",
        "enum": registries.statuses.names(internal=False),
        "default": "publish",
        "context": list(_ALL),
    }
    p["parent"] = {
        "description": "The ID for the parent of the object.",
        "type": "integer",
        "minimum": 0,
        "default": 0,
        "context": list(_ALL),
    }
    p["attr_title"] = _prop(
        "Text for the title attribute of the link element for this menu item.",
        "string",
        arg_options={"sanitize_callback": "sanitize_text_field"},
    )
    p["classes"] = {
        "description": "Class names for the link element of this menu item.",
        "type": "array",
        "items": {"type": "string"},
        "context": list(_ALL),
        "arg_options": dict(_CLASS_LIST),
    }
    p["description"] = _prop(
        "The description of this menu item.",
        "string",
        arg_options={"sanitize_callback": "sanitize_text_field"},
    )
    p["menu_order"] = {
        "description": "The DB ID of the nav_menu_item that is this item's menu parent, "
        "if any, otherwise 0.",
        "context": list(_ALL),
        "type": "integer",
        "minimum": 1,
        "default": 1,
    }
    p["object"] = {
        "description": 'The type of object originally represented, such as "category", '
        '"post", or "attachment".',
        "context": list(_ALL),
        "type": "string",
        "arg_options": {"sanitize_callback": "sanitize_key"},
    }
    p["object_id"] = {
        "description": "The database ID of the original object this menu item represents, "
        "for example the ID for posts or the term_id for categories.",
        "context": list(_ALL),
        "type": "integer",
        "minimum": 0,
        "default": 0,
    }
    p["target"] = _prop(
        "The target attribute of the link element for this menu item.",
        "string",
        enum=["_blank", ""],
    )
    p["url"] = {
        "description": "The URL to which this menu item points.",
        "type": "string",
        "format": "uri",
        "context": list(_ALL),
        "arg_options": {"validate_callback": "validate_menu_item_url"},
    }
    p["xfn"] = {
        "description": "The XFN relationship expressed in the link of this menu item.",
        "type": "array",
        "items": {"type": "string"},
        "context": list(_ALL),
        "arg_options": dict(_CLASS_LIST),
    }
    p["invalid"] = {
        "description": "Whether the menu item represents an object that no longer exists.",
        "context": list(_ALL),
        "type": "boolean",
        "readonly": True,
    }
    for taxonomy in registries.taxonomies.for_object_type(post_type.name, show_in_rest=True):
        prop: JSONSchema = {
            "description": f"The terms assigned to the object in the {taxonomy.name} taxonomy.",
            "type": "array",
            "items": {"type": "integer"},
            "context": ["view", "edit"],
        }
        if taxonomy.name == "nav_menu":
            prop["type"] = "integer"
            del prop["items"]
        p[taxonomy.route_base] = prop
    p["meta"] = _meta_schema(registries, post_type)
    schema: JSONSchema = {
        "$schema": SCHEMA_DRAFT_04,
        "title": post_type.name,
        "type": "object",
        "properties": p,
    }
    href = rest_url(f"/{post_type.namespace}/{post_type.route_base}/{{id}}")
    schema["links"] = [
        *schema_links(post_type, registries, rest_url),
        {
            "rel": "https://api.w.org/menu-item-object",
            "title": "Get linked object.",
            "href": href,
            "targetSchema": {"type": "object", "properties": {"object": {"type": "integer"}}},
        },
    ]
    return clone(schema)


def menu_item_collection_params(
    post_type: PostType, registries: Registries, schema: JSONSchema
) -> Args:
    """`get_collection_params()`: the posts controller's, ordered by menu position."""
    params = post_collection_params(post_type, registries, schema)
    params["menu_order"] = {
        "description": "Limit result set to posts with a specific menu_order value.",
        "type": "integer",
    }
    params["order"] = {
        "description": "Order sort attribute ascending or descending.",
        "type": "string",
        "default": "asc",
        "enum": ["asc", "desc"],
    }
    params["orderby"] = {
        "description": "Sort collection by object attribute.",
        "type": "string",
        "default": "menu_order",
        "enum": [
            "author",
            "date",
            "id",
            "include",
            "modified",
            "parent",
            "relevance",
            "slug",
            "include_slugs",
            "title",
            "menu_order",
        ],
    }
    params["per_page"]["default"] = 100
    return params


def menu_items_routes(
    post_type: PostType, registries: Registries, rest_url: RestUrl
) -> list[RouteSpec]:
    """The menu items routes, then their autosaves routes (the type has no revisions)."""
    schema = menu_item_schema(post_type, registries, rest_url)
    public = public_item_schema(schema)
    base = post_type.route_base
    item_id = id_arg("Unique identifier for the post.")
    batch = {"v1": True}
    routes: list[RouteSpec] = [
        {
            "namespace": post_type.namespace,
            "route": f"/{base}",
            "controller": CONTROLLER,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_items",
                    {},
                    menu_item_collection_params(post_type, registries, schema),
                ),
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
            "namespace": post_type.namespace,
            "route": f"/{base}/(?P<id>[\\d]+)",
            "controller": CONTROLLER,
            "endpoints": [
                endpoint(
                    READABLE,
                    "get_item",
                    item_id,
                    {"context": wp_args.get_context_param(schema, default="view")},
                ),
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
            "schema": public,
            "allow_batch": dict(batch),
        },
    ]
    if post_type.autosave_rest_controller == "WP_REST_Autosaves_Controller":
        routes += _autosaves_routes(post_type, registries, schema)
    return routes


def _autosaves_routes(
    post_type: PostType, registries: Registries, parent_schema: JSONSchema
) -> list[RouteSpec]:
    """`WP_REST_Autosaves_Controller::register_routes()` under the menu items controller."""
    revision = revision_item_schema(
        parent_schema, _meta_schema(registries, post_type), post_type.name
    )
    schema = autosave_item_schema(revision)
    public = public_item_schema(schema)
    base = post_type.route_base
    parent = id_arg("The ID for the parent of the autosave.", "parent")
    both = {**parent, **id_arg("The ID for the autosave.")}
    context = {"context": wp_args.get_context_param(schema, default="view")}
    controller = "WP_REST_Autosaves_Controller"
    return [
        {
            "namespace": post_type.namespace,
            "route": f"/{base}/(?P<id>[\\d]+)/autosaves",
            "controller": controller,
            "endpoints": [
                endpoint(READABLE, "get_items", parent, context),
                endpoint(
                    CREATABLE,
                    "create_item",
                    parent,
                    wp_args.endpoint_args_for_schema(parent_schema, wp_args.EDITABLE),
                ),
            ],
            "schema": public,
        },
        {
            "namespace": post_type.namespace,
            "route": f"/{base}/(?P<parent>[\\d]+)/autosaves/(?P<id>[\\d]+)",
            "controller": controller,
            "endpoints": [
                endpoint(
                    READABLE, "get_item", both, context, permission="get_item_permissions_check"
                ),
            ],
            "schema": public,
        },
    ]
