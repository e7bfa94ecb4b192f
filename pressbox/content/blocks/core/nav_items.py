"""Navigation items: `render_block_core_navigation_link()` and
`render_block_core_navigation_submenu()` (blocks/navigation-link.php, navigation-submenu.php).

Nothing is the queried object in a REST request, so no item is ever `current-menu-item`.
Items render their inner blocks themselves (WordPress renders them once more in the normal
pass; only counters could notice, and items hold no numbered blocks).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any
from urllib.parse import unquote

from pressbox.content.blocks.core.common import kses_post
from pressbox.content.blocks.core.page_list import SUBMENU_ICON, submenu_visibility
from pressbox.content.blocks.safecss import strip_all_tags
from pressbox.content.blocks.types import Block, BlockRenderer
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr, esc_url
from pressbox.rest.phpquery import parse_query

__all__ = ["ITEM_RENDERERS", "maybe_urldecode"]

_QUERY = re.compile(r"^[^?#]*\?([^#]*)")


def maybe_urldecode(url: str) -> str:
    """`block_core_navigation_link_maybe_urldecode()`: decode URLs whose query is encoded."""
    m = _QUERY.match(url)
    for value in parse_query(m.group(1) if m else "").values():
        if isinstance(value, str) and value and unquote(value) != value:
            return unquote(url)
    return url


def _should_render(a: dict[str, Any], ctx: RenderContext) -> bool:
    """`block_core_shared_navigation_item_should_render()`: linked posts must be published."""
    has_id = isinstance(a.get("id"), int | float) or str(a.get("id", "")).isdigit()
    is_post_type = a.get("kind") == "post-type" or a.get("type") in ("post", "page")
    if is_post_type and has_id:
        post = ctx.data.post(int(a["id"]))
        return post is not None and post.post_status == "publish"
    return True


def _inner_html(ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance, render_instance

    return "".join(render_instance(b, ctx) for b in current_instance(ctx).inner_blocks)


def _link_attrs(a: dict[str, Any]) -> str:
    html = ""
    if a.get("opensInNewTab") is True:
        html += ' target="_blank"  '
    if "rel" in a:
        html += f' rel="{esc_attr(str(a["rel"]))}"'
    elif a.get("nofollow"):
        html += ' rel="nofollow"'
    if "title" in a:
        html += f' title="{esc_attr(str(a["title"]))}"'
    return html


def _description(a: dict[str, Any], ctx: RenderContext) -> str:
    if not a.get("description"):
        return ""
    return (
        '<span class="wp-block-navigation-item__description">'
        f"{kses_post(ctx, str(a['description']))}</span>"
    )


def render_navigation_link(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    if not _should_render(a, ctx) or not a.get("label"):
        return ""
    inner = _inner_html(ctx)
    has_submenu = inner.strip() != ""
    wrapper = get_block_wrapper_attributes(
        ctx, {"class": " wp-block-navigation-item" + (" has-child" if has_submenu else "")}
    )
    html = f'<li {wrapper}><a class="wp-block-navigation-item__content" '
    if "url" in a:
        html += f' href="{esc_url(maybe_urldecode(str(a["url"])))}"'
    html += _link_attrs(a)
    html += (
        f'><span class="wp-block-navigation-item__label">{kses_post(ctx, str(a["label"]))}</span>'
    )
    html += _description(a, ctx) + "</a>"
    context = current_instance(ctx).context
    if context.get("showSubmenuIcon") and has_submenu:
        html += f'<span class="wp-block-navigation__submenu-icon">{SUBMENU_ICON}</span>'
    if has_submenu:
        html += f'<ul class="wp-block-navigation__submenu-container">{inner}</ul>'
    return html + "</li>"


def _overlay_colors(a: dict[str, Any], ctx: RenderContext) -> dict[str, str]:
    """`wp_apply_colors_support()` with the navigation's overlay colors."""
    from pressbox.content.blocks.render import current_instance, registry_of
    from pressbox.content.blocks.wrapper import block_supports_attributes

    context = current_instance(ctx).context

    attrs = dict(a)
    style = dict(attrs["style"]) if isinstance(attrs.get("style"), dict) else {}
    color = dict(style["color"]) if isinstance(style.get("color"), dict) else {}
    if "overlayTextColor" in context:
        attrs["textColor"] = context["overlayTextColor"]
    if "overlayBackgroundColor" in context:
        attrs["backgroundColor"] = context["overlayBackgroundColor"]
    if "customOverlayTextColor" in context:
        color["text"] = context["customOverlayTextColor"]
    if "customOverlayBackgroundColor" in context:
        color["background"] = context["customOverlayBackgroundColor"]
    if color:
        style["color"] = color
        attrs["style"] = style
    bt = registry_of(ctx).get("core/navigation-submenu")
    if bt is None:
        return {}
    colors_only = replace(bt, supports={"color": True})
    out = block_supports_attributes(colors_only, attrs)
    return {k: v for k, v in out.items() if k in ("class", "style")}


def render_navigation_submenu(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    if not _should_render(a, ctx) or not a.get("label"):
        return ""
    inner = _inner_html(ctx)
    has_submenu = inner.strip() != ""
    context = current_instance(ctx).context
    indicators = bool(context.get("showSubmenuIcon"))
    visibility = submenu_visibility(context)
    classes = ["wp-block-navigation-item"]
    if has_submenu:
        classes.append("has-child")
    if visibility == "click":
        classes.append("open-on-click")
    if visibility == "hover" and indicators:
        classes.append("open-on-hover-click")
    if visibility == "always":
        classes.append("open-always")
    wrapper = get_block_wrapper_attributes(ctx, {"class": " ".join(classes)})
    label = kses_post(ctx, str(a["label"]))
    aria_label = esc_attr(f"{strip_all_tags(label)} submenu")
    html = f"<li {wrapper}>"
    if visibility != "click":
        html += '<a class="wp-block-navigation-item__content"'
        if a.get("url"):
            html += f' href="{esc_url(str(a["url"]))}"'
        html += _link_attrs(a)
        html += f'><span class="wp-block-navigation-item__label">{label}</span>'
        html += _description(a, ctx) + "</a>"
        if indicators and has_submenu:
            html += (
                f'<button aria-label="{aria_label}" class="wp-block-navigation__submenu-icon '
                f'wp-block-navigation-submenu__toggle" aria-expanded="false">{SUBMENU_ICON}</button>'
            )
    else:
        html += (
            f'<button aria-label="{aria_label}" class="wp-block-navigation-item__content '
            'wp-block-navigation-submenu__toggle" aria-expanded="false">'
            f'<span class="wp-block-navigation-item__label">{label}</span>'
            f"{_description(a, ctx)}</button>"
        )
        if has_submenu:
            html += f'<span class="wp-block-navigation__submenu-icon">{SUBMENU_ICON}</span>'
    if has_submenu:
        colors = _overlay_colors(a, ctx)
        css = "wp-block-navigation__submenu-container"
        if "class" in colors:
            css += " " + colors["class"]
        wrapper = get_block_wrapper_attributes(
            ctx, {"class": css, "style": colors.get("style", "")}
        )
        html += f"<ul {wrapper}>{inner}</ul>"
    return html + "</li>"


ITEM_RENDERERS: dict[str, BlockRenderer] = {
    "core/navigation-link": render_navigation_link,
    "core/navigation-submenu": render_navigation_submenu,
}
