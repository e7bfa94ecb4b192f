"""oEmbed in content: WordPress's `WP_Embed` (class-wp-embed.php) and its handlers (embed.php).

Two render steps at priority 8 of the_content, before wpautop: `run_shortcode` runs only
`[embed]` (so that its output is not wrapped in paragraphs) and `autoembed` turns URLs alone on
a line, or alone in a paragraph, into embeds. WordPress fetches oEmbed HTML over HTTP and caches
it in post meta (`_oembed_<md5>`); pressbox never fetches: a cached answer is served, anything
else renders as WordPress renders a failed fetch — the URL itself (autoembed) or a link to it
(`[embed]`). Internal handlers (YouTube embed URLs, audio and video files) run as in WordPress.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

from pressbox.content.autop import wp_replace_in_html_tags
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_html, esc_url
from pressbox.content.shortcodes.engine import Attrs, ShortcodeRegistry, do_shortcode
from pressbox.content.shortcodes.media import AUDIO_EXTENSIONS, VIDEO_EXTENSIONS
from pressbox.content.shortcodes.phpfuncs import intval, php_empty, urlencode
from pressbox.store.phpserialize import dumps

__all__ = ["autoembed", "embed_shortcode", "run_shortcode", "wp_embed_defaults"]

CONTENT_WIDTH = 0  # Twenty Twenty-Five sets no $content_width
_LINE_BREAK = "<!-- wp-line-break -->"
_HAS_URL = re.compile(r"(^|\s|>)https?://", re.IGNORECASE | re.ASCII)
_URL_LINE = re.compile(
    r"^(\s*)(https?://[^\s<>\"]+)(\s*)$", re.IGNORECASE | re.MULTILINE | re.ASCII
)
_URL_PARAGRAPH = re.compile(
    r"(<p(?: [^>]*)?>\s*)(https?://[^\s<>\"]+)(\s*</p>)", re.IGNORECASE | re.ASCII
)


def wp_embed_defaults(content_width: int = CONTENT_WIDTH) -> dict[str, int]:
    """wp_embed_defaults(): the theme's content width (500 without one), 1.5 times as high."""
    width = content_width or 500
    return {"width": width, "height": min(-(-width * 3 // 2), 1000)}


def _youtube_handler(
    m: re.Match[str], attr: dict[str | int, Any], url: str, raw: Attrs, ctx: RenderContext
) -> str:
    """wp_embed_handler_youtube(): an embed URL becomes the watch URL, autoembedded."""
    return autoembed(f"https://youtube.com/watch?v={urlencode(m.group(2))}", ctx)


def _audio_handler(
    m: re.Match[str], attr: dict[str | int, Any], url: str, raw: Attrs, ctx: RenderContext
) -> str:
    """wp_embed_handler_audio(): an `[audio]` shortcode, run later by do_shortcode."""
    return f'[audio src="{esc_url(url)}" /]'


def _video_handler(
    m: re.Match[str], attr: dict[str | int, Any], url: str, raw: Attrs, ctx: RenderContext
) -> str:
    """wp_embed_handler_video(): a `[video]` shortcode, with the dimensions given to `[embed]`."""
    dimensions = ""
    if not php_empty(raw.get("width")) and not php_empty(raw.get("height")):
        dimensions = f'width="{intval(raw["width"])}" height="{intval(raw["height"])}" '
    return f'[video {dimensions} src="{esc_url(url)}" /]'


EmbedHandler = Callable[[re.Match[str], dict[str | int, Any], str, Attrs, RenderContext], str]

# wp_maybe_load_embeds(), sorted by priority (10, then 9999), registration order within one.
HANDLERS: tuple[tuple[re.Pattern[str], EmbedHandler], ...] = (
    (
        re.compile(r"https?://(www\.)?youtube\.com/(?:v|embed)/([^/]+)", re.IGNORECASE),
        _youtube_handler,
    ),
    (re.compile(rf"^https?://.+?\.({'|'.join(AUDIO_EXTENSIONS)})$", re.IGNORECASE), _audio_handler),
    (re.compile(rf"^https?://.+?\.({'|'.join(VIDEO_EXTENSIONS)})$", re.IGNORECASE), _video_handler),
)


def _cached_oembed(ctx: RenderContext, url: str, attr: dict[str | int, Any]) -> str | None:
    """The `_oembed_<md5( url . serialize( attr ) )>` meta of the post being rendered."""
    if ctx.post.id <= 0:
        return None
    key = hashlib.md5((url + dumps(attr)).encode("utf-8")).hexdigest()
    value = ctx.data.post_meta(ctx.post.id, f"_oembed_{key}")
    return value if isinstance(value, str) and value != "" else None


def _maybe_make_link(url: str, linkify: bool) -> str:
    """WP_Embed::maybe_make_link()."""
    return f'<a href="{esc_url(url)}">{esc_html(url)}</a>' if linkify else url


def _embed(attr: Attrs, url: str, ctx: RenderContext, linkify: bool) -> str:
    """WP_Embed::shortcode(): a handler's markup, the cached oEmbed HTML, or the fallback."""
    if php_empty(url) and not php_empty(attr.get("src")):
        url = attr["src"]
    if php_empty(url):
        return ""
    merged: dict[str | int, Any] = {}
    merged.update(wp_embed_defaults())
    merged.update(attr)
    url = url.replace("&amp;", "&")
    for pattern, handler in HANDLERS:
        m = pattern.search(url)
        if m:
            return handler(m, merged, url, attr, ctx)
    cached = _cached_oembed(ctx, url, merged)
    if cached is not None and cached != "{{unknown}}":
        return cached
    return _maybe_make_link(url, linkify)


def embed_shortcode(attr: Attrs, content: str, tag: str, ctx: RenderContext) -> str:
    """`[embed]URL[/embed]` (or `[embed src="URL"]`): WP_Embed::shortcode()."""
    return _embed(attr, content, ctx, linkify=True)


EMBED_ONLY = ShortcodeRegistry([("embed", embed_shortcode)])


def run_shortcode(text: str, ctx: RenderContext) -> str:
    """WP_Embed::run_shortcode(): the render step (priority 8) running `[embed]` alone."""
    return do_shortcode(text, ctx, EMBED_ONLY, ignore_html=True)


def _autoembed_callback(ctx: RenderContext) -> Callable[[re.Match[str]], str]:
    def callback(m: re.Match[str]) -> str:
        return m.group(1) + _embed({}, m.group(2), ctx, linkify=False) + m.group(3)

    return callback


def autoembed(text: str, ctx: RenderContext) -> str:
    """WP_Embed::autoembed(): the render step (priority 8) for URLs on their own line."""
    if "://" not in text and _LINE_BREAK not in text:
        return text
    text = wp_replace_in_html_tags(text, {"\n": _LINE_BREAK})
    if _HAS_URL.search(text):
        callback = _autoembed_callback(ctx)
        text = _URL_LINE.sub(callback, text)
        text = _URL_PARAGRAPH.sub(callback, text)
    return text.replace(_LINE_BREAK, "\n")
