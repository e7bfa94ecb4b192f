"""install_site(): a fresh WordPress 7.1 site, checked against WordPress's values and the oracle."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import socket
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import bcrypt
import pytest
from sqlalchemy import Connection, func, select

from pressbox.store.db import Database
from pressbox.store.install import InstallError, InstallResult, install_site
from pressbox.store.install_demo import COMMENTS, PAGES, POSTS
from pressbox.store.phpserialize import loads
from pressbox.store.sqldump import iter_statements, parse_values

NOW = datetime(2025, 3, 14, 15, 9, 26, tzinfo=UTC)
NOW_SQL = "2025-03-14 15:09:26"
SITE = "https://news.example.org"
PASSWORD = "correct horse battery staple"

# Options whose oracle value depends on that site's settings or its later life.
SITE_SPECIFIC = {
    "siteurl",
    "home",
    "blogname",
    "blogdescription",
    "admin_email",
    "default_category",
    "rewrite_rules",
    "sticky_posts",
    "admin_email_lifespan",
    "fresh_site",
    "sidebars_widgets",  # the block theme later moved every widget to wp_inactive_widgets
}


def _install(db: Database, **kw: Any) -> InstallResult:
    args: dict[str, Any] = {
        "site_url": SITE + "/",
        "title": "News & Notes",
        "admin_user": "Editor.In-Chief",
        "admin_email": "chief@example.org",
        "admin_password": PASSWORD,
        "now": NOW,
    }
    args.update(kw)
    return install_site(db, **args)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'site.db'}")
    yield database
    database.close()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One installed site shared by the read-only tests of this module."""
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('installed') / 'site.db'}")
    _install(database)
    yield database
    database.close()


def _options(conn: Connection, db: Database) -> dict[str, tuple[str, str]]:
    o = db.tables.options
    rows = conn.execute(select(o.c.option_name, o.c.option_value, o.c.autoload)).all()
    return {name: (value, autoload) for name, value, autoload in rows}


def _wp_check_password(password: str, hashed: str) -> bool:
    """wp_check_password() for `$wp`-prefixed hashes, written from WordPress's pluggable.php."""
    assert hashed.startswith("$wp$2y$")
    pre = base64.b64encode(hmac.new(b"wp-sha384", password.encode(), hashlib.sha384).digest())
    return bcrypt.checkpw(pre, hashed[3:].encode())


# --------------------------------------------------------------------------- options and roles


@pytest.mark.parametrize(
    ("name", "value", "autoload"),
    [
        ("siteurl", SITE, "on"),
        ("home", SITE, "on"),
        ("blogname", "News &amp; Notes", "on"),
        ("blogdescription", "", "on"),
        ("admin_email", "chief@example.org", "on"),
        ("db_version", "61833", "on"),
        ("initial_db_version", "61833", "on"),
        ("permalink_structure", "/%year%/%monthnum%/%day%/%postname%/", "on"),
        ("rewrite_rules", "", "on"),
        ("sticky_posts", "a:0:{}", "on"),
        ("active_plugins", "a:0:{}", "on"),
        ("default_category", "1", "on"),
        ("default_role", "subscriber", "on"),
        ("uploads_use_yearmonth_folders", "1", "on"),
        ("thumbnail_size_w", "150", "on"),
        ("medium_large_size_w", "768", "on"),
        ("large_size_h", "1024", "on"),
        ("timezone_string", "", "on"),
        ("gmt_offset", "0", "on"),
        ("date_format", "F j, Y", "on"),
        ("time_format", "g:i a", "on"),
        ("start_of_week", "1", "on"),
        ("posts_per_page", "10", "on"),
        ("default_comment_status", "open", "on"),
        ("comment_registration", "0", "on"),
        ("comment_previously_approved", "1", "on"),
        ("thread_comments_depth", "5", "on"),
        ("template", "twentytwentyfive", "on"),
        ("wp_page_for_privacy_policy", "3", "on"),
        ("admin_email_lifespan", str(int(NOW.timestamp()) + 6 * 30 * 86400), "on"),
        ("moderation_keys", "", "off"),
        ("disallowed_keys", "", "off"),
        ("uninstall_plugins", "a:0:{}", "off"),
        ("fresh_site", "1", "off"),
    ],
)
def test_options_have_wordpress_values(
    installed: Database, name: str, value: str, autoload: str
) -> None:
    with installed.engine.connect() as conn:
        assert _options(conn, installed)[name] == (value, autoload)


def test_widgets_as_wp_install_defaults_sets_them(installed: Database) -> None:
    with installed.engine.connect() as conn:
        options = _options(conn, installed)
    widget_block = loads(options["widget_block"][0])
    assert widget_block[2] == {"content": "<!-- wp:search /-->"}
    assert list(widget_block) == [2, 3, 4, 5, 6, "_multiwidget"]
    sidebars = loads(options["sidebars_widgets"][0])
    assert sidebars["sidebar-2"] == {0: "block-5", 1: "block-6"}
    assert options["sidebars_widgets"][1] == "auto"


def test_user_roles_as_populate_roles_leaves_them(installed: Database) -> None:
    with installed.engine.connect() as conn:
        value, autoload = _options(conn, installed)["wp_user_roles"]
    roles = loads(value)
    assert autoload == "on"
    assert list(roles) == ["administrator", "editor", "author", "contributor", "subscriber"]
    assert roles["editor"]["name"] == "Editor"
    admin = roles["administrator"]["capabilities"]
    assert len(admin) == 61
    assert list(admin)[:3] == ["switch_themes", "edit_themes", "activate_plugins"]
    assert list(admin)[-1] == "export"
    assert admin["manage_options"] is True
    assert "manage_options" not in roles["editor"]["capabilities"]
    assert "publish_pages" in roles["editor"]["capabilities"]
    assert roles["author"]["capabilities"]["delete_published_posts"] is True
    assert list(roles["contributor"]["capabilities"]) == [
        "edit_posts",
        "read",
        "level_1",
        "level_0",
        "delete_posts",
    ]
    assert roles["subscriber"]["capabilities"] == {"read": True, "level_0": True}


def _oracle_options(oracle: Path) -> list[tuple[Any, ...]]:
    for stmt in iter_statements(oracle / "wordpress.sql"):
        if stmt.startswith("INSERT INTO `wp_options`"):
            return list(parse_values(stmt, stmt.index(" VALUES") + 7))
    pytest.skip("the oracle's dump has no wp_options rows")


def test_options_match_the_oracle_install(installed: Database, oracle: Path) -> None:
    """Same names, order, autoload flags and (site settings aside) values as WordPress 7.1."""
    theirs = {row[1]: (row[2], row[3]) for row in _oracle_options(oracle)}
    order = [row[1] for row in _oracle_options(oracle)]
    o = installed.tables.options
    with installed.engine.connect() as conn:
        ours = conn.execute(
            select(o.c.option_name, o.c.option_value, o.c.autoload).order_by(o.c.option_id)
        ).all()
    names = [name for name, _, _ in ours]
    assert set(names) <= set(theirs)
    assert names == [name for name in order if name in set(names)]
    for name, value, autoload in ours:
        assert autoload == theirs[name][1], name
        if name not in SITE_SPECIFIC:
            assert value == theirs[name][0], name


# --------------------------------------------------------------------------- the administrator


def test_admin_user_and_meta(installed: Database) -> None:
    t = installed.tables
    with installed.engine.connect() as conn:
        user = conn.execute(select(t.users)).one()._mapping
        meta = conn.execute(
            select(t.usermeta.c.meta_key, t.usermeta.c.meta_value)
            .where(t.usermeta.c.user_id == 1)
            .order_by(t.usermeta.c.umeta_id)
        ).all()
    assert user["ID"] == 1
    assert user["user_login"] == "Editor.In-Chief"
    assert user["user_nicename"] == "editor-in-chief"
    assert user["display_name"] == "Editor.In-Chief"
    assert user["user_email"] == "chief@example.org"
    assert user["user_url"] == SITE
    assert user["user_registered"] == NOW_SQL
    assert _wp_check_password(PASSWORD, user["user_pass"])
    assert not _wp_check_password("wrong", user["user_pass"])
    assert [tuple(m) for m in meta] == [
        ("nickname", "Editor.In-Chief"),
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
        ("wp_capabilities", 'a:1:{s:13:"administrator";b:1;}'),
        ("wp_user_level", "10"),
        ("dismissed_wp_pointers", ""),
        ("show_welcome_panel", "1"),
    ]


def test_generated_password_is_returned_and_nagged(db: Database) -> None:
    result = _install(db, admin_password="  ")
    assert result.admin_id == 1
    assert result.generated_password is not None
    assert re.fullmatch(r"[A-Za-z0-9]{12}", result.generated_password)
    t = db.tables
    with db.engine.connect() as conn:
        hashed = conn.execute(select(t.users.c.user_pass)).scalar_one()
        nag = conn.execute(
            select(t.usermeta.c.meta_value).where(t.usermeta.c.meta_key == "default_password_nag")
        ).scalar_one()
    assert _wp_check_password(result.generated_password, hashed)
    assert nag == "1"


def test_given_password_is_not_returned(db: Database) -> None:
    assert _install(db) == InstallResult(admin_id=1, generated_password=None)


# --------------------------------------------------------------------------- default content


def test_default_content(installed: Database) -> None:
    t = installed.tables
    with installed.engine.connect() as conn:
        posts = {r.ID: r._mapping for r in conn.execute(select(t.posts).order_by(t.posts.c.ID))}
        term = conn.execute(select(t.terms)).one()
        tt = conn.execute(select(t.term_taxonomy)).one()
        rel = conn.execute(select(t.term_relationships)).all()
        comment = conn.execute(select(t.comments)).one()._mapping
        meta = conn.execute(select(t.postmeta.c.post_id, t.postmeta.c.meta_key)).all()
    assert list(posts) == [1, 2, 3]
    hello, sample, privacy = posts[1], posts[2], posts[3]
    assert (hello["post_title"], hello["post_name"], hello["post_type"]) == (
        "Hello world!",
        "hello-world",
        "post",
    )
    assert hello["post_content"] == (
        "<!-- wp:paragraph -->\n<p>Welcome to WordPress. This is your first post. Edit or "
        "delete it, then start writing!</p>\n<!-- /wp:paragraph -->"
    )
    assert hello["guid"] == f"{SITE}/?p=1"
    assert hello["post_date"] == hello["post_date_gmt"] == hello["post_modified_gmt"] == NOW_SQL
    assert hello["comment_count"] == 1
    assert (sample["post_name"], sample["post_status"], sample["comment_status"]) == (
        "sample-page",
        "publish",
        "closed",
    )
    assert f'<a href="{SITE}/wp-admin/">your dashboard</a>' in sample["post_content"]
    assert sample["guid"] == f"{SITE}/?page_id=2"
    assert (privacy["post_title"], privacy["post_status"], privacy["post_type"]) == (
        "Privacy Policy",
        "draft",
        "page",
    )
    assert privacy["post_content"].startswith(
        '<!-- wp:heading -->\n<h2 class="wp-block-heading">Who we are</h2>\n<!-- /wp:heading -->\n'
        '<!-- wp:paragraph -->\n<p><strong class="privacy-policy-tutorial">Suggested text: '
        f"</strong>Our website address is: {SITE}.</p>\n<!-- /wp:paragraph -->\n"
    )
    assert tuple(term) == (1, "Uncategorized", "uncategorized", 0)
    assert tuple(tt) == (1, 1, "category", "", 0, 1)
    assert [tuple(r) for r in rel] == [(1, 1, 0)]
    assert comment["comment_post_ID"] == 1
    assert comment["comment_author"] == "A WordPress Commenter"
    assert comment["comment_author_email"] == "wapuu@wordpress.example"
    assert comment["comment_approved"] == "1"
    assert comment["comment_content"].endswith(
        'Commenter avatars come from <a href="https://gravatar.com/">Gravatar</a>.'
    )
    assert sorted(tuple(m) for m in meta) == [(2, "_wp_page_template"), (3, "_wp_page_template")]


def test_default_content_matches_the_oracle(installed: Database, oracle: Path) -> None:
    """Posts 1-3 have WordPress's exact content once the site URL is swapped."""
    theirs: dict[int, str] = {}
    for stmt in iter_statements(oracle / "wordpress.sql"):
        if stmt.startswith("INSERT INTO `wp_posts`"):
            for row in parse_values(stmt, stmt.index(" VALUES") + 7):
                if row[0] in (1, 2, 3):
                    theirs[row[0]] = row[4].replace("http://127.0.0.1:8080", SITE)
    posts = installed.tables.posts
    with installed.engine.connect() as conn:
        ours = dict(conn.execute(select(posts.c.ID, posts.c.post_content)).tuples().all())
    assert ours == theirs


def test_install_refuses_an_installed_site(installed: Database) -> None:
    with pytest.raises(InstallError, match="already installed"):
        _install(installed, admin_user="other")
    with installed.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(installed.tables.users)).scalar() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("site_url", "ftp://example.org"),
        ("site_url", "example.org"),
        ("admin_user", ""),
        ("admin_user", "bad<name>"),
        ("admin_user", "x" * 61),
        ("admin_email", "not-an-email"),
        ("admin_password", "p" * 4097),
    ],
)
def test_invalid_settings_are_refused(db: Database, field: str, value: str) -> None:
    with pytest.raises(InstallError):
        _install(db, **{field: value})


# --------------------------------------------------------------------------- demo content


def _check_demo(db: Database) -> None:
    """Stored counts equal counts recomputed by SQL, and the demo has its promised shape."""
    t = db.tables
    p, tt, tr, c = t.posts, t.term_taxonomy, t.term_relationships, t.comments
    with db.engine.connect() as conn:
        published = (p.c.post_status == "publish") & (p.c.post_type == "post")
        recount = (
            select(tr.c.term_taxonomy_id, func.count())
            .select_from(tr.join(p, tr.c.object_id == p.c.ID))
            .where(published)
            .group_by(tr.c.term_taxonomy_id)
        )
        expected = dict(conn.execute(recount).tuples().all())
        stored = dict(conn.execute(select(tt.c.term_taxonomy_id, tt.c.count)).tuples().all())
        assert stored == {tt_id: expected.get(tt_id, 0) for tt_id in stored}
        approved = (
            select(c.c.comment_post_ID, func.count())
            .where(c.c.comment_approved == "1")
            .group_by(c.c.comment_post_ID)
        )
        expected = dict(conn.execute(approved).tuples().all())
        stored = dict(conn.execute(select(p.c.ID, p.c.comment_count)).tuples().all())
        assert stored == {post_id: expected.get(post_id, 0) for post_id in stored}

        rows = conn.execute(select(p.c.ID, p.c.post_type, p.c.post_status, p.c.post_parent)).all()
        kinds = [(r.post_type, r.post_status) for r in rows]
        assert kinds.count(("post", "publish")) == 1 + sum(x.status == "publish" for x in POSTS)
        assert kinds.count(("post", "draft")) == 1
        assert kinds.count(("page", "publish")) == 1 + len(PAGES)
        assert any(r.post_type == "page" and r.post_parent for r in rows)

        uncategorized = select(p.c.ID).where(
            published,
            ~p.c.ID.in_(
                select(tr.c.object_id)
                .join(tt, tt.c.term_taxonomy_id == tr.c.term_taxonomy_id)
                .where(tt.c.taxonomy == "category")
            ),
        )
        assert conn.execute(uncategorized).all() == []
        assert conn.execute(select(func.count()).where(tt.c.parent != 0)).scalar_one() >= 1

        sticky = list(
            loads(
                conn.execute(
                    select(t.options.c.option_value).where(
                        t.options.c.option_name == "sticky_posts"
                    )
                ).scalar_one()
            ).values()
        )
        assert len(sticky) == 1
        status = conn.execute(select(p.c.post_status).where(p.c.ID.in_(sticky))).scalar_one()
        assert status == "publish"

        comments = conn.execute(
            select(c.c.comment_ID, c.c.comment_post_ID, c.c.comment_parent)
        ).all()
        assert len(comments) == 1 + len(COMMENTS)
        post_of = {row.comment_ID: row.comment_post_ID for row in comments}
        replies = [row for row in comments if row.comment_parent]
        assert replies and all(post_of[r.comment_parent] == r.comment_post_ID for r in replies)
        assert any(r.comment_parent in {x.comment_ID for x in replies} for r in replies)
        latest = conn.execute(select(func.max(c.c.comment_date_gmt))).scalar_one()
        assert latest <= NOW_SQL


def test_demo_counts_are_consistent(db: Database) -> None:
    _install(db, demo=True)
    _check_demo(db)
    with db.engine.connect() as conn:
        assert _options(conn, db)["fresh_site"] == ("0", "off")


def test_demo_block_markup_is_balanced(db: Database) -> None:
    _install(db, demo=True)
    posts = db.tables.posts
    with db.engine.connect() as conn:
        contents = conn.execute(select(posts.c.post_content)).scalars().all()
    for content in contents:
        opened = re.findall(r"<!-- wp:([a-z-]+)[ {][^>]*?(?<!/)-->", content)
        closed = re.findall(r"<!-- /wp:([a-z-]+) -->", content)
        assert sorted(opened) == sorted(closed)
        assert "[" not in re.sub(r"<!--.*?-->", "", content)  # no accidental shortcodes


# --------------------------------------------------------------------------- other backends


def _server_url(env: str, default: str) -> str | None:
    url = os.environ.get(env, default)
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 0), 1).close()
    except OSError:
        return None
    return url


BACKENDS = [
    pytest.param("PRESSBOX_TEST_MYSQL", "mysql://root@127.0.0.1:3306/test", id="mariadb"),
    pytest.param("PRESSBOX_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test", id="pg"),
]


@pytest.mark.parametrize(("env", "default"), BACKENDS)
def test_install_on_server_backends(env: str, default: str) -> None:
    url = _server_url(env, default)
    if url is None:
        pytest.skip(f"no database server at {default} (set {env} to a URL to run this test)")
    db = Database(url, prefix=f"pb{uuid.uuid4().hex[:8]}_")
    try:
        with db.engine.connect():
            pass
    except Exception as exc:  # any failure to connect means the server is not available
        db.close()
        pytest.skip(f"cannot connect to {default}: {exc}")
    try:
        result = _install(db, demo=True)
        assert result.admin_id == 1
        _check_demo(db)
        with db.engine.connect() as conn:
            options = _options(conn, db)
            assert options["siteurl"] == (SITE, "on")
            assert loads(options[f"{db.tables.prefix}user_roles"][0])["author"]["name"] == "Author"
            names = conn.execute(select(db.tables.comments.c.comment_author)).scalars().all()
            assert "Tomás Ferreira" in names
            pass_hash = conn.execute(select(db.tables.users.c.user_pass)).scalar_one()
            assert _wp_check_password(PASSWORD, pass_hash)
            dates = conn.execute(select(db.tables.posts.c.post_date_gmt)).scalars().all()
            assert "0000-00-00 00:00:00" in dates  # the demo draft's floating date
        with pytest.raises(InstallError):
            _install(db)
    finally:
        db.tables.metadata.drop_all(db.engine)
        db.close()
