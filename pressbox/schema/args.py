"""The argument pipeline of a REST request: where parameters come from, then validate, sanitize.

Counterparts: `WP_REST_Request::get_parameter_order()`, `get_param()`, `has_param()`,
`get_params()`, `set_param()`, `get_default_params()`, `has_valid_params()` and
`sanitize_params()`; the defaults `WP_REST_Server::match_request_to_handler()` sets;
`rest_get_endpoint_args_for_schema()` (`WP_REST_Controller::get_endpoint_args_for_item_schema()`),
`WP_REST_Controller::get_context_param()` and `get_collection_params()`.

Arguments are plain dicts as in WordPress. A `validate_callback` or `sanitize_callback` is a
callable `(value, request, name)` (the request being the `RequestParams` below) or the name of
one of the WordPress functions in `CALLBACKS`, such as `"absint"` or `"sanitize_key"`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pressbox.content.escaping import sanitize_url
from pressbox.schema import _php
from pressbox.schema.errors import RestError
from pressbox.schema.predicates import absint, rest_sanitize_boolean, wp_parse_list
from pressbox.schema.sanitize import (
    rest_parse_request_arg,
    rest_sanitize_request_arg,
    rest_validate_request_arg,
)
from pressbox.schema.text import (
    sanitize_email,
    sanitize_key,
    sanitize_text_field,
    sanitize_textarea_field,
)

Arg = Mapping[str, Any]
Callback = Callable[[Any, "RequestParams", str], Any]

# WP_REST_Server's method constants.
READABLE = "GET"
CREATABLE = "POST"
EDITABLE = "POST, PUT, PATCH"
DELETABLE = "DELETE"
ALLMETHODS = "GET, POST, PUT, PATCH, DELETE"

BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def _one_arg(function: Callable[[Any], Any]) -> Callback:
    # PHP calls a callback with (value, request, name); one-argument functions ignore the rest.
    return lambda value, request, name: function(value)


CALLBACKS: dict[str, Callback] = {
    "rest_validate_request_arg": rest_validate_request_arg,
    "rest_sanitize_request_arg": rest_sanitize_request_arg,
    "rest_parse_request_arg": rest_parse_request_arg,
    "absint": _one_arg(absint),
    "rest_sanitize_boolean": _one_arg(rest_sanitize_boolean),
    "sanitize_key": _one_arg(sanitize_key),
    "sanitize_text_field": _one_arg(sanitize_text_field),
    "sanitize_textarea_field": _one_arg(sanitize_textarea_field),
    "sanitize_email": _one_arg(lambda v: sanitize_email(_php.to_str(v))),
    "esc_url_raw": _one_arg(lambda v: sanitize_url(_php.to_str(v))),
    "sanitize_url": _one_arg(lambda v: sanitize_url(_php.to_str(v))),
    "wp_parse_list": _one_arg(wp_parse_list),
}


def _resolve(callback: Any) -> Callback:
    if isinstance(callback, str):
        return CALLBACKS[callback]
    resolved: Callback = callback
    return resolved


def parameter_order(method: str, is_json: bool) -> tuple[str, ...]:
    """Parameter sources by priority: JSON body, form body, query string, URL, defaults."""
    order: list[str] = ["JSON"] if is_json else []
    if method in BODY_METHODS:
        order.append("POST")
    order += ["GET", "URL", "defaults"]
    return tuple(order)


def default_params(args: Mapping[str, Arg]) -> dict[str, Any]:
    """The `default` of each argument that has one (a None default counts as none)."""
    return {
        name: arg["default"]
        for name, arg in args.items()
        if isinstance(arg, Mapping) and arg.get("default") is not None
    }


@dataclass
class RequestParams:
    """A request's parameters by source (`JSON`, `POST`, `GET`, `URL`, `defaults`), as in PHP.

    `order` lists the sources that count, highest priority first. Lookups treat a None value
    as absent (PHP's `isset`), except `has_param`, which only asks whether the key is there.
    """

    args: Mapping[str, Arg]
    order: tuple[str, ...]
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The sources of `order`, highest priority first (each exists, so lookups walk the dicts).
    ordered: tuple[dict[str, Any], ...] = field(init=False, repr=False, compare=False)
    # Sources shared with a remembered validation outcome: copied before the first change.
    shared: bool = field(default=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.ordered = tuple(self.sources.setdefault(name, {}) for name in self.order)

    def share(self) -> RequestParams:
        """A view of these parameters that copies them before it changes any."""
        return RequestParams(self.args, self.order, self.sources, shared=True)

    def _own(self) -> None:
        if self.shared:
            self.sources = {k: dict(v) for k, v in self.sources.items()}
            self.ordered = tuple(self.sources[name] for name in self.order)
            self.shared = False

    def source(self, name: str) -> dict[str, Any]:
        self._own()
        return self.sources.setdefault(name, {})

    def get_param(self, key: str) -> Any:
        for source in self.ordered:
            value = source.get(key)
            if value is not None:
                return value
        return None

    def has_param(self, key: str) -> bool:
        return any(key in source for source in self.ordered)

    def get_params(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for name in reversed(self.order):
            merged.update(self.sources.get(name, {}))
        return merged

    def set_param(self, key: str, value: Any) -> None:
        self._own()
        found = False
        for name in self.order:
            if name != "defaults" and key in self.sources.get(name, {}):
                self.sources[name][key] = value
                found = True
        if not found:
            self.source(self.order[0])[key] = value

    def get_default_params(self) -> dict[str, Any]:
        return dict(self.sources.get("defaults", {}))

    def copy(self) -> RequestParams:
        return RequestParams(self.args, self.order, {k: dict(v) for k, v in self.sources.items()})


def request_params(
    method: str,
    args: Mapping[str, Arg],
    *,
    query: Mapping[str, Any] | None = None,
    form: Mapping[str, Any] | None = None,
    json: Any = None,
    is_json: bool = False,
    url: Mapping[str, Any] | None = None,
) -> RequestParams:
    """The parameters of a request matched to a route with these `args`.

    `query` is PHP's `$_GET`, `form` the parsed form body (`$_POST`, or a urlencoded body of a
    PUT/PATCH/DELETE), `json` the decoded body when the content type is JSON (`is_json`); a
    JSON body that is not an object provides no parameters. `url` holds the route's captures.
    """
    sources: dict[str, dict[str, Any]] = {
        "JSON": dict(json) if is_json and isinstance(json, Mapping) else {},
        "POST": dict(form or {}),
        "GET": dict(query or {}),
        "URL": dict(url or {}),
        "defaults": default_params(args),
    }
    return RequestParams(args, parameter_order(method.upper(), is_json), sources)


def _invalid_param_error(invalid: dict[str, str], details: dict[str, Any]) -> RestError:
    return RestError(
        "rest_invalid_param",
        f"Invalid parameter(s): {', '.join(invalid)}",
        # An empty PHP array is encoded as [], not {}.
        {"status": 400, "params": invalid, "details": details or []},
    )


def has_valid_params(
    request: RequestParams,
    validate_callback: Callable[[RequestParams], bool | RestError] | None = None,
) -> Literal[True] | RestError:
    """Required arguments first, then each present argument's `validate_callback`.

    `validate_callback` is the route's own (the handler's `validate_callback` attribute).
    """
    required = [
        key
        for key, arg in request.args.items()
        if arg.get("required") is True and request.get_param(key) is None
    ]
    if required:
        return RestError(
            "rest_missing_callback_param",
            f"Missing parameter(s): {', '.join(required)}",
            {"status": 400, "params": required},
        )

    invalid: dict[str, str] = {}
    details: dict[str, Any] = {}
    for key, arg in request.args.items():
        value = request.get_param(key)
        if value is None or _php.is_empty(arg.get("validate_callback")):
            continue
        check = _resolve(arg["validate_callback"])(value, request, key)
        if check is False:
            invalid[key] = "Invalid parameter."
        if isinstance(check, RestError):
            invalid[key] = check.message
            details[key] = check.to_response_data()
    if invalid:
        return _invalid_param_error(invalid, details)

    if validate_callback is not None:
        check = validate_callback(request)
        if isinstance(check, RestError):
            return check
        if check is False:
            return RestError("rest_invalid_params", "Invalid parameters.", {"status": 400})
    return True


def sanitize_params(request: RequestParams) -> RequestParams | RestError:
    """Each present argument through its `sanitize_callback`, in every source it appears in.

    An argument with a type and no `sanitize_callback` key is validated and sanitized by its
    schema (`rest_parse_request_arg`); an explicit None callback leaves it as it is. Returns a
    new `RequestParams`; callbacks see it as it is being sanitized.
    """
    if not request.args:
        return request
    result = request.copy()
    invalid: dict[str, str] = {}
    details: dict[str, Any] = {}
    for name in result.order:
        params = result.sources.get(name)
        if not params:
            continue
        for key, value in list(params.items()):
            arg = result.args.get(key)
            if arg is None:
                continue
            if "sanitize_callback" not in arg and not _php.is_empty(arg.get("type")):
                callback: Any = rest_parse_request_arg
            else:
                callback = arg.get("sanitize_callback")
            if _php.is_empty(callback):
                continue
            sanitized = _resolve(callback)(value, result, key)
            if isinstance(sanitized, RestError):
                invalid[key] = sanitized.message
                details[key] = sanitized.to_response_data()
            else:
                params[key] = sanitized
    if invalid:
        return _invalid_param_error(invalid, details)
    return result


ALLOWED_SCHEMA_KEYWORDS = (
    "title", "description", "default", "type", "format", "enum", "items", "properties",
    "additionalProperties", "patternProperties", "minProperties", "maxProperties", "minimum",
    "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
    "pattern", "minItems", "maxItems", "uniqueItems", "anyOf", "oneOf",
)  # fmt: skip


def endpoint_args_for_schema(
    schema: Mapping[str, Any], method: str = CREATABLE
) -> dict[str, dict[str, Any]]:
    """The arguments of a create (`POST`) or update endpoint from a resource's item schema.

    Read-only properties are left out; `default` and `required` only apply on `CREATABLE`.
    """
    properties = schema.get("properties") or {}
    keywords = [k for k in ALLOWED_SCHEMA_KEYWORDS if k not in ("default", "required")]
    endpoint_args: dict[str, dict[str, Any]] = {}
    for field_id, params in properties.items():
        if not _php.is_empty(params.get("readonly")):
            continue
        arg: dict[str, Any] = {
            "validate_callback": rest_validate_request_arg,
            "sanitize_callback": rest_sanitize_request_arg,
        }
        if method == CREATABLE and params.get("default") is not None:
            arg["default"] = params["default"]
        if method == CREATABLE and not _php.is_empty(params.get("required")):
            arg["required"] = True
        for keyword in keywords:
            if params.get(keyword) is not None:
                arg[keyword] = params[keyword]
        options = params.get("arg_options")
        if options is not None:
            if method != CREATABLE:
                options = {k: v for k, v in options.items() if k not in ("required", "default")}
            arg.update(options)
        endpoint_args[field_id] = arg
    return endpoint_args


def get_context_param(schema: Mapping[str, Any], **overrides: Any) -> dict[str, Any]:
    """The `context` argument, its `enum` made of the contexts the schema's properties use."""
    param: dict[str, Any] = {
        "description": "Scope under which the request is made; determines fields present in response.",
        "type": "string",
        "sanitize_callback": "sanitize_key",
        "validate_callback": "rest_validate_request_arg",
    }
    contexts: list[str] = []
    for attributes in (schema.get("properties") or {}).values():
        for context in attributes.get("context") or ():
            if context not in contexts:
                contexts.append(context)
    if contexts:
        param["enum"] = sorted(contexts, reverse=True)
    return {**param, **overrides}


def get_collection_params(schema: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """`WP_REST_Controller::get_collection_params()`: context, page, per_page and search."""
    return {
        "context": get_context_param(schema),
        "page": {
            "description": "Current page of the collection.",
            "type": "integer",
            "default": 1,
            "sanitize_callback": "absint",
            "validate_callback": "rest_validate_request_arg",
            "minimum": 1,
        },
        "per_page": {
            "description": "Maximum number of items to be returned in result set.",
            "type": "integer",
            "default": 10,
            "minimum": 1,
            "maximum": 100,
            "sanitize_callback": "absint",
            "validate_callback": "rest_validate_request_arg",
        },
        "search": {
            "description": "Limit results to those matching a string.",
            "type": "string",
            "sanitize_callback": "sanitize_text_field",
            "validate_callback": "rest_validate_request_arg",
        },
    }
