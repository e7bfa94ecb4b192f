"""Users: the collection, one user and the current user (WP_REST_Users_Controller)."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from pressbox.content.avatars import AvatarOptions
from pressbox.endpoints.avatar_schemas import AvatarSchemas
from pressbox.endpoints.controller_routes import bind_callbacks as _bind
from pressbox.endpoints.controller_routes import not_implemented as _not_implemented
from pressbox.rest.controller import add_pagination, fields_for_response
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request, Response
from pressbox.rest.routes import Endpoint, allow_all
from pressbox.schema import _php
from pressbox.schema.errors import RestError
from pressbox.schema.users import (
    NAMESPACE,
    REST_BASE,
    register_core_user_meta,
    user_collection_params,
    user_item_schema,
    users_routes,
)
from pressbox.store.site import request_memo
from pressbox.store.users_store import UserQuery, UserRow, UsersStore

if TYPE_CHECKING:
    from pressbox.app import App

# REST `orderby` → WP_User_Query `orderby`.
ORDERBY = {
    "id": "ID",
    "include": "include",
    "name": "display_name",
    "registered_date": "registered",
    "slug": "user_nicename",
    "include_slugs": "nicename__in",
    "email": "user_email",
    "url": "user_url",
}
# REST `search_columns` → users table columns.
SEARCH_COLUMNS = {
    "id": "ID",
    "username": "user_login",
    "slug": "user_nicename",
    "email": "user_email",
    "name": "display_name",
}
# What someone without `list_users` may search (never the email).
PUBLIC_SEARCH_COLUMNS = ["ID", "user_login", "user_nicename", "display_name"]
ALL_SEARCH_COLUMNS = ["ID", "user_login", "user_nicename", "user_email", "display_name"]
_STRICT_USERNAME = re.compile(r"[A-Za-z0-9 _.\-@]+")


class UsersController:
    """Serves `/wp/v2/users`, `/wp/v2/users/{id}` and `/wp/v2/users/me`."""

    namespace = NAMESPACE
    rest_base = REST_BASE

    def __init__(self, app: App) -> None:
        self.app = app
        self.prefix = app.settings.table_prefix
        self.store = UsersStore(app.db, self.prefix)
        self.schemas = AvatarSchemas(app, user_item_schema)
        self._params: dict[str, Any] | None = None

    # -- schema -----------------------------------------------------------------------------

    def avatar_options(self) -> AvatarOptions:
        return self.schemas.avatar_options()

    def item_schema(self) -> dict[str, Any]:
        return self.schemas.item()

    def public_schema(self) -> dict[str, Any]:
        return self.schemas.public()

    def rest_post_types(self) -> list[str]:
        """`get_post_types( array( 'show_in_rest' => true ), 'names' )`."""
        return [t.name for t in self.app.post_types.in_rest()]

    def collection_params(self) -> dict[str, Any]:
        if self._params is None:
            self._params = user_collection_params(self.item_schema(), self.rest_post_types())
        return self._params

    # -- capabilities (map_meta_cap for the user meta capabilities) -------------------------

    def can(self, request: Request, cap: str) -> bool:
        return self.app.auth.can(request.user, cap)

    @staticmethod
    def current_user_id(request: Request) -> int:
        return request.user.id if request.user is not None else 0

    def can_edit_user(self, request: Request, user_id: int) -> bool:
        """`edit_user`: everyone may edit themselves; others need `edit_users`."""
        current = self.current_user_id(request)
        if current and current == user_id:
            return True
        return self.can(request, "edit_users")

    def _forbid(self, code: str, message: str, request: Request) -> RestException:
        return RestException(code, message, self.app.server.authorization_required_code(request))

    # -- argument callbacks -----------------------------------------------------------------

    def check_reassign(self, value: Any, params: Any, name: str) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and re.fullmatch(
            r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*", value
        ):
            return value
        if _php.is_empty(value) or value == "false":
            return False
        return RestError("rest_invalid_param", "Invalid user parameter(s).", {"status": 400})

    def check_username(self, value: Any, params: Any, name: str) -> Any:
        """The username must survive `sanitize_user( $username, true )` unchanged."""
        username = "" if value is None else str(value)
        valid = (
            _STRICT_USERNAME.fullmatch(username) is not None
            and username == username.strip()
            and "  " not in username
            and username != "0"
        )
        if not valid:
            return RestError(
                "rest_user_invalid_username",
                "This username is invalid because it uses illegal characters. Please enter a valid username.",
                {"status": 400},
            )
        return username

    def check_user_password(self, value: Any, params: Any, name: str) -> Any:
        password = "" if value is None else str(value)
        if _php.is_empty(password):
            return RestError(
                "rest_user_invalid_password", "Passwords cannot be empty.", {"status": 400}
            )
        if "\\" in password:
            return RestError(
                "rest_user_invalid_password",
                'Passwords cannot contain the "\\" character.',
                {"status": 400},
            )
        return password

    def sanitize_slug(self, value: Any, params: Any, name: str) -> Any:
        from pressbox.wxr.slugs import sanitize_title

        return sanitize_title(str(value))

    def check_meta_is_array(self, value: Any, params: Any, name: str) -> Any:
        return isinstance(value, dict | list)

    # -- permissions ------------------------------------------------------------------------

    def get_items_permissions_check(self, request: Request) -> bool:
        list_users = self.can(request, "list_users")
        if not _php.is_empty(request.get("roles")) and not list_users:
            raise self._forbid(
                "rest_user_cannot_view",
                "Sorry, you are not allowed to filter users by role.",
                request,
            )
        if not _php.is_empty(request.get("capabilities")) and not list_users:
            raise self._forbid(
                "rest_user_cannot_view",
                "Sorry, you are not allowed to filter users by capability.",
                request,
            )
        if request.get("context") == "edit" and not list_users:
            raise self._forbid(
                "rest_forbidden_context", "Sorry, you are not allowed to edit users.", request
            )
        if request.get("orderby") in ("email", "registered_date") and not list_users:
            raise self._forbid(
                "rest_forbidden_orderby",
                "Sorry, you are not allowed to order users by this parameter.",
                request,
            )
        if request.get("who") == "authors":
            for post_type in self.app.post_types.in_rest():
                if post_type.supports_feature("author") and self.can(
                    request, post_type.cap["edit_posts"]
                ):
                    return True
            raise self._forbid(
                "rest_forbidden_who",
                "Sorry, you are not allowed to query users by this parameter.",
                request,
            )
        return True

    def get_user(self, raw_id: Any) -> UserRow:
        """The user with this id, or `rest_user_invalid_id`."""
        user_id = _php.to_int(raw_id)  # `(int) $id`, as WordPress reads it
        user = self.store.user(user_id) if user_id > 0 else None
        if user is None:
            raise RestException("rest_user_invalid_id", "Invalid user ID.", 404)
        return user

    def get_item_permissions_check(self, request: Request) -> bool:
        user = self.get_user(request.get("id"))
        if self.current_user_id(request) == user.id:
            return True
        can_edit = self.can_edit_user(request, user.id)
        if request.get("context") == "edit" and not can_edit:
            raise self._forbid(
                "rest_forbidden_context", "Sorry, you are not allowed to edit this user.", request
            )
        if (
            not can_edit
            and not self.can(request, "list_users")
            and not self._has_posts(request, user.id)
        ):
            raise self._forbid(
                "rest_user_cannot_view", "Sorry, you are not allowed to list users.", request
            )
        return True

    def countable_types(self, request: Request) -> tuple[list[str], list[str]]:
        """The types `count_user_posts()` counts, and those whose private posts count too."""
        memo = request_memo("countable_types")
        key = (request.user.id, request.user.caps) if request.user is not None else None
        if memo is not None and key in memo:
            hit: tuple[list[str], list[str]] = memo[key]
            return hit
        types = self.app.post_types.in_rest()
        private = [t.name for t in types if self.can(request, t.cap["read_private_posts"])]
        answer = [t.name for t in types], private
        if memo is not None:
            memo[key] = answer
        return answer

    def _has_posts(self, request: Request, user_id: int) -> bool:
        """`count_user_posts( $id, $show_in_rest_types )` as the current user sees it, which
        WordPress only tests for zero."""
        return self.store.has_posts(user_id, *self.countable_types(request))

    def create_item_permissions_check(self, request: Request) -> bool:
        if not self.can(request, "create_users"):
            raise self._forbid(
                "rest_cannot_create_user",
                "Sorry, you are not allowed to create new users.",
                request,
            )
        return True

    def _update_permission(self, request: Request, raw_id: Any) -> bool:
        user = self.get_user(raw_id)
        if not _php.is_empty(request.get("roles")):
            if not self.can(request, "promote_users"):
                raise self._forbid(
                    "rest_cannot_edit_roles",
                    "Sorry, you are not allowed to edit roles of this user.",
                    request,
                )
            params = sorted(request.params.get_params()) if request.params is not None else []
            if params == ["id", "roles"]:
                return True  # only the roles change: `promote_user` is enough
        if not self.can_edit_user(request, user.id):
            raise self._forbid(
                "rest_cannot_edit", "Sorry, you are not allowed to edit this user.", request
            )
        return True

    def update_item_permissions_check(self, request: Request) -> bool:
        return self._update_permission(request, request.get("id"))

    def update_current_item_permissions_check(self, request: Request) -> bool:
        return self._update_permission(request, self.current_user_id(request))

    def _delete_permission(self, request: Request, raw_id: Any) -> bool:
        self.get_user(raw_id)
        if not self.can(request, "delete_users"):
            raise self._forbid(
                "rest_user_cannot_delete",
                "Sorry, you are not allowed to delete this user.",
                request,
            )
        return True

    def delete_item_permissions_check(self, request: Request) -> bool:
        return self._delete_permission(request, request.get("id"))

    def delete_current_item_permissions_check(self, request: Request) -> bool:
        return self._delete_permission(request, self.current_user_id(request))

    # -- reading ----------------------------------------------------------------------------

    def build_query(self, request: Request) -> UserQuery:
        """get_items(): the REST parameters as WP_User_Query arguments."""
        registered = self.collection_params()

        def given(name: str) -> bool:
            return name in registered and request.get(name) is not None

        q = UserQuery()
        if given("exclude"):
            q.exclude = [int(v) for v in request["exclude"]]
        if given("include"):
            q.include = [int(v) for v in request["include"]]
        if given("order"):
            q.order = str(request["order"]).upper()
        if given("per_page"):
            q.number = int(request["per_page"])
        search = str(request["search"]) if given("search") else ""
        if given("roles"):
            q.role_in = [str(v) for v in request["roles"]]
        capabilities = [str(v) for v in request["capabilities"]] if given("capabilities") else []
        if given("slug"):
            q.nicename_in = [str(v) for v in request["slug"]]
        if "offset" in registered and not _php.is_empty(request.get("offset")):
            q.offset = int(request["offset"])
        else:
            q.offset = _php.page_offset(int(request.get("page") or 1), q.number)
        if "orderby" in registered:
            q.orderby = ORDERBY.get(str(request.get("orderby")), "")
        list_users = self.can(request, "list_users")
        if "who" in registered and request.get("who") == "authors":
            q.who_authors = True
        elif not list_users:
            q.has_published_posts = self.rest_post_types()
        published = request.get("has_published_posts")
        if not _php.is_empty(published):
            q.has_published_posts = (
                self.rest_post_types() if published is True else [str(v) for v in published]
            )
        if capabilities:
            q.role_in = self._roles_for_capabilities(q.role_in, capabilities)
        if not _php.is_empty(search):
            q.search_columns = self._search_columns(request, list_users)
            q.search = f"*{search}*"
        return q

    def _search_columns(self, request: Request, list_users: bool) -> list[str]:
        valid = ALL_SEARCH_COLUMNS if list_users else PUBLIC_SEARCH_COLUMNS
        asked = [
            SEARCH_COLUMNS[str(c)]
            for c in request.get("search_columns") or []
            if str(c) in SEARCH_COLUMNS
        ]
        columns = [c for c in asked if c in valid]
        if columns:
            return columns
        return [] if list_users else list(PUBLIC_SEARCH_COLUMNS)

    def _roles_for_capabilities(self, role_in: list[str], capabilities: list[str]) -> list[str]:
        """capability__in: the roles granting any of the caps, then the caps themselves."""
        roles = self.user_roles()
        for role, data in roles.items():
            caps = data.get("capabilities") if isinstance(data, dict) else None
            granted = [c for c, v in caps.items() if v] if isinstance(caps, dict) else []
            if any(cap in granted for cap in capabilities):
                role_in.append(role)
        return list(dict.fromkeys([*role_in, *capabilities]))

    def user_roles(self) -> dict[str, Any]:
        """`wp_roles()->roles`, from the `{prefix}user_roles` option."""
        roles = self.app.site.option(f"{self.prefix}user_roles", {})
        return roles if isinstance(roles, dict) else {}

    def get_items(self, request: Request) -> Response:
        q = self.build_query(request)
        ids, total = self.store.find(q)
        is_head = request.method == "HEAD"
        data: list[Any] = []
        if not is_head:
            rows = self.store.users(ids)
            users = [rows[i] for i in ids if i in rows]
            if request.get("context") == "edit":
                users = [u for u in users if self.can_edit_user(request, u.id)]
            data = self.prepare_items(users, request)
        response = Response(data=data)
        per_page = q.number
        page = math.ceil(q.offset / per_page + 1) if per_page > 0 else 1
        max_pages = math.ceil(total / per_page) if per_page > 0 else 1
        # `(int) $total_users` and `(int) ceil(…)`: numbers, as `_envelope` shows them.
        collection = self.app.server.rest_url(f"{self.namespace}/{self.rest_base}")
        add_pagination(response, request, collection, page=page, total=total, max_pages=max_pages)
        return response

    def get_item(self, request: Request) -> Response:
        user = self.get_user(request.get("id"))
        return self._single(user, request)

    def get_current_item(self, request: Request) -> Response:
        current = self.current_user_id(request)
        if not current:
            raise RestException("rest_not_logged_in", "You are not currently logged in.", 401)
        return self._single(self.get_user(current), request)

    def _single(self, user: UserRow, request: Request) -> Response:
        if request.method == "HEAD":
            return Response(data=[])
        return Response(data=self.prepare_items([user], request)[0])

    # -- prepare ----------------------------------------------------------------------------

    def prepare_items(self, users: list[UserRow], request: Request) -> list[Any]:
        from pressbox.endpoints.users_prepare import prepare_users

        return prepare_users(self, users, request)

    def fields(self, request: Request) -> list[str]:
        return fields_for_response(self.item_schema(), request)


# -- registration ---------------------------------------------------------------------------


def register_users_routes(app: App) -> None:
    """Register the users routes in WordPress's order (after the terms routes)."""
    register_core_user_meta(app.registries.meta, app.settings.table_prefix)
    controller = UsersController(app)
    app.controllers["users"] = controller
    for spec in users_routes(controller.item_schema(), controller.rest_post_types()):
        endpoints = []
        for ep in spec["endpoints"]:
            permission_name = ep["permission_callback"]
            permission = (
                allow_all
                if permission_name == "__return_true"
                else getattr(controller, permission_name)
            )
            callback = getattr(controller, ep["callback"], None) or _not_implemented(ep["callback"])
            endpoints.append(
                Endpoint(
                    tuple(ep["methods"]), callback, permission, args=_bind(ep["args"], controller)
                )
            )
        app.routes.register(
            spec["namespace"],
            spec["route"],
            endpoints,
            schema=controller.public_schema,
            allow_batch=spec.get("allow_batch"),
        )
