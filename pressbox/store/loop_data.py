"""Queries behind the theme blocks: the Query Loop's `WP_Query`, users, a post's comments.

The `SiteData` methods of `pressbox.content.blocks.data` that the query, post and comment
blocks call, mixed into `Site` through `WidgetData`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from pressbox.content.blocks.data import Comment, LoopPage, LoopQuery, UserInfo
from pressbox.content.context import PostData
from pressbox.store.posts_query import PostQuery, QueryBuilder, TaxClause

if TYPE_CHECKING:
    from sqlalchemy import Connection, Select

    from pressbox.store.tables import Tables


class LoopData:
    """Mixin for `Site`: needs `conn`, `t`, `posts()`, `option()` and `_posts_builder`."""

    t: Tables
    _posts_builder: QueryBuilder

    @property
    def conn(self) -> Connection:  # provided by Site
        raise NotImplementedError

    def posts(self, ids: Any) -> dict[int, PostData]:  # provided by Site
        raise NotImplementedError

    def option(self, name: str, default: Any = None) -> Any:  # provided by Site
        raise NotImplementedError

    def _term_taxonomy_ids(self, taxonomy: str, term_ids: Sequence[int]) -> list[int]:
        tt = self.t.term_taxonomy.c
        if not term_ids:
            return []
        rows = self.conn.execute(
            select(tt.term_taxonomy_id).where(
                tt.taxonomy == taxonomy, tt.term_id.in_(list(term_ids))
            )
        ).scalars()
        return [int(r) for r in rows]

    def _format_ids(self, slugs: Sequence[str]) -> list[int]:
        tt, te = self.t.term_taxonomy.c, self.t.terms.c
        rows = self.conn.execute(
            select(tt.term_taxonomy_id)
            .select_from(self.t.term_taxonomy.join(self.t.terms, te.term_id == tt.term_id))
            .where(tt.taxonomy == "post_format", te.slug.in_(list(slugs)))
        ).scalars()
        return [int(r) for r in rows]

    def _post_query(self, query: LoopQuery) -> PostQuery:
        per_page = query.per_page
        if per_page is None:
            per_page = int(self.option("posts_per_page", 10) or 10)
        q = PostQuery(
            post_type=[query.post_type],
            post_status=["publish"],
            author_in=list(query.author_in),
            post_not_in=list(query.post_not_in),
            parent_in=list(query.parent_in),
            search=query.search,
            orderby=query.orderby,
            order=query.order,
            per_page=per_page,
            offset=query.offset,
        )
        if query.post_in is not None:
            # post__in of [] matches nothing in WP_Query only through [0]; keep it explicit.
            q.post_in = list(query.post_in) or [0]
        if query.search:
            # parse_search(): anonymous readers never find password-protected posts.
            q.post_password = ""
        for clause in query.tax:
            ids = self._term_taxonomy_ids(clause.taxonomy, clause.terms)
            q.tax.append(TaxClause(clause.taxonomy, ids, clause.operator))
        formats = list(query.formats)
        if formats:
            clauses: list[TaxClause] = []
            if "standard" in formats:
                clauses.append(TaxClause("post_format", [], "NOT EXISTS"))
            others = [f"post-format-{f}" for f in formats if f != "standard"]
            if others:
                clauses.append(TaxClause("post_format", self._format_ids(others), "IN"))
            q.format_clauses = clauses
        return q

    def loop_posts(self, query: LoopQuery) -> LoopPage:
        """`WP_Query` for the Query Loop block (stickies are the caller's business)."""
        q = self._post_query(query)
        ids_stmt, count_stmt = self._posts_builder.select_ids(q)
        paging = self._posts_builder.paging(q)
        ids = [int(i) for i in self.conn.execute(ids_stmt, paging).scalars()]
        # set_found_posts() leaves found_posts at 0 when the page is empty.
        found = int(self.conn.execute(count_stmt).scalar() or 0) if ids else 0
        posts = self.posts(ids)
        return LoopPage(tuple(posts[i] for i in ids if i in posts), found)

    def user_info(self, user_id: int) -> UserInfo | None:
        u, um = self.t.users.c, self.t.usermeta.c
        row = self.conn.execute(
            select(
                u.ID, u.user_login, u.display_name, u.user_nicename, u.user_email, u.user_url
            ).where(u.ID == user_id)
        ).first()
        if row is None:
            return None
        description = self.conn.execute(
            select(um.meta_value)
            .where(um.user_id == user_id, um.meta_key == "description")
            .order_by(um.umeta_id)
        ).scalar()
        return UserInfo(
            int(row[0]),
            str(row[1] or ""),
            str(row[2] or ""),
            str(row[3] or ""),
            str(row[4] or ""),
            str(row[5] or ""),
            str(description or ""),
        )

    def _select_comments(self) -> Select[Any]:
        """The columns of a `Comment`, in its field order; `_comments()` reads the rows."""
        c = self.t.comments.c
        return select(
            c.comment_ID,
            c.comment_post_ID,
            c.comment_author,
            c.comment_author_url,
            c.comment_author_email,
            c.user_id,
            c.comment_date,
            c.comment_content,
            c.comment_parent,
            c.comment_type,
        )

    def _comments(self, stmt: Select[Any]) -> list[Comment]:
        return [
            Comment(
                int(r[0]), int(r[1]), r[2], r[3], r[4], int(r[5]), str(r[6]), r[7], int(r[8]), r[9]
            )
            for r in self.conn.execute(stmt)
        ]

    def post_comments(self, post_id: int) -> Sequence[Comment]:
        c = self.t.comments.c
        return self._comments(
            self._select_comments()
            .where(
                c.comment_post_ID == post_id,
                c.comment_approved == "1",
                c.comment_type != "note",
            )
            .order_by(c.comment_date_gmt.asc(), c.comment_ID.asc())
        )

    def published_term_objects(self, taxonomy: str) -> dict[int, set[int]]:
        """term_id → ids of the published posts in it (`_pad_term_counts()`'s lookup)."""
        tr, tt, p = self.t.term_relationships.c, self.t.term_taxonomy.c, self.t.posts.c
        rows = self.conn.execute(
            select(tt.term_id, tr.object_id)
            .select_from(
                self.t.term_relationships.join(
                    self.t.term_taxonomy, tr.term_taxonomy_id == tt.term_taxonomy_id
                ).join(self.t.posts, p.ID == tr.object_id)
            )
            .where(tt.taxonomy == taxonomy, p.post_type == "post", p.post_status == "publish")
        ).all()
        out: dict[int, set[int]] = {}
        for term_id, object_id in rows:
            out.setdefault(int(term_id), set()).add(int(object_id))
        return out
