"""The editor, theme and site-structure routes through HTTP: what anonymous readers get,
the argument checks that come before permissions, and the registration order."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.app import App
from pressbox.testing import Client

from .editor_site import ADMIN_CAPS, API, acting_as, editor_app, error

ABILITIES = "/wp-json/wp-abilities/v1"
EDITOR = "/wp-json/wp-block-editor/v1"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return editor_app(tmp_path_factory, "editor")


ANONYMOUS = [
    ("GET", f"{API}/block-types", "rest_block_type_cannot_view", 401),
    ("GET", f"{API}/block-types/core", "rest_block_type_cannot_view", 401),
    ("GET", f"{API}/block-types/core/paragraph", "rest_block_type_cannot_view", 401),
    ("GET", f"{API}/block-renderer/core/archives?context=edit", "block_cannot_read", 401),
    # The context's default ("view") is validated too, and only "edit" is allowed.
    ("GET", f"{API}/block-renderer/core/archives", "rest_invalid_param", 400),
    ("GET", f"{API}/themes", "rest_cannot_view_themes", 401),
    ("GET", f"{API}/themes?status=active", "rest_cannot_view_active_theme", 401),
    ("GET", f"{API}/themes?status=inactive", "rest_cannot_view_themes", 401),
    ("GET", f"{API}/themes?status=nope", "rest_invalid_param", 400),
    ("GET", f"{API}/themes/twentytwentyfive", "rest_cannot_view_active_theme", 401),
    ("GET", f"{API}/themes/twentytwentyfour", "rest_cannot_view_themes", 401),
    ("GET", f"{API}/plugins", "rest_cannot_view_plugins", 401),
    ("GET", f"{API}/plugins/akismet/akismet", "rest_cannot_view_plugin", 401),
    ("POST", f"{API}/plugins", "rest_missing_callback_param", 400),
    ("POST", f"{API}/plugins?slug=akismet", "rest_cannot_install_plugin", 401),
    ("DELETE", f"{API}/plugins/hello", "rest_cannot_manage_plugins", 401),
    ("GET", f"{API}/sidebars", "rest_cannot_manage_widgets", 401),
    ("GET", f"{API}/sidebars/wp_inactive_widgets", "rest_cannot_manage_widgets", 401),
    ("GET", f"{API}/widget-types", "rest_cannot_manage_widgets", 401),
    ("GET", f"{API}/widget-types/text", "rest_cannot_manage_widgets", 401),
    ("POST", f"{API}/widget-types/text/encode", "rest_cannot_manage_widgets", 401),
    ("GET", f"{API}/widgets", "rest_cannot_manage_widgets", 401),
    ("GET", f"{API}/widgets/text-2", "rest_cannot_manage_widgets", 401),
    ("GET", f"{API}/global-styles/themes/twentytwentyfive", "rest_cannot_read_global_styles", 401),
    ("GET", f"{API}/global-styles/themes/twentytwentyfive/variations", "rest_cannot_read_global_styles", 401),
    ("GET", f"{API}/global-styles/50", "rest_cannot_view", 401),
    ("GET", f"{API}/global-styles/50?context=edit", "rest_forbidden_context", 401),
    ("GET", f"{API}/global-styles/51", "rest_global_styles_not_found", 404),
    ("GET", f"{API}/global-styles/50/revisions", "rest_cannot_read", 401),
    ("GET", f"{API}/global-styles/49/revisions", "rest_post_invalid_parent", 404),
    ("GET", f"{API}/templates", "rest_cannot_manage_templates", 401),
    ("GET", f"{API}/template-parts/twentytwentyfive//header", "rest_cannot_manage_templates", 401),
    ("GET", f"{API}/templates/lookup?slug=front-page", "rest_cannot_manage_templates", 401),
    ("GET", f"{API}/templates/lookup", "rest_missing_callback_param", 400),
    ("GET", f"{API}/templates/twentytwentyfive//custom/revisions", "rest_cannot_read", 401),
    ("GET", f"{API}/templates/twentytwentyfive//index/revisions", "rest_invalid_template", 400),
    ("GET", f"{API}/templates/twentytwentyfive//nope/revisions", "rest_post_invalid_parent", 404),
    ("GET", f"{API}/templates/twentytwentyfive//custom/autosaves", "rest_cannot_read", 401),
    ("GET", f"{API}/template-parts/twentytwentyfive//footer/autosaves", "rest_invalid_template", 400),
    ("GET", f"{API}/font-families", "rest_cannot_read", 401),
    ("GET", f"{API}/font-families/80", "rest_cannot_read", 401),
    ("GET", f"{API}/font-families/81", "rest_post_invalid_id", 404),
    ("GET", f"{API}/font-families/80/font-faces", "rest_cannot_read", 401),
    ("POST", f"{API}/font-families?font_family_settings=nope", "rest_invalid_param", 400),
    ("GET", f"{API}/font-collections", "rest_cannot_read", 401),
    ("GET", f"{API}/font-collections/google-fonts", "rest_cannot_read", 401),
    ("GET", f"{API}/block-directory/search", "rest_missing_callback_param", 400),
    ("GET", f"{API}/block-directory/search?term=a", "rest_block_directory_cannot_view", 401),
    ("GET", f"{API}/pattern-directory/patterns", "rest_pattern_directory_cannot_view", 401),
    ("GET", f"{API}/block-patterns/patterns", "rest_cannot_view", 401),
    ("GET", f"{API}/block-patterns/categories", "rest_cannot_view", 401),
    ("GET", f"{EDITOR}/url-details", "rest_missing_callback_param", 400),
    ("GET", f"{EDITOR}/url-details?url=ftp://a.test/", "rest_invalid_param", 400),
    ("GET", f"{EDITOR}/url-details?url=http://192.168.1.1/", "rest_invalid_param", 400),
    ("GET", f"{EDITOR}/url-details?url=http://editor.test/about/", "rest_cannot_view_url_details", 401),
    ("GET", f"{EDITOR}/export", "rest_cannot_export_templates", 401),
    ("GET", f"{EDITOR}/navigation-fallback", "rest_cannot_create", 401),
    ("GET", f"{ABILITIES}/categories", "rest_forbidden", 401),
    ("GET", f"{ABILITIES}/categories/site", "rest_forbidden", 401),
    ("GET", f"{ABILITIES}/abilities", "rest_forbidden", 401),
    ("GET", f"{ABILITIES}/abilities/core/get-site-info", "rest_forbidden", 401),
    ("GET", f"{ABILITIES}/abilities/core/get-site-info/run", "rest_ability_cannot_execute", 401),
    ("POST", f"{ABILITIES}/abilities/core/get-site-info/run", "rest_ability_invalid_method", 405),
    ("GET", f"{ABILITIES}/abilities/core/nope/run", "rest_ability_not_found", 404),
    ("GET", f"{ABILITIES}/abilities/core/get-user-info/run?input[fields][]=nope", "ability_invalid_input", 400),
    ("GET", f"{API}/icons", "rest_cannot_view", 401),
    ("GET", f"{API}/icons/core", "rest_cannot_view", 401),
    ("GET", f"{API}/icons/core/star", "rest_cannot_view", 401),
    ("GET", f"{API}/icon-collections", "rest_cannot_view", 401),
    ("GET", f"{API}/view-config?kind=postType&name=post", "rest_cannot_read", 401),
    ("GET", f"{API}/view-config?kind=postType&name=nope", "rest_view_config_invalid_entity", 404),
    ("GET", f"{API}/view-config?kind=postType", "rest_missing_callback_param", 400),
]  # fmt: skip


@pytest.mark.parametrize(("method", "target", "code", "status"), ANONYMOUS)
def test_anonymous_answers(
    client: Client, method: str, target: str, code: str, status: int
) -> None:
    r = client.request(method, target)
    assert r.status == status, r.json()
    assert error(r.json()) == (code, status)


def test_a_known_user_gets_403_not_401(app: App, client: Client) -> None:
    with acting_as(app, frozenset({"read"}), user_id=4):
        r = client.get(f"{API}/themes")
    assert error(r.json()) == ("rest_cannot_view_themes", 403)


def test_editors_pass_the_checks(app: App, client: Client) -> None:
    with acting_as(app, ADMIN_CAPS):
        block_type = client.get(f"{API}/block-types/core/nope")
        renderer = client.get(f"{API}/block-renderer/core/paragraph?context=edit")
        categories = client.get(f"{ABILITIES}/categories")
        run_method = client.request("GET", f"{ABILITIES}/abilities/core/get-site-info/run")
    assert error(block_type.json()) == ("rest_block_type_invalid", 404)
    assert error(renderer.json()) == ("block_invalid", 404)  # a static block
    assert categories.status == 200 and categories.header("X-WP-Total") == "2"
    assert [c["slug"] for c in categories.json()] == ["site", "user"]
    assert categories.json()[0]["_links"]["abilities"][0]["href"].endswith(
        "/wp-abilities/v1/abilities?category=site"
    )
    assert run_method.status == 501  # past every check, running is not served


def test_block_renderer_renders_a_dynamic_block(app: App, client: Client) -> None:
    with acting_as(app, ADMIN_CAPS):
        r = client.get(f"{API}/block-renderer/core/archives?context=edit")
        bad = client.get(f"{API}/block-renderer/core/archives?context=edit&attributes[nope]=1")
    assert r.status == 200
    assert list(r.json()) == ["rendered"] and "wp-block-archives" in r.json()["rendered"]
    assert error(bad.json()) == ("rest_invalid_param", 400)


def test_sidebars_of_a_block_theme(app: App, client: Client) -> None:
    with acting_as(app, ADMIN_CAPS):
        listing = client.get(f"{API}/sidebars")
        other = client.get(f"{API}/sidebars/sidebar-1")
    (inactive,) = listing.json()
    assert inactive["id"] == "wp_inactive_widgets" and inactive["status"] == "inactive"
    # block-3 is saved but in no sidebar: it joins the inactive ones, first; text-9 is not
    # a saved widget and is dropped.
    assert inactive["widgets"] == ["block-3", "block-2"]
    assert inactive["before_widget"] == "" and inactive["name"] == "Inactive widgets"
    widget_link = inactive["_links"]["wp:widget"][0]["href"]
    assert widget_link.endswith("/wp-json/wp/v2/widgets?sidebar=wp_inactive_widgets")
    assert error(other.json()) == ("rest_sidebar_not_found", 404)


def _route_data(client: Client, namespace: str) -> dict[str, Any]:
    routes: dict[str, Any] = client.get(f"/wp-json/{namespace}").json()["routes"]
    return routes


def test_namespaces_and_registration_order(client: Client) -> None:
    index = client.get("/wp-json/").json()
    assert index["namespaces"][-2:] == ["wp-block-editor/v1", "wp-abilities/v1"]
    routes = list(index["routes"])
    order = [
        "/wp/v2/menu-items",
        "/wp/v2/blocks",
        "/wp/v2/templates/(?P<parent>([^\\/:<>\\*\\?\"\\|]+(?:\\/[^\\/:<>\\*\\?\"\\|]+)?)[\\/\\w%-]+)/revisions",
        "/wp/v2/templates",
        "/wp/v2/global-styles/(?P<parent>[\\d]+)/revisions",
        "/wp/v2/global-styles/(?P<id>[\\/\\d+]+)",
        "/wp/v2/navigation",
        "/wp/v2/font-families",
        "/wp/v2/font-families/(?P<font_family_id>[\\d]+)/font-faces",
        "/wp/v2/block-renderer/(?P<name>[a-z0-9-]+/[a-z0-9-]+)",
        "/wp/v2/themes",
        "/wp/v2/block-patterns/categories",
        "/wp-block-editor/v1",
        "/wp-block-editor/v1/url-details",
        "/wp/v2/menu-locations",
        "/wp-block-editor/v1/navigation-fallback",
        "/wp/v2/font-collections",
        "/wp-abilities/v1",
        "/wp-abilities/v1/abilities/(?P<name>[a-zA-Z0-9\\-\\/]+?)/run",
        "/wp/v2/icons",
        "/wp/v2/view-config",
    ]  # fmt: skip
    positions = [routes.index(r) for r in order]
    assert positions == sorted(positions)


def test_index_shows_args_and_batch_flags(client: Client) -> None:
    routes = _route_data(client, "wp/v2")
    styles = routes["/wp/v2/global-styles/(?P<id>[\\/\\d+]+)"]
    assert [e.get("allow_batch") for e in styles["endpoints"]] == [{"v1": False}] * 2
    run = _route_data(client, "wp-abilities/v1")[
        "/wp-abilities/v1/abilities/(?P<name>[a-zA-Z0-9\\-\\/]+?)/run"
    ]
    assert run["methods"] == ["GET", "POST", "PUT", "PATCH", "DELETE"]
    assert run["endpoints"][0]["args"]["input"]["default"] is None
    patterns = routes["/wp/v2/block-patterns/patterns"]
    assert patterns["endpoints"][0]["args"] == []


def test_options_shows_the_schema(client: Client) -> None:
    r = client.request("OPTIONS", f"{API}/block-types")
    schema = r.json()["schema"]
    assert schema["title"] == "block-type"
    # Empty PHP arrays stay JSON arrays.
    assert schema["properties"]["attributes"]["properties"] == []
    assert list(schema["properties"])[-5:] == [
        "editor_script",
        "script",
        "view_script",
        "editor_style",
        "style",
    ]
    no_schema = client.request("OPTIONS", f"{EDITOR}/url-details")
    assert "schema" not in no_schema.json()
