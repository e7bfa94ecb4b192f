"""Sanitization of a value by its JSON schema, and the per-argument request callbacks.

Counterparts in `wp-includes/rest-api.php`: `rest_sanitize_value_from_schema()`,
`rest_validate_request_arg()`, `rest_sanitize_request_arg()` and `rest_parse_request_arg()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from pressbox.content.escaping import sanitize_url
from pressbox.schema import _php
from pressbox.schema.errors import RestError
from pressbox.schema.predicates import (
    ALLOWED_TYPES,
    Schema,
    rest_find_matching_pattern_property_schema,
    rest_handle_multi_type_schema,
    rest_sanitize_array,
    rest_sanitize_boolean,
    rest_sanitize_object,
    rest_validate_array_contains_unique_items,
)
from pressbox.schema.text import (
    sanitize_hex_color,
    sanitize_text_field,
    sanitize_textarea_field,
)
from pressbox.schema.validate import (
    Valid,
    rest_find_any_matching_schema,
    rest_find_one_matching_schema,
    rest_validate_value_from_schema,
)


def rest_sanitize_value_from_schema(value: Any, args: Schema, param: str = "") -> Any:
    """The value coerced to its schema's type; a `RestError` when it cannot be made safe.

    As in WordPress, this does not validate: an unknown type keeps the value as it is, and a
    value that fits none of the types of a `type: [...]` schema becomes None.
    """
    for keyword, find in (
        ("anyOf", rest_find_any_matching_schema),
        ("oneOf", rest_find_one_matching_schema),
    ):
        if args.get(keyword) is None:
            continue
        matching = find(value, args, param)
        if isinstance(matching, RestError):
            return matching
        if args.get("type") is None:
            args = {**args, "type": matching.get("type")}
        value = rest_sanitize_value_from_schema(value, matching, param)

    if isinstance(args.get("type"), list):
        best = rest_handle_multi_type_schema(value, args)
        if not best:
            return None
        args = {**args, "type": best}

    type_ = args.get("type")
    if type_ == "array":
        items = rest_sanitize_array(value)
        if not _php.is_empty(args.get("items")):
            items = [
                rest_sanitize_value_from_schema(item, args["items"], f"{param}[{index}]")
                for index, item in enumerate(items)
            ]
        if not _php.is_empty(
            args.get("uniqueItems")
        ) and not rest_validate_array_contains_unique_items(items):
            return RestError("rest_duplicate_items", f"{param} has duplicate items.")
        return items

    if type_ == "object":
        return _sanitize_object(value, args, param)
    if type_ == "null":
        return None
    if type_ == "integer":
        return _php.to_int(value)
    if type_ == "number":
        return _php.to_float(value)
    if type_ == "boolean":
        return rest_sanitize_boolean(value)

    format_ = args.get("format")
    if format_ is not None and (type_ is None or type_ == "string" or type_ not in ALLOWED_TYPES):
        if format_ == "hex-color":
            return sanitize_hex_color(_php.to_str(value)) or ""
        if format_ in ("date-time", "email", "ip", "uuid", "text-field"):
            return sanitize_text_field(value)
        if format_ == "uri":
            return sanitize_url(_php.to_str(value))
        if format_ == "textarea-field":
            return sanitize_textarea_field(value)

    if type_ == "string":
        return _php.to_str(value)
    return value


def _sanitize_object(value: Any, args: Schema, param: str) -> Any:
    source = rest_sanitize_object(value)
    properties = args.get("properties")
    properties = properties if isinstance(properties, Mapping) else {}
    additional = args.get("additionalProperties")
    pairs: list[tuple[str, Any]] = []
    for key, item in _php.items(source):
        child = properties.get(key)
        if child is None:
            child = rest_find_matching_pattern_property_schema(key, args)
        if child is not None:
            pairs.append((key, rest_sanitize_value_from_schema(item, child, f"{param}[{key}]")))
        elif additional is False:
            continue
        elif isinstance(additional, Mapping):
            pairs.append(
                (key, rest_sanitize_value_from_schema(item, additional, f"{param}[{key}]"))
            )
        else:
            pairs.append((key, item))
    return _php.as_php_array(pairs, isinstance(source, list))


class ArgsRequest(Protocol):
    """What the request-arg callbacks need of a request: the route's registered arguments."""

    @property
    def args(self) -> Mapping[str, Any]: ...


def _arg_schema(request: ArgsRequest, param: str) -> Schema | None:
    arg = request.args.get(param)
    return arg if isinstance(arg, Mapping) else None


def rest_validate_request_arg(value: Any, request: ArgsRequest, param: str) -> Valid:
    """Validate an argument against the schema it was registered with."""
    schema = _arg_schema(request, param)
    if schema is None:
        return True
    return rest_validate_value_from_schema(value, schema, param)


def rest_sanitize_request_arg(value: Any, request: ArgsRequest, param: str) -> Any:
    """Sanitize an argument by the schema it was registered with."""
    schema = _arg_schema(request, param)
    if schema is None:
        return value
    return rest_sanitize_value_from_schema(value, schema, param)


def rest_parse_request_arg(value: Any, request: ArgsRequest, param: str) -> Any:
    """Validate, then sanitize: the default `sanitize_callback` of an argument with a type."""
    is_valid = rest_validate_request_arg(value, request, param)
    if isinstance(is_valid, RestError):
        return is_valid
    return rest_sanitize_request_arg(value, request, param)
