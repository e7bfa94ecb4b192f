"""A demo site in a temporary SQLite database, served in-process."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pressbox.app import App
from pressbox.config import Settings
from pressbox.rest.wsgi import WSGIApp
from pressbox.store.db import Database
from pressbox.store.install import install_site
from pressbox.testing import Client

SITE = "http://example.test"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.db"
    url = f"sqlite:///{path}"
    db = Database(url)
    install_site(
        db,
        site_url=SITE,
        title="Demo",
        admin_user="admin",
        admin_email="admin@example.test",
        admin_password="secret",
        demo=True,
        now=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
    )
    db.close()
    return url


@pytest.fixture(scope="session")
def client(demo_db: str) -> Client:
    return Client(WSGIApp(App(Settings(database_url=demo_db))), host="example.test")
