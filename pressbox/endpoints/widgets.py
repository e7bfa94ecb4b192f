"""Sidebars `/wp/v2/sidebars`, widget types `/wp/v2/widget-types` and widgets `/wp/v2/widgets`
(WP_REST_Sidebars_Controller, WP_REST_Widget_Types_Controller, WP_REST_Widgets_Controller).

A sidebar is readable by anyone only when its theme registers it with `show_in_rest`;
Twenty Twenty-Five, a block theme, registers no sidebar, so every read needs
`edit_theme_options` and anonymous readers get `rest_cannot_manage_widgets`. Sidebars are
listed from the `sidebars_widgets` option; rendering widgets themselves is not served yet (501).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import forbid, register_specs
from pressbox.rest.controller import fields_for_response, filter_item_by_context
from pressbox.rest.errors import RestException
from pressbox.rest.fields import is_field_included
from pressbox.rest.message import Request, Response
from pressbox.rest.phpquery import add_query_arg, parse_query
from pressbox.schema import _php
from pressbox.schema.validate import rest_validate_value_from_schema
from pressbox.schema.widgets import (
    sidebar_schema,
    sidebars_routes,
    widget_types_routes,
    widgets_routes,
)

if TYPE_CHECKING:
    from pressbox.app import App

# The id_base of each widget core registers (`wp_widgets_init()`), in registration order.
CORE_WIDGETS = (
    "pages",
    "calendar",
    "archives",
    "media_audio",
    "media_image",
    "media_gallery",
    "media_video",
    "meta",
    "search",
    "text",
    "categories",
    "recent-posts",
    "recent-comments",
    "rss",
    "tag_cloud",
    "nav_menu",
    "custom_html",
    "block",
)


INACTIVE = "wp_inactive_widgets"


def registered_widget_ids(site: Any) -> list[str]:
    """`$wp_registered_widgets`: one id per saved instance of each core widget
    (`WP_Widget::_register()`; a widget without instances registers number 1)."""
    ids: list[str] = []
    for base in CORE_WIDGETS:
        settings = site.option(f"widget_{base}", {})
        numbers = (
            [str(k) for k in settings if str(k).isdigit()] if isinstance(settings, dict) else []
        )
        ids.extend(f"{base}-{n}" for n in (numbers or ["1"]))
    return ids


def sidebars_widgets(site: Any) -> dict[str, list[str]]:
    """`retrieve_widgets()` for a theme that registers no sidebar, without writing back:
    unregistered widgets leave their sidebars, lost ones join the inactive widgets."""
    raw = site.option("sidebars_widgets", {})
    registered = registered_widget_ids(site)
    out: dict[str, list[str]] = {}
    if isinstance(raw, dict):
        for sidebar, widgets in raw.items():
            if sidebar == "array_version":
                continue
            values = list(widgets.values()) if isinstance(widgets, dict) else widgets
            out[str(sidebar)] = [w for w in values or [] if w in registered]
    shown = {w for widgets in out.values() for w in widgets}
    lost = [
        w
        for w in registered
        if w not in shown
        and not (re.fullmatch(r".+?-([0-9]+)", w) and int(w.rsplit("-", 1)[1]) < 2)
    ]
    out[INACTIVE] = lost + out.get(INACTIVE, [])
    return out


class _WidgetsPermission:
    def __init__(self, app: App) -> None:
        self.app = app

    def permissions_check(self, request: Request) -> bool:
        """`current_user_can( 'edit_theme_options' )`: no sidebar is shown in REST."""
        if self.app.auth.can(request.user, "edit_theme_options"):
            return True
        raise forbid(
            self.app,
            request,
            "rest_cannot_manage_widgets",
            "Sorry, you are not allowed to manage widgets on this site.",
        )

    def parse_form_data(self, value: Any, params: Any, name: str) -> Any:
        """`wp_parse_str()` of URL-encoded form data."""
        return parse_query(_php.to_str(value))


class SidebarsController(_WidgetsPermission):
    """WP_REST_Sidebars_Controller."""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.schema = sidebar_schema()

    def get_items(self, request: Request) -> Response:
        if request.method == "HEAD":
            return Response(data=[])
        return Response(
            data=[
                self.prepare(sidebar, widgets, request)
                for sidebar, widgets in sidebars_widgets(self.app.site).items()
                if sidebar == INACTIVE  # wp_get_sidebar(): no other sidebar is registered
            ]
        )

    def get_item(self, request: Request) -> Response:
        sidebar = str(request.get("id"))
        widgets = sidebars_widgets(self.app.site)
        if sidebar != INACTIVE:
            raise RestException("rest_sidebar_not_found", "No sidebar exists with that id.", 404)
        return Response(data=self.prepare(sidebar, widgets.get(sidebar, []), request))

    def prepare(self, sidebar: str, widgets: list[str], request: Request) -> Any:
        """`prepare_item_for_response()` for the inactive widgets (a block theme makes
        every sidebar inactive)."""
        raw: dict[str, Any] = {
            "id": sidebar,
            "status": "inactive",
            "name": "Inactive widgets",
            "description": "",
            "class": "",
        }
        fields = fields_for_response(self.schema, request)
        if is_field_included("widgets", fields):
            raw["widgets"] = widgets
        data: dict[str, Any] = {}
        for key, prop in self.schema["properties"].items():
            if key in raw and rest_validate_value_from_schema(raw[key], prop) is True:
                data[key] = raw[key]
            elif "default" in prop:
                data[key] = prop["default"]
        data = filter_item_by_context(data, self.schema, request.get("context") or "view")
        response = Response(data=data)
        if is_field_included("_links", fields) or is_field_included("_embedded", fields):
            url = self.app.server.rest_url
            response.add_link("collection", url("wp/v2/sidebars"))
            response.add_link("self", url(f"wp/v2/sidebars/{sidebar}"))
            response.add_link(
                "https://api.w.org/widget",
                add_query_arg({"sidebar": sidebar}, url("/wp/v2/widgets")),
                embeddable=True,
            )
        return self.app.server.response_to_data(response, request, False)

    def get_items_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)

    def get_item_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)

    def update_item_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)


class WidgetTypesController(_WidgetsPermission):
    """WP_REST_Widget_Types_Controller."""

    def get_items_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)

    def get_item_permissions_check(self, request: Request) -> bool:
        self.permissions_check(request)
        if request.get("id") not in CORE_WIDGETS:
            raise RestException("rest_widget_type_invalid", "Invalid widget type.", 404)
        return True


class WidgetsController(_WidgetsPermission):
    """WP_REST_Widgets_Controller."""

    def get_items_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)

    def get_item_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)

    def create_item_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)

    def update_item_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)

    def delete_item_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)


def register_sidebars_routes(app: App) -> None:
    """Registered after the plugins routes."""
    register_specs(app, SidebarsController(app), sidebars_routes())


def register_widget_types_routes(app: App) -> None:
    """Registered after the sidebars routes."""
    register_specs(app, WidgetTypesController(app), widget_types_routes())


def register_widgets_routes(app: App) -> None:
    """Registered after the widget types routes."""
    register_specs(app, WidgetsController(app), widgets_routes())
