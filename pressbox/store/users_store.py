"""User queries: `WP_User_Query` as the REST users controller drives it, and user rows/meta.

WordPress counterparts: `WP_User_Query::prepare_query()` / `query()` (filters, search,
ordering, `LIMIT`, `FOUND_ROWS()`), `get_userdata()`, `get_user_meta()` and
`count_user_posts()` (whether it is zero). Meta conditions (roles, `who=authors`) become `EXISTS` subqueries, which
select the same users as WordPress's joins and need no `DISTINCT`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    bindparam,
    case,
    exists,
    false,
    func,
    literal,
    or_,
    select,
)

from pressbox.store.collation import COLLATION
from pressbox.store.db import Database
from pressbox.store.fastsql import FastQuery, datetimes
from pressbox.store.site import request_memo

# WP_User_Query's searchable columns.
SEARCH_COLUMNS = ("ID", "user_login", "user_email", "user_url", "user_nicename", "display_name")
# Columns `parse_orderby()` accepts as they are (other names map onto these).
_ORDER_COLUMNS = {
    "ID": "ID",
    "display_name": "display_name",
    "user_login": "user_login",
    "user_nicename": "user_nicename",
    "user_email": "user_email",
    "user_url": "user_url",
    "user_registered": "user_registered",
    "login": "user_login",
    "nicename": "user_nicename",
    "email": "user_email",
    "url": "user_url",
    "registered": "user_registered",
    "name": "display_name",
    "id": "ID",
}
_TEXT_COLUMNS = {"display_name", "user_login", "user_nicename", "user_email", "user_url"}
# MySQL's string → number conversion reads the longest numeric prefix.
_NUMERIC_PREFIX = re.compile(r"^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_PHP_NUMERIC = re.compile(
    r"^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$"
)


# Rows and post counts known while a page of users is prepared: the links' target hints run
# the item permission checks for every user, which would otherwise query each one again.
_CountKey = tuple[int, tuple[str, ...], tuple[str, ...]]
_primed: ContextVar[tuple[dict[int, UserRow], dict[_CountKey, bool]] | None] = ContextVar(
    "primed_users", default=None
)


@dataclass(frozen=True)
class UserRow:
    """One row of `{prefix}users` (the password and activation key are never read)."""

    id: int
    user_login: str
    user_nicename: str
    user_email: str
    user_url: str
    user_registered: str
    display_name: str


@dataclass
class UserQuery:
    """The `WP_User_Query` arguments the REST controller sets."""

    number: int = 10
    offset: int = 0
    include: list[int] = field(default_factory=list)
    exclude: list[int] = field(default_factory=list)
    nicename_in: list[str] = field(default_factory=list)
    # role__in after capability__in was merged in: `"name"` is looked for in the capabilities.
    role_in: list[str] = field(default_factory=list)
    who_authors: bool = False
    # Post types: users with a published post of one of them (None: no condition).
    has_published_posts: list[str] | None = None
    search: str = ""  # as given to WP_User_Query, `*` wildcards included
    search_columns: list[str] = field(default_factory=list)
    orderby: str = "display_name"
    order: str = "ASC"


def esc_like(text: str) -> str:
    """`$wpdb->esc_like()`."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def php_is_numeric(value: str) -> bool:
    """PHP 8's `is_numeric()` for a string."""
    return bool(_PHP_NUMERIC.match(value))


def mysql_number(value: str) -> float:
    """The number MySQL compares a string with when the other side is an integer column."""
    m = _NUMERIC_PREFIX.match(value)
    return float(m.group(0)) if m else 0.0


def parse_search(search: str) -> tuple[str, bool, bool]:
    """The search term with its `*` wildcards removed, and whether it had leading/trailing ones."""
    search = search.strip()
    leading = search.lstrip("*") != search
    trailing = search.rstrip("*") != search
    if leading or trailing:
        search = search.strip("*")
    return search, leading, trailing


def default_search_columns(search: str) -> list[str]:
    """The columns WP_User_Query searches when none are given, guessed from the term."""
    if "@" in search:
        return ["user_email"]
    if php_is_numeric(search):
        return ["user_login", "ID"]
    if re.match(r"^https?://", search):
        return ["user_url"]
    return ["user_login", "user_url", "user_email", "user_nicename", "display_name"]


class UsersStore:
    """Reads users, their meta and whether they have posts."""

    def __init__(self, db: Database, prefix: str = "wp_") -> None:
        self.db = db
        self.t = db.tables
        self.prefix = prefix
        u = self.t.users.c
        self._by_ids = FastQuery(
            select(
                u.ID,
                u.user_login,
                u.user_nicename,
                u.user_email,
                u.user_url,
                u.user_registered,
                u.display_name,
            ).where(u.ID.in_(bindparam("ids", expanding=True)))
        )
        self._post_queries: dict[tuple[tuple[str, ...], tuple[str, ...], bool], FastQuery] = {}
        m = self.t.usermeta.c
        self._meta = FastQuery(
            select(m.user_id, m.meta_key, m.meta_value)
            .where(
                m.user_id.in_(bindparam("ids", expanding=True)),
                m.meta_key.in_(bindparam("keys", expanding=True)),
            )
            .order_by(m.umeta_id)
        )

    @property
    def capabilities_key(self) -> str:
        return f"{self.prefix}capabilities"

    # -- rows -------------------------------------------------------------------------------

    def users(self, ids: Iterable[int]) -> dict[int, UserRow]:
        """Users by id (absent ids are left out)."""
        wanted = list(dict.fromkeys(int(i) for i in ids))
        if not wanted:
            return {}
        out: dict[int, UserRow] = {}
        for uid, login, nicename, email, url, registered, display in self._by_ids.rows(
            self.db.conn(), ids=wanted
        ):
            out[int(uid)] = UserRow(
                id=int(uid),
                user_login=login or "",
                user_nicename=nicename or "",
                user_email=email or "",
                user_url=url or "",
                user_registered=datetimes(registered) if registered is not None else "",
                display_name=display or "",
            )
        return out

    def user(self, user_id: int) -> UserRow | None:
        if user_id <= 0:
            return None
        primed = _primed.get()
        if primed is not None and user_id in primed[0]:
            return primed[0][user_id]
        memo = request_memo("users")
        if memo is not None and user_id in memo:
            return memo[user_id]  # type: ignore[no-any-return]
        row = self.users([user_id]).get(user_id)
        if memo is not None:
            memo[user_id] = row
        return row

    @contextmanager
    def primed(
        self,
        rows: dict[int, UserRow],
        post_types: Sequence[str],
        private_types: Sequence[str] = (),
    ) -> Iterator[None]:
        """Answer `user()` and `has_posts()` for `rows` from memory meanwhile."""
        key = (tuple(post_types), tuple(private_types))
        known = request_memo("user_has_posts")
        if known is not None and rows and all((uid, *key) in known for uid in rows):
            with_posts = {uid for uid in rows if known[(uid, *key)]}
        else:
            with_posts = self.users_with_posts(list(rows), post_types, private_types)
        memo = {(user_id, *key): user_id in with_posts for user_id in rows}
        token = _primed.set((rows, memo))
        try:
            yield
        finally:
            _primed.reset(token)

    def meta(self, ids: Iterable[int], keys: Sequence[str]) -> dict[int, dict[str, list[str]]]:
        """`get_user_meta()` for many users: id → key → values in insertion order."""
        wanted = list(dict.fromkeys(int(i) for i in ids))
        out: dict[int, dict[str, list[str]]] = {i: {} for i in wanted}
        if not wanted or not keys:
            return out
        rows = self._meta.rows(self.db.conn(), ids=wanted, keys=list(keys))
        for user_id, key, value in rows:
            out[int(user_id)].setdefault(key, []).append(value if value is not None else "")
        return out

    def has_posts(
        self, user_id: int, post_types: Sequence[str], private_types: Sequence[str] = ()
    ) -> bool:
        """Whether `count_user_posts()` is not zero: published posts of `post_types`, and
        private ones of `private_types` (the types whose private posts the reader may read).

        WordPress only ever asks whether the count is zero; the first post found answers.
        """
        primed = _primed.get()
        key = (user_id, tuple(post_types), tuple(private_types))
        if primed is not None and key in primed[1]:
            return primed[1][key]
        memo = request_memo("user_has_posts")
        if memo is not None and key in memo:
            return bool(memo[key])
        found = bool(self.users_with_posts([user_id], post_types, private_types))
        if memo is not None:
            memo[key] = found
        return found

    def users_with_posts(
        self, user_ids: Sequence[int], post_types: Sequence[str], private_types: Sequence[str] = ()
    ) -> set[int]:
        """Which of these users have a post `has_posts()` counts."""
        if not post_types or not user_ids:
            return set()
        private = [t for t in private_types if t in post_types]
        single = len(user_ids) == 1
        key = (tuple(post_types), tuple(private), single)
        query = self._post_queries.get(key)
        if query is None:
            p = self.t.posts.c
            status = p.post_status == "publish"
            if private:
                status = or_(status, and_(p.post_status == "private", p.post_type.in_(private)))
            where = (
                p.post_author.in_(bindparam("ids", expanding=True)),
                p.post_type.in_(list(post_types)),
                status,
            )
            # One author: the first matching post answers (an author of thousands of posts
            # is not counted); several: each author once.
            stmt = (
                select(p.post_author).where(*where).limit(1)
                if single
                else select(p.post_author).where(*where).distinct()
            )
            query = self._post_queries[key] = FastQuery(stmt)
        rows = query.rows(self.db.conn(), ids=[int(i) for i in user_ids])
        return {int(author) for (author,) in rows}

    # -- WP_User_Query ----------------------------------------------------------------------

    def find(self, q: UserQuery) -> tuple[list[int], int]:
        """The ids of the requested page, in order, and the number of all matches."""
        where = self._where(q)
        u = self.t.users.c
        stmt = select(u.ID).where(*where).order_by(*self._order(q))
        if q.number > 0:
            stmt = stmt.limit(q.number).offset(max(q.offset, 0))
        conn = self.db.conn()
        ids = [int(i) for i in conn.execute(stmt).scalars()]
        if q.number <= 0 or (q.offset <= 0 and len(ids) < q.number):
            # A short first page holds every match: FOUND_ROWS() would say as much.
            return ids, len(ids)
        return ids, self.count(q)

    def count(self, q: UserQuery) -> int:
        """FOUND_ROWS() of the query: every match, whatever the page."""
        stmt = select(func.count()).select_from(self.t.users).where(*self._where(q))
        return int(self.db.conn().execute(stmt).scalar() or 0)

    def _like(self, column: Any, pattern: str) -> ColumnElement[bool]:
        # MySQL's LIKE ignores case under WordPress's collations; PostgreSQL's does not.
        if self.db.dialect == "postgresql":
            return column.ilike(pattern, escape="\\")  # type: ignore[no-any-return]
        return column.like(pattern, escape="\\")  # type: ignore[no-any-return]

    def _meta_exists(self, key: str, condition: ColumnElement[bool] | None) -> ColumnElement[bool]:
        m, u = self.t.usermeta.c, self.t.users.c
        clauses = [m.user_id == u.ID, m.meta_key == key]
        if condition is not None:
            clauses.append(condition)
        return exists().where(*clauses)

    def _where(self, q: UserQuery) -> list[ColumnElement[bool]]:
        u, p, m = self.t.users.c, self.t.posts.c, self.t.usermeta.c
        where: list[ColumnElement[bool]] = []
        if q.has_published_posts is not None:
            authors = (
                select(p.post_author)
                .where(p.post_status == "publish", p.post_type.in_(q.has_published_posts))
                .distinct()
            )
            where.append(u.ID.in_(authors))
        if q.nicename_in:
            where.append(u.user_nicename.in_(q.nicename_in))
        if q.who_authors:
            where.append(self._meta_exists(f"{self.prefix}user_level", m.meta_value != "0"))
        if q.role_in:
            likes = [self._like(m.meta_value, "%" + esc_like(f'"{r}"') + "%") for r in q.role_in]
            where.append(self._meta_exists(self.capabilities_key, or_(*likes)))
        search = self._search(q)
        if search is not None:
            where.append(search)
        if q.include:
            where.append(u.ID.in_(q.include))
        elif q.exclude:
            where.append(u.ID.not_in(q.exclude))
        return where

    def _search(self, q: UserQuery) -> ColumnElement[bool] | None:
        raw = q.search.strip()
        if not raw or raw == "0":
            return None
        term, leading, trailing = parse_search(raw)
        columns = [c for c in q.search_columns if c in SEARCH_COLUMNS]
        if not columns:
            columns = default_search_columns(term)
        like = ("%" if leading else "") + esc_like(term) + ("%" if trailing else "")
        u = self.t.users.c
        parts: list[ColumnElement[bool]] = []
        for column in columns:
            if column == "ID":
                number = mysql_number(term)
                parts.append(u.ID == int(number) if number.is_integer() else false())
            else:
                parts.append(self._like(getattr(u, column), like))
        return or_(*parts)

    def _text(self, column: Any) -> Any:
        """Order text as WordPress's MySQL collation does, whatever the backend."""
        if self.db.dialect == "sqlite":
            return column.collate(COLLATION)
        return column

    def _order(self, q: UserQuery) -> list[Any]:
        u = self.t.users.c
        descending = q.order.upper() == "DESC"
        keys: list[Any] = []
        if q.orderby == "include" and q.include:
            # FIELD( ID, … ): the position in `include`, then the direction.
            key: Any = case({v: i for i, v in enumerate(q.include)}, value=u.ID, else_=literal(-1))
            keys.append(key.desc() if descending else key.asc())
        elif q.orderby == "nicename__in":
            # FIELD( user_nicename, … ) is always ascending.
            if q.nicename_in:
                positions = {v: i for i, v in enumerate(q.nicename_in)}
                keys.append(case(positions, value=u.user_nicename, else_=literal(-1)).asc())
        elif q.orderby in _ORDER_COLUMNS:
            name = _ORDER_COLUMNS[q.orderby]
            column: Any = getattr(u, name)
            column = self._text(column) if name in _TEXT_COLUMNS else column
            keys.append(column.desc() if descending else column.asc())
        else:
            # No valid clause: WordPress orders by user_login.
            keys.append(
                self._text(u.user_login).desc() if descending else self._text(u.user_login).asc()
            )
        # Ties are arbitrary in WordPress; the primary key keeps ours stable.
        keys.append(u.ID.asc())
        return keys
