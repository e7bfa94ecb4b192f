"""JSON bytes identical to PHP's `wp_json_encode`: `\\/` for slashes, `\\uXXXX` for non-ASCII."""

from __future__ import annotations

import re
from typing import Any

import orjson

# `backslashreplace` writes code points from U+0100 to U+FFFF as PHP does (`\uXXXX`); those
# below U+0100 (`\xNN`) and astral ones (`\UNNNNNNNN`, PHP: a surrogate pair) are escaped
# first, in the decoded text, where no backslash of the JSON itself can be mistaken for one.
_OTHER_ESCAPES = re.compile("[\x80-\xff\U00010000-\U0010ffff]")
# Their UTF-8 lead bytes: most text has none, and a byte search tells without decoding.
_OTHER_LEAD_BYTES = (b"\xc2", b"\xc3", b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")


def _php_escape(match: re.Match[str]) -> str:
    cp = ord(match.group())
    if cp < 0x10000:
        return f"\\u{cp:04x}"
    cp -= 0x10000
    return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"


def encode(value: Any, pretty: bool = False) -> bytes:
    """Serialise `value` as WordPress's REST server does (flags 0, or JSON_PRETTY_PRINT)."""
    raw = orjson.dumps(value, option=orjson.OPT_INDENT_2 if pretty else 0)
    # A `/` can only occur inside JSON strings, so a blanket replace is exact.
    raw = raw.replace(b"/", b"\\/")
    if pretty:
        # PHP indents with four spaces.
        raw = re.sub(rb"(?m)^( +)", lambda m: m.group(1) * 2, raw)
    if raw.isascii():
        return raw
    text = raw.decode("utf-8")
    if any(lead in raw for lead in _OTHER_LEAD_BYTES):
        text = _OTHER_ESCAPES.sub(_php_escape, text)
    return text.encode("ascii", "backslashreplace")
