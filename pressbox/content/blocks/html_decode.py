"""Character references in HTML text and attributes, as WordPress's `WP_HTML_Decoder`."""

from __future__ import annotations

from html.entities import html5

__all__ = ["decode_attribute", "decode_text"]

_MAX_NAME = max(len(k) for k in html5)
_WINDOWS_1252 = (
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
)  # fmt: skip
_HEX = frozenset("0123456789abcdefABCDEF")
_DEC = frozenset("0123456789")
_ALNUM_EQ = frozenset("=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _code_point(cp: int) -> str:
    if 0xD800 <= cp <= 0xDFFF or cp > 0x10FFFF:
        return "\ufffd"
    return chr(cp)


def _read(text: str, at: int, attribute: bool) -> tuple[str, int] | None:
    """The decoded reference starting at `text[at] == '&'` and its length, or None."""
    length = len(text)
    if at + 1 >= length:
        return None
    if text[at + 1] == "#":
        if at + 2 >= length:
            return None
        digits_at = at + 2
        if text[digits_at] in "xX":
            allowed, base, max_digits = _HEX, 16, 6
            digits_at += 1
        else:
            allowed, base, max_digits = _DEC, 10, 7
        i = digits_at
        while i < length and text[i] == "0":
            i += 1
        zeros = i - digits_at
        j = i
        while j < length and text[j] in allowed:
            j += 1
        count = j - i
        end = j + 1 if j < length and text[j] == ";" else j
        if count == 0 and zeros == 0:
            return None
        if count == 0 or count > max_digits:
            return "\ufffd", end - at
        cp = int(text[i:j], base)
        if 0x80 <= cp <= 0x9F:
            cp = _WINDOWS_1252[cp - 0x80]
        return _code_point(cp), end - at
    name_at = at + 1
    if name_at + 2 > length:
        return None
    for n in range(min(_MAX_NAME, length - name_at), 1, -1):
        replacement = html5.get(text[name_at : name_at + n])
        if replacement is None:
            continue
        after = name_at + n
        if not attribute or text[after - 1] == ";" or after >= length:
            return replacement, n + 1
        if text[after] in _ALNUM_EQ:
            return None
        return replacement, n + 1
    return None


def _decode(text: str, attribute: bool) -> str:
    if "&" not in text:
        return text
    out: list[str] = []
    was_at = 0
    at = text.find("&")
    while at != -1:
        found = _read(text, at, attribute)
        if found is None:
            at = text.find("&", at + 1)
            continue
        out.append(text[was_at:at])
        out.append(found[0])
        was_at = at + found[1]
        at = text.find("&", was_at)
    out.append(text[was_at:])
    return "".join(out)


def decode_attribute(text: str) -> str:
    """`WP_HTML_Decoder::decode_attribute()`."""
    return _decode(text, True)


def decode_text(text: str) -> str:
    """`WP_HTML_Decoder::decode_text_node()`."""
    return _decode(text, False)
