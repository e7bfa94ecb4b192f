"""PHP and WordPress helpers that the shortcode and media code leans on.

Ports of PHP built-ins (`intval`, `round`, `empty`, `stripcslashes`) and of small WordPress
functions (functions.php: `wp_validate_boolean`, `wp_parse_id_list`, `add_query_arg`,
`wp_check_filetype`, `wp_get_mime_types`; formatting.php: `sanitize_html_class`, `tag_escape`,
`wp_basename`), each with PHP's semantics where Python's differ.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote_plus, unquote_plus

from pressbox.mime import MIME_TYPES

_A = re.ASCII
_NUMERIC_PREFIX = re.compile(
    r"[ \t\n\r\v\f]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)", _A
)
_INT_KEY = re.compile(r"(?:0|-?[1-9][0-9]*)\Z", _A)
PHP_INT_MAX = 2**63 - 1


def php_empty(value: Any) -> bool:
    """PHP's `empty()`: '', '0', 0, 0.0, None, False and empty arrays."""
    return (
        value is None
        or value is False
        or value == ""
        or value == "0"
        or (not isinstance(value, str) and not value)
    )


def intval(value: Any) -> int:
    """PHP's `(int)` cast: numeric prefix of a string, 0 when there is none."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return 0 if math.isnan(value) or math.isinf(value) else int(value)
    if value is None:
        return 0
    m = _NUMERIC_PREFIX.match(str(value))
    if not m:
        return 0
    text = m.group(1)
    if any(c in text for c in ".eE"):
        number = float(text)
        return 0 if math.isinf(number) else int(number)
    return max(-PHP_INT_MAX - 1, min(PHP_INT_MAX, int(text)))


def absint(value: Any) -> int:
    """absint(): the absolute value of `(int)`."""
    return abs(intval(value))


def is_numeric(value: Any) -> bool:
    """PHP's `is_numeric()` for the values attributes can hold."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if not isinstance(value, str):
        return False
    m = _NUMERIC_PREFIX.match(value)
    return m is not None and value[m.end() :].strip(" \t\n\r\v\f") == ""


def php_round(value: float) -> int:
    """PHP's `round()` to an integer: half away from zero, after pre-rounding to 15 digits."""
    value = float(f"{value:.15g}")
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def array_key(key: str | int) -> str | int:
    """The key PHP stores for `$a[$key]`: canonical decimal strings become integers."""
    if isinstance(key, str) and _INT_KEY.match(key):
        number = int(key)
        if -PHP_INT_MAX - 1 <= number <= PHP_INT_MAX:
            return number
    return key


def stripcslashes(text: str) -> str:
    """PHP's `stripcslashes()`: C-style escapes (`\\n`, `\\x41`, `\\101`, `\\q` → `q`)."""
    if "\\" not in text:
        return text
    data = text.encode("utf-8")
    out = bytearray()
    simple = {
        ord("n"): 10,
        ord("r"): 13,
        ord("a"): 7,
        ord("t"): 9,
        ord("v"): 11,
        ord("b"): 8,
        ord("f"): 12,
    }
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c != 0x5C or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        i += 1
        c = data[i]
        if c in simple:
            out.append(simple[c])
            i += 1
        elif c == 0x5C:
            out.append(0x5C)
            i += 1
        elif c == ord("x") and i + 1 < n and chr(data[i + 1]) in "0123456789abcdefABCDEF":
            digits = chr(data[i + 1])
            i += 2
            if i < n and chr(data[i]) in "0123456789abcdefABCDEF":
                digits += chr(data[i])
                i += 1
            out.append(int(digits, 16))
        else:
            digits = ""
            while i < n and 0x30 <= data[i] <= 0x37 and len(digits) < 3:
                digits += chr(data[i])
                i += 1
            if digits:
                out.append(int(digits, 8) & 0xFF)
            else:
                out.append(c)
                i += 1
    return out.decode("utf-8", errors="replace")


def wp_validate_boolean(value: Any) -> bool:
    """wp_validate_boolean(): 'false' (any case) is false, otherwise PHP truthiness."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() == "false":
        return False
    return not php_empty(value)


def wp_parse_id_list(value: Any) -> list[int]:
    """wp_parse_id_list(): unique absolute integers from a list or a comma/space string."""
    if isinstance(value, str):
        items: list[Any] = [p for p in re.split(r"[\s,]+", value, flags=_A) if p]
    elif isinstance(value, list | tuple):
        items = [v for v in value if isinstance(v, str | int | float | bool)]
    else:
        items = [value]
    seen: dict[int, None] = {}
    for item in items:
        seen.setdefault(absint(item), None)
    return list(seen)


_HTML_CLASS_PERCENT = re.compile(r"%[a-fA-F0-9][a-fA-F0-9]")
_HTML_CLASS_BAD = re.compile(r"[^A-Za-z0-9_-]")


def sanitize_html_class(name: str, fallback: str = "") -> str:
    """sanitize_html_class(): letters, digits, `_` and `-` only."""
    clean = _HTML_CLASS_BAD.sub("", _HTML_CLASS_PERCENT.sub("", name))
    if clean == "" and fallback:
        return sanitize_html_class(fallback)
    return clean


def tag_escape(name: str) -> str:
    """tag_escape(): a safe, lowercase tag name."""
    return re.sub(r"[^a-zA-Z0-9\-_:]", "", name).lower()


def wp_basename(path: str) -> str:
    """wp_basename(): the last path component (`/` and `\\` separate), trailing slashes ignored."""
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


_FILETYPE = tuple(
    (re.compile(rf"\.({exts})$", re.IGNORECASE | _A), mime) for exts, mime in MIME_TYPES
)


def wp_check_filetype(filename: str) -> tuple[str, str]:
    """wp_check_filetype( $file, wp_get_mime_types() ): (extension as written, mime), or ('', '')."""
    for pattern, mime in _FILETYPE:
        m = pattern.search(filename)
        if m:
            return m.group(1), mime
    return "", ""


def urlencode(text: str) -> str:
    """PHP's urlencode(): everything but letters, digits and `-_.` escaped, spaces as `+`."""
    return quote_plus(text, safe="-_.").replace("~", "%7E")


def _parse_str(query: str) -> dict[str, str]:
    """PHP's parse_str() for flat queries (`a[]` keys are kept as plain names)."""
    out: dict[str, str] = {}
    for part in query.split("&"):
        if part == "":
            continue
        name, _, value = part.partition("=")
        key = unquote_plus(name)
        if key == "":
            continue
        key = re.sub(r"^[ ]+", "", key).replace(".", "_").replace(" ", "_")
        out[key] = unquote_plus(value)
    return out


def add_query_arg(args: Mapping[str, str | bool], uri: str) -> str:
    """add_query_arg( $args, $uri ): set (or, with False, remove) query variables of a URL."""
    frag = ""
    if "#" in uri:
        at = uri.index("#")
        uri, frag = uri[:at], uri[at:]
    protocol = ""
    if uri[:7].lower() == "http://":
        protocol, uri = "http://", uri[7:]
    elif uri[:8].lower() == "https://":
        protocol, uri = "https://", uri[8:]
    if "?" in uri:
        base, query = uri.split("?", 1)
        base += "?"
    elif protocol or "=" not in uri:
        base, query = uri + "?", ""
    else:
        base, query = "", uri
    qs: dict[str, str | bool] = {k: urlencode(v) for k, v in _parse_str(query).items()}
    for key, value in args.items():
        qs[key] = value
    ret = "&".join(f"{k}={v}" for k, v in qs.items() if v is not False)
    ret = ret.strip("?")
    ret = re.sub(r"=(&|$)", r"\1", ret)
    ret = (protocol + base + ret + frag).rstrip("?")
    return ret.replace("?#", "#")
