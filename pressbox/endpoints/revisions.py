"""Revisions and autosaves of posts (WP_REST_Revisions_Controller, WP_REST_Autosaves_Controller).

Reading them needs the right to edit the parent post; until authentication lands every
request is anonymous, so these answer WordPress's permission errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressbox.content.context import PostData
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.endpoints.posts import PostsController


class RevisionsController:
    def __init__(self, app: App, parent: PostsController) -> None:
        self.app = app
        self.parent_controller = parent

    def get_parent(self, raw_id: object) -> PostData:
        """WP_REST_Revisions_Controller::get_parent."""
        try:
            parent_id = int(str(raw_id))
        except ValueError:
            parent_id = 0
        post = self.app.site.post(parent_id) if parent_id > 0 else None
        if post is None or post.post_type != self.parent_controller.post_type.name:
            raise RestException("rest_post_invalid_parent", "Invalid post parent ID.", 404)
        return post

    def get_items_permissions_check(self, request: Request) -> bool:
        parent = self.get_parent(request.get("parent"))
        if not self.app.auth.can_edit_post(request.user, parent):
            raise RestException(
                "rest_cannot_read",
                "Sorry, you are not allowed to view revisions of this post.",
                self.app.server.authorization_required_code(request),
            )
        return True

    def get_item_permissions_check(self, request: Request) -> bool:
        return self.get_items_permissions_check(request)

    def delete_item_permissions_check(self, request: Request) -> bool:
        parent = self.get_parent(request.get("parent"))
        if not self.app.auth.can_delete_post(request.user, parent):
            raise RestException(
                "rest_cannot_delete",
                "Sorry, you are not allowed to delete revisions of this post.",
                self.app.server.authorization_required_code(request),
            )
        return True


class AutosavesController(RevisionsController):
    def get_parent(self, raw_id: object) -> PostData:
        try:
            parent_id = int(str(raw_id))
        except ValueError:
            parent_id = 0
        post = self.app.site.post(parent_id) if parent_id > 0 else None
        if post is None:
            raise RestException("rest_post_invalid_id", "Invalid post ID.", 404)
        return post

    def get_items_permissions_check(self, request: Request) -> bool:
        parent = self.get_parent(request.get("id") or request.get("parent"))
        if not self.app.auth.can_edit_post(request.user, parent):
            raise RestException(
                "rest_cannot_read",
                "Sorry, you are not allowed to view autosaves of this post.",
                self.app.server.authorization_required_code(request),
            )
        return True

    def create_item_permissions_check(self, request: Request) -> bool:
        parent = self.get_parent(request.get("id"))
        if not self.app.auth.can_edit_post(request.user, parent):
            raise RestException(
                "rest_cannot_edit",
                "Sorry, you are not allowed to edit this post.",
                self.app.server.authorization_required_code(request),
            )
        return True
