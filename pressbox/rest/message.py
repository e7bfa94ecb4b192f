"""The request and response objects of the REST server (WP_REST_Request, WP_REST_Response)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pressbox.auth.users import CurrentUser
    from pressbox.rest.routes import Endpoint
    from pressbox.schema.args import RequestParams


@dataclass(slots=True)
class Request:
    """A REST request: method, route, and parameters from every source.

    Until the route is matched, parameters come from the raw sources; afterwards from the
    validated and sanitised `params` (WP_REST_Request's sources in its parameter order).
    """

    method: str
    route: str
    query: dict[str, Any] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=dict)
    json: dict[str, Any] | None = None
    url_params: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    raw_body: bytes = b""
    files: dict[str, Any] = field(default_factory=dict)
    endpoint: Endpoint | None = None
    # Whether the matched endpoint's permission check passed (None: not asked yet).
    permitted: bool | None = None
    user: CurrentUser | None = None
    params: RequestParams | None = None
    # An `_embed` sub-request: only its data is used (headers such as totals are dropped).
    embedded: bool = False
    # The URL the client asked for (scheme, Host header, path and query), as PHP sees it.
    url: str = ""
    # Rendering state shared with embedded requests (pressbox.content.render.RenderSession).
    render_session: Any = None

    def get(self, name: str, default: Any = None) -> Any:
        """get_param(): the first non-null value by priority."""
        params = self.params
        if params is not None:
            for source in params.ordered:
                value = source.get(name)
                if value is not None:
                    return value
            return default
        for source in (self.json or {}, self.body, self.query, self.url_params):
            if source.get(name) is not None:
                return source[name]
        return default

    def has(self, name: str) -> bool:
        if self.params is not None:
            return self.params.has_param(name)
        return any(name in s for s in (self.json or {}, self.body, self.query, self.url_params))

    def __getitem__(self, name: str) -> Any:
        return self.get(name)

    def __contains__(self, name: str) -> bool:
        return self.has(name)

    def set(self, name: str, value: Any) -> None:
        if self.params is not None:
            self.params.set_param(name, value)
        else:
            self.query[name] = value

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass(slots=True)
class Link:
    href: str
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Response:
    """Data, status, headers and links of an answer, before it becomes JSON."""

    data: Any = None
    status: int = 200
    headers: dict[str, str | int] = field(default_factory=dict)
    links: dict[str, list[Link]] = field(default_factory=dict)
    matched_route: str | None = None
    matched_endpoint: Endpoint | None = None

    def add_link(self, rel: str, href: str, **attributes: Any) -> None:
        self.links.setdefault(rel, []).append(Link(href, attributes))

    def link_header(self, rel: str, href: str, **attributes: Any) -> None:
        """Append to the `Link` header as WP_REST_Response::link_header does."""
        value = f'<{href}>; rel="{rel}"'
        for key, attr in attributes.items():
            value += f"; {key}={attr}"
        existing = self.headers.get("Link")
        self.headers["Link"] = f"{existing}, {value}" if existing else value

    @property
    def is_error(self) -> bool:
        return self.status >= 400


@dataclass(frozen=True)
class Served:
    """A body sent as it is instead of the JSON answer (a `rest_pre_serve_request` filter's echo).

    The headers already set for the answer stay; `content_type` and `status` replace theirs.
    """

    body: bytes
    content_type: str | None = None
    status: int | None = None


PreServe = Callable[[Response, Request], Served | None]
"""A `rest_pre_serve_request` filter: the body to send itself, or None to let JSON be sent."""
