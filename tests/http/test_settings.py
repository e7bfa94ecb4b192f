"""Site settings `/wp/v2/settings` through HTTP: the permission, reading, the declared args."""

from __future__ import annotations

import pytest

from pressbox.app import App
from pressbox.endpoints.settings import register_settings_routes
from pressbox.testing import Client

from .editor_site import acting_as, error
from .helpers import new_site, site_app, site_db

SITE = "http://settings.test"
API = "/wp-json/wp/v2/settings"
OPTIONS = {
    "home": SITE,
    "siteurl": SITE,
    "blogname": "Demo &amp; Co",
    "blogdescription": "Just a site",
    "admin_email": "admin@settings.test",
    "timezone_string": "Europe/Paris",
    "date_format": "F j, Y",
    "time_format": "g:i a",
    "start_of_week": "1",
    "use_smilies": "",  # how update_option() stores false
    "default_category": "1",
    "default_post_format": "0",
    "posts_per_page": "5",
    "show_on_front": "posts",
    "page_on_front": "0",
    "default_ping_status": "open",
    "default_comment_status": "nope",  # stored by someone else, outside the enum
    "site_icon": "0",
}


def _build(url: str) -> None:
    with new_site(url, SITE, OPTIONS):
        pass  # the options are the whole site


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    url = site_db(tmp_path_factory, "settings", _build)
    return site_app(url, SITE, register_settings_routes, "/wp/v2/settings")


@pytest.mark.parametrize("method", ["GET", "POST", "PUT"])
def test_anonymous_readers_are_refused(client: Client, method: str) -> None:
    r = client.request(method, API)
    assert (r.status, *error(r.json())) == (401, "rest_forbidden", 401)


def test_args_are_checked_before_the_permission(client: Client) -> None:
    r = client.request("POST", f"{API}?start_of_week=monday")
    assert (r.status, *error(r.json())) == (400, "rest_invalid_param", 400)
    assert list(r.json()["data"]["params"]) == ["start_of_week"]


def test_a_user_without_manage_options_gets_403(app: App, client: Client) -> None:
    with acting_as(app, frozenset({"edit_posts"})):
        r = client.get(API)
    assert (r.status, *error(r.json())) == (403, "rest_forbidden", 403)


def test_administrators_read_every_setting(app: App, client: Client) -> None:
    with acting_as(app, frozenset({"manage_options"})):
        r = client.get(API)
    assert r.status == 200
    assert r.json() == {
        "title": "Demo &amp; Co",
        "description": "Just a site",
        "url": SITE,
        "email": "admin@settings.test",
        "timezone": "Europe/Paris",
        "date_format": "F j, Y",
        "time_format": "g:i a",
        "start_of_week": 1,
        "language": "en_US",  # WPLANG is not stored: the setting's default
        "use_smilies": None,  # "" (a stored false) is not a boolean to the schema
        "default_category": 1,
        "default_post_format": "0",
        "posts_per_page": 5,
        "show_on_front": "posts",
        "page_on_front": 0,
        "page_for_posts": None,  # not stored, no default, and null is not an integer
        "default_ping_status": "open",
        "default_comment_status": None,  # outside the enum
        "site_logo": None,
        "site_icon": 0,
    }


def test_options_shows_schema_and_update_args(client: Client) -> None:
    body = client.request("OPTIONS", API).json()
    assert body["methods"] == ["GET", "POST", "PUT", "PATCH"]
    get, update = body["endpoints"]
    assert get["args"] == []
    assert update["args"]["email"] == {
        "title": "",
        "description": "This address is used for admin purposes, like new user notification.",
        "type": "string",
        "format": "email",
        "required": False,
    }
    assert update["args"]["default_ping_status"]["enum"] == ["open", "closed"]
    schema = body["schema"]["properties"]
    assert schema["posts_per_page"] == {
        "type": "integer",
        "title": "Maximum posts per page",
        "description": "Blog pages show at most.",
        "default": 10,
    }
    assert "arg_options" not in schema["title"]


def test_updates_are_not_served_yet(app: App, client: Client) -> None:
    with acting_as(app, frozenset({"manage_options"})):
        r = client.request("POST", f"{API}?title=New")
    assert r.status == 501
