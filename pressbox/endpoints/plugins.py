"""Plugins `/wp/v2/plugins` (WP_REST_Plugins_Controller): for users who may activate plugins.

Anonymous readers get `rest_cannot_view_plugins` (`rest_cannot_view_plugin` for one plugin).
Describing plugins needs their files, which pressbox does not read (501 past the checks).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import forbid, register_specs
from pressbox.rest.message import Request
from pressbox.schema import _php
from pressbox.schema.plugins import PLUGIN_PATTERN, plugins_routes
from pressbox.schema.text import sanitize_text_field

if TYPE_CHECKING:
    from pressbox.app import App

_MANAGE = "Sorry, you are not allowed to manage plugins for this site."


def validate_plugin_param(value: Any) -> bool:
    """A plugin path without `..` or a drive letter (`validate_file()` returning 0)."""
    if not isinstance(value, str) or not re.search(PLUGIN_PATTERN, value):
        return False
    return ".." not in value and value[1:2] != ":"


def sanitize_plugin_param(value: Any) -> str:
    """`plugin_basename( sanitize_text_field( $file . '.php' ) )`."""
    return sanitize_text_field(_php.to_str(value) + ".php").lstrip("/")


class PluginsController:
    """WP_REST_Plugins_Controller (single site)."""

    def __init__(self, app: App) -> None:
        self.app = app

    def validate_plugin_param(self, value: Any, params: Any, name: str) -> bool:
        return validate_plugin_param(value)

    def sanitize_plugin_param(self, value: Any, params: Any, name: str) -> str:
        return sanitize_plugin_param(value)

    def _require(self, request: Request, cap: str, code: str, message: str = _MANAGE) -> bool:
        if self.app.auth.can(request.user, cap):
            return True
        raise forbid(self.app, request, code, message)

    def get_items_permissions_check(self, request: Request) -> bool:
        return self._require(request, "activate_plugins", "rest_cannot_view_plugins")

    def get_item_permissions_check(self, request: Request) -> bool:
        return self._require(request, "activate_plugins", "rest_cannot_view_plugin")

    def create_item_permissions_check(self, request: Request) -> bool:
        self._require(
            request,
            "install_plugins",
            "rest_cannot_install_plugin",
            "Sorry, you are not allowed to install plugins on this site.",
        )
        if request.get("status") != "inactive":
            self._require(
                request,
                "activate_plugins",
                "rest_cannot_activate_plugin",
                "Sorry, you are not allowed to activate plugins.",
            )
        return True

    def update_item_permissions_check(self, request: Request) -> bool:
        return self._require(request, "activate_plugins", "rest_cannot_manage_plugins")

    def delete_item_permissions_check(self, request: Request) -> bool:
        self._require(request, "activate_plugins", "rest_cannot_manage_plugins")
        return self._require(
            request,
            "delete_plugins",
            "rest_cannot_manage_plugins",
            "Sorry, you are not allowed to delete plugins for this site.",
        )


def register_plugins_routes(app: App) -> None:
    """Registered after the themes routes."""
    register_specs(app, PluginsController(app), plugins_routes())
