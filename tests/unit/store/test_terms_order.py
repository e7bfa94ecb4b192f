"""Unlimited term lists sorted in Python follow the SQL collation's order exactly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert

from pressbox.store.db import Database
from pressbox.store.terms_query import TermQueries, TermQuery
from tests.unit.store.sites import installed_site

NAMES = ["beta", "Álpha", "alpine", "Zulu", "_under", "10 ten", "2 two", "zeta", "Été", "ébène"]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = installed_site(tmp_path / "site.db", "Order")
    t = database.tables
    with database.engine.begin() as conn:
        for i, name in enumerate(NAMES):
            term_id = 500 + i
            conn.execute(insert(t.terms).values(term_id=term_id, name=name, slug=f"s{9 - i}"))
            conn.execute(
                insert(t.term_taxonomy).values(
                    term_taxonomy_id=term_id,
                    term_id=term_id,
                    taxonomy="category",
                    description="",
                    count=1,
                )
            )
    yield database
    database.close()


@pytest.mark.parametrize("orderby", ["name", "slug", "anything-else"])
@pytest.mark.parametrize("order", ["ASC", "DESC"])
def test_python_sort_equals_the_sql_sort(db: Database, orderby: str, order: str) -> None:
    queries = TermQueries(db)
    # hide_empty on a hierarchical taxonomy is never limited in SQL: sorted in Python.
    in_python = queries.find(TermQuery("category", hide_empty=True, orderby=orderby, order=order))
    # A limited list is sorted by SQLite with the registered collation.
    in_sql = queries.find(TermQuery("category", number=100, orderby=orderby, order=order))
    assert in_python == in_sql
    assert len(in_python) == len(NAMES) + 1  # and "Uncategorized"
