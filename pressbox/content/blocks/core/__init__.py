"""Server-side renderers and filters of WordPress's core blocks (wp-includes/blocks/*.php)."""

from __future__ import annotations

from pressbox.content.blocks.core import (
    archives,
    avatar,
    calendar,
    comment_blocks,
    comment_form,
    comments,
    footnotes,
    gallery,
    identity,
    image,
    latest_posts,
    media,
    navigation,
    page_list,
    post_blocks,
    query,
    query_pagination,
    shortcode,
    site,
    social,
    synced,
    terms,
    text,
)
from pressbox.content.blocks.registry import BlockModule

__all__ = ["CORE_MODULES"]

# Order matters only for filters on the same hook (WordPress's block-library load order).
# The Query Loop's and comment template's context filters run first (priority 1).
CORE_MODULES: tuple[BlockModule, ...] = (
    query.MODULE,
    comment_blocks.MODULE,
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
    page_list.MODULE,
    navigation.MODULE,
    social.MODULE,
    query_pagination.MODULE,
    post_blocks.MODULE,
    avatar.MODULE,
    comment_form.MODULE,
    identity.MODULE,
)
