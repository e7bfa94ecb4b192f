"""Type tests and coercions shared by validation and sanitization.

Counterparts in `wp-includes/rest-api.php`: `rest_is_boolean()`, `rest_is_integer()`,
`rest_is_array()`, `rest_is_object()`, `rest_sanitize_array()`, `rest_sanitize_object()`,
`rest_sanitize_boolean()`, `rest_get_best_type_for_value()`, `rest_handle_multi_type_schema()`,
`rest_validate_array_contains_unique_items()` (with `rest_stabilize_value()`),
`rest_are_values_equal()`, `rest_validate_json_schema_pattern()`,
`rest_find_matching_pattern_property_schema()`; and `wp_parse_list()`, `absint()`.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from pressbox.schema import _php

Schema = Mapping[str, Any]

ALLOWED_TYPES = ("array", "object", "string", "number", "integer", "boolean", "null")

_LIST_SPLIT = re.compile(r"[ \t\n\x0b\x0c\r,]+")
_INTEGER_STRING = re.compile(r"^[ \t\n\x0b\x0c\r]*[+-]?[0-9]+[ \t\n\x0b\x0c\r]*$")


def wp_parse_list(value: Any) -> list[Any]:
    """A comma- or space-separated string as a list; an array keeps its scalar entries.

    WordPress keeps the keys of an array's entries; only the values are returned here.
    """
    if isinstance(value, list | dict):
        return [v for _, v in _php.items(value) if _php.is_scalar(v)]
    return [part for part in _LIST_SPLIT.split(_php.to_str(value)) if part]


def rest_is_boolean(value: Any) -> bool:
    """True for booleans, "true"/"false"/"1"/"0" in any case, and the integers 0 and 1."""
    if isinstance(value, bool):
        return True
    if isinstance(value, str):
        return _php.strtolower(value) in ("false", "true", "0", "1")
    if isinstance(value, int):
        return value in (0, 1)
    return False


def rest_sanitize_boolean(value: Any) -> bool:
    """A boolean-like value as a bool: "false" and "0" (any case) are false."""
    if isinstance(value, str) and _php.strtolower(value) in ("false", "0"):
        return False
    return _php.to_bool(value)


def rest_is_integer(value: Any) -> bool:
    """Whether the value represents an integer (`"12"`, `12`, `12.0`, `"1e3"`)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return True
    if isinstance(value, str) and _INTEGER_STRING.match(value):
        return True
    if not _php.is_numeric(value):
        return False
    f = _php.to_float(value)
    return math.isinf(f) or f.is_integer()


def rest_is_array(value: Any) -> bool:
    """Lists, arrays with integer keys, and any scalar (read as a comma-separated list)."""
    if _php.is_scalar(value):
        value = wp_parse_list(value)
    return _php.is_numeric_array(value)


def rest_sanitize_array(value: Any) -> list[Any]:
    """An array-like value as a list (the values of an array, or the items of a string)."""
    if _php.is_scalar(value):
        return wp_parse_list(value)
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return list(value.values())
    return []


def rest_is_object(value: Any) -> bool:
    """Arrays of any kind, and the empty string."""
    return value == "" or isinstance(value, list | dict)


def rest_sanitize_object(value: Any) -> list[Any] | dict[str, Any]:
    """An object-like value as a PHP array (an empty string is an empty object)."""
    if isinstance(value, list | dict):
        return value
    return {}


def absint(value: Any) -> int | float:
    """`absint()`: `abs((int) $value)` (a float only for `abs(PHP_INT_MIN)`, as in PHP)."""
    n = abs(_php.to_int(value))
    return float(n) if n > _php.PHP_INT_MAX else n


_CHECKS: dict[str, Callable[[Any], bool]] = {
    "array": rest_is_array,
    "object": rest_is_object,
    "integer": rest_is_integer,
    "number": _php.is_numeric,
    "boolean": rest_is_boolean,
    "string": lambda v: isinstance(v, str),
    "null": lambda v: v is None,
}


def rest_get_best_type_for_value(value: Any, types: list[Any]) -> str:
    """The first of `types` the value can be read as; "" when none fits."""
    if value == "" and "string" in types:
        return "string"
    for type_ in types:
        check = _CHECKS.get(type_) if isinstance(type_, str) else None
        if check is not None and check(value):
            return str(type_)
    return ""


def rest_handle_multi_type_schema(value: Any, args: Schema) -> str:
    """The type of a `type: [...]` schema to use for `value`; "" when none fits.

    An unknown type in the list (WordPress warns about it) is used when nothing else fits.
    """
    types: list[Any] = list(args["type"])
    invalid = [t for t in types if t not in ALLOWED_TYPES]
    best = rest_get_best_type_for_value(value, types)
    if not best and invalid:
        return str(invalid[0])
    return best


def _stable(value: Any) -> Any:
    """A hashable form of `serialize(rest_stabilize_value($value))`."""
    if value is None:
        return ("N",)
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, int):
        return ("i", value)
    if isinstance(value, float):
        return ("d", repr(value))
    if isinstance(value, str):
        return ("s", value)
    if isinstance(value, list | dict):
        keyed = [(_php.php_key(k), _stable(v)) for k, v in _php.items(value)]
        keyed.sort(key=lambda kv: (0, kv[0], "") if isinstance(kv[0], int) else (1, 0, kv[0]))
        return ("a", tuple(keyed))
    return ("o", repr(value))


def rest_validate_array_contains_unique_items(values: list[Any]) -> bool:
    """Whether no two items are equal (objects compare regardless of key order)."""
    seen: set[Any] = set()
    for item in values:
        key = _stable(item)
        if key in seen:
            return False
        seen.add(key)
    return True


def rest_are_values_equal(value1: Any, value2: Any) -> bool:
    """JSON-schema equality of two sanitized values: key order is ignored, 1 equals 1.0."""
    if isinstance(value1, list | dict) and isinstance(value2, list | dict):
        if len(value1) != len(value2):
            return False
        other = {_php.php_key(k): v for k, v in _php.items(value2)}
        for key, item in _php.items(value1):
            pk = _php.php_key(key)
            if pk not in other or not rest_are_values_equal(item, other[pk]):
                return False
        return True
    if isinstance(value1, bool) or isinstance(value2, bool):
        return type(value1) is type(value2) and value1 == value2
    if isinstance(value1, int | float) and isinstance(value2, int | float):
        if type(value1) is not type(value2):
            return float(value1) == float(value2)
        return value1 == value2
    return type(value1) is type(value2) and value1 == value2


_PCRE_ANCHORS = re.compile(r"\\\\|\\z|\\Z")


@functools.lru_cache(maxsize=512)
def _compile_pattern(pattern: str) -> re.Pattern[str] | None:
    # PCRE's \z is Python's \Z; PCRE's \Z also matches before a final newline.
    translated = _PCRE_ANCHORS.sub(
        lambda m: {"\\z": r"\Z", "\\Z": r"(?=\n?\Z)"}.get(m.group(0), m.group(0)), pattern
    )
    try:
        return re.compile(translated)
    except re.error:
        return None


def rest_validate_json_schema_pattern(pattern: str, value: str) -> bool:
    """Whether the `pattern` keyword matches anywhere in `value` (PCRE with `/u`)."""
    compiled = _compile_pattern(pattern)
    return compiled is not None and compiled.search(value) is not None


def rest_find_matching_pattern_property_schema(prop: str, args: Schema) -> Schema | None:
    """The `patternProperties` schema whose pattern matches the property name."""
    patterns = args.get("patternProperties")
    if isinstance(patterns, Mapping):
        for pattern, child in patterns.items():
            if rest_validate_json_schema_pattern(str(pattern), prop):
                return child  # type: ignore[no-any-return]
    return None
