"""String sanitizers the REST API applies to arguments.

Counterparts: `sanitize_text_field()`, `sanitize_textarea_field()` (`_sanitize_text_fields()`
with `wp_pre_kses_less_than()`), `sanitize_key()`, `sanitize_hex_color()` and
`sanitize_email()`. They share rendering's ports: escaping (`esc_html()`) and URLs
(`sanitize_url()`) in `pressbox.content.escaping`, `wp_strip_all_tags()` (PHP's `strip_tags()`)
in `pressbox.content.formatting`.
"""

from __future__ import annotations

import re
from typing import Any

from pressbox.content.escaping import esc_html
from pressbox.content.formatting import wp_strip_all_tags
from pressbox.schema import _php

_PHP_TRIM = " \t\n\r\0\x0b"
_C_SPACE = " \t\n\x0b\x0c\r"

_LESS_THAN = re.compile(r"<[^>]*?((?=<)|>|$)")
_PERCENT = re.compile(r"%[a-f0-9]{2}", re.IGNORECASE | re.ASCII)


def _has_invalid_utf8(text: str) -> bool:
    # A str decoded with `surrogateescape` carries invalid bytes as lone surrogates.
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


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
