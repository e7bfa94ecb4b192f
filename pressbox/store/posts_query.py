"""The subset of WP_Query that the REST API drives, as SQLAlchemy Core.

`PostQuery` holds WP_Query's query vars (after the REST controller mapped its parameters);
`build` turns them into a SELECT that runs on SQLite, MySQL/MariaDB and PostgreSQL alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    exists,
    false,
    func,
    literal,
    not_,
    or_,
    select,
)

from pressbox.schema._php import page_offset
from pressbox.store.collation import COLLATION
from pressbox.store.tables import Tables

# get_search_stopwords() for en_US.
STOPWORDS = frozenset(
    [
        "about",
        "an",
        "are",
        "as",
        "at",
        "be",
        "by",
        "com",
        "for",
        "from",
        "how",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "what",
        "when",
        "where",
        "who",
        "will",
        "with",
        "www",
    ]
)
_SEARCH_TERMS = re.compile(r'".*?("|$)|((?<=[\t ",+])|^)[^\t ",+]+')
SEARCH_COLUMNS = ("post_title", "post_excerpt", "post_content")


@dataclass
class TaxClause:
    """One clause of a tax query: term_taxonomy ids already resolved (children included)."""

    taxonomy: str
    term_taxonomy_ids: list[int]
    operator: str = "IN"  # IN, NOT IN, AND, EXISTS, NOT EXISTS


@dataclass
class PostQuery:
    post_type: list[str] = field(default_factory=lambda: ["post"])
    post_status: list[str] = field(default_factory=lambda: ["publish"])
    author_in: list[int] = field(default_factory=list)
    author_not_in: list[int] = field(default_factory=list)
    post_in: list[int] = field(default_factory=list)
    post_not_in: list[int] = field(default_factory=list)
    name_in: list[str] = field(default_factory=list)
    parent_in: list[int] = field(default_factory=list)
    parent_not_in: list[int] = field(default_factory=list)
    menu_order: int | None = None
    search: str = ""
    search_columns: list[str] = field(default_factory=list)
    exact: bool = False
    # (column, op, value): column post_date/post_modified, op '>' or '<'.
    dates: list[tuple[str, str, str]] = field(default_factory=list)
    tax: list[TaxClause] = field(default_factory=list)
    tax_relation: str = "AND"
    # An OR group of format clauses, ANDed with `tax` (the REST `format` filter).
    format_clauses: list[TaxClause] = field(default_factory=list)
    orderby: str = "date"
    order: str = "DESC"
    # The page is bound into the statement (`QueryBuilder.paging`), so it stays out of the
    # repr that keys remembered statements.
    per_page: int = field(default=10, repr=False)
    page: int = field(default=1, repr=False)
    offset: int | None = field(default=None, repr=False)
    logged_in: bool = False
    post_password: str | None = None
    mime_type: list[str] = field(default_factory=list)


def _like(term: str) -> str:
    """$wpdb->esc_like wrapped in %…%."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_terms(s: str) -> tuple[list[str], int]:
    """parse_search + parse_search_terms: the terms and the raw term count."""
    s = s.replace("\r", "").replace("\n", "")
    matches = [m.group(0) for m in _SEARCH_TERMS.finditer(s)]
    if not matches:
        return [s], 1
    checked: list[str] = []
    for term in matches:
        term = term.strip("\"'") if re.match(r'^".+"$', term) else term.strip("\"' ")
        if not term or (len(term.encode()) == 1 and re.match(r"^[a-z\-]$", term, re.I)):
            continue
        if term.lower() in STOPWORDS:
            continue
        checked.append(term)
    if not checked or len(checked) > 9:
        checked = [s]
    return checked, len(matches)


class QueryBuilder:
    """Builds SELECTs over one site's tables."""

    def __init__(self, tables: Tables, dialect: str = "sqlite") -> None:
        self.t = tables
        self.dialect = dialect

    def text_order(self, col: Any) -> Any:
        """Order text as WordPress's MySQL collation does, whatever the backend."""
        if self.dialect == "sqlite":
            return col.collate(COLLATION)
        return col

    def _where(self, q: PostQuery) -> list[ColumnElement[bool]]:
        p = self.t.posts.c
        where: list[ColumnElement[bool]] = []
        if q.post_type:
            where.append(
                p.post_type.in_(q.post_type)
                if len(q.post_type) > 1
                else p.post_type == q.post_type[0]
            )
        if q.post_in:
            where.append(p.ID.in_(q.post_in))
        if q.post_not_in:
            where.append(p.ID.not_in(q.post_not_in))
        if q.name_in:
            where.append(p.post_name.in_(q.name_in))
        if q.parent_in:
            where.append(p.post_parent.in_(q.parent_in))
        if q.parent_not_in:
            where.append(p.post_parent.not_in(q.parent_not_in))
        if q.menu_order is not None:
            where.append(p.menu_order == q.menu_order)
        if q.author_in:
            where.append(p.post_author.in_(q.author_in))
        if q.author_not_in:
            where.append(p.post_author.not_in(q.author_not_in))
        for column, op, value in q.dates:
            col = p.post_date if column == "post_date" else p.post_modified
            where.append(col > value if op == ">" else col < value)
        if q.search:
            where.extend(self._search(q))
        if q.post_password is not None:
            where.append(p.post_password == q.post_password)
        if q.mime_type:
            where.append(
                or_(
                    *(
                        p.post_mime_type.like(m.replace("*", "%"))
                        if "/" in m
                        else p.post_mime_type.like(m + "/%")
                        for m in q.mime_type
                    )
                )
            )
        tax = self._tax(q.tax, q.tax_relation)
        if tax is not None:
            where.append(tax)
        if q.format_clauses:
            fmt = self._tax(q.format_clauses, "OR")
            if fmt is not None:
                where.append(fmt)
        if q.post_status:
            where.append(
                p.post_status.in_(q.post_status)
                if len(q.post_status) > 1
                else p.post_status == q.post_status[0]
            )
        return where

    def _search(self, q: PostQuery) -> list[ColumnElement[bool]]:
        p = self.t.posts.c
        terms, _count = search_terms(q.search)
        cols = [c for c in (q.search_columns or SEARCH_COLUMNS) if c in SEARCH_COLUMNS] or list(
            SEARCH_COLUMNS
        )
        parts: list[ColumnElement[bool]] = []
        for term in terms:
            exclude = term.startswith("-")
            if exclude:
                term = term[1:]
            like = (
                _like(term)
                if not q.exact
                else term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            )
            if exclude:
                parts.append(and_(*(not_(getattr(p, c).like(like, escape="\\")) for c in cols)))
            else:
                parts.append(or_(*(getattr(p, c).like(like, escape="\\") for c in cols)))
        if not q.logged_in:
            parts.append(p.post_password == "")
        return parts

    def _tax(self, clauses: list[TaxClause], relation: str) -> ColumnElement[bool] | None:
        if not clauses:
            return None
        tr = self.t.term_relationships.c
        tt = self.t.term_taxonomy.c
        p = self.t.posts.c
        out: list[ColumnElement[bool]] = []
        for clause in clauses:
            if clause.operator in ("EXISTS", "NOT EXISTS"):
                sub = exists(
                    select(literal(1))
                    .select_from(
                        self.t.term_relationships.join(
                            self.t.term_taxonomy, tr.term_taxonomy_id == tt.term_taxonomy_id
                        )
                    )
                    .where(tt.taxonomy == clause.taxonomy, tr.object_id == p.ID)
                )
                out.append(sub if clause.operator == "EXISTS" else not_(sub))
                continue
            if not clause.term_taxonomy_ids:
                # WP_Tax_Query: an IN/AND clause over no existing term matches nothing.
                if clause.operator in ("IN", "AND"):
                    out.append(false())
                continue
            ids = clause.term_taxonomy_ids
            if clause.operator == "IN":
                out.append(p.ID.in_(select(tr.object_id).where(tr.term_taxonomy_id.in_(ids))))
            elif clause.operator == "NOT IN":
                out.append(p.ID.not_in(select(tr.object_id).where(tr.term_taxonomy_id.in_(ids))))
            elif clause.operator == "AND":
                out.append(
                    select(func.count())
                    .select_from(self.t.term_relationships)
                    .where(tr.term_taxonomy_id.in_(ids), tr.object_id == p.ID)
                    .scalar_subquery()
                    == len(set(ids))
                )
        if not out:
            return None
        return or_(*out) if relation.upper() == "OR" else and_(*out)

    def _order(self, q: PostQuery) -> list[Any]:
        p = self.t.posts.c
        desc = q.order.upper() != "ASC"
        columns = {
            "date": p.post_date,
            "post_date": p.post_date,
            "modified": p.post_modified,
            "title": p.post_title,
            "post_title": p.post_title,
            "name": p.post_name,
            "post_name": p.post_name,
            "slug": p.post_name,
            "author": p.post_author,
            "parent": p.post_parent,
            "id": p.ID,
            "ID": p.ID,
            "menu_order": p.menu_order,
            "comment_count": p.comment_count,
            "type": p.post_type,
        }
        order: list[Any] = []
        if q.search and q.orderby == "relevance":
            order.extend(self._relevance(q))
        if q.orderby in ("include", "post__in") and q.post_in:
            order.append(case({v: i for i, v in enumerate(q.post_in)}, value=p.ID))
            return order
        if q.orderby in ("include_slugs", "post_name__in") and q.name_in:
            order.append(case({v: i for i, v in enumerate(q.name_in)}, value=p.post_name))
            return order
        if q.orderby in ("parent_in", "post_parent__in") and q.parent_in:
            order.append(case({v: i for i, v in enumerate(q.parent_in)}, value=p.post_parent))
            return order
        col = columns.get(q.orderby, p.post_date)
        if q.orderby in ("title", "post_title", "name", "post_name", "slug"):
            col = self.text_order(col)
        order.append(col.desc() if desc else col.asc())
        return order

    def _relevance(self, q: PostQuery) -> list[Any]:
        p = self.t.posts.c
        terms, count = search_terms(q.search)
        titles = [p.post_title.like(_like(t), escape="\\") for t in terms if not t.startswith("-")]
        if count > 1:
            whens: list[tuple[ColumnElement[bool], int]] = []
            like = "" if re.search(r"(?:\s|^)-", q.search) else _like(q.search)
            if like:
                whens.append((p.post_title.like(like, escape="\\"), 1))
            if len(titles) < 7 and titles:
                whens.append((and_(*titles), 2))
                if len(titles) > 1:
                    whens.append((or_(*titles), 3))
            if like:
                whens.append((p.post_excerpt.like(like, escape="\\"), 4))
                whens.append((p.post_content.like(like, escape="\\"), 5))
            return [case(*whens, else_=6)] if whens else []
        if titles:
            # `post_title LIKE '%t%' DESC`: matches (1) before non-matches (0).
            return [case((titles[0], 1), else_=0).desc()]
        return []

    def select_ids(self, q: PostQuery) -> tuple[Select[Any], Select[Any]]:
        """The page of ids and the count of all matches (FOUND_ROWS)."""
        p = self.t.posts.c
        where = self._where(q)
        ids = select(p.ID).where(*where).order_by(*self._order(q))
        if q.per_page > 0:
            # Bound, not literal: every page of a list shares one statement (see `paging`).
            ids = ids.limit(bindparam("limit")).offset(bindparam("offset"))
        count = select(func.count()).select_from(self.t.posts).where(*where)
        return ids, count

    @staticmethod
    def paging(q: PostQuery) -> dict[str, int]:
        """The values of `select_ids`' LIMIT and OFFSET for this query's page."""
        if q.per_page <= 0:
            return {}
        start = q.offset if q.offset is not None else page_offset(max(q.page, 1), q.per_page)
        return {"limit": q.per_page, "offset": start}
