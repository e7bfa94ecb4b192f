"""What the HTTP tests share: a site's database and app, reading a collection, acting as a user."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Insert, insert

from pressbox.app import App
from pressbox.auth.users import CurrentUser
from pressbox.config import Settings
from pressbox.rest.message import Request
from pressbox.store.db import Database
from pressbox.store.install_options import SiteSettings, install_options
from pressbox.store.install_roles import default_roles
from pressbox.store.tables import Tables
from pressbox.testing import Client, Result


def installed_options(*names: str) -> dict[str, str]:
    """`names` with the values a fresh WordPress install stores for them."""
    stored = {row.name: row.value for row in install_options(SiteSettings("", "", "", "", "", 0))}
    return {name: stored[name] for name in names}


# The options behind avatars and image sub-sizes, as WordPress installs them.
AVATAR_OPTIONS = installed_options("show_avatars", "avatar_default", "avatar_rating")
IMAGE_SIZE_OPTIONS = installed_options(
    *(
        f"{size}_size_{side}"
        for size in ("thumbnail", "medium", "medium_large", "large")
        for side in "wh"
    )
)


def site_db(
    tmp_path_factory: pytest.TempPathFactory,
    folder: str,
    build: Callable[[str], None],
    file: str = "site.db",
) -> str:
    """The URL of a new SQLite database `file` in a temporary `folder`, filled by `build`."""
    path: Path = tmp_path_factory.mktemp(folder) / file
    url = f"sqlite:///{path}"
    build(url)
    return url


def schema_only(url: str) -> None:
    """Tables and no rows, for routes whose data is the app's registries."""
    db = Database(url)
    db.create_schema()
    db.close()


@contextmanager
def new_site(
    url: str, site: str, options: Mapping[str, str]
) -> Iterator[tuple[Connection, Tables]]:
    """Create the schema at `url` with `site` as `home` and `siteurl` and the other `options`;
    the block adds its rows in the same transaction."""
    db = Database(url)
    db.create_schema()
    with db.engine.begin() as conn:
        conn.execute(
            insert(db.tables.options),
            [
                {"option_name": k, "option_value": v, "autoload": "yes"}
                for k, v in {"home": site, "siteurl": site, **options}.items()
            ],
        )
        yield conn, db.tables
    db.close()


def insert_posts(t: Tables) -> Insert:
    """An insert into `posts` by user 1 that leaves empty the text columns with no default."""
    return insert(t.posts).values(
        post_author=1,
        post_content="",
        post_excerpt="",
        to_ping="",
        pinged="",
        post_content_filtered="",
    )


def post_meta_rows(posts: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """`postmeta` rows of post tuples that start with the post id and end with a dict of meta."""
    return [
        {"post_id": pid, "meta_key": key, "meta_value": value}
        for pid, *_rest, meta in posts
        for key, value in meta.items()
    ]


def site_app(
    url: str,
    site: str,
    routes: Callable[[App], None] | None = None,
    probe: str = "",
    uploads_dir: Path | None = None,
) -> App:
    """An app on the database at `url`, with `routes` registered unless it already has `probe`."""
    app = App(Settings(database_url=url, site_url=site, uploads_dir=uploads_dir))
    if routes is not None and probe not in app.routes.routes:
        routes(app)
    return app


def item_ids(client: Client, target: str) -> list[Any]:
    """The ids of the items a collection lists (it must answer 200)."""
    r = client.get(target)
    assert r.status == 200, r.body
    return [item["id"] for item in r.json()]


def rest_error(result: Result) -> tuple[int, str, str, int]:
    """An error answer as (HTTP status, code, message, the status in its data)."""
    body = result.json()
    return result.status, body["code"], body["message"], body["data"]["status"]


def authenticate_as(app: App, user: CurrentUser | None) -> None:
    """Make every request act as `user` (there is no authentication layer yet)."""

    def authenticate(request: Request) -> None:
        request.user = user

    app.authenticate = authenticate  # type: ignore[method-assign]


@contextmanager
def acting_as_user(app: App, user: CurrentUser) -> Iterator[None]:
    """Requests act as `user` inside the block, then anonymously again."""
    authenticate_as(app, user)
    try:
        yield
    finally:
        del app.authenticate  # back to the class's anonymous authenticate


def role_user(role: str, user_id: int) -> CurrentUser:
    """User `user_id` with the capabilities WordPress's default `role` grants."""
    caps = default_roles()[role]["capabilities"]
    return CurrentUser(user_id, "", (role,), frozenset(k for k, v in caps.items() if v))
