"""Attachments `/wp/v2/media` (WP_REST_Attachments_Controller): the posts controller of `attachment`.

Attachments differ from posts in their schema (caption, description, media details, …), their
default status (`inherit`), the `media_type` / `mime_type` filters, a search that also matches
file names, and upload permissions. Uploads, edits and post-processing are not served yet:
past their permission checks they answer `rest_not_implemented`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, exists, not_, or_, select

from pressbox.content.context import PostData
from pressbox.endpoints.controller_routes import ensure_namespace, spec_endpoints
from pressbox.endpoints.posts import PostsController
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.schema.media import (
    attachment_item_schema,
    attachments_routes,
    media_types,
)
from pressbox.store.posts_query import SEARCH_COLUMNS, PostQuery, QueryBuilder, search_terms
from pressbox.store.posts_store import PostsStore

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.post_types import PostType


class AttachmentQueryBuilder(QueryBuilder):
    """WP_Query with `wp_allow_query_attachment_by_filename`: a search term also matches the
    attachment's `_wp_attached_file`."""

    def _search(self, q: PostQuery) -> list[ColumnElement[bool]]:
        p = self.t.posts.c
        pm = self.t.postmeta.c
        terms, _count = search_terms(q.search)
        cols = [c for c in (q.search_columns or SEARCH_COLUMNS) if c in SEARCH_COLUMNS] or list(
            SEARCH_COLUMNS
        )
        parts: list[ColumnElement[bool]] = []
        for term in terms:
            exclude = term.startswith("-")
            if exclude:
                term = term[1:]
            escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            like = escaped if q.exact else f"%{escaped}%"
            # WordPress LEFT JOINs the meta row (`sq1`): without one, NOT LIKE is NULL too.
            file_matches = exists(
                select(pm.meta_id).where(
                    pm.post_id == p.ID,
                    pm.meta_key == "_wp_attached_file",
                    not_(pm.meta_value.like(like, escape="\\"))
                    if exclude
                    else pm.meta_value.like(like, escape="\\"),
                )
            )
            if exclude:
                columns = [not_(getattr(p, c).like(like, escape="\\")) for c in cols]
                parts.append(and_(*columns, file_matches))
            else:
                columns = [getattr(p, c).like(like, escape="\\") for c in cols]
                parts.append(or_(*columns, file_matches))
        if not q.logged_in:
            parts.append(p.post_password == "")
        return parts


class AttachmentsController(PostsController):
    """WP_REST_Attachments_Controller."""

    def __init__(self, app: App, post_type: PostType) -> None:
        super().__init__(app, post_type)
        # Searches match file names too (WP_Query's `wp_allow_query_attachment_by_filename`).
        self.store = PostsStore(app.db)
        self.store.builder = AttachmentQueryBuilder(app.db.tables, app.db.dialect)
        # get_media_types() for users with and without `unfiltered_html` (HTML and JS files).
        self.media_types = {allowed: media_types(allowed) for allowed in (False, True)}

    def item_schema(self) -> dict[str, Any]:
        if self._schema is None:
            app = self.app
            schema = attachment_item_schema(self.post_type, app.registries, app.server.rest_url)
            # The context filter walks `properties`: the empty PHP array becomes a mapping.
            if schema["properties"]["meta"]["properties"] == []:
                schema["properties"]["meta"]["properties"] = {}
            self._schema = schema
        return self._schema

    # -- permissions ------------------------------------------------------------------------

    def create_item_permissions_check(self, request: Request) -> bool | RestException:
        allowed = super().create_item_permissions_check(request)
        if allowed is not True:
            return allowed
        user = request.user
        if not self.app.auth.can(user, "upload_files"):
            # WordPress answers 400 here, whoever asks.
            return RestException(
                "rest_cannot_create",
                "Sorry, you are not allowed to upload media on this site.",
                400,
            )
        parent_id = request.get("post")
        if parent_id:
            parent = self.app.site.post(int(parent_id))
            if parent is None or not self.app.auth.can_edit_post(user, parent):
                return self._forbid(
                    "rest_cannot_edit",
                    "Sorry, you are not allowed to upload media to this post.",
                    request,
                )
        return True

    def post_process_item_permissions_check(self, request: Request) -> bool | RestException:
        return self.update_item_permissions_check(request)

    def edit_media_item_permissions_check(self, request: Request) -> bool | RestException:
        if not self.app.auth.can(request.user, "upload_files"):
            return self._forbid(
                "rest_cannot_edit_image",
                "Sorry, you are not allowed to upload media on this site.",
                request,
            )
        return self.update_item_permissions_check(request)

    # -- collection -------------------------------------------------------------------------

    def build_query(self, request: Request) -> PostQuery:
        """prepare_items_query(): status `inherit` by default, and the MIME type filters."""
        q = super().build_query(request)
        if not q.post_status:
            q.post_status = ["inherit"]
        groups = self.media_types[self.app.auth.can(request.user, "unfiltered_html")]
        wanted: list[str] = []
        media_type = request.get("media_type")
        if isinstance(media_type, list):
            for kind in media_type:
                wanted += groups.get(str(kind), [])
        mime_type = request.get("mime_type")
        if isinstance(mime_type, list):
            for mime in (str(m) for m in mime_type):
                if mime in groups.get(mime.split("/", 1)[0], []):
                    wanted.append(mime)
        # Unknown types filter nothing, as in WordPress.
        if wanted:
            q.mime_type = list(dict.fromkeys(wanted))
        return q

    # -- prepare ----------------------------------------------------------------------------

    def prepare_items(self, posts: list[PostData], request: Request) -> list[Any]:
        from pressbox.endpoints.media_prepare import prepare_attachments

        return prepare_attachments(self, posts, request)


def _constant(schema: dict[str, Any]) -> Callable[[], dict[str, Any]]:
    return lambda: schema


def register_media_routes(app: App) -> None:
    """`attachment`'s routes: `/media`, `/media/{id}`, then `post-process` and `edit`."""
    post_type = app.post_types.get("attachment")
    if post_type is None or not post_type.show_in_rest:
        return
    controller = AttachmentsController(app, post_type)
    app.controllers[post_type.name] = controller
    specs = attachments_routes(post_type, app.registries, app.server.rest_url, app.site.home_url())
    for spec in specs:
        ensure_namespace(app, spec["namespace"])
        schema = spec["schema"]
        is_item = spec["route"] == f"/{post_type.route_base}/(?P<id>[\\d]+)"
        app.routes.register(
            spec["namespace"],
            spec["route"],
            spec_endpoints(controller, spec),
            schema=_constant(schema) if schema else None,
            # A page of items asks the same permission questions: answer them once per key.
            permission_key=controller.permission_key if is_item else None,
        )
