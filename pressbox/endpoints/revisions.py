"""Revisions and autosaves of posts (WP_REST_Revisions_Controller, WP_REST_Autosaves_Controller).

Reading them needs the right to edit the parent post; until authentication lands every
request is anonymous, so these answer WordPress's permission errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressbox.content.context import PostData
from pressbox.endpoints.controller_routes import forbid
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.schema import _php

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.endpoints.posts import PostsController

VIEW_REVISIONS = "Sorry, you are not allowed to view revisions of this post."
VIEW_AUTOSAVES = "Sorry, you are not allowed to view autosaves of this post."
DELETE_REVISIONS = "Sorry, you are not allowed to delete revisions of this post."


def _post(app: App, raw_id: object) -> PostData | None:
    post_id = _php.to_int(raw_id)  # `(int) $id`
    return app.site.post(post_id) if post_id > 0 else None


def find_parent(app: App, raw_id: object, post_type: str) -> PostData:
    """WP_REST_Revisions_Controller::get_parent: the post `raw_id` of `post_type`."""
    post = _post(app, raw_id)
    if post is None or post.post_type != post_type:
        raise RestException("rest_post_invalid_parent", "Invalid post parent ID.", 404)
    return post


class RevisionChecks:
    """The permission checks every revisions controller shares: the parent is found first,
    then the user must be allowed to edit it."""

    app: App

    def get_parent(self, raw_id: object) -> PostData:
        raise NotImplementedError

    def can_edit_parent(self, request: Request, parent: PostData) -> bool:
        raise NotImplementedError

    def check_parent(self, request: Request, raw_id: object, code: str, message: str) -> PostData:
        """The parent `raw_id`, if the user may edit it; else the error `code`, `message`."""
        parent = self.get_parent(raw_id)
        if not self.can_edit_parent(request, parent):
            raise forbid(self.app, request, code, message)
        return parent

    def get_items_permissions_check(self, request: Request) -> bool:
        self.check_parent(request, request.get("parent"), "rest_cannot_read", VIEW_REVISIONS)
        return True

    def get_item_permissions_check(self, request: Request) -> bool:
        return self.get_items_permissions_check(request)


class RevisionsController(RevisionChecks):
    def __init__(self, app: App, parent: PostsController) -> None:
        self.app = app
        self.parent_controller = parent

    def get_parent(self, raw_id: object) -> PostData:
        return find_parent(self.app, raw_id, self.parent_controller.post_type.name)

    def can_edit_parent(self, request: Request, parent: PostData) -> bool:
        return self.app.auth.can_edit_post(request.user, parent)

    def delete_item_permissions_check(self, request: Request) -> bool:
        parent = self.get_parent(request.get("parent"))
        if not self.app.auth.can_delete_post(request.user, parent):
            raise forbid(self.app, request, "rest_cannot_delete", DELETE_REVISIONS)
        return True


class AutosavesController(RevisionsController):
    def get_parent(self, raw_id: object) -> PostData:
        post = _post(self.app, raw_id)
        if post is None:
            raise RestException("rest_post_invalid_id", "Invalid post ID.", 404)
        return post

    def get_items_permissions_check(self, request: Request) -> bool:
        raw_id = request.get("id") or request.get("parent")
        self.check_parent(request, raw_id, "rest_cannot_read", VIEW_AUTOSAVES)
        return True

    def create_item_permissions_check(self, request: Request) -> bool:
        self.check_parent(
            request,
            request.get("id"),
            "rest_cannot_edit",
            "Sorry, you are not allowed to edit this post.",
        )
        return True
