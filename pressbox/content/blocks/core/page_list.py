"""The page list block: `render_block_core_page_list()` (blocks/page-list.php).

Pages come from `ctx.data.pages()` (published pages by `menu_order`, then title). Inside a
navigation block (the context carries `showSubmenuIcon`) items become navigation items with
submenu toggles and the navigation's overlay colors. No page is "current" in a REST request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pressbox.content.blocks.core.common import kses_post
from pressbox.content.blocks.css import to_kebab_case
from pressbox.content.blocks.data import site_method
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.safecss import strip_all_tags
from pressbox.content.blocks.types import Block
from pressbox.content.context import PostData, RenderContext
from pressbox.content.escaping import esc_attr, esc_url

__all__ = ["MODULE", "SUBMENU_ICON", "published_pages", "render_page_list", "submenu_visibility"]

SUBMENU_ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="12" height="12" viewBox="0 0 12 12" '
    'fill="none" aria-hidden="true" focusable="false"><path d="M1.50002 4L6.00002 8L10.5 4" '
    'stroke-width="1.5"></path></svg>'
)


@dataclass
class _Colors:
    css_classes: list[str] = field(default_factory=list)
    inline_styles: str = ""
    overlay_css_classes: list[str] = field(default_factory=list)
    overlay_inline_styles: str = ""


def published_pages(ctx: RenderContext) -> list[PostData]:
    """`get_pages()` by menu order and title, read once per render."""
    memo = ctx.state.get("_pages")
    if memo is None:
        read = site_method(ctx, "pages")
        memo = list(read()) if callable(read) else []
        ctx.state["_pages"] = memo
    return list(memo)


def submenu_visibility(context: dict[str, Any]) -> str:
    """`block_core_page_list_get_submenu_visibility()`: the legacy boolean wins."""
    legacy = context.get("openSubmenusOnClick")
    if legacy is not None:
        return "click" if legacy else "hover"
    value = context.get("submenuVisibility")
    return str(value) if value is not None else "hover"


def _style_color(context: dict[str, Any], key: str) -> Any:
    style = context.get("style")
    color = style.get("color") if isinstance(style, dict) else None
    return color.get(key) if isinstance(color, dict) else None


def _colors(context: dict[str, Any]) -> _Colors:
    """`block_core_page_list_build_css_colors()`."""
    c = _Colors()
    custom_text = _style_color(context, "text")
    if custom_text is not None or "customTextColor" in context or "textColor" in context:
        c.css_classes.append("has-text-color")
    if "textColor" in context:
        c.css_classes.append(f"has-{to_kebab_case(str(context['textColor']))}-color")
    elif "customTextColor" in context:
        c.inline_styles += f"color: {context['customTextColor']};"
    elif custom_text is not None:
        c.inline_styles += f"color: {custom_text};"
    custom_bg = _style_color(context, "background")
    if custom_bg is not None or "customBackgroundColor" in context or "backgroundColor" in context:
        c.css_classes.append("has-background")
    if "backgroundColor" in context:
        c.css_classes.append(
            f"has-{to_kebab_case(str(context['backgroundColor']))}-background-color"
        )
    elif "customBackgroundColor" in context:
        c.inline_styles += f"background-color: {context['customBackgroundColor']};"
    elif custom_bg is not None:
        c.inline_styles += f"background-color: {custom_bg};"
    if "overlayTextColor" in context or "customOverlayTextColor" in context:
        c.overlay_css_classes.append("has-text-color")
    if "overlayTextColor" in context:
        c.overlay_css_classes.append(f"has-{to_kebab_case(str(context['overlayTextColor']))}-color")
    elif "customOverlayTextColor" in context:
        c.overlay_inline_styles += f"color: {context['customOverlayTextColor']};"
    if "overlayBackgroundColor" in context or "customOverlayBackgroundColor" in context:
        c.overlay_css_classes.append("has-background")
    if "overlayBackgroundColor" in context:
        slug = to_kebab_case(str(context["overlayBackgroundColor"]))
        c.overlay_css_classes.append(f"has-{slug}-background-color")
    elif "customOverlayBackgroundColor" in context:
        c.overlay_inline_styles += f"background-color: {context['customOverlayBackgroundColor']};"
    return c


@dataclass(frozen=True)
class _ListOptions:
    visibility: str
    show_icons: bool
    in_navigation: bool
    is_nested: bool
    colors: _Colors
    front_page: int


def _items(
    ctx: RenderContext,
    tree: dict[int, list[PostData]],
    pages: list[PostData],
    o: _ListOptions,
    depth: int = 0,
) -> str:
    """`block_core_page_list_render_nested_page_list()`."""
    out = ""
    for page in pages:
        children = tree.get(page.id)
        css = " has-child" if children else ""
        if o.in_navigation:
            css += " wp-block-navigation-item"
            if o.visibility == "click":
                css += " open-on-click"
            elif o.visibility == "hover" and o.show_icons:
                css += " open-on-hover-click"
            elif o.visibility == "always":
                css += " open-always"
        content_class = " wp-block-navigation-item__content" if o.in_navigation else ""
        style = ""
        if depth > 0 or o.is_nested:
            css += " " + " ".join(o.colors.overlay_css_classes).strip()
            if o.colors.overlay_inline_styles != "":
                style = f' style="{esc_attr(o.colors.overlay_inline_styles)}"'
        if page.id == o.front_page:
            css += " menu-item-home"
        title = page.post_title or "(no title)"
        aria_label = f"{strip_all_tags(title)} submenu"
        out += f'<li class="wp-block-pages-list__item{esc_attr(css)}"{style}>'
        if children and o.in_navigation and o.visibility == "click":
            out += (
                f'<button aria-label="{esc_attr(aria_label)}" class="{esc_attr(content_class)} '
                f'wp-block-navigation-submenu__toggle" aria-expanded="false">{kses_post(ctx, title)}'
                '</button><span class="wp-block-page-list__submenu-icon '
                f'wp-block-navigation__submenu-icon">{SUBMENU_ICON}</span>'
            )
        else:
            out += (
                f'<a class="wp-block-pages-list__item__link{esc_attr(content_class)}" '
                f'href="{esc_url(ctx.data.permalink(page.id))}">{kses_post(ctx, title)}</a>'
            )
        if children:
            if o.in_navigation and o.show_icons and o.visibility != "click":
                out += (
                    f'<button aria-label="{esc_attr(aria_label)}" class="wp-block-navigation__submenu-icon '
                    f'wp-block-navigation-submenu__toggle" aria-expanded="false">{SUBMENU_ICON}</button>'
                )
            out += '<ul class="wp-block-navigation__submenu-container">'
            out += _items(ctx, tree, children, o, depth + 1)
            out += "</ul>"
        out += "</li>"
    return out


def render_page_list(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    context = current_instance(ctx).context
    pages = published_pages(ctx)
    if not pages:
        return ""
    tree: dict[int, list[PostData]] = {}
    for page in pages:
        tree.setdefault(page.post_parent, []).append(page)
    colors = _colors(context)
    parent = int(block.attrs.get("parentPageID", 0) or 0)
    if parent and parent not in tree:
        return ""
    in_navigation = "showSubmenuIcon" in context
    try:
        front = int(ctx.data.option("page_on_front", 0) or 0)
    except (TypeError, ValueError):
        front = 0
    options = _ListOptions(
        visibility=submenu_visibility(context) if in_navigation else "hover",
        show_icons=bool(context.get("showSubmenuIcon", False)),
        in_navigation=in_navigation,
        is_nested=bool(context.get("core/isInsideSubmenu")),
        colors=colors,
        front_page=front,
    )
    items = _items(ctx, tree, tree.get(parent, []), options)
    if options.is_nested:
        return items
    wrapper = get_block_wrapper_attributes(
        ctx, {"class": " ".join(colors.css_classes).strip(), "style": colors.inline_styles}
    )
    return f"<ul {wrapper}>{items}</ul>"


MODULE = BlockModule(renderers={"core/page-list": render_page_list})
