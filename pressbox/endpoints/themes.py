"""Themes `/wp/v2/themes` (WP_REST_Themes_Controller).

Users who may switch themes see every theme; users who may edit posts see the active theme
(`status=active`, or its stylesheet); anonymous readers get `rest_cannot_view_themes` (or
`rest_cannot_view_active_theme` when they ask for the active theme).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus

from pressbox.endpoints.controller_routes import can_edit_any_post_type, forbid, register_specs
from pressbox.rest.message import Request
from pressbox.schema import _php
from pressbox.schema.themes import themes_routes

if TYPE_CHECKING:
    from pressbox.app import App


class ThemesController:
    """WP_REST_Themes_Controller: permissions; describing a theme needs its files, which
    pressbox does not read yet (501)."""

    def __init__(self, app: App) -> None:
        self.app = app

    def active_stylesheet(self) -> str:
        return str(self.app.site.option("stylesheet", "") or "")

    def _sanitize_stylesheet_callback(self, value: Any, params: Any, name: str) -> str:
        """`urldecode()`."""
        return unquote_plus(_php.to_str(value))

    def _can_manage(self, request: Request) -> bool:
        auth = self.app.auth
        return auth.can(request.user, "switch_themes") or auth.can(
            request.user, "manage_network_themes"
        )

    def check_read_active_theme_permission(self, request: Request) -> bool:
        if can_edit_any_post_type(self.app, request):
            return True
        raise forbid(
            self.app,
            request,
            "rest_cannot_view_active_theme",
            "Sorry, you are not allowed to view the active theme.",
        )

    def _cannot_view(self, request: Request) -> Exception:
        return forbid(
            self.app,
            request,
            "rest_cannot_view_themes",
            "Sorry, you are not allowed to view themes.",
        )

    def get_items_permissions_check(self, request: Request) -> bool:
        if self._can_manage(request):
            return True
        if request.get("status") == ["active"]:
            return self.check_read_active_theme_permission(request)
        raise self._cannot_view(request)

    def get_item_permissions_check(self, request: Request) -> bool:
        if self._can_manage(request):
            return True
        if str(request.get("stylesheet")) == self.active_stylesheet():
            return self.check_read_active_theme_permission(request)
        raise self._cannot_view(request)


def register_themes_routes(app: App) -> None:
    """Registered after the settings route, before plugins."""
    register_specs(app, ThemesController(app), themes_routes())
