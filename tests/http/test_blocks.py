"""Synced patterns and navigation menus (`wp_block`, `wp_navigation`) through HTTP."""

from __future__ import annotations

import pytest

from pressbox.app import App
from pressbox.testing import Client

from .editor_site import ADMIN_CAPS, API, acting_as, editor_app, error


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return editor_app(tmp_path_factory, "blocks")


def test_anonymous_list_is_empty_but_counts_published_patterns(client: Client) -> None:
    r = client.get(f"{API}/blocks")
    assert r.status == 200
    assert r.json() == []
    # WordPress counts before it skips what the reader may not see.
    assert r.header("X-WP-Total") == "2"
    assert r.header("X-WP-TotalPages") == "1"
    assert r.header("Allow") == "GET"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("blocks/10", ("rest_forbidden", 401)),
        ("blocks/11", ("rest_forbidden", 401)),
        ("blocks/30", ("rest_post_invalid_id", 404)),  # a page is not a pattern
        ("blocks/999", ("rest_post_invalid_id", 404)),
        ("blocks?status=draft", ("rest_invalid_param", 400)),  # a forbidden status
    ],
)
def test_anonymous_refusals(client: Client, path: str, expected: tuple[str, int]) -> None:
    r = client.get(f"{API}/{path}")
    assert (r.status, error(r.json())) == (expected[1], expected)


def test_editor_sees_patterns_with_raw_title_and_sync_status(app: App, client: Client) -> None:
    with acting_as(app, ADMIN_CAPS):
        r = client.get(f"{API}/blocks")
    assert r.status == 200
    items = r.json()
    assert [i["id"] for i in items] == [12, 10]
    cta = items[1]
    assert cta["title"] == {"raw": "Call to action"}
    assert cta["content"] == {"raw": "<!-- wp:paragraph --><p>Hi</p>", "protected": False}
    # The sync status leaves `meta` for the top level, just before the links.
    assert cta["wp_pattern_sync_status"] == "unsynced"
    assert "wp_pattern_sync_status" not in cta["meta"]
    keys = list(cta)
    assert keys[keys.index("wp_pattern_sync_status") + 1] == "_links"
    assert items[0]["wp_pattern_sync_status"] == ""


def test_editor_reads_one_pattern_and_fields_filter_it(app: App, client: Client) -> None:
    with acting_as(app, ADMIN_CAPS):
        r = client.get(f"{API}/blocks/10?_fields=id,title,meta,wp_pattern_sync_status")
        bare = client.get(f"{API}/blocks/10?_fields=id,wp_pattern_sync_status")
    assert r.status == 200
    assert r.json() == {
        "id": 10,
        "title": {"raw": "Call to action"},
        "meta": {"footnotes": ""},
        "wp_pattern_sync_status": "unsynced",
    }
    # As in WordPress, the status is read from `meta`: without it, it is empty.
    assert bare.json() == {"id": 10, "wp_pattern_sync_status": ""}


def test_navigation_menus_are_public_posts(client: Client) -> None:
    r = client.get(f"{API}/navigation")
    assert r.status == 200
    assert [i["id"] for i in r.json()] == [60]
    item = client.get(f"{API}/navigation/60?context=embed").json()
    # The navigation fallback's schema filter shows status and content to embeds.
    assert item["status"] == "publish"
    assert "content" in item


def test_routes_and_revisions_are_registered(app: App) -> None:
    routes = app.routes.routes
    for path in (
        "/wp/v2/blocks",
        "/wp/v2/blocks/(?P<id>[\\d]+)",
        "/wp/v2/blocks/(?P<parent>[\\d]+)/revisions",
        "/wp/v2/blocks/(?P<id>[\\d]+)/autosaves",
        "/wp/v2/navigation/(?P<parent>[\\d]+)/autosaves/(?P<id>[\\d]+)",
    ):
        assert path in routes
