"""WXR authors → WordPress users, as the WordPress Importer creates them ("create new user").

An author whose login already exists is that user; otherwise a user is made with the WXR's
`wp:author_id` when it is free, the usermeta `wp_insert_user()` writes, and the default role
the Importer gives (subscriber). A WXR carries no password, so `user_pass` stays empty and
nobody can log in as an imported user until a password is set.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from pressbox.store.phpserialize import dumps
from pressbox.store.tables import Tables
from pressbox.wxr.dbutil import IdAllocator, insert_many
from pressbox.wxr.records import Author
from pressbox.wxr.slugs import sanitize_title

if TYPE_CHECKING:
    from pressbox.wxr.importer import ImportStats

DEFAULT_ROLE = "subscriber"


def nicename(login: str) -> str:
    """`sanitize_title( $user_login )` cut to 50 characters, as `wp_insert_user()` does."""
    return sanitize_title(login)[:50]


class UserWriter:
    """Maps author logins and WXR author ids to user ids, creating users as needed."""

    def __init__(self, conn: Connection, tables: Tables, stats: ImportStats) -> None:
        self._conn = conn
        self._t = tables
        self._stats = stats
        self._ids = IdAllocator(conn, tables.users.c.ID)
        self._by_login: dict[str, int] = {}
        self._by_wxr_id: dict[int, int] = {}

    def add(self, author: Author) -> int | None:
        """Make sure the author exists as a user; return the user's id."""
        if not author.login:
            return None
        users = self._t.users
        found = self._by_login.get(author.login)
        if found is None:
            found = self._conn.execute(
                select(users.c.ID).where(users.c.user_login == author.login)
            ).scalar()
        if found is not None:
            self._stats.users_skipped += 1
        else:
            found = self._create(author)
        self._by_login[author.login] = found
        if author.id is not None:
            self._by_wxr_id[author.id] = found
        return found

    def id_for_login(self, login: str) -> int:
        """The user id of a post's `dc:creator` (WXR 1.0 has no author list: create it)."""
        found = self._by_login.get(login)
        if found is None:
            found = self.add(Author(None, login)) if login else 0
        return found or 0

    def map_user_id(self, wxr_id: int) -> int:
        """A user id from the file (a comment's `user_id`) as it is in this database."""
        return self._by_wxr_id.get(wxr_id, wxr_id)

    def _create(self, author: Author) -> int:
        users = self._t.users
        taken = (
            author.id is not None
            and self._conn.execute(select(users.c.ID).filter_by(ID=author.id)).first() is not None
        )
        if author.id is not None and not taken:
            user_id = author.id
            self._ids.seen(user_id)
        else:
            user_id = self._ids.next()
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
        self._conn.execute(
            users.insert(),
            {
                "ID": user_id,
                "user_login": author.login,
                "user_pass": "",
                "user_nicename": nicename(author.login),
                "user_email": author.email,
                "user_url": "",
                "user_registered": now,
                "user_activation_key": "",
                "user_status": 0,
                "display_name": author.display_name or author.login,
            },
        )
        self._stats.users += 1
        self._stats.usermeta += insert_many(
            self._conn, self._t.usermeta, self._meta_rows(user_id, author)
        )
        return user_id

    def _meta_rows(self, user_id: int, author: Author) -> list[dict[str, Any]]:
        # wp_insert_user()'s defaults in WordPress 7.1, in the order it writes them.
        prefix = self._t.prefix
        pairs = [
            ("nickname", author.login),
            ("first_name", author.first_name),
            ("last_name", author.last_name),
            ("description", ""),
            ("rich_editing", "true"),
            ("syntax_highlighting", "true"),
            ("infinite_scrolling", "true"),
            ("comment_shortcuts", "false"),
            ("admin_color", "modern"),
            ("use_ssl", "0"),
            ("show_admin_bar_front", "true"),
            ("locale", ""),
            (f"{prefix}capabilities", dumps({DEFAULT_ROLE: True})),
            (f"{prefix}user_level", "0"),
            ("dismissed_wp_pointers", ""),
        ]
        return [{"user_id": user_id, "meta_key": k, "meta_value": v} for k, v in pairs]
