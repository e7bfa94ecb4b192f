"""prepare_item_for_response for comments, batched: one query per kind of data for a page.

WordPress counterparts: `WP_REST_Comments_Controller::prepare_item_for_response()`,
`prepare_links()` and `prepare_status_response()`, `get_comment_link()` with
`get_page_of_comment()`, `rest_get_avatar_urls()` for a `WP_Comment` (`get_avatar_data()`),
`rest_get_route_for_post()` and `WP_REST_Meta_Fields::get_value()` for comment meta.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pressbox.content.avatars import (
    REST_AVATAR_SIZES,
    AvatarOptions,
    get_avatar_url,
    initials_name,
)
from pressbox.content.context import PostData, RenderContext
from pressbox.content.formatting import php_truthy
from pressbox.rest.controller import filter_item_by_context
from pressbox.rest.fields import is_field_included
from pressbox.rest.message import Request, Response
from pressbox.rest.phpquery import add_query_arg
from pressbox.schema.comments import META_SUBTYPE
from pressbox.schema.sanitize import rest_sanitize_value_from_schema
from pressbox.schema.validate import rest_validate_value_from_schema
from pressbox.store.comments_query import CommentRow
from pressbox.store.phpserialize import maybe_unserialize
from pressbox.store.users_store import UserRow

if TYPE_CHECKING:
    from pressbox.endpoints.comments import CommentsController
    from pressbox.store.site import Site

# is_avatar_comment_type(): the comment types that have avatars.
AVATAR_COMMENT_TYPES = ("comment", "note")
# What mysql2date( 'Y-m-d\TH:i:s', '0000-00-00 00:00:00' ) gives.
_ZERO_DATE_RFC3339 = "-0001-11-30T00:00:00"


def mysql_to_rfc3339(value: str) -> str:
    """`mysql_to_rfc3339()` of a comment date."""
    if not value or value.startswith("0000-00-00"):
        return _ZERO_DATE_RFC3339
    return value.replace(" ", "T")


def prepare_status_response(approved: str) -> str:
    """`prepare_status_response()`: `0` is `hold`, `1` is `approved`, others as stored."""
    if approved in ("hold", "0"):
        return "hold"
    if approved in ("approve", "1"):
        return "approved"
    return approved


def trailingslashit(url: str) -> str:
    return url.rstrip("/\\") + "/"


def user_trailingslashit(url: str, structure: str) -> str:
    """`user_trailingslashit()`: the permalink structure decides the trailing slash."""
    return trailingslashit(url) if structure.endswith("/") else url.rstrip("/\\")


@dataclass(frozen=True)
class LinkOptions:
    """The options `get_comment_link()` and `get_page_of_comment()` read."""

    permalink_structure: str
    page_comments: bool
    per_page: int
    default_page: str  # default_comments_page: newest or oldest
    max_depth: int  # thread_comments_depth, or -1 without threading

    @classmethod
    def from_site(cls, site: Site) -> LinkOptions:
        option = site.option
        try:
            per_page = int(option("comments_per_page", 0) or 0)
        except (TypeError, ValueError):
            per_page = 0
        try:
            depth = int(option("thread_comments_depth", 0) or 0)
        except (TypeError, ValueError):
            depth = 0
        return cls(
            permalink_structure=str(option("permalink_structure", "") or ""),
            page_comments=php_truthy(option("page_comments", "")),
            per_page=per_page,
            default_page=str(option("default_comments_page", "") or ""),
            max_depth=depth if php_truthy(option("thread_comments", "")) else -1,
        )


def page_of_comment(
    ctl: CommentsController, comment: CommentRow, options: LinkOptions, request: Request
) -> int | None:
    """`get_page_of_comment()` with the options' `per_page` (paged comments are on)."""
    if options.per_page < 1:
        return 1
    seen: set[int] = set()
    # With threading, a reply is on the page of its top-level ancestor.
    while options.max_depth > 1 and comment.parent and comment.id not in seen:
        seen.add(comment.id)
        parent = ctl.store.comment(comment.parent)
        if parent is None:
            return None
        comment = parent
    older = ctl.store.older_top_level_count(
        comment.post_id, comment.date_gmt, ctl.current_user_id(request)
    )
    return 1 if older == 0 else math.ceil((older + 1) / options.per_page)


def comment_link(
    ctl: CommentsController,
    comment: CommentRow,
    permalink: str,
    options: LinkOptions,
    request: Request,
) -> str:
    """`get_comment_link()`: the post's permalink, the comment page if any, the anchor."""
    link = permalink
    pretty = options.permalink_structure != ""
    cpage: int | None = 0
    if options.page_comments and options.per_page:
        cpage = page_of_comment(ctl, comment, options, request)
        if options.default_page == "oldest" and cpage == 1:
            cpage = 0
    if cpage and options.page_comments:
        if pretty:
            link = trailingslashit(link) + f"comment-page-{cpage}"
        else:
            link = add_query_arg({"cpage": cpage}, link)
    if pretty:
        link = user_trailingslashit(link, options.permalink_structure)
    return f"{link}#comment-{comment.id}"


@dataclass(frozen=True)
class _Page:
    """What every comment of one page is prepared with."""

    fields: list[str]
    context: str
    posts: dict[int, PostData]
    permalinks: dict[int, str]
    users: dict[int, UserRow]
    names: dict[int, dict[str, list[str]]]  # first and last names, for `initials`
    avatars: AvatarOptions | None
    meta: dict[int, dict[str, list[str]]] | None
    children: dict[int, int]
    links: LinkOptions | None


def prepare_comments(
    ctl: CommentsController, comments: list[CommentRow], request: Request
) -> list[Any]:
    """Prepare each comment and turn it into data with links, as a collection does."""
    fields = ctl.fields(request)
    site = ctl.app.site
    want_links = is_field_included("_links", fields) or is_field_included("_embedded", fields)
    posts = site.posts(c.post_id for c in comments if c.post_id)
    avatars = ctl.avatar_options() if "author_avatar_urls" in fields else None
    user_ids = [c.user_id for c in comments if c.user_id] if avatars else []
    users = ctl.users.users(user_ids)
    initials = avatars is not None and avatars.default == "initials"
    meta_keys = list(ctl.app.registries.meta.for_rest("comment", META_SUBTYPE))
    page = _Page(
        fields=fields,
        context=str(request.get("context") or "view"),
        posts=posts,
        permalinks=site.permalinks(posts.values()) if "link" in fields else {},
        users=users,
        names=ctl.users.meta(users, ["first_name", "last_name"]) if initials else {},
        avatars=avatars,
        meta=ctl.store.meta([c.id for c in comments], meta_keys) if "meta" in fields else None,
        children=ctl.store.children_counts(c.id for c in comments) if want_links else {},
        links=LinkOptions.from_site(site) if "link" in fields else None,
    )
    out: list[Any] = []
    for comment in comments:
        response = Response(data=_prepare_one(ctl, comment, request, page))
        if want_links:
            _add_links(ctl, comment, response, page)
        out.append(ctl.app.server.response_to_data(response, request, False))
    return out


def _avatar_urls(comment: CommentRow, page: _Page) -> dict[str, Any]:
    """`rest_get_avatar_urls( $comment )`: the user's Gravatar, else the author e-mail's."""
    assert page.avatars is not None
    if comment.comment_type not in AVATAR_COMMENT_TYPES:
        return dict.fromkeys((str(size) for size in REST_AVATAR_SIZES), False)
    user = page.users.get(comment.user_id) if comment.user_id else None
    if user is not None:
        names = page.names.get(user.id, {})
        email = user.user_email
        name = initials_name(
            user.display_name,
            (names.get("first_name") or [""])[0],
            (names.get("last_name") or [""])[0],
            user.user_login,
        )
    else:
        email = "" if comment.author_email in ("", "0") else comment.author_email
        name = comment.author
    return dict(_avatar_set(email, name, page.avatars))


@lru_cache(maxsize=4096)
def _avatar_set(email: str, name: str, options: AvatarOptions) -> tuple[tuple[str, str], ...]:
    """The three Gravatar URLs of an e-mail address (many comments share an author)."""
    return tuple(
        (str(size), get_avatar_url(email, size, options, name=name)) for size in REST_AVATAR_SIZES
    )


def _meta_value(ctl: CommentsController, values: dict[str, list[str]]) -> Any:
    """`WP_REST_Meta_Fields::get_value()`: a value that fails its schema is null."""
    properties = ctl.item_schema()["properties"]["meta"].get("properties", {})
    out: dict[str, Any] = {}
    for key, registered in ctl.app.registries.meta.for_rest("comment", META_SUBTYPE).items():
        if not registered.show_in_rest:
            continue
        name = getattr(registered.show_in_rest, "name", None) or key
        schema = properties.get(name)
        if schema is None:
            continue
        stored = values.get(key) or []
        if registered.single:
            raw = maybe_unserialize(stored[0]) if stored else schema.get("default")
            out[name] = _prepare_meta(raw, schema, name)
        else:
            items = schema.get("items", {})
            out[name] = [_prepare_meta(maybe_unserialize(v), items, name) for v in stored]
    return out if out else []


def _prepare_meta(value: Any, schema: dict[str, Any], name: str) -> Any:
    if value == "" and schema.get("type") in ("boolean", "integer", "number"):
        value = {"boolean": False, "integer": 0, "number": 0.0}[schema["type"]]
    if rest_validate_value_from_schema(value, schema, name) is not True:
        return None
    return rest_sanitize_value_from_schema(value, schema, name)


def _prepare_one(
    ctl: CommentsController, comment: CommentRow, request: Request, page: _Page
) -> dict[str, Any]:
    # WordPress tests exact field names here (in_array), not rest_is_field_included().
    fields = page.fields
    data: dict[str, Any] = {}
    if "id" in fields:
        data["id"] = comment.id
    if "post" in fields:
        data["post"] = comment.post_id
    if "parent" in fields:
        data["parent"] = comment.parent
    if "author" in fields:
        data["author"] = comment.user_id
    if "author_name" in fields:
        data["author_name"] = comment.author
    if "author_email" in fields:
        data["author_email"] = comment.author_email
    if "author_url" in fields:
        data["author_url"] = comment.author_url
    if "author_ip" in fields:
        data["author_ip"] = comment.author_ip
    if "author_user_agent" in fields:
        data["author_user_agent"] = comment.agent
    if "date" in fields:
        data["date"] = mysql_to_rfc3339(comment.date)
    if "date_gmt" in fields:
        data["date_gmt"] = mysql_to_rfc3339(comment.date_gmt)
    if "content" in fields:
        ctx = RenderContext(post=PostData(id=comment.post_id), data=ctl.app.site)
        data["content"] = {
            "rendered": ctl.text.render(comment.content, ctx),
            "raw": comment.content,
        }
    if "link" in fields and page.links is not None:
        post = page.posts.get(comment.post_id)
        permalink = page.permalinks.get(post.id, "") if post is not None else ""
        data["link"] = comment_link(ctl, comment, permalink, page.links, request)
    if "status" in fields:
        data["status"] = prepare_status_response(comment.approved)
    if "type" in fields:
        data["type"] = comment.comment_type
    if "author_avatar_urls" in fields and page.avatars is not None:
        data["author_avatar_urls"] = _avatar_urls(comment, page)
    if "meta" in fields and page.meta is not None:
        data["meta"] = _meta_value(ctl, page.meta.get(comment.id, {}))
    return filter_item_by_context(data, ctl.item_schema(), page.context)


def _add_links(
    ctl: CommentsController, comment: CommentRow, response: Response, page: _Page
) -> None:
    """`prepare_links()`: self, collection, author, up (the post), in-reply-to, children."""
    url = ctl.app.server.rest_url
    base = f"{ctl.namespace}/{ctl.rest_base}"
    response.add_link("self", url(f"{base}/{comment.id}"))
    response.add_link("collection", url(base))
    if comment.user_id:
        response.add_link("author", url(f"wp/v2/users/{comment.user_id}"), embeddable=True)
    post = page.posts.get(comment.post_id) if comment.post_id else None
    post_type = ctl.app.post_types.get(post.post_type) if post is not None else None
    if post is not None and post_type is not None and post_type.show_in_rest:
        # rest_get_route_for_post(): `/{namespace}/{rest_base}/{id}`.
        route = f"/{post_type.namespace}/{post_type.route_base}/{post.id}"
        response.add_link("up", url(route), embeddable=True, post_type=post.post_type)
    if comment.parent:
        response.add_link("in-reply-to", url(f"{base}/{comment.parent}"), embeddable=True)
    if page.children.get(comment.id):
        args: dict[str, Any] = {"parent": comment.id}
        if comment.type == "note":
            # Embedding a note's children needs its type and every status.
            args.update({"type": comment.type, "status": "all"})
        response.add_link("children", add_query_arg(args, url(base)), embeddable=True)
