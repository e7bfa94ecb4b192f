"""get_post_status() and is_post_publicly_viewable(), against a small in-memory site."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.content.context import PostData
from pressbox.registry import core_registries
from pressbox.registry.visibility import get_post_status, is_post_publicly_viewable

POSTS = {
    1: PostData(id=1, post_type="post", post_status="publish"),
    2: PostData(id=2, post_type="post", post_status="draft"),
    3: PostData(id=3, post_type="post", post_status="trash"),
    4: PostData(id=4, post_type="post", post_status="trash"),
    5: PostData(id=5, post_type="page", post_status="private"),
}
META = {(3, "_wp_trash_meta_status"): "publish", (4, "_wp_trash_meta_status"): "draft"}


class Site:
    """The two lookups get_post_status() makes."""

    def post(self, post_id: int) -> PostData | None:
        return POSTS.get(post_id)

    def post_meta(self, post_id: int, key: str) -> Any:
        return META.get((post_id, key))


def attachment(status: str = "inherit", parent: int = 0, pid: int = 50) -> PostData:
    return PostData(id=pid, post_type="attachment", post_status=status, post_parent=parent)


@pytest.mark.parametrize(
    ("post", "status"),
    [
        (POSTS[1], "publish"),
        (POSTS[2], "draft"),
        (attachment(), "publish"),  # unattached: assumed published
        (attachment(parent=1), "publish"),
        (attachment(parent=2), "draft"),
        (attachment(parent=3), "publish"),  # the parent's status before it was trashed
        (attachment(parent=4), "draft"),
        (attachment(parent=5), "private"),
        (attachment(parent=99), "publish"),  # the parent is gone
        (attachment(parent=50), "publish"),  # its own parent
        (attachment(status="private", parent=1), "private"),
        (attachment(status="trash"), "trash"),
        (attachment(status="auto-draft"), "auto-draft"),
        (attachment(status="draft", parent=2), "publish"),  # any other own status reads publish
    ],
)
def test_get_post_status(post: PostData, status: str) -> None:
    assert get_post_status(post, Site()) == status


@pytest.mark.parametrize(
    ("post", "viewable"),
    [
        (POSTS[1], True),
        (POSTS[2], False),
        (POSTS[5], False),
        (PostData(id=6, post_type="post", post_status="future"), False),
        (PostData(id=7, post_type="page", post_status="publish"), True),
        (attachment(parent=1), True),
        (attachment(parent=2), False),
        (PostData(id=8, post_type="wp_block", post_status="publish"), False),
        (PostData(id=9, post_type="no_such_type", post_status="publish"), False),
        (PostData(id=10, post_type="post", post_status="no_such_status"), False),
    ],
)
def test_is_post_publicly_viewable(post: PostData, viewable: bool) -> None:
    registries = core_registries()
    found = is_post_publicly_viewable(post, Site(), registries.post_types, registries.statuses)
    assert found is viewable


@pytest.mark.parametrize(
    ("status", "viewable"),
    [
        ("publish", True),
        ("future", False),
        ("draft", False),
        ("pending", False),
        ("private", False),
        ("trash", False),
        ("auto-draft", False),
        ("inherit", False),
    ],
)
def test_core_status_viewable(status: str, viewable: bool) -> None:
    assert core_registries().statuses[status].viewable is viewable
