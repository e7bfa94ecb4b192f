"""WordPress 7.1's site-editor post types, as `create_initial_post_types()` registers them.

The templates, template parts, global styles, navigation menus and fonts that the site editor
edits, transcribed from `wp-includes/post.php` (7.1.0) in registration order; the labels are the
en_US strings. `core_post_types.py` registers them after its content types.
"""

from __future__ import annotations

from pressbox.registry.post_types import PostTypeArgs, PostTypeRegistry

_EDIT_THEME_OPTIONS_ALL = {
    "create_posts": "edit_theme_options",
    "delete_posts": "edit_theme_options",
    "delete_others_posts": "edit_theme_options",
    "delete_private_posts": "edit_theme_options",
    "delete_published_posts": "edit_theme_options",
    "edit_posts": "edit_theme_options",
    "edit_others_posts": "edit_theme_options",
    "edit_private_posts": "edit_theme_options",
    "edit_published_posts": "edit_theme_options",
    "publish_posts": "edit_theme_options",
    "read": "edit_theme_options",
    "read_private_posts": "edit_theme_options",
}

_FONT_CAPS = {
    "read": "edit_theme_options",
    "read_private_posts": "edit_theme_options",
    "create_posts": "edit_theme_options",
    "publish_posts": "edit_theme_options",
    "edit_posts": "edit_theme_options",
    "edit_others_posts": "edit_theme_options",
    "edit_published_posts": "edit_theme_options",
    "delete_posts": "edit_theme_options",
    "delete_others_posts": "edit_theme_options",
    "delete_published_posts": "edit_theme_options",
}

# build_query( array( 'p' => '/%s/%s', 'canvas' => 'edit' ) ): build_query() does not encode.
_TEMPLATE_EDIT_LINK = "site-editor.php?p=/%s/%s&canvas=edit"
_NAVIGATION_EDIT_LINK = "site-editor.php?p=/wp_navigation/%s&canvas=edit"


def _template_labels(singular: str, plural: str, lower: str, plural_lower: str) -> dict[str, str]:
    """The label sets of `wp_template` and `wp_template_part`, which share a pattern."""
    return {
        "name": plural,
        "singular_name": singular,
        "add_new": f"Add {singular}",
        "add_new_item": f"Add {singular}",
        "new_item": f"New {singular}",
        "edit_item": f"Edit {singular}",
        "view_item": f"View {singular}",
        "all_items": plural,
        "search_items": f"Search {plural}",
        "parent_item_colon": f"Parent {singular}:",
        "not_found": f"No {plural_lower} found.",
        "not_found_in_trash": f"No {plural_lower} found in Trash.",
        "archives": f"{singular[0]}{lower[1:]} archives",
        "insert_into_item": f"Insert into {lower}",
        "uploaded_to_this_item": f"Uploaded to this {lower}",
        "filter_items_list": f"Filter {plural_lower} list",
        "items_list_navigation": f"{singular[0]}{plural_lower[1:]} list navigation",
        "items_list": f"{singular[0]}{plural_lower[1:]} list",
        "item_updated": f"{singular[0]}{lower[1:]} updated.",
    }


def register_site_editor_post_types(registry: PostTypeRegistry) -> None:
    """The site-editor part of `create_initial_post_types()`, into `registry`.

    WordPress registers these after `wp_block`, so `register_core_post_types()` calls this last.
    """
    reg = registry.register
    for name, singular, plural, lower, plural_lower, description, base, cap_type in (
        (
            "wp_template",
            "Template",
            "Templates",
            "template",
            "templates",
            "Templates to include in your theme.",
            "templates",
            ("template", "templates"),
        ),
        (
            "wp_template_part",
            "Template Part",
            "Template Parts",
            "template part",
            "template parts",
            "Template parts to include in your templates.",
            "template-parts",
            None,
        ),
    ):
        args: PostTypeArgs = {
            "labels": _template_labels(singular, plural, lower, plural_lower),
            "description": description,
            "public": False,
            "builtin": True,
            "edit_link": _TEMPLATE_EDIT_LINK,
            "has_archive": False,
            "show_ui": False,
            "show_in_menu": False,
            "show_in_rest": True,
            "rewrite": False,
            "rest_base": base,
            "rest_controller_class": "WP_REST_Templates_Controller",
            "autosave_rest_controller_class": "WP_REST_Template_Autosaves_Controller",
            "revisions_rest_controller_class": "WP_REST_Template_Revisions_Controller",
            "late_route_registration": True,
            "capabilities": _EDIT_THEME_OPTIONS_ALL,
            "map_meta_cap": True,
            "supports": ["title", "slug", "excerpt", "editor", "revisions", "author"],
        }
        if cap_type is not None:
            args["capability_type"] = cap_type
        reg(name, args)
    reg(
        "wp_global_styles",
        {
            "label": "Global Styles",
            "description": "Global styles to include in themes.",
            "public": False,
            "builtin": True,
            "edit_link": "/site-editor.php?canvas=edit",
            "show_ui": False,
            "show_in_rest": True,
            "rewrite": False,
            "rest_base": "global-styles",
            "rest_controller_class": "WP_REST_Global_Styles_Controller",
            "revisions_rest_controller_class": "WP_REST_Global_Styles_Revisions_Controller",
            "late_route_registration": True,
            "capabilities": {
                "read": "edit_posts",
                "create_posts": "edit_theme_options",
                "edit_posts": "edit_theme_options",
                "edit_published_posts": "edit_theme_options",
                "delete_published_posts": "edit_theme_options",
                "edit_others_posts": "edit_theme_options",
                "delete_others_posts": "edit_theme_options",
            },
            "map_meta_cap": True,
            "supports": ["title", "editor", "revisions"],
        },
    )
    # Disable autosave endpoints for global styles.
    registry.remove_support("wp_global_styles", "autosave")
    reg(
        "wp_navigation",
        {
            "labels": {
                "name": "Navigation Menus",
                "singular_name": "Navigation Menu",
                "add_new": "Add Navigation Menu",
                "add_new_item": "Add Navigation Menu",
                "new_item": "New Navigation Menu",
                "edit_item": "Edit Navigation Menu",
                "view_item": "View Navigation Menu",
                "all_items": "Navigation Menus",
                "search_items": "Search Navigation Menus",
                "parent_item_colon": "Parent Navigation Menu:",
                "not_found": "No Navigation Menu found.",
                "not_found_in_trash": "No Navigation Menu found in Trash.",
                "archives": "Navigation Menu archives",
                "insert_into_item": "Insert into Navigation Menu",
                "uploaded_to_this_item": "Uploaded to this Navigation Menu",
                "filter_items_list": "Filter Navigation Menu list",
                "items_list_navigation": "Navigation Menus list navigation",
                "items_list": "Navigation Menus list",
                "item_updated": "Navigation Menu updated.",
            },
            "description": "Navigation menus that can be inserted into your site.",
            "public": False,
            "builtin": True,
            "edit_link": _NAVIGATION_EDIT_LINK,
            "has_archive": False,
            "show_ui": True,
            "show_in_menu": False,
            "show_in_admin_bar": False,
            "show_in_rest": True,
            "rewrite": False,
            "map_meta_cap": True,
            "capabilities": {
                "edit_others_posts": "edit_theme_options",
                "delete_posts": "edit_theme_options",
                "publish_posts": "edit_theme_options",
                "create_posts": "edit_theme_options",
                "read_private_posts": "edit_theme_options",
                "delete_private_posts": "edit_theme_options",
                "delete_published_posts": "edit_theme_options",
                "delete_others_posts": "edit_theme_options",
                "edit_private_posts": "edit_theme_options",
                "edit_published_posts": "edit_theme_options",
                "edit_posts": "edit_theme_options",
            },
            "rest_base": "navigation",
            "rest_controller_class": "WP_REST_Posts_Controller",
            "supports": ["title", "editor", "revisions"],
        },
    )
    for name, plural, singular, base, controller in (
        ("wp_font_family", "Font Families", "Font Family", "font-families", "Families"),
        (
            "wp_font_face",
            "Font Faces",
            "Font Face",
            r"font-families/(?P<font_family_id>[\d]+)/font-faces",
            "Faces",
        ),
    ):
        reg(
            name,
            {
                "labels": {"name": plural, "singular_name": singular},
                "public": False,
                "builtin": True,
                "hierarchical": False,
                "capabilities": _FONT_CAPS,
                "map_meta_cap": True,
                "query_var": False,
                "rewrite": False,
                "show_in_rest": True,
                "rest_base": base,
                "rest_controller_class": f"WP_REST_Font_{controller}_Controller",
                "supports": ["title"],
            },
        )
