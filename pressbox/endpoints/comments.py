"""Comments: the collection and one comment (WP_REST_Comments_Controller)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from pressbox.content.avatars import AvatarOptions
from pressbox.content.comment_text import CommentTextRenderer
from pressbox.endpoints.avatar_schemas import AvatarSchemas
from pressbox.endpoints.comments_permissions import CommentPermissions
from pressbox.endpoints.controller_routes import spec_endpoints
from pressbox.endpoints.posts import PostsController
from pressbox.rest.controller import add_pagination, fields_for_response
from pressbox.rest.dates import to_site_mysql
from pressbox.rest.message import Request, Response
from pressbox.schema import _php
from pressbox.schema.comments import (
    NAMESPACE,
    REST_BASE,
    comment_collection_params,
    comment_item_schema,
    comments_routes,
    register_core_comment_meta,
)
from pressbox.schema.sanitize import rest_validate_request_arg
from pressbox.store.comments_query import CommentQuery, CommentRow, CommentsStore
from pressbox.store.users_store import UsersStore

if TYPE_CHECKING:
    from pressbox.app import App

# REST `orderby` → WP_Comment_Query `orderby` (normalize_query_param()).
ORDERBY = {
    "id": "comment_ID",
    "post": "comment_post_ID",
    "parent": "comment_parent",
    "include": "comment__in",
}


class CommentsController(CommentPermissions):
    """Serves `/wp/v2/comments` and `/wp/v2/comments/{id}`."""

    namespace = NAMESPACE
    rest_base = REST_BASE

    def __init__(self, app: App) -> None:
        self.app = app
        self.store = CommentsStore(app.db)
        self.users = UsersStore(app.db, app.settings.table_prefix)
        self.text = CommentTextRenderer()
        self.schemas = AvatarSchemas(app, comment_item_schema)
        self._params: dict[bool, dict[str, Any]] = {}
        self._posts_controllers: dict[str, PostsController] = {}

    # -- schema -----------------------------------------------------------------------------

    def avatar_options(self) -> AvatarOptions:
        return self.schemas.avatar_options()

    def item_schema(self) -> dict[str, Any]:
        return self.schemas.item()

    def public_schema(self) -> dict[str, Any]:
        return self.schemas.public()

    def collection_params(self) -> dict[str, Any]:
        show = self.schemas.show()
        if show not in self._params:
            self._params[show] = comment_collection_params(self.item_schema())
        return self._params[show]

    def fields(self, request: Request) -> list[str]:
        return fields_for_response(self.item_schema(), request)

    # -- argument callbacks -----------------------------------------------------------------

    def check_comment_author_email(self, value: Any, params: Any, name: str) -> Any:
        """An e-mail address, or empty (allowed when updating)."""
        email = "" if value is None or value is False else str(value)
        if _php.is_empty(email):
            return email
        checked = rest_validate_request_arg(email, params, name)
        return email if checked is True else checked

    def check_meta_is_array(self, value: Any, params: Any, name: str) -> Any:
        return isinstance(value, dict | list)

    # -- reading ----------------------------------------------------------------------------

    def build_query(self, request: Request) -> CommentQuery:
        """get_items(): the REST parameters as WP_Comment_Query arguments."""
        registered = self.collection_params()

        def given(name: str) -> bool:
            return name in registered and request.get(name) is not None

        def ids(name: str) -> list[int]:
            return [int(v) for v in request[name]] if given(name) else []

        q = CommentQuery(
            author_in=ids("author"),
            author_not_in=ids("author_exclude"),
            comment_not_in=ids("exclude"),
            comment_in=ids("include"),
            parent_in=ids("parent"),
            parent_not_in=ids("parent_exclude"),
            post_in=ids("post"),
        )
        if given("author_email"):
            q.author_email = str(request["author_email"])
        if given("offset"):
            q.offset = int(request["offset"])
        if given("order"):
            q.order = str(request["order"])
        if given("per_page"):
            q.number = int(request["per_page"])
        if given("search"):
            q.search = str(request["search"])
        if given("status"):
            q.status = str(request["status"])
        if given("type"):
            q.type = str(request["type"])
        if "orderby" in registered:
            orderby = str(request.get("orderby") or "")
            q.orderby = ORDERBY.get(orderby, "comment_" + orderby)
        if given("before"):
            q.dates.append(("<", to_site_mysql(str(request["before"]), self.app.site)))
        if given("after"):
            q.dates.append((">", to_site_mysql(str(request["after"]), self.app.site)))
        if "page" in registered and _php.is_empty(request.get("offset")):
            q.offset = _php.page_offset(abs(_php.to_int(request.get("page"))), q.number)
        return q

    def get_items(self, request: Request) -> Response:
        q = self.build_query(request)
        ids, total = self.store.find(q)
        data: list[Any] = []
        if request.method != "HEAD":
            rows = self.store.comments(ids)
            readable = [
                rows[i] for i in ids if i in rows and self.check_read_permission(rows[i], request)
            ]
            data = self.prepare_items(readable, request)
        per_page = int(request.get("per_page") or 0)
        max_pages = math.ceil(total / per_page) if per_page else 0
        response = Response(data=data)
        page = int(request.get("page") or 0)
        collection = self.app.server.rest_url(f"{self.namespace}/{self.rest_base}")
        # `(string) $total_comments`: the comments controller casts its totals to strings.
        add_pagination(
            response, request, collection, page=page, total=total, max_pages=max_pages, as_text=True
        )
        return response

    def get_item(self, request: Request) -> Response:
        comment = self.get_comment(request.get("id"))
        if request.method == "HEAD":
            return Response(data=[])
        return Response(data=self.prepare_items([comment], request)[0])

    def prepare_items(self, comments: list[CommentRow], request: Request) -> list[Any]:
        from pressbox.endpoints.comments_prepare import prepare_comments

        return prepare_comments(self, comments, request)


# -- registration ---------------------------------------------------------------------------


def register_comments_routes(app: App) -> None:
    """Register the comments routes in WordPress's order (after the users routes)."""
    register_core_comment_meta(app.registries.meta)
    controller = CommentsController(app)
    app.controllers["comments"] = controller
    for spec in comments_routes(controller.item_schema()):
        app.routes.register(
            spec["namespace"],
            spec["route"],
            spec_endpoints(controller, spec),
            schema=controller.public_schema,
            permission_key=controller.permission_key if "(?P<id>" in spec["route"] else None,
        )
