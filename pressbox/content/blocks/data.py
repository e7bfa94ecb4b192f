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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from pressbox.content.context import PostData, RenderContext

__all__ = ["Comment", "MonthCount", "SiteData", "Term", "post_title", "site_method"]


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
