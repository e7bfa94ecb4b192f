"""Font families and faces `/wp/v2/font-families[/{id}/font-faces]` and font collections
`/wp/v2/font-collections` (WP_REST_Font_Families_Controller, WP_REST_Font_Faces_Controller,
WP_REST_Font_Collections_Controller).

Fonts are read and managed by users who may edit theme options: anonymous readers get
`rest_cannot_read`. The settings of writes arrive as JSON strings, validated against the
theme.json schema before any permission check, as in WordPress.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from pressbox.content.context import PostData
from pressbox.content.escaping import sanitize_url
from pressbox.endpoints.controller_routes import forbid, register_specs
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.schema import _php
from pressbox.schema.errors import RestError
from pressbox.schema.fonts import (
    font_collections_routes,
    font_face_schema,
    font_faces_routes,
    font_families_routes,
    font_family_schema,
)
from pressbox.schema.text import sanitize_text_field
from pressbox.schema.validate import rest_validate_value_from_schema
from pressbox.wxr.slugs import sanitize_title

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.post_types import PostType

_CANNOT_CREATE = "Sorry, you are not allowed to create posts as this user."
_CANNOT_EDIT = "Sorry, you are not allowed to edit this post."
_CANNOT_DELETE = "Sorry, you are not allowed to delete this post."

_UNQUOTED = re.compile(r"^(?!generic\([a-zA-Z\-]+\)$)(?!^[a-zA-Z\-]+$).+")


def _maybe_add_quotes(item: str) -> str:
    item = item.strip()
    if _UNQUOTED.match(item):
        return '"' + item.strip("\"'") + '"'
    return item


def sanitize_font_family(value: Any) -> str:
    """`WP_Font_Utils::sanitize_font_family()`: names with spaces or digits get quoted."""
    if _php.is_empty(value):
        return ""
    output = sanitize_text_field(_php.to_str(value))
    if "," in output:
        items = [_maybe_add_quotes(item) for item in output.split(",")]
        return ", ".join(item for item in items if item)
    return _maybe_add_quotes(output)


def _sanitize_src(value: Any) -> str:
    text = _php.to_str(value).lstrip()
    return sanitize_url(text) if re.match(r"^https?://", text, re.I) else text


_SANITIZERS: dict[str, Any] = {
    "sanitize_text_field": lambda v: sanitize_text_field(_php.to_str(v)),
    "sanitize_title": lambda v: sanitize_title(_php.to_str(v)),
    "sanitize_url": lambda v: sanitize_url(_php.to_str(v)),
    "sanitize_font_family": sanitize_font_family,
    "sanitize_src_list": lambda v: (
        [_sanitize_src(s) for s in v] if isinstance(v, list) else _sanitize_src(v)
    ),
}


class _FontPosts:
    """What font families and faces share: settings JSON, the permission checks, the post
    lookup."""

    settings_key = ""
    what = ""
    # The messages of `rest_cannot_read` for the collection and for one item.
    cannot_read_items = ""
    cannot_read_item = ""

    def __init__(self, app: App, post_type: PostType, schema: dict[str, Any]) -> None:
        self.app = app
        self.post_type = post_type
        self.schema = schema

    def _settings_schema(self) -> dict[str, Any]:
        prop: dict[str, Any] = self.schema["properties"][self.settings_key]
        return prop

    def _validate_settings(self, value: Any, updating: bool) -> Any:
        valid = rest_validate_value_from_schema(value, {"type": "string"}, self.settings_key)
        if valid is not True:
            return valid
        try:
            settings = json.loads(_php.to_str(value))
        except ValueError:
            settings = None
        if settings is None:
            return RestError(
                "rest_invalid_param",
                f"{self.settings_key} parameter must be a valid JSON string.",
                {"status": 400},
            )
        schema = dict(self._settings_schema())
        required = list(schema["required"])
        if updating:
            del schema["required"]
            if isinstance(settings, dict) and "slug" in settings:
                return RestError(
                    "rest_invalid_param",
                    f"{self.settings_key}[slug] cannot be updated.",
                    {"status": 400},
                )
        checked = rest_validate_value_from_schema(settings, schema, self.settings_key)
        if isinstance(checked, RestError):
            return RestError(checked.code, checked.message, {**(checked.data or {}), "status": 400})
        for key in required:
            if isinstance(settings, dict) and key in settings and _php.is_empty(settings[key]):
                return RestError(
                    "rest_invalid_param",
                    f"{self.what}[ {key} ] cannot be empty.",
                    {"status": 400},
                )
        return settings

    def _sanitize_settings(self, value: Any) -> Any:
        settings = json.loads(_php.to_str(value))
        props = self._settings_schema()["properties"]
        return {
            key: _SANITIZERS[props[key]["arg_options"]["sanitize_callback"]](item)
            for key, item in settings.items()
        }

    def _can(self, request: Request, cap: str) -> bool:
        return self.app.auth.can(request.user, self.post_type.cap[cap])

    def get_post(self, raw_id: Any) -> PostData:
        post_id = _php.to_int(raw_id)
        post = self.app.site.post(post_id) if post_id > 0 else None
        if post is None or post.post_type != self.post_type.name:
            raise RestException("rest_post_invalid_id", "Invalid post ID.", 404)
        return post

    def _check(self, request: Request, cap: str, code: str, message: str) -> bool:
        """True if the user has the post type's `cap`; else the error `code`, `message`."""
        if self._can(request, cap):
            return True
        raise forbid(self.app, request, code, message)

    def get_items_permissions_check(self, request: Request) -> bool:
        return self._check(request, "read", "rest_cannot_read", self.cannot_read_items)

    def get_item_permissions_check(self, request: Request) -> bool:
        self.get_post(request.get("id"))
        return self._check(request, "read", "rest_cannot_read", self.cannot_read_item)

    def create_item_permissions_check(self, request: Request) -> bool:
        return self._check(request, "create_posts", "rest_cannot_create", _CANNOT_CREATE)

    def delete_item_permissions_check(self, request: Request) -> bool:
        self.get_post(request.get("id"))
        return self._check(request, "delete_posts", "rest_cannot_delete", _CANNOT_DELETE)


class FontFamiliesController(_FontPosts):
    """WP_REST_Font_Families_Controller (a posts controller for `wp_font_family`)."""

    settings_key = "font_family_settings"
    what = "font_family_settings"
    cannot_read_items = "Sorry, you are not allowed to access font families."
    cannot_read_item = "Sorry, you are not allowed to access this font family."

    def validate_font_family_settings(self, value: Any, params: Any, name: str) -> Any:
        result = self._validate_settings(value, updating=params.get_param("id") is not None)
        return result if isinstance(result, RestError) else True

    def sanitize_font_family_settings(self, value: Any, params: Any, name: str) -> Any:
        return self._sanitize_settings(value)

    def update_item_permissions_check(self, request: Request) -> bool:
        self.get_post(request.get("id"))
        return self._check(request, "edit_posts", "rest_cannot_edit", _CANNOT_EDIT)


class FontFacesController(_FontPosts):
    """WP_REST_Font_Faces_Controller (font faces are children of a font family)."""

    settings_key = "font_face_settings"
    what = "font_face_setting"
    cannot_read_items = "Sorry, you are not allowed to access font faces."
    cannot_read_item = "Sorry, you are not allowed to access this font face."

    def validate_create_font_face_settings(self, value: Any, params: Any, name: str) -> Any:
        settings = self._validate_settings(value, updating=False)
        if isinstance(settings, RestError):
            return settings
        sources = settings["src"] if isinstance(settings.get("src"), list) else [settings["src"]]
        for src in sources:
            if not _php.to_str(src).lstrip():
                return RestError(
                    "rest_invalid_param",
                    "font_face_settings[src] values must be non-empty strings.",
                    {"status": 400},
                )
        return True

    def sanitize_font_face_settings(self, value: Any, params: Any, name: str) -> Any:
        return self._sanitize_settings(value)


class FontCollectionsController:
    """WP_REST_Font_Collections_Controller: core registers no collection unless the site may
    reach WordPress.org (Google Fonts); reading needs `edit_theme_options`."""

    def __init__(self, app: App) -> None:
        self.app = app

    def get_items_permissions_check(self, request: Request) -> bool:
        if self.app.auth.can(request.user, "edit_theme_options"):
            return True
        raise forbid(
            self.app,
            request,
            "rest_cannot_read",
            "Sorry, you are not allowed to access font collections.",
        )


def register_font_families_routes(app: App) -> None:
    """`wp_font_family`'s routes, at its place among the post types."""
    family = app.post_types.get("wp_font_family")
    if family is not None and family.show_in_rest:
        controller = FontFamiliesController(app, family, font_family_schema())
        register_specs(app, controller, font_families_routes(family, app.registries))


def register_font_faces_routes(app: App) -> None:
    """`wp_font_face`'s routes, right after the font families'."""
    face = app.post_types.get("wp_font_face")
    if face is not None and face.show_in_rest:
        faces = FontFacesController(app, face, font_face_schema())
        register_specs(app, faces, font_faces_routes(face, app.registries))


def register_font_collections_routes(app: App) -> None:
    """Registered after the navigation fallback route."""
    register_specs(app, FontCollectionsController(app), font_collections_routes())
