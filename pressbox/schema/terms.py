"""The schema, collection params and routes of terms, as WordPress 7.1 declares them.

WordPress counterparts: `WP_REST_Terms_Controller::get_item_schema()`, `get_collection_params()`
and `register_routes()`, and `WP_REST_Menus_Controller::get_item_schema()` (menus drop `count`,
`link` and `taxonomy` and add `locations` and `auto_add`). Every function returns fresh dicts
in WordPress's key order; callbacks are named as in WordPress (controller methods or
`CALLBACKS` names).
"""

from __future__ import annotations

from pressbox.registry.meta import MetaRegistry
from pressbox.registry.taxonomies import Taxonomy
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

MENUS_CONTROLLER = "WP_REST_Menus_Controller"
TERMS_CONTROLLER = "WP_REST_Terms_Controller"
# The object type of term meta (WP_REST_Term_Meta_Fields::get_meta_type()).
META_TYPE = "term"

_ALL = ["view", "embed", "edit"]
_VIEW_EDIT = ["view", "edit"]


def term_item_schema(taxonomy: Taxonomy, meta: MetaRegistry) -> JSONSchema:
    """`WP_REST_Terms_Controller::get_item_schema()` (with `arg_options`)."""
    properties: JSONSchema = {
        "id": {
            "description": "Unique identifier for the term.",
            "type": "integer",
            "context": list(_ALL),
            "readonly": True,
        },
        "count": {
            "description": "Number of published posts for the term.",
            "type": "integer",
            "context": list(_VIEW_EDIT),
            "readonly": True,
        },
        "description": {
            "description": "HTML description of the term.",
            "type": "string",
            "context": list(_VIEW_EDIT),
        },
        "link": {
            "description": "URL of the term.",
            "type": "string",
            "format": "uri",
            "context": list(_ALL),
            "readonly": True,
        },
        "name": {
            "description": "HTML title for the term.",
            "type": "string",
            "context": list(_ALL),
            "arg_options": {"sanitize_callback": "sanitize_text_field"},
            "required": True,
        },
        "slug": {
            "description": "An alphanumeric identifier for the term unique to its type.",
            "type": "string",
            "context": list(_ALL),
            "arg_options": {"sanitize_callback": "sanitize_slug"},
        },
        "taxonomy": {
            "description": "Type attribution for the term.",
            "type": "string",
            "enum": [taxonomy.name],
            "context": list(_ALL),
            "readonly": True,
        },
    }
    if taxonomy.hierarchical:
        properties["parent"] = {
            "description": "The parent term ID.",
            "type": "integer",
            "context": list(_VIEW_EDIT),
        }
    properties["meta"] = meta_field_schema(meta, META_TYPE, taxonomy.name)
    return {
        "$schema": SCHEMA_DRAFT_04,
        "title": "tag" if taxonomy.name == "post_tag" else taxonomy.name,
        "type": "object",
        "properties": properties,
    }


def menu_item_schema(taxonomy: Taxonomy, meta: MetaRegistry) -> JSONSchema:
    """`WP_REST_Menus_Controller::get_item_schema()`."""
    schema = term_item_schema(taxonomy, meta)
    properties = schema["properties"]
    for name in ("count", "link", "taxonomy"):
        del properties[name]
    properties["locations"] = {
        "description": "The locations assigned to the menu.",
        "type": "array",
        "items": {"type": "string"},
        "context": list(_VIEW_EDIT),
        "arg_options": {"validate_callback": "validate_menu_locations"},
    }
    properties["auto_add"] = {
        "description": "Whether to automatically add top level pages to this menu.",
        "context": list(_VIEW_EDIT),
        "type": "boolean",
    }
    return schema


def item_schema_for(taxonomy: Taxonomy, meta: MetaRegistry) -> JSONSchema:
    """The item schema of the controller that serves `taxonomy`."""
    if taxonomy.rest_controller == MENUS_CONTROLLER:
        return menu_item_schema(taxonomy, meta)
    return term_item_schema(taxonomy, meta)


def term_collection_params(taxonomy: Taxonomy, schema: JSONSchema) -> Args:
    """`WP_REST_Terms_Controller::get_collection_params()`."""
    params = wp_args.get_collection_params(schema)
    params["context"]["default"] = "view"
    params["exclude"] = ids_arg("Ensure result set excludes specific IDs.")
    params["include"] = ids_arg("Limit result set to specific IDs.")
    if not taxonomy.hierarchical:
        params["offset"] = offset_arg()
    params["order"] = {
        "description": "Order sort attribute ascending or descending.",
        "type": "string",
        "default": "asc",
        "enum": ["asc", "desc"],
    }
    params["orderby"] = {
        "description": "Sort collection by term attribute.",
        "type": "string",
        "default": "name",
        "enum": [
            "id",
            "include",
            "name",
            "slug",
            "include_slugs",
            "term_group",
            "description",
            "count",
        ],
    }
    params["hide_empty"] = {
        "description": "Whether to hide terms not assigned to any posts.",
        "type": "boolean",
        "default": False,
    }
    if taxonomy.hierarchical:
        params["parent"] = {
            "description": "Limit result set to terms assigned to a specific parent.",
            "type": "integer",
        }
    params["post"] = {
        "description": "Limit result set to terms assigned to a specific post.",
        "type": "integer",
        "default": None,  # shown as `null` by the index and OPTIONS
    }
    params["slug"] = {
        "description": "Limit result set to terms with one or more specific slugs.",
        "type": "array",
        "items": {"type": "string"},
    }
    return params


def _empty_meta_as_list(properties: JSONSchema) -> None:
    """No term meta shown in REST: `properties` is an empty PHP array, JSON `[]`."""
    meta = properties.get("meta")
    if isinstance(meta, dict) and meta.get("properties") == {}:
        meta["properties"] = []


def public_term_schema(schema: JSONSchema) -> JSONSchema:
    """`get_public_item_schema()`: no `arg_options`, PHP's encoding of empty arrays."""
    public = public_item_schema(schema)
    _empty_meta_as_list(public["properties"])
    return public


def _item_args(schema: JSONSchema, method: str) -> Args:
    args = wp_args.endpoint_args_for_schema(schema, method)
    _empty_meta_as_list(args)
    return args


def terms_routes(taxonomy: Taxonomy, schema: JSONSchema) -> list[RouteSpec]:
    """`register_routes()`: the collection and one term (menus inherit these routes)."""
    public = public_term_schema(schema)
    controller = taxonomy.rest_controller or TERMS_CONTROLLER
    base = f"/{taxonomy.route_base}"
    batch = {"v1": True}
    delete_args: Args = {
        "force": {
            "type": "boolean",
            "default": False,
            "description": "Required to be true, as terms do not support trashing.",
        }
    }
    context = {"context": wp_args.get_context_param(schema, default="view")}
    return [
        {
            "namespace": taxonomy.namespace,
            "route": base,
            "controller": controller,
            "endpoints": [
                endpoint(READABLE, "get_items", {}, term_collection_params(taxonomy, schema)),
                endpoint(CREATABLE, "create_item", {}, _item_args(schema, wp_args.CREATABLE)),
            ],
            "schema": public,
            "allow_batch": dict(batch),
        },
        {
            "namespace": taxonomy.namespace,
            "route": base + "/(?P<id>[\\d]+)",
            "controller": controller,
            "endpoints": [
                endpoint(READABLE, "get_item", id_arg("Unique identifier for the term."), context),
                endpoint(
                    EDITABLE,
                    "update_item",
                    id_arg("Unique identifier for the term."),
                    _item_args(schema, wp_args.EDITABLE),
                ),
                endpoint(
                    DELETABLE, "delete_item", id_arg("Unique identifier for the term."), delete_args
                ),
            ],
            "schema": public,
            "allow_batch": dict(batch),
        },
    ]
