"""String sanitizers the REST API applies to arguments.

Counterparts: `sanitize_text_field()`, `sanitize_textarea_field()` (`_sanitize_text_fields()`
with `wp_pre_kses_less_than()`, `wp_strip_all_tags()`, PHP's `strip_tags()` and `esc_html()`),
`sanitize_key()`, `sanitize_hex_color()` and `sanitize_email()`. URLs are in `urls`.
"""

from __future__ import annotations

import html.entities
import re
from typing import Any

from pressbox.schema import _php

_PHP_TRIM = " \t\n\r\0\x0b"
_C_SPACE = " \t\n\x0b\x0c\r"

# WordPress's $allowedentitynames: the HTML 4 entities, and `apos`.
ALLOWED_ENTITY_NAMES = frozenset(html.entities.name2codepoint) | {"apos"}
_HTML401_ENTITY_NAMES = frozenset(html.entities.name2codepoint)

_LESS_THAN = re.compile(r"<[^>]*?((?=<)|>|$)")
_SCRIPT_STYLE = re.compile(r"<(script|style)[^>]*?>.*?</\1>", re.IGNORECASE | re.DOTALL | re.ASCII)
_PERCENT = re.compile(r"%[a-f0-9]{2}", re.IGNORECASE | re.ASCII)
_NUM_ENTITY = re.compile(r"&amp;#(0*[1-9][0-9]{0,6});")
_HEX_ENTITY = re.compile(r"&amp;#[Xx](0*[1-9A-Fa-f][0-9A-Fa-f]{0,5});")
_NAMED_ENTITY = re.compile(r"&amp;([A-Za-z]{2,8}[0-9]{0,2});")
_SPECIAL_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z0-9]+);")


def _has_invalid_utf8(text: str) -> bool:
    # A str decoded with `surrogateescape` carries invalid bytes as lone surrogates.
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def _valid_unicode(cp: int) -> bool:
    return (
        cp in (0x9, 0xA, 0xD)
        or 0x20 <= cp <= 0xD7FF
        or 0xE000 <= cp <= 0xFFFD
        or 0x10000 <= cp <= 0x10FFFF
    )


def _normalize_decimal(m: re.Match[str]) -> str:
    digits = m.group(1)
    if _valid_unicode(int(digits)):
        return "&#" + digits.lstrip("0").rjust(3, "0") + ";"
    return f"&amp;#{digits};"


def _normalize_hex(m: re.Match[str]) -> str:
    digits = m.group(1)
    if _valid_unicode(int(digits, 16)):
        return "&#x" + digits.lstrip("0") + ";"
    return f"&amp;#x{digits};"


def wp_kses_normalize_entities(text: str) -> str:
    """Turn every `&` that does not start a valid entity into `&amp;` (HTML context)."""
    text = text.replace("&", "&amp;")
    text = _NUM_ENTITY.sub(_normalize_decimal, text)
    text = _HEX_ENTITY.sub(_normalize_hex, text)
    return _NAMED_ENTITY.sub(
        lambda m: (
            f"&{m.group(1)};" if m.group(1) in ALLOWED_ENTITY_NAMES else f"&amp;{m.group(1)};"
        ),
        text,
    )


def _keep_entity(entity: str) -> bool:
    """Whether `htmlspecialchars(..., double_encode: false)` leaves this `&...;` alone."""
    if entity.startswith("&#"):
        body = entity[2:-1]
        cp = int(body[1:], 16) if body[:1] in ("x", "X") else int(body)
        return cp <= 0x10FFFF
    return entity[1:-1] in _HTML401_ENTITY_NAMES


def esc_html(text: str) -> str:
    """`esc_html()`: escape `& < > " '` without double-encoding valid entities."""
    if _has_invalid_utf8(text):
        return ""
    if not re.search(r"[&<>\"']", text):
        return text
    text = wp_kses_normalize_entities(text)
    out: list[str] = []
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch == "&":
            m = _SPECIAL_ENTITY.match(text, pos)
            if m and _keep_entity(m.group(0)):
                out.append(m.group(0))
                pos = m.end()
                continue
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "'":
            out.append("&#039;")
        else:
            out.append(ch)
        pos += 1
    return "".join(out)


def strip_tags(text: str) -> str:
    """PHP's `strip_tags()` with no allowed tags: its state machine, character by character."""
    out: list[str] = []
    state = depth = 0
    in_q = lc = ""
    is_xml = False
    br = 0
    n = len(text)
    i = 0

    def prev(k: int) -> str:
        return text[i - k] if i - k >= 0 else ""

    while i < n:
        c = text[i]
        if state == 0:
            if c == "\0":
                pass
            elif c == "<":
                if in_q:
                    pass
                elif i + 1 < n and text[i + 1] in _C_SPACE:
                    out.append(c)
                else:
                    lc = "<"
                    state = 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    out.append(c)
            else:
                out.append(c)
        elif state == 1:
            if c == "<":
                if not in_q and not (i + 1 < n and text[i + 1] in _C_SPACE):
                    depth += 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    lc = ">"
                    if not (is_xml and prev(1) == "-"):
                        in_q, state, is_xml = "", 0, False
            elif c in "\"'":
                if i != 0 and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c == "!" and prev(1) == "<":
                state, lc = 3, c
            elif c == "?" and prev(1) == "<":
                br, state = 0, 2
        elif state == 2:
            if c == "(":
                if lc not in "\"'" or lc == "":
                    lc, br = "(", br + 1
            elif c == ")":
                if lc not in "\"'" or lc == "":
                    lc, br = ")", br - 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q and not br and lc != '"' and prev(1) == "?":
                    in_q, state = "", 0
            elif c in "\"'":
                if i >= 1 and prev(1) != "\\":
                    if lc == c:
                        lc = "\0"
                    elif lc != "\\":
                        lc = c
                    if not in_q or c == in_q:
                        in_q = "" if in_q else c
            elif (
                c in "lL"
                and i > 4
                and prev(1) in "mM"
                and prev(2) in "xX"
                and prev(3) == "?"
                and prev(4) == "<"
            ):
                state, is_xml = 1, True
        elif state == 3:
            if c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    in_q, state = "", 0
            elif c in "\"'":
                if i != 0 and prev(1) != "\\" and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c == "-" and i >= 2 and prev(1) == "-" and prev(2) == "!":
                state = 4
            elif c in "eE" and i > 6 and _php.strtolower(text[i - 6 : i]) == "doctyp":
                state = 1
        elif c == ">" and not in_q and i >= 2 and prev(1) == "-" and prev(2) == "-":
            in_q, state = "", 0
        i += 1
    return "".join(out)


def wp_strip_all_tags(text: str, remove_breaks: bool = False) -> str:
    """Remove tags, and the contents of `<script>` and `<style>` elements."""
    text = _SCRIPT_STYLE.sub("", text)
    text = strip_tags(text)
    if remove_breaks:
        text = re.sub(r"[\r\n\t ]+", " ", text)
    return text.strip(_PHP_TRIM)


def _pre_kses_less_than(text: str) -> str:
    return _LESS_THAN.sub(lambda m: m.group(0) if ">" in m.group(0) else esc_html(m.group(0)), text)


def _sanitize_text_fields(value: Any, keep_newlines: bool) -> str:
    if isinstance(value, list | dict):
        return ""
    filtered = _php.to_str(value)
    if _has_invalid_utf8(filtered):
        return ""
    if "<" in filtered:
        filtered = _pre_kses_less_than(filtered)
        filtered = wp_strip_all_tags(filtered)
        filtered = filtered.replace("<\n", "&lt;\n")
    if not keep_newlines:
        filtered = re.sub(r"[\r\n\t ]+", " ", filtered)
    filtered = filtered.strip(_PHP_TRIM)
    found = False
    while m := _PERCENT.search(filtered):
        filtered = filtered.replace(m.group(0), "")
        found = True
    if found:
        filtered = re.sub(r" +", " ", filtered).strip(_PHP_TRIM)
    return filtered


def sanitize_text_field(value: Any) -> str:
    """Strip tags, line breaks, tabs, extra whitespace and percent-encoded octets."""
    return _sanitize_text_fields(value, False)


def sanitize_textarea_field(value: Any) -> str:
    """As `sanitize_text_field()`, keeping line breaks."""
    return _sanitize_text_fields(value, True)


def sanitize_key(value: Any) -> str:
    """Lowercase alphanumerics, dashes and underscores only."""
    if not _php.is_scalar(value):
        return ""
    return re.sub(r"[^a-z0-9_\-]", "", _php.strtolower(_php.to_str(value)))


def sanitize_hex_color(color: str) -> str | None:
    """The color when it is `#` and 3 or 6 hex digits, "" for "", else None."""
    if color == "":
        return ""
    return color if re.match(r"^#([A-Fa-f0-9]{3}){1,2}$", color) else None


def sanitize_email(email: str) -> str:
    """`sanitize_email()`: drop the characters and labels `is_email()` would refuse."""
    if len(email.encode("utf-8", "surrogatepass")) < 6 or email.find("@", 1) == -1:
        return ""
    local, domain = email.split("@", 1)
    local = re.sub(r"[^a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]", "", local)
    if local == "":
        return ""
    domain = re.sub(r"\.{2,}", "", domain)
    if domain == "":
        return ""
    domain = domain.strip(_PHP_TRIM + ".")
    if domain == "":
        return ""
    subs = domain.split(".")
    if len(subs) < 2:
        return ""
    new_subs = []
    for sub in subs:
        sub = re.sub(r"[^a-z0-9-]+", "", sub.strip(_PHP_TRIM + "-"), flags=re.IGNORECASE | re.ASCII)
        if sub != "":
            new_subs.append(sub)
    if len(new_subs) < 2:
        return ""
    return local + "@" + ".".join(new_subs)
