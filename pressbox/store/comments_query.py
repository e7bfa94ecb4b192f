"""Comment queries: the subset of `WP_Comment_Query` the REST comments controller drives.

WordPress counterparts: `WP_Comment_Query::get_comment_ids()` (status, type, id, parent, post,
author, e-mail, search and date clauses; `parse_orderby()` with its `comment_ID` tie-break),
`FOUND_ROWS()`, `get_comment()`, `WP_Comment::get_children( array( 'count' => true ) )`,
the older-comment count of `get_page_of_comment()` and `get_comment_meta()`.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, case, func, or_, select

from pressbox.store.collation import COLLATION
from pressbox.store.db import Database
from pressbox.store.fastsql import FastQuery, datetimes
from pressbox.store.site import request_memo

# The columns WP_Comment_Query searches.
SEARCH_COLUMNS = (
    "comment_author",
    "comment_author_email",
    "comment_author_url",
    "comment_author_IP",
    "comment_content",
)
# parse_orderby()'s allowed keys (meta keys aside): each is its own column.
ORDER_COLUMNS = frozenset(
    {
        "comment_agent",
        "comment_approved",
        "comment_author",
        "comment_author_email",
        "comment_author_IP",
        "comment_author_url",
        "comment_content",
        "comment_date",
        "comment_date_gmt",
        "comment_ID",
        "comment_karma",
        "comment_parent",
        "comment_post_ID",
        "comment_type",
        "user_id",
    }
)
_TEXT_COLUMNS = frozenset(
    {
        "comment_agent",
        "comment_approved",
        "comment_author",
        "comment_author_email",
        "comment_author_IP",
        "comment_author_url",
        "comment_content",
        "comment_type",
    }
)
_DATE_ORDER = re.compile(r"comment_date(?:_gmt)* (ASC|DESC)")
_ROW_FIELDS = (
    "comment_ID",
    "comment_post_ID",
    "comment_author",
    "comment_author_email",
    "comment_author_url",
    "comment_author_IP",
    "comment_date",
    "comment_date_gmt",
    "comment_content",
    "comment_karma",
    "comment_approved",
    "comment_agent",
    "comment_type",
    "comment_parent",
    "user_id",
)


@dataclass(frozen=True)
class CommentRow:
    """One row of `{prefix}comments` (a `WP_Comment`)."""

    id: int
    post_id: int
    author: str
    author_email: str
    author_url: str
    author_ip: str
    date: str
    date_gmt: str
    content: str
    karma: int
    approved: str
    agent: str
    type: str
    parent: int
    user_id: int

    @property
    def comment_type(self) -> str:
        """`get_comment_type()`: an empty type is a `comment`."""
        return self.type or "comment"


@dataclass
class CommentQuery:
    """`WP_Comment_Query` query vars, after the REST controller mapped its parameters."""

    status: str = "all"
    type: str = ""
    comment_in: list[int] = field(default_factory=list)
    comment_not_in: list[int] = field(default_factory=list)
    parent_in: list[int] = field(default_factory=list)
    parent_not_in: list[int] = field(default_factory=list)
    post_in: list[int] = field(default_factory=list)
    author_in: list[int] = field(default_factory=list)
    author_not_in: list[int] = field(default_factory=list)
    author_email: str = ""
    search: str = ""
    # (operator, site-time MySQL datetime) on comment_date: ('>', after), ('<', before).
    dates: list[tuple[str, str]] = field(default_factory=list)
    orderby: str = ""
    order: str = "DESC"
    number: int = 0
    offset: int = 0


def parse_list(value: str) -> list[str]:
    """`wp_parse_list()` of a string: split on commas and whitespace."""
    return [part for part in re.split(r"[\s,]+", value) if part]


def approved_values(status: str) -> list[str] | None:
    """The `comment_approved` values a `status` query var selects (None: any)."""
    statuses = parse_list(status) or ["all"]
    if "any" in statuses:
        return None
    values: list[str] = []
    for name in statuses:
        if name == "hold":
            values.append("0")
        elif name == "approve":
            values.append("1")
        elif name in ("all", ""):
            values += ["0", "1"]
        else:
            values.append(name)
    return list(dict.fromkeys(values))


def type_clauses(type_: str) -> tuple[list[str], list[str]]:
    """The comment_type values for `IN` and `NOT IN`: notes stay out unless asked for."""
    raw_in = [type_]
    raw_not_in: list[str] = []
    if "all" not in raw_in and "note" not in raw_in:
        raw_not_in.append("note")

    def expand(raw: list[str]) -> list[str]:
        out: list[str] = []
        for name in dict.fromkeys(raw):
            if name in ("", "all"):
                continue
            if name in ("comment", "comments"):
                out += ["", "comment"]
            elif name == "pings":
                out += ["pingback", "trackback"]
            else:
                out.append(name)
        return out

    return expand(raw_in), expand(raw_not_in)


def order_terms(orderby: str, order: str) -> list[tuple[str, str]]:
    """`get_comment_ids()`'s ORDER BY as (column, direction) pairs.

    `comment__in` sorts by position in the list (direction `FIELD`). Unless the id already
    orders the rows, `comment_ID` breaks ties, in the direction of a date clause, otherwise
    DESC: WordPress's fallback tests `str_contains( 'ASC', $clause )` with its arguments
    swapped, which never holds.
    """
    order = "ASC" if order.upper() == "ASC" else "DESC"
    if orderby in ("none", ""):
        return [] if orderby == "none" else [("comment_date_gmt", order)]
    terms: list[tuple[str, str]] = []
    found_id = False
    for name in (n for n in re.split(r"[,\s]", orderby) if n):
        if name in ("comment_ID", "comment__in"):
            found_id = True
        if name == "comment__in":
            terms.append((name, "FIELD"))
        elif name in ORDER_COLUMNS:
            terms.append((name, order))
    if not terms:
        terms.append(("comment_date_gmt", order))
    if not found_id:
        tie = "DESC"
        for column, direction in terms:
            if _DATE_ORDER.fullmatch(f"{column} {direction}"):
                tie = direction
                break
        terms.append(("comment_ID", tie))
    return terms


def _row(values: Sequence[Any]) -> CommentRow:
    m = dict(zip(_ROW_FIELDS, values, strict=True))
    return CommentRow(
        id=int(m["comment_ID"]),
        post_id=int(m["comment_post_ID"] or 0),
        author=m["comment_author"] or "",
        author_email=m["comment_author_email"] or "",
        author_url=m["comment_author_url"] or "",
        author_ip=m["comment_author_IP"] or "",
        date=datetimes(m["comment_date"]),
        date_gmt=datetimes(m["comment_date_gmt"]),
        content=m["comment_content"] or "",
        karma=int(m["comment_karma"] or 0),
        approved=str(m["comment_approved"]),
        agent=m["comment_agent"] or "",
        type=m["comment_type"] or "",
        parent=int(m["comment_parent"] or 0),
        user_id=int(m["user_id"] or 0),
    )


def esc_like(text: str) -> str:
    """`$wpdb->esc_like()`."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class CommentsStore:
    """Reads comments, their meta and their children counts."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.t = db.tables
        c, m = self.t.comments.c, self.t.commentmeta.c
        ids: Any = bindparam("ids", expanding=True)
        self._rows = FastQuery(
            select(*(c[name] for name in _ROW_FIELDS)).where(c.comment_ID.in_(ids))
        )
        self._children = FastQuery(
            select(c.comment_parent, func.count())
            .where(c.comment_parent.in_(ids), c.comment_approved.in_(["0", "1"]))
            .group_by(c.comment_parent)
        )
        self._meta = FastQuery(
            select(m.comment_id, m.meta_key, m.meta_value)
            .where(m.comment_id.in_(ids), m.meta_key.in_(bindparam("keys", expanding=True)))
            .order_by(m.meta_id)
        )
        self._built: OrderedDict[tuple[Any, ...], tuple[FastQuery, FastQuery | None]] = (
            OrderedDict()
        )

    # -- rows -------------------------------------------------------------------------------

    def comments(self, ids: Iterable[int]) -> dict[int, CommentRow]:
        """Comments by id; within a request each is read once (WordPress's object cache)."""
        wanted = list(dict.fromkeys(int(i) for i in ids))
        memo = request_memo("comments")
        missing = wanted if memo is None else [i for i in wanted if i not in memo]
        found: dict[int, CommentRow] = {}
        if missing:
            found = {row.id: row for row in map(_row, self._rows.rows(self.db.conn(), ids=missing))}
        if memo is None:
            return found
        for i in missing:
            memo[i] = found.get(i)
        return {i: row for i in wanted if (row := memo.get(i)) is not None}

    def comment(self, comment_id: int) -> CommentRow | None:
        return self.comments([comment_id]).get(comment_id) if comment_id > 0 else None

    def children_counts(self, ids: Iterable[int]) -> dict[int, int]:
        """How many approved or held comments of any type reply to each comment."""
        wanted = list(dict.fromkeys(int(i) for i in ids))
        if not wanted:
            return {}
        return {
            int(parent): int(count)
            for parent, count in self._children.rows(self.db.conn(), ids=wanted)
        }

    def meta(self, ids: Iterable[int], keys: Sequence[str]) -> dict[int, dict[str, list[str]]]:
        """Comment meta: id → key → values in meta_id order."""
        wanted = list(dict.fromkeys(int(i) for i in ids))
        out: dict[int, dict[str, list[str]]] = {i: {} for i in wanted}
        if not wanted or not keys:
            return out
        for comment_id, key, value in self._meta.rows(self.db.conn(), ids=wanted, keys=list(keys)):
            out[int(comment_id)].setdefault(key, []).append(value)
        return out

    def older_top_level_count(
        self, post_id: int, date_gmt: str, include_unapproved_user: int = 0
    ) -> int:
        """`get_page_of_comment()`'s query: approved top-level comments of every type (notes
        too: it asks for type `all`) older than `date_gmt`, plus the reader's own held ones."""
        c = self.t.comments.c
        approved: ColumnElement[bool] = c.comment_approved == "1"
        if include_unapproved_user:
            approved = or_(
                approved, (c.user_id == include_unapproved_user) & (c.comment_approved == "0")
            )
        stmt = (
            select(func.count())
            .select_from(self.t.comments)
            .where(
                approved,
                c.comment_post_ID == post_id,
                c.comment_parent == 0,
                c.comment_date_gmt < date_gmt,
            )
        )
        return int(self.db.conn().execute(stmt).scalar() or 0)

    # -- WP_Comment_Query -------------------------------------------------------------------

    def _statements(self, q: CommentQuery) -> tuple[FastQuery, FastQuery | None]:
        """The count and ids statements of a query, built once per shape of query (which
        clauses, which order); the values are bound per call (`_params`)."""
        key = _shape(q)
        hit = self._built.get(key)
        if hit is None:
            where = self._where(q)
            ids = self._select_ids(q, where)
            hit = (FastQuery(self._count(where)), FastQuery(ids) if ids is not None else None)
            self._built[key] = hit
            if len(self._built) > 512:
                self._built.popitem(last=False)
        return hit

    def find(self, q: CommentQuery) -> tuple[list[int], int]:
        """The page of ids and the number of all matches (`found_comments`)."""
        conn = self.db.conn()
        count_query, ids_query = self._statements(q)
        params = _params(q)
        count = int(count_query.rows(conn, **params)[0][0] or 0)
        if not count:
            return [], 0
        if ids_query is None:
            return [], count
        if q.number > 0:
            params.update(limit=q.number, offset=abs(q.offset))  # absint()
        return [int(row[0]) for row in ids_query.rows(conn, **params)], count

    def count(self, q: CommentQuery) -> int:
        count_query, _ids = self._statements(q)
        return int(count_query.rows(self.db.conn(), **_params(q))[0][0] or 0)

    def _count(self, where: list[ColumnElement[bool]]) -> Select[Any]:
        return select(func.count()).select_from(self.t.comments).where(*where)

    def _select_ids(self, q: CommentQuery, where: list[ColumnElement[bool]]) -> Select[Any] | None:
        c = self.t.comments.c
        keys: list[Any] = []
        for column, direction in order_terms(q.orderby, q.order):
            if column == "comment__in":
                if not q.comment_in:
                    # `FIELD( comment_ID,  )` is an SQL error: WordPress gets no rows.
                    return None
                keys.append(
                    case(
                        {v: i + 1 for i, v in enumerate(q.comment_in)}, value=c.comment_ID, else_=0
                    )
                )
                continue
            key: Any = c[column]
            if column in _TEXT_COLUMNS and self.db.dialect == "sqlite":
                key = key.collate(COLLATION)
            keys.append(key.asc() if direction == "ASC" else key.desc())
        stmt = select(c.comment_ID).where(*where).order_by(*keys)
        if q.number > 0:
            stmt = stmt.limit(bindparam("limit")).offset(bindparam("offset"))
        return stmt

    def _like(self, column: Any, pattern: str) -> ColumnElement[bool]:
        # MySQL's LIKE ignores case under WordPress's collations; PostgreSQL's does not.
        if self.db.dialect == "postgresql":
            return column.ilike(pattern, escape="\\")  # type: ignore[no-any-return]
        return column.like(pattern, escape="\\")  # type: ignore[no-any-return]

    def _where(self, q: CommentQuery) -> list[ColumnElement[bool]]:
        """The clauses of `q`; their values are the parameters `_params()` gives."""
        c = self.t.comments.c

        def listed(name: str) -> Any:
            return bindparam(name, expanding=True)

        where: list[ColumnElement[bool]] = []
        if approved_values(q.status) is not None:
            where.append(c.comment_approved.in_(listed("approved")))
        if q.comment_in:
            where.append(c.comment_ID.in_(listed("comment_in")))
        if q.comment_not_in:
            where.append(c.comment_ID.not_in(listed("comment_not_in")))
        if q.parent_in:
            where.append(c.comment_parent.in_(listed("parent_in")))
        if q.parent_not_in:
            where.append(c.comment_parent.not_in(listed("parent_not_in")))
        if q.post_in:
            where.append(c.comment_post_ID.in_(listed("post_in")))
        if q.author_email != "":
            where.append(c.comment_author_email == bindparam("author_email"))
        types_in, types_not_in = type_clauses(q.type)
        if types_in:
            where.append(c.comment_type.in_(listed("types_in")))
        if types_not_in:
            where.append(c.comment_type.not_in(listed("types_not_in")))
        if q.search != "":
            like: Any = bindparam("like")
            where.append(or_(*(self._like(c[name], like) for name in SEARCH_COLUMNS)))
        if q.author_in:
            where.append(c.user_id.in_(listed("author_in")))
        if q.author_not_in:
            where.append(c.user_id.not_in(listed("author_not_in")))
        for i, (op, _value) in enumerate(q.dates):
            date: Any = bindparam(f"date_{i}")
            where.append(c.comment_date > date if op == ">" else c.comment_date < date)
        return where


def _shape(q: CommentQuery) -> tuple[Any, ...]:
    """What the SQL text of `q` depends on; every other value is a bound parameter."""
    types_in, types_not_in = type_clauses(q.type)
    return (
        approved_values(q.status) is not None,
        bool(q.comment_in),
        bool(q.comment_not_in),
        bool(q.parent_in),
        bool(q.parent_not_in),
        bool(q.post_in),
        q.author_email != "",
        bool(types_in),
        bool(types_not_in),
        q.search != "",
        bool(q.author_in),
        bool(q.author_not_in),
        tuple(op for op, _value in q.dates),
        q.orderby,
        q.order,
        q.number > 0,
        # FIELD( comment_ID, … ) lists its values in the statement itself.
        tuple(q.comment_in) if "comment__in" in q.orderby else (),
    )


def _params(q: CommentQuery) -> dict[str, Any]:
    """The bound values of the clauses `CommentsStore._where()` writes for `q`."""
    params: dict[str, Any] = {}
    approved = approved_values(q.status)
    if approved is not None:
        params["approved"] = approved
    for name in (
        "comment_in",
        "comment_not_in",
        "parent_in",
        "parent_not_in",
        "post_in",
        "author_in",
        "author_not_in",
    ):
        values = getattr(q, name)
        if values:
            params[name] = list(values)
    if q.author_email != "":
        params["author_email"] = q.author_email
    types_in, types_not_in = type_clauses(q.type)
    if types_in:
        params["types_in"] = types_in
    if types_not_in:
        params["types_not_in"] = types_not_in
    if q.search != "":
        params["like"] = "%" + esc_like(q.search) + "%"
    for i, (_op, value) in enumerate(q.dates):
        params[f"date_{i}"] = value
    return params


__all__ = [
    "CommentQuery",
    "CommentRow",
    "CommentsStore",
    "approved_values",
    "order_terms",
    "type_clauses",
]
