"""What dynamic (widget-like) blocks need beyond `ContentData`, and the render callables.

`ctx.data` may also implement any method of `SiteData`; a block whose method is missing
renders as WordPress does on an empty site (no comments, no terms, …). The store's adapter
should implement them all.

Callables read from `ctx.state` (all optional; fallbacks are noted):

* `render_title(post) -> str`: `get_the_title()` — `the_title` filters (texturize…) applied,
  `Protected: ` / `Private: ` prefixes included. Fallback: the raw title with the prefix.
* `render_excerpt(post, length) -> str`: `get_the_excerpt()` with `excerpt_length` = `length`
  (the generated excerpt ends with ` [&hellip;]` when trimmed). Fallback: the stored excerpt.
* `render_content(post) -> str`: `_wp_apply_block_content_filters()` on the post's content
  (latest posts' full-content mode). Fallback: `do_blocks()` only.
* `wpautop(text) -> str`: for the shortcode block (see `core.shortcode`).
* `wp_kses_post(html) -> str`: for footnote contents. Fallback: unfiltered.
* `comment_text(content) -> str`: the `comment_text` filters on a comment's content (the
  comment content block). Fallback: `pressbox.content.comment_text.COMMENT_TEXT`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from pressbox.content.context import PostData, RenderContext

__all__ = [
    "Comment",
    "LoopPage",
    "LoopQuery",
    "LoopTax",
    "MonthCount",
    "SiteData",
    "Term",
    "UserInfo",
    "post_title",
    "site_method",
]


@dataclass(frozen=True)
class Term:
    """A term with what lists and clouds print."""

    term_id: int
    name: str
    slug: str
    taxonomy: str
    parent: int = 0
    count: int = 0
    description: str = ""
    link: str = ""


@dataclass(frozen=True)
class Comment:
    """An approved comment, as the latest-comments block prints it."""

    comment_id: int
    post_id: int
    author: str
    author_url: str = ""
    author_email: str = ""
    user_id: int = 0
    date: str = "0000-00-00 00:00:00"  # comment_date, site-local
    content: str = ""
    parent: int = 0
    comment_type: str = "comment"  # pingbacks and trackbacks get no avatar


@dataclass(frozen=True)
class MonthCount:
    """One month of the monthly archive: year, month and its number of published posts."""

    year: int
    month: int
    count: int


@dataclass(frozen=True)
class UserInfo:
    """What author and avatar blocks print of a user."""

    user_id: int
    login: str = ""
    display_name: str = ""
    nicename: str = ""
    email: str = ""
    url: str = ""
    description: str = ""


@dataclass(frozen=True)
class LoopTax:
    """One `tax_query` clause of the Query Loop block (term ids, children excluded)."""

    taxonomy: str
    terms: tuple[int, ...] = ()
    operator: str = "IN"  # IN, NOT IN


@dataclass(frozen=True)
class LoopQuery:
    """The `WP_Query` vars `build_query_vars_from_query_block()` produces, for anonymous
    readers (published posts only). `formats` is the post-format filter (`standard` included);
    `per_page` None means the `posts_per_page` option."""

    post_type: str = "post"
    order: str = "DESC"
    orderby: str = "date"
    per_page: int | None = None
    offset: int = 0
    post_in: tuple[int, ...] | None = None
    post_not_in: tuple[int, ...] = ()
    author_in: tuple[int, ...] = ()
    search: str = ""
    parent_in: tuple[int, ...] = ()
    tax: tuple[LoopTax, ...] = ()
    formats: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoopPage:
    """The posts of one query page and the number of all matches (`found_posts`)."""

    posts: tuple[PostData, ...] = ()
    found: int = 0


@runtime_checkable
class SiteData(Protocol):
    """Optional queries for site-wide dynamic blocks."""

    def monthly_archives(self, post_type: str = "post") -> Sequence[MonthCount]:
        """Months with published posts, newest first (`wp_get_archives( 'monthly' )`)."""
        ...

    def terms(self, taxonomy: str, **args: Any) -> Sequence[Term]:
        """Terms of a taxonomy (`get_terms()`), args as WordPress's (`orderby`, `hide_empty`…)."""
        ...

    def recent_comments(self, count: int) -> Sequence[Comment]:
        """Approved comments on public posts, newest first."""
        ...

    def user_display_name(self, user_id: int) -> str:
        """A user's `display_name` ('' if none)."""
        ...

    def pages(self) -> Sequence[PostData]:
        """Published pages ordered by `menu_order`, then title (the page list block)."""
        ...

    def post_days(self, year: int, month: int) -> Sequence[int]:
        """Days of a month with published posts (the calendar)."""
        ...

    def author_posts_url(self, user_id: int) -> str:
        """`get_author_posts_url()` of a user."""
        ...

    def user_info(self, user_id: int) -> UserInfo | None:
        """A user's names, email, URL and biography (`description` meta)."""
        ...

    def loop_posts(self, query: LoopQuery) -> LoopPage:
        """`new WP_Query( $vars )` without the sticky-post handling (the block does that)."""
        ...

    def sticky_posts(self) -> list[int]:
        """The `sticky_posts` option as post ids."""
        ...

    def post_terms(
        self, ids: Iterable[int], taxonomies: Sequence[str]
    ) -> Mapping[int, Mapping[str, Sequence[Mapping[str, Any]]]]:
        """`get_the_terms()` of many posts: id → taxonomy → terms (`term_id`, `name`, `slug`,
        `parent`) ordered by name."""
        ...

    def post_comments(self, post_id: int) -> Sequence[Comment]:
        """Approved comments of a post, oldest first (`comment_date_gmt`, then id)."""
        ...


def site_method(ctx: RenderContext, name: str) -> Any:
    """`ctx.data.<name>` when the data object provides it, else None."""
    return getattr(ctx.data, name, None)


def post_title(ctx: RenderContext, post: PostData) -> str:
    """`get_the_title()` through `ctx.state["render_title"]`, or its raw fallback."""
    render = ctx.state.get("render_title")
    if callable(render):
        return str(render(post))
    title = post.post_title
    if post.post_password:
        return f"Protected: {title}"
    if post.post_status == "private":
        return f"Private: {title}"
    return title
