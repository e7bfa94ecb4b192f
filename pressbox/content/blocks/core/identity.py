"""Site identity blocks and the term description (blocks/site-title.php, site-tagline.php,
site-logo.php, term-description.php).

The logo is the `site_logo` option (else the theme's `custom_logo` mod), as
`get_custom_logo()` prints it outside the front page. A REST request is never a term archive,
so the term description shows only a term named by the block context.
"""

from __future__ import annotations

import re
from typing import Any

from pressbox.content.blocks.core.common import has_link_color
from pressbox.content.blocks.data import site_method
from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr, esc_html, esc_url

__all__ = ["MODULE"]

_UNLINK = re.compile(r"<a.*?>(.*?)</a>", re.IGNORECASE)


def render_site_title(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    title = str(ctx.data.option("blogname", "") or "")
    if not title.strip():
        return ""
    tag = "h1"
    classes = f"has-text-align-{a['textAlign']}" if a.get("textAlign") else ""
    if has_link_color(a):
        classes += " has-link-color"
    if "level" in a:
        tag = "p" if a["level"] == 0 else f"h{int(a['level'])}"
    if a.get("isLink"):
        # No front page or blog home in a REST request: no aria-current.
        target = esc_attr(str(a.get("linkTarget") or "_self"))
        inner = (
            f'<a href="{esc_url(ctx.data.home_url())}" target="{target}" rel="home">'
            f"{esc_html(title)}</a>"
        )
    else:
        inner = esc_html(title)
    wrapper = get_block_wrapper_attributes(ctx, {"class": classes.strip()})
    return f"<{tag} {wrapper}>{inner}</{tag}>"


def render_site_tagline(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    tagline = str(ctx.data.option("blogdescription", "") or "")
    if not tagline:
        return ""
    tag = f"h{int(a['level'])}" if a.get("level") else "p"
    align = f"has-text-align-{a['textAlign']}" if a.get("textAlign") else ""
    return f"<{tag} {get_block_wrapper_attributes(ctx, {'class': align})}>{tagline}</{tag}>"


def _logo_id(ctx: RenderContext) -> int:
    value = ctx.data.option("site_logo", None)
    if value is None:
        stylesheet = str(ctx.data.option("stylesheet", "") or "")
        mods = ctx.data.option(f"theme_mods_{stylesheet}", None)
        value = mods.get("custom_logo") if isinstance(mods, dict) else None
    try:
        return int(str(value or 0))
    except ValueError:
        return 0


def custom_logo(ctx: RenderContext, width: Any = None) -> str:
    """`get_custom_logo()` for a page that is not the front page."""
    from pressbox.content.media_html import wp_get_attachment_image

    logo_id = _logo_id(ctx)
    if not logo_id:
        return ""
    attr: dict[str, str] = {"class": "custom-logo"}
    att = ctx.data.attachment(logo_id)
    if att is None:
        return ""
    if not att.alt:
        attr["alt"] = str(ctx.data.option("blogname", "") or "")
    image = wp_get_attachment_image(ctx, logo_id, "full", attr)
    if width and image:
        # The block's `wp_get_attachment_image_src` filter scales the image to `width`.
        meta = att.metadata
        w, h = int(meta.get("width", 0) or 0), int(meta.get("height", 0) or 0)
        if w and h:
            p = TagProcessor(image)
            if p.next_tag("img"):
                p.set_attribute("width", str(int(width)))
                p.set_attribute("height", str(int(float(width) / (w / h))))
            image = p.get_updated_html()
    home = esc_url(ctx.data.home_url() + "/")
    return f'<a href="{home}" class="custom-logo-link" rel="home">{image}</a>'


def render_site_logo(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    logo = custom_logo(ctx, a.get("width"))
    if not logo:
        return ""
    if not a.get("isLink"):
        logo = _UNLINK.sub(r"\1", logo)
    elif a.get("linkTarget") == "_blank":
        p = TagProcessor(logo)
        p.next_tag("a")
        if p.get_attribute("rel") == "home":
            p.set_attribute("aria-label", "(Home link, opens in a new tab)")
            p.set_attribute("target", "_blank")
        logo = p.get_updated_html()
    classes = "" if a.get("width") else "is-default-size"
    return f"<div {get_block_wrapper_attributes(ctx, {'class': classes})}>{logo}</div>"


def render_term_description(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    context = current_instance(ctx).context
    description = ""
    if "termId" in context and "taxonomy" in context:
        terms = site_method(ctx, "terms")
        for term in terms(str(context["taxonomy"]), hide_empty=False) if callable(terms) else []:
            if str(term.term_id) == str(context["termId"]):
                description = term.description
    if not description:
        return ""
    classes = [f"has-text-align-{a['textAlign']}"] if "textAlign" in a else []
    if has_link_color(a):
        classes.append("has-link-color")
    wrapper = get_block_wrapper_attributes(ctx, {"class": " ".join(classes)})
    return f"<div {wrapper}>{description}</div>"


MODULE = BlockModule(
    renderers={
        "core/site-title": render_site_title,
        "core/site-tagline": render_site_tagline,
        "core/site-logo": render_site_logo,
        "core/term-description": render_term_description,
    }
)
