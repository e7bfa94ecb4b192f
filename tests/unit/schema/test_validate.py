"""rest_validate_value_from_schema: each type, keyword and error, with WordPress's messages."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.schema import (
    RestError,
    rest_find_any_matching_schema,
    rest_find_one_matching_schema,
    rest_validate_value_from_schema,
)

OK = True


def err(code: str, message: str, data: dict[str, Any] | None = None) -> RestError:
    return RestError(code, message, data)


def type_err(param: str, type_: str) -> RestError:
    return err("rest_invalid_type", f"{param} is not of type {type_}.", {"param": param})


CASES: list[tuple[str, Any, dict[str, Any], bool | RestError]] = [
    # null
    ("null ok", None, {"type": "null"}, OK),
    ("null rejects empty string", "", {"type": "null"}, type_err("p", "null")),
    # boolean
    *[(f"boolean {v!r}", v, {"type": "boolean"}, OK) for v in (True, False, "true", "FALSE", "0", "1", 0, 1)],
    *[
        (f"boolean rejects {v!r}", v, {"type": "boolean"}, type_err("p", "boolean"))
        for v in ("yes", "", 2, 1.0, None, [])
    ],
    # integer
    *[(f"integer {v!r}", v, {"type": "integer"}, OK) for v in (5, "5", " 5 ", "-5", 5.0, "1e3", "5.0", "99999999999999999999")],
    *[
        (f"integer rejects {v!r}", v, {"type": "integer"}, type_err("p", "integer"))
        for v in (5.5, "5.5", "abc", "", True, None, [1], "0x1A")
    ],
    # number
    *[(f"number {v!r}", v, {"type": "number"}, OK) for v in (1, 1.5, "1.5", ".5", "1e-3", " 2")],
    *[(f"number rejects {v!r}", v, {"type": "number"}, type_err("p", "number")) for v in ("1e", "abc", False, None)],
    # bounds
    ("minimum", 0, {"type": "integer", "minimum": 1}, err("rest_out_of_bounds", "p must be greater than or equal to 1")),
    ("minimum ok", 1, {"type": "integer", "minimum": 1}, OK),
    ("exclusive minimum", 1, {"type": "integer", "minimum": 1, "exclusiveMinimum": True}, err("rest_out_of_bounds", "p must be greater than 1")),
    ("maximum", "101", {"type": "integer", "maximum": 100}, err("rest_out_of_bounds", "p must be less than or equal to 100")),
    ("exclusive maximum", 100, {"type": "number", "maximum": 100, "exclusiveMaximum": True}, err("rest_out_of_bounds", "p must be less than 100")),
    ("between", 0, {"type": "integer", "minimum": 1, "maximum": 100}, err("rest_out_of_bounds", "p must be between 1 (inclusive) and 100 (inclusive)")),
    ("between exclusive", 1, {"type": "integer", "minimum": 1, "maximum": 9, "exclusiveMinimum": True, "exclusiveMaximum": True}, err("rest_out_of_bounds", "p must be between 1 (exclusive) and 9 (exclusive)")),
    ("between mixed", 9, {"type": "integer", "minimum": 1, "maximum": 9, "exclusiveMaximum": True}, err("rest_out_of_bounds", "p must be between 1 (inclusive) and 9 (exclusive)")),
    ("between mixed 2", 1, {"type": "integer", "minimum": 1, "maximum": 9, "exclusiveMinimum": True}, err("rest_out_of_bounds", "p must be between 1 (exclusive) and 9 (inclusive)")),
    ("bounds print as %d", 0.25, {"type": "number", "minimum": 0.5}, err("rest_out_of_bounds", "p must be greater than or equal to 0")),
    ("bounds are checked before integer-ness", 0.5, {"type": "integer", "minimum": 1}, err("rest_out_of_bounds", "p must be greater than or equal to 1")),
    ("multipleOf", 7, {"type": "integer", "multipleOf": 2}, err("rest_invalid_multiple", "p must be a multiple of 2.")),
    ("multipleOf float", "1.25", {"type": "number", "multipleOf": 0.5}, err("rest_invalid_multiple", "p must be a multiple of 0.5.")),
    ("multipleOf ok", "1.5", {"type": "number", "multipleOf": 0.5}, OK),
    # string
    ("string", "x", {"type": "string"}, OK),
    ("string rejects int", 1, {"type": "string"}, type_err("p", "string")),
    ("minLength", "ab", {"type": "string", "minLength": 3}, err("rest_too_short", "p must be at least 3 characters long.")),
    ("minLength 1", "", {"type": "string", "minLength": 1}, err("rest_too_short", "p must be at least 1 character long.")),
    ("minLength counts characters", "日本", {"type": "string", "minLength": 2}, OK),
    ("maxLength", "abcd", {"type": "string", "maxLength": 3}, err("rest_too_long", "p must be at most 3 characters long.")),
    ("maxLength thousands", "x" * 1001, {"type": "string", "maxLength": 1000}, err("rest_too_long", "p must be at most 1,000 characters long.")),
    ("pattern", "abc1", {"type": "string", "pattern": "^[a-z]+$"}, err("rest_invalid_pattern", "p does not match pattern ^[a-z]+$.")),
    ("pattern searches", "x1y", {"type": "string", "pattern": "[0-9]"}, OK),
    ("pattern with #", "a#b", {"type": "string", "pattern": "a#b"}, OK),
    # enum
    ("enum", "view", {"type": "string", "enum": ["view", "embed", "edit"]}, OK),
    ("enum list", "x", {"type": "string", "enum": ["view", "embed", "edit"]}, err("rest_not_in_enum", "p is not one of view, embed, and edit.")),
    ("enum two", "x", {"type": "string", "enum": ["a", "b"]}, err("rest_not_in_enum", "p is not one of a and b.")),
    ("enum one", "x", {"type": "string", "enum": ["a"]}, err("rest_not_in_enum", "p is not a.")),
    ("enum compares sanitized", "2", {"type": "integer", "enum": [1, 2]}, OK),
    ("enum int equals float", 2, {"type": "number", "enum": [2]}, OK),
    ("enum prints values as PHP", "x", {"type": "string", "enum": [1.5, True, None, [1, "a"]]}, err("rest_not_in_enum", 'p is not one of 1.5, 1, null, and [1,"a"].')),
    ("enum of objects ignores key order", {"b": 1, "a": 2}, {"type": "object", "enum": [{"a": 2, "b": 1}]}, OK),
    # array
    ("array", [1, 2], {"type": "array", "items": {"type": "integer"}}, OK),
    ("array from comma list", "1,2", {"type": "array", "items": {"type": "integer"}}, OK),
    ("array from scalar", 5, {"type": "array"}, OK),
    ("array rejects object", {"a": 1}, {"type": "array"}, type_err("p", "array")),
    ("array with numeric keys", {"0": 1, "3": 2}, {"type": "array"}, OK),
    ("array rejects null", None, {"type": "array"}, type_err("p", "array")),
    ("array item", [1, "x"], {"type": "array", "items": {"type": "integer"}}, type_err("p[1]", "integer")),
    ("minItems", [], {"type": "array", "minItems": 1}, err("rest_too_few_items", "p must contain at least 1 item.")),
    ("maxItems", [1, 2, 3], {"type": "array", "maxItems": 2}, err("rest_too_many_items", "p must contain at most 2 items.")),
    ("uniqueItems", [1, 2, 1], {"type": "array", "uniqueItems": True}, err("rest_duplicate_items", "p has duplicate items.")),
    ("uniqueItems by type", [1, "1", 1.0, True], {"type": "array", "uniqueItems": True}, OK),
    ("uniqueItems objects", [{"a": 1, "b": 2}, {"b": 2, "a": 1}], {"type": "array", "uniqueItems": True}, err("rest_duplicate_items", "p has duplicate items.")),
    # object
    ("object", {"a": 1}, {"type": "object"}, OK),
    ("object from empty string", "", {"type": "object"}, OK),
    ("object from list", [1], {"type": "object"}, OK),
    ("object rejects string", "x", {"type": "object"}, type_err("p", "object")),
    ("property", {"a": "x"}, {"type": "object", "properties": {"a": {"type": "integer"}}}, type_err("p[a]", "integer")),
    ("required v4", {}, {"type": "object", "required": ["a"]}, err("rest_property_required", "a is a required property of p.")),
    ("required v3", {}, {"type": "object", "properties": {"a": {"type": "string", "required": True}}}, err("rest_property_required", "a is a required property of p.")),
    ("additionalProperties false", {"x": 1}, {"type": "object", "additionalProperties": False}, err("rest_additional_properties_forbidden", "x is not a valid property of Object.")),
    ("additionalProperties schema", {"x": "a"}, {"type": "object", "additionalProperties": {"type": "integer"}}, type_err("p[x]", "integer")),
    ("patternProperties", {"id1": "a"}, {"type": "object", "patternProperties": {"^id": {"type": "integer"}}, "additionalProperties": False}, type_err("p[id1]", "integer")),
    ("minProperties", {}, {"type": "object", "minProperties": 1}, err("rest_too_few_properties", "p must contain at least 1 property.")),
    ("maxProperties", {"a": 1, "b": 2}, {"type": "object", "maxProperties": 1}, err("rest_too_many_properties", "p must contain at most 1 property.")),
    # several types
    ("multi type", "5", {"type": ["integer", "string"]}, OK),
    ("multi type error", [1], {"type": ["integer", "boolean"]}, type_err("p", "integer,boolean")),
    ("multi type picks first fit", "abc", {"type": ["integer", "string"], "minLength": 5}, err("rest_too_short", "p must be at least 5 characters long.")),
    ("multi type empty string is a string", "", {"type": ["object", "string"]}, OK),
    ("unknown type allows anything", [1], {"type": "bogus"}, OK),
    ("no type allows anything", [1], {}, OK),
    # formats
    ("date-time", "2020-01-01T10:00:00", {"type": "string", "format": "date-time"}, OK),
    ("date-time bad", "2020-01-01", {"type": "string", "format": "date-time"}, err("rest_invalid_date", "Invalid date.")),
    ("email", "a@example.com", {"type": "string", "format": "email"}, OK),
    ("email bad", "a@b", {"type": "string", "format": "email"}, err("rest_invalid_email", "Invalid email address.")),
    ("ip", "::1", {"type": "string", "format": "ip"}, OK),
    ("ip bad", "1.2.3", {"type": "string", "format": "ip"}, err("rest_invalid_ip", "p is not a valid IP address.")),
    ("uuid", "123e4567-e89b-12d3-a456-426614174000", {"type": "string", "format": "uuid"}, OK),
    ("uuid uppercase", "123E4567-E89B-12D3-A456-426614174000", {"type": "string", "format": "uuid"}, err("rest_invalid_uuid", "p is not a valid UUID.")),
    ("hex-color", "#fff", {"type": "string", "format": "hex-color"}, OK),
    ("hex-color bad", "#ffff", {"type": "string", "format": "hex-color"}, err("rest_invalid_hex_color", "Invalid hex color.")),
    ("format ignored for other types", 5, {"type": "integer", "format": "email"}, OK),
    ("format applies without type", "x", {"format": "email"}, err("rest_invalid_email", "Invalid email address.")),
    ("uri is not validated", "not a url", {"type": "string", "format": "uri"}, OK),
]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "schema", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_validate(value: Any, schema: dict[str, Any], expected: bool | RestError) -> None:
    assert rest_validate_value_from_schema(value, schema, "p") == expected


TERM_IDS = {"title": "Term ID List", "type": "array", "items": {"type": "integer"}}
TAX_QUERY = {
    "title": "Term Query",
    "type": "object",
    "properties": {"terms": TERM_IDS, "include_children": {"type": "boolean"}},
    "additionalProperties": False,
}

COMBINING: list[tuple[str, Any, dict[str, Any], bool | RestError]] = [
    ("anyOf first fits", [1], {"anyOf": [TERM_IDS, TAX_QUERY]}, OK),
    ("anyOf with a nested reason", "a", {"anyOf": [TERM_IDS, TAX_QUERY]},
     err("rest_no_matching_schema", "categories is not a valid Term ID List. Reason: categories[0] is not of type integer.", {"position": 0})),
    ("oneOf object reason", {"terms": ["a"]}, {"oneOf": [TERM_IDS, TAX_QUERY]},
     err("rest_no_matching_schema", "categories is not a valid Term Query. Reason: categories[terms][0] is not of type integer.", {"position": 1})),
    ("single schema", "x", {"anyOf": [{"type": "integer"}]},
     err("rest_no_matching_schema", "categories does not match the expected format. Reason: categories is not of type integer.", {"position": 0})),
    ("all titled", "x", {"anyOf": [{"type": "integer", "title": "A"}, {"type": "boolean", "title": "B"}]},
     err("rest_no_matching_schema", "categories is not a valid A and B.")),
    ("a list is an object too", ["a"], {"anyOf": [TERM_IDS, TAX_QUERY]},
     err("rest_no_matching_schema", "categories is not a valid Term ID List and Term Query.")),
    ("untitled", "x", {"anyOf": [{"type": "integer"}, {"type": "boolean"}]},
     err("rest_no_matching_schema", "categories does not match any of the expected formats.")),
    ("best object by known properties", {"a": "x", "b": 1},
     {"anyOf": [{"type": "object", "properties": {"a": {"type": "integer"}}},
                {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}}}]},
     err("rest_no_matching_schema", "categories does not match the expected format. Reason: categories[a] is not of type integer.", {"position": 1})),
    ("oneOf two matches", 1, {"oneOf": [{"type": "integer"}, {"type": "number"}]},
     err("rest_one_of_multiple_matches", "categories matches more than one of the expected formats.", {"positions": [0, 1]})),
    ("oneOf two titled matches", 1, {"oneOf": [{"type": "integer", "title": "I"}, {"type": "number", "title": "N"}]},
     err("rest_one_of_multiple_matches", "categories matches I and N, but should match only one.", {"positions": [0, 1]})),
    ("sub-schemas inherit the type", "5", {"type": "integer", "anyOf": [{"minimum": 6}, {"maximum": 5}]}, OK),
]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "schema", "expected"), [c[1:] for c in COMBINING], ids=[c[0] for c in COMBINING]
)
def test_combining(value: Any, schema: dict[str, Any], expected: bool | RestError) -> None:
    assert rest_validate_value_from_schema(value, schema, "categories") == expected


def test_find_matching_schema_returns_the_schema() -> None:
    assert rest_find_any_matching_schema([1], {"anyOf": [TAX_QUERY, TERM_IDS]}, "c") == TERM_IDS
    assert rest_find_one_matching_schema(None, {"oneOf": [TERM_IDS, {"type": "null"}]}, "c") == {
        "type": "null"
    }
    first = rest_find_one_matching_schema(
        1, {"oneOf": [{"type": "integer"}, {"type": "number"}]}, "c", True
    )
    assert first == {"type": "integer"}


def test_default_param_name_is_empty() -> None:
    assert rest_validate_value_from_schema("x", {"type": "integer"}) == type_err("", "integer")
