"""The WSGI edge: HTTP in, WordPress's REST answer out (WP_REST_Server::serve_request).

Requests reach the API at `/wp-json/…` or as `?rest_route=…`; everything else is answered by
the optional site handler (uploads, feeds) or WordPress's 404.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import orjson

from pressbox.rest.errors import RestException
from pressbox.rest.jsonenc import encode
from pressbox.rest.message import Request
from pressbox.rest.phpquery import parse_query
from pressbox.rest.server import parse_embed
from pressbox.schema import _php
from pressbox.store.site import request_scope

if TYPE_CHECKING:
    from pressbox.app import App

StartResponse = Callable[[str, list[tuple[str, str]]], Any]

_REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    207: "Multi-Status",
    301: "Moved Permanently",
    302: "Found",
    304: "Not Modified",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    410: "Gone",
    413: "Payload Too Large",
    500: "Internal Server Error",
    501: "Not Implemented",
}
ALLOW_HEADERS = "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type"
EXPOSE_HEADERS = "X-WP-Total, X-WP-TotalPages, Link"
MAX_BODY = 64 * 1024 * 1024

log = logging.getLogger("pressbox")

# What WordPress's fatal error handler answers a REST request with (WP_DEBUG_DISPLAY off):
# `wp_die()` of an `internal_server_error` through `_json_wp_die_handler()`.
CRITICAL_ERROR = {
    "code": "internal_server_error",
    "message": "<p>There has been a critical error on this website.</p>"
    '<p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">'
    "Learn more about troubleshooting WordPress.</a></p>",
    "data": {"status": 500},
    "additional_errors": [],
}


class HeaderList:
    """Ordered headers with PHP `header()` semantics: replacing a name moves it to the end."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def set(self, name: str, value: str) -> None:
        low = name.lower()
        self.items = [(k, v) for k, v in self.items if k.lower() != low]
        self.items.append((name, value))

    def add(self, name: str, value: str) -> None:
        self.items.append((name, value))


def _critical_error_headers() -> list[tuple[str, str]]:
    """`_json_wp_die_handler()`'s headers: JSON and `nocache_headers()`."""
    return [
        ("Content-Type", "application/json; charset=UTF-8"),
        ("Expires", "Wed, 11 Jan 1984 05:00:00 GMT"),
        ("Cache-Control", "no-cache, must-revalidate, max-age=0, no-store, private"),
    ]


def _rest_route(environ: dict[str, Any], query: dict[str, Any]) -> str | None:
    path = environ.get("PATH_INFO", "/") or "/"
    with contextlib.suppress(UnicodeDecodeError, UnicodeEncodeError):
        path = path.encode("latin-1").decode("utf-8")
    if path == "/wp-json" or path.startswith("/wp-json/"):
        route = path[len("/wp-json") :]
        route = route.rstrip("/") or "/"
        return route
    if "rest_route" in query and isinstance(query["rest_route"], str):
        route = query["rest_route"].rstrip("/") or "/"
        return route if route.startswith("/") else "/" + route
    return None


class WSGIApp:
    """The WSGI callable for one `App`."""

    def __init__(
        self,
        app: App,
        fallback: Callable[[dict[str, Any], StartResponse], Iterable[bytes]] | None = None,
    ) -> None:
        self.app = app
        self.fallback = fallback

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        query_string = environ.get("QUERY_STRING", "")
        query = parse_query(query_string)
        route = _rest_route(environ, query)
        if route is None:
            if self.fallback is not None:
                return self.fallback(environ, start_response)
            route = "/__not_rest__"
        with request_scope():
            try:
                status, headers, body = self.serve(environ, route, query)
            except Exception:
                # A bug of ours, never the client's doing: log it, and answer as WordPress
                # does when PHP dies, without the traceback.
                log.exception("Unhandled error serving %s %s", environ.get("REQUEST_METHOD"), route)
                status, headers, body = 500, _critical_error_headers(), encode(CRITICAL_ERROR)
        start_response(f"{status} {_REASONS.get(status, 'Unknown')}", headers)
        return [body]

    def serve(
        self, environ: dict[str, Any], route: str, query: dict[str, Any]
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        method = environ.get("REQUEST_METHOD", "GET").upper()
        headers = HeaderList()
        jsonp = query.get("_jsonp")
        if _php.is_empty(jsonp):
            jsonp = None  # `if ( $jsonp_callback )`: "" and "0" ask for plain JSON
        content_type = "application/javascript" if jsonp else "application/json"
        headers.set("Content-Type", f"{content_type}; charset=UTF-8")
        headers.set("X-Robots-Tag", "noindex")
        headers.set("Link", f'<{self.app.server.rest_url("")}>; rel="https://api.w.org/"')
        headers.set("X-Content-Type-Options", "nosniff")
        if jsonp is not None and not (
            isinstance(jsonp, str) and self.app.server.valid_jsonp(jsonp)
        ):
            # WP_REST_Server::json_error: code and message only.
            body = encode(
                {"code": "rest_callback_invalid", "message": "Invalid JSONP callback function."}
            )
            return 400, headers.items, body
        request_headers = {
            k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")
        }
        if environ.get("CONTENT_TYPE"):
            request_headers["content-type"] = environ["CONTENT_TYPE"]
        request = Request(
            method=method,
            route=route,
            query=query,
            headers=request_headers,
            url=_request_url(environ),
        )
        if "_method" in query and isinstance(query["_method"], str):
            request.method = query["_method"].upper()
        elif "x-http-method-override" in request_headers:
            request.method = request_headers["x-http-method-override"].upper()
        headers.set("Access-Control-Expose-Headers", EXPOSE_HEADERS)
        headers.set("Access-Control-Allow-Headers", ALLOW_HEADERS)
        try:
            self._read_body(environ, request)
            self.app.authenticate(request)
            response = self.app.server.dispatch(request)
        except RestException as exc:
            response = exc.to_response()
        embed: bool | list[str] = parse_embed(query["_embed"]) if "_embed" in query else False
        if "_envelope" in query:
            response = self.app.server.envelope(response, request, embed)
            embed = False
            enveloped = True
        else:
            enveloped = False
        for name, value in response.headers.items():
            headers.set(name, str(value))
        origin = request_headers.get("origin")
        if origin:
            headers.set("Access-Control-Allow-Origin", origin)
            headers.set("Access-Control-Allow-Methods", "OPTIONS, GET, POST, PUT, PATCH, DELETE")
            headers.set("Access-Control-Allow-Credentials", "true")
            headers.add("Vary", "Origin")
        elif method == "GET" and not (request.user and request.user.id):
            headers.add("Vary", "Origin")
        for pre_serve in self.app.pre_serve_filters:
            served = pre_serve(response, request)
            if served is not None:
                if served.content_type:
                    headers.set("Content-Type", served.content_type)
                return served.status or response.status, headers.items, served.body
        if method == "HEAD":
            return response.status, headers.items, b""
        data = (
            response.data
            if enveloped
            else self.app.server.response_to_data(response, request, embed)
        )
        if response.status == 204 or data is None:
            return response.status, headers.items, b""
        body = encode(data, pretty="_pretty" in query)
        if jsonp:
            body = b"/**/" + str(jsonp).encode() + b"(" + body + b")"
        return response.status, headers.items, body

    @staticmethod
    def _read_body(environ: dict[str, Any], request: Request) -> None:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= 0:
            return
        if length > MAX_BODY:
            raise RestException("rest_upload_too_large", "The request body is too large.", 413)
        raw = environ["wsgi.input"].read(length)
        request.raw_body = raw
        ctype = request.headers.get("content-type", "")
        if ctype.startswith("application/json"):
            try:
                parsed = orjson.loads(raw) if raw.strip() else None
            except orjson.JSONDecodeError:
                raise RestException(
                    "rest_invalid_json",
                    "Invalid JSON body passed.",
                    400,
                    json_error_code=4,
                    json_error_message="Syntax error",
                ) from None
            request.json = parsed if isinstance(parsed, dict) else {}
        elif ctype.startswith("application/x-www-form-urlencoded"):
            request.body = parse_query(raw.decode("utf-8", "replace"))


def _unquote(value: str) -> str:
    return unquote(value)


def _request_url(environ: dict[str, Any]) -> str:
    """The requested URL, built from the Host header as PHP's `$_SERVER` gives it."""
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    scheme = environ.get("wsgi.url_scheme", "http")
    path = environ.get("RAW_URI") or environ.get("PATH_INFO", "/")
    query = environ.get("QUERY_STRING", "")
    if query and "?" not in path:
        path += "?" + query
    return f"{scheme}://{host}{path}"
