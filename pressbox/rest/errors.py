"""WordPress's error shape `{"code", "message", "data": {"status", …}}` as an exception."""

from __future__ import annotations

from typing import Any

from pressbox.rest.message import Response


class RestException(Exception):
    """Raised by handlers to answer with a WordPress error (a `WP_Error` returned in PHP)."""

    def __init__(self, code: str, message: str, status: int = 400, **data: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.data: dict[str, Any] = {"status": status, **data}

    @property
    def status(self) -> int:
        return int(self.data.get("status", 500))

    def to_response(self) -> Response:
        return error_response(self.code, self.message, self.data)


def error_response(code: str, message: str, data: dict[str, Any] | None) -> Response:
    """WP_REST_Server::error_to_response for a single error."""
    body: dict[str, Any] = {"code": code, "message": message, "data": data}
    status = 500
    if isinstance(data, dict) and "status" in data:
        status = int(data["status"])
    return Response(data=body, status=status)


def no_route() -> RestException:
    return RestException(
        "rest_no_route", "No route was found matching the URL and request method.", 404
    )


def forbidden(status: int) -> RestException:
    return RestException("rest_forbidden", "Sorry, you are not allowed to do that.", status)
