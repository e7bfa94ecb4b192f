"""`[caption]` and `[wp_caption]`: WordPress's `img_caption_shortcode` (media.php).

HTML5 markup (`<figure>`/`<figcaption>`), as every block theme declares
`add_theme_support( 'html5', 'caption' )` (theme.php, `_add_default_theme_supports`).
"""

from __future__ import annotations

import re

from pressbox.content.context import RenderContext
from pressbox.content.escaping import PHP_TRIM, esc_attr
from pressbox.content.shortcodes.engine import Attrs, do_shortcode, shortcode_atts
from pressbox.content.shortcodes.phpfuncs import intval, php_empty, sanitize_html_class

__all__ = ["img_caption_shortcode", "wp_unique_prefixed_id"]

HTML5_CAPTION = True
PREFIXED_IDS_KEY = "shortcodes.prefixed_ids"  # ctx.state: wp_unique_prefixed_id() counters

_NEW_STYLE = re.compile(
    r"((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", re.IGNORECASE | re.DOTALL | re.ASCII
)
_DEFAULTS = {
    "id": "",
    "caption_id": "",
    "align": "alignnone",
    "width": "",
    "caption": "",
    "class": "",
}


def wp_unique_prefixed_id(ctx: RenderContext, prefix: str) -> str:
    """wp_unique_prefixed_id(): `prefix` and a counter of its own, from 1.

    WordPress counts per request; the counters here live in `ctx.state`, i.e. per render.
    """
    counters: dict[str, int] = ctx.state.setdefault(PREFIXED_IDS_KEY, {})
    counters[prefix] = counters.get(prefix, 0) + 1
    return f"{prefix}{counters[prefix]}"


def _unique(ctx: RenderContext, value: str) -> str:
    return re.sub(r"-1$", "", wp_unique_prefixed_id(ctx, value + "-"))


def img_caption_shortcode(attr: Attrs, content: str, tag: str, ctx: RenderContext) -> str:
    """img_caption_shortcode(): an image (or linked image) in a `<figure>` with its caption."""
    attr = dict(attr)
    if "caption" not in attr:
        m = _NEW_STYLE.search(content)
        if m:
            content = m.group(1)
            attr["caption"] = m.group(2).strip(PHP_TRIM)
    # Known gap: WordPress passes a `caption` attribute holding markup through wp_kses_post().
    atts = shortcode_atts(_DEFAULTS, attr)
    width = intval(atts["width"])
    caption = str(atts["caption"])
    if width < 1 or php_empty(caption):
        return content
    id_html = caption_id_html = describedby = unique_id = caption_id = ""
    if not php_empty(atts["id"]):
        unique_id = _unique(ctx, sanitize_html_class(str(atts["id"])))
        id_html = f'id="{esc_attr(unique_id)}" '
    if not php_empty(atts["caption_id"]):
        caption_id = _unique(ctx, sanitize_html_class(str(atts["caption_id"])))
    elif unique_id:
        caption_id = "caption-" + unique_id.replace("_", "-")
    if caption_id:
        caption_id_html = f'id="{esc_attr(caption_id)}" '
        describedby = f'aria-describedby="{esc_attr(caption_id)}" '
    css_class = f"wp-caption {atts['align']} {atts['class']}".strip(PHP_TRIM)
    caption_width = width if HTML5_CAPTION else 10 + width
    style = f'style="width: {caption_width}px" ' if caption_width else ""
    inner = do_shortcode(content, ctx)
    if HTML5_CAPTION:
        return (
            f'<figure {id_html}{describedby}{style}class="{esc_attr(css_class)}">{inner}'
            f'<figcaption {caption_id_html}class="wp-caption-text">{caption}</figcaption></figure>'
        )
    return (
        f'<div {id_html}{style}class="{esc_attr(css_class)}">{inner.replace("<img ", "<img " + describedby)}'
        f'<p {caption_id_html}class="wp-caption-text">{caption}</p></div>'
    )
