"""Who may read and change comments (WP_REST_Comments_Controller's permission checks).

WordPress counterparts: `get_items_permissions_check()`, `get_item_permissions_check()`,
`create_item_permissions_check()`, `update_item_permissions_check()`,
`delete_item_permissions_check()`, `check_read_post_permission()`, `check_read_permission()`,
`check_edit_permission()`, `get_comment()`, and `map_meta_cap( 'edit_comment' )`.
"""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING, Any

from pressbox.content.context import PostData
from pressbox.endpoints.posts import PostsController
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.schema import _php
from pressbox.store.comments_query import CommentRow, CommentsStore

if TYPE_CHECKING:
    from pressbox.app import App

# The query parameters only someone who may `edit_posts` can set to other than their default.
PROTECTED_PARAMS = ("author", "author_exclude", "author_email", "type", "status")


class CommentPermissions:
    """The permission callbacks of the comments routes, mixed into the controller."""

    app: App
    store: CommentsStore
    _posts_controllers: dict[str, PostsController]

    # -- capabilities -----------------------------------------------------------------------

    def can(self, request: Request, cap: str) -> bool:
        return self.app.auth.can(request.user, cap)

    @staticmethod
    def current_user_id(request: Request) -> int:
        return request.user.id if request.user is not None else 0

    def can_edit_post(self, request: Request, post: PostData | None) -> bool:
        return post is not None and self.app.auth.can_edit_post(request.user, post)

    def can_edit_comment(self, request: Request, comment: CommentRow) -> bool:
        """map_meta_cap( 'edit_comment' ): `edit_post` of its post, or `edit_posts` if orphaned."""
        post = self.app.site.post(comment.post_id)
        if post is not None:
            return self.can_edit_post(request, post)
        return self.can(request, "edit_posts")

    def _forbid(self, code: str, message: str, request: Request) -> RestException:
        return RestException(code, message, self.app.server.authorization_required_code(request))

    # -- reading permissions ----------------------------------------------------------------

    def _posts_controller(self, post_type: str) -> PostsController | None:
        """The post type's REST controller, or a posts controller for it (as WordPress makes)."""
        registered = self.app.controllers.get(post_type)
        if isinstance(registered, PostsController):
            return registered
        if post_type not in self._posts_controllers:
            type_object = self.app.post_types.get(post_type)
            if type_object is None:
                return None
            self._posts_controllers[post_type] = PostsController(self.app, type_object)
        return self._posts_controllers[post_type]

    @staticmethod
    def can_access_password_content(post: PostData, request: Request, can_edit: bool) -> bool:
        """WP_REST_Posts_Controller::can_access_password_content()."""
        if not post.post_password:
            return False
        if request.get("context") == "edit" and can_edit:
            return True
        password = request.get("password")
        if _php.is_empty(password):
            return False
        return hmac.compare_digest(post.post_password.encode(), str(password).encode())

    def check_read_post_permission(self, post: PostData, request: Request) -> bool:
        """Whether the reader may read the comment's post; a password counts only when one
        post or one comment was asked for."""
        type_object = self.app.post_types.get(post.post_type)
        controller = self._posts_controller(post.post_type)
        if type_object is None or controller is None:
            return False
        can_edit = self.can_edit_post(request, post)
        posts = request.get("post")
        requested_post = not _php.is_empty(posts) and (
            not isinstance(posts, list) or len(posts) == 1
        )
        requested_comment = not _php.is_empty(request.get("id"))
        # post_password_required(): no cookie is ever sent, so a password is always missing
        # unless the request carries the right one.
        password_required = bool(post.post_password) and not (
            (requested_post or requested_comment)
            and self.can_access_password_content(post, request, can_edit)
        )
        if password_required:
            return can_edit
        # check_is_post_type_allowed(): only types shown in REST.
        return type_object.show_in_rest and controller.check_read_permission(post, request)

    def check_read_permission(self, comment: CommentRow, request: Request) -> bool:
        """Approved comments of readable posts, or what the reader may edit."""
        if comment.type != "note" and comment.post_id:
            post = self.app.site.post(comment.post_id)
            if (
                post is not None
                and self.check_read_post_permission(post, request)
                and comment.approved == "1"
            ):
                return True
        user_id = self.current_user_id(request)
        if not user_id:
            return False
        if not comment.post_id and not self.can(request, "moderate_comments"):
            return False
        if comment.user_id and comment.user_id == user_id:
            return True
        return self.can_edit_comment(request, comment)

    def check_edit_permission(self, comment: CommentRow, request: Request) -> bool:
        if not self.current_user_id(request):
            return False
        if self.can(request, "moderate_comments"):
            return True
        return self.can_edit_comment(request, comment)

    def get_comment(self, raw_id: Any) -> CommentRow:
        """The comment with this id, or `rest_comment_invalid_id` (`rest_post_invalid_id`
        when its post is gone)."""
        comment_id = _php.to_int(raw_id)  # `(int) $id`, as WordPress reads it
        comment = self.store.comment(comment_id) if comment_id > 0 else None
        if comment is None:
            raise RestException("rest_comment_invalid_id", "Invalid comment ID.", 404)
        if comment.post_id and self.app.site.post(comment.post_id) is None:
            raise RestException("rest_post_invalid_id", "Invalid post ID.", 404)
        return comment

    def supports_notes(self, post_type: str) -> bool:
        """`check_post_type_supports_notes()`: `editor` support with `notes` set."""
        type_object = self.app.post_types.get(post_type)
        editor = type_object.supports.get("editor") if type_object is not None else None
        return isinstance(editor, tuple) and any(not _php.is_empty(a.get("notes")) for a in editor)

    def _forbidden_params(self, request: Request) -> list[str]:
        forbidden: list[str] = []
        for param in PROTECTED_PARAMS:
            value = request.get(param)
            if param == "status":
                if value != "approve":
                    forbidden.append(param)
            elif param == "type":
                if value != "comment":
                    forbidden.append(param)
            elif not _php.is_empty(value):
                forbidden.append(param)
        return forbidden

    def _forbidden_param_error(self, forbidden: list[str], request: Request) -> RestException:
        return self._forbid(
            "rest_forbidden_param",
            "Query parameter not permitted: " + ", ".join(forbidden),
            request,
        )

    def get_items_permissions_check(self, request: Request) -> bool:
        is_note = request.get("type") == "note"
        is_edit = request.get("context") == "edit"
        posts = request.get("post")
        if not _php.is_empty(posts):
            # Unvalidated values reach here too (`Allow`): PHP's (array) and get_post()'s (int).
            for post_id in _php.to_array(posts):
                post = self.app.site.post(_php.to_int(post_id)) if post_id else None
                if post_id and post is not None:
                    if not self.check_read_post_permission(post, request):
                        raise self._forbid(
                            "rest_cannot_read_post",
                            "Sorry, you are not allowed to read the post for this comment.",
                            request,
                        )
                elif post_id == 0 and not self.can(request, "moderate_comments"):
                    raise self._forbid(
                        "rest_cannot_read",
                        "Sorry, you are not allowed to read comments without a post.",
                        request,
                    )
                if post is not None and is_note and not self.supports_notes(post.post_type):
                    if self.can_edit_post(request, post):
                        raise RestException(
                            "rest_comment_not_supported_post_type",
                            "Sorry, this post type does not support notes.",
                            403,
                        )
                    raise self._forbidden_param_error(self._forbidden_params(request), request)
        if is_edit and is_note and not _php.is_empty(posts):
            for post_id in posts if isinstance(posts, list) else [posts]:
                if not self.can_edit_post(request, self.app.site.post(int(post_id))):
                    raise self._forbid(
                        "rest_forbidden_context",
                        "Sorry, you are not allowed to edit comments.",
                        request,
                    )
        elif is_edit and not self.can(request, "moderate_comments"):
            raise self._forbid(
                "rest_forbidden_context", "Sorry, you are not allowed to edit comments.", request
            )
        if not self.can(request, "edit_posts"):
            forbidden = self._forbidden_params(request)
            if forbidden:
                raise self._forbidden_param_error(forbidden, request)
        return True

    def get_item_permissions_check(self, request: Request) -> bool:
        comment = self.get_comment(request.get("id"))
        if request.get("context") == "edit":
            can_edit = (
                self.can_edit_comment(request, comment)
                if comment.type == "note"
                else self.can(request, "moderate_comments")
            )
            if not can_edit:
                raise self._forbid(
                    "rest_forbidden_context",
                    "Sorry, you are not allowed to edit comments.",
                    request,
                )
        if not self.check_read_permission(comment, request):
            raise self._forbid(
                "rest_cannot_read", "Sorry, you are not allowed to read this comment.", request
            )
        post = self.app.site.post(comment.post_id) if comment.post_id else None
        if post is not None and not self.check_read_post_permission(post, request):
            raise self._forbid(
                "rest_cannot_read_post",
                "Sorry, you are not allowed to read the post for this comment.",
                request,
            )
        return True

    def permission_key(self, request: Request) -> Any:
        """What the item route's permission checks depend on, besides the user."""
        try:
            comment = self.get_comment(request.get("id"))
        except RestException as exc:
            return ("error", exc.code)
        post = self.app.site.post(comment.post_id) if comment.post_id else None
        post_key = (
            None
            if post is None
            else (post.id if post.post_password else 0, post.post_type, post.post_status)
        )
        owner = comment.user_id if request.user is not None else 0
        return (
            comment.approved,
            comment.type == "note",
            owner,
            post_key,
            post.post_author if post is not None and request.user is not None else 0,
            tuple(sorted((k, repr(v)) for k, v in request.query.items())),
        )

    # -- writing permissions (the writes themselves are not served yet) ---------------------

    def create_item_permissions_check(self, request: Request) -> bool:
        is_note = request.get("type") == "note"
        if not self.current_user_id(request):
            # Anonymous comments need the `rest_allow_anonymous_comments` filter: off.
            raise RestException(
                "rest_comment_login_required", "Sorry, you must be logged in to comment.", 401
            )
        if not self.can(request, "moderate_comments"):
            author = request.get("author")
            if author is not None and author != self.current_user_id(request):
                raise self._forbid(
                    "rest_comment_invalid_author",
                    "Sorry, you are not allowed to edit 'author' for comments.",
                    request,
                )
            if request.get("author_ip") is not None:
                raise self._forbid(
                    "rest_comment_invalid_author_ip",
                    "Sorry, you are not allowed to edit 'author_ip' for comments.",
                    request,
                )
        post_id = _php.to_int(request.get("post"))
        post = self.app.site.post(post_id) if post_id else None
        if is_note and post_id and not self.can_edit_post(request, post):
            raise self._forbid(
                "rest_cannot_create_note",
                "Sorry, you are not allowed to create notes for this post.",
                request,
            )
        may_set_status = (
            self.can_edit_post(request, post) if is_note else self.can(request, "moderate_comments")
        )
        if request.get("status") is not None and not may_set_status:
            raise self._forbid(
                "rest_comment_invalid_status",
                "Sorry, you are not allowed to edit 'status' for comments.",
                request,
            )
        if post is None:
            raise RestException(
                "rest_comment_invalid_post_id",
                "Sorry, you are not allowed to create this comment without a post.",
                403,
            )
        return self._check_post_accepts_comment(post, is_note, request)

    def _check_post_accepts_comment(self, post: PostData, is_note: bool, request: Request) -> bool:
        closed = "Sorry, you are not allowed to create a comment on this post."
        if is_note and not self.supports_notes(post.post_type):
            raise RestException(
                "rest_comment_not_supported_post_type",
                "Sorry, this post type does not support notes.",
                403,
            )
        if post.post_status == "draft" and not is_note:
            raise RestException("rest_comment_draft_post", closed, 403)
        if post.post_status == "trash":
            raise RestException("rest_comment_trash_post", closed, 403)
        if not self.check_read_post_permission(post, request):
            raise self._forbid(
                "rest_cannot_read_post",
                "Sorry, you are not allowed to read the post for this comment.",
                request,
            )
        if post.comment_status != "open" and not is_note:
            raise RestException(
                "rest_comment_closed", "Sorry, comments are closed for this item.", 403
            )
        return True

    def update_item_permissions_check(self, request: Request) -> bool:
        if not self.check_edit_permission(self.get_comment(request.get("id")), request):
            raise self._forbid(
                "rest_cannot_edit", "Sorry, you are not allowed to edit this comment.", request
            )
        return True

    def delete_item_permissions_check(self, request: Request) -> bool:
        if not self.check_edit_permission(self.get_comment(request.get("id")), request):
            raise self._forbid(
                "rest_cannot_delete", "Sorry, you are not allowed to delete this comment.", request
            )
        return True
