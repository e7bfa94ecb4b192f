"""`_oembed_create_xml()`: oEmbed data as the document PHP's SimpleXML writes for WordPress.

WordPress adds each value with `SimpleXMLElement::addChild( $key, esc_html( $value ) )` and
writes the tree with `asXML()`. These libxml2 (2.9) behaviours shape the bytes:

- `addChild()` parses its text for entity references: the predefined ones (`&lt;`, `&amp;`, …)
  and character references become text, any other name (`&nbsp;`) stays an entity reference
  node and is written back as it came;
- with no encoding declared, text is written as ASCII: `<`, `>` and `&` as entities, every
  other character outside printable ASCII, tab and newline as a hexadecimal reference
  (`&#x201C;`, `&#xD;`);
- an element without children is written `<name/>`;
- a text node holding a character XML 1.0 cannot carry (a control character) fails to escape
  and is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from pressbox.content.escaping import esc_html, valid_unicode
from pressbox.content.shortcodes.phpfuncs import is_numeric
from pressbox.schema import _php

__all__ = ["oembed_create_xml", "xml_text"]

_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_REFERENCE = re.compile(r"&([^;]*);")
_HEX_REF = re.compile(r"#x[0-9a-fA-F]+")  # libxml2 reads only a lowercase `x` as hexadecimal
_DEC_REF = re.compile(r"#[0-9]+")


def oembed_create_xml(data: Any) -> str | None:
    """The XML document of `data` under `<oembed>`, or None when it is not a non-empty array."""
    if not isinstance(data, Mapping | list) or not data:
        return None
    return f'<?xml version="1.0"?>\n<oembed>{_children(data)}</oembed>\n'


def _items(data: Mapping[Any, Any] | list[Any]) -> Iterable[tuple[Any, Any]]:
    return data.items() if isinstance(data, Mapping) else enumerate(data)


def _children(data: Mapping[Any, Any] | list[Any]) -> str:
    out = []
    for key, value in _items(data):
        # `is_numeric( $key )`: list positions and numeric string keys.
        name = "oembed" if isinstance(key, int) or is_numeric(key) else str(key)
        if isinstance(value, Mapping | list):
            inner = _children(value) if value else None
        else:
            inner = xml_text(esc_html(_php.to_str(value)))
        out.append(f"<{name}/>" if inner is None else f"<{name}>{inner}</{name}>")
    return "".join(out)


def xml_text(content: str) -> str | None:
    """Serialized children of an element whose `addChild()` content is `content`.

    None when the element gets no child node at all (it is then written `<name/>`).
    """
    nodes: list[str] = []
    text: list[str] = []

    def flush() -> None:
        if any(text):
            nodes.append(_escape_text("".join(text)))
        text.clear()

    pos = 0
    for match in _REFERENCE.finditer(content):
        text.append(content[pos : match.start()])
        pos = match.end()
        name = match.group(1)
        char = _character(name)
        if char is not None:
            text.append(char)
        elif name:
            flush()
            nodes.append(f"&{name};")
    text.append(content[pos:])
    flush()
    return "".join(nodes) if nodes else None


def _character(name: str) -> str | None:
    """The text a predefined entity or character reference stands for; None for other names.

    A malformed character reference gives nothing (libxml2 reports it and moves on).
    """
    if name in _PREDEFINED:
        return _PREDEFINED[name]
    if not name.startswith("#"):
        return None
    if _HEX_REF.fullmatch(name):
        code = int(name[2:], 16)
    elif _DEC_REF.fullmatch(name):
        code = int(name[1:])
    else:
        return ""
    return chr(code) if 0 < code <= 0x10FFFF else ""


def _escape_text(text: str) -> str:
    """libxml2's `xmlEscapeEntities()` for one text node.

    A character XML cannot hold makes libxml2 drop what it was escaping: the node is left out.
    """
    out = []
    for char in text:
        code = ord(char)
        if char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        elif char == "&":
            out.append("&amp;")
        elif 0x20 <= code < 0x80 or char in "\n\t":
            out.append(char)
        elif valid_unicode(code):  # a character XML allows
            out.append(f"&#x{code:X};")
        else:
            return ""
    return "".join(out)
