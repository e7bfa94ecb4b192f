"""Site Health routes (WP_REST_Site_Health_Controller): listed in the index, admin-only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.rest.routes import Endpoint

if TYPE_CHECKING:
    from pressbox.app import App

NAMESPACE = "wp-site-health/v1"
# (path, the capability check's name) in WordPress's registration order.
ROUTES = (
    ("/tests/background-updates", "background_updates"),
    ("/tests/loopback-requests", "loopback_requests"),
    ("/tests/https-status", "https_status"),
    ("/tests/dotorg-communication", "dotorg_communication"),
    ("/tests/authorization-header", "authorization_header"),
    ("/directory-sizes", "debug_enabled"),
    ("/tests/page-cache", "page_cache"),
)


def register_site_health_routes(app: App) -> None:
    def permission(request: Request) -> bool:
        if app.auth.can(request.user, "view_site_health_checks"):
            return True
        raise RestException(
            "rest_forbidden",
            "Sorry, you are not allowed to access this resource.",
            app.server.authorization_required_code(request),
        )

    def not_available(_request: Request) -> None:
        raise RestException(
            "rest_not_implemented", "Site Health tests are not available in pressbox.", 501
        )

    for path, _check in ROUTES:
        app.routes.register(NAMESPACE, path, [Endpoint(("GET",), not_available, permission)])
