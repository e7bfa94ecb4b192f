"""The `wp-block-editor/v1` routes: URL details, site export and the navigation fallback
(WP_REST_URL_Details_Controller, WP_REST_Edit_Site_Export_Controller,
WP_REST_Navigation_Fallback_Controller).

All three serve editors: anonymous readers get each controller's refusal. URL details fetch
remote pages and the export zips theme files, which pressbox does not do (501 past the checks).
"""

from __future__ import annotations

import re
import socket
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pressbox.endpoints.controller_routes import can_edit_any_post_type, forbid, register_specs
from pressbox.rest.message import Request
from pressbox.schema.block_editor import (
    export_routes,
    navigation_fallback_routes,
    url_details_routes,
)

if TYPE_CHECKING:
    from pressbox.app import App

_IPV4 = re.compile(r"^(([1-9]?\d|1\d\d|25[0-5]|2[0-4]\d)\.){3}([1-9]?\d|1\d\d|25[0-5]|2[0-4]\d)$")
_SAFE_PORTS = (80, 443, 8080)
_SCHEME = re.compile(r"^\s*([^\s:/?#]+):")


def _is_local_ip(ip: str) -> bool:
    """The reserved and private IPv4 ranges `wp_http_validate_url()` refuses."""
    a, b, c = (int(x) for x in ip.split(".")[:3])
    return (
        a in (0, 10, 127)
        or (a == 172 and 16 <= b <= 31)
        or (a == 192 and b == 168)
        or (a == 192 and b == 0 and c in (0, 2))
        or (a == 192 and b == 88 and c == 99)
        or (a == 198 and b == 51 and c == 100)
        or (a == 203 and b == 0 and c == 113)
        or (a == 169 and b == 254)
        or (a == 100 and 64 <= b <= 127)
        or (a == 198 and 18 <= b <= 19)
        or a >= 224
    )


def wp_http_validate_url(url: Any, home_url: str) -> str | bool:
    """`wp_http_validate_url()`: an http(s) URL to a public host on a safe port, or False."""
    if (
        not isinstance(url, str)
        or url == ""
        or re.fullmatch(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", url)
    ):
        return False
    # wp_kses_bad_protocol(): a scheme other than http(s) is stripped, so the URL changes.
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    host = parts.hostname or ""
    if not parts.netloc or not host or parts.username is not None or parts.password is not None:
        return False
    home = urlsplit(home_url)
    same_host = (home.hostname or "").lower() == host.lower()
    host = host.strip(".")
    if not same_host:
        if _IPV4.match(host):
            ip = host
        else:
            try:
                ip = socket.gethostbyname(host)
            except OSError:
                return False
        if _IPV4.match(ip) and _is_local_ip(ip):
            return False
    if port is None or port in _SAFE_PORTS:
        return url
    if same_host and home.port == port:
        return url
    return False


class URLDetailsController:
    """WP_REST_URL_Details_Controller."""

    def __init__(self, app: App) -> None:
        self.app = app

    def wp_http_validate_url(self, value: Any, params: Any, name: str) -> str | bool:
        return wp_http_validate_url(value, self.app.site.home_url())

    def permissions_check(self, request: Request) -> bool:
        if can_edit_any_post_type(self.app, request):
            return True
        raise forbid(
            self.app,
            request,
            "rest_cannot_view_url_details",
            "Sorry, you are not allowed to process remote URLs.",
        )


class EditSiteExportController:
    """WP_REST_Edit_Site_Export_Controller."""

    def __init__(self, app: App) -> None:
        self.app = app

    def permissions_check(self, request: Request) -> bool:
        if self.app.auth.can(request.user, "export"):
            return True
        raise forbid(
            self.app,
            request,
            "rest_cannot_export_templates",
            "Sorry, you are not allowed to export templates and template parts.",
        )


class NavigationFallbackController:
    """WP_REST_Navigation_Fallback_Controller: finding the fallback may create a
    `wp_navigation` post, so it needs the rights to create one."""

    def __init__(self, app: App) -> None:
        self.app = app

    def get_item_permissions_check(self, request: Request) -> bool:
        auth, user = self.app.auth, request.user
        post_type = self.app.post_types.get("wp_navigation")
        caps = post_type.cap if post_type is not None else {}
        if not (
            auth.can(user, caps.get("create_posts", "edit_theme_options"))
            and auth.can(user, "edit_theme_options")
            and auth.can(user, "edit_posts")
        ):
            raise forbid(
                self.app,
                request,
                "rest_cannot_create",
                "Sorry, you are not allowed to create Navigation Menus as this user.",
            )
        if request.get("context") == "edit" and not auth.can(
            user, caps.get("edit_posts", "edit_theme_options")
        ):
            raise forbid(
                self.app,
                request,
                "rest_forbidden_context",
                "Sorry, you are not allowed to edit Navigation Menus as this user.",
            )
        return True


def register_url_details_routes(app: App) -> None:
    """The `wp-block-editor/v1` namespace and its URL details route (after site health)."""
    register_specs(app, URLDetailsController(app), url_details_routes())


def register_export_routes(app: App) -> None:
    """Registered after the menu locations routes."""
    register_specs(app, EditSiteExportController(app), export_routes())


def register_navigation_fallback_routes(app: App) -> None:
    """Registered after the export route."""
    register_specs(app, NavigationFallbackController(app), navigation_fallback_routes())
