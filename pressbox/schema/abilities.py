"""The `wp-abilities/v1` routes: ability categories, running an ability, listing abilities
(WordPress 7.1: `WP_REST_Abilities_V1_Categories_Controller`, `WP_REST_Abilities_V1_Run_Controller`,
`WP_REST_Abilities_V1_List_Controller`), in that registration order."""

from __future__ import annotations

from typing import Any

from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import READABLE, JSONSchema, RouteSpec, endpoint

NAMESPACE = "wp-abilities/v1"
ALLMETHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_VEE = ["view", "edit", "embed"]
_VE = ["view", "edit"]
_ANY = ["integer", "number", "boolean", "string", "array", "object", "null"]
_DRAFT_04 = "http://json-schema.org/draft-04/schema#"


def _ro(description: str, type_: str, context: list[str], **more: Any) -> JSONSchema:
    return {
        "description": description,
        "type": type_,
        **more,
        "context": list(context),
        "readonly": True,
    }


def _paging() -> dict[str, Any]:
    return {
        "page": {
            "description": "Current page of the collection.",
            "type": "integer",
            "default": 1,
            "minimum": 1,
        },
        "per_page": {
            "description": "Maximum number of items to be returned in result set.",
            "type": "integer",
            "default": 50,
            "minimum": 1,
            "maximum": 100,
        },
    }


def ability_category_schema() -> JSONSchema:
    return {
        "$schema": _DRAFT_04,
        "title": "ability-category",
        "type": "object",
        "properties": {
            "slug": _ro("Unique identifier for the ability category.", "string", _VEE),
            "label": _ro("Display label for the category.", "string", _VEE),
            "description": _ro("Description of the category.", "string", _VE),
            "meta": _ro("Meta information about the category.", "object", _VE),
        },
    }


def _annotations(description: str) -> JSONSchema:
    def flag(text: str) -> JSONSchema:
        return {"description": text, "type": ["boolean", "null"]}

    return {
        "description": description,
        "type": "object",
        "properties": {
            "readonly": flag("Whether the ability does not modify its environment."),
            "destructive": flag(
                "Whether the ability may perform destructive updates to its environment."
            ),
            "idempotent": flag(
                "Whether repeated calls with the same arguments have no additional effect."
            ),
        },
        "additionalProperties": True,
    }


def ability_schema() -> JSONSchema:
    return {
        "$schema": _DRAFT_04,
        "title": "ability",
        "type": "object",
        "properties": {
            "name": _ro("Unique identifier for the ability.", "string", _VEE),
            "label": _ro("Display label for the ability.", "string", _VEE),
            "description": _ro("Description of the ability.", "string", _VE),
            "category": _ro("Ability category this ability belongs to.", "string", _VEE),
            "input_schema": _ro("JSON Schema for the ability input.", "object", _VE),
            "output_schema": _ro("JSON Schema for the ability output.", "object", _VE),
            "meta": {
                "description": "Meta information about the ability.",
                "type": "object",
                "properties": {
                    "annotations": _annotations("Behavioral annotations for the ability."),
                    "public": {
                        "description": "Whether the ability is meant to be available to clients "
                        "such as the REST API, MCP, or AI agents. Defaults to false, but "
                        "individual channel settings such as show_in_rest can override it.",
                        "type": "boolean",
                    },
                },
                "context": list(_VE),
                "readonly": True,
            },
        },
    }


def run_schema() -> JSONSchema:
    return {
        "$schema": _DRAFT_04,
        "title": "ability-execution",
        "type": "object",
        "properties": {
            "result": {
                "description": "The result of the ability execution.",
                "type": list(_ANY),
                "context": list(_VE),
                "readonly": True,
            }
        },
    }


def abilities_routes() -> list[RouteSpec]:
    categories = ability_category_schema()
    abilities = ability_schema()
    slug = {
        "slug": {
            "description": "Unique identifier for the ability category.",
            "type": "string",
            "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
        }
    }
    name = {
        "name": {
            "description": "Unique identifier for the ability.",
            "type": "string",
            "pattern": "^[a-zA-Z0-9\\-\\/]+$",
        }
    }
    listing = {
        "context": wp_args.get_context_param(abilities, default="view"),
        **_paging(),
        "category": {
            "description": "Limit results to abilities in specific ability category.",
            "type": "string",
            "sanitize_callback": "sanitize_key",
            "validate_callback": "rest_validate_request_arg",
        },
        "namespace": {
            "description": "Limit results to abilities in a specific namespace.",
            "type": "string",
            "sanitize_callback": "sanitize_key",
            "validate_callback": "rest_validate_request_arg",
        },
        "meta": {
            "description": "Limit results to abilities matching all of the given meta fields.",
            "type": "object",
            "properties": {
                "annotations": _annotations(
                    "Limit results to abilities matching the given behavioral annotations."
                )
            },
            "additionalProperties": True,
        },
    }
    run_args = {
        "input": {
            "description": "Input parameters for the ability execution.",
            "type": list(_ANY),
            "default": None,
            "sanitize_callback": "sanitize_input_for_ability",
        }
    }

    def spec(path: str, controller: str, endpoints: list[Any], schema: JSONSchema) -> RouteSpec:
        return {
            "namespace": NAMESPACE,
            "route": path,
            "controller": controller,
            "endpoints": endpoints,
            "schema": schema,
        }

    return [
        spec(
            "/categories",
            "WP_REST_Abilities_V1_Categories_Controller",
            [
                endpoint(
                    READABLE,
                    "get_items",
                    {},
                    {"context": wp_args.get_context_param(categories, default="view"), **_paging()},
                )
            ],
            categories,
        ),
        spec(
            "/categories/(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)",
            "WP_REST_Abilities_V1_Categories_Controller",
            [endpoint(READABLE, "get_item", slug, {})],
            categories,
        ),
        spec(
            "/abilities/(?P<name>[a-zA-Z0-9\\-\\/]+?)/run",
            "WP_REST_Abilities_V1_Run_Controller",
            [endpoint(ALLMETHODS, "execute_ability", name, run_args, "check_ability_permissions")],
            run_schema(),
        ),
        spec(
            "/abilities",
            "WP_REST_Abilities_V1_List_Controller",
            [endpoint(READABLE, "get_items", {}, listing)],
            abilities,
        ),
        spec(
            "/abilities/(?P<name>[a-zA-Z0-9\\-\\/]+)",
            "WP_REST_Abilities_V1_List_Controller",
            [endpoint(READABLE, "get_item", name, {})],
            abilities,
        ),
    ]
