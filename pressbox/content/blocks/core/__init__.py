"""Server-side renderers and filters of WordPress's core blocks (wp-includes/blocks/*.php)."""

from __future__ import annotations

from pressbox.content.blocks.core import (
    archives,
    calendar,
    comments,
    footnotes,
    gallery,
    image,
    latest_posts,
    media,
    shortcode,
    site,
    synced,
    terms,
    text,
)
from pressbox.content.blocks.registry import BlockModule

__all__ = ["CORE_MODULES"]

# Order matters only for filters on the same hook (WordPress's block-library load order).
CORE_MODULES: tuple[BlockModule, ...] = (
    text.MODULE,
    image.MODULE,
    gallery.MODULE,
    media.MODULE,
    footnotes.MODULE,
    shortcode.MODULE,
    synced.MODULE,
    latest_posts.MODULE,
    archives.MODULE,
    terms.MODULE,
    site.MODULE,
    comments.MODULE,
    calendar.MODULE,
)
