"""SQLite's planner statistics: gathered after installs and imports, and once for old databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert

from pressbox.app import App
from pressbox.config import Settings
from pressbox.store.db import Database
from tests.unit.store.sites import installed_site


@pytest.fixture
def site_db(tmp_path: Path) -> Iterator[Database]:
    """A site with many tags and a few tagged posts: the shape where SQLite guesses badly."""
    db = installed_site(tmp_path / "site.db", "Stats")
    t = db.tables
    with db.engine.begin() as conn:
        for i in range(300):
            term_id = 1000 + i
            conn.execute(insert(t.terms).values(term_id=term_id, name=f"T{i}", slug=f"t{i}"))
            conn.execute(
                insert(t.term_taxonomy).values(
                    term_taxonomy_id=term_id, term_id=term_id, taxonomy="post_tag", description=""
                )
            )
        for post_id in range(1, 6):
            conn.execute(
                insert(t.term_relationships).values(object_id=post_id, term_taxonomy_id=1000)
            )
    yield db
    db.close()


def _has_stats(db: Database) -> bool:
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        row = raw.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
        return row is not None


def _terms_plan(app: App) -> str:
    site = app.site
    ids, taxonomies = list(range(1, 11)), ["category", "post_tag", "post_format"]
    sql, _ = site.sql.terms._expand(site.conn.dialect, {"ids": ids, "taxonomies": taxonomies})
    raw = site.conn.connection.driver_connection
    assert raw is not None
    rows = raw.execute("EXPLAIN QUERY PLAN " + sql, (*ids, *taxonomies)).fetchall()
    return " | ".join(str(r[-1]) for r in rows)


def test_the_app_gathers_statistics_a_database_never_had(site_db: Database) -> None:
    with site_db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS sqlite_stat1")
    assert not _has_stats(site_db)
    app = App(Settings(database_url=site_db.url), db=site_db)
    assert _has_stats(site_db)
    # With statistics the join starts from the posts asked for, not from every tag.
    assert _terms_plan(app).startswith("SEARCH wp_term_relationships")


def test_statistics_are_gathered_once_unless_asked(site_db: Database) -> None:
    assert site_db.analyze() is True
    assert site_db.analyze(only_if_never=True) is False
    assert site_db.analyze() is True


def test_a_read_only_database_is_served_without_statistics(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    db = Database(f"sqlite:///{path}")
    db.create_schema()
    db.close()
    ro = Database(f"sqlite:///file:{path}?mode=ro&uri=true", "wp_")
    try:
        assert ro.analyze() is False
    finally:
        ro.close()


def test_other_databases_keep_their_own_statistics() -> None:
    db = Database("postgresql://postgres@127.0.0.1/test")
    assert db.analyze() is False
    db.engine.dispose()
