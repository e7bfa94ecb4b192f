"""Post types and statuses: WordPress 7.1's registrations, checked against the oracle."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pressbox.registry import PostStatusRegistry, PostType, PostTypeRegistry, core_registries
from pressbox.registry.post_types import build_post_type


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


def _type_response(post_type: PostType) -> dict[str, Any]:
    """The fields WP_REST_Post_Types_Controller::prepare_item_for_response() shows (edit)."""
    registries = core_registries()
    taxonomies = registries.taxonomies.for_object_type(post_type.name, show_in_rest=True)
    return {
        "capabilities": post_type.cap.as_dict(),
        "description": post_type.description,
        "hierarchical": post_type.hierarchical,
        "has_archive": post_type.has_archive,
        "visibility": {
            "show_in_nav_menus": post_type.show_in_nav_menus,
            "show_ui": post_type.show_ui,
        },
        "viewable": post_type.viewable,
        "labels": dict(post_type.labels),
        "name": post_type.label,
        "slug": post_type.name,
        "icon": post_type.menu_icon,
        "supports": post_type.supports_dict(),
        "taxonomies": [t.name for t in taxonomies],
        "rest_base": post_type.route_base,
        "rest_namespace": post_type.namespace,
        "template": list(post_type.template),
        "template_lock": post_type.template_lock or False,
    }


def test_types_match_the_oracle_key_for_key(recorded: dict[str, Any]) -> None:
    expected = recorded["types-context-edit-admin"]
    got = {t.name: _type_response(t) for t in PostTypeRegistry.core().in_rest()}
    assert list(got) == list(expected)
    for name, body in expected.items():
        body = {k: v for k, v in body.items() if k != "_links"}
        # json.dumps keeps key order, so this compares order too.
        assert json.dumps(got[name]) == json.dumps(body), name


def test_statuses_match_the_oracle(recorded: dict[str, Any]) -> None:
    statuses = PostStatusRegistry.core()
    for name, body in recorded["statuses-admin"].items():
        status = statuses[name]
        assert (status.label, status.public, status.publicly_queryable, status.date_floating) == (
            body["name"],
            body["public"],
            body["queryable"],
            body["date_floating"],
        )


def test_registration_order_is_wordpress_order() -> None:
    assert PostTypeRegistry.core().names() == [
        "post",
        "page",
        "attachment",
        "revision",
        "nav_menu_item",
        "custom_css",
        "customize_changeset",
        "oembed_cache",
        "user_request",
        "wp_block",
        "wp_template",
        "wp_template_part",
        "wp_global_styles",
        "wp_navigation",
        "wp_font_family",
        "wp_font_face",
    ]


def test_caps_without_map_meta_cap_append_custom_keys_in_given_order() -> None:
    # custom_css has capabilities but no map_meta_cap, so WordPress maps no meta caps.
    custom_css = PostTypeRegistry.core()["custom_css"]
    assert custom_css.map_meta_cap is False
    assert list(custom_css.cap) == [
        "edit_post",
        "read_post",
        "delete_post",
        "edit_posts",
        "edit_others_posts",
        "delete_posts",
        "publish_posts",
        "read_private_posts",
        "delete_published_posts",
        "delete_private_posts",
        "delete_others_posts",
        "edit_published_posts",
        "create_posts",
    ]
    assert custom_css.cap.edit_post == "edit_css"
    assert custom_css.cap.create_posts == "edit_css"
    assert custom_css.cap.read is None


@pytest.mark.parametrize(
    ("name", "supports"),
    [
        ("post", ["title", "editor", "author", "thumbnail", "excerpt", "trackbacks",
                  "custom-fields", "comments", "revisions", "post-formats", "autosave"]),
        # An empty `supports` array still gets the default features.
        ("oembed_cache", ["title", "editor", "autosave"]),
        ("nav_menu_item", ["title", "editor", "autosave"]),
        # create_initial_post_types() removes autosave after registering global styles.
        ("wp_global_styles", ["title", "editor", "revisions"]),
        ("revision", ["author"]),
    ],
)  # fmt: skip
def test_supports(name: str, supports: list[str]) -> None:
    assert list(PostTypeRegistry.core()[name].supports) == supports


def test_editor_support_keeps_its_arguments() -> None:
    post = PostTypeRegistry.core()["post"]
    assert post.supports_dict()["editor"] == [{"notes": True}]


def test_pseudo_type_features() -> None:
    registry = PostTypeRegistry.core()
    assert registry.supports("attachment:audio", "thumbnail")
    assert not registry.supports("attachment:image", "thumbnail")


@pytest.mark.parametrize(
    ("name", "controller", "revisions", "autosave"),
    [
        ("post", "WP_REST_Posts_Controller", "WP_REST_Revisions_Controller", "WP_REST_Autosaves_Controller"),
        ("attachment", "WP_REST_Attachments_Controller", None, None),
        ("nav_menu_item", "WP_REST_Menu_Items_Controller", None, "WP_REST_Autosaves_Controller"),
        ("wp_template", "WP_REST_Templates_Controller", "WP_REST_Template_Revisions_Controller",
         "WP_REST_Template_Autosaves_Controller"),
        ("wp_global_styles", "WP_REST_Global_Styles_Controller",
         "WP_REST_Global_Styles_Revisions_Controller", None),
        ("revision", None, None, None),
    ],
)  # fmt: skip
def test_rest_controllers(
    name: str, controller: str | None, revisions: str | None, autosave: str | None
) -> None:
    post_type = PostTypeRegistry.core()[name]
    assert post_type.rest_controller == controller
    assert post_type.revisions_rest_controller == revisions
    assert post_type.autosave_rest_controller == autosave


def test_derived_properties() -> None:
    registry = PostTypeRegistry.core()
    page = registry["page"]
    assert page.viewable and not page.publicly_queryable  # builtin and public
    assert not registry["wp_block"].viewable
    assert registry["wp_block"].query_var == "wp_block"
    assert registry["post"].query_var is False
    assert registry["wp_block"].show_in_menu is False
    assert registry["wp_template"].capability_type == "template"
    assert registry["wp_template"].edit_link == "site-editor.php?p=/%s/%s&canvas=edit"
    assert registry["revision"].edit_link == "revision.php?revision=%d"
    assert registry["oembed_cache"].edit_link == ""  # no UI and no edit link of its own
    assert registry.by_rest_base("wp/v2", "pages") is page


def test_labels_of_an_unlabelled_custom_type() -> None:
    book = build_post_type("book", {"public": True, "hierarchical": True, "label": "Books"})
    assert book.label == "Books"
    assert book.labels["singular_name"] == "Books"
    assert book.labels["parent_item_colon"] == "Parent Page:"
    assert list(book.labels)[-3:] == ["menu_name", "name_admin_bar", "template_name"]
    assert book.labels["template_name"] == "Single item: Books"


def test_custom_type_rewrite_and_query_var() -> None:
    book = build_post_type("book", {"public": True, "query_var": "Book Var", "has_archive": True})
    assert book.query_var == "book-var"
    assert book.rewrite is not None
    assert (book.rewrite.slug, book.rewrite.feeds, book.rewrite.ep_mask) == ("book", True, 1)
    assert build_post_type("book", {}, permalinks=False).rewrite is None


def test_registry_changes() -> None:
    registry = PostTypeRegistry()
    with pytest.raises(ValueError, match="between 1 and 20"):
        registry.register("a_very_long_post_type_name", {})
    registry.register("Book", {"show_in_rest": True})
    assert "book" in registry
    assert registry["book"].rest_namespace == "wp/v2"
    registry.add_support("book", "comments")
    registry.add_support("book", "editor", {"notes": True})
    assert registry["book"].supports_dict()["editor"] == [{"notes": True}]
    registry.remove_support("book", "comments")
    assert not registry.supports("book", "comments")
    assert [t.name for t in registry.in_rest()] == ["book"]


def test_post_statuses() -> None:
    statuses = PostStatusRegistry.core()
    assert statuses.names(internal=False) == ["publish", "future", "draft", "pending", "private"]
    assert len(statuses.names()) == 12
    draft = statuses["draft"]
    assert draft.label_count == (
        'Draft <span class="count">(%s)</span>',
        'Drafts <span class="count">(%s)</span>',
    )
    trash = statuses["trash"]
    assert (trash.internal, trash.show_in_admin_status_list, trash.show_in_admin_all_list) == (
        True,
        True,
        False,
    )
    assert statuses["inherit"].exclude_from_search is False
    assert statuses["auto-draft"].exclude_from_search is True
    assert statuses["auto-draft"].label_count == ("auto-draft", "auto-draft")
    custom = statuses.register("archived", {})
    assert custom.internal and custom.label == "archived"
