"""Runs post queries: a page of ids and the number of all matches."""

from __future__ import annotations

from collections import OrderedDict

from pressbox.store.db import Database
from pressbox.store.fastsql import FastQuery
from pressbox.store.posts_query import PostQuery, QueryBuilder

STATEMENT_CACHE = 512


class PostsStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.builder = QueryBuilder(db.tables, db.dialect)
        # Statements by query, compiled once and run on the driver's cursor: the same list
        # asked again, at any page (a front page, a category), skips building, compiling and
        # SQLAlchemy's execution layer (a statement cache, not results).
        self._statements: OrderedDict[tuple[str, bool], tuple[FastQuery, FastQuery]] = OrderedDict()

    def _select(self, q: PostQuery) -> tuple[FastQuery, FastQuery]:
        # Keyed without the page (its repr leaves it out): LIMIT and OFFSET are bound.
        key = (repr(q), q.per_page > 0)
        hit = self._statements.get(key)
        if hit is None:
            ids, count = self.builder.select_ids(q)
            hit = (FastQuery(ids), FastQuery(count))
            self._statements[key] = hit
            if len(self._statements) > STATEMENT_CACHE:
                self._statements.popitem(last=False)
        else:
            self._statements.move_to_end(key)
        return hit

    def find(self, q: PostQuery) -> tuple[list[int], int]:
        """The ids of the requested page, in order, and FOUND_ROWS()."""
        ids_query, count_query = self._select(q)
        conn = self.db.conn()
        ids = [int(row[0]) for row in ids_query.rows(conn, **self.builder.paging(q))]
        first_page = q.page <= 1 and not q.offset
        if q.per_page <= 0 or (first_page and len(ids) < q.per_page):
            # A short first page holds every match: no need to count.
            total = len(ids)
        else:
            total = int(count_query.rows(conn)[0][0] or 0)
        return ids, total

    def count(self, q: PostQuery) -> int:
        _ids, count_query = self._select(q)
        return int(count_query.rows(self.db.conn())[0][0] or 0)
