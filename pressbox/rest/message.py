"""The request and response objects of the REST server (WP_REST_Request, WP_REST_Response)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pressbox.auth.users import CurrentUser
    from pressbox.rest.routes import Endpoint

_UNSET = object()


@dataclass
class Request:
    """A REST request: method, route, and parameters from every source.

    Parameter lookup follows WP_REST_Request::get_parameter_order(): JSON body, then form body,
    then query, then URL, then defaults (GET requests skip the bodies).
    """

    method: str
    route: str
    query: dict[str, Any] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=dict)
    json: dict[str, Any] | None = None
    url_params: dict[str, Any] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    raw_body: bytes = b""
    files: dict[str, Any] = field(default_factory=dict)
    endpoint: Endpoint | None = None
    user: CurrentUser | None = None
    # Sanitised values of registered args overwrite the raw ones here.
    _overrides: dict[str, Any] = field(default_factory=dict)

    def _sources(self) -> Iterator[Mapping[str, Any]]:
        yield self._overrides
        if self.method not in ("GET", "HEAD"):
            if self.json is not None:
                yield self.json
            yield self.body
        yield self.query
        yield self.url_params
        yield self.defaults

    def get(self, name: str, default: Any = None) -> Any:
        for source in self._sources():
            if name in source:
                return source[name]
        return default

    def has(self, name: str) -> bool:
        return any(name in source for source in self._sources())

    def __getitem__(self, name: str) -> Any:
        return self.get(name)

    def __contains__(self, name: str) -> bool:
        return self.has(name)

    def set(self, name: str, value: Any) -> None:
        self._overrides[name] = value

    def params(self) -> dict[str, Any]:
        """Every parameter, resolved by priority (WP_REST_Request::get_params)."""
        merged: dict[str, Any] = {}
        for source in reversed(list(self._sources())):
            merged.update(source)
        return merged

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class Link:
    href: str
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Response:
    """Data, status, headers and links of an answer, before it becomes JSON."""

    data: Any = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
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
