"""check_params: validation outcomes are remembered, and each request changes only its own."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.rest.params import check_params

ARGS: dict[str, dict[str, Any]] = {
    "page": {"type": "integer", "default": 1, "minimum": 1},
    "search": {"type": "string"},
    "tags": {"type": "array", "items": {"type": "integer"}},
}


def request(**query: Any) -> Request:
    return Request(method="GET", route="/things", query=dict(query))


def test_a_remembered_outcome_is_sanitised_like_a_fresh_one() -> None:
    for _ in range(2):
        r = request(page="3", tags="1,2")
        check_params(r, ARGS)
        assert r.get("page") == 3
        assert r.get("tags") == [1, 2]


def test_changes_to_one_request_do_not_reach_the_next() -> None:
    first = request(search="hello")
    check_params(first, ARGS)
    first.set("search", "changed")
    first.set("page", 9)
    assert first.get("search") == "changed" and first.get("page") == 9
    second = request(search="hello")
    check_params(second, ARGS)
    assert second.get("search") == "hello"
    assert second.get("page") == 1
    assert second.params is not None
    defaults = second.params.get_default_params()
    defaults["page"] = 5
    assert second.get("page") == 1


def test_a_remembered_error_is_raised_again() -> None:
    for _ in range(2):
        with pytest.raises(RestException) as caught:
            check_params(request(page="0"), ARGS)
        assert caught.value.code == "rest_invalid_param"


def test_a_map_and_a_list_of_pairs_are_different_questions() -> None:
    args: dict[str, dict[str, Any]] = {"x": {"type": "object"}}
    as_map = request(x={"a": "b"})
    check_params(as_map, args)
    assert as_map.get("x") == {"a": "b"}
    as_list = request(x=[["a", "b"]])
    check_params(as_list, args)
    assert as_list.get("x") != {"a": "b"}
