"""Text blocks: paragraph, heading, list, button and details (blocks/paragraph.php, heading.php,
list.php, button.php, details.php)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressbox.content.blocks.css import to_kebab_case
from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext

if TYPE_CHECKING:
    from pressbox.content.blocks.render import BlockInstance

__all__ = ["MODULE"]

_HEADINGS = frozenset({"H1", "H2", "H3", "H4", "H5", "H6"})
_LISTS = frozenset({"OL", "UL"})
_LEGACY_WIDTHS = {
    "25%": "wp-block-button__width-25",
    "50%": "wp-block-button__width-50",
    "75%": "wp-block-button__width-75",
    "100%": "wp-block-button__width-100",
}


def paragraph_add_class(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    """`block_core_paragraph_add_class()` (render_block_core/paragraph)."""
    if not content:
        return content
    p = TagProcessor(content)
    if p.next_tag("p"):
        p.add_class("wp-block-paragraph")
    return p.get_updated_html()


def _class_first(content: str, tags: frozenset[str], class_name: str) -> str:
    if not content:
        return content
    p = TagProcessor(content)
    while p.next_tag():
        if p.get_tag() in tags:
            p.add_class(class_name)
            break
    return p.get_updated_html()


def render_heading(block: Block, content: str, ctx: RenderContext) -> str:
    """`block_core_heading_render()`."""
    return _class_first(content, _HEADINGS, "wp-block-heading")


def render_list(block: Block, content: str, ctx: RenderContext) -> str:
    """`block_core_list_render()`."""
    return _class_first(content, _LISTS, "wp-block-list")


def _php_float_str(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _leading_float(text: str) -> float:
    """PHP's `(float)` cast of a string: the longest numeric prefix."""
    import re

    m = re.match(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text)
    return float(m.group(0)) if m else 0.0


def render_button(block: Block, content: str, ctx: RenderContext) -> str:
    """`render_block_core_button()`: drop empty buttons, apply a custom width."""
    p = TagProcessor(content)
    tag = None
    while p.next_tag():
        tag = p.get_tag()
        if tag in ("A", "BUTTON"):
            break
    if tag is None:
        return content
    is_empty = True
    while p.next_token() and p.get_token_name() != tag and is_empty:
        if p.get_token_type() != "#comment":
            is_empty = False
    if is_empty:
        return ""
    width = (
        block.attrs.get("style", {}).get("dimensions", {}).get("width")
        if isinstance(block.attrs.get("style"), dict)
        and isinstance(block.attrs["style"].get("dimensions"), dict)
        else None
    )
    if width:
        return _button_width(content, str(width))
    return content


def _button_width(content: str, width: str) -> str:
    is_preset = width.startswith("var:preset|dimension|")
    slug = width[len("var:preset|dimension|") :] if is_preset else ""
    resolved = width  # dimension presets: Twenty Twenty-Five defines none
    p = TagProcessor(content)
    if not p.next_tag(class_name="wp-block-button"):
        return content
    p.add_class("has-custom-width")
    existing: Any = p.get_attribute("style")
    existing = existing if isinstance(existing, str) else ""
    suffix = " " + existing if existing else ""
    if resolved.endswith("%"):
        p.add_class("wp-block-button__width")
        if resolved in _LEGACY_WIDTHS:
            p.add_class(_LEGACY_WIDTHS[resolved])
        p.set_attribute(
            "style",
            f"--wp--block-button--width: {_php_float_str(_leading_float(resolved))};{suffix}",
        )
    else:
        value = f"var(--wp--preset--dimension--{to_kebab_case(slug)})" if is_preset else width
        p.set_attribute("style", f"width: {value};{suffix}")
    return p.get_updated_html()


def details_fetchpriority_low(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    """`block_core_details_set_img_fetchpriority_low()` (render_block_core/details)."""
    if block.parsed.attrs.get("showContent"):
        return content
    p = TagProcessor(content)
    while p.next_tag("IMG"):
        p.set_attribute("fetchpriority", "low")
    return p.get_updated_html()


MODULE = BlockModule(
    renderers={
        "core/heading": render_heading,
        "core/list": render_list,
        "core/button": render_button,
    },
    named_filters={
        "core/paragraph": (paragraph_add_class,),
        "core/details": (details_fetchpriority_low,),
    },
)
