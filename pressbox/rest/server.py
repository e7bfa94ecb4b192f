"""The REST server: dispatch, links, embedding, `_fields`, envelopes (WP_REST_Server).

Dispatch follows WordPress: match the route, then the method (`rest_no_route` otherwise),
validate and sanitise args, check permission, call the handler; then `rest_post_dispatch`
(the `Allow` header and `_fields`), and at the edge `_envelope`, `_embed` and `_jsonp`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pressbox.auth.current import current_user
from pressbox.rest.errors import RestException, error_response, forbidden, no_route
from pressbox.rest.fields import filter_fields, parse_fields
from pressbox.rest.message import Request, Response
from pressbox.rest.params import check_params
from pressbox.rest.phpquery import parse_query
from pressbox.rest.routes import Endpoint, Registry, Route
from pressbox.schema import _php
from pressbox.store.site import request_memo

CURIES = [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]
# wp_check_jsonp_callback(): `[^\w\.]` counts illegal characters, \w being ASCII (no /u).
_JSONP = re.compile(r"[\w.]*", re.ASCII)


def parse_embed(value: Any) -> bool | list[str]:
    """rest_parse_embed_param: True for everything, or a list of link relations."""
    if _php.is_empty(value) or value in ("true", "1") or value is True:  # `! $embed`: "0" too
        return True
    rels = wp_parse_list(value)
    return rels if rels else True


def wp_parse_list(value: Any) -> list[str]:
    """wp_parse_list: a list, or a string split on commas and whitespace."""
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, dict):
        return [str(v) for v in value.values()]
    return [part for part in re.split(r"[\s,]+", str(value)) if part]


class Server:
    """Routes requests to endpoints and turns responses into WordPress's JSON data."""

    def __init__(self, registry: Registry, rest_root: str) -> None:
        self.registry = registry
        self.rest_root = rest_root.rstrip("/")  # e.g. http://host/wp-json

    def rest_url(self, path: str = "") -> str:
        """rest_url(): the API root with `path` appended."""
        return self.rest_root + "/" + path.lstrip("/")

    # -- dispatch ---------------------------------------------------------------------------

    def match(self, request: Request) -> tuple[Route, Endpoint]:
        """match_request_to_handler: the route and the endpoint for the request's method."""
        found = self.registry.match(request.route)
        if found is None:
            raise no_route()
        route, url_params = found
        method = request.method
        for endpoint in route.endpoints:
            checked = "GET" if method == "HEAD" and "HEAD" not in endpoint.methods else method
            if checked in endpoint.methods:
                request.url_params = url_params
                request.endpoint = endpoint
                return route, endpoint
        raise no_route()

    def dispatch(self, request: Request, embedded: bool = False) -> Response:
        """WP_REST_Server::dispatch, including the default `rest_pre_dispatch` and
        `rest_post_dispatch` filters (OPTIONS handling, `Allow`, `_fields`)."""
        if request.method == "OPTIONS":
            return self._post_dispatch(self._options(request), request)
        try:
            route, endpoint = self.match(request)
        except RestException as exc:
            return self._post_dispatch(exc.to_response(), request)
        token = current_user.set(request.user)
        try:
            check_params(request, endpoint.args)
            allowed = endpoint.permission(request)
            if isinstance(allowed, RestException):
                raise allowed
            if not allowed:
                raise forbidden(self.authorization_required_code(request))
            if request.method in ("GET", "HEAD"):
                # A read changes nothing, so `Allow` may reuse this answer; after a write the
                # checks are asked again, as the stored data may have changed.
                request.permitted = allowed is True
            result = endpoint.callback(request)
            response = result if isinstance(result, Response) else Response(data=result)
        except RestException as exc:
            response = exc.to_response()
        finally:
            current_user.reset(token)
        response.matched_route = route.pattern
        response.matched_endpoint = endpoint
        if embedded:
            # An embedded answer contributes its data only: its headers (Allow) are unused.
            return response
        return self._post_dispatch(response, request)

    @staticmethod
    def authorization_required_code(request: Request) -> int:
        """rest_authorization_required_code: 403 for a known user, 401 otherwise."""
        return 403 if request.user is not None and request.user.id else 401

    def _options(self, request: Request) -> Response:
        found = self.registry.match(request.route)
        if found is None:
            return Response(data=[])
        route, url_params = found
        request.url_params = url_params
        data = self.registry.data_for_route(route, "help", self.rest_url)
        response = Response(data=data if data is not None else [])
        response.matched_route = route.pattern
        return response

    def _post_dispatch(self, response: Response, request: Request) -> Response:
        self._send_allow_header(response, request)
        if "_fields" in request.query and not response.is_error:
            fields = parse_fields(request.query["_fields"])
            if fields:
                data = response.data
                links = data.get("_links") if isinstance(data, dict) else None
                filtered = filter_fields(data, fields)
                if links is not None:
                    # A single item's links live on WordPress's response object, not in its
                    # data: rest_filter_response_fields() cannot remove them, and
                    # response_to_data() adds them after (so `_fields=id,_embedded` embeds).
                    # With nothing else kept, PHP's empty array takes the key as a map.
                    filtered = filtered if isinstance(filtered, dict) else {}
                    filtered.pop("_links", None)
                    filtered["_links"] = links
                response.data = filtered
        return response

    def _send_allow_header(self, response: Response, request: Request) -> None:
        """rest_send_allow_header: the methods whose permission check passes."""
        if response.matched_route is None:
            return
        route = self.registry.routes[response.matched_route]
        allowed = self.allowed_methods(route, request)
        if allowed:
            response.headers["Allow"] = ", ".join(allowed)

    def allowed_methods(self, route: Route, request: Request) -> list[str]:
        """The methods whose permission checks pass (memoised per permission key)."""
        if route.permission_key is not None:
            memo = request_memo("allowed_methods")
            if memo is not None:
                key = (route.pattern, id(request.user), route.permission_key(request))
                hit = memo.get(key)
                if hit is None:
                    hit = memo[key] = self._allowed_methods(route, request)
                return list(hit)
        return self._allowed_methods(route, request)

    def _allowed_methods(self, route: Route, request: Request) -> list[str]:
        # WordPress asks once per method; the answer is the endpoint's for this request, so
        # each endpoint is asked once (and not again when dispatch has already asked it).
        allowed: dict[str, bool] = {}
        for endpoint in route.endpoints:
            if endpoint is request.endpoint and request.permitted is not None:
                ok = request.permitted
            else:
                try:
                    ok = endpoint.permission(request) is True
                except RestException:
                    ok = False
            for method in endpoint.methods:
                allowed[method] = ok
        return [m for m, ok in allowed.items() if ok]

    # -- links and embedding ----------------------------------------------------------------

    def request_from_url(self, url: str, like: Request) -> Request | None:
        """WP_REST_Request::from_url for one of our own REST URLs."""
        if not url.startswith(self.rest_root):
            return None
        route, _, query = url[len(self.rest_root) :].partition("?")
        return Request(
            method="GET",
            route=route or "/",
            query=parse_query(query.partition("#")[0]),
            user=like.user,
            headers=like.headers,
            render_session=like.render_session,
            url=like.url,
        )

    def links_data(self, response: Response, request: Request) -> dict[str, Any]:
        """get_compact_response_links: links with target hints, relations compacted to curies."""
        if not response.links:
            return {}
        links: dict[str, Any] = {}
        used_curie = False
        for rel, items in response.links.items():
            out = []
            for link in items:
                attrs = dict(link.attributes)
                attrs["href"] = link.href
                if rel == "self":
                    hints = self._target_hints(attrs, request)
                    if hints is not None:
                        attrs["targetHints"] = hints
                out.append(attrs)
            if rel.startswith("https://api.w.org/"):
                links["wp:" + rel[len("https://api.w.org/") :]] = out
                used_curie = True
            else:
                links[rel] = out
        if used_curie:
            links["curies"] = CURIES
        return links

    def _target_hints(self, attrs: dict[str, Any], request: Request) -> dict[str, Any] | None:
        if isinstance(attrs.get("targetHints"), dict) and "allow" in attrs["targetHints"]:
            return None
        sub = self.request_from_url(attrs["href"], request)
        if sub is None:
            return None
        try:
            route, endpoint = self.match(sub)
            # A link without a query string carries only URL params, which the route's
            # regex has already validated; the permission checks read nothing else.
            if sub.query:
                check_params(sub, endpoint.args)
        except RestException:
            return None
        allowed = self.allowed_methods(route, sub)
        # WordPress sets targetHints only when some method is allowed.
        return {"allow": allowed} if allowed else None

    def response_to_data(
        self, response: Response, request: Request, embed: bool | list[str]
    ) -> Any:
        data = response.data
        links = self.links_data(response, request)
        if links and isinstance(data, dict):
            data["_links"] = links
        if embed:
            cache: dict[str, Any] = {}
            if isinstance(data, list):
                data = [self._embed_links(item, embed, request, cache) for item in data]
            else:
                data = self._embed_links(data, embed, request, cache)
        return data

    def _embed_links(
        self, data: Any, embed: bool | list[str], request: Request, cache: dict[str, Any]
    ) -> Any:
        if not isinstance(data, dict) or not data.get("_links"):
            return data
        embedded: dict[str, Any] = {}
        for rel, links in data["_links"].items():
            if isinstance(embed, list) and rel not in embed:
                continue
            embeds: list[Any] = []
            for item in links:
                if not item.get("embeddable"):
                    embeds.append([])
                    continue
                href = item["href"]
                if href not in cache:
                    sub = self.request_from_url(href, request)
                    if sub is None:
                        embeds.append([])
                        continue
                    if not sub.query.get("context"):
                        sub.query["context"] = "embed"
                    if not sub.query.get("per_page"):
                        try:
                            _route, endpoint = self.match(sub)
                            maximum = endpoint.args.get("per_page", {}).get("maximum")
                            if maximum is not None:
                                sub.query["per_page"] = int(maximum)
                        except RestException:
                            pass
                    sub.embedded = True
                    sub_response = self.dispatch(sub, embedded=True)
                    cache[href] = self.response_to_data(sub_response, sub, False)
                embeds.append(cache[href])
            if any(e for e in embeds):
                embedded[rel] = embeds
        if embedded:
            data["_embedded"] = embedded
        return data

    def envelope(self, response: Response, request: Request, embed: bool | list[str]) -> Response:
        body = self.response_to_data(response, request, embed)
        # An empty PHP array (no headers) is encoded as `[]`.
        data = {"body": body, "status": response.status, "headers": dict(response.headers) or []}
        return Response(data=data, status=200)

    @staticmethod
    def valid_jsonp(callback: str) -> bool:
        return _JSONP.fullmatch(callback) is not None


ErrorFactory = Callable[[str, str, int], Response]
__all__ = ["Server", "error_response", "parse_embed", "wp_parse_list"]
