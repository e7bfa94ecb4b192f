"""The API index `/wp-json/` and the namespace indexes (WP_REST_Server::get_index)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressbox.rest.errors import RestException
from pressbox.rest.fields import field_list, is_field_included
from pressbox.rest.message import Request, Response
from pressbox.rest.routes import Endpoint, allow_all
from pressbox.schema import _php

if TYPE_CHECKING:
    from pressbox.app import App


class IndexController:
    def __init__(self, app: App) -> None:
        self.app = app

    def register(self) -> None:
        registry = self.app.routes
        registry.register(
            "",
            "/",
            [Endpoint(("GET",), self.get_index, allow_all, args={"context": {"default": "view"}})],
        )

    def register_namespace(self, namespace: str) -> None:
        self.app.routes.register(
            namespace,
            "",
            [
                Endpoint(
                    ("GET",),
                    self.get_namespace_index,
                    allow_all,
                    args={"namespace": {"default": namespace}, "context": {"default": "view"}},
                )
            ],
        )

    def get_index(self, request: Request) -> Response:
        site = self.app.site
        routes = self.app.routes
        context = request.get("context") or "view"
        data: dict[str, Any] = {
            "name": site.option("blogname", ""),
            "description": site.option("blogdescription", ""),
            "url": site.site_url(),
            "home": site.home_url(),
            "gmt_offset": site.option("gmt_offset", "0"),
            "timezone_string": site.option("timezone_string", ""),
            "page_for_posts": _php.to_int(site.option("page_for_posts", 0)),
            "page_on_front": _php.to_int(site.option("page_on_front", 0)),
            "show_on_front": site.option("show_on_front", "posts"),
            "namespaces": [ns for ns in routes.namespaces if ns],
            "authentication": self.app.authentication_index(),
            "routes": self._routes_data(list(routes.routes.values()), context),
        }
        response = Response(data=data)
        fields = field_list(request.query.get("_fields")) or ["_links"]
        if "_embed" in request.query:
            fields.append("_embedded")
        if is_field_included("_links", fields) or is_field_included("_embedded", fields):
            response.add_link("help", "https://developer.wordpress.org/rest-api/")
            self._add_image(response, _php.to_int(site.option("site_logo", 0)), "site_logo")
            self._add_image(response, _php.to_int(site.option("site_icon", 0)), "site_icon")
            response.data["site_icon_url"] = self.app.site_icon_url()
        else:
            if is_field_included("site_logo", fields):
                self._add_image(response, _php.to_int(site.option("site_logo", 0)), "site_logo")
            if is_field_included("site_icon", fields) or is_field_included("site_icon_url", fields):
                self._add_image(response, _php.to_int(site.option("site_icon", 0)), "site_icon")
                response.data["site_icon_url"] = self.app.site_icon_url()
        return response

    def _add_image(self, response: Response, image_id: int, kind: str) -> None:
        response.data[kind] = image_id
        if image_id:
            response.add_link(
                "https://api.w.org/featuredmedia",
                self.app.server.rest_url(f"wp/v2/media/{image_id}"),
                embeddable=True,
                type=kind,
            )

    def _routes_data(self, routes: list[Any], context: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for route in routes:
            data = self.app.routes.data_for_route(route, context, self.app.server.rest_url)
            if data is not None:
                out[route.pattern] = data
        return out

    def get_namespace_index(self, request: Request) -> Response:
        namespace = request.get("namespace")
        routes = self.app.routes
        # `?namespace[]=…` overrides the URL's namespace (GET outranks URL params); PHP 8 dies
        # on the array offset, a client error we answer as an unknown namespace.
        if not isinstance(namespace, str) or namespace not in routes.namespaces:
            raise RestException(
                "rest_invalid_namespace", "The specified namespace could not be found.", 404
            )
        selected = [routes.routes[p] for p in routes.namespaces[namespace]]
        data = {
            "namespace": namespace,
            "routes": self._routes_data(selected, request.get("context") or "view"),
        }
        response = Response(data=data)
        response.add_link("up", self.app.server.rest_url("/"))
        return response
