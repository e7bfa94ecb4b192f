"""The pure parts of the terms controller: term links, schemas, route args, query helpers."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.endpoints.terms_prepare import (
    ancestor_slugs,
    extra_permastruct,
    menu_auto_add,
    menu_locations,
    php_value,
    prepare_meta_value,
    term_link,
)
from pressbox.registry.meta import MetaRegistry, RegisteredMeta
from pressbox.registry.taxonomies import core_taxonomies
from pressbox.schema.terms import (
    item_schema_for,
    public_term_schema,
    term_collection_params,
    terms_routes,
)
from pressbox.store.terms_query import TermRow, esc_like, parse_id_list

TAXONOMIES = core_taxonomies()
HOME = "http://example.test"


def term(term_id: int, slug: str, parent: int = 0, taxonomy: str = "category") -> TermRow:
    return TermRow(term_id, slug.title(), slug, 0, term_id, taxonomy, "", parent, 0)


@pytest.mark.parametrize(
    ("structure", "taxonomy", "base", "expected"),
    [
        ("", "category", "", ""),
        ("/%year%/%postname%/", "category", "", "/category/%category%"),
        ("/blog/%postname%/", "category", "", "/blog/category/%category%"),
        ("/blog/%postname%/", "category", "/topics", "/topics/%category%"),
        ("/index.php/%postname%/", "category", "/topics", "/index.php//topics/%category%"),
        ("/blog/%postname%/", "post_tag", "", "/blog/tag/%post_tag%"),
        ("/blog/%postname%/", "post_tag", "/labels", "/labels/%post_tag%"),
        ("/%postname%/", "post_format", "", "/type/%post_format%"),
        ("/%postname%/", "wp_pattern_category", "", ""),  # no rewrite rules
        ("/%postname%/", "nav_menu", "", ""),
    ],
)
def test_extra_permastruct(structure: str, taxonomy: str, base: str, expected: str) -> None:
    assert extra_permastruct(structure, TAXONOMIES[taxonomy], base) == expected


@pytest.mark.parametrize(
    ("structure", "taxonomy", "ancestors", "base", "expected"),
    [
        ("/%year%/%postname%/", "category", ["news", "world"], "", "/category/news/world/asia/"),
        ("/%year%/%postname%", "category", ["news"], "", "/category/news/asia"),
        ("/%postname%/", "category", [], "/topics", "/topics/asia/"),
        ("", "category", ["news"], "", "/?cat=12"),
        ("/%postname%/", "post_tag", ["ignored"], "", "/tag/asia/"),
        ("", "post_tag", [], "", "/?tag=asia"),
        ("", "post_format", [], "", "/?post_format=asia"),
        ("/%postname%/", "wp_pattern_category", [], "", "/?taxonomy=wp_pattern_category&term=asia"),
        ("/%postname%/", "nav_menu", [], "", "/?taxonomy=nav_menu&term=asia"),
    ],
)
def test_term_link(
    structure: str, taxonomy: str, ancestors: list[str], base: str, expected: str
) -> None:
    tax = TAXONOMIES[taxonomy]
    row = term(12, "asia", taxonomy=taxonomy)
    assert term_link(HOME, structure, tax, row, ancestors, base) == HOME + expected


def test_ancestor_slugs_run_from_the_root_and_survive_loops() -> None:
    known = {t.term_id: t for t in (term(1, "a"), term(2, "b", 1), term(3, "c", 2))}
    assert ancestor_slugs(known[3], known) == ["a", "b"]
    assert ancestor_slugs(term(4, "d", 99), known) == []  # a missing parent ends the path
    loop = {5: term(5, "e", 6), 6: term(6, "f", 5)}
    assert ancestor_slugs(loop[5], loop) == ["f"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["3", "1", "3"], [3, 1]),
        ([-2, "x", 0], [2, 0]),
        ([], []),
    ],
)
def test_parse_id_list(values: list[Any], expected: list[int]) -> None:
    assert parse_id_list(values) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a_b", "a\\_b"), ("50%", "50\\%"), ("back\\slash", "back\\\\slash"), ("plain", "plain")],
)
def test_esc_like(text: str, expected: str) -> None:
    assert esc_like(text) == expected


class FakeSite:
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)


@pytest.mark.parametrize(
    ("options", "locations", "auto_add"),
    [
        ({}, {}, []),
        (
            {
                "stylesheet": "t",
                "theme_mods_t": {"nav_menu_locations": {"primary": "4", "footer": 5, "x": "y"}},
                "nav_menu_options": {"auto_add": [4, "5"]},
            },
            {"primary": 4, "footer": 5},
            [4],  # WordPress compares strictly: only integers count
        ),
        ({"theme_mods_": "garbage", "nav_menu_options": {"auto_add": {0: 7}}}, {}, [7]),
    ],
)
def test_menu_options(
    options: dict[str, Any], locations: dict[str, int], auto_add: list[int]
) -> None:
    site: Any = FakeSite(options)
    assert menu_locations(site) == locations
    assert menu_auto_add(site) == auto_add


def test_schema_properties_in_wordpress_order() -> None:
    meta = MetaRegistry()
    category = item_schema_for(TAXONOMIES["category"], meta)
    assert list(category["properties"]) == [
        "id",
        "count",
        "description",
        "link",
        "name",
        "slug",
        "taxonomy",
        "parent",
        "meta",
    ]
    tag = item_schema_for(TAXONOMIES["post_tag"], meta)
    assert tag["title"] == "tag" and "parent" not in tag["properties"]
    assert tag["properties"]["taxonomy"]["enum"] == ["post_tag"]
    menu = item_schema_for(TAXONOMIES["nav_menu"], meta)
    assert list(menu["properties"]) == [
        "id",
        "description",
        "name",
        "slug",
        "meta",
        "locations",
        "auto_add",
    ]
    assert list(menu["properties"]["auto_add"]) == ["description", "context", "type"]


def test_public_schema_drops_arg_options_and_encodes_empty_meta_as_a_list() -> None:
    schema = item_schema_for(TAXONOMIES["category"], MetaRegistry())
    public = public_term_schema(schema)
    assert "arg_options" not in public["properties"]["slug"]
    assert public["properties"]["meta"]["properties"] == []
    assert schema["properties"]["meta"]["properties"] == {}  # the original is untouched


def test_registered_term_meta_shows_in_the_schema() -> None:
    meta = MetaRegistry()
    meta.register(
        RegisteredMeta("term", "color", "category", type="string", single=True, show_in_rest=True)
    )
    schema = public_term_schema(item_schema_for(TAXONOMIES["category"], meta))
    assert list(schema["properties"]["meta"]["properties"]) == ["color"]
    tag = public_term_schema(item_schema_for(TAXONOMIES["post_tag"], meta))
    assert tag["properties"]["meta"]["properties"] == []


@pytest.mark.parametrize(
    ("taxonomy", "expected"),
    [
        (
            "category",
            "context page per_page search exclude include order orderby hide_empty parent post slug",
        ),
        (
            "post_tag",
            "context page per_page search exclude include offset order orderby hide_empty post slug",
        ),
    ],
)
def test_collection_params_order(taxonomy: str, expected: str) -> None:
    tax = TAXONOMIES[taxonomy]
    params = term_collection_params(tax, item_schema_for(tax, MetaRegistry()))
    assert list(params) == expected.split()
    assert list(params["context"]) == [
        "description",
        "type",
        "sanitize_callback",
        "validate_callback",
        "enum",
        "default",
    ]
    assert params["context"]["enum"] == ["view", "embed", "edit"]


def test_routes() -> None:
    tax = TAXONOMIES["wp_pattern_category"]
    specs = terms_routes(tax, item_schema_for(tax, MetaRegistry()))
    assert [s["route"] for s in specs] == [
        "/wp_pattern_category",
        "/wp_pattern_category/(?P<id>[\\d]+)",
    ]
    collection, item = specs
    assert [e["callback"] for e in collection["endpoints"]] == ["get_items", "create_item"]
    assert [e["callback"] for e in item["endpoints"]] == ["get_item", "update_item", "delete_item"]
    create = collection["endpoints"][1]["args"]
    assert list(create) == ["description", "name", "slug", "meta"]
    assert create["name"]["required"] is True
    assert create["slug"]["sanitize_callback"] == "sanitize_slug"
    assert create["meta"]["properties"] == []
    get_item = item["endpoints"][0]["args"]
    assert list(get_item) == ["id", "context"]
    assert collection["allow_batch"] == {"v1": True}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({0: "a", 1: "b"}, ["a", "b"]),
        ({1: "a"}, {"1": "a"}),
        ({"k": {0: 1}}, {"k": [1]}),
        ("text", "text"),
    ],
)
def test_php_value(value: Any, expected: Any) -> None:
    assert php_value(value) == expected


@pytest.mark.parametrize(
    ("value", "schema", "expected"),
    [
        ("blue", {"type": "string"}, "blue"),
        (["x"], {"type": "string"}, None),
        ("7", {"type": "integer"}, 7),
        ("", {"type": "integer"}, 0),
        ("", {"type": "boolean"}, False),
        ("seven", {"type": "integer"}, None),
        ("1", {"type": "boolean"}, True),
    ],
)
def test_prepare_meta_value(value: Any, schema: dict[str, Any], expected: Any) -> None:
    assert prepare_meta_value(value, schema) == expected
