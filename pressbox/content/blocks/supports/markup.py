"""The smaller markup-changing block supports (elements, position, dimensions, duotone, …).

Counterparts: `wp_render_typography_support()`, `wp_strip_inline_note_markers()`,
`wp_render_elements_class_name()`, `wp_render_position_support()`,
`wp_render_dimensions_support()`, `WP_Duotone::render_duotone_support()`,
`wp_render_background_support()`, `wp_render_block_style_variation_class_name()`,
`wp_render_block_visibility_support()`, `wp_render_custom_css_class_name()` and the
`render_block_data` filters that add their class names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pressbox.content.blocks.block_type import php_empty
from pressbox.content.blocks.css import style_engine_get_styles
from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.sanitize import sanitize_key
from pressbox.content.blocks.supports.layout import unique_id_from_values
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext

if TYPE_CHECKING:
    from pressbox.content.blocks.render import BlockInstance

__all__ = [
    "add_custom_css_class_data",
    "add_elements_class_data",
    "add_style_variation_class_data",
    "render_background_support",
    "render_custom_css_class",
    "render_dimensions_support",
    "render_duotone_support",
    "render_elements_class",
    "render_position_support",
    "render_style_variation_class",
    "render_typography_support",
    "render_visibility_support",
    "strip_inline_note_markers",
]

_CLASS_DELIMS = re.compile(r"[ \t\f\r\n]+")
_VARIATION = re.compile(r"\bis-style-(?!default)(\S+)\b")
# The instance number is a `counters` placeholder here, where WordPress has digits.
_VARIATION_INSTANCE = re.compile(r"\bis-style-(\S+?--(?:\d+\b|\ue000[a-z_]+\ue002\d+\ue001))")
_HTML_TAG_IN_CSS = re.compile(r"</?\w+")


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, Mapping) or key not in data:
            return None
        data = data[key]
    return data


def _add_classes_to_first_tag(content: str, *classes: str) -> str:
    p = TagProcessor(content)
    if p.next_tag():
        for name in classes:
            p.add_class(name)
    return p.get_updated_html()


def _with_class(block: Block, class_name: str) -> Block:
    attrs = dict(block.attrs)
    existing = attrs.get("className")
    attrs["className"] = f"{existing} {class_name}" if isinstance(existing, str) else class_name
    return replace(block, attrs=attrs)


def _first_prefixed(class_attr: Any, prefix: str) -> str | None:
    if not isinstance(class_attr, str) or prefix not in class_attr:
        return None
    for token in _CLASS_DELIMS.split(class_attr):
        if token.startswith(prefix):
            return token
    return None


# --- render_block ---------------------------------------------------------------------------


def render_typography_support(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    """Fit-text directives; fluid custom font sizes are not recomputed (see module notes)."""
    attrs = block.parsed.attrs
    if not php_empty(attrs.get("fitText")):
        if content:
            p = TagProcessor(content)
            if p.next_tag():
                if not p.get_attribute("data-wp-interactive"):
                    p.set_attribute("data-wp-interactive", True)
                p.set_attribute("data-wp-context---core-fit-text", 'core/fit-text::{"fontSize":""}')
                p.set_attribute("data-wp-init---core-fit-text", "core/fit-text::callbacks.init")
                p.set_attribute("data-wp-style--font-size", "core/fit-text::context.fontSize")
                content = p.get_updated_html()
        return content
    return content


def strip_inline_note_markers(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    """Unwrap `<mark class="wp-note">` (editor notes) from rendered content."""
    if "wp-note" not in content:
        return content
    p = TagProcessor(content)
    stack: list[bool] = []
    while p.next_tag("MARK", tag_closers=True):
        if p.is_tag_closer():
            is_note = stack.pop() if stack else None
        else:
            is_note = bool(p.has_class("wp-note"))
            stack.append(is_note)
        if is_note is True:
            p.remove_token()
    return p.get_updated_html()


def render_elements_class(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    name = _first_prefixed(block.parsed.attrs.get("className"), "wp-elements-")
    return _add_classes_to_first_tag(content, name) if name else content


def render_position_support(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    # Neither core's nor Twenty Twenty-Five's theme.json enables sticky/fixed positions, so
    # WordPress allocates an id but adds nothing to the markup.
    bt = block.block_type
    if bt is None or not bt.has_support("position"):
        return content
    position = _get(block.parsed.attrs, "style", "position")
    if php_empty(position):
        return content
    from pressbox.content.blocks.render import unique_id

    unique_id(ctx, "wp-container-")
    return content


def _explicit_aspect_ratio(value: Any) -> bool:
    return isinstance(value, str) and value not in ("", "auto")


def render_dimensions_support(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    bt = block.block_type
    if bt is None or not bt.has_support("dimensions", "aspectRatio"):
        return content
    if bt.skips_serialization("dimensions", "aspectRatio"):
        return content
    attrs = block.parsed.attrs
    ratio = _get(attrs, "style", "dimensions", "aspectRatio")
    styles: dict[str, Any] = {"aspectRatio": ratio}
    if _explicit_aspect_ratio(ratio):
        styles["minHeight"] = "unset"
        styles["height"] = "unset"
    elif (
        _get(attrs, "style", "dimensions", "minHeight") is not None
        or attrs.get("minHeight") is not None
    ):
        styles["aspectRatio"] = "unset"
    result = style_engine_get_styles({"dimensions": styles})
    if not result.css:
        return content
    p = TagProcessor(content)
    if p.next_tag():
        existing = p.get_attribute("style")
        updated = ""
        if isinstance(existing, str) and not php_empty(existing):
            updated = existing if existing.endswith(";") else existing + ";"
        p.set_attribute("style", updated + result.css)
        for name in result.classnames.split(" ") if result.classnames else ():
            if "aspect-ratio" in name and not _explicit_aspect_ratio(ratio):
                continue
            p.add_class(name)
    return p.get_updated_html()


def render_duotone_support(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    bt = block.block_type
    if not block.name or bt is None or not bt.has_support("filter", "duotone"):
        return content
    duotone = _get(block.parsed.attrs, "style", "color", "duotone")
    if duotone is None:
        return content
    from pressbox.content.blocks.render import unique_id

    if isinstance(duotone, str):
        match = re.search(
            r"var:preset\|duotone\|(\S+)|var\(--wp--preset--duotone--(\S+)\)", duotone
        )
        slug = (match.group(1) or match.group(2)) if match else ""
        # Presets are Twenty Twenty-Five's (none define duotone); anything else is CSS.
        filter_id = (
            f"wp-duotone-{unique_id(ctx, sanitize_key(duotone + '-'))}"
            if not slug
            else f"wp-duotone-{slug}"
        )
    elif isinstance(duotone, list):
        joined = "-".join(str(c) for c in duotone)
        filter_id = "wp-duotone-" + unique_id(ctx, sanitize_key(joined + "-"))
    else:
        return content
    return _add_classes_to_first_tag(content, filter_id)


def render_background_support(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    bt = block.block_type
    if bt is None:
        return content
    has_image = bt.has_support("background", "backgroundImage")
    has_gradient = bt.has_support("background", "gradient")
    background = _get(block.parsed.attrs, "style", "background")
    if (not has_image and not has_gradient) or background is None:
        return content
    skip_image = not has_image or bt.skips_serialization("background", "backgroundImage")
    skip_gradient = not has_gradient or bt.skips_serialization("background", "gradient")
    if skip_image and skip_gradient:
        return content
    bg = background if isinstance(background, Mapping) else {}
    styles: dict[str, Any] = {}
    if not skip_image:
        for key in (
            "backgroundImage",
            "backgroundSize",
            "backgroundPosition",
            "backgroundRepeat",
            "backgroundAttachment",
        ):
            styles[key] = bg.get(key)
        if not php_empty(styles["backgroundImage"]):
            if styles["backgroundSize"] is None:
                styles["backgroundSize"] = "cover"
            if styles["backgroundSize"] == "contain" and php_empty(styles["backgroundPosition"]):
                styles["backgroundPosition"] = "50% 50%"
    if not skip_gradient:
        styles["gradient"] = bg.get("gradient")
    result = style_engine_get_styles({"background": styles})
    if not result.css:
        return content
    p = TagProcessor(content)
    if p.next_tag():
        existing = p.get_attribute("style")
        if isinstance(existing, str) and existing != "":
            sep = "" if existing.endswith(";") else ";"
            updated = f"{existing}{sep}{result.css}"
        else:
            updated = result.css
        p.set_attribute("style", updated)
        p.add_class("has-background")
    return p.get_updated_html()


def render_style_variation_class(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    class_name = block.parsed.attrs.get("className")
    if not content or not isinstance(class_name, str) or not class_name:
        return content
    match = _VARIATION_INSTANCE.search(class_name)
    return _add_classes_to_first_tag(content, match.group(0)) if match else content


def render_visibility_support(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    if block.block_type is None:
        return content
    visibility = _get(block.parsed.attrs, "metadata", "blockVisibility")
    if visibility is False:
        return ""
    # Viewport-based visibility only emits CSS and classes from theme viewports; the oracle
    # content uses none, so the markup is left as is.
    return content


def render_custom_css_class(content: str, block: BlockInstance, ctx: RenderContext) -> str:
    name = _first_prefixed(block.parsed.attrs.get("className"), "wp-custom-css-")
    return _add_classes_to_first_tag(content, "has-custom-css", name) if name else content


# --- render_block_data ----------------------------------------------------------------------

_ELEMENT_PATHS = {
    "button": (
        ("button", "color", "text"),
        ("button", "color", "background"),
        ("button", "color", "gradient"),
    ),
    "link": (("link", "color", "text"), ("link", ":hover", "color", "text")),
    "heading": tuple(
        (h, "color", c)
        for h in ("heading", "h1", "h2", "h3", "h4", "h5", "h6")
        for c in ("text", "background", "gradient")
    ),
}


def add_elements_class_data(
    block: Block, parent: BlockInstance | None, ctx: RenderContext
) -> Block:
    """`wp_render_elements_support_styles()`: a `wp-elements-N` class for element colors."""
    from pressbox.content.blocks.render import registry_of, unique_prefixed_id

    elements = _get(block.attrs, "style", "elements")
    if php_empty(elements):
        return block
    bt = registry_of(ctx).get(block.block_name)
    if bt is None:
        return block
    skips = {k: bt.skips_serialization("color", k) for k in ("link", "heading", "button")}
    if all(skips.values()):
        return block
    found = any(
        _get(elements, *path) is not None
        for kind, paths in _ELEMENT_PATHS.items()
        if not skips[kind]
        for path in paths
    )
    if not found:
        return block
    return _with_class(block, unique_prefixed_id(ctx, "wp-elements-"))


def add_style_variation_class_data(
    block: Block, parent: BlockInstance | None, ctx: RenderContext
) -> Block:
    """`wp_render_block_style_variation_support_styles()`: `is-style-<name>--N`."""
    from pressbox.content.blocks.render import registry_of, unique_id

    class_name = block.attrs.get("className")
    if not isinstance(class_name, str):
        return block
    names = _VARIATION.findall(class_name)
    if not names or block.block_name is None:
        return block
    styled = registry_of(ctx).theme.styled_variations.get(block.block_name, frozenset())
    chosen = next((name for name in names if name in styled), None)
    if chosen is None:
        return block
    return _with_class(block, "is-style-" + unique_id(ctx, chosen + "--"))


def add_custom_css_class_data(
    block: Block, parent: BlockInstance | None, ctx: RenderContext
) -> Block:
    """`wp_render_custom_css_support_styles()`: a `wp-custom-css-<hash>` class."""
    from pressbox.content.blocks.render import registry_of

    css = _get(block.attrs, "style", "css")
    if not isinstance(css, str) or css.strip() == "":
        return block
    bt = registry_of(ctx).get(block.block_name)
    if bt is None or not bt.has_support("customCSS", default=True) or _HTML_TAG_IN_CSS.search(css):
        return block
    return _with_class(block, unique_id_from_values(_as_php_array(block), "wp-custom-css-"))


def _as_php_array(block: Block) -> dict[str, Any]:
    return {
        "blockName": block.block_name,
        "attrs": block.attrs,
        "innerBlocks": [_as_php_array(b) for b in block.inner_blocks],
        "innerHTML": block.inner_html,
        "innerContent": block.inner_content,
    }
