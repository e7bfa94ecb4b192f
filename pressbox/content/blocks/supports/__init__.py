"""Block supports applied while rendering (wp-includes/block-supports/*.php).

`RENDER_FILTERS` are the `render_block` filters core hooks, in the order WordPress adds them
(default-filters.php first, then the block-supports files as wp-settings.php loads them);
`DATA_FILTERS` are the supports' `render_block_data` filters.
"""

from __future__ import annotations

from pressbox.content.blocks.supports.layout import render_layout_support
from pressbox.content.blocks.supports.markup import (
    add_custom_css_class_data,
    add_elements_class_data,
    add_style_variation_class_data,
    render_background_support,
    render_custom_css_class,
    render_dimensions_support,
    render_duotone_support,
    render_elements_class,
    render_position_support,
    render_style_variation_class,
    render_typography_support,
    render_visibility_support,
    strip_inline_note_markers,
)

__all__ = ["DATA_FILTERS", "RENDER_FILTERS"]

RENDER_FILTERS = (
    render_typography_support,
    strip_inline_note_markers,
    render_elements_class,
    render_layout_support,
    render_position_support,
    render_dimensions_support,
    render_duotone_support,
    render_background_support,
    render_style_variation_class,
    render_visibility_support,
    render_custom_css_class,
)

DATA_FILTERS = (
    add_elements_class_data,
    add_style_variation_class_data,
    add_custom_css_class_data,
)
