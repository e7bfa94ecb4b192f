"""Synced patterns `/wp/v2/blocks` (WP_REST_Blocks_Controller) and navigation menus
`/wp/v2/navigation` (`wp_navigation`, served by WP_REST_Posts_Controller).

Patterns are posts whose `read_post` capability maps to `edit_posts`: anonymous readers get an
empty page (the total still counts the published patterns, as WordPress's does) and a 401 for
a single pattern.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressbox.content.context import PostData
from pressbox.endpoints.posts import PostsController
from pressbox.endpoints.revisions import AutosavesController, RevisionsController
from pressbox.endpoints.routes_posts import register_post_routes
from pressbox.rest.message import Request

if TYPE_CHECKING:
    from pressbox.app import App

SYNC_STATUS_META = "wp_pattern_sync_status"
# Sub-fields WordPress computes and then removes: skipping them spares rendering the content.
_UNRENDERED = ("title", "content")


class BlocksController(PostsController):
    """WP_REST_Blocks_Controller: patterns, readable by users who may edit posts."""

    def can_read_post(self, post: PostData, request: Request) -> bool:
        """`current_user_can( 'read_post', $id )` as map_meta_cap() maps it for patterns."""
        user = request.user
        if user is None or not user.id:
            return False
        auth, cap = self.app.auth, self.post_type.cap
        status = self.app.post_statuses.get(post.post_status)
        if (status is not None and status.public) or post.post_author == user.id:
            return auth.can(user, cap["read"])
        if status is not None and status.private:
            return auth.can(user, cap["read_private_posts"])
        return auth.can_edit_post(user, post)

    def check_read_permission(self, post: PostData, request: Request) -> bool:
        if not self.can_read_post(post, request):
            return False
        return super().check_read_permission(post, request)

    def prepare_items(self, posts: list[PostData], request: Request) -> list[Any]:
        # get_items() skips what the user may not read (or edit, in the edit context).
        if request.get("context") == "edit":
            readable = [p for p in posts if self.app.auth.can_edit_post(request.user, p)]
        else:
            readable = [p for p in posts if self.check_read_permission(p, request)]
        return [_sync_status_on_top(item) for item in super().prepare_items(readable, request)]

    def fields(self, request: Request) -> list[str]:
        properties = self.item_schema()["properties"]
        out: list[str] = []
        for field in super().fields(request):
            if field in _UNRENDERED and field in properties:
                out.extend(f"{field}.{sub}" for sub in properties[field]["properties"])
            elif field.split(".")[0] in _UNRENDERED and field.endswith(".rendered"):
                continue
            else:
                out.append(field)
        return out


def _sync_status_on_top(item: Any) -> Any:
    """`filter_response_by_context()`: the sync status moves from `meta` to the top level,
    after the fields and before the links."""
    if not isinstance(item, dict):
        return item
    meta = item.get("meta")
    status = meta.get(SYNC_STATUS_META, "") if isinstance(meta, dict) else ""
    if isinstance(meta, dict) and SYNC_STATUS_META in meta:
        del meta[SYNC_STATUS_META]
        if not meta:
            item["meta"] = []  # an empty PHP array
    links = {k: item.pop(k) for k in ("_links", "_embedded") if k in item}
    item[SYNC_STATUS_META] = "" if status is None else status
    item.update(links)
    return item


def _register_post_type(app: App, name: str, controller_class: type[PostsController]) -> None:
    post_type = app.post_types.get(name)
    if post_type is None or not post_type.show_in_rest:
        return
    controller = controller_class(app, post_type)
    app.controllers[name] = controller
    register_post_routes(
        app,
        post_type,
        {
            post_type.rest_controller or "WP_REST_Posts_Controller": controller,
            "WP_REST_Revisions_Controller": RevisionsController(app, controller),
            "WP_REST_Autosaves_Controller": AutosavesController(app, controller),
        },
    )


def register_blocks_routes(app: App) -> None:
    """`wp_block`'s routes: the patterns, their revisions and autosaves."""
    _register_post_type(app, "wp_block", BlocksController)


def register_navigation_routes(app: App) -> None:
    """`wp_navigation`'s routes: the navigation menus, their revisions and autosaves."""
    _register_post_type(app, "wp_navigation", PostsController)
