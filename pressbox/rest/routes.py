"""Routes and endpoints as WordPress registers them (`register_rest_route`).

A route is a regex path with named groups (`/wp/v2/posts/(?P<id>[\\d]+)`) and one or more
endpoints, each with its methods, handler, permission check (mandatory: fail closed) and args.
The registry is built at start-up and never changes while serving.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pressbox.rest.message import Request, Response

Handler = Callable[[Request], Response | Any]
# Returns True to allow, False to refuse with `rest_forbidden`, or a RestException (returned,
# as WordPress returns a WP_Error, or raised) to refuse with that error.
Permission = Callable[[Request], Any]

MATCH_CACHE = 8192

READABLE = ("GET",)
CREATABLE = ("POST",)
EDITABLE = ("POST", "PUT", "PATCH")
DELETABLE = ("DELETE",)

# rest_get_allowed_schema_keywords(): what the index and OPTIONS show of an arg.
SCHEMA_KEYWORDS = (
    "title",
    "description",
    "default",
    "type",
    "format",
    "enum",
    "items",
    "properties",
    "additionalProperties",
    "patternProperties",
    "minProperties",
    "maxProperties",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "anyOf",
    "oneOf",
)


def allow_all(_request: Request) -> bool:
    """An explicit public permission (WordPress's `__return_true`)."""
    return True


@dataclass(frozen=True)
class Endpoint:
    methods: tuple[str, ...]
    callback: Handler
    permission: Permission
    args: dict[str, dict[str, Any]] = field(default_factory=dict)
    allow_batch: dict[str, bool] | None = None
    show_in_index: bool = True


@dataclass
class Route:
    namespace: str
    pattern: str
    endpoints: list[Endpoint]
    schema: Callable[[], dict[str, Any]] | None = None
    allow_batch: dict[str, bool] | None = None
    # Optional: a key that determines every permission check's outcome for a request
    # (e.g. the post's type, status and author), so `Allow`/targetHints are computed once
    # per key within a request instead of once per item.
    permission_key: Callable[[Request], Any] | None = None
    regex: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        self.regex = re.compile("^" + self.pattern + "$", re.IGNORECASE)

    @property
    def display(self) -> str:
        """The route with `{name}` placeholders, as the index shows it."""
        return re.sub(r"\(\?P<(\w+?)>.*?\)", r"{\1}", self.pattern)


class Registry:
    """Every route of the server, in registration order, grouped by namespace."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.namespaces: dict[str, list[str]] = {}
        self._matched: dict[str, tuple[Route, dict[str, str]] | None] = {}

    def register(
        self,
        namespace: str,
        path: str,
        endpoints: list[Endpoint],
        schema: Callable[[], dict[str, Any]] | None = None,
        allow_batch: dict[str, bool] | None = None,
        permission_key: Callable[[Request], Any] | None = None,
    ) -> None:
        self._matched.clear()
        full = "/" + namespace.strip("/") + path if namespace else path
        self.namespaces.setdefault(namespace, [])
        if full in self.routes:
            route = self.routes[full]
            route.endpoints.extend(endpoints)
            return
        self.routes[full] = Route(
            namespace, full, list(endpoints), schema, allow_batch, permission_key
        )
        if namespace:
            self.namespaces[namespace].append(full)

    def match(self, path: str) -> tuple[Route, dict[str, str]] | None:
        """The first route whose regex matches `path`, with its URL params.

        Results are remembered per path (the registry never changes while serving), so
        the links and embeds of a page of items match each URL once.
        """
        if path in self._matched:
            hit = self._matched[path]
            return None if hit is None else (hit[0], dict(hit[1]))
        found: tuple[Route, dict[str, str]] | None = None
        for route in self._candidates(path):
            m = route.regex.match(path)
            if m:
                found = (route, {k: v for k, v in m.groupdict().items() if v is not None})
                break
        if len(self._matched) > MATCH_CACHE:
            self._matched.clear()
        self._matched[path] = found
        return None if found is None else (found[0], dict(found[1]))

    def _candidates(self, path: str) -> list[Route]:
        # WordPress narrows the search to the routes of namespaces the path starts with.
        stripped = path.lstrip("/").rstrip("/") + "/"
        names = [ns for ns in self.namespaces if ns and stripped.startswith(ns)]
        if not names:
            return list(self.routes.values())
        return [self.routes[r] for ns in names for r in self.namespaces[ns]]

    def data_for_route(
        self, route: Route, context: str, rest_url: Callable[[str], str]
    ) -> dict[str, Any] | None:
        """WP_REST_Server::get_data_for_route."""
        data: dict[str, Any] = {"namespace": route.namespace, "methods": [], "endpoints": []}
        if route.schema is not None and context == "help":
            data["schema"] = route.schema()
        display = route.display
        for ep in route.endpoints:
            if not ep.show_in_index:
                continue
            data["methods"].extend(ep.methods)
            ep_data: dict[str, Any] = {"methods": list(ep.methods)}
            batch = ep.allow_batch if ep.allow_batch is not None else route.allow_batch
            if batch:
                ep_data["allow_batch"] = batch
            args: dict[str, Any] = {}
            for name, opts in ep.args.items():
                arg = {k: opts[k] for k in SCHEMA_KEYWORDS if k in opts}
                # array_intersect_key keeps the arg's own key order, not the keyword list's.
                arg = {k: v for k, v in opts.items() if k in arg}
                arg["required"] = bool(opts.get("required"))
                args[name] = arg
            # An empty PHP array is encoded as `[]`.
            ep_data["args"] = args if args else []
            data["endpoints"].append(ep_data)
            if "{" not in display:
                data["_links"] = {"self": [{"href": rest_url(display)}]}
        if not data["methods"]:
            return None
        return data
