"""Term queries bind their values: the same SQL answers alike on SQLite, MariaDB, PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressbox.store.db import Database
from pressbox.store.terms_query import TermQueries, TermQuery
from pressbox.wxr import import_wxr
from tests.unit.wxr.test_wxr_backends import BACKENDS, _server_url

QUERIES = [
    TermQuery("category", orderby="id"),
    TermQuery("category", orderby="id", number=5, offset=3),
    TermQuery("post_tag", hierarchical=False, orderby="id", number=4, offset=0),
    TermQuery("category", orderby="id", exclude=[198, 199], number=10),
    TermQuery("category", include=[199, 198, 1], orderby="include"),
    TermQuery("category", orderby="id", search="a_b%"),
    TermQuery("category", orderby="id", search="uncat"),
    TermQuery("category", orderby="id", parent=0),
    TermQuery("category", orderby="id", object_ids=[12269]),
    TermQuery("post_tag", hierarchical=False, orderby="id", hide_empty=True, number=3, offset=2),
    TermQuery("category", orderby="id", hide_empty=True, number=2, offset=1),
    TermQuery("category", orderby="id", slug=["uncategorized", "nope"]),
]


def _answers(db: Database) -> list[tuple[list[int], int]]:
    queries = TermQueries(db)
    # Asked twice: the second time through the remembered statements, with other values.
    out = [(queries.find(q), queries.count(q)) for q in QUERIES]
    assert out == [(queries.find(q), queries.count(q)) for q in QUERIES]
    return out


@pytest.fixture(scope="module")
def sqlite_answers(
    oracle: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[tuple[list[int], int]]]:
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('terms') / 'site.db'}")
    db.create_schema()
    import_wxr(oracle / "site.wxr", db.engine, db.tables)
    yield _answers(db)
    db.close()


def test_bound_values_give_distinct_answers(sqlite_answers: list[tuple[list[int], int]]) -> None:
    by_query = dict(zip((repr(q) for q in QUERIES), sqlite_answers, strict=True))
    assert len({tuple(ids) for ids, _ in by_query.values()}) > len(QUERIES) // 2
    assert sqlite_answers[4][0] == [199, 198, 1]  # FIELD() order of `include`
    assert sqlite_answers[5] == ([], 0)  # `_` and `%` are literal in a search


@pytest.mark.parametrize(("env", "default"), BACKENDS)
def test_server_backends_answer_as_sqlite(
    env: str, default: str, oracle: Path, sqlite_answers: list[tuple[list[int], int]]
) -> None:
    url = _server_url(env, default)
    if url is None:
        pytest.skip(f"no database server at {default} (set {env} to a URL to run this test)")
    db = Database(url, f"pb{uuid.uuid4().hex[:8]}_")
    try:
        db.create_schema()
    except Exception as exc:  # any failure to reach the server means it is not available
        db.engine.dispose()
        pytest.skip(f"cannot use {default}: {exc}")
    try:
        import_wxr(oracle / "site.wxr", db.engine, db.tables)
        assert _answers(db) == sqlite_answers
    finally:
        db.tables.metadata.drop_all(db.engine)
        db.close()
