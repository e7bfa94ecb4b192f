"""WordPress's escaping of text and URLs, for output and for storage: one port for every layer.

Counterparts: `esc_html()` and `esc_attr()` (`wp_check_invalid_utf8()`, then
`_wp_specialchars()` with ENT_QUOTES: `wp_kses_normalize_entities()` and PHP's
`htmlspecialchars()` without double encoding), `esc_url()` and `sanitize_url()`
(`esc_url_raw()`), `wp_kses_bad_protocol()` with `wp_kses_no_null()`, and
`wp_allowed_protocols()`. Each returns byte for byte what WordPress 7.1 returns; patterns are
compiled with `re.ASCII`, as PCRE without `u`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.entities import name2codepoint

from pressbox.content.parse_url import encode_brackets

_A = re.ASCII
PHP_TRIM = " \t\n\r\0\x0b"  # the characters PHP's trim() strips by default
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# A str decoded with `surrogateescape` carries invalid UTF-8 bytes as lone surrogates.
_INVALID_UTF8 = re.compile("[\ud800-\udfff]")

# --- text -----------------------------------------------------------------------------------

ALLOWED_ENTITY_NAMES: frozenset[str] = frozenset(name2codepoint) | {"apos"}  # kses.php
_HTML4_ENTITY_NAMES: frozenset[str] = frozenset(name2codepoint)
_NORM_DEC = re.compile(r"&amp;#(0*[1-9][0-9]{0,6});")
_NORM_HEX = re.compile(r"&amp;#[Xx](0*[1-9A-Fa-f][0-9A-Fa-f]{0,5});")
_NORM_NAMED = re.compile(r"&amp;([A-Za-z]{2,8}[0-9]{0,2});")
_SPECIAL = re.compile(r"[<>\"']|&(?:#([0-9]+);|#[xX]([0-9a-fA-F]+);|([A-Za-z0-9]+);)?")
_SPECIAL_MAP = {"<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#039;"}


def valid_unicode(i: int) -> bool:
    """valid_unicode(): a code point XML allows."""
    return (
        i in (0x9, 0xA, 0xD)
        or 0x20 <= i <= 0xD7FF
        or 0xE000 <= i <= 0xFFFD
        or 0x10000 <= i <= 0x10FFFF
    )


def _norm_dec(m: re.Match[str]) -> str:
    i = m.group(1)
    return f"&#{i.lstrip('0').rjust(3, '0')};" if valid_unicode(int(i)) else f"&amp;#{i};"


def _norm_hex(m: re.Match[str]) -> str:
    h = m.group(1)
    return f"&#x{h.lstrip('0')};" if valid_unicode(int(h, 16)) else f"&amp;#x{h};"


def _norm_named(m: re.Match[str]) -> str:
    name = m.group(1)
    return f"&{name};" if name in ALLOWED_ENTITY_NAMES else f"&amp;{name};"


def wp_kses_normalize_entities(text: str) -> str:
    """wp_kses_normalize_entities() in the 'html' context."""
    text = text.replace("&", "&amp;")
    text = _NORM_DEC.sub(_norm_dec, text)
    text = _NORM_HEX.sub(_norm_hex, text)
    return _NORM_NAMED.sub(_norm_named, text)


def _special(m: re.Match[str]) -> str:
    s = m.group()
    if s[0] != "&":
        return _SPECIAL_MAP[s]
    dec, hexa, name = m.groups()
    # htmlspecialchars( …, ENT_QUOTES, …, false ) keeps HTML 4.01 entities and code points.
    if (dec is not None and int(dec) <= 0x10FFFF) or (
        hexa is not None and int(hexa, 16) <= 0x10FFFF
    ):
        return s
    if name is not None and name in _HTML4_ENTITY_NAMES:
        return s
    return "&amp;" + s[1:]


def _wp_specialchars_quotes(text: str) -> str:
    """_wp_specialchars( $text, ENT_QUOTES ) without double encoding."""
    if not text or not any(c in text for c in "&<>\"'"):
        return text
    return _SPECIAL.sub(_special, wp_kses_normalize_entities(text))


def esc_html(text: str) -> str:
    """esc_html(): escape for HTML text (existing valid entities are kept); '' for invalid UTF-8."""
    return "" if _INVALID_UTF8.search(text) else _wp_specialchars_quotes(text)


def esc_attr(text: str) -> str:
    """esc_attr(): escape for an HTML attribute value; '' for invalid UTF-8."""
    return "" if _INVALID_UTF8.search(text) else _wp_specialchars_quotes(text)


# --- URLs -------------------------------------------------------------------------------------

# wp_kses_uri_attributes(): the attributes whose values are URLs.
URI_ATTRIBUTES = frozenset(
    (
        "action", "archive", "background", "cite", "classid", "codebase", "data", "formaction",
        "href", "icon", "longdesc", "manifest", "poster", "profile", "src", "usemap", "xmlns",
    )
)  # fmt: skip


# fmt: off
ALLOWED_PROTOCOLS: tuple[str, ...] = (
    "http", "https", "ftp", "ftps", "mailto", "news", "irc", "irc6", "ircs", "gopher", "nntp",
    "feed", "telnet", "mms", "rtsp", "sms", "svn", "tel", "fax", "xmpp", "webcal", "urn",
)  # wp_allowed_protocols()
# fmt: on
_URL_STRIP = re.compile(r"[^a-zA-Z0-9\-~+_.?#=!&;,/:%@$|*'()\[\]\x80-\U0010ffff]")
_PHP_FILE = re.compile(r"^[a-z0-9-]+?\.php", _A | re.IGNORECASE)
_NO_NULL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SLASH_ZERO = re.compile(r"\\+0+")
_COLON_ENTITY_FIX = re.compile(r"(&#0*58(?![;0-9])|&#x0*3a(?![;a-f0-9]))", re.IGNORECASE)
_COLON = re.compile(r":|&#0*58;|&#x0*3a;|&colon;", re.IGNORECASE)
_DEC_ENTITY = re.compile(r"&#([0-9]+);")
_HEX_ENTITY = re.compile(r"&#[Xx]([0-9A-Fa-f]+);")


def wp_kses_no_null(text: str) -> str:
    """wp_kses_no_null(): drop control characters and `\\0` sequences."""
    return _SLASH_ZERO.sub("", _NO_NULL.sub("", text))


def _bad_protocol_once2(scheme: str, allowed: Sequence[str]) -> str:
    scheme = _DEC_ENTITY.sub(lambda m: chr(int(m.group(1)) % 256), scheme)
    scheme = _HEX_ENTITY.sub(lambda m: chr(int(m.group(1), 16) % 256), scheme)
    scheme = wp_kses_no_null(re.sub(r"\s", "", scheme, flags=_A))
    scheme = scheme.translate(ASCII_LOWER)
    return f"{scheme}:" if any(p.lower() == scheme for p in allowed) else ""


def _bad_protocol_once(text: str, allowed: Sequence[str], count: int = 1) -> str:
    text = _COLON_ENTITY_FIX.sub(r"\1;", text)
    parts = _COLON.split(text, maxsplit=1)
    if len(parts) > 1 and "/?" not in parts[0]:
        text = parts[1].strip(PHP_TRIM)
        protocol = _bad_protocol_once2(parts[0], allowed)
        if protocol == "feed:":
            if count > 2:
                return ""
            text = _bad_protocol_once(text, allowed, count + 1)
            if text in ("", "0"):  # PHP empty()
                return text
        text = protocol + text
    return text


def wp_kses_bad_protocol(text: str, allowed: Sequence[str] = ALLOWED_PROTOCOLS) -> str:
    """wp_kses_bad_protocol(): remove disallowed URL schemes, recursively."""
    text = wp_kses_no_null(text)
    if (text.startswith("https://") and "https" in allowed) or (
        text.startswith("http://") and "http" in allowed
    ):
        return text
    for _ in range(6):
        original, text = text, _bad_protocol_once(text, allowed)
        if original == text:
            return text
    return ""


def esc_url(url: str, protocols: Sequence[str] | None = None, context: str = "display") -> str:
    """esc_url(): clean a URL for output (`context='db'` is sanitize_url())."""
    if url == "":
        return url
    url = _URL_STRIP.sub("", url.lstrip(PHP_TRIM).replace(" ", "%20"))
    if url == "":
        return url
    if not url.translate(ASCII_LOWER).startswith("mailto:"):
        while any(s in url for s in ("%0d", "%0a", "%0D", "%0A")):  # _deep_replace()
            for s in ("%0d", "%0a", "%0D", "%0A"):
                url = url.replace(s, "")
    url = url.replace(";//", "://")
    if ":" not in url and url[:1] not in ("/", "#", "?") and not _PHP_FILE.match(url):
        url = ("https://" if protocols and protocols[0] == "https" else "http://") + url
    if context == "display":
        url = wp_kses_normalize_entities(url).replace("&amp;", "&#038;").replace("'", "&#039;")
    if "[" in url or "]" in url:
        url = encode_brackets(url)
    if url[0] == "/":
        return url
    good = wp_kses_bad_protocol(url, ALLOWED_PROTOCOLS if protocols is None else protocols)
    return good if good.translate(ASCII_LOWER) == url.translate(ASCII_LOWER) else ""


def sanitize_url(url: str, protocols: Sequence[str] | None = None) -> str:
    """sanitize_url() (esc_url_raw()): a URL cleaned for storage, '' when unsafe."""
    return esc_url(url, protocols, context="db")
