"""A fresh WordPress 7.1 site in an empty database: `wp_install()` and `wp_install_defaults()`.

The result is what WordPress's installer leaves (wp-admin/includes/upgrade.php): its options
(install_options), the five roles (install_roles), the administrator with WordPress's user meta
and a bcrypt password hash, the `Uncategorized` category, `Hello world!` with its first comment,
`Sample Page` and the `Privacy Policy` draft; optionally a small demo dataset (install_demo).
Only SQLAlchemy Core statements, so the same code runs on SQLite, MySQL/MariaDB and PostgreSQL;
ids come from the database's own counters (1, 2, 3, … in empty tables, as WordPress's are).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import string
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import bcrypt
from sqlalchemy import Connection, Insert, select
from sqlalchemy.exc import IntegrityError

from pressbox.store.db import Database
from pressbox.store.install_demo import install_demo
from pressbox.store.install_options import (
    OptionRow,
    SiteSettings,
    first_comment,
    first_post,
    install_options,
    privacy_policy,
    sample_page,
)
from pressbox.store.install_roles import user_level
from pressbox.store.phpserialize import dumps, maybe_serialize
from pressbox.store.tables import ZERO_DATE, Tables

BCRYPT_COST = 10  # PHP's password_hash() default before PHP 8.4, as the oracle's hashes show
MAX_PASSWORD_LENGTH = 4096  # wp_hash_password() refuses longer ones
PHP_TRIM = " \t\n\r\0\x0b"  # the characters PHP's trim() removes

_LOGIN_CHARS = re.compile(r"[a-zA-Z0-9 _.\-@]+")  # sanitize_user( $login, true )
_EMAIL = re.compile(r"[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+")


class InstallError(Exception):
    """The site cannot be installed (already installed, or invalid settings)."""


@dataclass(frozen=True)
class InstallResult:
    """What wp_install() returns that a caller needs: the owner's id and, when the password
    was generated, that password (shown once; only its hash is stored)."""

    admin_id: int
    generated_password: str | None


def wp_hash_password(password: str) -> str:
    """wp_hash_password() of WordPress 6.8+: `$wp` + bcrypt of base64(HMAC-SHA384(password)).

    The pre-hash keeps the entropy of passwords longer than bcrypt's 72 bytes; the `$wp`
    prefix tells wp_check_password() to pre-hash before verifying. PHP writes `$2y$`, which is
    the same algorithm as the `$2b$` of the bcrypt package.
    """
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValueError("passwords longer than 4096 characters are not supported")
    digest = hmac.new(b"wp-sha384", password.strip(PHP_TRIM).encode(), hashlib.sha384).digest()
    hashed = bcrypt.hashpw(base64.b64encode(digest), bcrypt.gensalt(BCRYPT_COST)).decode()
    return "$wp$2y$" + hashed[4:]


def wp_generate_password(length: int = 12) -> str:
    """wp_generate_password( 12, false ), as wp_install() calls it: letters and digits."""
    chars = string.ascii_letters + string.digits
    return "".join(secrets.choice(chars) for _ in range(length))


def _nicename(title: str) -> str:
    """sanitize_title_with_dashes() of a login (ASCII by _LOGIN_CHARS): its user_nicename."""
    slug = re.sub(r"&.+?;", "", title.lower()).replace(".", "-")
    slug = re.sub(r"[^a-z0-9 _-]", "", slug)
    slug = re.sub(r"\s+", "-", slug)
    return re.sub(r"-+", "-", slug).strip("-")


def mysql_time(moment: datetime) -> str:
    """A datetime as WordPress stores it (`current_time( 'mysql' )`)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class ContentWriter:
    """Inserts terms, posts, meta and comments, and keeps the counts WordPress keeps.

    Counts are derived from what was written, as _update_post_term_count() and
    wp_update_comment_count() would compute them, and stored by `finish()`.
    """

    conn: Connection
    tables: Tables
    site_url: str
    now: datetime
    _post_status: dict[int, tuple[str, str]] = field(default_factory=dict, init=False)
    _objects: dict[int, list[int]] = field(default_factory=dict, init=False)
    _approved: Counter[int] = field(default_factory=Counter, init=False)

    def add_term(
        self, name: str, slug: str, taxonomy: str, description: str = "", parent: int = 0
    ) -> tuple[int, int]:
        """wp_insert_term(): a term and its taxonomy row; returns (term_id, term_taxonomy_id)."""
        t = self.tables
        term_id = self.insert_id(t.terms.insert().values(name=name, slug=slug, term_group=0))
        tt_id = self.insert_id(
            t.term_taxonomy.insert().values(
                term_id=term_id,
                taxonomy=taxonomy,
                description=description,
                parent=parent,
                count=0,
            )
        )
        self._objects[tt_id] = []
        return term_id, tt_id

    def add_post(
        self,
        *,
        author: int,
        title: str,
        name: str,
        content: str,
        date: datetime | None = None,
        post_type: str = "post",
        status: str = "publish",
        excerpt: str = "",
        comment_status: str = "open",
        ping_status: str = "open",
        parent: int = 0,
        menu_order: int = 0,
        floating_date: bool = False,
    ) -> int:
        """A row of `posts` with its guid `?p=ID` (`?page_id=ID` for pages).

        `floating_date` leaves `post_date_gmt` at zero, as wp_insert_post() does for drafts
        whose date was never set.
        """
        t = self.tables.posts
        local = mysql_time(date or self.now)
        post_id = self.insert_id(
            t.insert().values(
                post_author=author,
                post_date=local,
                post_date_gmt=ZERO_DATE if floating_date else local,
                post_content=content,
                post_title=title,
                post_excerpt=excerpt,
                post_status=status,
                comment_status=comment_status,
                ping_status=ping_status,
                post_password="",
                post_name=name,
                to_ping="",
                pinged="",
                post_modified=local,
                post_modified_gmt=local,
                post_content_filtered="",
                post_parent=parent,
                guid="",
                menu_order=menu_order,
                post_type=post_type,
                post_mime_type="",
                comment_count=0,
            )
        )
        query = "page_id" if post_type == "page" else "p"
        id_col = t.c.ID
        guid = f"{self.site_url}/?{query}={post_id}"
        self.conn.execute(t.update().where(id_col == post_id).values(guid=guid))
        self._post_status[post_id] = (post_type, status)
        return post_id

    def add_post_meta(self, post_id: int, key: str, value: object) -> None:
        pm = self.tables.postmeta
        values = {"post_id": post_id, "meta_key": key, "meta_value": maybe_serialize(value)}
        self.conn.execute(pm.insert().values(**values))

    def relate(self, post_id: int, tt_id: int) -> None:
        """wp_set_object_terms() for one term."""
        tr = self.tables.term_relationships
        self.conn.execute(tr.insert().values(object_id=post_id, term_taxonomy_id=tt_id))
        self._objects[tt_id].append(post_id)

    def add_comment(
        self,
        *,
        post_id: int,
        author: str,
        email: str,
        url: str,
        content: str,
        date: datetime | None = None,
        parent: int = 0,
        user_id: int = 0,
        approved: str = "1",
    ) -> int:
        """A row of `comments` (type `comment`)."""
        when = mysql_time(date or self.now)
        comment_id = self.insert_id(
            self.tables.comments.insert().values(
                comment_post_ID=post_id,
                comment_author=author,
                comment_author_email=email,
                comment_author_url=url,
                comment_author_IP="",
                comment_date=when,
                comment_date_gmt=when,
                comment_content=content,
                comment_karma=0,
                comment_approved=approved,
                comment_agent="",
                comment_type="comment",
                comment_parent=parent,
                user_id=user_id,
            )
        )
        if approved == "1":
            self._approved[post_id] += 1
        return comment_id

    def finish(self) -> None:
        """Store `term_taxonomy.count` (published posts per term) and `posts.comment_count`."""
        tt = self.tables.term_taxonomy
        for tt_id, objects in self._objects.items():
            count = sum(1 for o in objects if self._post_status.get(o) == ("post", "publish"))
            self.conn.execute(tt.update().where(tt.c.term_taxonomy_id == tt_id).values(count=count))
        posts = self.tables.posts
        id_col = posts.c.ID
        for post_id, count in self._approved.items():
            self.conn.execute(posts.update().where(id_col == post_id).values(comment_count=count))

    def insert_id(self, stmt: Insert) -> int:
        """Execute an INSERT and return the new row's id."""
        key = self.conn.execute(stmt).inserted_primary_key
        assert key is not None and key[0] is not None
        return int(key[0])


# --------------------------------------------------------------------------- install


def _check_settings(site_url: str, admin_user: str, admin_email: str) -> tuple[str, str]:
    url = site_url.strip().rstrip("/")
    if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", url):
        raise InstallError(f"the site URL must be an http(s) URL, not {site_url!r}")
    login = admin_user.strip()
    if not login or not _LOGIN_CHARS.fullmatch(login) or len(login) > 60:
        raise InstallError(
            "the username must be 1-60 characters: letters, digits, spaces and _ . - @"
        )
    if not _nicename(login):
        raise InstallError(f"the username {admin_user!r} gives an empty nicename")
    if not _EMAIL.fullmatch(admin_email.strip()):
        raise InstallError(f"{admin_email!r} is not a valid email address")
    return url, login


def _add_admin(
    w: ContentWriter, login: str, email: str, password_hash: str, nag: bool, prefix: str
) -> int:
    """wp_create_user() + set_role( 'administrator' ) + wp_update_user( user_url )."""
    t = w.tables
    user_id = w.insert_id(
        t.users.insert().values(
            user_login=login,
            user_pass=password_hash,
            user_nicename=_nicename(login)[:50],
            user_email=email,
            user_url=w.site_url,
            user_registered=mysql_time(w.now),
            user_activation_key="",
            user_status=0,
            display_name=login,
        )
    )
    # wp_insert_user()'s meta, then set_role(), then the `user_register` hook's pointers.
    meta: list[tuple[str, str]] = [
        ("nickname", login),
        ("first_name", ""),
        ("last_name", ""),
        ("description", ""),
        ("rich_editing", "true"),
        ("syntax_highlighting", "true"),
        ("infinite_scrolling", "true"),
        ("comment_shortcuts", "false"),
        ("admin_color", "modern"),
        ("use_ssl", "0"),
        ("show_admin_bar_front", "true"),
        ("locale", ""),
        (f"{prefix}capabilities", dumps({"administrator": True})),
        (f"{prefix}user_level", str(user_level("administrator"))),
        ("dismissed_wp_pointers", ""),
    ]
    if nag:
        meta.append(("default_password_nag", "1"))
    meta.append(("show_welcome_panel", "1"))  # wp_install_defaults()
    w.conn.execute(
        t.usermeta.insert(),
        [{"user_id": user_id, "meta_key": k, "meta_value": v} for k, v in meta],
    )
    return user_id


def _set_option(conn: Connection, tables: Tables, name: str, value: str) -> None:
    o = tables.options
    conn.execute(o.update().where(o.c.option_name == name).values(option_value=value))


def install_site(
    db: Database,
    *,
    site_url: str,
    title: str,
    admin_user: str,
    admin_email: str,
    admin_password: str | None,
    demo: bool = False,
    description: str = "",
    now: datetime | None = None,
    sample_content: bool = True,
) -> InstallResult:
    """wp_install(): create the tables if needed and write a fresh WordPress 7.1 site.

    `description` defaults to the empty tagline of WordPress 6.x and later. Without a
    password one is generated (wp_generate_password( 12, false )) and returned. Every date
    is `now` (an aware datetime; default: the current time) in UTC, the site's timezone.
    Raises InstallError when the settings are invalid or the site already has a `siteurl`.
    """
    url, login = _check_settings(site_url, admin_user, admin_email)
    email = admin_email.strip()
    password = (admin_password or "").strip(PHP_TRIM)  # wp_install() trims it
    generated = None
    if not password:
        password = generated = wp_generate_password()
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InstallError("passwords longer than 4096 characters are not supported")
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0, tzinfo=None)
    password_hash = wp_hash_password(password)
    tables = db.tables
    settings = SiteSettings(
        site_url=url,
        title=title,
        description=description,
        admin_email=email,
        table_prefix=tables.prefix,
        now=int(moment.replace(tzinfo=UTC).timestamp()),
    )
    db.create_schema()
    try:
        with db.engine.begin() as conn:
            o = tables.options
            if conn.execute(select(o.c.option_id).where(o.c.option_name == "siteurl")).first():
                raise InstallError("this site is already installed (it has a siteurl option)")
            _insert_options(conn, tables, install_options(settings))
            w = ContentWriter(conn, tables, url, moment)
            admin_id = _add_admin(
                w, login, email, password_hash, generated is not None, tables.prefix
            )
            final = _install_defaults(w, admin_id, settings, sample_content)
            if demo:
                sticky = install_demo(w, admin_id, login, email)
                final = replace(final, sticky_posts=sticky, fresh_site=False)
            w.finish()
            _update_changed_options(conn, tables, settings, final)
    except IntegrityError as exc:  # a concurrent install won the race for `siteurl`
        raise InstallError(f"the site could not be installed: {exc.orig}") from exc
    return InstallResult(admin_id=admin_id, generated_password=generated)


def _insert_options(conn: Connection, tables: Tables, rows: list[OptionRow]) -> None:
    conn.execute(
        tables.options.insert(),
        [{"option_name": r.name, "option_value": r.value, "autoload": r.autoload} for r in rows],
    )


def _install_defaults(
    w: ContentWriter, admin_id: int, settings: SiteSettings, sample_content: bool = True
) -> SiteSettings:
    """wp_install_defaults(): the default category, first post and comment, two pages.

    Without `sample_content` only the category is written: a site about to receive an
    import (WXR) that carries its own posts with the same ids.
    """
    cat_id, cat_tt = w.add_term("Uncategorized", "uncategorized", "category")
    if not sample_content:
        return replace(settings, default_category=cat_id)
    post_id = w.add_post(
        author=admin_id, title="Hello world!", name="hello-world", content=first_post()
    )
    w.relate(post_id, cat_tt)
    w.add_comment(
        post_id=post_id,
        author="A WordPress Commenter",
        email="wapuu@wordpress.example",
        url="https://wordpress.org/",
        content=first_comment(),
    )
    page_id = w.add_post(
        author=admin_id,
        title="Sample Page",
        name="sample-page",
        content=sample_page(w.site_url),
        post_type="page",
        comment_status="closed",
    )
    w.add_post_meta(page_id, "_wp_page_template", "default")
    privacy_id = w.add_post(
        author=admin_id,
        title="Privacy Policy",
        name="privacy-policy",
        content=privacy_policy(w.site_url),
        post_type="page",
        status="draft",
        comment_status="closed",
    )
    w.add_post_meta(privacy_id, "_wp_page_template", "default")
    return replace(settings, default_category=cat_id, privacy_policy_page=privacy_id)


def _update_changed_options(
    conn: Connection, tables: Tables, before: SiteSettings, after: SiteSettings
) -> None:
    """update_option() for what the content changed (ids, sticky posts, fresh_site)."""
    if after.default_category != before.default_category:
        _set_option(conn, tables, "default_category", str(after.default_category))
    if after.privacy_policy_page != before.privacy_policy_page:
        _set_option(conn, tables, "wp_page_for_privacy_policy", str(after.privacy_policy_page))
    if after.sticky_posts != before.sticky_posts:
        _set_option(conn, tables, "sticky_posts", dumps(list(after.sticky_posts)))
    if after.fresh_site != before.fresh_site:
        _set_option(conn, tables, "fresh_site", "1" if after.fresh_site else "0")
