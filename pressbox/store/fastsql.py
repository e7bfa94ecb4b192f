"""Hot read queries executed straight on the DBAPI cursor, compiled once per dialect.

SQLAlchemy Core builds and compiles these statements; for the few queries every request runs
(posts, meta and terms of a page of items) the per-execution cost of its execution and result
machinery is a large share of a request, so their compiled form is kept and run on the
driver's cursor. Values come back as the driver gives them: WordPress datetimes are
normalised to strings by `datetimes()` where a driver returns `datetime` objects.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.sql import Select
from sqlalchemy.sql.compiler import SQLCompiler

from pressbox.store.tables import ZERO_DATE


class FastQuery:
    """One SELECT, compiled once per dialect; IN lists expanded per call."""

    def __init__(self, stmt: Select[Any]) -> None:
        self.stmt = stmt
        self._compiled: dict[str, SQLCompiler] = {}
        self._expanded: dict[tuple[Any, ...], tuple[str, list[tuple[str, int, Any]] | None]] = {}

    def _compiler(self, dialect: Dialect) -> SQLCompiler:
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self.stmt.compile(dialect=dialect)
            self._compiled[dialect.name] = compiled
        return compiled

    def _expand(
        self, dialect: Dialect, params: dict[str, Any]
    ) -> tuple[str, list[tuple[str, int, Any]] | None]:
        """The SQL for these list lengths and where each positional value comes from."""
        shape = (
            dialect.name,
            *((k, len(v)) if isinstance(v, list | tuple) else k for k, v in params.items()),
        )
        hit = self._expanded.get(shape)
        if hit is None:
            state = self._compiler(dialect).construct_expanded_state(params)
            sources: list[tuple[str, int, Any]] | None = None
            if state.positiontup is not None:
                sources = []
                for name in state.positiontup:
                    base, _, index = name.rpartition("_")
                    if name in params:
                        sources.append((name, -1, None))
                    elif base in params and isinstance(params[base], list | tuple):
                        sources.append((base, int(index) - 1, None))
                    else:  # a literal of the statement itself
                        sources.append((name, -2, state.parameters[name]))
            hit = (state.statement, sources)
            self._expanded[shape] = hit
        return hit

    def rows(self, conn: Connection, **params: Any) -> list[tuple[Any, ...]]:
        sql, sources = self._expand(conn.dialect, params)
        values: Any
        if sources is None:
            values = self._compiler(conn.dialect).construct_expanded_state(params).parameters
        else:
            values = tuple(
                constant if i == -2 else params[name] if i < 0 else params[name][i]
                for name, i, constant in sources
            )
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, values)
            return list(cursor.fetchall())
        finally:
            cursor.close()


def datetimes(value: Any) -> str:
    """A driver's DATETIME value as WordPress's `Y-m-d H:i:s` string."""
    if value is None:
        return ZERO_DATE
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)
