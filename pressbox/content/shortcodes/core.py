"""The shortcodes WordPress core registers (media.php's `add_shortcode()` calls, WP_Embed's).

`CORE_SHORTCODES` is the registry WordPress 7.1 builds: `wp_caption`, `caption`, `gallery`,
`playlist`, `audio`, `video` (media.php) and `embed` (WP_Embed's placeholder, which prints
nothing: the real `[embed]` runs earlier, see `pressbox.content.embed`).

Render steps: `do_shortcode` (priority 11 of the_content) with the core registry;
`make_do_shortcode(registry)` for a site with more shortcodes.
"""

from __future__ import annotations

from pressbox.content.context import RenderContext
from pressbox.content.pipeline import Step
from pressbox.content.shortcodes.caption import img_caption_shortcode
from pressbox.content.shortcodes.engine import Attrs, ShortcodeRegistry
from pressbox.content.shortcodes.engine import do_shortcode as run_shortcodes
from pressbox.content.shortcodes.engine import strip_shortcodes as strip_registered
from pressbox.content.shortcodes.gallery import gallery_shortcode
from pressbox.content.shortcodes.media import (
    wp_audio_shortcode,
    wp_playlist_shortcode,
    wp_video_shortcode,
)

__all__ = ["CORE_SHORTCODES", "do_shortcode", "make_do_shortcode", "strip_shortcodes"]


def _return_false(attrs: Attrs, content: str, tag: str, ctx: RenderContext) -> str:
    """__return_false: WP_Embed registers `embed` so that strip_shortcodes() knows it."""
    return ""


CORE_SHORTCODES = ShortcodeRegistry(
    [
        ("wp_caption", img_caption_shortcode),
        ("caption", img_caption_shortcode),
        ("gallery", gallery_shortcode),
        ("playlist", wp_playlist_shortcode),
        ("audio", wp_audio_shortcode),
        ("video", wp_video_shortcode),
        ("embed", _return_false),
    ]
)


def do_shortcode(text: str, ctx: RenderContext) -> str:
    """The render step: do_shortcode() with WordPress core's shortcodes (priority 11)."""
    return run_shortcodes(text, ctx, CORE_SHORTCODES)


def make_do_shortcode(registry: ShortcodeRegistry) -> Step:
    """A do_shortcode render step for a site's own registry."""

    def do_shortcode(text: str, ctx: RenderContext) -> str:
        return run_shortcodes(text, ctx, registry)

    return do_shortcode


def strip_shortcodes(text: str, registry: ShortcodeRegistry = CORE_SHORTCODES) -> str:
    """strip_shortcodes() for the registered shortcodes (as wp_trim_excerpt() uses it)."""
    return strip_registered(text, registry.tags)
