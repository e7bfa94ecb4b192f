"""JSON bytes identical to PHP's `wp_json_encode`: `\\/` for slashes, `\\uXXXX` for non-ASCII."""

from __future__ import annotations

import re
from typing import Any

import orjson

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _escape(match: re.Match[str]) -> str:
    cp = ord(match.group(0))
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
    return _NON_ASCII.sub(_escape, raw.decode("utf-8")).encode("ascii")
