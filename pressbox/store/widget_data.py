"""Site-wide data that dynamic blocks print (archives, term lists, recent comments, …).

The queries behind `pressbox.content.blocks.data.SiteData`, mixed into `Site`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select

from pressbox.content.blocks.data import Comment, MonthCount, Term
from pressbox.content.context import PostData
from pressbox.store.collation import collation_key
from pressbox.store.loop_data import LoopData

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from pressbox.store.tables import Tables


class WidgetData(LoopData):
    """Mixin for `Site`: needs `conn`, `t`, `posts()`, `option()`, `home_url()`."""

    t: Tables

    @property
    def conn(self) -> Connection:  # provided by Site
        raise NotImplementedError

    def posts(self, ids: Any) -> dict[int, PostData]:  # provided by Site
        raise NotImplementedError

    def option(self, name: str, default: Any = None) -> Any:  # provided by Site
        raise NotImplementedError

    def home_url(self) -> str:  # provided by Site
        raise NotImplementedError

    def monthly_archives(self, post_type: str = "post") -> Sequence[MonthCount]:
        p = self.t.posts.c
        month = func.substr(p.post_date, 1, 7)
        rows = self.conn.execute(
            select(month, func.count())
            .where(p.post_type == post_type, p.post_status == "publish")
            .group_by(month)
            .order_by(month.desc())
        ).all()
        return [MonthCount(int(str(m)[:4]), int(str(m)[5:7]), int(c)) for m, c in rows]

    def post_days(self, year: int, month: int) -> Sequence[int]:
        p = self.t.posts.c
        prefix = f"{year:04d}-{month:02d}"
        rows = self.conn.execute(
            select(p.post_date).where(
                p.post_type == "post",
                p.post_status == "publish",
                func.substr(p.post_date, 1, 7) == prefix,
            )
        ).scalars()
        return sorted({int(str(d)[8:10]) for d in rows})

    def terms(self, taxonomy: str, **args: Any) -> Sequence[Term]:
        """get_terms() for lists and clouds: orderby name or count, hide_empty, pad_counts, number."""
        tt, te = self.t.term_taxonomy.c, self.t.terms.c
        rows = self.conn.execute(
            select(te.term_id, te.name, te.slug, tt.taxonomy, tt.parent, tt.count, tt.description)
            .select_from(self.t.term_taxonomy.join(self.t.terms, te.term_id == tt.term_id))
            .where(tt.taxonomy == taxonomy)
        ).all()
        terms = [Term(int(r[0]), r[1], r[2], r[3], int(r[4]), int(r[5]), r[6], "") for r in rows]
        if args.get("pad_counts"):
            objects = self.published_term_objects(taxonomy)
            terms = [_padded(t, terms, objects) for t in terms]
        if args.get("hide_empty", True):
            terms = [t for t in terms if t.count > 0]
        desc = str(args.get("order", "ASC")).upper() == "DESC"
        if args.get("orderby") == "count":
            terms.sort(key=lambda t: t.count, reverse=desc)
        elif args.get("orderby") in ("id", "term_id"):
            terms.sort(key=lambda t: t.term_id, reverse=desc)
        else:
            terms.sort(key=lambda t: collation_key(t.name), reverse=desc)
        number = int(args.get("number", 0) or 0)
        return terms[:number] if number else terms

    def recent_comments(self, count: int) -> Sequence[Comment]:
        c, p = self.t.comments.c, self.t.posts.c
        return self._comments(
            self._select_comments()
            .select_from(self.t.comments.join(self.t.posts, p.ID == c.comment_post_ID))
            .where(
                and_(c.comment_approved == "1", p.post_status == "publish"),
                c.comment_type != "note",
            )
            .order_by(c.comment_date_gmt.desc(), c.comment_ID.desc())
            .limit(count)
        )

    def user_display_name(self, user_id: int) -> str:
        u = self.t.users.c
        value = self.conn.execute(select(u.display_name).where(u.ID == user_id)).scalar()
        return str(value or "")

    def author_posts_url(self, user_id: int) -> str:
        u = self.t.users.c
        nicename = self.conn.execute(select(u.user_nicename).where(u.ID == user_id)).scalar()
        if self.option("permalink_structure", ""):
            return f"{self.home_url()}/author/{nicename or ''}/"
        return f"{self.home_url()}/?author={user_id}"

    def pages(self) -> Sequence[PostData]:
        p = self.t.posts.c
        ids = self.conn.execute(
            select(p.ID).where(p.post_type == "page", p.post_status == "publish")
        ).scalars()
        pages = list(self.posts(list(ids)).values())
        return sorted(pages, key=lambda page: (page.menu_order, collation_key(page.post_title)))


def _padded(term: Term, terms: list[Term], objects: dict[int, set[int]]) -> Term:
    """`_pad_term_counts()`: the distinct published posts of a term and its descendants.

    Terms without any published post keep their stored count, as in WordPress.
    """
    ids = {term.term_id}
    changed = True
    while changed:
        changed = False
        for t in terms:
            if t.parent in ids and t.term_id not in ids:
                ids.add(t.term_id)
                changed = True
    items: set[int] = set()
    for term_id in ids:
        items |= objects.get(term_id, set())
    if not items:
        return term
    return replace(term, count=len(items))
