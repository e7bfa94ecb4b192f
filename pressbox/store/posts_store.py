"""Runs post queries: a page of ids and the number of all matches."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from pressbox.store.db import Database
from pressbox.store.posts_query import PostQuery, QueryBuilder

STATEMENT_CACHE = 512


class PostsStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.builder = QueryBuilder(db.tables, db.dialect)
        # Built statements by query: the same list asked again reuses its statement objects,
        # whose compiled SQL and cache key SQLAlchemy keeps (a statement cache, not results).
        self._statements: OrderedDict[str, tuple[Any, Any]] = OrderedDict()

    def _select(self, q: PostQuery) -> tuple[Any, Any]:
        key = repr(q)
        hit = self._statements.get(key)
        if hit is None:
            hit = self.builder.select_ids(q)
            self._statements[key] = hit
            if len(self._statements) > STATEMENT_CACHE:
                self._statements.popitem(last=False)
        return hit

    def find(self, q: PostQuery) -> tuple[list[int], int]:
        """The ids of the requested page, in order, and FOUND_ROWS()."""
        ids_stmt, count_stmt = self._select(q)
        conn = self.db.conn()
        ids = [int(i) for i in conn.execute(ids_stmt).scalars()]
        first_page = q.page <= 1 and not q.offset
        if q.per_page <= 0 or (first_page and len(ids) < q.per_page):
            # A short first page holds every match: no need to count.
            total = len(ids)
        else:
            total = int(conn.execute(count_stmt).scalar() or 0)
        return ids, total

    def count(self, q: PostQuery) -> int:
        _ids, count_stmt = self._select(q)
        return int(self.db.conn().execute(count_stmt).scalar() or 0)
