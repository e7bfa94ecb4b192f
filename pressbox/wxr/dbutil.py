"""Small database helpers the importer's writers share: batched inserts, id look-ups, ids.

Everything runs on one `Connection` inside the importer's transaction. Ids are chosen here,
never by the database, so that explicit WXR ids and new ids cannot collide on any backend
(PostgreSQL sequences do not move when a row is inserted with an explicit id).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table, func, select, text

from pressbox.store.tables import Tables

# Rows per executemany, and ids per `IN (…)`: well under every backend's parameter limit.
BATCH = 500


def insert_many(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert `rows` in batches; return how many."""
    stmt = table.insert()
    for start in range(0, len(rows), BATCH):
        conn.execute(stmt, list(rows[start : start + BATCH]))
    return len(rows)


def existing_ids(conn: Connection, column: Column[Any], ids: Iterable[int]) -> set[int]:
    """The subset of `ids` already present in `column`."""
    wanted = sorted(set(ids))
    found: set[int] = set()
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        found.update(conn.execute(select(column).where(column.in_(chunk))).scalars())
    return found


class IdAllocator:
    """Hands out ids above everything in a table and above every id written so far, even
    ids still waiting in a batch that has not reached the database."""

    def __init__(self, conn: Connection, column: Column[Any]) -> None:
        self._conn = conn
        self._column = column
        self._last = 0
        self._loaded = False

    def seen(self, used: int) -> None:
        """Record an explicit id about to be written, so later new ids stay above it."""
        self._last = max(self._last, used)

    def next(self) -> int:
        if not self._loaded:
            stored = self._conn.execute(select(func.max(self._column))).scalar()
            self._last = max(self._last, int(stored or 0))
            self._loaded = True
        self._last += 1
        return self._last


def sync_sequences(conn: Connection, tables: Tables) -> None:
    """Move PostgreSQL's id sequences past the explicit ids the import wrote."""
    if conn.dialect.name != "postgresql":
        return
    for table, column in (
        (tables.posts, "ID"),
        (tables.users, "ID"),
        (tables.terms, "term_id"),
        (tables.term_taxonomy, "term_taxonomy_id"),
        (tables.comments, "comment_ID"),
    ):
        conn.execute(
            text(
                f'SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE(MAX("{column}"), 0) + 1, '
                f'false) FROM "{table.name}"'
            ),
            {"t": f'"{table.name}"', "c": column},
        )
