"""rest_sanitize_value_from_schema and the request-arg callbacks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from pressbox.schema import (
    RestError,
    absint,
    rest_parse_request_arg,
    rest_sanitize_boolean,
    rest_sanitize_request_arg,
    rest_sanitize_value_from_schema,
    rest_validate_request_arg,
)

CASES: list[tuple[str, Any, dict[str, Any], Any]] = [
    ("integer from string", "12", {"type": "integer"}, 12),
    ("integer from prefix", "12abc", {"type": "integer"}, 12),
    ("integer from junk", "abc", {"type": "integer"}, 0),
    ("integer from float string", "1e3", {"type": "integer"}, 1000),
    ("integer truncates", 2.9, {"type": "integer"}, 2),
    ("integer from bool", True, {"type": "integer"}, 1),
    ("number", "1.5", {"type": "number"}, 1.5),
    ("number from int", 2, {"type": "number"}, 2.0),
    ("boolean false string", "FALSE", {"type": "boolean"}, False),
    ("boolean zero string", "0", {"type": "boolean"}, False),
    ("boolean other string", "no", {"type": "boolean"}, True),
    ("boolean empty string", "", {"type": "boolean"}, False),
    ("null", "x", {"type": "null"}, None),
    ("string from int", 5, {"type": "string"}, "5"),
    ("string from float", 1.0, {"type": "string"}, "1"),
    ("string from bool", False, {"type": "string"}, ""),
    ("string keeps text", " a <b> ", {"type": "string"}, " a <b> "),
    ("array from list", "1, 2,,3", {"type": "array", "items": {"type": "integer"}}, [1, 2, 3]),
    ("array from scalar", 5, {"type": "array"}, ["5"]),
    ("array from null", None, {"type": "array"}, []),
    ("array from object", {"a": 1, "b": 2}, {"type": "array"}, [1, 2]),
    ("array unique", "1,1", {"type": "array", "items": {"type": "integer"}, "uniqueItems": True},
     RestError("rest_duplicate_items", "p has duplicate items.")),
    ("object properties", {"a": "1", "b": "x"}, {"type": "object", "properties": {"a": {"type": "integer"}}},
     {"a": 1, "b": "x"}),
    ("object drops additional", {"a": "1", "b": "x"},
     {"type": "object", "properties": {"a": {"type": "integer"}}, "additionalProperties": False}, {"a": 1}),
    ("object additional schema", {"b": "2"}, {"type": "object", "additionalProperties": {"type": "integer"}}, {"b": 2}),
    ("object pattern properties", {"id1": "2", "x": "3"},
     {"type": "object", "patternProperties": {"^id": {"type": "integer"}}}, {"id1": 2, "x": "3"}),
    ("object from empty string", "", {"type": "object"}, {}),
    ("object from junk", "x", {"type": "object"}, {}),
    ("multi type best", "5", {"type": ["integer", "string"]}, 5),
    ("multi type no fit", [1], {"type": ["integer", "string"]}, None),
    ("unknown type keeps value", [1], {"type": "bogus"}, [1]),
    ("format text-field", " a  <b>x</b>\n", {"type": "string", "format": "text-field"}, "a x"),
    ("format textarea-field", " a\n\n b ", {"type": "string", "format": "textarea-field"}, "a\n\n b"),
    ("format hex-color bad", "#ffff", {"type": "string", "format": "hex-color"}, ""),
    ("format hex-color", "#FFF", {"type": "string", "format": "hex-color"}, "#FFF"),
    ("format uri", "example.com/a b", {"type": "string", "format": "uri"}, "http://example.com/a%20b"),
    ("format uri bad scheme", "javascript:alert(1)", {"type": "string", "format": "uri"}, ""),
    ("format email is text", " A@B.co ", {"type": "string", "format": "email"}, "A@B.co"),
    ("format ignored for integer", "5", {"type": "integer", "format": "uri"}, 5),
    ("anyOf sanitizes by the match", "5", {"anyOf": [{"type": "integer"}, {"type": "string"}]}, 5),
    ("anyOf error", [], {"anyOf": [{"type": "integer"}]},
     RestError("rest_no_matching_schema", "p does not match the expected format. Reason: p is not of type integer.",
               {"position": 0})),
]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "schema", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_sanitize(value: Any, schema: dict[str, Any], expected: Any) -> None:
    result = rest_sanitize_value_from_schema(value, schema, "p")
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("false", False), ("False", False), ("0", False), ("", False), ("true", True), ("x", True),
     (0, False), (2, True), (None, False), ([], False), ([0], True)],
)  # fmt: skip
def test_rest_sanitize_boolean(value: Any, expected: bool) -> None:
    assert rest_sanitize_boolean(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"), [("-5", 5), ("12abc", 12), (-3.7, 3), (None, 0), ("x", 0)]
)
def test_absint(value: Any, expected: int) -> None:
    assert absint(value) == expected


@dataclass
class Request:
    args: dict[str, Any]


def test_request_arg_callbacks_use_the_registered_schema() -> None:
    request = Request({"page": {"type": "integer", "minimum": 1}, "raw": "not a schema"})
    assert rest_validate_request_arg("0", request, "page") == RestError(
        "rest_out_of_bounds", "page must be greater than or equal to 1"
    )
    assert rest_validate_request_arg("x", request, "unknown") is True
    assert rest_validate_request_arg("x", request, "raw") is True
    assert rest_sanitize_request_arg("7", request, "page") == 7
    assert rest_sanitize_request_arg("7", request, "unknown") == "7"
    assert rest_parse_request_arg("7", request, "page") == 7
    assert isinstance(rest_parse_request_arg("x", request, "page"), RestError)
