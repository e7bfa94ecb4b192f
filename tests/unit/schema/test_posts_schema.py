"""Posts, revisions and autosaves schemas and routes, compared with WordPress's OPTIONS and index.

The recorded answers are rebuilt from `post_type_routes()` the way
`WP_REST_Server::get_data_for_route()` renders a route (schema only for OPTIONS) and compared
as JSON text, so key order counts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pressbox.registry import Registries, core_registries
from pressbox.schema import args as wp_args
from pressbox.schema.controller_args import RouteSpec
from pressbox.schema.meta_fields import default_additional_properties_to_false, meta_field_schema
from pressbox.schema.posts import post_item_schema, public_item_schema
from pressbox.schema.posts_routes import post_collection_params, post_type_routes

ROOT = "http://127.0.0.1:8080/wp-json"
ALLOWED = set(wp_args.ALLOWED_SCHEMA_KEYWORDS)


def rest_url(path: str) -> str:
    return ROOT + "/" + path.lstrip("/")


def render(spec: RouteSpec, *, with_schema: bool) -> dict[str, Any]:
    """`WP_REST_Server::get_data_for_route()` for one route spec."""
    full = "/" + spec["namespace"] + spec["route"]
    display = re.sub(r"\(\?P<(\w+?)>.*?\)", r"{\1}", full)
    data: dict[str, Any] = {"namespace": spec["namespace"], "methods": [], "endpoints": []}
    if with_schema:
        data["schema"] = spec["schema"]
    for endpoint in spec["endpoints"]:
        data["methods"] += endpoint["methods"]
        endpoint_data: dict[str, Any] = {"methods": endpoint["methods"]}
        if spec.get("allow_batch"):
            endpoint_data["allow_batch"] = spec["allow_batch"]
        endpoint_data["args"] = {
            name: {
                **{k: v for k, v in arg.items() if k in ALLOWED},
                "required": bool(arg.get("required")),
            }
            for name, arg in endpoint["args"].items()
        }
        data["endpoints"].append(endpoint_data)
    # The schema sits after the endpoints in the answer (it is added by the OPTIONS handler).
    out = {k: data[k] for k in ("namespace", "methods", "endpoints")}
    if with_schema:
        out["schema"] = data["schema"]
    if "{" not in display:
        out["_links"] = {"self": [{"href": rest_url(display)}]}
    return out


@pytest.fixture(scope="module")
def registries() -> Registries:
    return core_registries()


@pytest.fixture(scope="module")
def routes(registries: Registries) -> dict[str, RouteSpec]:
    """Every route we describe, keyed as the index keys them."""
    out: dict[str, RouteSpec] = {}
    for post_type in registries.post_types.in_rest():
        for spec in post_type_routes(post_type, registries, rest_url):
            out["/" + spec["namespace"] + spec["route"]] = spec
    return out


@pytest.fixture(scope="module")
def recorded(oracle: Path) -> dict[str, Any]:
    """Recorded JSON bodies by exchange id."""
    out: dict[str, Any] = {}
    with (oracle / "exchanges.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            exchange = json.loads(line)
            try:
                out[exchange["id"]] = json.loads(exchange["response"]["body"])
            except (TypeError, ValueError):
                continue
    return out


@pytest.mark.parametrize(
    ("exchange", "route"),
    [
        ("options-posts", "/wp/v2/posts"),
        ("options-posts-admin", "/wp/v2/posts"),
        ("options-post", r"/wp/v2/posts/(?P<id>[\d]+)"),
        ("options-post-admin", r"/wp/v2/posts/(?P<id>[\d]+)"),
        ("options-pages", "/wp/v2/pages"),
        ("options-revisions", r"/wp/v2/posts/(?P<parent>[\d]+)/revisions"),
        ("options-autosaves", r"/wp/v2/posts/(?P<id>[\d]+)/autosaves"),
    ],
)
def test_options_match_the_oracle(
    exchange: str, route: str, routes: dict[str, RouteSpec], recorded: dict[str, Any]
) -> None:
    got = render(routes[route], with_schema=True)
    assert json.dumps(got) == json.dumps(recorded[exchange])


def test_index_routes_match_the_oracle(
    routes: dict[str, RouteSpec], recorded: dict[str, Any]
) -> None:
    index = recorded["index"]["routes"]
    for route, spec in routes.items():
        assert json.dumps(render(spec, with_schema=False)) == json.dumps(index[route]), route


def test_routes_cover_the_posts_controller_routes_of_the_index(
    routes: dict[str, RouteSpec], recorded: dict[str, Any]
) -> None:
    prefixes = ("/wp/v2/posts", "/wp/v2/pages", "/wp/v2/blocks", "/wp/v2/navigation")
    expected = [r for r in recorded["index"]["routes"] if r.startswith(prefixes)]
    assert list(routes) == expected


def test_routes_of_types_with_other_controllers(registries: Registries) -> None:
    for name in ("attachment", "nav_menu_item", "wp_template", "wp_font_face"):
        assert post_type_routes(registries.post_types[name], registries, rest_url) == []


def test_property_order_of_a_page(registries: Registries) -> None:
    schema = post_item_schema(registries.post_types["page"], registries, rest_url)
    assert list(schema["properties"]) == [
        "date", "date_gmt", "guid", "id", "link", "modified", "modified_gmt", "slug", "status",
        "type", "password", "permalink_template", "generated_slug", "class_list", "parent",
        "title", "content", "author", "excerpt", "featured_media", "comment_status",
        "ping_status", "menu_order", "meta", "template",
    ]  # fmt: skip
    assert [link["rel"].rsplit("/", 1)[1] for link in schema["links"]] == [
        "action-publish",
        "action-unfiltered-html",
        "action-assign-author",
    ]


def test_arg_options_stay_out_of_the_public_schema(registries: Registries) -> None:
    schema = post_item_schema(registries.post_types["post"], registries, rest_url)
    assert schema["properties"]["slug"]["arg_options"] == {"sanitize_callback": "sanitize_slug"}
    assert schema["properties"]["meta"]["arg_options"]["validate_callback"] == (
        "check_meta_is_array"
    )
    public = public_item_schema(schema)
    assert all("arg_options" not in p for p in public["properties"].values())
    assert "arg_options" in schema["properties"]["title"]  # the full schema is untouched


def test_endpoint_args_carry_wordpress_callbacks(routes: dict[str, RouteSpec]) -> None:
    create = routes["/wp/v2/posts"]["endpoints"][1]["args"]
    assert create["slug"]["sanitize_callback"] == "sanitize_slug"
    assert create["status"]["validate_callback"] == "check_status"
    assert create["template"]["validate_callback"] == "check_template"
    assert create["title"]["sanitize_callback"] is None
    assert create["title"]["validate_callback"] is None
    collection = routes["/wp/v2/posts"]["endpoints"][0]["args"]
    assert collection["status"]["sanitize_callback"] == "sanitize_post_statuses"
    assert collection["page"]["sanitize_callback"] == "absint"


def test_blocks_schema(registries: Registries) -> None:
    schema = post_item_schema(registries.post_types["wp_block"], registries, rest_url)
    title, content = schema["properties"]["title"], schema["properties"]["content"]
    assert list(title["properties"]) == ["raw"]
    assert title["properties"]["raw"]["context"] == ["view", "edit"]
    assert list(content["properties"]) == ["raw", "block_version", "protected"]
    assert schema["properties"]["meta"]["properties"]["wp_pattern_sync_status"] == {
        "type": "string",
        "title": "",
        "description": "",
        "default": "",
        "enum": ["partial", "unsynced"],
    }
    assert "wp_pattern_category" in schema["properties"]
    assert "permalink_template" not in schema["properties"]  # not public


def test_navigation_schema_shows_more_to_embeds(registries: Registries) -> None:
    properties = post_item_schema(registries.post_types["wp_navigation"], registries, rest_url)[
        "properties"
    ]
    assert properties["status"]["context"] == ["view", "edit", "embed"]
    assert properties["content"]["properties"]["raw"]["context"] == ["edit", "embed"]
    assert properties["title"]["properties"]["raw"]["context"] == ["edit", "embed"]
    # Nothing else shares those lists.
    assert properties["password"]["context"] == ["edit"]
    assert properties["title"]["properties"]["rendered"]["context"] == ["view", "edit", "embed"]


def test_collection_params_of_a_hierarchical_type(registries: Registries) -> None:
    page = registries.post_types["page"]
    schema = post_item_schema(page, registries, rest_url)
    params = post_collection_params(page, registries, schema)
    assert params["orderby"]["enum"][-1] == "menu_order"
    assert list(params)[-3:] == ["search_columns", "slug", "status"]
    assert "parent" in params and "tax_relation" not in params and "sticky" not in params


def test_meta_schema_of_multiple_and_object_values() -> None:
    from pressbox.registry import MetaRegistry, RegisteredMeta

    meta = MetaRegistry()
    meta.register(RegisteredMeta("post", "tags_seen", "book", type="string"))
    meta.register(
        RegisteredMeta("post", "dims", "book", type="object", single=True, show_in_rest=True)
    )
    meta.register(RegisteredMeta("post", "listed", "book", single=True, show_in_rest=True))
    meta.register(RegisteredMeta("post", "many", "book", type="integer", show_in_rest=True))
    properties = meta_field_schema(meta, "post", "book")["properties"]
    assert list(properties) == ["dims", "listed", "many"]
    assert properties["dims"]["additionalProperties"] is False
    assert properties["dims"]["default"] == []
    assert properties["many"] == {
        "type": "array",
        "items": {"type": "integer", "title": "", "description": "", "default": 0},
    }


def test_default_additional_properties_to_false() -> None:
    schema = {
        "type": ["array", "object"],
        "items": {"type": "object", "properties": {"a": {"type": "object"}}},
        "additionalProperties": True,
    }
    assert default_additional_properties_to_false(schema) == {
        "type": ["array", "object"],
        "items": {
            "type": "object",
            "properties": {"a": {"type": "object", "additionalProperties": False}},
            "additionalProperties": False,
        },
        "additionalProperties": True,
    }
