"""`safecss_filter_attr()` (wp-includes/kses.php) and `wp_strip_all_tags()`: inline CSS filtering."""

from __future__ import annotations

import re

from pressbox.content.escaping import ALLOWED_PROTOCOLS, wp_kses_bad_protocol, wp_kses_no_null

__all__ = ["safecss_filter_attr", "strip_all_tags"]

_ALLOWED_PROPERTIES = frozenset(
    [
        "background",
        "background-color",
        "background-image",
        "background-position",
        "background-repeat",
        "background-size",
        "background-attachment",
        "background-blend-mode",
        "border",
        "border-radius",
        "border-width",
        "border-color",
        "border-style",
        "border-right",
        "border-right-color",
        "border-right-style",
        "border-right-width",
        "border-bottom",
        "border-bottom-color",
        "border-bottom-left-radius",
        "border-bottom-right-radius",
        "border-bottom-style",
        "border-bottom-width",
        "border-left",
        "border-left-color",
        "border-left-style",
        "border-left-width",
        "border-top",
        "border-top-color",
        "border-top-left-radius",
        "border-top-right-radius",
        "border-top-style",
        "border-top-width",
        "border-spacing",
        "border-collapse",
        "caption-side",
        "columns",
        "column-count",
        "column-fill",
        "column-gap",
        "column-rule",
        "column-span",
        "column-width",
        "display",
        "color",
        "filter",
        "font",
        "font-family",
        "font-size",
        "font-style",
        "font-variant",
        "font-weight",
        "letter-spacing",
        "line-height",
        "text-align",
        "text-decoration",
        "text-indent",
        "text-transform",
        "white-space",
        "height",
        "min-height",
        "max-height",
        "width",
        "min-width",
        "max-width",
        "margin",
        "margin-right",
        "margin-bottom",
        "margin-left",
        "margin-top",
        "margin-block-start",
        "margin-block-end",
        "margin-inline-start",
        "margin-inline-end",
        "padding",
        "padding-right",
        "padding-bottom",
        "padding-left",
        "padding-top",
        "padding-block-start",
        "padding-block-end",
        "padding-inline-start",
        "padding-inline-end",
        "flex",
        "flex-basis",
        "flex-direction",
        "flex-flow",
        "flex-grow",
        "flex-shrink",
        "flex-wrap",
        "gap",
        "row-gap",
        "grid-template-columns",
        "grid-auto-columns",
        "grid-column-start",
        "grid-column-end",
        "grid-column",
        "grid-column-gap",
        "grid-template-rows",
        "grid-auto-rows",
        "grid-row-start",
        "grid-row-end",
        "grid-row",
        "grid-row-gap",
        "grid-gap",
        "justify-content",
        "justify-items",
        "justify-self",
        "align-content",
        "align-items",
        "align-self",
        "clear",
        "cursor",
        "direction",
        "float",
        "list-style-type",
        "object-fit",
        "object-position",
        "opacity",
        "overflow",
        "vertical-align",
        "writing-mode",
        "position",
        "top",
        "right",
        "bottom",
        "left",
        "z-index",
        "box-shadow",
        "aspect-ratio",
        "container-type",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-opacity",
        "stroke-width",
        "color-interpolation",
        "color-interpolation-filters",
        "paint-order",
        "stop-color",
        "stop-opacity",
        "flood-color",
        "flood-opacity",
        "lighting-color",
        "marker",
        "marker-end",
        "marker-mid",
        "marker-start",
        "clip-path",
        "clip-rule",
        "mask",
        "mask-type",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "x",
        "y",
        "d",
        "alignment-baseline",
        "baseline-shift",
        "dominant-baseline",
        "glyph-orientation-horizontal",
        "glyph-orientation-vertical",
        "text-anchor",
        "unicode-bidi",
        "word-spacing",
        "font-size-adjust",
        "font-stretch",
        "color-rendering",
        "image-rendering",
        "shape-rendering",
        "text-rendering",
        "vector-effect",
        "transform",
        "transform-origin",
        "pointer-events",
        "visibility",
    ]
)
_URL_TYPES = frozenset(
    [
        "background",
        "background-image",
        "cursor",
        "filter",
        "list-style",
        "list-style-image",
        "clip-path",
        "fill",
        "marker",
        "marker-end",
        "marker-mid",
        "marker-start",
        "mask",
        "stroke",
    ]
)
_GRADIENT_TYPES = frozenset({"background", "background-image"})
_CUSTOM_VAR = re.compile(r"^--[a-zA-Z0-9-_]+$")
_URL = re.compile(r"url\([^)]+\)")
_URL_PIECES = re.compile(r"^url\(\s*(['\"]?)(.*)(\1)\s*\)$", re.S)
_GRADIENT = re.compile(r"(?:repeating-)?(?:linear|radial|conic)-gradient\((?:[^()]|\([^()]*\))*\)")
_FUNCTION_NAME = re.compile(
    r"\b(?:var|calc|min|max|minmax|clamp|repeat|matrix|matrix3d|perspective|rotate|rotate3d|"
    r"rotateX|rotateY|rotateZ|scale|scale3d|scaleX|scaleY|scaleZ|skew|skewX|skewY|translate|"
    r"translate3d|translateX|translateY|translateZ|circle|ellipse|inset|path|polygon|rect|shape|"
    r"xywh)\("
)
_UNSAFE = re.compile(r"[\\(&=}]|/\*")


def _strip_functions(text: str) -> str:
    """Remove allowed CSS function calls with balanced parentheses (PCRE's `(?1)` recursion)."""
    while True:
        m = _FUNCTION_NAME.search(text)
        if m is None:
            return text
        depth, i = 0, m.end() - 1
        while i < len(text):
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        if depth != 0:
            # Unbalanced: PCRE finds no match here; look past this name.
            head, tail = text[: m.end()], _strip_functions(text[m.end() :])
            return head + tail
        text = text[: m.start()] + text[i + 1 :]


def safecss_filter_attr(css: str) -> str:
    """Keep only allowed, safe `property: value` declarations of an inline style."""
    css = wp_kses_no_null(css).replace("\n", "").replace("\r", "").replace("\t", "")
    out: list[str] = []
    for raw in css.strip(" \n\r\t\0\x0b").split(";"):
        if raw == "":
            continue
        item = raw.strip(" \n\r\t\0\x0b")
        test = item
        found = url_attr = gradient_attr = False
        value = ""
        if ":" not in item:
            found = True
        else:
            prop, value = item.split(":", 1)
            prop = prop.strip(" \n\r\t\0\x0b")
            is_custom = bool(_CUSTOM_VAR.match(prop))
            if is_custom or prop in _ALLOWED_PROPERTIES:
                found = True
                url_attr = prop in _URL_TYPES
                gradient_attr = prop in _GRADIENT_TYPES
            if is_custom:
                stripped = value.strip(" \n\r\t\0\x0b")
                url_attr = stripped.startswith("url(")
                gradient_attr = "-gradient(" in stripped
        if found and url_attr:
            for url_match in _URL.findall(value):
                pieces = _URL_PIECES.match(url_match)
                url = pieces.group(2).strip() if pieces else ""
                if not url or wp_kses_bad_protocol(url, ALLOWED_PROTOCOLS) != url:
                    found = False
                    break
                test = test.replace(url_match, "")
        if found and gradient_attr:
            for g in _GRADIENT.findall(test):
                test = test.replace(g, "")
        if found:
            test = _strip_functions(test)
            if not _UNSAFE.search(test):
                out.append(item)
    return ";".join(out)


_TAGS = re.compile(r"<[^>]*>")
_SCRIPTS = re.compile(r"<(script|style)[^>]*?>.*?</\1>", re.S | re.I)


def strip_all_tags(text: str) -> str:
    """`wp_strip_all_tags( $text, true )`."""
    text = _TAGS.sub("", _SCRIPTS.sub("", text))
    return re.sub(r"[\r\n\t ]+", " ", text).strip()
