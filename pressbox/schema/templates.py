"""Templates and template parts: schemas and routes (WordPress 7.1).

WordPress counterparts: `register_routes()` / `get_item_schema()` / `get_collection_params()` of
`WP_REST_Templates_Controller`, `WP_REST_Template_Revisions_Controller` and
`WP_REST_Template_Autosaves_Controller`. Both types register late: revisions and autosaves
routes first, then the templates' own.
"""

from __future__ import annotations

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import (
    CREATABLE,
    DELETABLE,
    EDITABLE,
    READABLE,
    JSONSchema,
    RouteSpec,
    clone,
    endpoint,
    force_arg,
)
from pressbox.schema.revisions import revision_collection_params

# A template id: `theme//slug` (the theme part is the themes controller's pattern).
TEMPLATE_ID = '([^\\/:<>\\*\\?"\\|]+(?:\\/[^\\/:<>\\*\\?"\\|]+)?)[\\/\\w%-]+'
_ALL = ["embed", "view", "edit"]
_VEE = ["view", "edit", "embed"]


def _template_id_arg(name: str) -> dict[str, dict[str, str]]:
    return {
        name: {
            "description": "The id of a template",
            "type": "string",
            "sanitize_callback": "_sanitize_template_id",
        }
    }


def template_schema(post_type: str, statuses: list[str]) -> JSONSchema:
    """`WP_REST_Templates_Controller::get_item_schema()` for `wp_template` or
    `wp_template_part` (`statuses`: the non-internal post statuses)."""
    p: JSONSchema = {
        "id": {
            "description": "ID of template.",
            "type": "string",
            "context": list(_ALL),
            "readonly": True,
        },
        "slug": {
            "description": "Unique slug identifying the template.",
            "type": "string",
            "context": list(_ALL),
            "required": True,
            "minLength": 1,
            "pattern": "[a-zA-Z0-9_\\%-]+",
        },
        "theme": {
            "description": "Theme identifier for the template.",
            "type": "string",
            "context": list(_ALL),
        },
        "type": {"description": "Type of template.", "type": "string", "context": list(_ALL)},
        "source": {
            "description": "Source of template",
            "type": "string",
            "context": list(_ALL),
            "readonly": True,
        },
        "origin": {
            "description": "Source of a customized template",
            "type": "string",
            "context": list(_ALL),
            "readonly": True,
        },
        "content": {
            "description": "Content of template.",
            "type": ["object", "string"],
            "default": "",
            "context": list(_ALL),
            "properties": {
                "raw": {
                    "description": "Content for the template, as it exists in the database.",
                    "type": "string",
                    "context": ["view", "edit"],
                },
                "block_version": {
                    "description": "Version of the content block format used by the template.",
                    "type": "integer",
                    "context": ["edit"],
                    "readonly": True,
                },
            },
        },
        "title": {
            "description": "Title of template.",
            "type": ["object", "string"],
            "default": "",
            "context": list(_ALL),
            "properties": {
                "raw": {
                    "description": "Title for the template, as it exists in the database.",
                    "type": "string",
                    "context": list(_VEE),
                },
                "rendered": {
                    "description": "HTML title for the template, transformed for display.",
                    "type": "string",
                    "context": list(_VEE),
                    "readonly": True,
                },
            },
        },
        "description": {
            "description": "Description of template.",
            "type": "string",
            "default": "",
            "context": list(_ALL),
        },
        "status": {
            "description": "Status of template.",
            "type": "string",
            "enum": list(statuses),
            "default": "publish",
            "context": list(_ALL),
        },
        "wp_id": {
            "description": "Post ID.",
            "type": "integer",
            "context": list(_ALL),
            "readonly": True,
        },
        "has_theme_file": {
            "description": "Theme file exists.",
            "type": "bool",
            "context": list(_ALL),
            "readonly": True,
        },
        "author": {
            "description": "The ID for the author of the template.",
            "type": "integer",
            "context": list(_VEE),
        },
        "modified": {
            "description": "The date the template was last modified, in the site's timezone.",
            "type": ["string", "null"],
            "format": "date-time",
            "context": ["view", "edit"],
            "readonly": True,
        },
        "author_text": {
            "type": "string",
            "description": "Human readable text for the author.",
            "readonly": True,
            "context": list(_VEE),
        },
        "original_source": {
            "description": "Where the template originally comes from e.g. 'theme'",
            "type": "string",
            "readonly": True,
            "context": list(_VEE),
            "enum": ["theme", "plugin", "site", "user"],
        },
        "date": {
            "description": "The date the template was published, in the site's timezone.",
            "type": ["string", "null"],
            "format": "date-time",
            "context": ["view", "edit"],
            "readonly": True,
        },
    }
    if post_type == "wp_template":
        p["is_custom"] = {
            "description": "Whether a template is a custom template.",
            "type": "bool",
            "context": list(_ALL),
            "readonly": True,
        }
        p["plugin"] = {
            "type": "string",
            "description": "Plugin that registered the template.",
            "readonly": True,
            "context": list(_VEE),
        }
    if post_type == "wp_template_part":
        p["area"] = {
            "description": "Where the template part is intended for use (header, footer, etc.)",
            "type": "string",
            "context": list(_ALL),
        }
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": post_type,
        "type": "object",
        "properties": p,
    }


def template_revision_schema(schema: JSONSchema) -> JSONSchema:
    """`WP_REST_Template_Revisions_Controller::get_item_schema()` (autosaves share it)."""
    out = clone(schema)
    out["properties"]["parent"] = {
        "description": "The ID for the parent of the revision.",
        "type": "integer",
        "context": list(_VEE),
    }
    return out


def templates_routes(base: str, schema: JSONSchema) -> list[RouteSpec]:
    """The routes of one template type: revisions, autosaves, then the templates."""
    revision = template_revision_schema(schema)
    revision_context = {"context": wp_args.get_context_param(revision, default="view")}
    item = f"/{base}/(?P<id>{TEMPLATE_ID})"
    parent = f"/{base}/(?P<parent>{TEMPLATE_ID})"
    editable = wp_args.endpoint_args_for_schema(schema, wp_args.EDITABLE)
    revisions = "WP_REST_Template_Revisions_Controller"
    autosaves = "WP_REST_Template_Autosaves_Controller"
    templates = "WP_REST_Templates_Controller"

    def spec(
        route: str, controller: str, endpoints: list[object], has_schema: JSONSchema
    ) -> RouteSpec:
        return {
            "namespace": "wp/v2",
            "route": route,
            "controller": controller,
            "endpoints": endpoints,  # type: ignore[typeddict-item]
            "schema": has_schema,
        }

    revision_id = {"id": {"description": "Unique identifier for the revision.", "type": "integer"}}
    autosave_id = {"id": {"description": "The ID for the autosave.", "type": "integer"}}
    return [
        spec(
            parent + "/revisions",
            revisions,
            [
                endpoint(
                    READABLE,
                    "get_items",
                    _template_id_arg("parent"),
                    revision_collection_params(revision),
                )
            ],
            revision,
        ),
        spec(
            parent + "/revisions/(?P<id>[\\d]+)",
            revisions,
            [
                endpoint(
                    READABLE,
                    "get_item",
                    {**_template_id_arg("parent"), **revision_id},
                    revision_context,
                ),
                endpoint(
                    DELETABLE,
                    "delete_item",
                    {**_template_id_arg("parent"), **revision_id},
                    force_arg("Required to be true, as revisions do not support trashing."),
                ),
            ],
            revision,
        ),
        spec(
            item + "/autosaves",
            autosaves,
            [
                endpoint(READABLE, "get_items", _template_id_arg("id"), revision_context),
                endpoint(CREATABLE, "create_item", _template_id_arg("id"), editable),
            ],
            revision,
        ),
        spec(
            parent + "/autosaves/(?P<id>[\\d]+)",
            autosaves,
            [
                endpoint(
                    READABLE,
                    "get_item",
                    {**_template_id_arg("parent"), **autosave_id},
                    revision_context,
                    permission="get_revision_permissions_check",
                )
            ],
            revision,
        ),
        spec(
            f"/{base}",
            templates,
            [
                endpoint(READABLE, "get_items", {}, _collection_params(schema)),
                endpoint(
                    CREATABLE,
                    "create_item",
                    {},
                    wp_args.endpoint_args_for_schema(schema, wp_args.CREATABLE),
                ),
            ],
            schema,
        ),
        spec(
            f"/{base}/lookup",
            templates,
            [
                endpoint(
                    READABLE,
                    "get_template_fallback",
                    {},
                    _lookup_args(),
                    permission="get_item_permissions_check",
                )
            ],
            {},
        ),
        spec(
            item,
            templates,
            [
                endpoint(
                    READABLE,
                    "get_item",
                    _template_id_arg("id"),
                    {"context": wp_args.get_context_param(schema, default="view")},
                ),
                endpoint(EDITABLE, "update_item", _template_id_arg("id"), editable),
                endpoint(
                    DELETABLE,
                    "delete_item",
                    _template_id_arg("id"),
                    {
                        "force": {
                            "type": "boolean",
                            "default": False,
                            "description": "Whether to bypass Trash and force deletion.",
                        }
                    },
                ),
            ],
            schema,
        ),
    ]


def _collection_params(schema: JSONSchema) -> dict[str, dict[str, object]]:
    return {
        "context": wp_args.get_context_param(schema, default="view"),
        "wp_id": {"description": "Limit to the specified post id.", "type": "integer"},
        "area": {"description": "Limit to the specified template part area.", "type": "string"},
        "post_type": {"description": "Post type to get the templates for.", "type": "string"},
    }


def _lookup_args() -> dict[str, dict[str, object]]:
    return {
        "slug": {
            "description": "The slug of the template to get the fallback for",
            "type": "string",
            "required": True,
        },
        "is_custom": {
            "description": "Indicates if a template is custom or part of the template hierarchy",
            "type": "boolean",
        },
        "template_prefix": {
            "description": "The template prefix for the created template. This is used to "
            "extract the main template type, e.g. in `taxonomy-books` extracts the `taxonomy`",
            "type": "string",
        },
    }
