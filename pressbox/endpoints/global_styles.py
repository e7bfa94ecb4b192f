"""Global styles `/wp/v2/global-styles` (WP_REST_Global_Styles_Controller) and their revisions
(WP_REST_Global_Styles_Revisions_Controller).

Reading them is for users who may edit posts (theme styles) or read the `wp_global_styles`
post (`read_post` maps to `edit_posts`): anonymous readers get `rest_cannot_read_global_styles`
or `rest_cannot_view`. Answering needs the merged theme.json data, which pressbox does not
compute yet (501 past the checks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus

from pressbox.content.context import PostData
from pressbox.endpoints.controller_routes import can_edit_any_post_type, forbid, register_specs
from pressbox.endpoints.revisions import RevisionChecks, find_parent
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.schema import _php
from pressbox.schema.global_styles import (
    POST_TYPE,
    global_styles_revisions_routes,
    global_styles_routes,
)

if TYPE_CHECKING:
    from pressbox.app import App


class GlobalStylesController:
    """WP_REST_Global_Styles_Controller."""

    def __init__(self, app: App) -> None:
        self.app = app

    def _sanitize_global_styles_callback(self, value: Any, params: Any, name: str) -> str:
        return unquote_plus(_php.to_str(value))

    def get_post(self, raw_id: Any) -> PostData:
        post_id = _php.to_int(raw_id)
        post = self.app.site.post(post_id) if post_id > 0 else None
        if post is None or post.post_type != POST_TYPE:
            raise RestException(
                "rest_global_styles_not_found",
                "No global styles config exists with that ID.",
                404,
            )
        return post

    def _can(self, request: Request, cap: str) -> bool:
        post_type = self.app.post_types.get(POST_TYPE)
        return post_type is not None and self.app.auth.can(request.user, post_type.cap[cap])

    def check_read_permission(self, post: PostData, request: Request) -> bool:
        """`current_user_can( 'read_post' )`: published styles map to `edit_posts`."""
        if post.post_status == "publish":
            return self._can(request, "read")
        return self.app.auth.can_edit_post(request.user, post) and self._can(request, "edit_posts")

    def check_update_permission(self, post: PostData, request: Request) -> bool:
        return self._can(request, "edit_posts") and self.app.auth.can_edit_post(request.user, post)

    def get_item_permissions_check(self, request: Request) -> bool:
        post = self.get_post(request.get("id"))
        if request.get("context") == "edit" and not self.check_update_permission(post, request):
            raise forbid(
                self.app,
                request,
                "rest_forbidden_context",
                "Sorry, you are not allowed to edit this global style.",
            )
        if not self.check_read_permission(post, request):
            raise forbid(
                self.app,
                request,
                "rest_cannot_view",
                "Sorry, you are not allowed to view this global style.",
            )
        return True

    def update_item_permissions_check(self, request: Request) -> bool:
        post = self.get_post(request.get("id"))
        if not self.check_update_permission(post, request):
            raise forbid(
                self.app,
                request,
                "rest_cannot_edit",
                "Sorry, you are not allowed to edit this global style.",
            )
        return True

    def get_theme_item_permissions_check(self, request: Request) -> bool:
        # Editors of posts read the theme's styles; so do those who may edit theme options.
        if can_edit_any_post_type(self.app, request) or self.app.auth.can(
            request.user, "edit_theme_options"
        ):
            return True
        raise forbid(
            self.app,
            request,
            "rest_cannot_read_global_styles",
            "Sorry, you are not allowed to access the global styles on this site.",
        )

    def get_theme_items_permissions_check(self, request: Request) -> bool:
        return self.get_theme_item_permissions_check(request)


class GlobalStylesRevisionsController(RevisionChecks):
    """WP_REST_Global_Styles_Revisions_Controller: the permission checks of revisions."""

    def __init__(self, app: App, styles: GlobalStylesController) -> None:
        self.app = app
        self.styles = styles

    def get_parent(self, raw_id: object) -> PostData:
        return find_parent(self.app, raw_id, POST_TYPE)

    def can_edit_parent(self, request: Request, parent: PostData) -> bool:
        return self.styles.check_update_permission(parent, request)


def register_global_styles_routes(app: App) -> None:
    """`wp_global_styles`'s routes, at its place among the post types: revisions first."""
    styles = GlobalStylesController(app)
    register_specs(
        app, GlobalStylesRevisionsController(app, styles), global_styles_revisions_routes()
    )
    register_specs(app, styles, global_styles_routes())
