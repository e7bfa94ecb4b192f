"""The block editor's directories and registered patterns: schemas and routes (WordPress 7.1).

WordPress counterparts: `WP_REST_Block_Directory_Controller`, `WP_REST_Pattern_Directory_Controller`,
`WP_REST_Block_Patterns_Controller` and `WP_REST_Block_Pattern_Categories_Controller`
(`register_routes()`, `get_item_schema()`, `get_collection_params()`).
"""

from __future__ import annotations

from typing import Any

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import READABLE, JSONSchema, RouteSpec, endpoint

_VEE = ["view", "edit", "embed"]
_DRAFT_04 = "http://json-schema.org/draft-04/schema#"


def _schema(title: str, properties: JSONSchema) -> JSONSchema:
    return {"$schema": _DRAFT_04, "title": title, "type": "object", "properties": properties}


def _view(description: str, type_: str, **more: Any) -> JSONSchema:
    return {"description": description, "type": type_, **more, "context": ["view"]}


def block_directory_schema() -> JSONSchema:
    return _schema(
        "block-directory-item",
        {
            "name": _view("The block name, in namespace/block-name format.", "string"),
            "title": _view("The block title, in human readable format.", "string"),
            "description": _view(
                "A short description of the block, in human readable format.", "string"
            ),
            "id": _view("The block slug.", "string"),
            "rating": _view("The star rating of the block.", "number"),
            "rating_count": _view("The number of ratings.", "integer"),
            "active_installs": _view("The number sites that have activated this block.", "integer"),
            "author_block_rating": _view(
                "The average rating of blocks published by the same author.", "number"
            ),
            "author_block_count": _view(
                "The number of blocks published by the same author.", "integer"
            ),
            "author": _view("The WordPress.org username of the block author.", "string"),
            "icon": _view("The block icon.", "string", format="uri"),
            "last_updated": _view(
                "The date when the block was last updated.", "string", format="date-time"
            ),
            "humanized_updated": _view(
                "The date when the block was last updated, in human readable format.", "string"
            ),
        },
    )


def _strings(description: str, context: list[str] | None = None) -> JSONSchema:
    return {
        "description": description,
        "type": "array",
        "uniqueItems": True,
        "items": {"type": "string"},
        "context": list(context or _VEE),
    }


def pattern_directory_schema() -> JSONSchema:
    def prop(description: str, type_: str, **more: Any) -> JSONSchema:
        return {"description": description, "type": type_, **more, "context": list(_VEE)}

    return _schema(
        "pattern-directory-item",
        {
            "id": prop("The pattern ID.", "integer", minimum=1),
            "title": prop("The pattern title, in human readable format.", "string", minLength=1),
            "content": prop("The pattern content.", "string", minLength=1),
            "categories": _strings("The pattern's category slugs."),
            "keywords": _strings("The pattern's keywords."),
            "description": prop("A description of the pattern.", "string", minLength=1),
            "viewport_width": prop(
                "The preferred width of the viewport when previewing a pattern, in pixels.",
                "integer",
            ),
            "block_types": _strings(
                "The block types which can use this pattern.", ["view", "embed"]
            ),
        },
    )


def _ro(description: str, type_: str, **more: Any) -> JSONSchema:
    return {
        "description": description,
        "type": type_,
        "readonly": True,
        "context": list(_VEE),
        **more,
    }


def block_pattern_schema() -> JSONSchema:
    return _schema(
        "block-pattern",
        {
            "name": _ro("The pattern name.", "string"),
            "title": _ro("The pattern title, in human readable format.", "string"),
            "content": _ro("The pattern content.", "string"),
            "description": _ro("The pattern detailed description.", "string"),
            "viewport_width": _ro("The pattern viewport width for inserter preview.", "number"),
            "inserter": _ro("Determines whether the pattern is visible in inserter.", "boolean"),
            "categories": _ro("The pattern category slugs.", "array"),
            "keywords": _ro("The pattern keywords.", "array"),
            "block_types": _ro(
                "Block types that the pattern is intended to be used with.", "array"
            ),
            "post_types": _ro(
                "An array of post types that the pattern is restricted to be used with.", "array"
            ),
            "template_types": _ro("An array of template types where the pattern fits.", "array"),
            "source": _ro(
                "Where the pattern comes from e.g. core",
                "string",
                enum=[
                    "core",
                    "plugin",
                    "theme",
                    "pattern-directory/core",
                    "pattern-directory/theme",
                    "pattern-directory/featured",
                ],
            ),
        },
    )


def block_pattern_category_schema() -> JSONSchema:
    return _schema(
        "block-pattern-category",
        {
            "name": _ro("The category name.", "string"),
            "label": _ro("The category label, in human readable format.", "string"),
            "description": _ro("The category description, in human readable format.", "string"),
        },
    )


def _route(path: str, controller: str, args: dict[str, Any], schema: JSONSchema) -> RouteSpec:
    return {
        "namespace": "wp/v2",
        "route": path,
        "controller": controller,
        "endpoints": [endpoint(READABLE, "get_items", {}, args)],
        "schema": schema,
    }


def block_directory_routes() -> list[RouteSpec]:
    schema = block_directory_schema()
    params = wp_args.get_collection_params(schema)
    params["context"]["default"] = "view"
    params["term"] = {
        "description": "Limit result set to blocks matching the search term.",
        "type": "string",
        "required": True,
        "minLength": 1,
    }
    del params["search"]
    return [_route("/block-directory/search", "WP_REST_Block_Directory_Controller", params, schema)]


def pattern_directory_routes() -> list[RouteSpec]:
    schema = pattern_directory_schema()
    params = wp_args.get_collection_params(schema)
    params["per_page"]["default"] = 100
    params["search"]["minLength"] = 1
    params["context"]["default"] = "view"
    params["category"] = {
        "description": "Limit results to those matching a category ID.",
        "type": "integer",
        "minimum": 1,
    }
    params["keyword"] = {
        "description": "Limit results to those matching a keyword ID.",
        "type": "integer",
        "minimum": 1,
    }
    params["slug"] = {
        "description": "Limit results to those matching a pattern (slug).",
        "type": "array",
    }
    params["offset"] = {
        "description": "Offset the result set by a specific number of items.",
        "type": "integer",
    }
    params["order"] = {
        "description": "Order sort attribute ascending or descending.",
        "type": "string",
        "default": "desc",
        "enum": ["asc", "desc"],
    }
    params["orderby"] = {
        "description": "Sort collection by post attribute.",
        "type": "string",
        "default": "date",
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
            "favorite_count",
        ],
    }
    return [
        _route(
            "/pattern-directory/patterns", "WP_REST_Pattern_Directory_Controller", params, schema
        )
    ]


def block_patterns_routes() -> list[RouteSpec]:
    return [
        _route(
            "/block-patterns/patterns",
            "WP_REST_Block_Patterns_Controller",
            {},
            block_pattern_schema(),
        )
    ]


def block_pattern_categories_routes() -> list[RouteSpec]:
    return [
        _route(
            "/block-patterns/categories",
            "WP_REST_Block_Pattern_Categories_Controller",
            {},
            block_pattern_category_schema(),
        )
    ]
