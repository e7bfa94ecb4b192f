"""The pure parts of `/batch/v1`: its args, path parsing and sub-request construction."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.auth.users import CurrentUser
from pressbox.endpoints.batch import MAX_BATCH_SIZE, batch_args, parse_batch_path, sub_request
from pressbox.rest.errors import RestException
from pressbox.rest.jsonenc import encode
from pressbox.rest.message import Request


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/wp/v2/tags", ("/wp/v2/tags", "")),
        ("/wp/v2/tags/219?force=true", ("/wp/v2/tags/219", "force=true")),
        ("/wp/v2/tags?a[]=1&b=2#frag", ("/wp/v2/tags", "a[]=1&b=2")),
        ("/wp/v2/x#f?q=1", ("/wp/v2/x", "")),  # a fragment ends the path and hides the query
        ("/wp/v2/tags?", ("/wp/v2/tags", "")),
        # A full URL counts for its path (and query) only.
        ("http://example.com/wp/v2/tags?x=1", ("/wp/v2/tags", "x=1")),
        ("https://u:p@example.com:8080/a/b", ("/a/b", "")),
        ("//example.com/wp/v2/tags?x=1", ("/wp/v2/tags", "x=1")),
        ("localhost:8080/wp/v2", ("/wp/v2", "")),
        ("http://example.com", ("", "")),
        ("wp/v2/tags?x=1", ("wp/v2/tags", "x=1")),
        ("mailto:x@y", ("x@y", "")),
        ("", ("", "")),
        # Where PHP's parse_url() gives up.
        ("http:///wp/v2", None),
        ("///wp/v2/tags", None),
        ("//", None),
        ("//host:99999/x", None),
        (":", None),
    ],
)
def test_parse_batch_path_as_wp_parse_url(path: str, expected: tuple[str, str] | None) -> None:
    assert parse_batch_path(path) == expected


def test_batch_args_as_the_index_shows_them() -> None:
    args = batch_args()
    assert list(args) == ["validation", "requests"]
    assert list(args["requests"]) == ["required", "type", "maxItems", "items"]
    assert args["requests"]["maxItems"] == MAX_BATCH_SIZE == 25
    item = args["requests"]["items"]
    assert list(item["properties"]) == ["method", "path", "body", "headers"]
    assert item["properties"]["method"]["enum"] == ["POST", "PUT", "PATCH", "DELETE"]
    # PHP's empty `properties` arrays are JSON lists.
    assert b'"body":{"type":"object","properties":[],"additionalProperties":true}' in encode(item)


USER = CurrentUser(7, "u", ("editor",), frozenset({"edit_posts"}))
BATCH = Request(
    "POST",
    "/batch/v1",
    headers={"authorization": "Basic xyz", "content-type": "application/json"},
    user=USER,
    url="http://h/wp-json/batch/v1",
)


def _sub(args: dict[str, Any]) -> Request:
    request = sub_request(args, BATCH)
    assert isinstance(request, Request)
    return request


def test_sub_request_takes_the_batch_user_but_not_its_headers() -> None:
    request = _sub({"path": "/wp/v2/tags?per_page=2&a[]=x", "body": {"name": "n", "count": 3}})
    assert (request.method, request.route) == ("POST", "/wp/v2/tags")
    assert request.query == {"per_page": "2", "a": ["x"]}
    assert request.body == {"name": "n", "count": 3}
    assert request.json is None
    assert request.headers == {}
    assert request.user is USER
    assert request.url == BATCH.url


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Content_Type": "text/plain"}, {"content-type": "text/plain"}),
        ({"X-Custom": ["a", "b"]}, {"x-custom": "a,b"}),
    ],
)
def test_sub_request_headers(headers: dict[str, Any], expected: dict[str, str]) -> None:
    assert _sub({"path": "/x", "headers": headers}).headers == expected


@pytest.mark.parametrize(
    ("args", "method"),
    [({"path": "/x"}, "POST"), ({"path": "/x", "method": "DELETE"}, "DELETE")],
)
def test_sub_request_method(args: dict[str, Any], method: str) -> None:
    assert _sub(args).method == method


def test_unparsable_path_is_an_error_of_its_own() -> None:
    error = sub_request({"path": "http:///nope"}, BATCH)
    assert isinstance(error, RestException)
    assert (error.code, error.message, error.status) == (
        "parse_path_failed",
        "Could not parse the path.",
        400,
    )
