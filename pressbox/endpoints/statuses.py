"""Post statuses `/wp/v2/statuses` (WP_REST_Post_Statuses_Controller).

A public status (`publish`) is visible to anyone; the other non-internal statuses and `trash`
only to users who may edit posts of some REST post type. The collection lists the
non-internal statuses, then `trash`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import forbid, register_specs
from pressbox.endpoints.types import post_type_items_route
from pressbox.rest.controller import fields_for_response, filter_item_by_context
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request, Response
from pressbox.rest.phpquery import add_query_arg
from pressbox.schema.statuses import status_schema, statuses_routes

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.statuses import PostStatus


def status_visible(status: PostStatus, can_edit_posts: bool) -> bool:
    """`check_read_permission()`: public, or editable by a user who may edit posts."""
    if status.public:
        return True
    return (not status.internal or status.name == "trash") and can_edit_posts


class PostStatusesController:
    """WP_REST_Post_Statuses_Controller."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.schema = status_schema()

    def _can_edit_posts(self, request: Request) -> bool:
        # The statuses controller asks each REST type's `edit_posts` capability.
        return any(
            self.app.auth.can(request.user, t.cap["edit_posts"])
            for t in self.app.post_types.in_rest()
        )

    def get_items_permissions_check(self, request: Request) -> bool:
        if request.get("context") != "edit" or self._can_edit_posts(request):
            return True
        raise forbid(
            self.app,
            request,
            "rest_cannot_view",
            "Sorry, you are not allowed to manage post statuses.",
        )

    def get_item_permissions_check(self, request: Request) -> bool:
        status = self.app.post_statuses.get(str(request.get("status")))
        if status is None:
            raise RestException("rest_status_invalid", "Invalid status.", 404)
        if not status_visible(status, self._can_edit_posts(request)):
            raise forbid(self.app, request, "rest_cannot_read_status", "Cannot view status.")
        return True

    def get_items(self, request: Request) -> Response:
        statuses = {s.name: s for s in self.app.post_statuses if not s.internal}
        trash = self.app.post_statuses.get("trash")
        if trash is not None:
            statuses["trash"] = trash
        can_edit = self._can_edit_posts(request)
        data = {
            name: self.prepare_item_for_response(status, request)
            for name, status in statuses.items()
            if status_visible(status, can_edit)
        }
        return Response(data=data if data else [])  # an empty PHP array

    def get_item(self, request: Request) -> Response:
        status = self.app.post_statuses.get(str(request.get("status")))
        if status is None:
            raise RestException("rest_status_invalid", "Invalid status.", 404)
        return Response(data=self.prepare_item_for_response(status, request))

    def prepare_item_for_response(self, status: PostStatus, request: Request) -> Any:
        fields = fields_for_response(self.schema, request)
        data: dict[str, Any] = {}
        # `in_array( $field, $fields )`: only whole top-level names count here.
        if "name" in fields:
            data["name"] = status.label
        if "private" in fields:
            data["private"] = status.private
        if "protected" in fields:
            data["protected"] = status.protected
        if "public" in fields:
            data["public"] = status.public
        if "queryable" in fields:
            data["queryable"] = status.publicly_queryable
        if "show_in_list" in fields:
            data["show_in_list"] = status.show_in_admin_all_list
        if "slug" in fields:
            data["slug"] = status.name
        if "date_floating" in fields:
            data["date_floating"] = status.date_floating
        data = filter_item_by_context(data, self.schema, request.get("context") or "view")
        response = Response(data=data)
        # The archives link is added whatever `_fields` asks for.
        posts = self.app.server.rest_url(post_type_items_route(self.app.post_types.get("post")))
        if status.name == "publish":
            response.add_link("archives", posts)
        else:
            response.add_link("archives", add_query_arg({"status": status.name}, posts))
        return self.app.server.response_to_data(response, request, False)


def register_statuses_routes(app: App) -> None:
    """Registered after the post types' route, before the taxonomies."""
    register_specs(app, PostStatusesController(app), statuses_routes())
