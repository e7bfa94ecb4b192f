"""`/batch/v1`: several write requests in one (WP_REST_Server::serve_batch_request_v1).

Every sub-request is matched and validated first; only routes that opt in with
`allow_batch: {"v1": true}` are accepted. With `validation=require-all-validate` one invalid
request stops them all; otherwise each runs in turn through the server's own dispatch. The
answer is always `207 Multi-Status` with one enveloped response per request, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from pressbox.content.parse_url import wp_parse_url
from pressbox.rest.errors import RestException, no_route
from pressbox.rest.message import Request, Response
from pressbox.rest.params import check_params
from pressbox.rest.phpquery import parse_query
from pressbox.rest.routes import Endpoint, Route, allow_all
from pressbox.schema.args import request_params

if TYPE_CHECKING:
    from pressbox.app import App

# WP_REST_Server::get_max_batch_size() (the `rest_get_max_batch_size` filter's default).
MAX_BATCH_SIZE = 25
MULTI_STATUS = 207


def batch_args(max_items: int = MAX_BATCH_SIZE) -> dict[str, dict[str, Any]]:
    """The args WP_REST_Server's constructor gives `/batch/v1`.

    `properties` that PHP declares as `array()` stay empty lists: the index shows `[]`.
    """
    return {
        "validation": {
            "type": "string",
            "enum": ["require-all-validate", "normal"],
            "default": "normal",
        },
        "requests": {
            "required": True,
            "type": "array",
            "maxItems": max_items,
            "items": {
                "type": "object",
                "properties": {
                    "method": {
                        "type": "string",
                        "enum": ["POST", "PUT", "PATCH", "DELETE"],
                        "default": "POST",
                    },
                    "path": {"type": "string", "required": True},
                    "body": {"type": "object", "properties": [], "additionalProperties": True},
                    "headers": {
                        "type": "object",
                        "properties": [],
                        "additionalProperties": {
                            "type": ["string", "array"],
                            "items": {"type": "string"},
                        },
                    },
                },
            },
        },
    }


def parse_batch_path(path: str) -> tuple[str, str] | None:
    """The route and query string `wp_parse_url()` finds in a sub-request's `path`, or None
    where it fails. A full URL counts for its path only, as in WordPress."""
    parts = wp_parse_url(path)
    if parts is None:
        return None
    rest = path
    if path.startswith("//") or (not path.startswith("/") and "host" in parts):
        # Skip the scheme and the authority: `[scheme:][//]authority`.
        start = len(parts["scheme"]) + 1 if "scheme" in parts else 0
        if path.startswith("//", start):
            start += 2
        ends = [i for i in (path.find(c, start) for c in "/?#") if i != -1]
        rest = path[min(ends) :] if ends else ""
    elif not path.startswith("/") and "scheme" in parts:
        rest = path[len(parts["scheme"]) + 1 :]
    rest = rest.split("#", 1)[0]
    route, _, query = rest.partition("?")
    return route, query


def _canonical_header(name: str) -> str:
    """WP_REST_Request::canonicalize_header_name, in our request's spelling (`-`, lower)."""
    return name.lower().replace("_", "-")


def _header_value(value: Any) -> str:
    # A header given as a list is read back joined with commas (WP_REST_Request::get_header).
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, dict):
        return ",".join(str(v) for v in value.values())
    return str(value)


def _body_params(body: Any) -> dict[str, Any]:
    if isinstance(body, dict):
        return dict(body)
    if isinstance(body, list):
        return {str(i): v for i, v in enumerate(body)}
    return {}


def sub_request(args: dict[str, Any], batch: Request) -> Request | RestException:
    """One entry of `requests` as a request of its own: the batch's user, and none of
    the batch's headers."""
    parsed = parse_batch_path(str(args.get("path") or ""))
    if parsed is None:
        return RestException("parse_path_failed", "Could not parse the path.", 400)
    route, query = parsed
    method = args.get("method")
    request = Request(
        method=str(method if method is not None else "POST").upper(),
        route=route,
        user=batch.user,
        url=batch.url,
        render_session=batch.render_session,
    )
    if query:
        request.query = parse_query(query)
    if args.get("body"):
        request.body = _body_params(args["body"])
    headers = args.get("headers")
    if headers and isinstance(headers, dict):
        request.headers = {_canonical_header(str(k)): _header_value(v) for k, v in headers.items()}
    return request


@dataclass
class _Checked:
    """A sub-request after the validation pass: its match and its error, if any."""

    request: Request | None
    match: tuple[Route, Endpoint] | None
    error: RestException | None


class BatchController:
    """`/batch/v1` (WP_REST_Server::serve_batch_request_v1)."""

    def __init__(self, app: App) -> None:
        self.app = app

    def check(self, entry: Request | RestException) -> _Checked:
        """The validation pass: match, then `allow_batch`, then the arguments."""
        if isinstance(entry, RestException):
            return _Checked(None, None, entry)
        try:
            route, endpoint = self.app.server.match(entry)
        except RestException as exc:
            return _Checked(entry, None, exc)
        allow = endpoint.allow_batch if endpoint.allow_batch is not None else route.allow_batch
        if not isinstance(allow, dict) or not allow.get("v1"):
            error = RestException(
                "rest_batch_not_allowed",
                "The requested route does not support batch requests.",
                400,
            )
            return _Checked(entry, (route, endpoint), error)
        try:
            # On a copy: dispatch() validates the request again from its raw parameters.
            check_params(replace(entry), endpoint.args)
        except RestException as exc:
            return _Checked(entry, (route, endpoint), exc)
        return _Checked(entry, (route, endpoint), None)

    def serve_batch_request_v1(self, batch: Request) -> Response:
        entries = [sub_request(args, batch) for args in batch.get("requests") or []]
        checked = [self.check(entry) for entry in entries]
        if (
            any(c.error is not None for c in checked)
            and batch.get("validation") == "require-all-validate"
        ):
            failed = [
                None if c.error is None else self.envelope(c.error.to_response(), None)
                for c in checked
            ]
            return Response(data={"failed": "validation", "responses": failed}, status=MULTI_STATUS)
        responses = [self.envelope(self.respond(c), c.request) for c in checked]
        return Response(data={"responses": responses}, status=MULTI_STATUS)

    def respond(self, checked: _Checked) -> Response:
        """The answer to one sub-request of a batch that goes ahead."""
        request, error = checked.request, checked.error
        if request is None or checked.match is None:
            # Unparsable path, or no route: the error as it is (there is no `Allow` to send).
            return (error or no_route()).to_response()
        if error is not None and error.code == "rest_batch_not_allowed":
            return self._refused(error, request, *checked.match)
        # Valid, or with invalid arguments that dispatch finds again and answers with.
        return self.app.server.dispatch(request)

    def _refused(
        self, error: RestException, request: Request, route: Route, endpoint: Endpoint
    ) -> Response:
        """An error for a matched route: `rest_post_dispatch` still sends `Allow`."""
        response = error.to_response()
        # The permission checks see the parameters as matched: URL and defaults, unsanitised.
        request.params = request_params(
            request.method,
            endpoint.args,
            query=request.query,
            form=request.body,
            is_json=request.headers.get("content-type", "").startswith("application/json"),
            url=request.url_params,
        )
        response.matched_route = route.pattern
        allowed = self.app.server.allowed_methods(route, request)
        if allowed:
            response.headers["Allow"] = ", ".join(allowed)
        return response

    def envelope(self, response: Response, request: Request | None) -> dict[str, Any]:
        """`envelope_response( $response, false )->get_data()`: links, never embeds."""
        body = response.data
        if request is not None:
            body = self.app.server.response_to_data(response, request, False)
        # No headers is an empty PHP array: `[]`.
        headers: Any = dict(response.headers) if response.headers else []
        return {"body": body, "status": response.status, "headers": headers}


def register_batch_routes(app: App) -> None:
    """Register `/batch/v1` (WP_REST_Server registers it right after the index `/`)."""
    controller = BatchController(app)
    app.routes.register(
        "",
        "/batch/v1",
        [Endpoint(("POST",), controller.serve_batch_request_v1, allow_all, args=batch_args())],
    )
