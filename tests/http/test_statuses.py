"""Post statuses `/wp/v2/statuses` through HTTP: what anonymous readers and editors see."""

from __future__ import annotations

import pytest

from pressbox.app import App
from pressbox.endpoints.statuses import register_statuses_routes
from pressbox.testing import Client

from .editor_site import acting_as, error
from .helpers import schema_only, site_app, site_db

SITE = "http://statuses.test"
API = "/wp-json/wp/v2/statuses"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    url = site_db(tmp_path_factory, "statuses", schema_only)
    return site_app(url, SITE, register_statuses_routes, "/wp/v2/statuses")


def test_anonymous_readers_see_publish_only(client: Client) -> None:
    body = client.get(API).json()
    assert list(body) == ["publish"]
    assert body["publish"] == {
        "name": "Published",
        "public": True,
        "queryable": True,
        "slug": "publish",
        "date_floating": False,
        "_links": {"archives": [{"href": f"{SITE}/wp-json/wp/v2/posts"}]},
    }


@pytest.mark.parametrize(
    ("target", "code", "status"),
    [
        (f"{API}/nope", "rest_status_invalid", 404),
        (f"{API}/draft", "rest_cannot_read_status", 401),
        (f"{API}/trash", "rest_cannot_read_status", 401),
        (f"{API}/auto-draft", "rest_cannot_read_status", 401),
        (f"{API}?context=edit", "rest_cannot_view", 401),
    ],
)
def test_errors(client: Client, target: str, code: str, status: int) -> None:
    r = client.get(target)
    assert (r.status, *error(r.json())) == (status, code, status)


def test_editors_see_every_non_internal_status_then_trash(app: App, client: Client) -> None:
    with acting_as(app, frozenset({"edit_posts"})):
        body = client.get(f"{API}?context=edit").json()
        internal = client.get(f"{API}/inherit")
        draft = client.get(f"{API}/draft").json()
    assert list(body) == ["publish", "future", "draft", "pending", "private", "trash"]
    assert body["private"]["private"] is True and body["future"]["protected"] is True
    assert body["trash"]["show_in_list"] is False
    assert draft["date_floating"] is True
    assert draft["_links"]["archives"][0]["href"] == f"{SITE}/wp-json/wp/v2/posts?status=draft"
    # Internal statuses stay hidden, whoever asks.
    assert (internal.status, *error(internal.json())) == (403, "rest_cannot_read_status", 403)


def test_fields_and_embed_context(client: Client) -> None:
    body = client.get(f"{API}/publish?_fields=slug").json()
    # The statuses controller adds its link whatever `_fields` says, and WordPress adds a
    # single item's links after filtering the fields: they stay.
    assert body == {
        "slug": "publish",
        "_links": {"archives": [{"href": f"{SITE}/wp-json/wp/v2/posts"}]},
    }
    listed = client.get(f"{API}?_fields=slug").json()
    assert listed == []  # the collection is one map keyed by status: nothing is `slug`
    embed = client.get(f"{API}/publish?context=embed").json()
    assert list(embed) == ["name", "slug", "_links"]
