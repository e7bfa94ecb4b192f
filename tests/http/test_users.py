"""The users controller through HTTP, on a small site built for these tests."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from sqlalchemy import insert

from pressbox.app import App
from pressbox.endpoints.users import register_users_routes
from pressbox.store.install_roles import user_level, user_roles_value
from pressbox.store.phpserialize import dumps
from pressbox.testing import Client

from .helpers import AVATAR_OPTIONS, insert_posts, item_ids, new_site, rest_error, site_app, site_db

SITE = "http://users.test"
API = "/wp-json/wp/v2/users"

# id, login, nicename, email, url, display name, role
USERS = [
    (
        1,
        "alice",
        "alice",
        "Alice@Example.test",
        "https://alice.test",
        "Alice Admin",
        "administrator",
    ),
    (2, "bob", "bob-b", "bob@example.test", "", "Bob Builder", "author"),
    (3, "carol", "carol", "carol@example.test", "", "Carol Subscriber", "subscriber"),
    (4, "dave", "dave", "dave@example.test", "", "Dave Drafter", "author"),
    (5, "erin", "erin", "erin@example.test", "", "Erin Editor", "editor"),
    (6, "frank42", "frank", "frank@example.test", "", "Frank", "contributor"),
]
# A user's fields in the view context, in WordPress's order.
VIEW_FIELDS = ["id", "name", "url", "description", "link", "slug", "avatar_urls", "meta", "_links"]
# author, type, status
POSTS = [
    (1, "post", "publish"),
    (2, "page", "publish"),
    (4, "post", "draft"),  # a draft does not make Dave visible
    (5, "post", "publish"),
    (5, "attachment", "inherit"),
    (6, "post", "private"),  # nor does a private post make Frank visible
    (6, "wp_block", "publish"),  # but a published pattern does (a show_in_rest type)
]


def _build(url: str) -> None:
    options = {
        "permalink_structure": "/%postname%/",
        **AVATAR_OPTIONS,
        "wp_user_roles": user_roles_value(),
    }
    with new_site(url, SITE, options) as (conn, t):
        conn.execute(
            insert(t.users),
            [
                {
                    "ID": i,
                    "user_login": login,
                    "user_nicename": nicename,
                    "user_email": email,
                    "user_url": url_,
                    "user_registered": f"2024-01-0{i} 08:00:00",
                    "display_name": name,
                }
                for i, login, nicename, email, url_, name, _role in USERS
            ],
        )
        meta: list[dict[str, Any]] = []
        for i, login, _n, _e, _u, name, role in USERS:
            first, _, last = name.partition(" ")
            meta += [
                {"user_id": i, "meta_key": "first_name", "meta_value": first},
                {"user_id": i, "meta_key": "last_name", "meta_value": last},
                {"user_id": i, "meta_key": "nickname", "meta_value": login},
                {"user_id": i, "meta_key": "description", "meta_value": f"About {first} &amp; co."},
                {"user_id": i, "meta_key": "locale", "meta_value": ""},
                {"user_id": i, "meta_key": "wp_capabilities", "meta_value": dumps({role: True})},
                {"user_id": i, "meta_key": "wp_user_level", "meta_value": str(user_level(role))},
            ]
        conn.execute(insert(t.usermeta), meta)
        conn.execute(
            insert_posts(t),
            [
                {
                    "ID": 100 + n,
                    "post_author": author,
                    "post_type": post_type,
                    "post_status": status,
                    "post_name": f"p{n}",
                    "post_title": f"P{n}",
                }
                for n, (author, post_type, status) in enumerate(POSTS)
            ],
        )


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    url = site_db(tmp_path_factory, "users", _build, "users.db")
    return site_app(url, SITE, register_users_routes, "/wp/v2/users")


def ids(client: Client, query: str = "") -> list[int]:
    return item_ids(client, f"{API}?{query}")


def test_anonymous_list_shows_authors_of_published_rest_content(client: Client) -> None:
    r = client.get(API)
    assert r.status == 200
    assert r.header("X-WP-Total") == "4"
    assert r.header("X-WP-TotalPages") == "1"
    assert r.header("Allow") == "GET"
    # Ordered by display name: Alice Admin, Bob Builder, Erin Editor, Frank.
    assert [u["id"] for u in r.json()] == [1, 2, 5, 6]


def test_view_fields_in_wordpress_order(client: Client) -> None:
    user = client.get(API).json()[0]
    digest = hashlib.sha256(b"alice@example.test").hexdigest()
    assert list(user) == VIEW_FIELDS
    assert user["description"] == "About Alice &amp; co."  # raw meta, not re-escaped
    assert user["link"] == f"{SITE}/author/alice/"
    assert user["avatar_urls"]["24"] == f"https://secure.gravatar.com/avatar/{digest}?s=24&d=mm&r=g"
    assert user["meta"] == []  # persisted_preferences is edit-only
    assert user["_links"]["self"] == [{"href": f"{SITE}{API}/1", "targetHints": {"allow": ["GET"]}}]
    assert user["_links"]["collection"] == [{"href": f"{SITE}{API}"}]
    assert client.get(f"{API}/1").body == client.get(f"{API}?include=1").body[1:-1]


def test_embed_context_has_no_meta(client: Client) -> None:
    user = client.get(f"{API}/2?context=embed").json()
    assert list(user) == [field for field in VIEW_FIELDS if field != "meta"]
    assert user["link"] == f"{SITE}/author/bob-b/"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("order=desc", [6, 5, 2, 1]),
        ("orderby=id", [1, 2, 5, 6]),
        ("orderby=slug&order=desc", [6, 5, 2, 1]),
        ("orderby=include&include=5,1,2", [5, 1, 2]),
        ("orderby=include&include=5,1,2&order=desc", [2, 1, 5]),
        ("orderby=include_slugs&slug=frank,alice", [6, 1]),
        ("orderby=url", [2, 5, 6, 1]),
        ("slug=bob-b", [2]),
        ("slug=bob-b,erin,carol", [2, 5]),  # carol has published nothing
        ("include=3,4", []),
        ("exclude=1,5", [2, 6]),
        ("search=bui", [2]),  # display name
        ("search=frank4", [6]),  # login
        ("search=6", [6]),  # the id, and logins containing "6"
        ("search=example.test", []),  # anonymous readers never search emails
        ("search=bob&search_columns=email", [2]),  # …not even when asking
        ("search=bob&search_columns=slug", [2]),
        ("search=bob&search_columns=name", [2]),
        ("search=0", [1, 2, 5, 6]),  # "0" is empty to PHP: no search
        ("has_published_posts=page", [2]),
        ("has_published_posts=post,wp_block", [1, 5, 6]),
        ("has_published_posts=false", [1, 2, 5, 6]),
        ("has_published_posts=true", [1, 2, 5, 6]),
        ("per_page=1&offset=2", [5]),
    ],
)
def test_filters_and_order(client: Client, query: str, expected: list[int]) -> None:
    assert ids(client, query) == expected


def test_pagination_headers(client: Client) -> None:
    r = client.get(f"{API}?per_page=1&page=2")
    assert [u["id"] for u in r.json()] == [2]
    assert r.header("X-WP-Total") == "4"
    assert r.header("X-WP-TotalPages") == "4"
    assert r.header("Link") == (
        f'<{SITE}{API}?per_page=1&page=1>; rel="prev", <{SITE}{API}?per_page=1&page=3>; rel="next"'
    )


def test_page_past_the_end_is_empty_not_an_error(client: Client) -> None:
    r = client.get(f"{API}?page=9")
    assert r.status == 200
    assert r.json() == []
    assert r.header("X-WP-Total") == "4"
    assert r.header("Link") == f'<{SITE}{API}?page=1>; rel="prev"'


def test_offset_sets_the_page_of_the_links(client: Client) -> None:
    r = client.get(f"{API}?per_page=2&offset=2")
    assert r.header("Link") == f'<{SITE}{API}?per_page=2&offset=2&page=1>; rel="prev"'


def test_head_has_headers_and_no_body(client: Client) -> None:
    r = client.request("HEAD", f"{API}?per_page=1")
    assert r.status == 200
    assert r.body == b""
    assert r.header("X-WP-Total") == "4"


@pytest.mark.parametrize(
    ("target", "status", "code", "message"),
    [
        (f"{API}/3", 401, "rest_user_cannot_view", "Sorry, you are not allowed to list users."),
        (f"{API}/4", 401, "rest_user_cannot_view", "Sorry, you are not allowed to list users."),
        (f"{API}/99", 404, "rest_user_invalid_id", "Invalid user ID."),
        (f"{API}/0", 404, "rest_user_invalid_id", "Invalid user ID."),
        (f"{API}/me", 401, "rest_not_logged_in", "You are not currently logged in."),
        (f"{API}/1?context=edit", 401, "rest_forbidden_context", "Sorry, you are not allowed to edit this user."),
        (f"{API}?context=edit", 401, "rest_forbidden_context", "Sorry, you are not allowed to edit users."),
        (f"{API}?orderby=email", 401, "rest_forbidden_orderby", "Sorry, you are not allowed to order users by this parameter."),
        (f"{API}?orderby=registered_date", 401, "rest_forbidden_orderby", "Sorry, you are not allowed to order users by this parameter."),
        (f"{API}?roles=author", 401, "rest_user_cannot_view", "Sorry, you are not allowed to filter users by role."),
        (f"{API}?capabilities=read", 401, "rest_user_cannot_view", "Sorry, you are not allowed to filter users by capability."),
        (f"{API}?who=authors", 401, "rest_forbidden_who", "Sorry, you are not allowed to query users by this parameter."),
        (f"{API}?has_published_posts=nope", 400, "rest_invalid_param", "Invalid parameter(s): has_published_posts"),
        (f"{API}?orderby=nope", 400, "rest_invalid_param", "Invalid parameter(s): orderby"),
    ],
)  # fmt: skip
def test_anonymous_errors(
    client: Client, target: str, status: int, code: str, message: str
) -> None:
    assert rest_error(client.get(target)) == (status, code, message, status)


def test_refused_writes_for_anonymous(client: Client) -> None:
    r = client.request("DELETE", f"{API}/2?force=true&reassign=1")
    assert (r.status, r.json()["code"]) == (401, "rest_user_cannot_delete")
    r = client.request("POST", f"{API}/2", {"Content-Type": "application/json"}, b'{"name":"x"}')
    assert (r.status, r.json()["code"]) == (401, "rest_cannot_edit")
    body = b'{"username":"new","email":"n@example.test","password":"pw"}'
    r = client.request("POST", API, {"Content-Type": "application/json"}, body)
    assert (r.status, r.json()["code"]) == (401, "rest_cannot_create_user")


def test_embedded_author_of_a_post(client: Client) -> None:
    r = client.get("/wp-json/wp/v2/posts/100?_embed=author")
    author = r.json()["_embedded"]["author"]
    assert [a["id"] for a in author] == [1]
    assert "meta" not in author[0]


def test_administrator_sees_everyone_in_edit_context(client: Client, as_user: Any) -> None:
    as_user("administrator", 1)
    r = client.get(f"{API}?context=edit&orderby=id")
    assert r.status == 200
    users = r.json()
    assert [u["id"] for u in users] == [1, 2, 3, 4, 5, 6]
    bob = users[1]
    assert list(bob)[:13] == [
        "id", "username", "name", "first_name", "last_name", "email", "url", "description",
        "link", "locale", "nickname", "slug", "roles",
    ]  # fmt: skip
    assert bob["roles"] == ["author"]
    assert bob["locale"] == "en_US"
    assert bob["registered_date"] == "2024-01-02T08:00:00+00:00"
    assert bob["extra_capabilities"] == {"author": True}
    assert bob["capabilities"]["upload_files"] is True
    assert list(bob["capabilities"])[-1] == "author"
    assert bob["meta"] == {"persisted_preferences": []}
    assert bob["_links"]["self"][0]["targetHints"] == {
        "allow": ["GET", "POST", "PUT", "PATCH", "DELETE"]
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("roles=author", [2, 4]),
        ("roles=subscriber,editor", [3, 5]),
        ("capabilities=edit_others_posts", [1, 5]),
        ("capabilities=author", [2, 4]),  # a role name matches as a capability of the user
        ("search=example.test", [1, 2, 3, 4, 5, 6]),  # an email search
        ("search=carol@example.test", [3]),
        ("search=https://alice", [1]),  # a URL search
        ("has_published_posts=page", [2]),
        ("who=authors", [1, 2, 4, 5, 6]),  # user_level above 0
        ("orderby=email&order=desc", [6, 5, 4, 3, 2, 1]),
        ("orderby=registered_date&order=desc", [6, 5, 4, 3, 2, 1]),
    ],
)
def test_administrator_filters(
    client: Client, as_user: Any, query: str, expected: list[int]
) -> None:
    as_user("administrator", 1)
    assert sorted(ids(client, f"{query}&per_page=100")) == sorted(expected)
    if "orderby" in query:
        assert ids(client, query) == expected


def test_users_see_themselves(client: Client, as_user: Any) -> None:
    as_user("subscriber", 3)
    me = client.get(f"{API}/me?context=edit").json()
    assert me["id"] == 3
    assert me["roles"] == ["subscriber"]
    assert client.get(f"{API}/3").status == 200
    assert client.get(f"{API}/4").status == 403
    r = client.get(f"{API}/2?context=edit")
    assert (r.status, r.json()["code"]) == (403, "rest_forbidden_context")


def test_envelope_totals_are_numbers(client: Client) -> None:
    # `(int) $total_users` and `(int) ceil( … )`, where the comments controller casts to strings.
    headers = client.get(f"{API}?_envelope&per_page=1").json()["headers"]
    assert isinstance(headers["X-WP-Total"], int) and isinstance(headers["X-WP-TotalPages"], int)
    assert headers["X-WP-TotalPages"] == headers["X-WP-Total"]
    comments = client.get("/wp-json/wp/v2/comments?_envelope&per_page=1").json()["headers"]
    assert isinstance(comments["X-WP-Total"], str) and isinstance(comments["X-WP-TotalPages"], str)
