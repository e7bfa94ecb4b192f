"""The pure parts of the users controller: search parsing, schema, routes, prepared values."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.endpoints.users_prepare import (
    _roles_and_allcaps,
    author_posts_url,
    registered_date,
)
from pressbox.registry.meta import MetaRegistry
from pressbox.schema.users import (
    register_core_user_meta,
    user_collection_params,
    user_item_schema,
    users_routes,
)
from pressbox.store.users_store import (
    default_search_columns,
    esc_like,
    mysql_number,
    parse_search,
    php_is_numeric,
)

REST_TYPES = ["post", "page", "attachment"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("*ava*", ("ava", True, True)),
        ("ava*", ("ava", False, True)),
        ("*ava", ("ava", True, False)),
        ("ava", ("ava", False, False)),
        ("**a*b**", ("a*b", True, True)),
        ("  *ava*  ", ("ava", True, True)),
    ],
)
def test_parse_search(raw: str, expected: tuple[str, bool, bool]) -> None:
    assert parse_search(raw) == expected


@pytest.mark.parametrize(
    ("term", "columns"),
    [
        ("jane@example.org", ["user_email"]),
        ("42", ["user_login", "ID"]),
        ("4.2e1", ["user_login", "ID"]),
        ("https://example.org", ["user_url"]),
        ("jane", ["user_login", "user_url", "user_email", "user_nicename", "display_name"]),
    ],
)
def test_default_search_columns(term: str, columns: list[str]) -> None:
    assert default_search_columns(term) == columns


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("3", 3.0),
        ("3abc", 3.0),
        (" 12 ", 12.0),
        ("abc", 0.0),
        ("1e1", 10.0),
        ("2.5", 2.5),
        ("", 0.0),
    ],
)
def test_mysql_number(value: str, number: float) -> None:
    assert mysql_number(value) == number


@pytest.mark.parametrize(
    ("value", "numeric"),
    [("12", True), (" 12", True), ("12 ", True), ("1e3", True), ("12a", False), ("", False)],
)
def test_php_is_numeric(value: str, numeric: bool) -> None:
    assert php_is_numeric(value) is numeric


def test_esc_like() -> None:
    assert esc_like(r"50%_a\b") == r"50\%\_a\\b"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-02 10:30:00", "2024-03-02T10:30:00+00:00"),
        ("0000-00-00 00:00:00", "-0001-11-30T00:00:00+00:00"),
        ("", "-0001-11-30T00:00:00+00:00"),
    ],
)
def test_registered_date(value: str, iso: str) -> None:
    assert registered_date(value) == iso


class FakeSite:
    def __init__(self, structure: str) -> None:
        self.structure = structure

    def home_url(self) -> str:
        return "http://example.test"

    def option(self, name: str, default: Any = None) -> Any:
        return self.structure if name == "permalink_structure" else default


@pytest.mark.parametrize(
    ("structure", "link"),
    [
        ("/%year%/%monthnum%/%postname%/", "http://example.test/author/jane/"),
        ("/%postname%", "http://example.test/author/jane"),
        ("/blog/%postname%/", "http://example.test/blog/author/jane/"),
        ("/index.php/%postname%/", "http://example.test/index.php/author/jane/"),
        ("", "http://example.test/?author=7"),
    ],
)
def test_author_posts_url(structure: str, link: str) -> None:
    assert author_posts_url(FakeSite(structure), 7, "jane") == link  # type: ignore[arg-type]


def test_roles_and_allcaps_merge_role_caps_then_user_caps() -> None:
    roles = {
        "editor": {"name": "Editor", "capabilities": {"edit_posts": True, "read": True}},
        "author": {"name": "Author", "capabilities": {"upload_files": True, "read": True}},
    }
    caps = {"author": True, "unknown_role": True, "read": False, "editor": True}
    user_roles, allcaps = _roles_and_allcaps(caps, roles)
    assert user_roles == ["author", "editor"]  # the order of the user's caps
    assert list(allcaps) == [
        "upload_files",
        "read",
        "edit_posts",
        "author",
        "unknown_role",
        "editor",
    ]
    assert allcaps["read"] is False  # the user's own caps win


def _schema(show_avatars: bool = True) -> dict[str, Any]:
    meta = MetaRegistry()
    register_core_user_meta(meta, "wp_")
    return user_item_schema(meta, show_avatars)


def test_item_schema_properties_in_wordpress_order() -> None:
    properties = list(_schema()["properties"])
    assert properties == [
        "id", "username", "name", "first_name", "last_name", "email", "url", "description",
        "link", "locale", "nickname", "slug", "registered_date", "roles", "password",
        "capabilities", "extra_capabilities", "avatar_urls", "meta",
    ]  # fmt: skip


def test_avatar_urls_need_show_avatars() -> None:
    assert "avatar_urls" not in _schema(show_avatars=False)["properties"]


def test_persisted_preferences_are_edit_only_meta() -> None:
    meta = _schema()["properties"]["meta"]
    assert meta["context"] == ["view", "edit"]
    prefs = meta["properties"]["persisted_preferences"]
    assert prefs["context"] == ["edit"]
    assert prefs["default"] == []
    assert prefs["additionalProperties"] is True


def test_register_core_user_meta_uses_the_table_prefix_once() -> None:
    meta = MetaRegistry()
    register_core_user_meta(meta, "blog_")
    register_core_user_meta(meta, "blog_")
    assert list(meta.keys("user")) == ["blog_persisted_preferences"]


def test_collection_params_order_and_defaults() -> None:
    params = user_collection_params(_schema(), REST_TYPES)
    assert list(params) == [
        "context", "page", "per_page", "search", "exclude", "include", "offset", "order",
        "orderby", "slug", "roles", "capabilities", "who", "has_published_posts", "search_columns",
    ]  # fmt: skip
    assert params["context"]["default"] == "view"
    assert params["order"]["default"] == "asc"
    assert params["orderby"]["default"] == "name"
    # get_post_types( …, 'names' ) is an associative array: a JSON object.
    assert params["has_published_posts"]["items"]["enum"] == {t: t for t in REST_TYPES}


def test_routes() -> None:
    routes = users_routes(_schema(), REST_TYPES)
    assert [r["route"] for r in routes] == ["/users", "/users/(?P<id>[\\d]+)", "/users/me"]
    item = routes[1]["endpoints"]
    assert [list(e["args"]) for e in item] == [
        ["id", "context"],
        ["id", *list(item[1]["args"])[1:]],
        ["id", "force", "reassign"],
    ]
    me = routes[2]["endpoints"]
    assert me[0]["permission_callback"] == "__return_true"
    assert [e["permission_callback"] for e in me[1:]] == [
        "update_current_item_permissions_check",
        "delete_current_item_permissions_check",
    ]
    assert "allow_batch" not in routes[2]
    create = routes[0]["endpoints"][1]["args"]
    assert [k for k, v in create.items() if v.get("required")] == ["username", "email", "password"]
    assert create["username"]["sanitize_callback"] == "check_username"
    assert "arg_options" not in routes[0]["schema"]["properties"]["username"]
