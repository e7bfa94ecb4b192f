"""Menu items `/wp/v2/menu-items` (WP_REST_Menu_Items_Controller): `nav_menu_item` posts.

Readable by users who may edit theme options or posts of some type; anonymous readers get
`rest_cannot_view`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressbox.content.context import PostData
from pressbox.content.escaping import sanitize_url
from pressbox.endpoints.controller_routes import can_edit_any_post_type, forbid, register_specs
from pressbox.endpoints.posts import PostsController, sanitize_html_class
from pressbox.endpoints.revisions import AutosavesController
from pressbox.rest.message import Request
from pressbox.schema import _php
from pressbox.schema.errors import RestError
from pressbox.schema.menu_items import menu_item_schema, menu_items_routes
from pressbox.schema.predicates import wp_parse_list
from pressbox.store.phpserialize import maybe_unserialize
from pressbox.store.posts_query import PostQuery

if TYPE_CHECKING:
    from pressbox.app import App


class MenuItemsController(PostsController):
    """WP_REST_Menu_Items_Controller."""

    def item_schema(self) -> dict[str, Any]:
        if self._schema is None:
            app = self.app
            schema = menu_item_schema(self.post_type, app.registries, app.server.rest_url)
            # The context filter walks `properties`: the empty PHP array becomes a mapping.
            if schema["properties"]["meta"]["properties"] == []:
                schema["properties"]["meta"]["properties"] = {}
            self._schema = schema
        return self._schema

    # -- permissions ------------------------------------------------------------------------

    def check_has_read_only_access(self, request: Request) -> bool:
        if self.app.auth.can(request.user, "edit_theme_options"):
            return True
        if can_edit_any_post_type(self.app, request):
            return True
        raise forbid(
            self.app, request, "rest_cannot_view", "Sorry, you are not allowed to view menu items."
        )

    def get_items_permissions_check(self, request: Request) -> bool:
        return super().get_items_permissions_check(request) and self.check_has_read_only_access(
            request
        )

    def get_item_permissions_check(self, request: Request) -> bool:
        return super().get_item_permissions_check(request) and self.check_has_read_only_access(
            request
        )

    # -- argument callbacks -----------------------------------------------------------------

    def sanitize_class_list(self, value: Any, params: Any, name: str) -> list[str]:
        """`classes` and `xfn`: a list of HTML class names."""
        return [sanitize_html_class(_php.to_str(v)) for v in wp_parse_list(value)]

    def validate_menu_item_url(self, value: Any, params: Any, name: str) -> Any:
        if value == "" or sanitize_url(_php.to_str(value)):
            return True
        return RestError("rest_invalid_url", "Invalid URL.", None)

    # -- collection -------------------------------------------------------------------------

    def build_query(self, request: Request) -> PostQuery:
        q = super().build_query(request)
        # `menu_order` is this controller's filter (the posts one's needs page-attributes).
        if request.get("menu_order") is not None:
            q.menu_order = int(request["menu_order"])
        return q

    # -- prepare ----------------------------------------------------------------------------

    def prepare_items(self, posts: list[PostData], request: Request) -> list[Any]:
        from pressbox.endpoints.menu_items_prepare import prepare_menu_items

        return prepare_menu_items(self, posts, request)

    def meta_value(self, post_id: int) -> Any:
        """`WP_REST_Meta_Fields::get_value()`: an empty PHP array when no key is registered."""
        registered = self.app.schemas.registered_meta(self.post_type)
        if not registered:
            return []
        values = self.app.site.meta([post_id], list(registered)).get(post_id, {})
        out: dict[str, Any] = {}
        for key, spec in registered.items():
            found = values.get(key)
            if spec.get("single", True):
                out[key] = maybe_unserialize(found[0]) if found else spec.get("default", "")
            else:
                out[key] = [maybe_unserialize(v) for v in found] if found else []
        return out


def register_menu_items_routes(app: App) -> None:
    """`nav_menu_item`'s routes: the menu items, then their autosaves."""
    post_type = app.post_types.get("nav_menu_item")
    if post_type is None or not post_type.show_in_rest:
        return
    controller = MenuItemsController(app, post_type)
    app.controllers[post_type.name] = controller
    controllers: dict[str, Any] = {
        "WP_REST_Menu_Items_Controller": controller,
        "WP_REST_Autosaves_Controller": AutosavesController(app, controller),
    }
    for spec in menu_items_routes(post_type, app.registries, app.server.rest_url):
        register_specs(app, controllers[spec["controller"]], [spec])
