"""The WXR importer on small hand-made and generated exports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, select

from pressbox.store.phpserialize import loads
from pressbox.store.tables import Tables, build_tables
from pressbox.wxr import ImportStats, import_wxr
from pressbox.wxr.users import nicename

from .test_wxr_reader import ITEM, write, wxr
from .wxrgen import write_wxr


@pytest.fixture
def tables() -> Tables:
    return build_tables("wp_")


@pytest.fixture
def engine(tmp_path: Path, tables: Tables) -> Iterator[Engine]:
    eng = create_engine(f"sqlite:///{tmp_path / 'site.db'}")
    tables.metadata.create_all(eng)
    yield eng
    eng.dispose()


def snapshot(engine: Engine, tables: Tables) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        return {t.name: sorted(tuple(r) for r in conn.execute(select(t)).all()) for t in tables.all}


def rows(engine: Engine, sql: str) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql).all()]


AUTHORS = """
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[admin]]></wp:author_login>
<wp:author_email><![CDATA[a@example.com]]></wp:author_email>
<wp:author_display_name><![CDATA[The Admin]]></wp:author_display_name>
<wp:author_first_name><![CDATA[Ad]]></wp:author_first_name>
<wp:author_last_name><![CDATA[Min]]></wp:author_last_name></wp:author>
"""
TERMS = """
<wp:category><wp:term_id>8</wp:term_id><wp:category_nicename><![CDATA[child]]></wp:category_nicename>
<wp:category_parent><![CDATA[news]]></wp:category_parent><wp:cat_name><![CDATA[Child]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename><![CDATA[news]]></wp:category_nicename>
<wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[News]]></wp:cat_name>
<wp:termmeta><wp:meta_key><![CDATA[color]]></wp:meta_key><wp:meta_value><![CDATA[a:1:{i:0;s:3:"red";}]]></wp:meta_value></wp:termmeta>
</wp:category>
<wp:term><wp:term_id>5</wp:term_id><wp:term_taxonomy><![CDATA[category]]></wp:term_taxonomy>
<wp:term_slug><![CDATA[news]]></wp:term_slug><wp:term_name><![CDATA[News again]]></wp:term_name></wp:term>
"""
DRAFT = """
<item><title>Draft</title><dc:creator><![CDATA[admin]]></dc:creator>
<wp:post_id>9</wp:post_id><wp:post_date><![CDATA[2024-02-01 00:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
<wp:status><![CDATA[draft]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="news"><![CDATA[News]]></category>
<category domain="genre" nicename="jazz"><![CDATA[Jazz]]></category>
</item>
<item><title>Photo</title><dc:creator><![CDATA[admin]]></dc:creator>
<guid isPermaLink="false">http://example.com/wp-content/uploads/2024/01/photo.JPEG</guid>
<wp:post_id>12</wp:post_id><wp:post_date><![CDATA[2024-01-01 00:00:00]]></wp:post_date>
<wp:status><![CDATA[inherit]]></wp:status><wp:post_parent>7</wp:post_parent>
<wp:post_type><![CDATA[attachment]]></wp:post_type>
<wp:attachment_url><![CDATA[http://example.com/wp-content/uploads/2024/01/photo.JPEG]]></wp:attachment_url>
<category domain="genre" nicename="jazz"><![CDATA[Jazz]]></category>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key>
<wp:meta_value><![CDATA[2024/01/photo.JPEG]]></wp:meta_value></wp:postmeta>
</item>
"""


def site_file(tmp_path: Path) -> Path:
    item = ITEM.replace("page", "post").replace('nicename="news"', 'nicename="child"')
    return write(tmp_path, wxr(AUTHORS + TERMS + item + DRAFT))


def test_imports_a_small_site(tmp_path: Path, engine: Engine, tables: Tables) -> None:
    stats = import_wxr(site_file(tmp_path), engine, tables)
    assert (stats.posts, stats.comments, stats.users, stats.terms) == (3, 1, 1, 4)
    assert stats.terms_skipped == 1  # wp:term repeats wp:category "news"

    post = rows(
        engine,
        "select ID, post_author, post_title, post_status, post_parent, menu_order, guid,"
        " comment_status, post_password, comment_count, post_modified from wp_posts where ID = 7",
    )
    assert post == [
        (
            7,
            1,
            "Hello ]]> “world”",
            "publish",
            3,
            2,
            "http://example.com/?p=7&x=1",
            "closed",
            "pw",
            0,
            "2024-01-02 03:04:05",
        ),
    ]
    # A draft keeps its zero GMT date; a WXR without modified dates gets the post date.
    assert rows(engine, "select post_date_gmt, post_modified from wp_posts where ID = 9") == [
        ("0000-00-00 00:00:00", "2024-02-01 00:00:00")
    ]
    assert rows(engine, "select post_mime_type from wp_posts where ID = 12") == [("image/jpeg",)]

    # Terms keep their ids; the parent named by slug is resolved though it came later.
    assert rows(
        engine,
        "select t.term_id, t.slug, t.name, tt.term_taxonomy_id, tt.parent, tt.count"
        " from wp_terms t join wp_term_taxonomy tt using (term_id) order by t.term_id",
    ) == [
        (5, "news", "News", 5, 0, 0),  # only a draft uses it
        (8, "child", "Child", 8, 5, 1),
        # Made from the items' categories, in file order.
        (9, "old-tag", "Old", 9, 0, 1),
        (10, "jazz", "Jazz", 10, 0, 0),  # a draft and an attachment: nothing published
    ]
    assert rows(engine, "select term_id, meta_key, meta_value from wp_termmeta") == [
        (5, "color", 'a:1:{i:0;s:3:"red";}')
    ]
    assert rows(engine, "select taxonomy from wp_term_taxonomy where term_id = 10") == [("genre",)]

    comment = rows(
        engine,
        "select comment_ID, comment_post_ID, comment_approved, comment_type, comment_parent,"
        " user_id from wp_comments",
    )
    assert comment == [(4, 7, "0", "comment", 2, 5)]
    assert rows(engine, "select comment_id, meta_key, meta_value from wp_commentmeta") == [
        (4, "rating", "5")
    ]

    user = rows(
        engine, "select ID, user_login, user_nicename, user_email, display_name from wp_users"
    )
    assert user == [(1, "admin", "admin", "a@example.com", "The Admin")]
    meta = dict(rows(engine, "select meta_key, meta_value from wp_usermeta where user_id = 1"))
    assert meta["nickname"] == "admin" and meta["first_name"] == "Ad"
    assert loads(meta["wp_capabilities"]) == {"subscriber": True}

    options = dict(rows(engine, "select option_name, option_value from wp_options"))
    assert options == {
        "siteurl": "http://example.com/wp",
        "home": "http://example.com",
        "blogname": "Site &amp; Co",  # stored escaped, as sanitize_option() leaves it
        "blogdescription": "Tagline",
        "sticky_posts": "a:1:{i:0;i:7;}",
    }


def test_reimport_changes_nothing(tmp_path: Path, engine: Engine, tables: Tables) -> None:
    path = site_file(tmp_path)
    import_wxr(path, engine, tables)
    before = snapshot(engine, tables)
    again = import_wxr(path, engine, tables)
    assert snapshot(engine, tables) == before
    assert (again.posts, again.comments, again.terms, again.users, again.options) == (0,) * 5
    assert (again.posts_skipped, again.comments_skipped) == (3, 1)


def test_existing_settings_win(tmp_path: Path, engine: Engine, tables: Tables) -> None:
    with engine.begin() as conn:
        conn.execute(
            tables.options.insert(),
            [
                {"option_name": "blogname", "option_value": "Mine", "autoload": "on"},
                {"option_name": "sticky_posts", "option_value": "a:1:{i:0;i:3;}", "autoload": "on"},
            ],
        )
    import_wxr(site_file(tmp_path), engine, tables)
    options = dict(rows(engine, "select option_name, option_value from wp_options"))
    assert options["blogname"] == "Mine"
    assert options["sticky_posts"] == "a:2:{i:0;i:3;i:1;i:7;}"


def test_taken_ids_and_existing_terms(tmp_path: Path, engine: Engine, tables: Tables) -> None:
    """A post id in use is skipped; an existing slug is reused; a taken term id moves."""
    with engine.begin() as conn:
        conn.execute(tables.users.insert(), {"ID": 1, "user_login": "someone-else"})
        conn.execute(tables.posts.insert(), _post(7, "Already here"))
        conn.execute(tables.terms.insert(), [_term(5, "other"), _term(30, "news")])
        conn.execute(
            tables.term_taxonomy.insert(),
            [_tt(5, 5, "category"), _tt(31, 30, "category")],
        )
    stats = import_wxr(site_file(tmp_path), engine, tables)
    assert stats.posts_skipped == 1 and stats.posts == 2
    assert rows(engine, "select post_title from wp_posts where ID = 7") == [("Already here",)]
    # "admin" could not have id 1: it got the next id, and its posts are its.
    assert rows(engine, "select ID from wp_users where user_login = 'admin'") == [(2,)]
    assert rows(engine, "select post_author from wp_posts where ID = 9") == [(2,)]
    # "news" exists as term 30 / tt 31: the draft is filed there, the child hangs under it.
    assert rows(
        engine, "select term_taxonomy_id from wp_term_relationships where object_id = 9"
    ) == [(31,), (32,)]
    assert rows(engine, "select parent from wp_term_taxonomy where term_id = 8") == [(30,)]


def _post(post_id: int, title: str) -> dict[str, Any]:
    empty = ("post_content", "post_excerpt", "to_ping", "pinged", "post_content_filtered")
    return {"ID": post_id, "post_title": title, **dict.fromkeys(empty, "")}


def _term(term_id: int, slug: str) -> dict[str, Any]:
    return {"term_id": term_id, "name": slug, "slug": slug}


def _tt(tt_id: int, term_id: int, taxonomy: str) -> dict[str, Any]:
    return {
        "term_taxonomy_id": tt_id,
        "term_id": term_id,
        "taxonomy": taxonomy,
        "description": "",
    }


def test_wxr_1_0_creates_authors_from_creators(
    tmp_path: Path, engine: Engine, tables: Tables
) -> None:
    import_wxr(write(tmp_path, wxr(DRAFT.replace("admin", "Old.Timer"), "1.0")), engine, tables)
    assert rows(engine, "select ID, user_login, user_nicename from wp_users") == [
        (1, "Old.Timer", "old-timer")
    ]
    assert rows(engine, "select distinct post_author from wp_posts") == [(1,)]


def test_generated_export(tmp_path: Path, engine: Engine, tables: Tables) -> None:
    path = write_wxr(tmp_path / "gen.xml", 1200, comments=3)
    done: list[int] = []
    stats = import_wxr(path, engine, tables, progress=done.append, batch_size=500)
    assert done == [500, 1000, 1200]
    assert (stats.posts, stats.postmeta, stats.comments, stats.commentmeta) == (
        1200,
        3600,
        3600,
        3600,
    )
    assert stats.term_relationships == 1200 + sum(
        1 if n % 20 == (n * 7 + 3) % 20 else 2 for n in range(1200)
    )
    (published,) = rows(engine, "select count(*) from wp_posts where post_status = 'publish'")
    (counted,) = rows(engine, "select sum(count) from wp_term_taxonomy where taxonomy = 'category'")
    assert counted == published == (720,)
    # comment_count: the approved comments (2 of 3 per post).
    assert rows(engine, "select distinct comment_count from wp_posts") == [(2,)]
    content = rows(engine, "select post_content from wp_posts where ID = 1007")[0][0]
    assert "a]]>b" in content and "日本語" in content
    assert rows(
        engine, "select option_value from wp_options where option_name = 'sticky_posts'"
    ) == [("a:2:{i:0;i:1001;i:1;i:2001;}",)]


def test_nicename() -> None:
    assert nicename("John.Doe Smith") == "john-doe-smith"
    assert nicename("Ünïcødé") == "unicde"


def test_connection_runs_in_callers_transaction(
    tmp_path: Path, engine: Engine, tables: Tables
) -> None:
    with engine.connect() as conn:
        stats = import_wxr(site_file(tmp_path), conn, tables)
        conn.rollback()
    assert isinstance(stats, ImportStats) and stats.posts == 3
    assert rows(engine, "select count(*) from wp_posts") == [(0,)]
