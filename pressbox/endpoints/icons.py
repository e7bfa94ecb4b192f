"""Icons `/wp/v2/icons`, icon collections `/wp/v2/icon-collections` and view config
`/wp/v2/view-config` (WP_REST_Icons_Controller, WP_REST_Icon_Collections_Controller,
WP_REST_View_Config_Controller).

They serve the editor: anonymous readers get `rest_cannot_view` (icons) or, for a known
entity, `rest_cannot_read` (view config). The icon registry and the DataViews configs are
not served yet (501 past the checks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressbox.endpoints.controller_routes import can_edit_any_post_type, forbid, register_specs
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.schema.icons import icon_collections_routes, icons_routes, view_config_routes

if TYPE_CHECKING:
    from pressbox.app import App


class IconsController:
    """WP_REST_Icons_Controller (and, with its own message, the icon collections one)."""

    message = "Sorry, you are not allowed to view the registered icons."

    def __init__(self, app: App) -> None:
        self.app = app

    def get_items_permissions_check(self, request: Request) -> bool:
        if can_edit_any_post_type(self.app, request):
            return True
        raise forbid(self.app, request, "rest_cannot_view", self.message)

    def get_item_permissions_check(self, request: Request) -> bool:
        return self.get_items_permissions_check(request)


class IconCollectionsController(IconsController):
    """WP_REST_Icon_Collections_Controller."""

    message = "Sorry, you are not allowed to view the registered icon collections."


class ViewConfigController:
    """WP_REST_View_Config_Controller: the capability depends on the entity asked for."""

    def __init__(self, app: App) -> None:
        self.app = app

    def required_capability(self, kind: str, name: str) -> str | None:
        if kind == "postType":
            post_type = self.app.post_types.get(name)
            return post_type.cap["edit_posts"] if post_type and post_type.show_in_rest else None
        if kind == "taxonomy":
            taxonomy = self.app.taxonomies.get(name)
            return taxonomy.cap["manage_terms"] if taxonomy and taxonomy.show_in_rest else None
        if kind == "root":
            return "manage_options"
        return "edit_posts"

    def get_items_permissions_check(self, request: Request) -> bool:
        capability = self.required_capability(str(request.get("kind")), str(request.get("name")))
        if capability is None:
            raise RestException(
                "rest_view_config_invalid_entity", "Invalid entity kind or name.", 404
            )
        if not self.app.auth.can(request.user, capability):
            raise forbid(
                self.app,
                request,
                "rest_cannot_read",
                "Sorry, you are not allowed to read view config.",
            )
        return True


def register_icons_routes(app: App) -> None:
    """The icons routes, then the icon collections routes (after the abilities)."""
    register_specs(app, IconsController(app), icons_routes())
    register_specs(app, IconCollectionsController(app), icon_collections_routes())


def register_view_config_routes(app: App) -> None:
    """The last route `create_initial_rest_routes()` registers."""
    register_specs(app, ViewConfigController(app), view_config_routes())
