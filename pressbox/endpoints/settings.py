"""Site settings `/wp/v2/settings` (WP_REST_Settings_Controller).

Reading and updating both need `manage_options`. Reading answers each registered setting from
its option (or the setting's default), validated and sanitised by the setting's schema: a
stored value the schema refuses reads as null. Updating is declared (its args come from the
settings' schemas, so OPTIONS and the index show them) but not served yet: WordPress's
`sanitize_option()` rules per option are not ported, and nothing should be written without them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import register_specs
from pressbox.rest.message import Request, Response
from pressbox.schema.errors import RestError
from pressbox.schema.sanitize import rest_parse_request_arg, rest_sanitize_value_from_schema
from pressbox.schema.settings import (
    CORE_SETTINGS,
    RegisteredSetting,
    RestSetting,
    rest_settings,
    settings_routes,
)
from pressbox.schema.validate import rest_validate_value_from_schema

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.schema.args import RequestParams


def prepare_value(value: Any, schema: Mapping[str, Any]) -> Any:
    """`prepare_value()`: null when the stored value does not fit the schema, else sanitised.

    Settings are stored by other code too, so a value the schema refuses is hidden rather than
    answered in a shape clients do not expect.
    """
    if isinstance(rest_validate_value_from_schema(value, schema), RestError):
        return None
    return rest_sanitize_value_from_schema(value, schema)


class SettingsController:
    """WP_REST_Settings_Controller."""

    def __init__(self, app: App, registered: Sequence[RegisteredSetting] = CORE_SETTINGS):
        self.app = app
        self.settings: list[RestSetting] = rest_settings(registered)

    def get_item_permissions_check(self, request: Request) -> bool:
        return self.app.auth.can(request.user, "manage_options")

    def _option(self, setting: RestSetting) -> Any:
        """`get_option( $option_name, $default )`."""
        default = setting.schema.get("default")
        if setting.option_name == "siteurl":
            # The configured site URL wins, as WordPress's WP_SITEURL constant does.
            return self.app.site.site_url() or default
        return self.app.site.option(setting.option_name, default)

    def get_item(self, _request: Request) -> Response:
        data = {s.name: prepare_value(self._option(s), s.schema) for s in self.settings}
        return Response(data=data if data else [])  # an empty PHP array

    def sanitize_callback(self, value: Any, request: RequestParams, param: str) -> Any:
        """An explicit null stays null (it deletes the option); anything else is checked by
        the setting's schema."""
        if value is None:
            return value
        return rest_parse_request_arg(value, request, param)


def register_settings_routes(app: App) -> None:
    """Registered after the block types' routes, before the themes."""
    controller = SettingsController(app)
    register_specs(app, controller, settings_routes(controller.settings))
