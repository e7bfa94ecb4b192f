"""Declarative route specs, and the small args many controllers share.

WordPress counterparts: a `register_rest_route()` call (a route's own args are merged first
into each endpoint's: `array_merge( $common_args, $endpoint_args )`), and the arg arrays that
controllers repeat (`include`, `exclude`, `offset`, `order`, `force`, …). The schema-derived
args (`rest_get_endpoint_args_for_schema()`, `get_context_param()`,
`get_collection_params()`) come from `pressbox.schema.args`.

An arg is a plain dict in WordPress's key order: schema keywords plus, where WordPress sets
them, `sanitize_callback` / `validate_callback`: a callable, the name of a WordPress function
of `pressbox.schema.args.CALLBACKS`, the name of a controller method (`sanitize_slug`,
`check_status`, `check_template`, `check_meta_is_array`, `sanitize_post_statuses`) or None
for an explicit `null` (the controller checks the value itself). The index and OPTIONS show
only the schema keywords (`WP_REST_Server::get_data_for_route`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NotRequired, TypedDict, overload

JSONSchema = dict[str, Any]
# rest_url(): a route path ("/wp/v2/posts/{id}") -> absolute URL.
RestUrl = Callable[[str], str]
Arg = dict[str, Any]
Args = dict[str, Arg]

# An endpoint's methods (WP_REST_Server::READABLE, CREATABLE, EDITABLE, DELETABLE).
READABLE = ("GET",)
CREATABLE = ("POST",)
EDITABLE = ("POST", "PUT", "PATCH")
DELETABLE = ("DELETE",)


class EndpointSpec(TypedDict):
    """One `register_rest_route()` endpoint: methods, controller callbacks, args."""

    methods: list[str]
    callback: str  # the controller method: get_items, create_item, get_item, …
    permission_callback: str
    args: Args


class RouteSpec(TypedDict):
    """One `register_rest_route()` call: `route` is relative to `namespace`."""

    namespace: str
    route: str
    controller: str  # WordPress's controller class
    endpoints: list[EndpointSpec]
    schema: JSONSchema
    allow_batch: NotRequired[dict[str, bool]]


def ids_arg(description: str) -> Arg:
    """A list-of-ids filter (`include`, `exclude`, `author`, `parent`, …)."""
    return {
        "description": description,
        "type": "array",
        "items": {"type": "integer"},
        "default": [],
    }


def date_arg(description: str) -> Arg:
    """A date filter (`after`, `before`, `modified_after`, `modified_before`)."""
    return {"description": description, "type": "string", "format": "date-time"}


def order_arg() -> Arg:
    """The `order` arg."""
    return {
        "description": "Order sort attribute ascending or descending.",
        "type": "string",
        "default": "desc",
        "enum": ["asc", "desc"],
    }


def offset_arg() -> Arg:
    """The `offset` arg."""
    return {
        "description": "Offset the result set by a specific number of items.",
        "type": "integer",
    }


@overload
def clone(value: Mapping[str, Any]) -> dict[str, Any]: ...
@overload
def clone(value: list[Any]) -> list[Any]: ...
@overload
def clone(value: object) -> Any: ...
def clone(value: Any) -> Any:
    """A deep copy that shares nothing, not even what the original shared (unlike deepcopy)."""
    if isinstance(value, Mapping):
        return {k: clone(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clone(v) for v in value]
    return value


def force_arg(description: str) -> Args:
    """The DELETE `force` arg."""
    return {"force": {"type": "boolean", "default": False, "description": description}}


def id_arg(description: str, name: str = "id") -> Args:
    """A URL id arg (`id`, `parent`) as a route's own args declare it."""
    return {name: {"description": description, "type": "integer"}}


def endpoint(
    methods: tuple[str, ...], callback: str, common: Args, args: Args, permission: str = ""
) -> EndpointSpec:
    """One endpoint of a route; the route's own `common` args come first (`array_merge()`:
    an endpoint arg of the same name keeps the common one's place). Nothing is shared with
    the inputs or with other endpoints."""
    merged = clone({**common, **args})
    return {
        "methods": list(methods),
        "callback": callback,
        "permission_callback": permission or callback + "_permissions_check",
        "args": merged,
    }
