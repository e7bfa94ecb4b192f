"""`/batch/v1` through HTTP, on a small site with a few routes registered for these tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pressbox.app import App
from pressbox.auth.users import CurrentUser
from pressbox.endpoints.batch import register_batch_routes
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request, Response
from pressbox.rest.routes import Endpoint, allow_all
from pressbox.rest.wsgi import WSGIApp
from pressbox.store.install_roles import user_roles_value
from pressbox.testing import Client, Result

from .helpers import authenticate_as, new_site, site_app, site_db

SITE = "http://batch.test"
BATCH = "/wp-json/batch/v1"
ADMIN = CurrentUser(1, "admin", ("administrator",), frozenset({"create_users", "list_users"}))


class Things:
    """A test resource: GET for all, POST and DELETE for logged-in users, batchable."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.log: list[tuple[str, Any]] = []

    def logged_in(self, request: Request) -> bool:
        if request.user is None:
            raise RestException(
                "rest_cannot_create", "Sorry, you are not allowed to create things.", 401
            )
        return True

    def list(self, request: Request) -> Response:
        return Response(data=[])

    def create(self, request: Request) -> Response:
        self.log.append(("create", request.get("name")))
        response = Response(data={"name": request.get("name"), "n": request.get("n")}, status=201)
        response.headers["Location"] = self.app.server.rest_url("test/v1/things/1")
        response.add_link("collection", self.app.server.rest_url("test/v1/things"))
        return response

    def delete(self, request: Request) -> Response:
        self.log.append(("delete", (request.get("id"), request.get("force"))))
        return Response(data={"deleted": True})

    def register(self) -> None:
        batch = {"v1": True}
        self.app.routes.register(
            "test/v1",
            "/things",
            [
                Endpoint(("GET",), self.list, allow_all),
                Endpoint(
                    ("POST",),
                    self.create,
                    self.logged_in,
                    args={
                        "name": {"type": "string", "required": True},
                        "n": {"type": "integer", "default": 1},
                    },
                ),
            ],
            allow_batch=batch,
        )
        self.app.routes.register(
            "test/v1",
            "/things/(?P<id>[\\d]+)",
            [
                Endpoint(
                    ("DELETE",),
                    self.delete,
                    self.logged_in,
                    args={"force": {"type": "boolean", "default": False}},
                    allow_batch=batch,
                )
            ],
        )
        # Matched but not batchable: answers rest_batch_not_allowed (with its Allow header).
        self.app.routes.register(
            "test/v1", "/locked", [Endpoint(("POST",), self.create, allow_all)]
        )


def _build(url: str) -> None:
    with new_site(url, SITE, {"wp_user_roles": user_roles_value()}):
        pass  # the options are the whole site


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    url = site_db(tmp_path_factory, "batch", _build, "batch.db")
    return site_app(url, SITE, register_batch_routes, "/batch/v1")


@pytest.fixture(scope="module")
def things(app: App) -> Things:
    resource = Things(app)
    resource.register()
    return resource


@pytest.fixture
def client(app: App, things: Things) -> Any:
    things.log.clear()
    yield Client(WSGIApp(app), host="batch.test")
    authenticate_as(app, None)


def _login(app: App) -> None:
    authenticate_as(app, ADMIN)


def post(client: Client, payload: Any) -> Result:
    return client.request(
        "POST", BATCH, {"Content-Type": "application/json"}, json.dumps(payload).encode()
    )


def test_each_request_runs_in_order_as_its_own_envelope(
    app: App, client: Client, things: Things
) -> None:
    _login(app)
    r = post(
        client,
        {
            "requests": [
                {"path": "/test/v1/things", "body": {"name": "a", "n": 2}},
                {"method": "DELETE", "path": "/test/v1/things/5?force=true"},
                {"path": "/test/v1/things?_fields=name", "body": {"name": "b"}},
            ]
        },
    )
    assert r.status == 207
    assert r.header("Allow") == "POST"
    assert things.log == [("create", "a"), ("delete", ("5", True)), ("create", "b")]
    first, second, third = r.json()["responses"]
    assert list(first) == ["body", "status", "headers"]
    assert first["status"] == 201
    assert first["body"]["n"] == 2
    assert first["body"]["_links"] == {"collection": [{"href": f"{SITE}/wp-json/test/v1/things"}]}
    # The handler's headers first, then rest_post_dispatch's `Allow`.
    assert first["headers"] == {
        "Location": f"{SITE}/wp-json/test/v1/things/1",
        "Allow": "GET, POST",
    }
    assert second == {"body": {"deleted": True}, "status": 200, "headers": {"Allow": "DELETE"}}
    # The sub-request's own `_fields` filters its data (links come from the response after).
    assert list(third["body"]) == ["name", "_links"]


def test_permissions_are_checked_per_request(client: Client, things: Things) -> None:
    r = post(client, {"requests": [{"path": "/test/v1/things", "body": {"name": "a"}}]})
    assert r.status == 207
    assert r.json()["responses"] == [
        {
            "body": {
                "code": "rest_cannot_create",
                "message": "Sorry, you are not allowed to create things.",
                "data": {"status": 401},
            },
            "status": 401,
            "headers": {"Allow": "GET"},
        }
    ]
    assert things.log == []


def test_wordpress_routes_take_part(client: Client) -> None:
    r = post(client, {"requests": [{"path": "/wp/v2/users", "body": {"username": "x"}}]})
    (only,) = r.json()["responses"]
    # Arguments are validated before permissions: email and password are required too.
    assert only["status"] == 400
    assert only["body"]["code"] == "rest_missing_callback_param"


def test_normal_validation_runs_the_valid_ones(app: App, client: Client, things: Things) -> None:
    _login(app)
    r = post(
        client,
        {
            "requests": [
                {"path": "/test/v1/things", "body": {"n": 1}},
                {"path": "/test/v1/things", "body": {"name": "ok"}},
                {"path": "/test/v1/things", "body": {"name": "bad", "n": "x"}},
            ]
        },
    )
    assert r.status == 207
    missing, ok, invalid = r.json()["responses"]
    assert things.log == [("create", "ok")]
    assert missing["status"] == 400
    assert missing["body"]["code"] == "rest_missing_callback_param"
    assert missing["headers"] == {"Allow": "GET, POST"}
    assert ok["status"] == 201
    assert invalid["body"]["code"] == "rest_invalid_param"
    assert "failed" not in r.json()


def test_require_all_validate_runs_none(app: App, client: Client, things: Things) -> None:
    _login(app)
    r = post(
        client,
        {
            "validation": "require-all-validate",
            "requests": [
                {"path": "/test/v1/things", "body": {"name": "ok"}},
                {"path": "/test/v1/things", "body": {}},
                {"path": "/test/v1/nowhere"},
            ],
        },
    )
    assert r.status == 207
    data = r.json()
    assert list(data) == ["failed", "responses"]
    assert data["failed"] == "validation"
    ok, missing, nowhere = data["responses"]
    assert ok is None
    # Validation errors are bare: no `Allow` (empty headers are PHP's `[]`).
    assert missing["headers"] == [] and missing["status"] == 400
    assert nowhere["body"]["code"] == "rest_no_route"
    assert things.log == []


def test_require_all_validate_when_all_are_valid(app: App, client: Client, things: Things) -> None:
    _login(app)
    r = post(
        client,
        {
            "validation": "require-all-validate",
            "requests": [{"path": "/test/v1/things", "body": {"name": "ok"}}],
        },
    )
    assert list(r.json()) == ["responses"]
    assert things.log == [("create", "ok")]


@pytest.mark.parametrize(
    ("entry", "status", "code", "headers"),
    [
        ({"path": "/test/v1/locked"}, 400, "rest_batch_not_allowed", {"Allow": "POST"}),
        ({"path": "/test/v1/nowhere"}, 404, "rest_no_route", []),
        # A method the route does not serve is no route either.
        ({"path": "/test/v1/things", "method": "PUT"}, 404, "rest_no_route", []),
        # /wp/v2/users/me is not batchable in WordPress.
        ({"path": "/wp/v2/users/me"}, 400, "rest_batch_not_allowed", {"Allow": "GET"}),
        ({"path": "http:///x"}, 400, "parse_path_failed", []),
    ],
)
def test_refused_sub_requests(
    client: Client, entry: dict[str, Any], status: int, code: str, headers: Any
) -> None:
    r = post(client, {"requests": [entry]})
    assert r.status == 207
    (only,) = r.json()["responses"]
    assert (only["status"], only["body"]["code"], only["headers"]) == (status, code, headers)
    assert only["body"]["data"] == {"status": status}


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({}, "rest_missing_callback_param"),
        ({"requests": [{"path": "/test/v1/things"}] * 26}, "rest_invalid_param"),
        ({"requests": [{"path": "/test/v1/things", "method": "GET"}]}, "rest_invalid_param"),
        ({"requests": [{"method": "POST"}]}, "rest_invalid_param"),
        ({"requests": [], "validation": "strict"}, "rest_invalid_param"),
    ],
)
def test_invalid_batches_are_refused_whole(
    client: Client, things: Things, payload: dict[str, Any], code: str
) -> None:
    r = post(client, payload)
    assert r.status == 400
    assert r.json()["code"] == code
    assert things.log == []


def test_too_many_requests_message(client: Client) -> None:
    r = post(client, {"requests": [{"path": "/test/v1/things"}] * 26})
    assert r.json()["data"]["params"] == {"requests": "requests must contain at most 25 items."}


def test_form_encoded_batch(app: App, client: Client, things: Things) -> None:
    _login(app)
    body = b"requests[0][path]=/test/v1/things&requests[0][body][name]=form"
    r = client.request("POST", BATCH, {"Content-Type": "application/x-www-form-urlencoded"}, body)
    assert r.status == 207
    assert things.log == [("create", "form")]


def test_get_is_no_route(client: Client) -> None:
    r = client.get(BATCH)
    assert r.status == 404
    assert r.json()["code"] == "rest_no_route"


def test_options_and_index_entry(client: Client) -> None:
    r = client.request("OPTIONS", BATCH)
    assert r.status == 200
    assert r.header("Allow") == "POST"
    data = r.json()
    assert (data["namespace"], data["methods"]) == ("", ["POST"])
    args = data["endpoints"][0]["args"]
    assert list(args["requests"]) == ["type", "maxItems", "items", "required"]
    assert args["validation"]["required"] is False
    assert b'"properties":[]' in r.body
    assert data["_links"] == {"self": [{"href": f"{SITE}/wp-json/batch/v1"}]}
    index = client.get("/wp-json/").json()
    assert index["routes"]["/batch/v1"] == {k: v for k, v in data.items() if k != "schema"}
    assert "" not in index["namespaces"]
