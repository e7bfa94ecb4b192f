"""The pure parts of the comments controller: query vars, status, links, schema."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from pressbox.endpoints.comments_prepare import (
    LinkOptions,
    comment_link,
    mysql_to_rfc3339,
    prepare_status_response,
    user_trailingslashit,
)
from pressbox.registry.meta import MetaRegistry
from pressbox.schema import args as wp_args
from pressbox.schema.comments import (
    comment_collection_params,
    comment_item_schema,
    comments_routes,
    register_core_comment_meta,
)
from pressbox.store.comments_query import (
    CommentRow,
    approved_values,
    order_terms,
    type_clauses,
)


@pytest.mark.parametrize(
    ("orderby", "order", "expected"),
    [
        ("comment_date_gmt", "desc", [("comment_date_gmt", "DESC"), ("comment_ID", "DESC")]),
        ("comment_date_gmt", "asc", [("comment_date_gmt", "ASC"), ("comment_ID", "ASC")]),
        ("comment_date", "asc", [("comment_date", "ASC"), ("comment_ID", "ASC")]),
        ("comment_ID", "asc", [("comment_ID", "ASC")]),
        # WordPress's fallback tie-break is always DESC (its str_contains() arguments are swapped).
        ("comment_post_ID", "asc", [("comment_post_ID", "ASC"), ("comment_ID", "DESC")]),
        ("comment_parent", "asc", [("comment_parent", "ASC"), ("comment_ID", "DESC")]),
        ("comment_type", "desc", [("comment_type", "DESC"), ("comment_ID", "DESC")]),
        ("comment__in", "desc", [("comment__in", "FIELD")]),
        ("comment_", "asc", [("comment_date_gmt", "ASC"), ("comment_ID", "ASC")]),
        ("none", "asc", []),
        ("", "asc", [("comment_date_gmt", "ASC")]),
    ],
)
def test_order_terms(orderby: str, order: str, expected: list[tuple[str, str]]) -> None:
    assert order_terms(orderby, order) == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("approve", ["1"]),
        ("hold", ["0"]),
        ("all", ["0", "1"]),
        ("", ["0", "1"]),
        ("spam", ["spam"]),
        ("hold,spam", ["0", "spam"]),
        ("trash any", None),
        ("approved", ["approved"]),  # not a status name: matches nothing
    ],
)
def test_approved_values(status: str, expected: list[str] | None) -> None:
    assert approved_values(status) == expected


@pytest.mark.parametrize(
    ("type_", "expected"),
    [
        ("comment", (["", "comment"], ["note"])),
        ("comments", (["", "comment"], ["note"])),
        ("pings", (["pingback", "trackback"], ["note"])),
        ("pingback", (["pingback"], ["note"])),
        ("note", (["note"], [])),
        ("all", ([], [])),
        ("", ([], ["note"])),
    ],
)
def test_type_clauses(type_: str, expected: tuple[list[str], list[str]]) -> None:
    assert type_clauses(type_) == expected


@pytest.mark.parametrize(
    ("approved", "status"),
    [("1", "approved"), ("approve", "approved"), ("0", "hold"), ("hold", "hold"),
     ("spam", "spam"), ("trash", "trash"), ("post-trashed", "post-trashed")],
)  # fmt: skip
def test_prepare_status_response(approved: str, status: str) -> None:
    assert prepare_status_response(approved) == status


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-02 03:04:05", "2024-01-02T03:04:05"),
        ("0000-00-00 00:00:00", "-0001-11-30T00:00:00"),
    ],
)
def test_mysql_to_rfc3339(value: str, expected: str) -> None:
    assert mysql_to_rfc3339(value) == expected


@pytest.mark.parametrize(
    ("url", "structure", "expected"),
    [
        ("http://s.test/hello/", "/%postname%/", "http://s.test/hello/"),
        ("http://s.test/?p=5", "/%postname%/", "http://s.test/?p=5/"),  # as WordPress does
        ("http://s.test/hello/", "/%postname%", "http://s.test/hello"),
        ("", "/%postname%/", "/"),
    ],
)
def test_user_trailingslashit(url: str, structure: str, expected: str) -> None:
    assert user_trailingslashit(url, structure) == expected


def _comment(id_: int, parent: int = 0, date_gmt: str = "2024-01-01 00:00:00") -> CommentRow:
    return CommentRow(
        id=id_, post_id=10, author="", author_email="", author_url="", author_ip="",
        date=date_gmt, date_gmt=date_gmt, content="", karma=0, approved="1", agent="",
        type="comment", parent=parent, user_id=0,
    )  # fmt: skip


@dataclass
class _Store:
    comments: dict[int, CommentRow]
    older: int
    asked: list[tuple[int, str, int]] = field(default_factory=list)

    def comment(self, comment_id: int) -> CommentRow | None:
        return self.comments.get(comment_id)

    def older_top_level_count(self, post_id: int, date_gmt: str, user: int = 0) -> int:
        self.asked.append((post_id, date_gmt, user))
        return self.older


@dataclass
class _Controller:
    store: _Store

    @staticmethod
    def current_user_id(request: Any) -> int:
        return 0


PAGED = LinkOptions(
    permalink_structure="/%postname%/",
    page_comments=True,
    per_page=2,
    default_page="newest",
    max_depth=5,
)


@pytest.mark.parametrize(
    ("options", "older", "expected"),
    [
        (replace(PAGED, page_comments=False), 7, "http://s.test/hello/#comment-3"),
        (PAGED, 0, "http://s.test/hello/comment-page-1/#comment-3"),
        (PAGED, 4, "http://s.test/hello/comment-page-3/#comment-3"),
        (replace(PAGED, default_page="oldest"), 0, "http://s.test/hello/#comment-3"),
        (replace(PAGED, default_page="oldest"), 2, "http://s.test/hello/comment-page-2/#comment-3"),
        (replace(PAGED, permalink_structure=""), 2, "http://s.test/?p=10&cpage=2#comment-3"),
    ],
)
def test_comment_link(options: LinkOptions, older: int, expected: str) -> None:
    store = _Store({1: _comment(1, date_gmt="2023-05-05 05:05:05"), 2: _comment(2, 1)}, older)
    permalink = "http://s.test/?p=10" if not options.permalink_structure else "http://s.test/hello/"
    link = comment_link(_Controller(store), _comment(3, 2), permalink, options, None)  # type: ignore[arg-type]
    assert link == expected
    if options.page_comments:
        # A threaded reply is on the page of its top-level ancestor.
        assert store.asked == [(10, "2023-05-05 05:05:05", 0)]


def test_schema_field_order_and_avatars() -> None:
    meta = MetaRegistry()
    register_core_comment_meta(meta)
    schema = comment_item_schema(meta, show_avatars=True)
    assert list(schema["properties"]) == [
        "id", "author", "author_email", "author_ip", "author_name", "author_url",
        "author_user_agent", "content", "date", "date_gmt", "link", "parent", "post", "status",
        "type", "author_avatar_urls", "meta",
    ]  # fmt: skip
    assert "author_avatar_urls" not in comment_item_schema(meta, show_avatars=False)["properties"]
    note = schema["properties"]["meta"]["properties"]["_wp_note_status"]
    assert note == {
        "type": "string",
        "title": "",
        "description": "Note resolution status",
        "default": "",
        "enum": ["resolved", "reopen"],
    }


def test_collection_params_and_routes() -> None:
    schema = comment_item_schema(MetaRegistry(), show_avatars=True)
    params = comment_collection_params(schema)
    assert params["context"]["default"] == "view"
    assert next(iter(params["parent"])) == "default"  # WordPress declares it first here
    assert "default" not in params["author"]
    assert params["orderby"]["enum"] == [
        "date", "date_gmt", "id", "include", "post", "parent", "type",
    ]  # fmt: skip
    routes = comments_routes(schema)
    assert [r["route"] for r in routes] == ["/comments", "/comments/(?P<id>[\\d]+)"]
    assert all("allow_batch" not in r for r in routes)
    item = routes[1]["endpoints"]
    assert [e["methods"] for e in item] == [["GET"], ["POST", "PUT", "PATCH"], ["DELETE"]]
    assert list(item[0]["args"]) == ["id", "context", "password"]
    assert list(item[2]["args"]) == ["id", "force", "password"]
    create = wp_args.endpoint_args_for_schema(schema, wp_args.CREATABLE)
    assert create["author_email"]["validate_callback"] is None
    assert create["author_email"]["sanitize_callback"] == "check_comment_author_email"
    assert create["parent"]["default"] == 0
