"""WordPress's output escaping as render callbacks use it: `esc_html()`, `esc_attr()`, `esc_url()`.

Ports of `_wp_specialchars()` (with `wp_kses_normalize_entities()` so valid entities are not
double-encoded), `esc_url()` with `wp_kses_bad_protocol()`, and PHP's `htmlspecialchars()`.
"""

from __future__ import annotations

import re
from html.entities import name2codepoint

# One implementation of WordPress's escaping for all render steps (formatting.py).
from pressbox.content.formatting import esc_attr, esc_html, esc_url, wp_kses_normalize_entities

__all__ = [
    "ALLOWED_PROTOCOLS",
    "esc_attr",
    "esc_html",
    "esc_url",
    "esc_url_raw",
    "htmlspecialchars",
    "wp_kses_normalize_entities",
]

ALLOWED_PROTOCOLS = (
    "http", "https", "ftp", "ftps", "mailto", "news", "irc", "irc6", "ircs", "gopher", "nntp",
    "feed", "telnet", "mms", "rtsp", "sms", "svn", "tel", "fax", "xmpp", "webcal", "urn",
)  # fmt: skip

_ALLOWED_ENTITY_NAMES = frozenset(name2codepoint) | {"apos"}
_HTML401_NAMES = frozenset(name2codepoint)
_SPECIAL = re.compile(r"[&<>\"']")
_NORM_DEC = re.compile(r"&amp;#(0*[1-9][0-9]{0,6});")
_NORM_HEX = re.compile(r"&amp;#[Xx](0*[1-9A-Fa-f][0-9A-Fa-f]{0,5});")
_NORM_NAMED = re.compile(r"&amp;([A-Za-z]{2,8}[0-9]{0,2});")
# What htmlspecialchars(double_encode=false) leaves alone after an `&`.
_ENTITY_AT = re.compile(r"&(?:#[0-9]+;|#[xX][0-9a-fA-F]+;|([A-Za-z][A-Za-z0-9]*);)")
_QUOTES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#039;"}


def _valid_unicode(i: int) -> bool:
    return (
        i in (0x9, 0xA, 0xD)
        or 0x20 <= i <= 0xD7FF
        or 0xE000 <= i <= 0xFFFD
        or 0x10000 <= i <= 0x10FFFF
    )


def _norm_dec(m: re.Match[str]) -> str:
    digits = m.group(1)
    if _valid_unicode(int(digits)):
        return "&#" + (digits.lstrip("0")).rjust(3, "0") + ";"
    return f"&amp;#{digits};"


def _norm_hex(m: re.Match[str]) -> str:
    digits = m.group(1)
    if not _valid_unicode(int(digits, 16)):
        return f"&amp;#x{digits};"
    return "&#x" + digits.lstrip("0") + ";"


def _norm_named(m: re.Match[str]) -> str:
    name = m.group(1)
    return f"&{name};" if name in _ALLOWED_ENTITY_NAMES else f"&amp;{name};"


def htmlspecialchars(text: str, *, double_encode: bool = True, quotes: bool = True) -> str:
    """PHP's `htmlspecialchars()` with ENT_QUOTES (or ENT_NOQUOTES) | ENT_HTML401."""
    table = _QUOTES if quotes else {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
    if double_encode:
        return "".join(table.get(c, c) for c in text) if _SPECIAL.search(text) else text
    out: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        c = text[pos]
        if c == "&":
            m = _ENTITY_AT.match(text, pos)
            if m and (m.group(1) is None or m.group(1) in _HTML401_NAMES):
                out.append(m.group(0))
                pos = m.end()
                continue
        out.append(table.get(c, c))
        pos += 1
    return "".join(out)


def _specialchars(text: str) -> str:
    if not text or not _SPECIAL.search(text):
        return text
    return htmlspecialchars(wp_kses_normalize_entities(text), double_encode=False)


_URL_STRIP = re.compile(r"[^a-z0-9\-~+_.?#=!&;,/:%@$|*'()\[\]\x80-\U0010ffff]", re.I)
_CRLF = ("%0d", "%0a", "%0D", "%0A")
_PHP_FILE = re.compile(r"^[a-z0-9-]+?\.php", re.I)
_NULLS = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F]")
_SLASH_ZERO = re.compile(r"\\+0+")
_COLON_FIX = re.compile(r"(&#0*58(?![;0-9])|&#x0*3a(?![;a-f0-9]))", re.I)
_COLON_SPLIT = re.compile(r":|&#0*58;|&#x0*3a;|&colon;", re.I)
_DEC_ENTITY = re.compile(r"&#([0-9]+);")
_HEX_ENTITY = re.compile(r"&#[Xx]([0-9A-Fa-f]+);")
_WHITESPACE = re.compile(r"\s")


def _deep_replace(search: tuple[str, ...], subject: str) -> str:
    found = True
    while found:
        found = False
        for s in search:
            if s in subject:
                found = True
                subject = subject.replace(s, "")
    return subject


def _no_null(content: str) -> str:
    return _SLASH_ZERO.sub("", _NULLS.sub("", content))


def _chr(cp: int) -> str:
    try:
        return chr(cp)
    except (ValueError, OverflowError):
        return ""


def _bad_protocol_once2(scheme: str, allowed: tuple[str, ...]) -> str:
    scheme = _DEC_ENTITY.sub(lambda m: _chr(int(m.group(1))), scheme)
    scheme = _HEX_ENTITY.sub(lambda m: _chr(int(m.group(1), 16)), scheme)
    scheme = _no_null(_WHITESPACE.sub("", scheme)).lower()
    return f"{scheme}:" if any(p.lower() == scheme for p in allowed) else ""


def _bad_protocol_once(content: str, allowed: tuple[str, ...], count: int = 1) -> str:
    content = _COLON_FIX.sub(r"\1;", content)
    parts = _COLON_SPLIT.split(content, maxsplit=1)
    if len(parts) == 2 and "/?" not in parts[0]:
        content = parts[1].strip(" \t\n\r\0\x0b")
        protocol = _bad_protocol_once2(parts[0], allowed)
        if protocol == "feed:":
            if count > 2:
                return ""
            content = _bad_protocol_once(content, allowed, count + 1)
            if not content or content == "0":
                return content
        content = protocol + content
    return content


def _bad_protocol(content: str, allowed: tuple[str, ...]) -> str:
    content = _no_null(content)
    if content.startswith("https://") or content.startswith("http://"):
        return content
    for _ in range(6):
        original = content
        content = _bad_protocol_once(content, allowed)
        if content == original:
            return content
    return "" if original != content else content


def _escape_brackets(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        parsed = urlsplit(url)
    except ValueError:
        return url
    front = ""
    if parsed.scheme:
        front += parsed.scheme + "://"
    elif url[0] == "/":
        front += "//"
    netloc = parsed.netloc
    front += netloc
    end_dirty = url.replace(front, "") if front else url
    end_clean = end_dirty.replace("[", "%5B").replace("]", "%5D")
    return url.replace(end_dirty, end_clean)


def esc_url_raw(url: str, protocols: tuple[str, ...] | None = None) -> str:
    """`esc_url_raw()` / `sanitize_url()`: the 'db' context, no entity encoding."""
    return esc_url(url, protocols, context="db")
