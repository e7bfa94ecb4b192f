"""The subset of WP_Term_Query that the REST terms controller drives, as SQLAlchemy Core.

`TermQuery` holds `get_terms()` arguments after the controller mapped its parameters;
`TermQueries` runs the page query and `wp_count_terms()`'s count, and reads term rows, meta and
ancestors. The SQL runs on SQLite, MySQL/MariaDB and PostgreSQL alike; text sorts use
WordPress's collation on SQLite (see `pressbox.store.collation`).

Two WordPress quirks are kept on purpose: a hierarchical taxonomy's `hide_empty` keeps empty
terms that have a non-empty descendant (get_terms() filters after the query), while the count
(`fields=count`, never hierarchical) simply asks `count > 0`; and `include` wins over `exclude`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, case, func, select

from pressbox.store.collation import COLLATION, collation_key
from pressbox.store.db import Database
from pressbox.store.fastsql import FastQuery

# WP_Term_Query::parse_orderby(): the orderby values that name a column.
_TERM_COLUMNS = ("term_id", "name", "slug", "term_group")
_TAXONOMY_COLUMNS = ("count", "parent", "taxonomy", "term_taxonomy_id", "description")
_TEXT_COLUMNS = ("name", "slug", "taxonomy", "description")


@dataclass(frozen=True)
class TermRow:
    """A `WP_Term`: one row of `terms` joined to its `term_taxonomy` row."""

    term_id: int
    name: str
    slug: str
    term_group: int
    term_taxonomy_id: int
    taxonomy: str
    description: str
    parent: int
    count: int


@dataclass
class TermQuery:
    """`get_terms()` arguments (the ones the REST API sets), WordPress's defaults aside."""

    taxonomy: str
    hierarchical: bool = True  # False for flat taxonomies (get_terms() turns it off)
    include: list[int] = field(default_factory=list)
    exclude: list[int] = field(default_factory=list)
    slug: list[str] = field(default_factory=list)  # already sanitize_title()d
    search: str = ""
    parent: int | None = None  # None: WordPress's '' (no parent clause)
    object_ids: list[int] = field(default_factory=list)
    hide_empty: bool = False
    orderby: str = "name"
    order: str = "ASC"
    number: int = 0  # 0: no limit
    offset: int = 0

    @property
    def hides_empty(self) -> bool:
        """`hide_empty` as get_terms() applies it: the relationship join makes it moot."""
        return self.hide_empty and not self.object_ids


# Positions in `TermQueries._row_columns`.
_ROW_NAME, _ROW_SLUG, _ROW_COUNT = 1, 2, 8


def term_row(r: Sequence[Any]) -> TermRow:
    """A row of `TermQueries._row_columns` (term columns, then term_taxonomy ones)."""
    return TermRow(
        term_id=int(r[0]),
        name=str(r[1]),
        slug=str(r[2]),
        term_group=int(r[3]),
        term_taxonomy_id=int(r[4]),
        taxonomy=str(r[5]),
        description=str(r[6] or ""),
        parent=int(r[7]),
        count=int(r[8]),
    )


def _limits_in_sql(q: TermQuery) -> bool:
    """get_terms() does not limit hierarchical queries in SQL: it slices after filtering."""
    return bool(q.number) and not (q.hierarchical and q.hides_empty)


def _shape(q: TermQuery) -> tuple[Any, ...]:
    """What the SQL text of `q` depends on; every other value is a bound parameter."""
    orderby = q.orderby.lower()
    # FIELD()-like orders list their values in the statement itself.
    listed: tuple[Any, ...] = ()
    if orderby == "include":
        listed = tuple(q.include)
    elif orderby == "slug__in":
        listed = tuple(q.slug)
    return (
        bool(q.include),
        bool(q.exclude),
        bool(q.slug),
        bool(q.object_ids),
        q.parent is not None,
        q.hides_empty,
        q.hierarchical,
        bool(q.search),
        orderby,
        q.order.upper(),
        _limits_in_sql(q),
        listed,
    )


def _params(q: TermQuery, *, limit: bool) -> dict[str, Any]:
    """The bound values of the clauses `TermQueries._where()` writes for `q`."""
    params: dict[str, Any] = {"taxonomy": q.taxonomy}
    if q.include:
        params["include"] = list(q.include)
    elif q.exclude:
        params["exclude"] = list(q.exclude)
    if q.slug:
        params["slug"] = list(q.slug)
    if q.object_ids:
        params["object_ids"] = list(q.object_ids)
    if q.parent is not None:
        params["parent"] = q.parent
    if q.search:
        params["like"] = "%" + esc_like(q.search) + "%"
    if limit and _limits_in_sql(q):
        params["limit"] = q.number
        params["offset"] = q.offset
    return params


def esc_like(text: str) -> str:
    """`$wpdb->esc_like()` with `\\` as the escape character."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def parse_id_list(values: Iterable[Any]) -> list[int]:
    """`wp_parse_id_list()`: absolute integers, first occurrence kept."""
    out: list[int] = []
    for value in values:
        try:
            number = abs(int(value))
        except (TypeError, ValueError):
            number = 0
        if number not in out:
            out.append(number)
    return out


Hierarchy = tuple[dict[int, list[int]], dict[int, int]]


def _has_counted_descendant(hierarchy: Hierarchy, term_id: int) -> bool:
    """Whether any descendant of the term has a non-zero count (get_term_children())."""
    children, counts = hierarchy
    stack, seen = list(children.get(term_id, ())), {term_id}
    while stack:
        child = stack.pop()
        if child in seen:
            continue
        seen.add(child)
        if counts.get(child):
            return True
        stack.extend(children.get(child, ()))
    return False


# Terms already read while preparing a page, for the permission checks of its links.
_primed: ContextVar[dict[int, TermRow] | None] = ContextVar("primed_terms", default=None)


@contextmanager
def primed(terms: Iterable[TermRow]) -> Iterator[None]:
    """Serve `TermQueries.term()` from these rows (and their ancestors) while inside."""
    known = dict(_primed.get() or {})
    known.update((t.term_id, t) for t in terms)
    token = _primed.set(known)
    try:
        yield
    finally:
        _primed.reset(token)


class TermQueries:
    """Term queries over one site's tables."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.t = db.tables
        te, tt = self.t.terms.c, self.t.term_taxonomy.c
        self._joined = self.t.terms.join(self.t.term_taxonomy, te.term_id == tt.term_id)
        self._row_columns = (
            te.term_id,
            te.name,
            te.slug,
            te.term_group,
            tt.term_taxonomy_id,
            tt.taxonomy,
            tt.description,
            tt.parent,
            tt.count,
        )
        self._by_ids = FastQuery(
            select(*self._row_columns)
            .select_from(self._joined)
            .where(
                te.term_id.in_(bindparam("ids", expanding=True)),
                tt.taxonomy == bindparam("taxonomy"),
            )
        )
        self._hierarchy = FastQuery(
            select(tt.term_id, tt.parent, tt.count)
            .where(tt.taxonomy == bindparam("taxonomy"), tt.parent > 0)
            .order_by(tt.term_id)
        )
        # Statements by the shape of a query (which clauses, which order): values are bound
        # per call, so the same list for another post or page reuses the compiled SQL.
        self._statements: OrderedDict[tuple[Any, ...], FastQuery] = OrderedDict()

    def _cached(self, kind: str, q: TermQuery, build: Any) -> FastQuery:
        key = (kind, *_shape(q))
        query = self._statements.get(key)
        if query is None:
            query = self._statements[key] = FastQuery(build(q))
            if len(self._statements) > 512:
                self._statements.popitem(last=False)
        return query

    # -- building ---------------------------------------------------------------------------

    def _text(self, column: Any) -> Any:
        """Sort text as WordPress's MySQL collation does, whatever the backend."""
        return column.collate(COLLATION) if self.db.dialect == "sqlite" else column

    def _where(self, q: TermQuery, *, counting: bool) -> list[ColumnElement[bool]]:
        """The clauses of `q`; their values are the parameters `_params()` gives."""
        te, tt = self.t.terms.c, self.t.term_taxonomy.c
        where: list[ColumnElement[bool]] = [tt.taxonomy == bindparam("taxonomy")]
        if q.include:
            where.append(te.term_id.in_(bindparam("include", expanding=True)))
        elif q.exclude:
            where.append(te.term_id.not_in(bindparam("exclude", expanding=True)))
        if q.slug:
            where.append(te.slug.in_(bindparam("slug", expanding=True)))
        if q.object_ids:
            where.append(
                self.t.term_relationships.c.object_id.in_(bindparam("object_ids", expanding=True))
            )
        if q.parent is not None:
            where.append(tt.parent == bindparam("parent"))
        # Hierarchical lists filter after the query; counts never do.
        if q.hides_empty and (counting or not q.hierarchical):
            where.append(tt.count > 0)
        if q.search:
            like: Any = bindparam("like")
            where.append(te.name.ilike(like, escape="\\") | te.slug.ilike(like, escape="\\"))
        return where

    def _from(self, q: TermQuery) -> Any:
        if not q.object_ids:
            return self._joined
        tt, tr = self.t.term_taxonomy.c, self.t.term_relationships.c
        return self._joined.join(
            self.t.term_relationships, tr.term_taxonomy_id == tt.term_taxonomy_id
        )

    def _order(self, q: TermQuery) -> list[Any]:
        """WP_Term_Query::parse_orderby() and parse_order()."""
        te, tt = self.t.terms.c, self.t.term_taxonomy.c
        orderby = q.orderby.lower()
        column: Any
        if orderby in _TERM_COLUMNS:
            column = getattr(te, orderby)
        elif orderby in _TAXONOMY_COLUMNS:
            column = getattr(tt, orderby)
        elif orderby == "include" and q.include:
            # FIELD( t.term_id, … ): unlisted values sort first, as 0.
            column = case({v: i + 1 for i, v in enumerate(q.include)}, value=te.term_id, else_=0)
        elif orderby == "slug__in" and q.slug:
            column = case({v: i + 1 for i, v in enumerate(q.slug)}, value=te.slug, else_=0)
        elif orderby == "none":
            return []
        elif orderby in ("", "id", "term_id"):
            column = te.term_id
        else:
            column = te.name
            orderby = "name"
        if orderby in _TEXT_COLUMNS:
            column = self._text(column)
        return [column.asc() if q.order.upper() == "ASC" else column.desc()]

    def _sorted_here(self, q: TermQuery) -> int | None:
        """The row position of the text column to sort by in Python, when SQLite would call
        the collation back for every comparison of a list it does not limit anyway."""
        if self.db.dialect != "sqlite" or _limits_in_sql(q):
            return None
        orderby = q.orderby.lower()
        if orderby == "slug":
            return _ROW_SLUG
        known = _TERM_COLUMNS + _TAXONOMY_COLUMNS + ("include", "slug__in", "none", "", "id")
        return _ROW_NAME if orderby == "name" or orderby not in known else None

    def select_ids(self, q: TermQuery) -> Select[Any]:
        """The ordered terms (limited when get_terms() limits in SQL).

        On MySQL/MariaDB this is WP_Term_Query's own statement, `SELECT t.term_id` (DISTINCT
        with the relationship join): the server breaks ties in ORDER BY by the plan, and a
        wider select list changes the plan, so only the same statement gives the same order
        as WordPress on the same database. Elsewhere the rows come in the same query.
        """
        if self.db.dialect == "mysql":
            stmt = select(self.t.terms.c.term_id).select_from(self._from(q))
            if q.object_ids:
                stmt = stmt.distinct()
        else:
            # One object (all the REST API asks for) has one row per term, and PostgreSQL
            # refuses DISTINCT with this ORDER BY.
            stmt = select(*self._row_columns).select_from(self._from(q))
        stmt = stmt.where(*self._where(q, counting=False))
        if self._sorted_here(q) is None:
            stmt = stmt.order_by(*self._order(q))
        if _limits_in_sql(q):
            stmt = stmt.limit(bindparam("limit")).offset(bindparam("offset"))
        return stmt

    def select_count(self, q: TermQuery) -> Select[Any]:
        """`wp_count_terms()`: COUNT(*) over the same clauses, relationship rows included."""
        stmt = select(func.count()).select_from(self._from(q))
        return stmt.where(*self._where(q, counting=True))

    # -- running ----------------------------------------------------------------------------

    def find(self, q: TermQuery) -> list[int]:
        """`get_terms( … 'fields' => 'ids' )` for the page."""
        return [term.term_id for term in self.find_rows(q)]

    def find_rows(self, q: TermQuery) -> list[TermRow]:
        """`get_terms()` for the page: the terms themselves, in order, in one query."""
        statement = self._cached("rows", q, self.select_ids)
        rows = statement.rows(self.db.conn(), **_params(q, limit=True))
        if self.db.dialect == "mysql":
            # Term ids in WordPress's order; then the terms, as _prime_term_caches() reads them.
            ids = [int(r[0]) for r in rows]
            found = (
                {
                    int(r[0]): r
                    for r in self._by_ids.rows(self.db.conn(), ids=ids, taxonomy=q.taxonomy)
                }
                if ids
                else {}
            )
            rows = [found[i] for i in ids if i in found]
        column = self._sorted_here(q)
        if column is not None:
            # The collation's keys, once per row; a stable sort keeps the scan order of ties.
            descending = q.order.upper() != "ASC"
            rows.sort(key=lambda r: collation_key(str(r[column] or "")), reverse=descending)
        if not (q.hierarchical and q.hides_empty):
            return [term_row(r) for r in rows]
        # Make sure empty terms that have non-empty descendants stay (get_terms()); rows
        # become terms only once they are on the page.
        count = _ROW_COUNT
        hierarchy = self.hierarchy(q.taxonomy) if any(not r[count] for r in rows) else ({}, {})
        kept = [r for r in rows if r[count] or _has_counted_descendant(hierarchy, int(r[0]))]
        page = kept[q.offset : q.offset + q.number] if q.number else kept
        return [term_row(r) for r in page]

    def count(self, q: TermQuery) -> int:
        statement = self._cached("count", q, self.select_count)
        return int(statement.rows(self.db.conn(), **_params(q, limit=False))[0][0] or 0)

    def hierarchy(self, taxonomy: str) -> Hierarchy:
        """`_get_term_hierarchy()` (parent → children) and each child's count."""
        rows = self._hierarchy.rows(self.db.conn(), taxonomy=taxonomy)
        children: dict[int, list[int]] = {}
        counts: dict[int, int] = {}
        for term_id, parent, count in rows:
            children.setdefault(int(parent), []).append(int(term_id))
            counts[int(term_id)] = int(count)
        return children, counts

    def _rows(self, where: ColumnElement[bool]) -> list[TermRow]:
        stmt = select(*self._row_columns).select_from(self._joined).where(where)
        return [term_row(r) for r in self.db.conn().execute(stmt)]

    def terms(self, ids: Sequence[int], taxonomy: str) -> dict[int, TermRow]:
        """The terms of `taxonomy` with these ids."""
        if not ids:
            return {}
        rows = self._by_ids.rows(self.db.conn(), ids=list(ids), taxonomy=taxonomy)
        return {r.term_id: r for r in map(term_row, rows)}

    def term(self, term_id: int, taxonomy: str) -> TermRow | None:
        """`get_term( $id, $taxonomy )`: None when no term of that taxonomy has the id."""
        known = _primed.get()
        if known is not None:
            hit = known.get(term_id)
            if hit is not None and hit.taxonomy == taxonomy:
                return hit
        return self.terms([term_id], taxonomy).get(term_id)

    def with_ancestors(self, terms: Iterable[TermRow]) -> dict[int, TermRow]:
        """These terms and all their ancestors in the same taxonomy, one query per level."""
        known = {t.term_id: t for t in terms}
        by_taxonomy: dict[str, set[int]] = {}
        for term in known.values():
            by_taxonomy.setdefault(term.taxonomy, set()).add(term.term_id)
        for taxonomy in by_taxonomy:
            while True:
                missing = {
                    t.parent
                    for t in known.values()
                    if t.taxonomy == taxonomy and t.parent and t.parent not in known
                }
                found = self.terms(sorted(missing), taxonomy) if missing else {}
                if not found:
                    break
                known.update(found)
        return known

    def meta(self, ids: Sequence[int], keys: Sequence[str]) -> dict[int, dict[str, list[str]]]:
        """The values of these meta keys for these terms, in `meta_id` order."""
        out: dict[int, dict[str, list[str]]] = {i: {} for i in ids}
        if not ids or not keys:
            return out
        m = self.t.termmeta.c
        rows = self.db.conn().execute(
            select(m.term_id, m.meta_key, m.meta_value)
            .where(m.term_id.in_(list(ids)), m.meta_key.in_(list(keys)))
            .order_by(m.meta_id)
        )
        for term_id, key, value in rows:
            out.setdefault(int(term_id), {}).setdefault(str(key), []).append(str(value or ""))
        return out
