"""JSON bytes identical to PHP's `wp_json_encode`: `\\/` for slashes, `\\uXXXX` for non-ASCII."""

from __future__ import annotations

import re
from typing import Any

import orjson

# After `backslashreplace`, code points below U+0100 read `\xNN` and astral ones `\UNNNNNNNN`;
# PHP writes `\u00NN` and a surrogate pair. Only a backslash that is not itself escaped (an
# even run of backslashes before it) starts such a sequence.
_LATIN1 = re.compile(rb"(?<!\\)((?:\\\\)*)\\x([0-9a-f]{2})")
_ASTRAL = re.compile(rb"(?<!\\)((?:\\\\)*)\\U([0-9a-f]{8})")


def _astral(match: re.Match[bytes]) -> bytes:
    cp = int(match.group(2), 16) - 0x10000
    high, low = 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF)
    return match.group(1) + f"\\u{high:04x}\\u{low:04x}".encode()


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
    escaped = raw.decode("utf-8").encode("ascii", "backslashreplace")
    if b"\\x" in escaped:
        escaped = _LATIN1.sub(rb"\1\\u00\2", escaped)
    if b"\\U" in escaped:
        escaped = _ASTRAL.sub(_astral, escaped)
    return escaped
