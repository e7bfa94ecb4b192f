"""The application passwords controller: stored values, schema and routes, permissions, reads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from pressbox.app import App
from pressbox.auth.users import CurrentUser
from pressbox.config import Settings
from pressbox.endpoints.application_passwords import (
    ApplicationPasswordsController,
    AppPassword,
    gmdate,
    parse_application_passwords,
    register_application_passwords_routes,
)
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.rest.wsgi import WSGIApp
from pressbox.schema.application_passwords import (
    REST_BASE,
    application_password_schema,
    application_passwords_routes,
)
from pressbox.store.db import Database
from pressbox.store.install_roles import default_roles, user_roles_value
from pressbox.store.phpserialize import dumps
from pressbox.testing import Client

SITE = "http://ap.test"
UUID_A = "11111111-2222-4333-8444-555555555555"
UUID_B = "66666666-7777-4888-9999-aaaaaaaaaaaa"
APP_ID = "0d2c8d2e-63a1-5c5a-8d6b-1f2b2f7c0e11"
CREATED = 1_795_734_249  # 2026-11-26T23:04:09 UTC
LAST_USED = 1_795_734_561


def _stored(**overrides: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "uuid": UUID_A,
        "app_id": "",
        "name": "phone",
        "password": "$generic$hash",
        "created": CREATED,
        "last_used": None,
        "last_ip": None,
    }
    item.update(overrides)
    return item


# -- stored values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (None, []),
        ("", []),
        ("not serialized", []),
        (dumps("a string"), []),
        (dumps([]), []),
        (
            dumps([_stored()]),
            [AppPassword(UUID_A, "", "phone", CREATED, None, None)],
        ),
        (
            dumps([_stored(app_id=APP_ID, last_used=LAST_USED, last_ip="10.0.0.1")]),
            [AppPassword(UUID_A, APP_ID, "phone", CREATED, LAST_USED, "10.0.0.1")],
        ),
        # PHP's truthiness: 0 and "" are "never used".
        (
            dumps([_stored(last_used=0, last_ip="", app_id=None)]),
            [AppPassword(UUID_A, "", "phone", CREATED, None, None)],
        ),
        # A timestamp stored as a numeric string still reads as a number.
        (
            dumps([_stored(created=str(CREATED))]),
            [AppPassword(UUID_A, "", "phone", CREATED, None, None)],
        ),
        # Entries that are not arrays are skipped; order is kept.
        (
            dumps([_stored(uuid=UUID_B, name="b"), "junk", _stored(name="a")]),
            [
                AppPassword(UUID_B, "", "b", CREATED, None, None),
                AppPassword(UUID_A, "", "a", CREATED, None, None),
            ],
        ),
    ],
)
def test_parse_application_passwords(meta: str | None, expected: list[AppPassword]) -> None:
    assert parse_application_passwords(meta) == expected


def test_a_password_without_uuid_gets_one() -> None:
    item = _stored()
    del item["uuid"]
    (parsed,) = parse_application_passwords(dumps([item]))
    assert len(parsed.uuid) == 36 and parsed.uuid.count("-") == 4


@pytest.mark.parametrize(
    ("timestamp", "expected"),
    [(0, "1970-01-01T00:00:00"), (CREATED, "2026-11-26T23:04:09")],
)
def test_gmdate(timestamp: int, expected: str) -> None:
    assert gmdate(timestamp) == expected


# -- schema and routes ----------------------------------------------------------------------


def test_routes_in_wordpress_order() -> None:
    specs = application_passwords_routes(application_password_schema())
    assert [s["route"] for s in specs] == [
        f"/{REST_BASE}",
        f"/{REST_BASE}/introspect",
        f"/{REST_BASE}/(?P<uuid>[\\w\\-]+)",
    ]
    assert [[e["callback"] for e in s["endpoints"]] for s in specs] == [
        ["get_items", "create_item", "delete_items"],
        ["get_current_item"],
        ["get_item", "update_item", "delete_item"],
    ]
    assert [[e["methods"] for e in s["endpoints"]] for s in specs][2] == [
        ["GET"],
        ["POST", "PUT", "PATCH"],
        ["DELETE"],
    ]


def test_endpoint_args() -> None:
    collection, introspect, item = application_passwords_routes(application_password_schema())
    get_items, create, delete_all = collection["endpoints"]
    assert list(get_items["args"]) == ["context"]
    assert get_items["args"]["context"]["default"] == "view"
    assert get_items["args"]["context"]["enum"] == ["view", "embed", "edit"]
    # Only the writable properties; `name` is required on create only.
    assert list(create["args"]) == ["app_id", "name"]
    assert create["args"]["name"]["required"] is True
    assert "required" not in item["endpoints"][1]["args"]["name"]
    assert create["args"]["app_id"]["oneOf"][1] == {"type": "string", "enum": [""]}
    assert delete_all["args"] == {} and item["endpoints"][2]["args"] == {}
    assert list(introspect["endpoints"][0]["args"]) == ["context"]


def test_public_schema_keeps_wordpress_property_order() -> None:
    schema = application_password_schema()
    assert list(schema["properties"]) == [
        "uuid",
        "app_id",
        "name",
        "password",
        "created",
        "last_used",
        "last_ip",
    ]
    assert schema["title"] == "application-password"


# -- the controller on a small site ---------------------------------------------------------

USERS = [(1, "ada", "administrator"), (2, "bo", "author"), (3, "cy", "subscriber")]


@dataclass(frozen=True)
class AppUser(CurrentUser):
    """A user authenticated with an application password (as the auth layer will record)."""

    app_password: str | None = None


def _build(url: str) -> None:
    db = Database(url)
    db.create_schema()
    t = db.tables
    with db.engine.begin() as conn:
        conn.execute(
            insert(t.options),
            [
                {"option_name": k, "option_value": v, "autoload": "yes"}
                for k, v in {
                    "home": SITE,
                    "siteurl": SITE,
                    "wp_user_roles": user_roles_value(),
                }.items()
            ],
        )
        conn.execute(
            insert(t.users),
            [
                {
                    "ID": i,
                    "user_login": login,
                    "user_nicename": login,
                    "user_email": f"{login}@ap.test",
                    "user_url": "",
                    "user_registered": "2024-01-01 00:00:00",
                    "display_name": login,
                }
                for i, login, _role in USERS
            ],
        )
        passwords = {
            1: [_stored(name="laptop"), _stored(uuid=UUID_B, name="ci", last_used=LAST_USED)],
            2: [_stored(uuid=UUID_B, name="bo's phone", last_ip="192.0.2.7")],
        }
        conn.execute(
            insert(t.usermeta),
            [
                {"user_id": i, "meta_key": "wp_capabilities", "meta_value": dumps({role: True})}
                for i, _login, role in USERS
            ]
            + [
                {"user_id": i, "meta_key": "_application_passwords", "meta_value": dumps(items)}
                for i, items in passwords.items()
            ],
        )
    db.close()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    path: Path = tmp_path_factory.mktemp("ap") / "ap.db"
    url = f"sqlite:///{path}"
    _build(url)
    site = App(Settings(database_url=url, site_url=SITE))
    if "application-passwords" not in site.controllers:
        register_application_passwords_routes(site)
    return site


@pytest.fixture(scope="module")
def ctl(app: App) -> ApplicationPasswordsController:
    controller: ApplicationPasswordsController = app.controllers["application-passwords"]
    return controller


def _user(user_id: int | None, app_password: str | None = None) -> CurrentUser | None:
    if user_id is None:
        return None
    role = dict((i, r) for i, _l, r in USERS)[user_id]
    caps = frozenset(k for k, v in default_roles()[role]["capabilities"].items() if v)
    return AppUser(user_id, "", (role,), caps, app_password=app_password)


def _request(
    user_id: int | None, url_user: str, uuid: str = "", app_password: str | None = None, **q: Any
) -> Request:
    url_params = {"user_id": url_user}
    if uuid:
        url_params["uuid"] = uuid
    query = {"context": "view", **q}
    return Request(
        "GET", "/", query=query, url_params=url_params, user=_user(user_id, app_password)
    )


PERMISSIONS = [
    # (current user, URL user, expected code or None for allowed)
    (None, "1", "rest_cannot_list_application_passwords", 401),
    (None, "me", "rest_not_logged_in", 401),
    (None, "99", "rest_user_invalid_id", 404),
    (None, "0", "rest_user_invalid_id", 404),
    (1, "ME", "rest_user_invalid_id", 404),  # the regex lets it in; (int) "ME" is 0
    (2, "1", "rest_cannot_list_application_passwords", 403),
    (3, "2", "rest_cannot_list_application_passwords", 403),
    (2, "2", None, 200),
    (2, "me", None, 200),
    (1, "2", None, 200),  # edit_users
]


@pytest.mark.parametrize(("user", "url_user", "code", "status"), PERMISSIONS)
def test_get_items_permissions(
    ctl: ApplicationPasswordsController,
    user: int | None,
    url_user: str,
    code: str | None,
    status: int,
) -> None:
    request = _request(user, url_user)
    if code is None:
        assert ctl.get_items_permissions_check(request) is True
        return
    with pytest.raises(RestException) as caught:
        ctl.get_items_permissions_check(request)
    assert (caught.value.code, caught.value.status) == (code, status)


@pytest.mark.parametrize(
    ("check", "code"),
    [
        ("get_item_permissions_check", "rest_cannot_read_application_password"),
        ("create_item_permissions_check", "rest_cannot_create_application_passwords"),
        ("update_item_permissions_check", "rest_cannot_edit_application_password"),
        ("delete_items_permissions_check", "rest_cannot_delete_application_passwords"),
        ("delete_item_permissions_check", "rest_cannot_delete_application_password"),
    ],
)
def test_each_check_has_its_own_code(
    ctl: ApplicationPasswordsController, check: str, code: str
) -> None:
    with pytest.raises(RestException) as caught:
        getattr(ctl, check)(_request(3, "1", UUID_A))
    assert (caught.value.code, caught.value.status) == (code, 403)
    assert getattr(ctl, check)(_request(3, "me", UUID_A)) is True


def test_unavailable_application_passwords(app: App) -> None:
    off = ApplicationPasswordsController(app, available=False)
    with pytest.raises(RestException) as caught:
        off.get_items_permissions_check(_request(1, "1"))
    assert (caught.value.code, caught.value.status) == ("application_passwords_disabled", 501)


def test_introspection_is_for_the_current_user_only(ctl: ApplicationPasswordsController) -> None:
    with pytest.raises(RestException) as caught:
        ctl.get_current_item_permissions_check(_request(1, "2"))
    assert caught.value.code == "rest_cannot_introspect_app_password_for_non_authenticated_user"
    assert caught.value.status == 403
    with pytest.raises(RestException) as caught:
        ctl.get_current_item_permissions_check(_request(None, "2"))
    assert caught.value.status == 401
    assert ctl.get_current_item_permissions_check(_request(2, "me")) is True


def test_get_items_lists_the_stored_passwords_with_links(
    ctl: ApplicationPasswordsController,
) -> None:
    data = ctl.get_items(_request(1, "me")).data
    assert [p["name"] for p in data] == ["laptop", "ci"]
    first = data[0]
    assert list(first) == ["uuid", "app_id", "name", "created", "last_used", "last_ip", "_links"]
    assert first["created"] == "2026-11-26T23:04:09"
    assert first["last_used"] is None and first["last_ip"] is None
    assert data[1]["last_used"] == gmdate(LAST_USED)
    href = f"{SITE}/wp-json/wp/v2/users/1/application-passwords/{UUID_A}"
    assert first["_links"]["self"][0]["href"] == href


def test_embed_context_leaves_out_dates(ctl: ApplicationPasswordsController) -> None:
    (item,) = ctl.get_items(_request(2, "2", context="embed")).data
    assert list(item) == ["uuid", "app_id", "name", "_links"]


def test_links_only_when_asked_for(ctl: ApplicationPasswordsController) -> None:
    (item,) = ctl.get_items(_request(2, "2", _fields="name")).data
    assert "_links" not in item


def test_get_item_finds_by_uuid_for_that_user(ctl: ApplicationPasswordsController) -> None:
    response = ctl.get_item(_request(1, "2", UUID_B))
    assert response.data["name"] == "bo's phone"
    assert response.data["last_ip"] == "192.0.2.7"
    assert response.links["self"][0].href.endswith(f"/users/2/application-passwords/{UUID_B}")
    with pytest.raises(RestException) as caught:
        ctl.get_item(_request(2, "2", UUID_A))  # user 1's uuid, not user 2's
    assert (caught.value.code, caught.value.status) == ("rest_application_password_not_found", 404)


def test_get_current_item(ctl: ApplicationPasswordsController) -> None:
    assert ctl.get_current_item(_request(1, "me", app_password=UUID_B)).data["name"] == "ci"
    with pytest.raises(RestException) as caught:
        ctl.get_current_item(_request(1, "me"))
    assert (caught.value.code, caught.value.status) == ("rest_no_authenticated_app_password", 404)
    with pytest.raises(RestException) as caught:
        ctl.get_current_item(_request(1, "me", app_password="0000"))
    assert (caught.value.code, caught.value.status) == ("rest_application_password_not_found", 500)


# -- through HTTP, anonymously ----------------------------------------------------------------


@pytest.fixture(scope="module")
def client(app: App) -> Client:
    return Client(WSGIApp(app), host="ap.test")


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/users/1/application-passwords", 401, "rest_cannot_list_application_passwords"),
        ("GET", "/users/me/application-passwords", 401, "rest_not_logged_in"),
        ("GET", "/users/42/application-passwords", 404, "rest_user_invalid_id"),
        (
            "GET",
            "/users/1/application-passwords/introspect",
            401,
            "rest_cannot_introspect_app_password_for_non_authenticated_user",
        ),
        (
            "GET",
            f"/users/1/application-passwords/{UUID_A}",
            401,
            "rest_cannot_read_application_password",
        ),
        (
            "DELETE",
            "/users/1/application-passwords",
            401,
            "rest_cannot_delete_application_passwords",
        ),
        # Arguments are validated before permissions: `name` is required.
        ("POST", "/users/1/application-passwords", 400, "rest_missing_callback_param"),
        ("GET", "/users/1/application-passwords?context=nope", 400, "rest_invalid_param"),
    ],
)
def test_anonymous_requests_are_refused(
    client: Client, method: str, path: str, status: int, code: str
) -> None:
    r = client.request(method, f"/wp-json/wp/v2{path}")
    assert r.status == status
    assert r.json()["code"] == code
    assert r.header("Allow") is None


def test_index_shows_delete_without_args(client: Client) -> None:
    route = client.get("/wp-json/wp/v2").json()["routes"][f"/wp/v2/{REST_BASE}"]
    assert [e["methods"] for e in route["endpoints"]] == [["GET"], ["POST"], ["DELETE"]]
    assert route["endpoints"][2]["args"] == []
    assert list(route["endpoints"][1]["args"]) == ["app_id", "name"]
