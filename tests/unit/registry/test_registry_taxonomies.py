"""Taxonomies, registered meta and theme templates: WordPress 7.1's, checked against the oracle."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pressbox.registry import (
    TWENTYTWENTYFIVE,
    CustomTemplate,
    MetaRegistry,
    PostTypeRegistry,
    Taxonomy,
    TaxonomyRegistry,
    ThemeTemplates,
    core_registries,
)
from pressbox.registry.taxonomies import EP_CATEGORIES, TaxonomyRewrite


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


def _taxonomy_response(taxonomy: Taxonomy) -> dict[str, Any]:
    """The fields WP_REST_Taxonomies_Controller::prepare_item_for_response() shows (edit)."""
    return {
        "name": taxonomy.label,
        "slug": taxonomy.name,
        "capabilities": taxonomy.cap.as_dict(),
        "description": taxonomy.description,
        "labels": dict(taxonomy.labels),
        "types": list(taxonomy.object_type),
        "show_cloud": taxonomy.show_tagcloud,
        "hierarchical": taxonomy.hierarchical,
        "rest_base": taxonomy.route_base,
        "rest_namespace": taxonomy.namespace,
        "visibility": {
            "public": taxonomy.public,
            "publicly_queryable": taxonomy.publicly_queryable,
            "show_admin_column": taxonomy.show_admin_column,
            "show_in_nav_menus": taxonomy.show_in_nav_menus,
            "show_in_quick_edit": taxonomy.show_in_quick_edit,
            "show_ui": taxonomy.show_ui,
        },
    }


def test_taxonomies_match_the_oracle_key_for_key(recorded: dict[str, Any]) -> None:
    expected = recorded["taxonomies-context-edit-admin"]
    got = {t.name: _taxonomy_response(t) for t in TaxonomyRegistry.core().in_rest()}
    assert list(got) == list(expected)
    for name, body in expected.items():
        body = {k: v for k, v in body.items() if k != "_links"}
        assert json.dumps(got[name]) == json.dumps(body), name


def test_registration_order_and_object_types() -> None:
    registry = TaxonomyRegistry.core()
    assert registry.names() == [
        "category",
        "post_tag",
        "nav_menu",
        "link_category",
        "post_format",
        "wp_theme",
        "wp_template_part_area",
        "wp_pattern_category",
    ]
    assert [t.name for t in registry.for_object_type("post")] == [
        "category",
        "post_tag",
        "post_format",
    ]
    assert [t.name for t in registry.for_object_type("post", show_in_rest=True)] == [
        "category",
        "post_tag",
    ]
    assert registry["wp_theme"].object_type == (
        "wp_template",
        "wp_template_part",
        "wp_global_styles",
    )


def test_properties_wordpress_derives() -> None:
    registry = TaxonomyRegistry.core()
    category = registry["category"]
    assert category.query_var == "category_name"
    assert category.rewrite == TaxonomyRewrite("category", True, True, EP_CATEGORIES)
    assert category.meta_box_cb == "post_categories_meta_box"
    assert category.meta_box_sanitize_cb == "taxonomy_meta_box_sanitize_cb_checkboxes"
    assert registry["post_format"].query_var == "post_format"
    assert registry["post_format"].rewrite == TaxonomyRewrite("type")
    assert registry["post_format"].show_in_nav_menus is True  # Twenty Twenty-Five
    assert registry["wp_pattern_category"].query_var is False  # not publicly queryable
    assert registry["nav_menu"].rest_controller == "WP_REST_Menus_Controller"
    assert registry["wp_theme"].rest_controller is None
    assert registry["post_tag"].cap.assign_terms == "assign_post_tags"
    assert registry["wp_pattern_category"].cap.assign_terms == "edit_posts"


def test_null_labels_stay_null() -> None:
    labels = TaxonomyRegistry.core()["link_category"].labels
    assert labels["popular_items"] is None
    assert labels["separate_items_with_commas"] is None
    assert labels["name_admin_bar"] == "Link Category"
    assert labels["template_name"] == "Link Category Archives"


def test_custom_taxonomy_registration() -> None:
    registry = TaxonomyRegistry()
    genre = registry.register("genre", "book", {"hierarchical": True, "default_term": "Fiction"})
    assert genre.query_var == "genre"
    assert genre.rewrite == TaxonomyRewrite("genre")
    assert genre.default_term is not None and genre.default_term.name == "Fiction"
    assert genre.labels["name"] == "Categories"  # the hierarchical defaults
    assert genre.labels["name_admin_bar"] == "genre"
    assert registry.register_for_object_type("genre", "movie")
    assert registry["genre"].object_type == ("book", "movie")
    assert not registry.register_for_object_type("nope", "movie")
    with pytest.raises(ValueError, match="between 1 and 32"):
        registry.register("x" * 33, "post", {})


def test_core_meta_keys() -> None:
    meta = MetaRegistry.core(PostTypeRegistry.core())
    assert list(meta.for_rest("post", "wp_block")) == ["wp_pattern_sync_status", "footnotes"]
    assert list(meta.for_rest("post", "post")) == ["footnotes"]
    assert list(meta.for_rest("post", "page")) == ["footnotes"]
    # wp_navigation has no custom-fields support, attachments no editor.
    assert meta.for_rest("post", "wp_navigation") == {}
    assert meta.for_rest("post", "attachment") == {}


def test_page_templates_of_twenty_twenty_five() -> None:
    registries = core_registries()
    assert registries.theme is TWENTYTWENTYFIVE
    assert registries.page_templates("page") == {"page-no-title": "Page No Title"}
    # The oracle: creating a post with a template answers "template is not one of ."
    assert registries.page_templates("post") == {}


def test_templates_for_every_public_type() -> None:
    theme = ThemeTemplates(
        custom_templates=(CustomTemplate("wide", "Wide"),),
        php_templates=(("tpl-full.php", "Full", ("page", "post")),),
    )
    templates = theme.post_templates(["post", "page", "attachment"])
    assert templates == {
        "page": {"tpl-full.php": "Full", "wide": "Wide"},
        "post": {"tpl-full.php": "Full", "wide": "Wide"},
        "attachment": {"wide": "Wide"},
    }
