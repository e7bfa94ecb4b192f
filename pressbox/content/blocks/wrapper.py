"""`get_block_wrapper_attributes()`: the supports' classes and styles for a dynamic block.

Ports `WP_Block_Supports::apply_block_supports()` with the `apply` callbacks of the align,
custom class name, generated class name, colors, typography, border, spacing, dimensions,
shadow, aria-label and anchor supports, in WordPress's registration order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from pressbox.content.blocks.block_type import BlockType, php_empty, php_is_numeric
from pressbox.content.blocks.css import style_engine_get_styles
from pressbox.content.blocks.safecss import safecss_filter_attr
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr

__all__ = ["block_default_classname", "block_supports_attributes", "get_block_wrapper_attributes"]

_WS = re.compile(r"\s+")
Attrs = Mapping[str, Any]


def block_default_classname(name: str) -> str:
    """`wp_get_block_default_classname()`: `core/latest-posts` → `wp-block-latest-posts`."""
    classname = "wp-block-" + name.replace("/", "-")
    return (
        "wp-block-" + classname[len("wp-block-core-") :]
        if classname.startswith("wp-block-core-")
        else classname
    )


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, Mapping) or key not in data:
            return None
        data = data[key]
    return data


def _align(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    if bt.has_support("align") and "align" in attrs:
        return {"class": f"align{_php_str(attrs['align'])}"}
    return {}


def _custom_classname(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    if bt.has_support("customClassName", default=True) and "className" in attrs:
        return {"class": attrs["className"]}
    return {}


def _generated_classname(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    if bt.has_support("className", default=True):
        return {"class": block_default_classname(bt.name)}
    return {}


def _colors(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    support = bt.support("color", default=False)
    if isinstance(support, Mapping) and bt.skips_serialization("color"):
        return {}
    is_map = isinstance(support, Mapping)
    text = support is True or (is_map and (support.get("text") or "text" not in support))
    background = support is True or (
        is_map and (support.get("background") or "background" not in support)
    )
    gradients = support.get("gradients", False) if is_map else False
    styles: dict[str, Any] = {}
    if text and not bt.skips_serialization("color", "text"):
        preset = (
            f"var:preset|color|{_php_str(attrs['textColor'])}" if "textColor" in attrs else None
        )
        styles["text"] = preset or _get(attrs, "style", "color", "text")
    if background and not bt.skips_serialization("color", "background"):
        preset = (
            f"var:preset|color|{_php_str(attrs['backgroundColor'])}"
            if "backgroundColor" in attrs
            else None
        )
        styles["background"] = preset or _get(attrs, "style", "color", "background")
    has_bg_gradient = bt.has_support("background", "gradient") and not php_empty(
        _get(attrs, "style", "background", "gradient")
    )
    if gradients and not bt.skips_serialization("color", "gradients") and not has_bg_gradient:
        preset = (
            f"var:preset|gradient|{_php_str(attrs['gradient'])}" if "gradient" in attrs else None
        )
        styles["gradient"] = preset or _get(attrs, "style", "color", "gradient")
    result = style_engine_get_styles({"color": styles}, convert_vars_to_classnames=True)
    out: dict[str, str] = {}
    if result.classnames:
        out["class"] = result.classnames
    if result.css:
        out["style"] = result.css
    return out


def _typography(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    support = bt.support("typography", default=False)
    if (
        php_empty(support)
        or not isinstance(support, Mapping)
        or bt.skips_serialization("typography")
    ):
        return {}
    typo = _get(attrs, "style", "typography")
    typo = typo if isinstance(typo, Mapping) else {}
    styles: dict[str, Any] = {}

    def skip(feature: str) -> bool:
        return bt.skips_serialization("typography", feature)

    if support.get("fontSize") and not skip("fontSize"):
        preset = (
            f"var:preset|font-size|{_php_str(attrs['fontSize'])}" if "fontSize" in attrs else None
        )
        styles["fontSize"] = preset or typo.get("fontSize")
    if support.get("__experimentalFontFamily") and not skip("fontFamily"):
        preset = (
            f"var:preset|font-family|{_php_str(attrs['fontFamily'])}"
            if "fontFamily" in attrs
            else None
        )
        custom = _preset_inline(typo["fontFamily"], "font-family") if "fontFamily" in typo else None
        styles["fontFamily"] = preset or custom
    for flag, key, prop in (
        ("__experimentalFontStyle", "fontStyle", "font-style"),
        ("__experimentalFontWeight", "fontWeight", "font-weight"),
    ):
        if support.get(flag) and not skip(key) and typo.get(key) is not None:
            styles[key] = _preset_inline(typo[key], prop)
    if support.get("lineHeight") and not skip("lineHeight"):
        styles["lineHeight"] = typo.get("lineHeight")
    if support.get("textAlign") and not skip("textAlign"):
        styles["textAlign"] = typo.get("textAlign")
    if (
        support.get("textColumns")
        and not skip("textColumns")
        and typo.get("textColumns") is not None
    ):
        styles["textColumns"] = typo["textColumns"]
    for flag, key, prop in (
        ("__experimentalTextDecoration", "textDecoration", "text-decoration"),
        ("__experimentalTextTransform", "textTransform", "text-transform"),
        ("__experimentalLetterSpacing", "letterSpacing", "letter-spacing"),
    ):
        if support.get(flag) and not skip(key) and typo.get(key) is not None:
            styles[key] = _preset_inline(typo[key], prop)
    if (
        support.get("__experimentalWritingMode")
        and not skip("writingMode")
        and typo.get("writingMode") is not None
    ):
        styles["writingMode"] = typo["writingMode"]
    if support.get("textIndent") and not skip("textIndent") and typo.get("textIndent") is not None:
        styles["textIndent"] = typo["textIndent"]
    result = style_engine_get_styles({"typography": styles}, convert_vars_to_classnames=True)
    classes: list[str] = []
    if result.classnames:
        classes.append(result.classnames)
    if support.get("textAlign") and not skip("textAlign") and typo.get("textAlign") is not None:
        classes.append("has-text-align-" + _php_str(typo["textAlign"]))
    out: dict[str, str] = {}
    if classes:
        out["class"] = " ".join(classes)
    if result.css:
        out["style"] = result.css
    return out


def _preset_inline(value: Any, prop: str) -> Any:
    """`wp_typography_get_preset_inline_style_value()`."""
    if php_empty(value) or not isinstance(value, str) or f"var:preset|{prop}|" not in value:
        return value
    slug = value[value.rfind("|") + 1 :]
    return f"var(--wp--preset--{prop}--{slug})"


def _border_feature(bt: BlockType, feature: str) -> bool:
    if bt.support("__experimentalBorder", default=False) is True:
        return True
    return bt.has_support("__experimentalBorder", feature)


def _border(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    if bt.skips_serialization("border"):
        return {}
    border = _get(attrs, "style", "border")
    border = border if isinstance(border, Mapping) else {}
    styles: dict[str, Any] = {}
    has_color = _border_feature(bt, "color")
    has_width = _border_feature(bt, "width")

    def skip(feature: str) -> bool:
        return bt.skips_serialization("__experimentalBorder", feature)

    if _border_feature(bt, "radius") and border.get("radius") is not None and not skip("radius"):
        radius = border["radius"]
        styles["radius"] = f"{_php_str(radius)}px" if php_is_numeric(radius) else radius
    if _border_feature(bt, "style") and border.get("style") is not None and not skip("style"):
        styles["style"] = border["style"]
    if has_width and border.get("width") is not None and not skip("width"):
        width = border["width"]
        styles["width"] = f"{_php_str(width)}px" if php_is_numeric(width) else width
    if has_color and not skip("color"):
        preset = (
            f"var:preset|color|{_php_str(attrs['borderColor'])}" if "borderColor" in attrs else None
        )
        styles["color"] = preset or border.get("color")
    if has_color or has_width:
        for side in ("top", "right", "bottom", "left"):
            values = border.get(side)
            values = values if isinstance(values, Mapping) else {}
            styles[side] = {
                k: values.get(k) if values.get(k) is not None and not skip(k) else None
                for k in ("width", "color", "style")
            }
    result = style_engine_get_styles({"border": styles})
    out: dict[str, str] = {}
    if result.classnames:
        out["class"] = result.classnames
    if result.css:
        out["style"] = result.css
    return out


def _spacing(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    if bt.skips_serialization("spacing"):
        return {}
    style = attrs.get("style")
    if php_empty(style):
        return {}
    styles: dict[str, Any] = {"padding": None, "margin": None}
    if bt.has_support("spacing", "padding") and not bt.skips_serialization("spacing", "padding"):
        styles["padding"] = _get(style, "spacing", "padding")
    if bt.has_support("spacing", "margin") and not bt.skips_serialization("spacing", "margin"):
        styles["margin"] = _get(style, "spacing", "margin")
    result = style_engine_get_styles({"spacing": styles})
    return {"style": result.css} if result.css else {}


def _dimensions(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    if bt.skips_serialization("dimensions"):
        return {}
    style = attrs.get("style")
    if php_empty(style):
        return {}
    styles: dict[str, Any] = {}
    for feature in ("minHeight", "minWidth", "height", "width"):
        styles[feature] = None
        if bt.has_support("dimensions", feature) and not bt.skips_serialization(
            "dimensions", feature
        ):
            styles[feature] = _get(style, "dimensions", feature)
    result = style_engine_get_styles({"dimensions": styles})
    return {"style": result.css} if result.css else {}


def _shadow(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    if not bt.has_support("shadow") or bt.skips_serialization("shadow"):
        return {}
    result = style_engine_get_styles({"shadow": _get(attrs, "style", "shadow")})
    return {"style": result.css} if result.css else {}


def _aria_label(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    if not attrs or not bt.has_support("ariaLabel") or bt.skips_serialization("ariaLabel"):
        return {}
    return {"aria-label": attrs["ariaLabel"]} if "ariaLabel" in attrs else {}


def _anchor(bt: BlockType, attrs: Attrs) -> dict[str, str]:
    if not attrs or not bt.has_support("anchor"):
        return {}
    anchor = attrs.get("anchor")
    return {"id": anchor} if isinstance(anchor, str) and anchor != "" else {}


_APPLY: tuple[Callable[[BlockType, Attrs], dict[str, Any]], ...] = (
    _align, _custom_classname, _generated_classname, _colors, _typography, _border,
    _spacing, _dimensions, _shadow, _aria_label, _anchor,
)  # fmt: skip


def _php_str(value: Any) -> str:
    if value is True:
        return "1"
    if value is False or value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def block_supports_attributes(bt: BlockType, raw_attrs: Attrs) -> dict[str, str]:
    """`apply_block_supports()` for a block type and its (unprepared) attributes."""
    attrs = bt.prepare_attributes(raw_attrs)
    output: dict[str, str] = {}
    for apply in _APPLY:
        for name, value in apply(bt, attrs).items():
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                continue
            text = _php_str(value)
            if name not in output or output[name] == "":
                output[name] = text
            else:
                output[name] += f" {text}"
    return output


def get_block_wrapper_attributes(ctx: RenderContext, extra: Mapping[str, Any] | None = None) -> str:
    """`get_block_wrapper_attributes( $extra )` for the block whose renderer is running."""
    from pressbox.content.blocks.render import current_instance

    instance = current_instance(ctx)
    bt = instance.block_type
    new = block_supports_attributes(bt, instance.parsed.attrs) if bt is not None else {}
    extra = extra or {}
    if not new and not extra:
        return ""
    merged: dict[str, str] = {}
    for name in ("style", "class", "id", "aria-label"):
        n = new.get(name, "")
        e = extra.get(name, "")
        n = _php_str(n) if isinstance(n, str | int | float) and not isinstance(n, bool) else ""
        e = _php_str(e) if isinstance(e, str | int | float) and not isinstance(e, bool) else ""
        if n == "" and e == "":
            continue
        if name == "style":
            parts = [
                s for s in (n.strip().rstrip(";"), e.strip().rstrip(";")) if s not in ("", "0")
            ]
            merged[name] = safecss_filter_attr(";".join(parts))
        elif name == "class":
            classes = [c for c in _WS.split(e) if c] + [c for c in _WS.split(n) if c]
            merged[name] = " ".join(dict.fromkeys(classes))
        else:
            merged[name] = e if e != "" else n
    for name, value in extra.items():
        scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
        if name not in ("style", "class", "id", "aria-label") and scalar:
            merged[name] = _php_str(value)
    return " ".join(f'{k}="{esc_attr(v)}"' for k, v in merged.items())
