"""PHP's `json_encode()` (as `wp_json_encode()` calls it), for hashes and markup built from JSON.

Byte-exact for the values block attributes hold: `/` escaped as `\\/`, non-ASCII as lowercase
`\\uXXXX` (astral characters as surrogate pairs), an empty array as `[]`, a dict whose keys are
0..n-1 in order as a list (PHP cannot tell them apart), floats with PHP's shortest round-trip
form (`1.0`, `1.0e+25`).
"""

from __future__ import annotations

import math
import re
from typing import Any

__all__ = ["php_json_encode"]

_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\/<>&\'\x7f-\U0010ffff]')
_SHORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(
    ch: str,
    *,
    slashes: bool,
    unicode: bool,
    hex_tag: bool,
    hex_amp: bool,
    hex_apos: bool,
    hex_quot: bool,
) -> str:
    if ch in _SHORT:
        if ch == '"' and hex_quot:
            return "\\u0022"
        return _SHORT[ch]
    if ch == "/":
        return "\\/" if slashes else "/"
    if ch == "<":
        return "\\u003C" if hex_tag else ch
    if ch == ">":
        return "\\u003E" if hex_tag else ch
    if ch == "&":
        return "\\u0026" if hex_amp else ch
    if ch == "'":
        return "\\u0027" if hex_apos else ch
    code = ord(ch)
    if code < 0x20:
        return f"\\u{code:04x}"
    if code == 0x7F or not unicode:
        return ch
    if code >= 0x10000:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _float(value: float) -> str:
    """PHP's `serialize_precision = -1` form: shortest digits, `%.17G`-style layout."""
    if math.isnan(value) or math.isinf(value):
        return "0"  # json_encode fails on these; wp_json_encode's sanity check yields 0
    sign = "-" if math.copysign(1.0, value) < 0 else ""
    mantissa, _, exp_text = f"{abs(value)!r}".partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac).lstrip("0") or "0"
    # decimal exponent of the first significant digit
    exp = int(exp_text or 0) + len(whole) - 1
    if whole == "0" and digits != "0":
        exp = int(exp_text or 0) - (len(frac) - len(frac.lstrip("0"))) - 1
    digits = digits.rstrip("0") or "0"
    if digits == "0":
        return sign + "0"
    if -4 <= exp < 17:
        if exp >= 0:
            int_part = digits[: exp + 1].ljust(exp + 1, "0")
            frac_part = digits[exp + 1 :]
            return sign + int_part + ("." + frac_part if frac_part else "")
        return sign + "0." + "0" * (-exp - 1) + digits
    tail = digits[1:] or "0"
    return f"{sign}{digits[0]}.{tail}e{'+' if exp >= 0 else '-'}{abs(exp)}"


def _is_list_like(value: dict[Any, Any]) -> bool:
    return all(str(k) == str(i) for i, k in enumerate(value))


def php_json_encode(
    value: Any,
    *,
    unescaped_slashes: bool = False,
    unescaped_unicode: bool = False,
    hex_tag: bool = False,
    hex_amp: bool = False,
    hex_apos: bool = False,
    hex_quot: bool = False,
) -> str:
    """`json_encode($value, $flags)` with the named flags (all off: PHP's defaults)."""
    opts = {
        "slashes": not unescaped_slashes,
        "unicode": not unescaped_unicode,
        "hex_tag": hex_tag,
        "hex_amp": hex_amp,
        "hex_apos": hex_apos,
        "hex_quot": hex_quot,
    }

    def esc(m: re.Match[str]) -> str:
        return _escape_char(m.group(0), **opts)

    def enc(v: Any) -> str:
        if v is None:
            return "null"
        if v is True:
            return "true"
        if v is False:
            return "false"
        if isinstance(v, int):
            return str(v)
        if isinstance(v, float):
            return _float(v)
        if isinstance(v, str):
            return '"' + _NEEDS_ESCAPE.sub(esc, v) + '"'
        if isinstance(v, dict):
            if _is_list_like(v):
                return "[" + ",".join(enc(x) for x in v.values()) + "]"
            return "{" + ",".join(enc(str(k)) + ":" + enc(x) for k, x in v.items()) + "}"
        if isinstance(v, list | tuple):
            return "[" + ",".join(enc(x) for x in v) + "]"
        raise TypeError(f"cannot encode {type(v).__name__}")

    return enc(value)
