"""Menu items and menu locations through HTTP."""

from __future__ import annotations

import pytest

from pressbox.app import App
from pressbox.endpoints.menu_locations import MenuLocationsController
from pressbox.rest.message import Request
from pressbox.testing import Client

from .editor_site import ADMIN_CAPS, API, SITE, acting_as, editor_app, error


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return editor_app(tmp_path_factory, "menus")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("menu-items", ("rest_cannot_view", 401)),
        ("menu-items/20", ("rest_cannot_view", 401)),
        ("menu-items/999", ("rest_post_invalid_id", 404)),
        ("menu-items?context=edit", ("rest_forbidden_context", 401)),
        ("menu-items/20/autosaves", ("rest_cannot_read", 401)),
        ("menu-locations", ("rest_cannot_view", 401)),
        ("menu-locations/primary", ("rest_cannot_view", 401)),
    ],
)
def test_anonymous_refusals(client: Client, path: str, expected: tuple[str, int]) -> None:
    r = client.get(f"{API}/{path}")
    assert (r.status, error(r.json())) == (expected[1], expected)
    r.json()["message"]  # every refusal carries a message


def test_menu_items_ordered_by_menu_order_with_object_details(app: App, client: Client) -> None:
    with acting_as(app, frozenset({"edit_posts"})):
        r = client.get(f"{API}/menu-items")
    assert r.status == 200
    assert r.header("X-WP-Total") == "3"
    custom, page, term = r.json()
    assert custom["id"] == 20 and custom["type_label"] == "Custom Link"
    assert custom["url"] == "https://example.org/"
    assert custom["classes"] == [""] and custom["xfn"] == [""]
    assert custom["menus"] == 40 and custom["meta"] == []
    # A page item takes the page's title and permalink.
    assert page["title"] == {"rendered": "About"}
    assert page["url"] == f"{SITE}/about/"
    assert (page["type"], page["object"], page["object_id"]) == ("post_type", "page", 30)
    assert page["parent"] == 20 and page["target"] == "_blank"
    assert page["classes"] == ["a", "b"] and page["xfn"] == ["friend", "met"]
    assert page["_links"]["wp:menu-item-object"] == [
        {"post_type": "page", "embeddable": True, "href": f"{SITE}{API}/pages/30"}
    ]
    assert term["type_label"] == "Category" and term["url"] == f"{SITE}/category/news/"
    assert term["invalid"] is False


def test_menu_items_filter_by_menu_and_order(app: App, client: Client) -> None:
    with acting_as(app, frozenset({"edit_theme_options"})):
        desc = client.get(f"{API}/menu-items?order=desc&menus=40")
        none = client.get(f"{API}/menu-items?menus=41&_fields=id")
    assert [i["id"] for i in desc.json()] == [22, 21, 20]
    assert none.json() == []


def test_menu_items_args_validate_before_permissions(client: Client) -> None:
    r = client.get(f"{API}/menu-items?per_page=101")
    assert error(r.json()) == ("rest_invalid_param", 400)


def test_menu_locations_empty_for_a_block_theme(app: App, client: Client) -> None:
    with acting_as(app, ADMIN_CAPS):
        listing = client.get(f"{API}/menu-locations")
        one = client.get(f"{API}/menu-locations/primary")
    assert listing.status == 200 and listing.body == b"[]"
    assert error(one.json()) == ("rest_menu_location_invalid", 404)


def test_menu_locations_of_a_theme_that_registers_some(app: App) -> None:
    controller = MenuLocationsController(app, {"primary": "Primary menu", "footer": "Footer"})
    request = Request("GET", "/wp/v2/menu-locations", query={"context": "view"})
    data = controller.get_items(request).data
    assert list(data) == ["primary", "footer"]
    assert data["primary"]["menu"] == 40 and data["footer"]["menu"] == 0
    links = data["primary"]["_links"]
    assert links["wp:menu"] == [{"embeddable": True, "href": f"{SITE}{API}/menus/40"}]
    assert "wp:menu" not in data["footer"]["_links"]
