"""The layout block support: `wp_render_layout_support_flag()` (block-supports/layout.php).

Adds `is-layout-*`, `wp-block-<name>-is-layout-*` and, when the layout produces CSS, the
`wp-container-<block>-is-layout-<hash>` class whose hash is `wp_unique_id_from_values()` of the
inputs of the generated styles (md5 of their PHP JSON encoding).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pressbox.content.blocks.block_type import php_empty
from pressbox.content.blocks.html_tags import VOID_ELEMENTS, TagProcessor
from pressbox.content.blocks.phpjson import php_json_encode
from pressbox.content.blocks.sanitize import sanitize_title
from pressbox.content.context import RenderContext

if TYPE_CHECKING:
    from pressbox.content.blocks.render import BlockInstance

__all__ = ["layout_has_styles", "render_layout_support", "unique_id_from_values"]

_LAYOUT_CLASSES = {
    "default": "is-layout-flow",
    "constrained": "is-layout-constrained",
    "flex": "is-layout-flex",
    "grid": "is-layout-grid",
}
_UNSAFE_GAP = re.compile(r"[\\(&=}]|/\*")
_CHILD_KEYS = ("selfStretch", "flexSize", "columnStart", "columnSpan", "rowStart", "rowSpan")


def unique_id_from_values(data: Any, prefix: str = "") -> str:
    """`wp_unique_id_from_values()`: a prefix and the first 8 hex digits of md5(json)."""
    return prefix + hashlib.md5(php_json_encode(data).encode("utf-8")).hexdigest()[:8]


def _sanitize_gap(gap: Any) -> Any:
    """`wp_sanitize_block_gap_value()`."""
    if isinstance(gap, dict):
        out: dict[str, Any] = {}
        for key, value in gap.items():
            scalar = isinstance(value, str | int | float | bool)
            bad = not scalar or (not php_empty(value) and _UNSAFE_GAP.search(str(value)))
            out[key] = None if bad else value
        return out
    if isinstance(gap, str) and not php_empty(gap) and _UNSAFE_GAP.search(gap):
        return None
    return gap


def _preset_gap(value: Any) -> Any:
    if isinstance(value, str) and "var:preset|spacing|" in value:
        from pressbox.content.blocks.css import to_kebab_case

        return f"var(--wp--preset--spacing--{to_kebab_case(value[value.rfind('|') + 1 :])})"
    return value


def layout_has_styles(
    layout: Mapping[str, Any], has_gap_support: bool, gap: Any, skip_gap: bool, block_spacing: Any
) -> bool:
    """Whether `wp_get_layout_style()` would emit any CSS for this layout (no viewports)."""
    kind = layout.get("type", "default")
    gap_output = has_gap_support and not skip_gap
    if kind in ("default", "constrained"):
        if kind == "constrained":
            if not php_empty(layout.get("contentSize", "")) or not php_empty(
                layout.get("wideSize", "")
            ):
                return True
            if isinstance(block_spacing, Mapping):
                padding = block_spacing.get("padding")
                if isinstance(padding, Mapping) and (
                    _css_valid(padding.get("left")) or _css_valid(padding.get("right"))
                ):
                    return True
            if layout.get("justifyContent", "center") in ("left", "right"):
                return True
        top = gap.get("top") if isinstance(gap, Mapping) else gap
        return gap_output and top is not None
    if kind == "flex":
        if layout.get("flexWrap") == "nowrap":
            return True
        if gap_output and gap is not None:
            return True
        horizontal = layout.get("orientation", "horizontal") == "horizontal"
        if not horizontal:
            return True  # flex-direction: column
        justify: Any = layout.get("justifyContent")
        align: Any = layout.get("verticalAlignment")
        justify_ok = not php_empty(justify) and justify in (
            "left",
            "right",
            "center",
            "space-between",
        )
        align_ok = not php_empty(align) and align in ("top", "center", "bottom", "stretch")
        return bool(justify_ok or align_ok)
    return bool(kind == "grid")  # grid-template-columns is always written


def _css_valid(value: Any) -> bool:
    return value == "0" or not php_empty(value)


def _inner_wrapper_classes(inner_content: list[str | None]) -> str | None:
    first = inner_content[0] if inner_content else None
    if not isinstance(first, str) or len(inner_content) <= 1:
        return None
    p = TagProcessor(first)
    stack: list[Any] = []
    while p.next_tag(tag_closers=True):
        if p.is_tag_closer():
            if stack:
                stack.pop()
        elif p.get_tag() not in VOID_ELEMENTS:
            stack.append(p.get_attribute("class"))
    for cls in reversed(stack):
        if isinstance(cls, str) and not php_empty(cls):
            return cls
    return None


def _child_values(layout: Any) -> dict[str, Any]:
    if not isinstance(layout, Mapping):
        return {}
    return {k: layout[k] for k in _CHILD_KEYS if k in layout}


def render_layout_support(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    """`wp_render_layout_support_flag()`."""
    bt = block.block_type
    supports_layout = bt is not None and (
        bt.has_support("layout") or bt.has_support("__experimentalLayout")
    )
    attrs = block.parsed.attrs
    style = attrs.get("style")
    style_attr: Mapping[str, Any] = style if isinstance(style, Mapping) else {}
    if not supports_layout and php_empty(style):
        return content
    child_layout = style_attr.get("layout")
    if not supports_layout and php_empty(child_layout):
        return content

    outer: list[str] = []
    if not php_empty(child_layout):
        base_child = _child_values(child_layout)
        parent_layout = block.parent_layout if isinstance(block.parent_layout, Mapping) else {}
        hash_input = {
            "layout": base_child,
            "parentLayout": {
                k: v for k, v in parent_layout.items() if k in ("minimumColumnWidth", "columnCount")
            },
        }
        if _child_layout_has_styles(base_child, parent_layout):
            outer.append(unique_id_from_values(hash_input, "wp-container-content-"))

    p = TagProcessor(content)
    if not p.next_tag():
        return content
    if not supports_layout:
        for name in outer:
            p.add_class(name)
        return p.get_updated_html() if outer else content
    assert bt is not None

    fallback_layout = bt.support("layout", "default", default=None)
    if php_empty(fallback_layout):
        fallback_layout = bt.support("__experimentalLayout", "default", default=None) or {}
    used = attrs.get("layout")
    if used is None:
        used = fallback_layout
    used_layout: dict[str, Any] = dict(used) if isinstance(used, Mapping) else {}
    if not php_empty(used_layout.get("inherit")) or not php_empty(used_layout.get("contentSize")):
        used_layout["type"] = "constrained"

    theme = block.registry.theme
    classes: list[str] = []
    if theme.root_padding_aware_alignments and used_layout.get("type") == "constrained":
        classes.append("has-global-padding")
    attr_layout = attrs.get("layout")
    attr_layout = attr_layout if isinstance(attr_layout, Mapping) else {}
    if not php_empty(attr_layout.get("orientation")):
        classes.append("is-" + sanitize_title(str(attr_layout["orientation"])))
    if not php_empty(attr_layout.get("justifyContent")):
        classes.append(
            "is-content-justification-" + sanitize_title(str(attr_layout["justifyContent"]))
        )
    if attr_layout.get("flexWrap") == "nowrap":
        classes.append("is-nowrap")
    kind = used_layout.get("type", "default")
    layout_class = _LAYOUT_CLASSES.get(kind, "") if isinstance(kind, str) else ""
    if layout_class:
        classes.append(sanitize_title(layout_class))

    spacing = style_attr.get("spacing")
    gap_value = _sanitize_gap(spacing.get("blockGap") if isinstance(spacing, Mapping) else None)
    fallback_gap = bt.support("spacing", "blockGap", "__experimentalDefault", default="0.5em")
    skip_gap = bt.skips_serialization("spacing", "blockGap")
    global_gap = theme.block_gaps.get(bt.name, theme.root_block_gap)
    if global_gap is not None:
        fallback_gap = global_gap
    block_spacing = spacing
    hash_input_list = [
        used_layout,
        theme.block_gap_support,
        gap_value,
        skip_gap,
        fallback_gap,
        block_spacing,
    ]
    if layout_has_styles(used_layout, theme.block_gap_support, gap_value, skip_gap, block_spacing):
        classes.append(
            unique_id_from_values(
                hash_input_list, f"wp-container-{sanitize_title(bt.name)}-is-layout-"
            )
        )

    parts = bt.name.split("/")
    full_name = parts[-1] if parts[0] == "core" else "-".join(parts)
    classes.append(f"wp-block-{full_name}-{layout_class}")

    for name in outer:
        p.add_class(name)
    wrapper = _inner_wrapper_classes(block.parsed.inner_content)
    if wrapper:
        while True:
            cls = p.get_attribute("class")
            if isinstance(cls, str) and wrapper in cls:
                break
            if not p.next_tag():
                break
    for name in classes:
        p.add_class(name)
    return p.get_updated_html()


def _child_layout_has_styles(child: Mapping[str, Any], parent: Mapping[str, Any]) -> bool:
    """Whether `wp_get_child_layout_style_rules()` yields CSS (simplified)."""
    self_stretch = child.get("selfStretch")
    if self_stretch == "fixed" and child.get("flexSize"):
        return True
    if self_stretch == "fill":
        return True
    if any(
        not php_empty(child.get(k)) for k in ("columnStart", "columnSpan", "rowStart", "rowSpan")
    ):
        return True
    return bool(parent.get("columnCount") or parent.get("minimumColumnWidth")) and not php_empty(
        child.get("columnSpan")
    )
