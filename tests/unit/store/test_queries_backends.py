"""Term and comment queries bind their values: the same SQL answers alike on every backend."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pressbox.store.comments_query import CommentQuery, CommentsStore
from pressbox.store.db import Database
from pressbox.store.posts_query import PostQuery, TaxClause
from pressbox.store.posts_store import PostsStore
from pressbox.store.terms_query import TermQueries, TermQuery
from pressbox.store.users_store import UsersStore
from pressbox.wxr import import_wxr
from tests.unit.wxr.test_wxr_backends import BACKENDS, _server_url

QUERIES = [
    TermQuery("category", orderby="id"),
    TermQuery("category", orderby="id", number=5, offset=3),
    TermQuery("post_tag", hierarchical=False, orderby="id", number=4, offset=0),
    TermQuery("category", orderby="id", exclude=[198, 199], number=10),
    TermQuery("category", include=[199, 198, 1], orderby="include"),
    TermQuery("category", orderby="id", search="a_b%"),
    TermQuery("category", orderby="id", search="uncat"),
    TermQuery("category", orderby="id", parent=0),
    TermQuery("category", orderby="id", object_ids=[12269]),
    TermQuery("post_tag", hierarchical=False, orderby="id", hide_empty=True, number=3, offset=2),
    TermQuery("category", orderby="id", hide_empty=True, number=2, offset=1),
    TermQuery("category", orderby="id", slug=["uncategorized", "nope"]),
]


COMMENT_QUERIES = [
    CommentQuery(post_in=[1836], status="approve", type="comment", orderby="comment_ID"),
    CommentQuery(post_in=[1836, 1], status="approve", number=3, offset=1, orderby="comment_ID"),
    CommentQuery(status="all", number=5, orderby="comment_ID", order="ASC"),
    CommentQuery(status="approve", parent_in=[0], orderby="comment_ID", number=4, offset=2),
    CommentQuery(status="approve", comment_in=[3, 1, 2], orderby="comment__in"),
    CommentQuery(status="approve", comment_not_in=[1, 2], orderby="comment_ID", number=3),
    CommentQuery(status="approve", search="a_b%", orderby="comment_ID"),
    CommentQuery(status="approve", search="the", orderby="comment_ID"),
    CommentQuery(status="approve", dates=[(">", "2012-01-01 00:00:00")], orderby="comment_ID"),
    CommentQuery(status="any", type="pings", orderby="comment_ID"),
]


POST_QUERIES = [
    PostQuery(orderby="id"),
    PostQuery(orderby="id", page=3, per_page=7),
    PostQuery(orderby="id", offset=5, per_page=4, order="ASC"),
    PostQuery(orderby="id", post_type=["page"], per_page=100),
    PostQuery(orderby="id", search="block"),
    PostQuery(orderby="id", author_in=[1], post_not_in=[12269]),
    PostQuery(orderby="id", tax=[TaxClause("category", [198, 199])]),
    PostQuery(orderby="id", dates=[("post_date", ">", "2020-01-01 00:00:00")]),
]
USER_IDS = list(range(1, 8))
USER_POST_TYPES = [(["post", "page"], []), (["page"], []), (["post"], ["post"]), (["nope"], [])]


def _answers(db: Database) -> list[tuple[list[int], int]]:
    terms = TermQueries(db)
    comments = CommentsStore(db)

    users = UsersStore(db)
    posts = PostsStore(db)

    def with_posts(types: list[str], private: list[str]) -> tuple[list[int], int]:
        """Authors with posts, asked for all at once and one by one (two statements)."""
        together = sorted(users.users_with_posts(USER_IDS, types, private))
        alone = [i for i in USER_IDS if users.has_posts(i, types, private)]
        assert together == alone
        return together, len(together)

    def ask() -> list[tuple[list[int], int]]:
        return (
            [(terms.find(q), terms.count(q)) for q in QUERIES]
            + [comments.find(q) for q in COMMENT_QUERIES]
            + [with_posts(types, private) for types, private in USER_POST_TYPES]
            + [posts.find(q) for q in POST_QUERIES]
        )

    # Asked twice: the second time through the remembered statements, with other values.
    out = ask()
    assert out == ask()
    return out


@pytest.fixture(scope="module")
def sqlite_answers(
    oracle: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[tuple[list[int], int]]]:
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('terms') / 'site.db'}")
    db.create_schema()
    import_wxr(oracle / "site.wxr", db.engine, db.tables)
    yield _answers(db)
    db.close()


def test_bound_values_give_distinct_answers(sqlite_answers: list[tuple[list[int], int]]) -> None:
    assert len({tuple(ids) for ids, _ in sqlite_answers}) > len(sqlite_answers) // 2
    assert sqlite_answers[4][0] == [199, 198, 1]  # FIELD() order of `include`
    assert sqlite_answers[5] == ([], 0)  # `_` and `%` are literal in a search
    comments = sqlite_answers[len(QUERIES) : len(QUERIES) + len(COMMENT_QUERIES)]
    first_authors = len(QUERIES) + len(COMMENT_QUERIES)
    authors = sqlite_answers[first_authors : first_authors + len(USER_POST_TYPES)]
    assert authors[0][1] > 0 and authors[3] == ([], 0)
    posts = sqlite_answers[first_authors + len(USER_POST_TYPES) :]
    assert len(posts[0][0]) == 10 and posts[0][1] > 10  # a full page and the total
    assert len(posts[1][0]) == 7 and not set(posts[1][0]) & set(posts[0][0])
    assert 12269 not in posts[5][0] and posts[4][1] > 0
    assert comments[0][1] > 0 and comments[4][0][:3] == [3, 1, 2]
    assert comments[6] == ([], 0)


@contextmanager
def _server_site(env: str, default: str, oracle: Path) -> Iterator[Database]:
    """The oracle's site.wxr in fresh tables of a database server (skips when there is none)."""
    url = _server_url(env, default)
    if url is None:
        pytest.skip(f"no database server at {default} (set {env} to a URL to run this test)")
    db = Database(url, f"pb{uuid.uuid4().hex[:8]}_")
    try:
        db.create_schema()
    except Exception as exc:  # any failure to reach the server means it is not available
        db.engine.dispose()
        pytest.skip(f"cannot use {default}: {exc}")
    try:
        import_wxr(oracle / "site.wxr", db.engine, db.tables)
        yield db
    finally:
        db.tables.metadata.drop_all(db.engine)
        db.close()


@pytest.mark.parametrize(("env", "default"), BACKENDS)
def test_server_backends_answer_as_sqlite(
    env: str, default: str, oracle: Path, sqlite_answers: list[tuple[list[int], int]]
) -> None:
    with _server_site(env, default, oracle) as db:
        assert _answers(db) == sqlite_answers


def test_pages_of_a_list_share_one_statement(oracle: Path, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'site.db'}")
    db.create_schema()
    import_wxr(oracle / "site.wxr", db.engine, db.tables)
    posts = PostsStore(db)
    try:
        pages = [posts.find(PostQuery(orderby="id", page=n, per_page=5)) for n in (1, 2, 3)]
        by_offset = posts.find(PostQuery(orderby="id", offset=5, per_page=5))
        assert len(posts._statements) == 1  # pages and an explicit offset bind LIMIT/OFFSET
        ids = [page_ids for page_ids, _total in pages]
        assert all(len(i) == 5 for i in ids) and len({*ids[0], *ids[1], *ids[2]}) == 15
        assert by_offset == pages[1]
        assert {total for _ids, total in pages} == {pages[0][1]}
    finally:
        db.close()


# Lists whose ORDER BY ties (many tags share a count): WordPress's own statement decides.
TIED_QUERIES = [
    (TermQuery("post_tag", hierarchical=False, orderby="count", order="DESC", number=45,
               hide_empty=True), "tt.count > 0", "tt.count DESC", "0, 45"),
    (TermQuery("post_tag", hierarchical=False, orderby="count", number=10, offset=20),
     "1=1", "tt.count ASC", "20, 10"),
    (TermQuery("category", orderby="count", order="DESC", number=10),
     "1=1", "tt.count DESC", "0, 10"),
]  # fmt: skip


def test_mysql_term_lists_follow_wordpress_statement(oracle: Path) -> None:
    """On MySQL/MariaDB, ties come out as from WP_Term_Query's `SELECT t.term_id …`."""
    env, default = (str(v) for v in next(b.values for b in BACKENDS if b.id == "mariadb"))
    with _server_site(env, default, oracle) as db:
        prefix = db.tables.prefix
        terms = TermQueries(db)
        for q, where, order, limit in TIED_QUERIES:
            sql = (
                f"SELECT t.term_id FROM {prefix}terms AS t INNER JOIN {prefix}term_taxonomy AS tt"
                f" ON t.term_id = tt.term_id WHERE tt.taxonomy IN ('{q.taxonomy}') AND {where}"
                f" ORDER BY {order} LIMIT {limit}"
            )
            wordpress = [int(i) for i in db.conn().exec_driver_sql(sql).scalars()]
            counts = [t.count for t in terms.find_rows(q)]
            assert len(set(counts)) < len(counts)  # the list has ties to break
            assert terms.find(q) == wordpress
