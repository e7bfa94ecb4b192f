"""Validate and sanitise a matched request's args (WP_REST_Request::has_valid_params, …)."""

from __future__ import annotations

from typing import Any

from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.schema.args import has_valid_params, request_params, sanitize_params
from pressbox.schema.errors import RestError


def _raise(error: RestError) -> None:
    data = dict(error.data or {})
    status = int(data.pop("status", 400))
    raise RestException(error.code, error.message, status, **data)


def check_params(request: Request, args: dict[str, dict[str, Any]]) -> None:
    """Fill `request.params` from its sources and `args`, or raise WordPress's error."""
    content_type = request.headers.get("content-type", "")
    params = request_params(
        request.method,
        args,
        query=request.query,
        form=request.body,
        json=request.json,
        is_json=request.json is not None or content_type.startswith("application/json"),
        url=request.url_params,
    )
    request.params = params
    valid = has_valid_params(params)
    if isinstance(valid, RestError):
        _raise(valid)
    sanitized = sanitize_params(params)
    if isinstance(sanitized, RestError):
        _raise(sanitized)
    else:
        request.params = sanitized
