"""The social link block: `render_block_core_social_link()` (blocks/social-link.php).

The parent social links block is static; it hands `openInNewTab`, `showLabels` and the icon
colors down as block context. Known gap: WordPress obfuscates e-mail addresses with
`antispambot()`, which is random per request; they are printed as plain `mailto:` links.
"""

from __future__ import annotations

import re
from typing import Any

from pressbox.content.blocks.core.social_icons import SERVICES
from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_html, esc_url

__all__ = ["MODULE", "render_social_link"]

_EMAIL = re.compile(r"^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9.-]+\.[a-z0-9-]+$", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def service_name(service: str) -> str:
    """`block_core_social_link_get_name()`."""
    return SERVICES.get(service, SERVICES["share"])[0]


def service_icon(service: str) -> str:
    """`block_core_social_link_get_icon()`."""
    return SERVICES.get(service, SERVICES["share"])[1]


def _is_email(url: str) -> bool:
    """`is_email()`, reduced to its pattern checks (length and shape)."""
    return len(url) >= 6 and "@" in url[1:] and bool(_EMAIL.match(url))


def _has_scheme(url: str) -> bool:
    """`parse_url( $url, PHP_URL_SCHEME )` is set: a scheme before `:` that is not a port."""
    m = _SCHEME.match(url)
    if m is None:
        return False
    rest = url[m.end() :]
    return not (rest[:1].isdigit() and "/" not in rest.split("?")[0].split("#")[0])


def _color_classes(context: dict[str, Any]) -> str:
    classes = []
    if "iconColor" in context:
        classes.append(f"has-{context['iconColor']}-color")
    if "iconBackgroundColor" in context:
        classes.append(f"has-{context['iconBackgroundColor']}-background-color")
    return " " + " ".join(classes)


def _color_styles(context: dict[str, Any]) -> str:
    styles = ""
    if "iconColorValue" in context:
        styles += f"color:{context['iconColorValue']};"
    if "iconBackgroundColorValue" in context:
        styles += f"background-color:{context['iconBackgroundColorValue']};"
    return styles


def render_social_link(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    context = current_instance(ctx).context
    open_in_new_tab = bool(context.get("openInNewTab", False))
    label = a.get("label")
    text = str(label).strip() if label else ""
    service = str(a.get("service", "Icon"))
    url = a.get("url") or ""
    text = text or service_name(service)
    rel = str(a.get("rel", ""))
    show_labels = bool(context.get("showLabels", False))
    if not url:
        return ""
    url = str(url)
    if _is_email(url):
        url = "mailto:" + url
    if not _has_scheme(url) and not url.startswith(("//", "#")):
        url = "https://" + url
    wrapper = get_block_wrapper_attributes(
        ctx,
        {
            "class": f"wp-social-link wp-social-link-{service}{_color_classes(context)}",
            "style": _color_styles(context),
        },
    )
    label_class = "" if show_labels else " screen-reader-text"
    link = (
        f'<li {wrapper}><a href="{esc_url(url)}" class="wp-block-social-link-anchor">'
        f"{service_icon(service)}"
        f'<span class="wp-block-social-link-label{label_class}">{esc_html(text)}</span></a></li>'
    )
    p = TagProcessor(link)
    p.next_tag("a")
    if open_in_new_tab:
        p.set_attribute("rel", f"{rel} noopener nofollow".strip())
        p.set_attribute("target", "_blank")
    elif rel != "":
        p.set_attribute("rel", rel.strip())
    return p.get_updated_html()


MODULE = BlockModule(renderers={"core/social-link": render_social_link})
