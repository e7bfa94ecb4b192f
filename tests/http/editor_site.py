"""A small site for the editor and site-structure routes: patterns, menus, templates, fonts."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

import pytest
from sqlalchemy import insert

from pressbox.app import App
from pressbox.auth.users import CurrentUser
from pressbox.endpoints import core_routes
from pressbox.store.phpserialize import dumps

from .helpers import acting_as_user, insert_posts, new_site, site_app, site_db

SITE = "http://editor.test"
API = "/wp-json/wp/v2"

# post id, type, status, name, title, content, menu_order, parent
POSTS = [
    (10, "wp_block", "publish", "cta", "Call to action", "<!-- wp:paragraph --><p>Hi</p>", 0, 0),
    (11, "wp_block", "draft", "", "Draft pattern", "", 0, 0),
    (12, "wp_block", "publish", "footer-note", "Footer note", "<p>Note</p>", 0, 0),
    (30, "page", "publish", "about", "About", "", 0, 0),
    (20, "nav_menu_item", "publish", "20", "Home", "", 1, 0),
    (21, "nav_menu_item", "publish", "21", "", "", 2, 0),
    (22, "nav_menu_item", "publish", "22", "", "", 3, 0),
    (50, "wp_global_styles", "publish", "wp-global-styles-twentytwentyfive", "Custom", "{}", 0, 0),
    (60, "wp_navigation", "publish", "navigation", "Navigation", "", 0, 0),
    (70, "wp_template", "publish", "custom", "Custom", "", 0, 0),
    (80, "wp_font_family", "publish", "inter", "Inter", "{}", 0, 0),
]
# post id, key, value
META = [
    (10, "wp_pattern_sync_status", "unsynced"),
    (20, "_menu_item_type", "custom"),
    (20, "_menu_item_object", "custom"),
    (20, "_menu_item_object_id", "20"),
    (20, "_menu_item_menu_item_parent", "0"),
    (20, "_menu_item_url", "https://example.org/"),
    (20, "_menu_item_target", ""),
    (20, "_menu_item_classes", dumps([""])),
    (20, "_menu_item_xfn", ""),
    (21, "_menu_item_type", "post_type"),
    (21, "_menu_item_object", "page"),
    (21, "_menu_item_object_id", "30"),
    (21, "_menu_item_menu_item_parent", "20"),
    (21, "_menu_item_target", "_blank"),
    (21, "_menu_item_classes", dumps(["a", "b"])),
    (21, "_menu_item_xfn", "friend met"),
    (22, "_menu_item_type", "taxonomy"),
    (22, "_menu_item_object", "category"),
    (22, "_menu_item_object_id", "5"),
    (22, "_menu_item_menu_item_parent", "0"),
    (22, "_menu_item_classes", dumps([""])),
    (22, "_menu_item_xfn", ""),
]
# term id, taxonomy, name, slug, objects
TERMS = [
    (5, "category", "News", "news", []),
    (40, "nav_menu", "Main", "main", [20, 21, 22]),
    (41, "wp_theme", "twentytwentyfive", "twentytwentyfive", [70]),
]

ADMIN_CAPS = frozenset(
    {
        "read",
        "edit_posts",
        "edit_others_posts",
        "publish_posts",
        "edit_theme_options",
        "switch_themes",
        "activate_plugins",
        "manage_options",
        "export",
    }
)


def build_site(url: str) -> None:
    options = {
        "permalink_structure": "/%year%/%monthnum%/%postname%/",
        "stylesheet": "twentytwentyfive",
        "template": "twentytwentyfive",
        "theme_mods_twentytwentyfive": dumps({"nav_menu_locations": {"primary": 40}}),
        "widget_block": dumps({2: {"content": "<!-- wp:search /-->"}, 3: {}, "_multiwidget": 1}),
        "sidebars_widgets": dumps(
            {"wp_inactive_widgets": ["block-2"], "sidebar-1": ["text-9"], "array_version": 3}
        ),
    }
    dated = "2024-05-01 10:00:00"
    with new_site(url, SITE, options) as (conn, t):
        conn.execute(
            insert_posts(t),
            [
                {
                    "ID": post_id,
                    "post_type": post_type,
                    "post_status": status,
                    "post_name": name,
                    "post_title": title,
                    "post_content": content,
                    "menu_order": order,
                    "post_parent": parent,
                    "post_date": dated,
                    "post_date_gmt": dated,
                    "post_modified": dated,
                    "post_modified_gmt": dated,
                    "guid": f"{SITE}/?p={post_id}",
                }
                for post_id, post_type, status, name, title, content, order, parent in POSTS
            ],
        )
        conn.execute(
            insert(t.postmeta),
            [{"post_id": p, "meta_key": k, "meta_value": v} for p, k, v in META],
        )
        conn.execute(
            insert(t.terms),
            [{"term_id": i, "name": n, "slug": s, "term_group": 0} for i, _t, n, s, _o in TERMS],
        )
        conn.execute(
            insert(t.term_taxonomy),
            [
                {
                    "term_taxonomy_id": i + 1000,
                    "term_id": i,
                    "taxonomy": tax,
                    "description": "",
                    "parent": 0,
                    "count": len(objects),
                }
                for i, tax, _n, _s, objects in TERMS
            ],
        )
        conn.execute(
            insert(t.term_relationships),
            [
                {"object_id": obj, "term_taxonomy_id": i + 1000, "term_order": 0}
                for i, _t, _n, _s, objects in TERMS
                for obj in objects
            ],
        )


def wire(app: App) -> App:
    """Register the routes of `core_routes` the app does not have yet, in WordPress's order."""
    if "/wp/v2/blocks" not in app.routes.routes:
        for post_type in app.post_types.in_rest():
            core_routes.register_post_type_routes(app, post_type)
    if "/wp/v2/block-types" not in app.routes.routes:
        core_routes.register_block_routes(app)
    if "/wp/v2/themes" not in app.routes.routes:
        core_routes.register_theme_routes(app)
    if "/wp/v2/menu-locations" not in app.routes.routes:
        core_routes.register_editor_routes(app)
    return app


def editor_app(tmp_path_factory: pytest.TempPathFactory, folder: str) -> App:
    """The editor site in a new database in a temporary `folder`, with every route wired."""
    return wire(site_app(site_db(tmp_path_factory, folder, build_site), SITE))


def acting_as(app: App, caps: frozenset[str], user_id: int = 1) -> AbstractContextManager[None]:
    """Requests act as a user with `caps` (there is no authentication layer yet)."""
    return acting_as_user(app, CurrentUser(user_id, "user", ("custom",), caps))


def error(body: Any) -> tuple[str, int]:
    return body["code"], body["data"]["status"]
