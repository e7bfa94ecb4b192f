"""The request pipeline: parameter sources, required, validate and sanitize callbacks, defaults."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.schema import (
    CREATABLE,
    EDITABLE,
    RequestParams,
    RestError,
    endpoint_args_for_schema,
    get_collection_params,
    get_context_param,
    has_valid_params,
    parameter_order,
    request_params,
    rest_sanitize_request_arg,
    rest_validate_request_arg,
    sanitize_params,
)

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "integer", "context": ["view", "edit", "embed"], "readonly": True},
        "title": {"type": "string", "context": ["view", "edit"], "required": True},
        "status": {
            "type": "string",
            "enum": ["publish", "draft"],
            "default": "draft",
            "context": ["edit"],
        },
        "slug": {
            "type": "string",
            "arg_options": {"sanitize_callback": "sanitize_key", "default": "x"},
        },
    },
}

COLLECTION = get_collection_params(SCHEMA)


@pytest.mark.parametrize(
    ("method", "is_json", "order"),
    [
        ("GET", False, ("GET", "URL", "defaults")),
        ("GET", True, ("JSON", "GET", "URL", "defaults")),
        ("POST", False, ("POST", "GET", "URL", "defaults")),
        ("PUT", True, ("JSON", "POST", "GET", "URL", "defaults")),
        ("DELETE", False, ("POST", "GET", "URL", "defaults")),
        ("HEAD", False, ("GET", "URL", "defaults")),
    ],
)
def test_parameter_order(method: str, is_json: bool, order: tuple[str, ...]) -> None:
    assert parameter_order(method, is_json) == order


def test_sources_by_priority() -> None:
    request = request_params(
        "POST",
        {"a": {"default": "d"}, "b": {"default": "d"}},
        query={"a": "get", "c": "get"},
        form={"a": "post", "n": None},
        json={"a": "json", "n": None},
        is_json=True,
        url={"a": "url", "id": "5"},
    )
    assert request.get_param("a") == "json"
    assert request.get_param("b") == "d"
    assert request.get_param("n") is None
    assert request.has_param("n")
    assert not request.has_param("zz")
    # Lowest priority first, later sources overwrite in place.
    assert list(request.get_params().items()) == [
        ("a", "json"),
        ("b", "d"),
        ("id", "5"),
        ("c", "get"),
        ("n", None),
    ]
    request.set_param("a", "new")
    assert request.sources["JSON"]["a"] == request.sources["GET"]["a"] == "new"
    assert request.get_default_params() == {"a": "d", "b": "d"}
    request.set_param("fresh", 1)
    assert request.sources["JSON"]["fresh"] == 1


def test_non_object_json_body_has_no_params() -> None:
    request = request_params("POST", {}, json=[1, 2], is_json=True)
    assert request.get_params() == {}


def test_missing_required() -> None:
    args = {"a": {"required": True}, "b": {"required": True, "default": 1}, "c": {"required": True}}
    request = request_params("GET", args, query={"c": None})
    assert has_valid_params(request) == RestError(
        "rest_missing_callback_param",
        "Missing parameter(s): a, c",
        {"status": 400, "params": ["a", "c"]},
    )


def test_invalid_params_in_args_order_with_details() -> None:
    args = {
        "per_page": COLLECTION["per_page"],
        "context": COLLECTION["context"],
        "flag": {"validate_callback": lambda value, request, name: False},
    }
    request = request_params(
        "GET", args, query={"context": "bogus", "per_page": "500", "flag": "1"}
    )
    assert has_valid_params(request) == RestError(
        "rest_invalid_param",
        "Invalid parameter(s): per_page, context, flag",
        {
            "status": 400,
            "params": {
                "per_page": "per_page must be between 1 (inclusive) and 100 (inclusive)",
                "context": "context is not one of view, embed, and edit.",
                "flag": "Invalid parameter.",
            },
            "details": {
                "per_page": {
                    "code": "rest_out_of_bounds",
                    "message": "per_page must be between 1 (inclusive) and 100 (inclusive)",
                    "data": None,
                },
                "context": {
                    "code": "rest_not_in_enum",
                    "message": "context is not one of view, embed, and edit.",
                    "data": None,
                },
            },
        },
    )


def test_details_of_only_false_checks_is_an_empty_php_array() -> None:
    args = {"flag": {"validate_callback": lambda value, request, name: False}}
    error = has_valid_params(request_params("GET", args, query={"flag": "1"}))
    assert isinstance(error, RestError) and error.data is not None
    assert error.data["details"] == []


def test_route_validate_callback() -> None:
    request = request_params("GET", {})
    assert has_valid_params(request, lambda r: True) is True
    assert has_valid_params(request, lambda r: False) == RestError(
        "rest_invalid_params", "Invalid parameters.", {"status": 400}
    )
    custom = RestError("x", "y", {"status": 409})
    assert has_valid_params(request, lambda r: custom) is custom


def test_sanitize_defaults_and_sources() -> None:
    args = dict(COLLECTION)
    request = request_params(
        "POST", args, query={"page": "2", "search": " a  <b>b</b> "}, form={"page": " 3"}
    )
    assert has_valid_params(request) is True
    sanitized = sanitize_params(request)
    assert isinstance(sanitized, RequestParams)
    assert sanitized.sources["POST"]["page"] == 3
    assert sanitized.sources["GET"] == {"page": 2, "search": "a b"}
    assert sanitized.get_params() == {"page": 3, "per_page": 10, "search": "a b"}
    assert request.sources["GET"]["page"] == "2", "the request itself is left as it was"


def test_sanitize_defaults_to_parse_for_typed_args() -> None:
    args: dict[str, Any] = {
        "n": {"type": "integer"},
        "raw": {"type": "integer", "sanitize_callback": None},
        "untyped": {"description": "no type"},
    }
    request = request_params("GET", args, query={"n": "4", "raw": "x", "untyped": "y"})
    sanitized = sanitize_params(request)
    assert isinstance(sanitized, RequestParams)
    assert sanitized.get_params() == {"n": 4, "raw": "x", "untyped": "y"}


def test_sanitize_errors_follow_source_order_and_include_nulls() -> None:
    args = {"a": {"type": "integer"}, "b": {"type": "integer"}}
    request = request_params(
        "POST", args, query={"a": "x"}, json={"b": None, "a": "1"}, is_json=True
    )
    assert has_valid_params(request) is True, "validate_callback is not set, and null is absent"
    assert sanitize_params(request) == RestError(
        "rest_invalid_param",
        "Invalid parameter(s): b, a",
        {
            "status": 400,
            "params": {"b": "b is not of type integer.", "a": "a is not of type integer."},
            "details": {
                "b": {
                    "code": "rest_invalid_type",
                    "message": "b is not of type integer.",
                    "data": {"param": "b"},
                },
                "a": {
                    "code": "rest_invalid_type",
                    "message": "a is not of type integer.",
                    "data": {"param": "a"},
                },
            },
        },
    )


def test_callbacks_receive_the_request() -> None:
    seen: list[tuple[Any, str]] = []

    def callback(value: Any, request: RequestParams, name: str) -> Any:
        seen.append((request.get_param("other"), name))
        return value

    args = {"x": {"sanitize_callback": callback, "validate_callback": callback}}
    request = request_params("GET", args, query={"x": "1", "other": "o"})
    assert has_valid_params(request) is True
    assert isinstance(sanitize_params(request), RequestParams)
    assert seen == [("o", "x"), ("o", "x")]


def test_endpoint_args_for_create() -> None:
    args = endpoint_args_for_schema(SCHEMA, CREATABLE)
    assert list(args) == ["title", "status", "slug"]
    assert args["title"] == {
        "validate_callback": rest_validate_request_arg,
        "sanitize_callback": rest_sanitize_request_arg,
        "required": True,
        "type": "string",
    }
    assert args["status"]["default"] == "draft"
    assert list(args["status"]) == [
        "validate_callback",
        "sanitize_callback",
        "default",
        "type",
        "enum",
    ]
    assert args["slug"]["sanitize_callback"] == "sanitize_key"
    assert args["slug"]["default"] == "x"


def test_endpoint_args_for_update_have_no_default_or_required() -> None:
    args = endpoint_args_for_schema(SCHEMA, EDITABLE)
    assert "required" not in args["title"]
    assert "default" not in args["status"]
    assert "default" not in args["slug"]
    assert args["slug"]["sanitize_callback"] == "sanitize_key"


def test_context_param() -> None:
    assert get_context_param(SCHEMA)["enum"] == ["view", "embed", "edit"]
    assert get_context_param(SCHEMA, default="view")["default"] == "view"
    assert "enum" not in get_context_param({"properties": {}})
