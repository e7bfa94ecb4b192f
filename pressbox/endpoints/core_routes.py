"""Where the editor, theme and site-structure routes go in `create_initial_rest_routes()`'s
order, for `App._register_routes()` to call at four points.

WordPress registers, after the post types' routes (each type in `register_post_type()` order):
types, statuses, taxonomies, terms, users, application passwords, comments, search, then
`register_block_routes()`, settings, `register_theme_routes()`, site health, and
`register_editor_routes()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from pressbox.endpoints import (
    abilities,
    block_editor,
    block_types,
    blocks,
    fonts,
    global_styles,
    icons,
    media,
    menu_items,
    menu_locations,
    patterns,
    plugins,
    templates,
    themes,
    widgets,
)

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.post_types import PostType

# The post types whose routes these modules register (posts and pages are the posts
# controller's, media the attachments controller's).
POST_TYPE_ROUTES: Mapping[str, Callable[[App], None]] = {
    "attachment": media.register_media_routes,
    "nav_menu_item": menu_items.register_menu_items_routes,
    "wp_block": blocks.register_blocks_routes,
    "wp_template": templates.register_templates_routes,
    "wp_template_part": templates.register_template_parts_routes,
    "wp_global_styles": global_styles.register_global_styles_routes,
    "wp_navigation": blocks.register_navigation_routes,
    "wp_font_family": fonts.register_font_families_routes,
    "wp_font_face": fonts.register_font_faces_routes,
}


def register_post_type_routes(app: App, post_type: PostType) -> bool:
    """Register `post_type`'s routes if one of these modules serves it."""
    register = POST_TYPE_ROUTES.get(post_type.name)
    if register is None:
        return False
    register(app)
    return True


def register_block_routes(app: App) -> None:
    """After the search route: the block renderer, then block types."""
    block_types.register_block_renderer_routes(app)
    block_types.register_block_types_routes(app)


def register_theme_routes(app: App) -> None:
    """After the settings route, before site health."""
    themes.register_themes_routes(app)
    plugins.register_plugins_routes(app)
    widgets.register_sidebars_routes(app)
    widgets.register_widget_types_routes(app)
    widgets.register_widgets_routes(app)
    patterns.register_block_directory_routes(app)
    patterns.register_pattern_directory_routes(app)
    patterns.register_block_patterns_routes(app)


def register_editor_routes(app: App) -> None:
    """After site health: the last routes `create_initial_rest_routes()` registers."""
    block_editor.register_url_details_routes(app)
    menu_locations.register_menu_locations_routes(app)
    block_editor.register_export_routes(app)
    block_editor.register_navigation_fallback_routes(app)
    fonts.register_font_collections_routes(app)
    abilities.register_abilities_routes(app)
    icons.register_icons_routes(app)
    icons.register_view_config_routes(app)
