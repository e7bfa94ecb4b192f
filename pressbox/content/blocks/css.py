"""The style engine: `wp_style_engine_get_styles()` (wp-includes/style-engine/) and kebab case.

Class names and the compiled `prop:value;` string for the style groups core blocks use, with
declarations filtered by `safecss_filter_attr()`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pressbox.content.blocks.safecss import safecss_filter_attr, strip_all_tags

__all__ = ["StyleResult", "compile_declarations", "style_engine_get_styles", "to_kebab_case"]

_RS_LOWER = "a-z\\xdf-\\xf6\\xf8-\\xff"
_RS_BREAK = (
    "\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\xbf"  # non-characters
    "\\u2000-\\u206f"  # punctuation
    " \\t\\x0b\\f\\xa0\\ufeff\\n\\r\\u2028\\u2029\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000"
)
_RS_UPPER = "A-Z\\xc0-\\xd6\\xd8-\\xde"
_BREAK = f"[{_RS_BREAK}]"
_LOWER = f"[{_RS_LOWER}]"
_MISC = f"[^{_RS_BREAK}\\d{_RS_LOWER}{_RS_UPPER}]"
_UPPER = f"[{_RS_UPPER}]"
_MISC_LOWER = f"(?:{_LOWER}|{_MISC})"
_MISC_UPPER = f"(?:{_UPPER}|{_MISC})"
_KEBAB_WORDS = re.compile(
    "|".join(
        [
            f"{_UPPER}?{_LOWER}+(?={_BREAK}|{_UPPER}|$)",
            f"{_MISC_UPPER}+(?={_BREAK}|{_UPPER}{_MISC_LOWER}|$)",
            f"{_UPPER}?{_MISC_LOWER}+",
            f"{_UPPER}+",
            "\\d*(?:1ST|2ND|3RD|(?![123])\\dTH)(?=\\b|[a-z_])",
            "\\d*(?:1st|2nd|3rd|(?![123])\\dth)(?=\\b|[A-Z_])",
            "\\d+",
        ]
    )
)


def to_kebab_case(text: str) -> str:
    """`_wp_to_kebab_case()`: `fooBar1` → `foo-bar-1`."""
    return "-".join(_KEBAB_WORDS.findall(text.replace("'", ""))).lower()


@dataclass(frozen=True)
class _Def:
    path: tuple[str, ...]
    prop: str | None = None
    individual: str | None = None
    css_vars: tuple[tuple[str, str], ...] = ()
    classnames: tuple[tuple[str, str | bool], ...] = ()
    kind: str = "plain"  # plain | url | sides


def _d(path: str, prop: str | None = None, **kw: Any) -> _Def:
    return _Def(tuple(path.split(".")), prop, **kw)


_COLOR_VAR = (("color", "--wp--preset--color--$slug"),)
_SPACING_VAR = (("spacing", "--wp--preset--spacing--$slug"),)
_DIM_VAR = (("dimension", "--wp--preset--dimension--$slug"),)
_DEFINITIONS: dict[str, tuple[_Def, ...]] = {
    "background": (
        _d("background.backgroundImage", "background-image", kind="url"),
        _d("background.backgroundPosition", "background-position"),
        _d("background.backgroundRepeat", "background-repeat"),
        _d("background.backgroundSize", "background-size"),
        _d("background.backgroundAttachment", "background-attachment"),
        _d("background.gradient", "background-image",
           css_vars=(("gradient", "--wp--preset--gradient--$slug"),),
           classnames=(("has-background", True),)),
    ),
    "color": (
        _d("color.text", "color", css_vars=_COLOR_VAR,
           classnames=(("has-text-color", True), ("has-$slug-color", "color"))),
        _d("color.background", "background-color", css_vars=_COLOR_VAR,
           classnames=(("has-background", True), ("has-$slug-background-color", "color"))),
        _d("color.gradient", "background", css_vars=(("gradient", "--wp--preset--gradient--$slug"),),
           classnames=(("has-background", True), ("has-$slug-gradient-background", "gradient"))),
    ),
    "border": (
        _d("border.color", "border-color", individual="border-%s-color",
           classnames=(("has-border-color", True), ("has-$slug-border-color", "color"))),
        _d("border.radius", "border-radius", individual="border-%s-radius",
           css_vars=(("border-radius", "--wp--preset--border-radius--$slug"),)),
        _d("border.style", "border-style", individual="border-%s-style"),
        _d("border.width", "border-width", individual="border-%s-width"),
        _d("border.top", kind="sides", css_vars=_COLOR_VAR),
        _d("border.right", kind="sides", css_vars=_COLOR_VAR),
        _d("border.bottom", kind="sides", css_vars=_COLOR_VAR),
        _d("border.left", kind="sides", css_vars=_COLOR_VAR),
    ),
    "shadow": (_d("shadow", "box-shadow", css_vars=(("shadow", "--wp--preset--shadow--$slug"),)),),
    "dimensions": (
        _d("dimensions.aspectRatio", "aspect-ratio", classnames=(("has-aspect-ratio", True),)),
        _d("dimensions.height", "height", css_vars=_DIM_VAR),
        _d("dimensions.minHeight", "min-height", css_vars=_DIM_VAR),
        _d("dimensions.minWidth", "min-width", css_vars=_DIM_VAR),
        _d("dimensions.objectFit", "object-fit"),
        _d("dimensions.width", "width", css_vars=_DIM_VAR),
    ),
    "spacing": (
        _d("spacing.padding", "padding", individual="padding-%s", css_vars=_SPACING_VAR),
        _d("spacing.margin", "margin", individual="margin-%s", css_vars=_SPACING_VAR),
    ),
    "typography": (
        _d("typography.fontSize", "font-size",
           css_vars=(("font-size", "--wp--preset--font-size--$slug"),),
           classnames=(("has-$slug-font-size", "font-size"),)),
        _d("typography.fontFamily", "font-family",
           css_vars=(("font-family", "--wp--preset--font-family--$slug"),),
           classnames=(("has-$slug-font-family", "font-family"),)),
        _d("typography.fontStyle", "font-style"),
        _d("typography.fontWeight", "font-weight"),
        _d("typography.lineHeight", "line-height"),
        _d("typography.textColumns", "column-count"),
        _d("typography.textDecoration", "text-decoration"),
        _d("typography.textIndent", "text-indent"),
        _d("typography.textTransform", "text-transform"),
        _d("typography.letterSpacing", "letter-spacing"),
        _d("typography.writingMode", "writing-mode"),
    ),
}  # fmt: skip
_BORDER_INDIVIDUAL = {"color": "border-%s-color", "radius": "border-%s-radius",
                      "style": "border-%s-style", "width": "border-%s-width"}  # fmt: skip


def _valid(value: Any) -> bool:
    """PHP's `'0' === $v || ! empty( $v )`."""
    return (isinstance(value, str) and value == "0") or _php_truthy(value)


def _php_truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value not in ("", "0")
    return bool(value)


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, Mapping) or key not in data:
            return None
        data = data[key]
    return data


def _slug(value: Any, key: str) -> str:
    if isinstance(value, str) and f"var:preset|{key}|" in value:
        return to_kebab_case(value[value.rfind("|") + 1 :])
    return ""


def _css_var(value: str, css_vars: tuple[tuple[str, str], ...]) -> str:
    for key, pattern in css_vars:
        slug = _slug(value, key)
        if _valid(slug):
            return "var(" + pattern.replace("$slug", slug) + ")"
    return ""


def _declarations(value: Any, d: _Def, skip_vars: bool) -> dict[str, Any]:
    if d.kind == "url":
        if not _php_truthy(value):
            return {}
        if isinstance(value, Mapping) and _php_truthy(value.get("url")):
            return {d.prop or "": f"url('{value['url']}')"}
        return {d.prop or "": value} if isinstance(value, str) else {}
    if d.kind == "sides":
        if not isinstance(value, Mapping) or not value:
            return {}
        side = d.path[1]
        out: dict[str, Any] = {}
        for prop, v in value.items():
            if not _php_truthy(v) or prop not in _BORDER_INDIVIDUAL:
                continue
            if isinstance(v, str) and "var:" in v and not skip_vars and d.css_vars:
                v = _css_var(v, d.css_vars)
            out[_BORDER_INDIVIDUAL[prop] % side] = v
        return out
    if isinstance(value, str) and "var:" in value:
        if not skip_vars and d.css_vars:
            var = _css_var(value, d.css_vars)
            if _valid(var):
                return {d.prop or "": var}
        return {}
    if isinstance(value, Mapping):
        if d.individual is None:
            return {}
        out = {}
        for key, v in value.items():
            if isinstance(v, str) and "var:" in v and not skip_vars and d.css_vars:
                v = _css_var(v, d.css_vars)
            if _valid(v):
                out[d.individual % to_kebab_case(str(key))] = v
        return out
    if isinstance(value, list):
        return {}
    return {d.prop or "": value}


@dataclass
class StyleResult:
    """What `wp_style_engine_get_styles()` returns: `css` and `classnames` (either may be '')."""

    css: str = ""
    classnames: str = ""
    declarations: dict[str, Any] = field(default_factory=dict)


def compile_declarations(declarations: Mapping[str, Any]) -> str:
    """`WP_Style_Engine_CSS_Declarations::get_declarations_string()` (not prettified)."""
    parts: list[str] = []
    for prop, value in declarations.items():
        if not isinstance(value, str):
            continue  # WP_Style_Engine_CSS_Declarations drops non-string values
        value = value.strip()
        if value == "":
            continue
        filtered = strip_all_tags(value)
        if filtered == "":
            continue
        decl = safecss_filter_attr(f"{prop}:{filtered}")
        if decl:
            parts.append(decl + ";")
    return "".join(parts).rstrip()


def style_engine_get_styles(
    styles: Any, *, convert_vars_to_classnames: bool = False
) -> StyleResult:
    """Class names and inline CSS for a block's `style`-shaped data."""
    if not isinstance(styles, Mapping) or not styles:
        return StyleResult()
    classnames: list[str] = []
    declarations: dict[str, Any] = {}
    for group, definitions in _DEFINITIONS.items():
        if not _php_truthy(styles.get(group)):
            continue
        for d in definitions:
            value = _get(styles, d.path)
            if not _valid(value):
                continue
            if _php_truthy(value):
                for name, key in d.classnames:
                    if key is True:
                        classnames.append(name)
                    elif isinstance(key, str):
                        slug = _slug(value, key)
                        if slug:
                            classnames.append(name.replace("$slug", slug))
            decls = _declarations(value, d, convert_vars_to_classnames)
            if decls:
                if "background-image" in decls and "background-image" in declarations:
                    decls["background-image"] = (
                        f"{decls['background-image']}, {declarations['background-image']}"
                    )
                declarations.update(decls)
    css = compile_declarations(declarations) if declarations else ""
    unique = list(dict.fromkeys(classnames))
    return StyleResult(css, " ".join(unique), declarations)
