"""pressbox.schema against WordPress's own PHP, on generated schemas, values and requests."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressbox.content.escaping import esc_html
from pressbox.content.formatting import strip_tags
from pressbox.schema import (
    _php,
    absint,
    endpoint_args_for_schema,
    has_valid_params,
    is_email,
    request_params,
    rest_get_best_type_for_value,
    rest_is_array,
    rest_is_boolean,
    rest_is_integer,
    rest_is_ip_address,
    rest_is_object,
    rest_parse_date,
    rest_sanitize_boolean,
    rest_sanitize_value_from_schema,
    rest_validate_value_from_schema,
    sanitize_email,
    sanitize_key,
    sanitize_params,
    sanitize_text_field,
    sanitize_textarea_field,
    sanitize_url,
    wp_is_uuid,
    wp_parse_list,
)

from .wp_oracle import dump, require_php, to_wire

pytestmark = pytest.mark.php

# PRESSBOX_DIFF_EXAMPLES=5000 searches deeper, with a random seed; the default run is repeatable.
EXAMPLES = int(os.environ.get("PRESSBOX_DIFF_EXAMPLES", "200"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="PRESSBOX_DIFF_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Strings that sit on the edges of PHP's and WordPress's readings of text.
EDGE_STRINGS = [
    "", "0", "1", "-1", "+1", "12", " 12", "12 ", "\n12\n", "\x0b5", "1.0", "1.5", "1.", ".5", "-.5e-2",
    "1e3", "1E3", "1e", "1e999", "0x1A", "12abc", "abc", "true", "false", "TRUE", "False", "yes",
    "null", "a,b", "1,2,3", "1, 2 ,3", " , ", "a b\tc", "#fff", "#FFFFFF", "#ffff", "fff",
    "2020-01-01T10:00:00", "2020-01-01 10:00:00Z", "2020-13-01T00:00:00", "2021-02-31T00:00:00",
    "2020-01-01T24:00:00+24:00", "2020-01-01T10:00:00.5-05", "2020-01-01T10:00:00+25:00",
    "2020-01-01t10:00:00\n", "0000-00-00T00:00:00", "a@b.co", "user@example.com", "a@b", "x@-a.com",
    "test@exa..mple.com", "127.0.0.1", "256.1.1.1", "::1", "2001:db8::8a2e:370:7334", "::ffff:1.2.3.4",
    "1:2:3:4:5:6:7::8:9", "fe80::1%eth0", "01.2.3.4", "1.2.3.4\n",
    "123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000",
    "<b>bold</b>", "a < b", "x<y>z", "<script>x</script>y", "%20a%2", "%%41", "a\r\nb",
    "&amp; &foo; &#9; &#x3A;", "é", "日本", "view", "edit", "embed", "publish", "http://x.org/a b",
    "javascript:alert(1)", "feed:http://x", "//x.com", "mailto:a@b.c", "x.php", "[::1]",
]  # fmt: skip

text = st.one_of(
    st.sampled_from(EDGE_STRINGS),
    st.text(alphabet="0123456789 .,+-eE\t\nabcdfx#:@<>%&;/\"'!?ltT", max_size=12),
    st.text(max_size=6),
)
ints = st.one_of(st.integers(-3, 3), st.integers(-(2**63), 2**63 - 1))
floats = st.one_of(
    st.sampled_from([0.0, -0.0, 0.5, 1.0, 1.5, -2.5, 1e15, 1e20, 1.5e-7, 0.1, 2.0, 3.0]),
    st.floats(allow_nan=False, allow_infinity=False),
)
scalars = st.one_of(st.none(), st.booleans(), ints, floats, text)
keys = st.sampled_from(["0", "1", "2", "a", "b", "c", "id", "name", "-1", "01"])
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=8,
)

TYPES = ["array", "object", "string", "number", "integer", "boolean", "null"]
PATTERNS = ["^[a-z]+$", "[0-9]", "^#", "^(?:a|b)*$", "x{2,}", "é", "^\\d+$", "a#b", "^\\w+$"]
FORMATS = ["date-time", "email", "ip", "uuid", "hex-color", "uri", "text-field", "textarea-field"]


@st.composite
def schemas(draw: st.DrawFn, depth: int = 2) -> dict[str, Any]:
    schema: dict[str, Any] = {}
    kind = draw(st.sampled_from(["one", "one", "one", "many", "none"]))
    if kind == "one":
        schema["type"] = draw(st.sampled_from(TYPES))
    elif kind == "many":
        schema["type"] = draw(st.lists(st.sampled_from([*TYPES, "bogus"]), min_size=1, max_size=3))
    optional: dict[str, st.SearchStrategy[Any]] = {
        "minimum": st.one_of(st.integers(-5, 5), st.sampled_from([0.5, 1.5])),
        "maximum": st.one_of(st.integers(-5, 10), st.sampled_from([2.5, 1000])),
        "exclusiveMinimum": st.booleans(),
        "exclusiveMaximum": st.booleans(),
        "multipleOf": st.sampled_from([1, 2, 0.5, 3, 0.1]),
        "minLength": st.integers(0, 4),
        "maxLength": st.sampled_from([0, 1, 3, 1000, 1500]),
        "pattern": st.sampled_from(PATTERNS),
        "enum": st.lists(scalars, min_size=1, max_size=4),
        "format": st.sampled_from(FORMATS),
        "minItems": st.integers(0, 3),
        "maxItems": st.integers(0, 3),
        "uniqueItems": st.booleans(),
        "minProperties": st.integers(0, 2),
        "maxProperties": st.integers(0, 2),
        "title": st.sampled_from(["Thing", "Term ID List", "Other"]),
    }
    if depth > 0:
        sub = schemas(depth - 1)
        optional |= {
            "items": sub,
            "properties": st.dictionaries(keys, sub, max_size=3),
            "required": st.one_of(st.lists(keys, max_size=2), st.just(True)),
            "additionalProperties": st.one_of(st.just(False), sub),
            "patternProperties": st.dictionaries(
                st.sampled_from(["^a", "[0-9]", "^i"]), sub, max_size=2
            ),
            "anyOf": st.lists(sub, min_size=1, max_size=3),
            "oneOf": st.lists(sub, min_size=1, max_size=3),
        }
    chosen = draw(st.lists(st.sampled_from(sorted(optional)), max_size=4, unique=True))
    for name in chosen:
        schema[name] = draw(optional[name])
    return schema


def fitting(schema: dict[str, Any], depth: int = 2) -> st.SearchStrategy[Any]:
    """Values that are, or are close to, what the schema asks for."""
    type_ = schema.get("type")
    if isinstance(type_, list):
        type_ = type_[0] if type_ else None
    options: list[st.SearchStrategy[Any]] = [values]
    if schema.get("enum"):
        options.append(st.sampled_from(schema["enum"]))
    if type_ in ("integer", "number"):
        options += [st.integers(-12, 12), st.integers(-12, 12).map(str), floats, floats.map(repr)]
    elif type_ == "boolean":
        options.append(st.sampled_from([True, False, 0, 1, "true", "false", "0", "1", "TRUE", 2]))
    elif type_ == "string":
        options.append(text)
    elif type_ == "null":
        options.append(st.none())
    elif type_ == "array" and depth > 0:
        item = (
            fitting(schema["items"], depth - 1) if isinstance(schema.get("items"), dict) else values
        )
        options += [
            st.lists(item, max_size=4),
            st.lists(item, max_size=4).map(lambda xs: ",".join(map(str, xs))),
        ]
    elif type_ == "object" and depth > 0:
        props = schema.get("properties") or {}
        fixed = {k: fitting(v, depth - 1) for k, v in props.items() if isinstance(v, dict)}
        options.append(
            st.fixed_dictionaries({}, optional=fixed)
            if fixed
            else st.dictionaries(keys, values, max_size=3)
        )
    if schema.get("anyOf") or schema.get("oneOf"):
        subs = [
            fitting(s, depth - 1) for s in (schema.get("anyOf") or schema.get("oneOf")) if depth > 0
        ]
        options += subs
    return st.one_of(*options)


@st.composite
def schema_and_value(draw: st.DrawFn) -> tuple[Any, dict[str, Any]]:
    schema = draw(schemas())
    return draw(fitting(schema)), schema


def _compare(calls: list[tuple[str, list[Any]]], ours: list[Any]) -> None:
    theirs = require_php().call_many(calls)
    for (fn, args), mine, php in zip(calls, ours, theirs, strict=True):
        if isinstance(php, dict) and "__throw" in php:
            continue  # WordPress itself fails with a PHP error there.
        if fn == "wp_parse_list" and isinstance(php, dict):
            php = list(php.values())  # ours returns the values only
        assert dump(to_wire(mine)) == dump(php), f"{fn}{tuple(args)!r}"


@SETTINGS
@given(st.lists(schema_and_value(), min_size=1, max_size=8))
def test_validate_and_sanitize_match_wordpress(cases: list[tuple[Any, dict[str, Any]]]) -> None:
    calls: list[tuple[str, list[Any]]] = []
    ours: list[Any] = []
    for value, schema in cases:
        calls.append(("rest_validate_value_from_schema", [value, schema, "param"]))
        ours.append(rest_validate_value_from_schema(value, schema, "param"))
        calls.append(("rest_sanitize_value_from_schema", [value, schema, "param"]))
        ours.append(rest_sanitize_value_from_schema(value, schema, "param"))
    _compare(calls, ours)


PREDICATES = {
    "rest_is_boolean": rest_is_boolean,
    "rest_is_integer": rest_is_integer,
    "rest_is_array": rest_is_array,
    "rest_is_object": rest_is_object,
    "rest_sanitize_boolean": rest_sanitize_boolean,
    "wp_parse_list": wp_parse_list,
    "absint": absint,
    "int": _php.to_int,
    "float": _php.to_float,
    "string": _php.to_str,
    "is_numeric": _php.is_numeric,
}


@SETTINGS
@given(st.lists(values, min_size=1, max_size=10))
def test_php_casts_and_predicates_match(cases: list[Any]) -> None:
    calls = [(name, [value]) for value in cases for name in PREDICATES]
    ours = [PREDICATES[name](value) for value in cases for name in PREDICATES]
    calls += [("rest_get_best_type_for_value", [v, TYPES]) for v in cases]
    ours += [rest_get_best_type_for_value(v, TYPES) for v in cases]
    _compare(calls, ours)


STRING_FUNCTIONS = {
    "rest_parse_date": lambda s: False if (t := rest_parse_date(s)) is None else t,
    "rest_is_ip_address": lambda s: rest_is_ip_address(s) or False,
    "is_email": lambda s: is_email(s) or False,
    "wp_is_uuid": wp_is_uuid,
    "sanitize_text_field": sanitize_text_field,
    "sanitize_textarea_field": sanitize_textarea_field,
    "sanitize_key": sanitize_key,
    "sanitize_email": sanitize_email,
    "sanitize_url": sanitize_url,
    "strip_tags": strip_tags,
    "esc_html": esc_html,
}

markup = st.text(alphabet="<>!-?\"'\\ab/ ()lmxEe=&;#%0\n", max_size=24)


@SETTINGS
@given(st.lists(st.one_of(text, markup), min_size=1, max_size=10))
def test_string_functions_match(cases: list[str]) -> None:
    calls = [(name, [s]) for s in cases for name in STRING_FUNCTIONS]
    ours = [STRING_FUNCTIONS[name](s) for s in cases for name in STRING_FUNCTIONS]
    _compare(calls, ours)


ARG_NAMES = ["page", "per_page", "context", "search", "id", "status", "tags", "meta"]
CALLBACK_NAMES = ["absint", "sanitize_key", "sanitize_text_field", "rest_validate_request_arg"]


@st.composite
def route_args(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    args: dict[str, dict[str, Any]] = {}
    for name in draw(st.lists(st.sampled_from(ARG_NAMES), max_size=4, unique=True)):
        arg = draw(schemas(1))
        if draw(st.booleans()):
            arg["required"] = True
        if draw(st.booleans()):
            arg["default"] = draw(scalars)
        if draw(st.booleans()):
            arg["validate_callback"] = "rest_validate_request_arg"
        callback = draw(
            st.sampled_from([None, "absent", *CALLBACK_NAMES, "rest_sanitize_request_arg"])
        )
        if callback != "absent":
            arg["sanitize_callback"] = callback
        args[name] = arg
    return args


params = st.dictionaries(st.sampled_from([*ARG_NAMES, "other"]), values, max_size=4)


@SETTINGS
@given(
    route_args(),
    st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    params,
    params,
    st.one_of(st.none(), params),
    params,
)
def test_request_pipeline_matches(
    args: dict[str, dict[str, Any]],
    method: str,
    query: dict[str, Any],
    form: dict[str, Any],
    json_body: dict[str, Any] | None,
    url: dict[str, Any],
) -> None:
    request = request_params(
        method, args, query=query, form=form, json=json_body, is_json=json_body is not None, url=url
    )
    result: dict[str, Any]
    checked = has_valid_params(request)
    if checked is not True:
        result = {"error": checked}
    else:
        sanitized = sanitize_params(request)
        result = (
            {"error": sanitized}
            if not hasattr(sanitized, "get_params")
            else {"params": sanitized.get_params()}  # type: ignore[union-attr]
        )
    _compare([("request", [method, args, query, form, json_body, url])], [result])


@SETTINGS
@given(st.dictionaries(keys, schemas(1), max_size=4), st.sampled_from(["POST", "POST, PUT, PATCH"]))
def test_endpoint_args_match(properties: dict[str, Any], method: str) -> None:
    for prop in properties.values():
        prop["readonly"] = prop.pop("uniqueItems", False)
    schema = {"type": "object", "properties": properties}
    ours = endpoint_args_for_schema(schema, method)
    for arg in ours.values():
        arg["validate_callback"] = "rest_validate_request_arg"
        arg["sanitize_callback"] = "rest_sanitize_request_arg"
    _compare([("rest_get_endpoint_args_for_schema", [schema, method])], [ours])
