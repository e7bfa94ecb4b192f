"""The comments controller through HTTP, on a small site built for these tests."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from sqlalchemy import insert

from pressbox.app import App
from pressbox.endpoints.comments import register_comments_routes
from pressbox.store.install_roles import user_roles_value
from pressbox.testing import Client

from .helpers import AVATAR_OPTIONS, insert_posts, item_ids, new_site, rest_error, site_app, site_db

SITE = "http://comments.test"
API = "/wp-json/wp/v2/comments"

# id, type, status, slug, password
POSTS = [
    (10, "post", "publish", "hello", ""),
    (11, "post", "publish", "secret", "pw"),
    (12, "post", "draft", "draft", ""),
    (13, "page", "publish", "about", ""),
    (14, "post", "publish", "noted", ""),
]
# id, post, parent, user, author, email, date, approved, type, content
COMMENTS = [
    (1, 10, 0, 0, "Ann", "Ann@Example.test", "2024-01-01 10:00:00", "1", "comment",
     "First! See https://example.org/page"),
    (2, 10, 1, 2, "Bob", "bob@other.test", "2024-01-02 10:00:00", "1", "comment",
     'Thanks -- "quoted"'),
    (3, 10, 1, 0, "Held", "held@example.test", "2024-01-03 10:00:00", "0", "comment", "Wait"),
    (4, 10, 0, 0, "Spam", "spam@example.test", "2024-01-04 10:00:00", "spam", "comment", "Buy"),
    (5, 10, 0, 0, "Other blog", "", "2024-01-05 10:00:00", "1", "pingback", "[...] x [...]"),
    (6, 11, 0, 0, "Cat", "cat@example.test", "2024-01-06 10:00:00", "1", "comment", "Hidden"),
    (7, 12, 0, 0, "Dan", "dan@example.test", "2024-01-07 10:00:00", "1", "comment", "Early"),
    (8, 13, 0, 0, "Eve", "", "2024-01-08 10:00:00", "1", "", "On a page"),
    (9, 14, 0, 1, "Alice", "alice@example.test", "2024-01-09 10:00:00", "1", "note", "Fix"),
    (10, 999, 0, 0, "Orphan", "o@example.test", "2024-01-10 10:00:00", "1", "comment", "Lost"),
    (11, 10, 0, 0, "Fay", "fay@example.test", "2024-01-02 10:00:00", "1", "comment", "Same time"),
]  # fmt: skip


def _build(url: str) -> None:
    options = {
        "permalink_structure": "/%postname%/",
        **AVATAR_OPTIONS,
        "page_comments": "0",
        "thread_comments": "1",
        "thread_comments_depth": "5",
        "use_smilies": "1",
        "wp_user_roles": user_roles_value(),
    }
    with new_site(url, SITE, options) as (conn, t):
        conn.execute(
            insert(t.users),
            [
                {
                    "ID": i,
                    "user_login": login,
                    "user_nicename": login,
                    "user_email": f"{login}@example.test",
                    "user_url": "",
                    "user_registered": "2024-01-01 00:00:00",
                    "display_name": login.title(),
                }
                for i, login in ((1, "alice"), (2, "bob"))
            ],
        )
        conn.execute(
            insert_posts(t),
            [
                {
                    "ID": i,
                    "post_type": post_type,
                    "post_status": status,
                    "post_name": slug,
                    "post_title": slug.title(),
                    "post_password": password,
                    "post_date": "2023-12-01 00:00:00",
                    "post_date_gmt": "2023-12-01 00:00:00",
                }
                for i, post_type, status, slug, password in POSTS
            ],
        )
        conn.execute(
            insert(t.comments),
            [
                {
                    "comment_ID": i,
                    "comment_post_ID": post,
                    "comment_parent": parent,
                    "user_id": user,
                    "comment_author": author,
                    "comment_author_email": email,
                    "comment_author_url": "",
                    "comment_date": date,
                    "comment_date_gmt": date,
                    "comment_approved": approved,
                    "comment_type": kind,
                    "comment_content": content,
                }
                for i, post, parent, user, author, email, date, approved, kind, content in COMMENTS
            ],
        )
        conn.execute(
            insert(t.commentmeta),
            [
                {"comment_id": 8, "meta_key": "_wp_note_status", "meta_value": "resolved"},
                {"comment_id": 11, "meta_key": "_wp_note_status", "meta_value": "bogus"},
            ],
        )


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    url = site_db(tmp_path_factory, "comments", _build, "comments.db")
    return site_app(url, SITE, register_comments_routes, "/wp/v2/comments")


def ids(client: Client, query: str = "") -> list[int]:
    return item_ids(client, f"{API}?{query}")


def gravatar(email: str, size: int) -> str:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"https://secure.gravatar.com/avatar/{digest}?s={size}&d=mm&r=g"


def test_anonymous_list_shows_approved_comments_of_readable_posts(client: Client) -> None:
    r = client.get(API)
    assert r.status == 200
    # Newest first; 11 and 2 share a date and fall back to the id, descending. Comments of
    # the protected post (6), the draft (7) and a missing post (10) are left out…
    assert [c["id"] for c in r.json()] == [8, 11, 2, 1]
    # …but still counted, as WordPress counts before it checks each comment.
    assert r.header("X-WP-Total") == "7"
    assert r.header("X-WP-TotalPages") == "1"
    assert r.header("Allow") == "GET"


def test_view_fields_in_wordpress_order(client: Client) -> None:
    comment = client.get(f"{API}/1").json()
    assert list(comment) == [
        "id", "post", "parent", "author", "author_name", "author_url", "date", "date_gmt",
        "content", "link", "status", "type", "author_avatar_urls", "meta", "_links",
    ]  # fmt: skip
    assert comment["date"] == "2024-01-01T10:00:00"
    assert comment["status"] == "approved"
    assert comment["link"] == f"{SITE}/hello/#comment-1"
    assert comment["content"] == {
        "rendered": '<p>First! See <a href="https://example.org/page" rel="nofollow ugc">'
        "https://example.org/page</a></p>\n"
    }
    assert comment["author_avatar_urls"]["48"] == gravatar("ann@example.test", 48)
    assert comment["meta"] == {"_wp_note_status": None}
    assert client.get(f"{API}/1").body == client.get(f"{API}?include=1").body[1:-1]


def test_rendering_and_meta(client: Client) -> None:
    two = client.get(f"{API}/2").json()
    assert two["content"]["rendered"] == "<p>Thanks &#8212; &#8220;quoted&#8221;</p>\n"
    # A registered user's own address gives the avatar, not the one on the comment.
    assert two["author_avatar_urls"]["24"] == gravatar("bob@example.test", 24)
    eight = client.get(f"{API}/8").json()
    assert eight["type"] == "comment"  # an empty type is a comment
    assert eight["link"] == f"{SITE}/about/#comment-8"
    assert eight["meta"] == {"_wp_note_status": "resolved"}
    assert client.get(f"{API}/11").json()["meta"] == {"_wp_note_status": None}  # not in enum
    pingback = client.get(f"{API}/5").json()
    assert pingback["type"] == "pingback"
    assert pingback["author_avatar_urls"] == {"24": False, "48": False, "96": False}


def test_links(client: Client) -> None:
    one = client.get(f"{API}/1").json()["_links"]
    assert one == {
        "self": [{"href": f"{SITE}{API}/1", "targetHints": {"allow": ["GET"]}}],
        "collection": [{"href": f"{SITE}{API}"}],
        "up": [{"embeddable": True, "post_type": "post", "href": f"{SITE}/wp-json/wp/v2/posts/10"}],
        # A held reply counts as a child too.
        "children": [{"embeddable": True, "href": f"{SITE}{API}?parent=1"}],
    }
    two = client.get(f"{API}/2").json()["_links"]
    assert list(two) == ["self", "collection", "author", "up", "in-reply-to"]
    assert two["author"] == [{"embeddable": True, "href": f"{SITE}/wp-json/wp/v2/users/2"}]
    assert two["in-reply-to"] == [{"embeddable": True, "href": f"{SITE}{API}/1"}]
    up = client.get(f"{API}/8").json()["_links"]["up"]
    assert up == [
        {"embeddable": True, "post_type": "page", "href": f"{SITE}/wp-json/wp/v2/pages/13"}
    ]


def test_embed_context(client: Client) -> None:
    comment = client.get(f"{API}/2?context=embed").json()
    assert list(comment) == [
        "id", "parent", "author", "author_name", "author_url", "date", "content", "link", "type",
        "author_avatar_urls", "_links",
    ]  # fmt: skip


def test_embedded_replies_of_a_post(client: Client) -> None:
    post = client.get("/wp-json/wp/v2/posts/10?_embed=replies").json()
    replies = post["_embedded"]["replies"]
    assert [c["id"] for c in replies[0]] == [11, 2, 1]
    assert "post" not in replies[0][0] and "meta" not in replies[0][0]


def test_embedding_a_comment(client: Client) -> None:
    embedded = client.get(f"{API}/2?_embed").json()["_embedded"]
    assert [e["id"] for e in embedded["up"]] == [10]
    assert [e["id"] for e in embedded["in-reply-to"]] == [1]
    # Bob has published nothing, so anonymous readers may not see him: the error is embedded.
    assert [e["code"] for e in embedded["author"]] == ["rest_user_cannot_view"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("order=asc", [1, 2, 11, 8]),
        ("orderby=date&order=asc", [1, 2, 11, 8]),
        ("orderby=id&order=asc", [1, 2, 8, 11]),
        # Equal posts fall back to the id, descending whatever the order.
        ("orderby=post&order=asc", [11, 2, 1, 8]),
        ("orderby=parent&order=asc", [11, 8, 1, 2]),
        ("orderby=include&include=2,8,1", [2, 8, 1]),
        ("orderby=include", []),  # no list to order by: an SQL error, so nothing, in WordPress
        ("include=2,8", [8, 2]),
        ("exclude=2,8", [11, 1]),
        ("parent=1", [2]),  # the held reply stays out
        ("parent=0&post=10", [11, 1]),
        ("parent_exclude=0", [2]),
        ("post=10", [11, 2, 1]),
        ("post=13", [8]),
        ("post=10,13", [8, 11, 2, 1]),
        ("post=555", []),  # no such post: no error, no comments
        ("search=quoted", [2]),
        ("search=ann@example", [1]),  # e-mail addresses are searched too
        ("search=0", []),
        ("after=2024-01-05T00:00:00", [8]),
        ("before=2024-01-02T00:00:00", [1]),
        ("per_page=2&page=3", [11, 2]),
        ("per_page=2&page=1", [8]),  # the page held the orphan, which nobody may read
        ("offset=4&per_page=2", [11, 2]),
        ("post=11&password=pw", [6]),
    ],
)
def test_filters_and_order(client: Client, query: str, expected: list[int]) -> None:
    assert ids(client, query) == expected


def test_pagination_headers(client: Client) -> None:
    r = client.get(f"{API}?per_page=2&page=3")
    assert r.header("X-WP-Total") == "7"
    assert r.header("X-WP-TotalPages") == "4"
    assert r.header("Link") == (
        f'<{SITE}{API}?per_page=2&page=2>; rel="prev", <{SITE}{API}?per_page=2&page=4>; rel="next"'
    )
    r = client.get(f"{API}?page=9")
    assert (r.status, r.json(), r.header("X-WP-Total")) == (200, [], "7")
    assert r.header("Link") == f'<{SITE}{API}?page=1>; rel="prev"'
    r = client.get(f"{API}?orderby=include")
    assert (r.json(), r.header("X-WP-Total"), r.header("X-WP-TotalPages")) == ([], "7", "1")


def test_head_has_headers_and_no_body(client: Client) -> None:
    r = client.request("HEAD", f"{API}?per_page=1")
    assert (r.status, r.body, r.header("X-WP-Total")) == (200, b"", "7")


@pytest.mark.parametrize(
    ("target", "status", "code", "message"),
    [
        (f"{API}?status=hold", 401, "rest_forbidden_param", "Query parameter not permitted: status"),
        (f"{API}?type=pingback", 401, "rest_forbidden_param", "Query parameter not permitted: type"),
        (f"{API}?author=1", 401, "rest_forbidden_param", "Query parameter not permitted: author"),
        (f"{API}?author_email=ann%40example.test", 401, "rest_forbidden_param", "Query parameter not permitted: author_email"),
        (f"{API}?status=all&author_exclude=2&type=pings", 401, "rest_forbidden_param", "Query parameter not permitted: author_exclude, type, status"),
        (f"{API}?context=edit", 401, "rest_forbidden_context", "Sorry, you are not allowed to edit comments."),
        (f"{API}?post=11", 401, "rest_cannot_read_post", "Sorry, you are not allowed to read the post for this comment."),
        (f"{API}?post=11&password=nope", 401, "rest_cannot_read_post", "Sorry, you are not allowed to read the post for this comment."),
        # A password only counts when one post is asked for.
        (f"{API}?post=11,10&password=pw", 401, "rest_cannot_read_post", "Sorry, you are not allowed to read the post for this comment."),
        (f"{API}?post=12", 401, "rest_cannot_read_post", "Sorry, you are not allowed to read the post for this comment."),
        (f"{API}?post=0", 401, "rest_cannot_read", "Sorry, you are not allowed to read comments without a post."),
        (f"{API}?orderby=author", 400, "rest_invalid_param", "Invalid parameter(s): orderby"),
        (f"{API}/3", 401, "rest_cannot_read", "Sorry, you are not allowed to read this comment."),
        (f"{API}/4", 401, "rest_cannot_read", "Sorry, you are not allowed to read this comment."),
        (f"{API}/6", 401, "rest_cannot_read", "Sorry, you are not allowed to read this comment."),
        (f"{API}/7", 401, "rest_cannot_read", "Sorry, you are not allowed to read this comment."),
        (f"{API}/9", 401, "rest_cannot_read", "Sorry, you are not allowed to read this comment."),
        (f"{API}/10", 404, "rest_post_invalid_id", "Invalid post ID."),
        (f"{API}/99", 404, "rest_comment_invalid_id", "Invalid comment ID."),
        (f"{API}/0", 404, "rest_comment_invalid_id", "Invalid comment ID."),
        (f"{API}/1?context=edit", 401, "rest_forbidden_context", "Sorry, you are not allowed to edit comments."),
    ],
)  # fmt: skip
def test_anonymous_errors(
    client: Client, target: str, status: int, code: str, message: str
) -> None:
    assert rest_error(client.get(target)) == (status, code, message, status)


def test_a_password_opens_one_comment(client: Client) -> None:
    r = client.get(f"{API}/6?password=pw")
    assert r.status == 200
    assert r.json()["id"] == 6
    # The self link carries no password: nothing is allowed there, so it has no hints.
    assert r.json()["_links"]["self"][0]["href"] == f"{SITE}{API}/6"


def test_refused_writes_for_anonymous(client: Client) -> None:
    json = {"Content-Type": "application/json"}
    r = client.request("POST", API, json, b'{"post":10,"content":"hi"}')
    assert (r.status, r.json()["code"]) == (401, "rest_comment_login_required")
    r = client.request("POST", f"{API}/1", json, b'{"content":"x"}')
    assert (r.status, r.json()["code"]) == (401, "rest_cannot_edit")
    r = client.request("DELETE", f"{API}/1")
    assert (r.status, r.json()["code"]) == (401, "rest_cannot_delete")
    assert client.request("DELETE", f"{API}/99").status == 404


def test_options_lists_the_collection_args(client: Client) -> None:
    r = client.request("OPTIONS", API)
    args = r.json()["endpoints"][0]["args"]
    assert list(args) == [
        "context", "page", "per_page", "search", "after", "author", "author_exclude",
        "author_email", "before", "exclude", "include", "offset", "order", "orderby", "parent",
        "parent_exclude", "post", "status", "type", "password",
    ]  # fmt: skip
    create = r.json()["endpoints"][1]["args"]
    assert "id" not in create and "link" not in create and list(create)[-1] == "meta"


def test_moderators_see_every_status(client: Client, as_user: Any) -> None:
    as_user("administrator", 1)
    assert ids(client, "status=hold") == [3]
    assert ids(client, "status=spam") == [4]
    assert ids(client, "type=pingback") == [5]
    assert ids(client, "type=note&post=14") == [9]
    assert ids(client, "post=11") == [6]  # an editor of the post needs no password
    # Everything approved they may edit, the orphan included.
    assert ids(client, "") == [10, 8, 7, 6, 11, 2, 1]
    edit = client.get(f"{API}/3?context=edit").json()
    assert edit["status"] == "hold"
    assert edit["author_email"] == "held@example.test"
    assert edit["content"] == {"rendered": "<p>Wait</p>\n", "raw": "Wait"}


def test_subscribers_may_not_filter(client: Client, as_user: Any) -> None:
    as_user("subscriber", 2)
    r = client.get(f"{API}?status=hold")
    assert (r.status, r.json()["code"]) == (403, "rest_forbidden_param")
    r = client.get(f"{API}/3")
    assert (r.status, r.json()["code"]) == (403, "rest_cannot_read")
