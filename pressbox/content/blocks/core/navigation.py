"""The navigation block: `WP_Navigation_Block_Renderer` (blocks/navigation.php).

The inner blocks (page list, links, submenus…) render inside a responsive overlay container
with Interactivity API directives; submenu items get their directives here and the root
interactive block's processing then removes the bindings the server cannot resolve.

Known gaps: a `ref` to a `wp_navigation` post is read without running block hooks; the
fallback when a navigation has no inner blocks is the page list (WordPress may first look up,
or even create, a `wp_navigation` post); overlay template parts are not rendered; repeated
navigation names are numbered per rendered post, not per request.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from pressbox.content.blocks.core.common import as_dict
from pressbox.content.blocks.core.nav_items import ITEM_RENDERERS
from pressbox.content.blocks.core.page_list import published_pages
from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.parser import parse_blocks
from pressbox.content.blocks.phpjson import php_json_encode
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.safecss import safecss_filter_attr
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr

if TYPE_CHECKING:
    from pressbox.content.blocks.render import BlockInstance

__all__ = ["MODULE", "render_navigation"]

_LIST_ITEM_WRAPPED = ("core/site-title", "core/site-logo", "core/social-links")
_MENU_ICON = (
    '<svg width="24" height="24" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" '
    'aria-hidden="true" focusable="false"><path d="M4 7.5h16v1.5H4z"></path>'
    '<path d="M4 15h16v1.5H4z"></path></svg>'
)
_MENU_ICON_ALT = (
    '<svg width="24" height="24" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    '<path d="M5 5v1.5h14V5H5z"></path><path d="M5 12.8h14v-1.5H5v1.5z"></path>'
    '<path d="M5 19h14v-1.5H5V19z"></path></svg>'
)
_CLOSE_ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" '
    'aria-hidden="true" focusable="false"><path d="m13.06 12 6.47-6.47-1.06-1.06L12 10.94 '
    "5.53 4.47 4.47 5.53 10.94 12l-6.47 6.47 1.06 1.06L12 13.06l6.47 6.47 1.06-1.06L13.06 "
    '12Z"></path></svg>'
)
_SUBMENU_CONTEXT = (
    '{ "submenuOpenedBy": { "click": false, "hover": false, "focus": false }, '
    '"type": "submenu", "modal": null, "previousFocus": null }'
)
_JUSTIFY = {
    "left": "items-justified-left",
    "right": "items-justified-right",
    "center": "items-justified-center",
    "space-between": "items-justified-space-between",
}
_NAMES_KEY = "_navigation_names"


@dataclass
class _Colors:
    css_classes: list[str] = field(default_factory=list)
    inline_styles: str = ""
    overlay_css_classes: list[str] = field(default_factory=list)
    overlay_inline_styles: str = ""


def _colors(a: dict[str, Any]) -> _Colors:
    """`block_core_navigation_build_css_colors()`."""
    c = _Colors()
    for named, custom, cls, prop, overlay in (
        ("textColor", "customTextColor", "has-text-color", "color", False),
        ("backgroundColor", "customBackgroundColor", "has-background", "background-color", False),
        ("overlayTextColor", "customOverlayTextColor", "has-text-color", "color", True),
        (
            "overlayBackgroundColor",
            "customOverlayBackgroundColor",
            "has-background",
            "background-color",
            True,
        ),
    ):
        classes = c.overlay_css_classes if overlay else c.css_classes
        if named in a or custom in a:
            classes.append(cls)
        if named in a:
            suffix = "color" if prop == "color" else "background-color"
            classes.append(f"has-{a[named]}-{suffix}")
        elif custom in a:
            if overlay:
                c.overlay_inline_styles += f"{prop}: {a[custom]};"
            else:
                c.inline_styles += f"{prop}: {a[custom]};"
    return c


def _font_sizes(a: dict[str, Any]) -> tuple[list[str], str]:
    if "fontSize" in a:
        return [f"has-{a['fontSize']}-font-size"], ""
    if "customFontSize" in a:
        return [], f"font-size: {a['customFontSize']}px;"
    return [], ""


def _is_responsive(a: dict[str, Any]) -> bool:
    old = bool(a.get("isResponsive"))
    return ("overlayMenu" in a and a["overlayMenu"] != "never") or old


def _submenu_visibility(a: dict[str, Any]) -> str:
    legacy = a.get("openSubmenusOnClick")
    if legacy is not None:
        return "click" if legacy else "hover"
    return str(a.get("submenuVisibility") or "hover")


def _classes(a: dict[str, Any]) -> str:
    layout = as_dict(a.get("layout"))
    layout_class = ""
    justify = layout.get("justifyContent")
    if isinstance(justify, str) and justify in _JUSTIFY:
        layout_class += _JUSTIFY[justify]
    if layout.get("orientation") == "vertical":
        layout_class += " is-vertical"
    if layout.get("flexWrap") == "nowrap":
        layout_class += " no-wrap"
    font_classes, _ = _font_sizes(a)
    decoration = as_dict(as_dict(a.get("style")).get("typography")).get("textDecoration")
    classes = [*_colors(a).css_classes, *font_classes]
    if _is_responsive(a):
        classes.append("is-responsive")
    if layout_class:
        classes.append(layout_class)
    if decoration:
        classes.append(f"has-text-decoration-{decoration}")
    return " ".join(classes)


def _styles(a: dict[str, Any]) -> str:
    return str(a.get("styles") or "") + _colors(a).inline_styles + _font_sizes(a)[1]


def _has_submenus(ctx: RenderContext, inner: list[BlockInstance]) -> bool:
    for block in inner:
        if block.name == "core/page-list" and any(p.post_parent for p in published_pages(ctx)):
            return True
        if block.name == "core/navigation-submenu":
            return True
    return False


def _tree_has(blocks: list[BlockInstance], name: str) -> bool:
    return any(b.name == name or _tree_has(b.inner_blocks, name) for b in blocks)


def _inner_blocks(a: dict[str, Any], ctx: RenderContext) -> list[BlockInstance]:
    """`get_inner_blocks()`: the saved inner blocks, a `wp_navigation` post's, or the page list."""
    from pressbox.content.blocks.render import BlockInstance, current_instance, registry_of

    instance = current_instance(ctx)
    blocks = instance.inner_blocks
    ref = a.get("ref", a.get("navigationMenuId"))
    if ref is not None:
        post = ctx.data.post(int(ref)) if str(ref).isdigit() else None
        parsed = (
            [b for b in parse_blocks(post.post_content) if b.block_name]
            if post is not None and post.post_status == "publish"
            else []
        )
        blocks = [BlockInstance(b, a, registry_of(ctx)) for b in parsed]
    if not blocks:
        fallback = Block("core/page-list")
        blocks = [BlockInstance(fallback, a, registry_of(ctx))]
    return blocks


def _inner_html(
    a: dict[str, Any], blocks: list[BlockInstance], ctx: RenderContext, interactive: bool
) -> str:
    from pressbox.content.blocks.render import render_instance
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    container = get_block_wrapper_attributes(
        ctx, {"class": "wp-block-navigation__container " + _classes(a), "style": _styles(a)}
    )
    html = ""
    list_open = False
    for block in blocks:
        markup = render_instance(block, ctx)
        if markup and block.name in _LIST_ITEM_WRAPPED:
            markup = f'<li class="wp-block-navigation-item">{markup}</li>'
        is_item = TagProcessor(markup).next_tag("LI")
        if is_item and not list_open:
            list_open = True
            html += f"<ul {container}>"
        if not is_item and list_open:
            list_open = False
            html += "</ul>"
        html += markup
    if list_open:
        html += "</ul>"
    if _has_submenus(ctx, blocks) and interactive:
        p = TagProcessor(html)
        _submenu_directives(p, a)
        html = p.get_updated_html()
    return html


def _submenu_directives(p: TagProcessor, a: dict[str, Any]) -> None:
    """`block_core_navigation_add_directives_to_submenu()`: one pass over the items."""
    while p.next_tag("LI", class_name="has-child"):
        p.set_attribute("data-wp-interactive", "core/navigation")
        p.set_attribute("data-wp-context", _SUBMENU_CONTEXT)
        p.set_attribute("data-wp-watch", "callbacks.initMenu")
        p.set_attribute("data-wp-on--focusout", "actions.handleMenuFocusout")
        p.set_attribute("data-wp-on--keydown", "actions.handleMenuKeydown")
        p.set_attribute("tabindex", "-1")
        if _submenu_visibility(a) == "hover":
            p.set_attribute("data-wp-on--pointerenter", "actions.openMenuOnHover")
            p.set_attribute("data-wp-on--pointerleave", "actions.closeMenuOnHover")
        if p.next_tag("BUTTON", class_name="wp-block-navigation-submenu__toggle"):
            p.set_attribute("data-wp-on--click", "actions.toggleMenuOnClick")
            p.set_attribute("data-wp-bind--aria-expanded", "state.isSubmenuOpen")
        if p.next_tag("UL", class_name="wp-block-navigation__submenu-container"):
            p.set_attribute("data-wp-on--focus", "actions.openMenuOnFocus")


def _responsive_container(
    a: dict[str, Any], inner_html: str, interactive: bool, ctx: RenderContext
) -> str:
    """`get_responsive_container_markup()` (without overlay template parts)."""
    from pressbox.content.blocks.render import unique_id

    colors = _colors(a)
    modal_id = unique_id(ctx, "modal-")
    hidden = a.get("overlayMenu") == "always"
    container_classes = ["wp-block-navigation__responsive-container"]
    if hidden:
        container_classes.append("hidden-by-default")
    container_classes.append(" ".join(colors.overlay_css_classes))
    open_classes = [
        "wp-block-navigation__responsive-container-open",
        "always-shown" if hidden else "",
    ]
    with_icon = a.get("hasIcon") is True
    icon = _MENU_ICON_ALT if a.get("icon") == "menu" else _MENU_ICON
    open_content = icon if with_icon else "Menu"
    close_content = _CLOSE_ICON if with_icon else "Close"
    open_label = 'aria-label="Open menu"' if with_icon else ""
    close_label = 'aria-label="Close menu"' if with_icon else ""
    open_directives = container_directives = dialog_directives = close_directives = ""
    content_directives = ""
    if interactive:
        open_directives = (
            '\n\t\t\t\tdata-wp-on--click="actions.openMenuOnClick"\n'
            '\t\t\t\tdata-wp-on--keydown="actions.handleMenuKeydown"\n\t\t\t'
        )
        container_directives = (
            '\n\t\t\t\tdata-wp-class--has-modal-open="state.isMenuOpen"\n'
            '\t\t\t\tdata-wp-class--is-menu-open="state.isMenuOpen"\n'
            '\t\t\t\tdata-wp-watch="callbacks.initMenu"\n'
            '\t\t\t\tdata-wp-on--keydown="actions.handleMenuKeydown"\n'
            '\t\t\t\tdata-wp-on--focusout="actions.handleMenuFocusout"\n'
            '\t\t\t\ttabindex="-1"\n\t\t\t'
        )
        dialog_directives = (
            '\n\t\t\t\tdata-wp-bind--aria-modal="state.ariaModal"\n'
            '\t\t\t\tdata-wp-bind--aria-label="state.ariaLabel"\n'
            '\t\t\t\tdata-wp-bind--role="state.roleAttribute"\n\t\t\t'
        )
        close_directives = '\n\t\t\t\tdata-wp-on--click="actions.closeMenuOnClick"\n\t\t\t'
        content_directives = '\n\t\t\t\tdata-wp-watch="callbacks.focusFirstElement"\n\t\t\t'
    overlay_css = esc_attr(safecss_filter_attr(colors.overlay_inline_styles))
    overlay_styles = f'style="{overlay_css}"' if overlay_css else ""
    close_button = (
        f'<button {close_label} class="wp-block-navigation__responsive-container-close" '
        f"{close_directives}>{close_content}</button>"
    )
    modal = esc_attr(modal_id)
    return (
        f'<button aria-haspopup="dialog" {open_label} '
        f'class="{esc_attr(" ".join(open_classes).strip())}" {open_directives}>{open_content}</button>\n'
        f'\t\t\t\t<div class="{esc_attr(" ".join(container_classes).strip())}" {overlay_styles} '
        f'id="{modal}" {container_directives}>\n'
        '\t\t\t\t\t<div class="wp-block-navigation__responsive-close" tabindex="-1">\n'
        f'\t\t\t\t\t\t<div class="wp-block-navigation__responsive-dialog" {dialog_directives}>\n'
        f"\t\t\t\t\t\t\t{close_button}\n"
        '\t\t\t\t\t\t\t<div class="wp-block-navigation__responsive-container-content" '
        f'{content_directives} id="{modal}-content">\n'
        f"\t\t\t\t\t\t\t\t{inner_html}\n"
        "\t\t\t\t\t\t\t\t\n"
        "\t\t\t\t\t\t\t</div>\n"
        "\t\t\t\t\t\t</div>\n"
        "\t\t\t\t\t</div>\n"
        "\t\t\t\t</div>"
    )


def _unique_name(a: dict[str, Any], ctx: RenderContext) -> str:
    """`get_unique_navigation_name()`: repeated names get ` 2`, ` 3`, …"""
    name = str(a.get("ariaLabel") or "")
    if not name:
        ref = a.get("ref")
        post = ctx.data.post(int(ref)) if ref is not None and str(ref).isdigit() else None
        if post is not None and post.post_status == "publish":
            name = post.post_title
    seen: dict[str, int] = ctx.state.setdefault(_NAMES_KEY, {})
    seen[name] = seen.get(name, 0) + 1
    return f"{name} {seen[name]}" if seen[name] > 1 else name


def _nav_context() -> str:
    context = {
        "overlayOpenedBy": {"click": False, "hover": False, "focus": False},
        "type": "overlay",
        "roleAttribute": "",
        "ariaLabel": "Menu",
    }
    encoded = php_json_encode(context, hex_tag=True, hex_apos=True, hex_quot=True, hex_amp=True)
    return f"data-wp-context='{encoded}'"


def render_navigation(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = dict(block.attrs)
    if "rgbTextColor" in a and not a.get("textColor"):
        a["customTextColor"] = a["rgbTextColor"]
    if "rgbBackgroundColor" in a and not a.get("backgroundColor"):
        a["customBackgroundColor"] = a["rgbBackgroundColor"]
    a.pop("rgbTextColor", None)
    a.pop("rgbBackgroundColor", None)
    blocks = _inner_blocks(a, ctx)
    if _tree_has(blocks, "core/navigation"):
        return ""
    responsive = _is_responsive(a)
    interactive = (
        _has_submenus(ctx, blocks)
        and (_submenu_visibility(a) == "click" or bool(a.get("showSubmenuIcon")))
    ) or responsive
    extra: dict[str, Any] = {"class": _classes(a), "style": _styles(a)}
    name = _unique_name(a, ctx)
    if name:
        extra["aria-label"] = name
    wrapper = get_block_wrapper_attributes(ctx, extra)
    if responsive and interactive:
        wrapper += ' \n\t\t data-wp-interactive="core/navigation" ' + _nav_context()
    elif responsive:
        wrapper += " "
    inner = _inner_html(a, blocks, ctx, interactive)
    if responsive:
        inner = _responsive_container(a, inner, interactive, ctx)
    return f"<nav {wrapper}>{inner}</nav>"


def typographic_presets(block: Block, parent: BlockInstance | None, ctx: RenderContext) -> Block:
    """`block_core_navigation_typographic_presets_backcompatibility()`."""
    if block.block_name != "core/navigation":
        return block
    style = block.attrs.get("style")
    typography = style.get("typography") if isinstance(style, dict) else None
    if not isinstance(typography, dict):
        return block
    changed = dict(typography)
    for key, prefix in (
        ("fontStyle", "var:preset|font-style|"),
        ("fontWeight", "var:preset|font-weight|"),
        ("textDecoration", "var:preset|text-decoration|"),
        ("textTransform", "var:preset|text-transform|"),
    ):
        value = changed.get(key)
        if not value or not isinstance(value, str):
            continue
        value = value.removeprefix(prefix)
        if key == "textDecoration" and value == "strikethrough":
            value = "line-through"
        changed[key] = value
    if changed == typography:
        return block
    attrs = dict(block.attrs)
    attrs["style"] = {**style, "typography": changed}  # type: ignore[dict-item]
    return replace(block, attrs=attrs)


MODULE = BlockModule(
    renderers={"core/navigation": render_navigation, **ITEM_RENDERERS},
    data_filters=(typographic_presets,),
)
