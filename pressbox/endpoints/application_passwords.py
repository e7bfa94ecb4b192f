"""A user's application passwords (WP_REST_Application_Passwords_Controller).

Passwords live where WordPress keeps them: a PHP-serialized list in the `_application_passwords`
user meta (`WP_Application_Passwords::get_user_application_passwords()`). Reading works for
any authenticated request; creating, renaming and deleting answer `rest_not_implemented`
until pressbox writes user meta.
"""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import not_implemented as _not_implemented
from pressbox.rest.controller import fields_for_response, filter_item_by_context
from pressbox.rest.errors import RestException
from pressbox.rest.fields import is_field_included
from pressbox.rest.message import Request, Response
from pressbox.rest.routes import Endpoint
from pressbox.schema import _php
from pressbox.schema.application_passwords import (
    NAMESPACE,
    USERMETA_KEY,
    application_password_schema,
    application_passwords_routes,
)
from pressbox.schema.posts import public_item_schema
from pressbox.store.phpserialize import maybe_unserialize
from pressbox.store.users_store import UserRow, UsersStore

if TYPE_CHECKING:
    from pressbox.app import App


@dataclass(frozen=True)
class AppPassword:
    """One stored application password (its hash is never read)."""

    uuid: str
    app_id: str
    name: str
    created: int  # Unix time
    last_used: int | None
    last_ip: str | None
    # The plain password, chunked; only right after it was created.
    new_password: str | None = None


def _php_truthy(value: Any) -> bool:
    return not _php.is_empty(value)


def parse_application_passwords(meta_value: str | None) -> list[AppPassword]:
    """`get_user_application_passwords()` from the raw meta value (not an array: none).

    WordPress gives a password without a uuid a new one and saves it; pressbox gives it one
    for this answer only (it does not write user meta yet).
    """
    if meta_value is None:
        return []
    stored = maybe_unserialize(meta_value)
    if not isinstance(stored, dict):
        return []
    out: list[AppPassword] = []
    for item in stored.values():
        if not isinstance(item, dict):
            continue
        raw_uuid = item.get("uuid")
        last_used = item.get("last_used")
        last_ip = item.get("last_ip")
        out.append(
            AppPassword(
                uuid=str(raw_uuid) if raw_uuid is not None else str(uuidlib.uuid4()),
                app_id=str(item["app_id"]) if _php_truthy(item.get("app_id")) else "",
                name=str(item.get("name") if item.get("name") is not None else ""),
                created=_php.to_int(item.get("created")),
                last_used=_php.to_int(last_used) if _php_truthy(last_used) else None,
                last_ip=str(last_ip) if _php_truthy(last_ip) else None,
            )
        )
    return out


def gmdate(timestamp: int) -> str:
    """`gmdate( 'Y-m-d\\TH:i:s', $timestamp )`."""
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def authenticated_app_password(request: Request) -> str | None:
    """`rest_get_authenticated_app_password()`: the uuid of the password that authenticated
    the request, which the authentication layer records on the user as `app_password`."""
    value = getattr(request.user, "app_password", None)
    return str(value) if value else None


class ApplicationPasswordsController:
    """WP_REST_Application_Passwords_Controller: `/wp/v2/users/{user_id}/application-passwords`."""

    namespace = NAMESPACE

    def __init__(self, app: App, available: bool = True) -> None:
        self.app = app
        self.store = UsersStore(app.db, app.settings.table_prefix)
        self.schema = application_password_schema()
        self._public = public_item_schema(self.schema)
        # wp_is_application_passwords_available(): pressbox authenticates with application
        # passwords, so they are on (WordPress: over HTTPS or in a `local` environment).
        self.available = available

    def public_schema(self) -> dict[str, Any]:
        return self._public

    # -- the user and what the current user may do ------------------------------------------

    @staticmethod
    def current_user_id(request: Request) -> int:
        return request.user.id if request.user is not None else 0

    def get_user(self, request: Request) -> UserRow:
        """The user of the URL (`me` is the current user), or WordPress's error."""
        if not self.available:
            raise RestException(
                "application_passwords_disabled",
                "Application passwords are not available.",
                501,
            )
        raw = request.get("user_id")
        if raw == "me":
            # Exactly `me`: the route's regex also lets `ME` through, which then reads as 0.
            current = self.current_user_id(request)
            if not current:
                raise RestException("rest_not_logged_in", "You are not currently logged in.", 401)
            user_id = current
        else:
            user_id = _php.to_int(raw)
        user = self.store.user(user_id) if user_id > 0 else None
        if user is None:
            raise RestException("rest_user_invalid_id", "Invalid user ID.", 404)
        # wp_is_application_passwords_available_for_user() is true for every existing user
        # unless a plugin filters it; pressbox has no such filter.
        return user

    def can_manage(self, request: Request, user_id: int) -> bool:
        """The `*_app_password(s)` meta caps: `edit_user` on the owner (themselves, or
        `edit_users`); nobody without an account."""
        current = self.current_user_id(request)
        if current < 1:
            return False
        return current == user_id or self.app.auth.can(request.user, "edit_users")

    def _check(self, request: Request, code: str, message: str) -> bool:
        user = self.get_user(request)
        if not self.can_manage(request, user.id):
            raise RestException(code, message, self.app.server.authorization_required_code(request))
        return True

    # -- permissions ------------------------------------------------------------------------

    def get_items_permissions_check(self, request: Request) -> bool:
        return self._check(
            request,
            "rest_cannot_list_application_passwords",
            "Sorry, you are not allowed to list application passwords for this user.",
        )

    def get_item_permissions_check(self, request: Request) -> bool:
        return self._check(
            request,
            "rest_cannot_read_application_password",
            "Sorry, you are not allowed to read this application password.",
        )

    def create_item_permissions_check(self, request: Request) -> bool:
        return self._check(
            request,
            "rest_cannot_create_application_passwords",
            "Sorry, you are not allowed to create application passwords for this user.",
        )

    def update_item_permissions_check(self, request: Request) -> bool:
        return self._check(
            request,
            "rest_cannot_edit_application_password",
            "Sorry, you are not allowed to edit this application password.",
        )

    def delete_items_permissions_check(self, request: Request) -> bool:
        return self._check(
            request,
            "rest_cannot_delete_application_passwords",
            "Sorry, you are not allowed to delete application passwords for this user.",
        )

    def delete_item_permissions_check(self, request: Request) -> bool:
        return self._check(
            request,
            "rest_cannot_delete_application_password",
            "Sorry, you are not allowed to delete this application password.",
        )

    def get_current_item_permissions_check(self, request: Request) -> bool:
        user = self.get_user(request)
        if self.current_user_id(request) != user.id:
            raise RestException(
                "rest_cannot_introspect_app_password_for_non_authenticated_user",
                "The authenticated application password can only be introspected for the "
                "current user.",
                self.app.server.authorization_required_code(request),
            )
        return True

    # -- reading ----------------------------------------------------------------------------

    def passwords(self, user_id: int) -> list[AppPassword]:
        """`get_user_application_passwords()`: the first meta row, as `get_user_meta( …, true )`."""
        values = self.store.meta([user_id], [USERMETA_KEY]).get(user_id, {}).get(USERMETA_KEY)
        return parse_application_passwords(values[0] if values else None)

    def find(self, user_id: int, uuid: str) -> AppPassword | None:
        """`get_user_application_password()`."""
        return next((p for p in self.passwords(user_id) if p.uuid == uuid), None)

    def get_application_password(self, request: Request, user: UserRow) -> AppPassword:
        found = self.find(user.id, str(request.get("uuid") or ""))
        if found is None:
            raise RestException(
                "rest_application_password_not_found", "Application password not found.", 404
            )
        return found

    def get_items(self, request: Request) -> Response:
        user = self.get_user(request)
        server = self.app.server
        data = [
            server.response_to_data(
                self.prepare_item_for_response(item, request, user), request, False
            )
            for item in self.passwords(user.id)
        ]
        return Response(data=data)

    def get_item(self, request: Request) -> Response:
        user = self.get_user(request)
        return self.prepare_item_for_response(
            self.get_application_password(request, user), request, user
        )

    def get_current_item(self, request: Request) -> Response:
        user = self.get_user(request)
        uuid = authenticated_app_password(request)
        if not uuid:
            raise RestException(
                "rest_no_authenticated_app_password", "Cannot introspect application password.", 404
            )
        found = self.find(user.id, uuid)
        if found is None:
            # The password that authenticated this very request is gone: a server error.
            raise RestException(
                "rest_application_password_not_found", "Application password not found.", 500
            )
        return self.prepare_item_for_response(found, request, user)

    # -- prepare ----------------------------------------------------------------------------

    def prepare_item_for_response(
        self, item: AppPassword, request: Request, user: UserRow
    ) -> Response:
        fields = fields_for_response(self.schema, request)
        data: dict[str, Any] = {
            "uuid": item.uuid,
            "app_id": item.app_id,
            "name": item.name,
            "created": gmdate(item.created),
            "last_used": gmdate(item.last_used) if item.last_used is not None else None,
            "last_ip": item.last_ip,
        }
        if item.new_password is not None:
            data["password"] = item.new_password
        context = request.get("context")
        response = Response(
            data=filter_item_by_context(data, self.schema, str(context) if context else "")
        )
        if is_field_included("_links", fields) or is_field_included("_embedded", fields):
            response.add_link(
                "self",
                self.app.server.rest_url(
                    f"{self.namespace}/users/{user.id}/application-passwords/{item.uuid}"
                ),
            )
        return response


# -- registration ---------------------------------------------------------------------------


def register_application_passwords_routes(app: App) -> None:
    """Register the application passwords routes in WordPress's order (after the users')."""
    controller = ApplicationPasswordsController(app)
    app.controllers["application-passwords"] = controller
    for spec in application_passwords_routes(controller.schema):
        endpoints = [
            Endpoint(
                tuple(ep["methods"]),
                getattr(controller, ep["callback"], None) or _not_implemented(ep["callback"]),
                getattr(controller, ep["permission_callback"]),
                args=ep["args"],
            )
            for ep in spec["endpoints"]
        ]
        app.routes.register(
            spec["namespace"], spec["route"], endpoints, schema=controller.public_schema
        )
