"""The site a module serves (by default a demo site in a temporary SQLite database), its
in-process client, and the role fixture."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pressbox.app import App
from pressbox.config import Settings
from pressbox.rest.wsgi import WSGIApp
from pressbox.store.db import Database
from pressbox.store.install import install_site
from pressbox.testing import Client

from .helpers import authenticate_as, role_user

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


@pytest.fixture(scope="module")
def app(demo_db: str) -> App:
    """The demo site; a module that builds a site of its own overrides this fixture."""
    return App(Settings(database_url=demo_db))


@pytest.fixture(scope="module")
def client(app: App) -> Client:
    """An in-process client for `app`, on its site's host."""
    return Client(WSGIApp(app), host=urlsplit(app.settings.site_url or SITE).netloc)


@pytest.fixture
def as_user(app: App) -> Iterator[Callable[[str, int], None]]:
    """Called with a role and a user id, it makes the test's later requests act as that user."""
    yield lambda role, user_id: authenticate_as(app, role_user(role, user_id))
    authenticate_as(app, None)
