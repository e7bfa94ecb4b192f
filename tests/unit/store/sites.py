"""A freshly installed SQLite site for store tests that add rows of their own."""

from __future__ import annotations

from pathlib import Path

from pressbox.store.db import Database
from pressbox.store.install import install_site


def installed_site(path: Path, title: str) -> Database:
    """`pressbox init` into `path`: WordPress's install, no demo content."""
    db = Database(f"sqlite:///{path}")
    install_site(
        db,
        site_url="http://example.org",
        title=title,
        admin_user="admin",
        admin_email="a@example.org",
        admin_password="pw",
    )
    return db
