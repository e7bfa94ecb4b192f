"""WordPress 7.1's core post types, as `create_initial_post_types()` registers them.

The arguments are transcribed from `wp-includes/post.php` (7.1.0) in registration order; the
labels are the en_US strings. The post statuses registered by the same function live in
`statuses.py`.
"""

from __future__ import annotations

from pressbox.registry.post_types import PostTypeRegistry
from pressbox.registry.site_editor_types import register_site_editor_post_types


def register_core_post_types(
    registry: PostTypeRegistry, *, attachment_pages_enabled: bool = False
) -> None:
    """`create_initial_post_types()` (post types only), into `registry`.

    `attachment_pages_enabled` is the `wp_attachment_pages_enabled` option ('1'), which only
    changes the attachment's `view_item` label (new installs since 6.4 have it off).
    """
    reg = registry.register
    reg(
        "post",
        {
            "labels": {"name_admin_bar": "Post"},
            "public": True,
            "builtin": True,
            "edit_link": "post.php?post=%d",
            "capability_type": "post",
            "map_meta_cap": True,
            "menu_position": 5,
            "menu_icon": "dashicons-admin-post",
            "hierarchical": False,
            "rewrite": False,
            "query_var": False,
            "delete_with_user": True,
            "supports": [
                "title",
                ("editor", {"notes": True}),
                "author",
                "thumbnail",
                "excerpt",
                "trackbacks",
                "custom-fields",
                "comments",
                "revisions",
                "post-formats",
            ],
            "show_in_rest": True,
            "rest_base": "posts",
            "rest_controller_class": "WP_REST_Posts_Controller",
        },
    )
    reg(
        "page",
        {
            "labels": {"name_admin_bar": "Page"},
            "public": True,
            "publicly_queryable": False,
            "builtin": True,
            "edit_link": "post.php?post=%d",
            "capability_type": "page",
            "map_meta_cap": True,
            "menu_position": 20,
            "menu_icon": "dashicons-admin-page",
            "hierarchical": True,
            "rewrite": False,
            "query_var": False,
            "delete_with_user": True,
            "supports": [
                "title",
                ("editor", {"notes": True}),
                "author",
                "thumbnail",
                "page-attributes",
                "custom-fields",
                "comments",
                "revisions",
            ],
            "show_in_rest": True,
            "rest_base": "pages",
            "rest_controller_class": "WP_REST_Posts_Controller",
        },
    )
    reg(
        "attachment",
        {
            "labels": {
                "name": "Media",
                "name_admin_bar": "Media",
                "add_new": "Add Media File",
                "add_new_item": "Add Media File",
                "edit_item": "Edit Media",
                "view_item": "View Attachment Page"
                if attachment_pages_enabled
                else "View Media File",
                "attributes": "Attachment Attributes",
            },
            "public": True,
            "show_ui": True,
            "builtin": True,
            "edit_link": "post.php?post=%d",
            "capability_type": "post",
            "capabilities": {"create_posts": "upload_files"},
            "map_meta_cap": True,
            "menu_icon": "dashicons-admin-media",
            "hierarchical": False,
            "rewrite": False,
            "query_var": False,
            "show_in_nav_menus": False,
            "delete_with_user": True,
            "supports": ["title", "author", "comments"],
            "show_in_rest": True,
            "rest_base": "media",
            "rest_controller_class": "WP_REST_Attachments_Controller",
        },
    )
    registry.add_support("attachment:audio", "thumbnail")
    registry.add_support("attachment:video", "thumbnail")
    reg(
        "revision",
        {
            "labels": {"name": "Revisions", "singular_name": "Revision"},
            "public": False,
            "builtin": True,
            "edit_link": "revision.php?revision=%d",
            "capability_type": "post",
            "map_meta_cap": True,
            "hierarchical": False,
            "rewrite": False,
            "query_var": False,
            "can_export": False,
            "delete_with_user": True,
            "supports": ["author"],
        },
    )
    reg(
        "nav_menu_item",
        {
            "labels": {"name": "Navigation Menu Items", "singular_name": "Navigation Menu Item"},
            "public": False,
            "builtin": True,
            "hierarchical": False,
            "rewrite": False,
            "delete_with_user": False,
            "query_var": False,
            "map_meta_cap": True,
            "capability_type": ("edit_theme_options", "edit_theme_options"),
            "capabilities": {
                "edit_post": "edit_post",
                "read_post": "read_post",
                "delete_post": "delete_post",
                "edit_posts": "edit_theme_options",
                "edit_others_posts": "edit_theme_options",
                "delete_posts": "edit_theme_options",
                "publish_posts": "edit_theme_options",
                "read_private_posts": "edit_theme_options",
                "read": "read",
                "delete_private_posts": "edit_theme_options",
                "delete_published_posts": "edit_theme_options",
                "delete_others_posts": "edit_theme_options",
                "edit_private_posts": "edit_theme_options",
                "edit_published_posts": "edit_theme_options",
            },
            "show_in_rest": True,
            "rest_base": "menu-items",
            "rest_controller_class": "WP_REST_Menu_Items_Controller",
        },
    )
    reg(
        "custom_css",
        {
            "labels": {"name": "Custom CSS", "singular_name": "Custom CSS"},
            "public": False,
            "hierarchical": False,
            "rewrite": False,
            "query_var": False,
            "delete_with_user": False,
            "can_export": True,
            "builtin": True,
            "supports": ["title", "revisions"],
            "capabilities": {
                "delete_posts": "edit_theme_options",
                "delete_post": "edit_theme_options",
                "delete_published_posts": "edit_theme_options",
                "delete_private_posts": "edit_theme_options",
                "delete_others_posts": "edit_theme_options",
                "edit_post": "edit_css",
                "edit_posts": "edit_css",
                "edit_others_posts": "edit_css",
                "edit_published_posts": "edit_css",
                "read_post": "read",
                "read_private_posts": "read",
                "publish_posts": "edit_theme_options",
            },
        },
    )
    reg(
        "customize_changeset",
        {
            "labels": {
                "name": "Changesets",
                "singular_name": "Changeset",
                "add_new": "Add Changeset",
                "add_new_item": "Add Changeset",
                "new_item": "New Changeset",
                "edit_item": "Edit Changeset",
                "view_item": "View Changeset",
                "all_items": "All Changesets",
                "search_items": "Search Changesets",
                "not_found": "No changesets found.",
                "not_found_in_trash": "No changesets found in Trash.",
            },
            "public": False,
            "builtin": True,
            "map_meta_cap": True,
            "hierarchical": False,
            "rewrite": False,
            "query_var": False,
            "can_export": False,
            "delete_with_user": False,
            "supports": ["title", "author"],
            "capability_type": "customize_changeset",
            "capabilities": {
                "create_posts": "customize",
                "delete_others_posts": "customize",
                "delete_post": "customize",
                "delete_posts": "customize",
                "delete_private_posts": "customize",
                "delete_published_posts": "customize",
                "edit_others_posts": "customize",
                "edit_post": "customize",
                "edit_posts": "customize",
                "edit_private_posts": "customize",
                "edit_published_posts": "do_not_allow",
                "publish_posts": "customize",
                "read": "read",
                "read_post": "customize",
                "read_private_posts": "customize",
            },
        },
    )
    for name, plural, singular in (
        ("oembed_cache", "oEmbed Responses", "oEmbed Response"),
        ("user_request", "User Requests", "User Request"),
    ):
        # `supports => array()` is empty, so WordPress gives these the default features.
        reg(
            name,
            {
                "labels": {"name": plural, "singular_name": singular},
                "public": False,
                "builtin": True,
                "hierarchical": False,
                "rewrite": False,
                "query_var": False,
                "delete_with_user": False,
                "can_export": False,
                "supports": [],
            },
        )
    reg(
        "wp_block",
        {
            "labels": {
                "name": "Patterns",
                "singular_name": "Pattern",
                "add_new": "Add Pattern",
                "add_new_item": "Add Pattern",
                "new_item": "New Pattern",
                "edit_item": "Edit Block Pattern",
                "view_item": "View Pattern",
                "view_items": "View Patterns",
                "all_items": "All Patterns",
                "search_items": "Search Patterns",
                "not_found": "No patterns found.",
                "not_found_in_trash": "No patterns found in Trash.",
                "filter_items_list": "Filter patterns list",
                "items_list_navigation": "Patterns list navigation",
                "items_list": "Patterns list",
                "item_published": "Pattern published.",
                "item_published_privately": "Pattern published privately.",
                "item_reverted_to_draft": "Pattern reverted to draft.",
                "item_scheduled": "Pattern scheduled.",
                "item_updated": "Pattern updated.",
            },
            "public": False,
            "builtin": True,
            "show_ui": True,
            "show_in_menu": False,
            "rewrite": False,
            "show_in_rest": True,
            "rest_base": "blocks",
            "rest_controller_class": "WP_REST_Blocks_Controller",
            "capability_type": "block",
            "capabilities": {
                "read": "edit_posts",
                "create_posts": "publish_posts",
                "edit_posts": "edit_posts",
                "edit_published_posts": "edit_published_posts",
                "delete_published_posts": "delete_published_posts",
                "delete_posts": "delete_posts",
                "edit_others_posts": "edit_others_posts",
                "delete_others_posts": "delete_others_posts",
            },
            "map_meta_cap": True,
            "supports": ["title", "excerpt", "editor", "revisions", "custom-fields"],
        },
    )
    register_site_editor_post_types(registry)


def core_post_types(
    *, permalinks: bool = True, attachment_pages_enabled: bool = False
) -> PostTypeRegistry:
    """A registry holding WordPress 7.1's core post types."""
    registry = PostTypeRegistry(permalinks=permalinks)
    register_core_post_types(registry, attachment_pages_enabled=attachment_pages_enabled)
    return registry
