"""A small in-memory site for block rendering tests (`ContentData` + `SiteData`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pressbox.content.blocks import do_blocks
from pressbox.content.blocks.data import (
    Comment,
    LoopPage,
    LoopQuery,
    MonthCount,
    Term,
    UserInfo,
)
from pressbox.content.context import Attachment, PostData, RenderContext
from pressbox.content.counters import Counters

HOME = "http://example.test"


@dataclass
class FakeSite:
    posts: dict[int, PostData] = field(default_factory=dict)
    meta: dict[tuple[int, str], Any] = field(default_factory=dict)
    attachments: dict[int, Attachment] = field(default_factory=dict)
    options: dict[str, Any] = field(
        default_factory=lambda: {
            "date_format": "F j, Y",
            "time_format": "g:i a",
            "gmt_offset": 0,
            "timezone_string": "",
            "permalink_structure": "/%year%/%monthnum%/%day%/%postname%/",
            "siteurl": HOME,
            "start_of_week": 1,
            "show_avatars": "1",
            "avatar_default": "mystery",
            "avatar_rating": "G",
        }
    )
    term_list: list[Term] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    users: dict[int, str] = field(default_factory=dict)
    user_details: dict[int, UserInfo] = field(default_factory=dict)
    sticky: list[int] = field(default_factory=list)
    # post id -> taxonomy -> terms (`term_id`, `name`, `slug`, `parent`)
    post_term_rows: dict[int, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)

    def add(self, post: PostData) -> PostData:
        self.posts[post.id] = post
        return post

    # ContentData
    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)

    def home_url(self) -> str:
        return HOME

    def uploads_base_url(self) -> str:
        return HOME + "/wp-content/uploads"

    def post(self, post_id: int) -> PostData | None:
        return self.posts.get(post_id)

    def post_meta(self, post_id: int, key: str) -> Any:
        return self.meta.get((post_id, key))

    def attachment(self, attachment_id: int) -> Attachment | None:
        return self.attachments.get(attachment_id)

    def attachments_of(self, parent_id: int) -> Sequence[Attachment]:
        return [a for a in self.attachments.values() if a.post.post_parent == parent_id]

    def permalink(self, post_id: int) -> str:
        post = self.posts[post_id]
        if post.post_type == "page":
            return f"{HOME}/{post.post_name}/"
        y, m, d = post.post_date[:4], post.post_date[5:7], post.post_date[8:10]
        return f"{HOME}/{y}/{m}/{d}/{post.post_name}/"

    def recent_posts(self, count: int, **filters: Any) -> Sequence[PostData]:
        posts = [
            p for p in self.posts.values() if p.post_type == "post" and p.post_status == "publish"
        ]
        posts.sort(key=lambda p: p.post_date, reverse=filters.get("order", "desc") == "desc")
        return posts[:count]

    # SiteData
    def monthly_archives(self, post_type: str = "post") -> Sequence[MonthCount]:
        counts: dict[tuple[int, int], int] = {}
        for p in self.posts.values():
            if p.post_type == post_type and p.post_status == "publish":
                key = (int(p.post_date[:4]), int(p.post_date[5:7]))
                counts[key] = counts.get(key, 0) + 1
        return [MonthCount(y, m, c) for (y, m), c in sorted(counts.items(), reverse=True)]

    def terms(self, taxonomy: str, **args: Any) -> Sequence[Term]:
        terms = [t for t in self.term_list if t.taxonomy == taxonomy]
        if args.get("hide_empty", True):
            terms = [t for t in terms if t.count > 0]
        return sorted(terms, key=lambda t: t.name.lower())

    def recent_comments(self, count: int) -> Sequence[Comment]:
        return sorted(self.comments, key=lambda c: c.date, reverse=True)[:count]

    def user_display_name(self, user_id: int) -> str:
        return self.users.get(user_id, "")

    def pages(self) -> Sequence[PostData]:
        pages = [
            p for p in self.posts.values() if p.post_type == "page" and p.post_status == "publish"
        ]
        return sorted(pages, key=lambda p: (p.menu_order, p.post_title.lower()))

    def post_days(self, year: int, month: int) -> Sequence[int]:
        prefix = f"{year:04d}-{month:02d}-"
        return sorted(
            {int(p.post_date[8:10]) for p in self.posts.values() if p.post_date.startswith(prefix)}
        )

    def author_posts_url(self, user_id: int) -> str:
        return f"{HOME}/author/user{user_id}/"

    def user_info(self, user_id: int) -> UserInfo | None:
        return self.user_details.get(user_id)

    def sticky_posts(self) -> list[int]:
        return list(self.sticky)

    def post_terms(
        self, ids: Any, taxonomies: Sequence[str]
    ) -> dict[int, dict[str, list[dict[str, Any]]]]:
        return {
            i: {t: rows for t, rows in self.post_term_rows.get(i, {}).items() if t in taxonomies}
            for i in ids
        }

    def post_comments(self, post_id: int) -> Sequence[Comment]:
        found = [c for c in self.comments if c.post_id == post_id]
        return sorted(found, key=lambda c: (c.date, c.comment_id))

    def loop_posts(self, query: LoopQuery) -> LoopPage:
        """Published posts of a type, by date (or title), with post__in/not_in and paging."""
        posts = [
            p
            for p in self.posts.values()
            if p.post_type == query.post_type and p.post_status == "publish"
        ]
        if query.post_in is not None:
            posts = [p for p in posts if p.id in query.post_in]
        posts = [p for p in posts if p.id not in query.post_not_in]
        if query.author_in:
            posts = [p for p in posts if p.post_author in query.author_in]
        key = (lambda p: p.post_title) if query.orderby == "title" else (lambda p: p.post_date)
        posts.sort(key=key, reverse=query.order == "DESC")
        per_page = query.per_page or 10
        page = posts[query.offset : query.offset + per_page]
        return LoopPage(tuple(page), len(posts) if page else 0)


def make_ctx(
    site: FakeSite | None = None, post: PostData | None = None, **state: Any
) -> RenderContext:
    site = site or FakeSite()
    post = post or PostData(
        id=100, post_title="Host", post_name="host", post_date="2024-05-01 10:00:00"
    )
    site.posts.setdefault(post.id, post)
    base: dict[str, Any] = {
        "now": datetime(2024, 5, 15, 12, 0, tzinfo=UTC),
    }
    base.update(state)
    return RenderContext(
        post=post, data=site, state=base, request_url=f"{HOME}/wp-json/wp/v2/posts/100"
    )


def render(content: str, ctx: RenderContext, counters: Counters | None = None) -> str:
    """`do_blocks` with its request-wide id placeholders numbered (a fresh request by default)."""
    return (counters or Counters()).resolve(do_blocks(content, ctx))
