"""Database engines for SQLite (embedded default), MySQL/MariaDB and PostgreSQL.

SQLite runs in WAL mode so readers never wait for the single writer; each thread keeps its own
connection (a granian worker runs one blocking thread, so that is one connection per worker).
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from pressbox.store.collation import register_sqlite
from pressbox.store.tables import Tables, build_tables

# Rows SQLite samples per index when gathering statistics (PRAGMA analysis_limit).
ANALYSIS_LIMIT = 1000


def normalise_url(url: str) -> str:
    """Map the usual URL schemes onto SQLAlchemy's driver names."""
    if url.startswith("mysql://") or url.startswith("mariadb://"):
        return "mysql+pymysql://" + url.split("://", 1)[1]
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA cache_size=-32000")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()
    register_sqlite(dbapi_conn)


def make_engine(url: str) -> Engine:
    """An engine for `url` with the settings each backend needs."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        memory = url in ("sqlite://", "sqlite:///:memory:")
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False},
            poolclass=StaticPool if memory else None,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("mysql"):
        return create_engine(url, connect_args={"charset": "utf8mb4"}, pool_pre_ping=True)
    return create_engine(url, pool_pre_ping=True)


class Database:
    """An engine, the site's tables, and one connection per thread for reads."""

    def __init__(self, url: str, prefix: str = "wp_") -> None:
        self.url = url
        self.engine = make_engine(url)
        self.tables: Tables = build_tables(prefix)
        self._local = threading.local()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def create_schema(self) -> None:
        """Create the WordPress tables that do not exist yet."""
        self.tables.metadata.create_all(self.engine)

    def conn(self) -> Connection:
        """This thread's connection (autocommit reads; writes open their own transaction)."""
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            self._local.conn = conn
        return conn

    def analyze(self, only_if_never: bool = False) -> bool:
        """Gather SQLite's planner statistics (`ANALYZE`); True when they were gathered.

        Without them SQLite guesses, and for the term-relationship join it guesses badly
        (starting from every term of a taxonomy rather than the posts asked for: 7x slower on a
        page of posts). MySQL and PostgreSQL keep their statistics themselves. Statistics are
        gathered after imports and installs and, for a database that never had them (made by
        another tool or an older pressbox), when the server starts; `analysis_limit` bounds the
        work on large tables. A read-only database is served without them.
        """
        if self.dialect != "sqlite":
            return False
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            if only_if_never:
                found = raw.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
                ).fetchone()
                if found is not None:
                    return False
            try:
                raw.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
                raw.execute("ANALYZE")
                raw.commit()
            except sqlite3.OperationalError:
                return False
        return True

    def close(self) -> None:
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
        self.engine.dispose()
