"""The importer on MariaDB and PostgreSQL, when a server is reachable (skipped otherwise)."""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from pressbox.store.db import make_engine
from pressbox.store.tables import build_tables
from pressbox.wxr import import_wxr

BACKENDS = [
    pytest.param("PRESSBOX_TEST_MYSQL", "mysql://root@127.0.0.1:3306/test", id="mariadb"),
    pytest.param("PRESSBOX_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test", id="pg"),
]


def _server_url(env: str, default: str) -> str | None:
    url = os.environ.get(env, default)
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 0), 1).close()
    except OSError:
        return None
    return url


@pytest.mark.parametrize(("env", "default"), BACKENDS)
def test_oracle_import_on_server_backends(env: str, default: str, oracle: Path) -> None:
    url = _server_url(env, default)
    if url is None:
        pytest.skip(f"no database server at {default} (set {env} to a URL to run this test)")
    engine = make_engine(url)
    tables = build_tables(f"pb{uuid.uuid4().hex[:8]}_")
    try:
        tables.metadata.create_all(engine)
    except Exception as exc:  # any failure to reach the server means it is not available
        engine.dispose()
        pytest.skip(f"cannot use {default}: {exc}")
    try:
        stats = import_wxr(oracle / "site.wxr", engine, tables)
        assert (stats.posts, stats.comments, stats.terms, stats.users) == (227, 45, 217, 5)
        again = import_wxr(oracle / "site.wxr", engine, tables)
        assert (again.posts, again.comments, again.terms, again.posts_skipped) == (0, 0, 0, 227)
        tt = tables.term_taxonomy
        with engine.begin() as conn:
            counts = dict(conn.execute(select(tt.c.term_id, tt.c.count)).all())
            assert (counts[198], counts[199]) == (3, 4)  # as in wordpress.sql
            # New rows continue after the imported ids (PostgreSQL's sequences were moved).
            new = conn.execute(
                tables.posts.insert().values(
                    post_title="after",
                    **dict.fromkeys(("post_content", "post_excerpt", "to_ping", "pinged"), ""),
                    post_content_filtered="",
                )
            ).inserted_primary_key
            assert new is not None and new[0] == 12277
    finally:
        tables.metadata.drop_all(engine)
        engine.dispose()
