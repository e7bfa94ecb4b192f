"""Menu locations `/wp/v2/menu-locations` (WP_REST_Menu_Locations_Controller).

The locations are those the active theme registers (`register_nav_menus()`): Twenty
Twenty-Five, a block theme, registers none, so the collection is an empty array for those who
may edit theme options, and everyone else gets `rest_cannot_view`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import forbid, register_specs
from pressbox.endpoints.terms_prepare import menu_locations
from pressbox.rest.controller import fields_for_response, filter_item_by_context
from pressbox.rest.errors import RestException
from pressbox.rest.fields import is_field_included
from pressbox.rest.message import Request, Response
from pressbox.schema.menu_locations import menu_location_schema, menu_locations_routes

if TYPE_CHECKING:
    from pressbox.app import App

# `get_registered_nav_menus()` of Twenty Twenty-Five: location => description.
TWENTYTWENTYFIVE_NAV_MENUS: Mapping[str, str] = MappingProxyType({})


class MenuLocationsController:
    """WP_REST_Menu_Locations_Controller."""

    def __init__(self, app: App, registered: Mapping[str, str] = TWENTYTWENTYFIVE_NAV_MENUS):
        self.app = app
        self.registered = registered
        self.schema = menu_location_schema()

    def check_has_read_only_access(self, request: Request) -> bool:
        if self.app.auth.can(request.user, "edit_theme_options"):
            return True
        raise forbid(
            self.app,
            request,
            "rest_cannot_view",
            "Sorry, you are not allowed to view menu locations.",
        )

    def get_items_permissions_check(self, request: Request) -> bool:
        return self.check_has_read_only_access(request)

    def get_item_permissions_check(self, request: Request) -> bool:
        return self.check_has_read_only_access(request)

    def get_items(self, request: Request) -> Response:
        assigned = menu_locations(self.app.site)
        data = {
            name: self.prepare_item(name, description, assigned, request)
            for name, description in self.registered.items()
        }
        return Response(data=data if data else [])  # an empty PHP array

    def get_item(self, request: Request) -> Response:
        name = str(request.get("location"))
        if name not in self.registered:
            raise RestException("rest_menu_location_invalid", "Invalid menu location.", 404)
        assigned = menu_locations(self.app.site)
        return Response(data=self.prepare_item(name, self.registered[name], assigned, request))

    def prepare_item(
        self, name: str, description: str, assigned: Mapping[str, int], request: Request
    ) -> Any:
        fields = fields_for_response(self.schema, request)
        menu = assigned.get(name, 0)
        data: dict[str, Any] = {}
        if is_field_included("name", fields):
            data["name"] = name
        if is_field_included("description", fields):
            data["description"] = description
        if is_field_included("menu", fields):
            data["menu"] = menu
        data = filter_item_by_context(data, self.schema, request.get("context") or "view")
        response = Response(data=data)
        if is_field_included("_links", fields) or is_field_included("_embedded", fields):
            url = self.app.server.rest_url
            response.add_link("self", url(f"wp/v2/menu-locations/{name}"))
            response.add_link("collection", url("wp/v2/menu-locations"))
            if menu and self.app.taxonomies.get("nav_menu") is not None:
                response.add_link(
                    "https://api.w.org/menu", url(f"wp/v2/menus/{menu}"), embeddable=True
                )
        return self.app.server.response_to_data(response, request, False)


def register_menu_locations_routes(app: App) -> None:
    """Registered after the URL details route, before the site editor export."""
    register_specs(app, MenuLocationsController(app), menu_locations_routes())
