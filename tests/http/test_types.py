"""Post types `/wp/v2/types` through HTTP: who sees which fields, and the errors."""

from __future__ import annotations

import pytest

from pressbox.app import App
from pressbox.endpoints.types import register_types_routes
from pressbox.testing import Client

from .editor_site import acting_as, error
from .helpers import schema_only, site_app, site_db

SITE = "http://types.test"
API = "/wp-json/wp/v2/types"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    url = site_db(tmp_path_factory, "types", schema_only)
    return site_app(url, SITE, register_types_routes, "/wp/v2/types")


def test_collection_lists_every_rest_type_in_registration_order(client: Client) -> None:
    body = client.get(API).json()
    assert list(body)[:4] == ["post", "page", "attachment", "nav_menu_item"]
    assert "revision" not in body and "customize_changeset" not in body
    post = body["post"]
    # view context, in WordPress's order of assignment.
    assert list(post) == [
        "description",
        "hierarchical",
        "has_archive",
        "name",
        "slug",
        "icon",
        "taxonomies",
        "rest_base",
        "rest_namespace",
        "template",
        "template_lock",
        "_links",
    ]
    assert post["taxonomies"] == ["category", "post_tag"]  # post_format is not in REST
    assert post["_links"]["collection"][0]["href"] == f"{SITE}/wp-json/wp/v2/types"
    assert post["_links"]["wp:items"][0]["href"] == f"{SITE}/wp-json/wp/v2/posts"
    assert body["attachment"]["rest_base"] == "media"


def test_single_type(client: Client) -> None:
    page = client.get(f"{API}/page").json()
    assert (page["name"], page["slug"], page["hierarchical"]) == ("Pages", "page", True)
    assert page["icon"] == "dashicons-admin-page"
    embed = client.get(f"{API}/page?context=embed").json()
    assert list(embed) == [
        "name",
        "slug",
        "icon",
        "rest_base",
        "rest_namespace",
        "template",
        "template_lock",
        "_links",
    ]


@pytest.mark.parametrize(
    ("target", "code", "status"),
    [
        (f"{API}/nope", "rest_type_invalid", 404),
        (f"{API}/revision", "rest_cannot_read_type", 401),  # registered, not in REST
        (f"{API}/post?context=edit", "rest_forbidden_context", 401),
        (f"{API}?context=edit", "rest_cannot_view", 401),
        (f"{API}?context=nope", "rest_invalid_param", 400),
    ],
)
def test_errors(client: Client, target: str, code: str, status: int) -> None:
    r = client.get(target)
    assert (r.status, *error(r.json())) == (status, code, status)


def test_edit_context_for_an_editor(app: App, client: Client) -> None:
    with acting_as(app, frozenset({"edit_posts"})):
        body = client.get(f"{API}?context=edit").json()
        page = client.get(f"{API}/page?context=edit")
    # Only the types whose `edit_posts` capability the user has.
    assert list(body) == ["post", "attachment", "wp_block"]
    post = body["post"]
    assert post["capabilities"]["edit_posts"] == "edit_posts"
    assert post["visibility"] == {"show_in_nav_menus": True, "show_ui": True}
    assert post["viewable"] is True
    assert post["supports"]["title"] is True
    assert post["labels"]["singular_name"] == "Post"
    assert (page.status, *error(page.json())) == (403, "rest_forbidden_context", 403)


def test_fields_and_head(client: Client) -> None:
    assert client.get(f"{API}/post?_fields=slug").json() == {"slug": "post"}
    head = client.request("HEAD", f"{API}/post")
    assert head.status == 200 and head.body == b""
