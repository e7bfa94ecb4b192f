"""Validation of a value against a JSON schema, exactly as WordPress's REST API does it.

Counterparts in `wp-includes/rest-api.php`: `rest_validate_value_from_schema()` and its
`rest_validate_{null,boolean,object,array,number,string,integer}_value_from_schema()`,
`rest_validate_enum()`, `rest_find_any_matching_schema()`, `rest_find_one_matching_schema()`,
`rest_get_combining_operation_error()` and `rest_format_combining_operation_error()`.

A result is `True` or a `RestError`, as `true|WP_Error` in PHP; codes and messages are
WordPress's own, byte for byte.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pressbox.content.blocks.phpjson import php_json_encode
from pressbox.schema import _php
from pressbox.schema.errors import RestError
from pressbox.schema.formats import (
    is_email,
    rest_is_ip_address,
    rest_parse_date,
    rest_parse_hex_color,
    wp_is_uuid,
)
from pressbox.schema.predicates import (
    ALLOWED_TYPES,
    Schema,
    rest_are_values_equal,
    rest_find_matching_pattern_property_schema,
    rest_handle_multi_type_schema,
    rest_is_array,
    rest_is_boolean,
    rest_is_integer,
    rest_is_object,
    rest_sanitize_array,
    rest_sanitize_object,
    rest_validate_array_contains_unique_items,
    rest_validate_json_schema_pattern,
)

Valid = Literal[True] | RestError


def _isset(args: Schema, key: str) -> bool:
    return args.get(key) is not None


def _type_error(param: str, type_name: Any) -> RestError:
    return RestError(
        "rest_invalid_type", f"{param} is not of type {_php.to_str(type_name)}.", {"param": param}
    )


def _values(container: Any) -> list[Any]:
    if isinstance(container, Mapping):
        return list(container.values())
    return list(container) if isinstance(container, list | tuple) else []


def rest_validate_value_from_schema(value: Any, args: Schema, param: str = "") -> Valid:
    """Validate `value` against the schema `args`; `param` names it in error messages."""
    if _isset(args, "anyOf"):
        matching = rest_find_any_matching_schema(value, args, param)
        if isinstance(matching, RestError):
            return matching
        if not _isset(args, "type") and _isset(matching, "type"):
            args = {**args, "type": matching["type"]}

    if _isset(args, "oneOf"):
        matching = rest_find_one_matching_schema(value, args, param)
        if isinstance(matching, RestError):
            return matching
        if not _isset(args, "type") and _isset(matching, "type"):
            args = {**args, "type": matching["type"]}

    if isinstance(args.get("type"), list):
        best = rest_handle_multi_type_schema(value, args)
        if not best:
            types = ",".join(_php.to_str(t) for t in args["type"])
            return RestError(
                "rest_invalid_type", f"{param} is not of type {types}.", {"param": param}
            )
        args = {**args, "type": best}

    type_ = args.get("type")
    is_valid: Valid = True
    if type_ == "null":
        is_valid = True if value is None else _type_error(param, "null")
    elif type_ == "boolean":
        is_valid = True if rest_is_boolean(value) else _type_error(param, "boolean")
    elif type_ == "object":
        is_valid = _validate_object(value, args, param)
    elif type_ == "array":
        is_valid = _validate_array(value, args, param)
    elif type_ == "number":
        is_valid = _validate_number(value, args, param)
    elif type_ == "string":
        is_valid = _validate_string(value, args, param)
    elif type_ == "integer":
        is_valid = _validate_number(value, args, param)
        if is_valid is True and not rest_is_integer(value):
            is_valid = _type_error(param, "integer")
    if isinstance(is_valid, RestError):
        return is_valid

    if not _php.is_empty(args.get("enum")):
        in_enum = rest_validate_enum(value, args, param)
        if isinstance(in_enum, RestError):
            return in_enum

    if _isset(args, "format") and (
        type_ is None or type_ == "string" or type_ not in ALLOWED_TYPES
    ):
        return _validate_format(value, args["format"], param)
    return True


def _validate_format(value: Any, format_: Any, param: str) -> Valid:
    # PHP would raise a TypeError on an array here; it can only happen with a typeless schema.
    text = _php.to_str(value) if not isinstance(value, list | dict) else None
    if format_ == "hex-color":
        if text is None or not rest_parse_hex_color(text):
            return RestError("rest_invalid_hex_color", "Invalid hex color.")
    elif format_ == "date-time":
        if text is None or rest_parse_date(text) is None:
            return RestError("rest_invalid_date", "Invalid date.")
    elif format_ == "email":
        if text is None or not is_email(text):
            return RestError("rest_invalid_email", "Invalid email address.")
    elif format_ == "ip":
        if text is None or not rest_is_ip_address(text):
            return RestError("rest_invalid_ip", f"{param} is not a valid IP address.")
    elif format_ == "uuid" and not wp_is_uuid(value):
        return RestError("rest_invalid_uuid", f"{param} is not a valid UUID.")
    return True


def _count_error(code: str, single: str, plural: str, param: str, limit: Any) -> RestError:
    text = _php.n_(single, plural, limit)
    return RestError(code, _php.sprintf(text, param, _php.number_format(_php.to_number(limit))))


def _less(a: Any, b: Any) -> bool:
    return _php.compare(_php.to_number(a), _php.to_number(b)) < 0


def _validate_object(value: Any, args: Schema, param: str) -> Valid:
    if not rest_is_object(value):
        return _type_error(param, "object")
    pairs = _php.items(rest_sanitize_object(value))
    keys = {_php.php_key(k) for k, _ in pairs}
    properties = args.get("properties")
    properties = properties if isinstance(properties, Mapping) else {}

    required = args.get("required")
    if isinstance(required, list | dict):
        for name in _values(required):
            if _php.php_key(_php.to_str(name)) not in keys:
                return RestError(
                    "rest_property_required",
                    f"{_php.to_str(name)} is a required property of {param}.",
                )
    elif _isset(args, "properties"):
        for name, prop in properties.items():
            if (
                isinstance(prop, Mapping)
                and prop.get("required") is True
                and _php.php_key(str(name)) not in keys
            ):
                return RestError(
                    "rest_property_required", f"{name} is a required property of {param}."
                )

    for key, item in pairs:
        child = properties.get(key)
        if child is None:
            child = rest_find_matching_pattern_property_schema(key, args)
        if child is not None:
            is_valid = rest_validate_value_from_schema(item, child, f"{param}[{key}]")
            if isinstance(is_valid, RestError):
                return is_valid
            continue
        additional = args.get("additionalProperties")
        if additional is False:
            return RestError(
                "rest_additional_properties_forbidden", f"{key} is not a valid property of Object."
            )
        if isinstance(additional, Mapping):
            is_valid = rest_validate_value_from_schema(item, additional, f"{param}[{key}]")
            if isinstance(is_valid, RestError):
                return is_valid

    if _isset(args, "minProperties") and _less(len(pairs), args["minProperties"]):
        return _count_error(
            "rest_too_few_properties",
            "%1$s must contain at least %2$s property.",
            "%1$s must contain at least %2$s properties.",
            param,
            args["minProperties"],
        )
    if _isset(args, "maxProperties") and _less(args["maxProperties"], len(pairs)):
        return _count_error(
            "rest_too_many_properties",
            "%1$s must contain at most %2$s property.",
            "%1$s must contain at most %2$s properties.",
            param,
            args["maxProperties"],
        )
    return True


def _validate_array(value: Any, args: Schema, param: str) -> Valid:
    if not rest_is_array(value):
        return _type_error(param, "array")
    items = rest_sanitize_array(value)
    if _isset(args, "items"):
        for index, item in enumerate(items):
            is_valid = rest_validate_value_from_schema(item, args["items"], f"{param}[{index}]")
            if isinstance(is_valid, RestError):
                return is_valid
    if _isset(args, "minItems") and _less(len(items), args["minItems"]):
        return _count_error(
            "rest_too_few_items",
            "%1$s must contain at least %2$s item.",
            "%1$s must contain at least %2$s items.",
            param,
            args["minItems"],
        )
    if _isset(args, "maxItems") and _less(args["maxItems"], len(items)):
        return _count_error(
            "rest_too_many_items",
            "%1$s must contain at most %2$s item.",
            "%1$s must contain at most %2$s items.",
            param,
            args["maxItems"],
        )
    if not _php.is_empty(args.get("uniqueItems")) and not rest_validate_array_contains_unique_items(
        items
    ):
        return RestError("rest_duplicate_items", f"{param} has duplicate items.")
    return True


def _fmod(x: float, y: float) -> float:
    try:
        return math.fmod(x, y)
    except ValueError:
        return math.nan


def _validate_number(value: Any, args: Schema, param: str) -> Valid:
    if not _php.is_numeric(value):
        return _type_error(param, args["type"])

    if _isset(args, "multipleOf"):
        multiple = args["multipleOf"]
        if _fmod(_php.to_float(value), _php.to_float(multiple)) != 0.0:
            return RestError(
                "rest_invalid_multiple",
                f"{param} must be a multiple of {_php.to_str(multiple)}.",
            )

    number = _php.to_number(value)
    has_min, has_max = _isset(args, "minimum"), _isset(args, "maximum")
    excl_min = not _php.is_empty(args.get("exclusiveMinimum"))
    excl_max = not _php.is_empty(args.get("exclusiveMaximum"))
    cmp_min = _php.compare(number, _php.to_number(args["minimum"])) if has_min else 0
    cmp_max = _php.compare(number, _php.to_number(args["maximum"])) if has_max else 0
    minimum = str(_php.to_int(args.get("minimum")))
    maximum = str(_php.to_int(args.get("maximum")))

    if has_min and not has_max:
        if excl_min and cmp_min <= 0:
            return RestError("rest_out_of_bounds", f"{param} must be greater than {minimum}")
        if not excl_min and cmp_min < 0:
            return RestError(
                "rest_out_of_bounds", f"{param} must be greater than or equal to {minimum}"
            )

    if has_max and not has_min:
        if excl_max and cmp_max >= 0:
            return RestError("rest_out_of_bounds", f"{param} must be less than {maximum}")
        if not excl_max and cmp_max > 0:
            return RestError(
                "rest_out_of_bounds", f"{param} must be less than or equal to {maximum}"
            )

    if has_min and has_max:
        low_ok = cmp_min > 0 if excl_min else cmp_min >= 0
        high_ok = cmp_max < 0 if excl_max else cmp_max <= 0
        if not (low_ok and high_ok):
            low = "exclusive" if excl_min else "inclusive"
            high = "exclusive" if excl_max else "inclusive"
            return RestError(
                "rest_out_of_bounds",
                f"{param} must be between {minimum} ({low}) and {maximum} ({high})",
            )
    return True


def _validate_string(value: Any, args: Schema, param: str) -> Valid:
    if not isinstance(value, str):
        return _type_error(param, "string")
    if _isset(args, "minLength") and _less(len(value), args["minLength"]):
        return _count_error(
            "rest_too_short",
            "%1$s must be at least %2$s character long.",
            "%1$s must be at least %2$s characters long.",
            param,
            args["minLength"],
        )
    if _isset(args, "maxLength") and _less(args["maxLength"], len(value)):
        return _count_error(
            "rest_too_long",
            "%1$s must be at most %2$s character long.",
            "%1$s must be at most %2$s characters long.",
            param,
            args["maxLength"],
        )
    pattern = args.get("pattern")
    if pattern is not None and not rest_validate_json_schema_pattern(_php.to_str(pattern), value):
        return RestError(
            "rest_invalid_pattern", f"{param} does not match pattern {_php.to_str(pattern)}."
        )
    return True


def rest_validate_enum(value: Any, args: Schema, param: str) -> Valid:
    """Whether the sanitized value equals one of the schema's `enum` values."""
    from pressbox.schema.sanitize import rest_sanitize_value_from_schema

    sanitized = rest_sanitize_value_from_schema(value, args, param)
    if isinstance(sanitized, RestError):
        return sanitized
    choices = _values(args["enum"])
    if any(rest_are_values_equal(sanitized, choice) for choice in choices):
        return True
    encoded = [_php.to_str(c) if _php.is_scalar(c) else php_json_encode(c) for c in choices]
    if len(encoded) == 1:
        return RestError("rest_not_in_enum", f"{param} is not {encoded[0]}.")
    return RestError("rest_not_in_enum", f"{param} is not one of {_php.sprintf_list(encoded)}.")


@dataclass(frozen=True)
class _Failure:
    error: RestError
    schema: Schema
    index: int


def _with_parent_type(schema: Schema, args: Schema) -> Schema:
    if not _isset(schema, "type") and _isset(args, "type"):
        return {**schema, "type": args["type"]}
    return schema


def rest_find_any_matching_schema(value: Any, args: Schema, param: str) -> Schema | RestError:
    """The first `anyOf` schema the value is valid against, or why none is."""
    failures: list[_Failure] = []
    for index, schema in enumerate(_values(args["anyOf"])):
        schema = _with_parent_type(schema, args)
        is_valid = rest_validate_value_from_schema(value, schema, param)
        if not isinstance(is_valid, RestError):
            return schema
        failures.append(_Failure(is_valid, schema, index))
    return _combining_operation_error(value, param, failures)


def rest_find_one_matching_schema(
    value: Any, args: Schema, param: str, stop_after_first_match: bool = False
) -> Schema | RestError:
    """The single `oneOf` schema the value is valid against, or why there is not exactly one."""
    matches: list[tuple[Schema, int]] = []
    failures: list[_Failure] = []
    for index, schema in enumerate(_values(args["oneOf"])):
        schema = _with_parent_type(schema, args)
        is_valid = rest_validate_value_from_schema(value, schema, param)
        if isinstance(is_valid, RestError):
            failures.append(_Failure(is_valid, schema, index))
            continue
        if stop_after_first_match:
            return schema
        matches.append((schema, index))

    if not matches:
        return _combining_operation_error(value, param, failures)
    if len(matches) > 1:
        positions = [index for _, index in matches]
        titles = [_php.to_str(s["title"]) for s, _ in matches if _isset(s, "title")]
        if len(titles) == len(matches):
            message = f"{param} matches {_php.sprintf_list(titles)}, but should match only one."
        else:
            message = f"{param} matches more than one of the expected formats."
        return RestError("rest_one_of_multiple_matches", message, {"positions": positions})
    return matches[0][0]


def _format_combining_error(param: str, failure: _Failure) -> RestError:
    reason = failure.error.message
    if _isset(failure.schema, "title"):
        title = _php.to_str(failure.schema["title"])
        message = f"{param} is not a valid {title}. Reason: {reason}"
    else:
        message = f"{param} does not match the expected format. Reason: {reason}"
    return RestError("rest_no_matching_schema", message, {"position": failure.index})


def _combining_operation_error(value: Any, param: str, failures: list[_Failure]) -> RestError:
    """`rest_get_combining_operation_error()`: the most telling of the schemas' errors."""
    if len(failures) == 1:
        return _format_combining_error(param, failures[0])

    filtered = [
        f
        for f in failures
        if f.error.code != "rest_invalid_type"
        or (f.error.data is not None and f.error.data.get("param") not in (None, param))
    ]
    if len(filtered) == 1:
        return _format_combining_error(param, filtered[0])

    if len(filtered) > 1 and filtered[0].schema.get("type") == "object":
        keys = (
            {_php.php_key(k) for k, _ in _php.items(value)}
            if isinstance(value, list | dict)
            else set()
        )
        result: _Failure | None = None
        number = 0
        for failure in filtered:
            props = failure.schema.get("properties")
            if props is not None:
                n = sum(1 for k in _values_keys(props) if _php.php_key(k) in keys)
                if n > number:
                    result, number = failure, n
        if result is not None:
            return _format_combining_error(param, result)

    titles = [_php.to_str(f.schema["title"]) for f in failures if _isset(f.schema, "title")]
    if len(titles) == len(failures):
        return RestError(
            "rest_no_matching_schema", f"{param} is not a valid {_php.sprintf_list(titles)}."
        )
    return RestError(
        "rest_no_matching_schema", f"{param} does not match any of the expected formats."
    )


def _values_keys(container: Any) -> list[str]:
    if isinstance(container, Mapping):
        return [str(k) for k in container]
    if isinstance(container, list):
        return [str(i) for i in range(len(container))]
    return []
