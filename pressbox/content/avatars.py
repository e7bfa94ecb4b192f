"""Gravatar URLs as WordPress 7.1 builds them (`get_avatar_data()` / `get_avatar_url()`).

The hash is SHA-256 of the trimmed, ASCII-lowercased email; the query carries the size, the
default image (`avatar_default`, `mystery` → `mm`), `f=y` when forced and the rating
(`avatar_rating`, lowercased), each dropped when empty as `array_filter()` does.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote

GRAVATAR_BASE = "https://secure.gravatar.com/avatar/"
# rest_get_avatar_sizes(): the sizes the REST API lists in `avatar_urls`.
REST_AVATAR_SIZES = (24, 48, 96)

# PHP's trim() default characters.
_PHP_TRIM = " \t\n\r\0\x0b"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Scripts for which WordPress takes the first two characters as initials.
_CJK_PREFIXES = ("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA", "KATAKANA", "HANGUL")


@dataclass(frozen=True)
class AvatarOptions:
    """The site options `get_avatar_data()` reads."""

    default: str = "mystery"  # avatar_default
    rating: str = ""  # avatar_rating
    show: bool = True  # show_avatars

    @classmethod
    def from_options(cls, option: Callable[[str, Any], Any]) -> AvatarOptions:
        """Read `avatar_default`, `avatar_rating` and `show_avatars` through `option(name, default)`."""
        default = option("avatar_default", "mystery")
        rating = option("avatar_rating", "")
        show = option("show_avatars", "")
        return cls(
            default=str(default) if default else "mystery",
            rating="" if rating in (None, False) else str(rating),
            show=bool(show) and show not in ("0", 0),
        )


def email_hash(email: str) -> str:
    """SHA-256 of the trimmed email, lowercased as PHP 8's `strtolower()` does (ASCII only)."""
    return hashlib.sha256(email.strip(_PHP_TRIM).translate(_ASCII_LOWER).encode()).hexdigest()


def _default_image(value: str) -> str:
    if value in ("mm", "mystery", "mysteryman"):
        return "mm"
    if value == "gravatar_default":
        return ""  # false: Gravatar's own default
    return value


def _is_cjk(name: str) -> bool:
    return any(unicodedata.name(ch, "").startswith(_CJK_PREFIXES) for ch in name)


def initials(name: str) -> str:
    """The `initials` parameter for the `initials` default image."""
    if " " not in name or _is_cjk(name):
        return name[:2]
    # WordPress takes a byte offset from strrpos() and uses it as a character offset in
    # mb_substr(), so names with multibyte characters before the last space pick another letter.
    index = name.encode().rfind(b" ") + 1
    return name[0] + name[index : index + 1]


def initials_name(display_name: str, first_name: str, last_name: str, login: str) -> str:
    """The name WordPress derives initials from for a user."""
    if display_name != "":
        return display_name
    if first_name != "" and last_name != "":
        return f"{first_name} {last_name}"
    return login


def get_avatar_url(
    email: str,
    size: int,
    options: AvatarOptions,
    *,
    name: str = "",
    force_default: bool = False,
) -> str:
    """`get_avatar_url()` for an email address (`name` feeds the `initials` default)."""
    size = abs(int(size)) or 96
    default = _default_image(options.default or "mystery")
    digest = email_hash(email) if email else ""
    args: list[tuple[str, str]] = [
        ("s", str(size)),
        ("d", default),
        ("f", "y" if force_default else ""),
        ("r", options.rating.translate(_ASCII_LOWER)),
    ]
    if default == "initials" and name != "":
        args.append(("initials", initials(name)))
    # array_filter() drops falsy values ('' and '0'); rawurlencode_deep() encodes the rest.
    query = "&".join(f"{k}={quote(v, safe='-_.~')}" for k, v in args if v not in ("", "0"))
    return GRAVATAR_BASE + digest + ("?" + query if query else "")


def avatar_urls(
    email: str,
    options: AvatarOptions,
    *,
    name: str = "",
    sizes: Iterable[int] = REST_AVATAR_SIZES,
) -> dict[str, str]:
    """`rest_get_avatar_urls()`: size (as a JSON object key) → URL."""
    return dict(_avatar_urls(email, options, name, tuple(sizes)))


@lru_cache(maxsize=4096)
def _avatar_urls(
    email: str, options: AvatarOptions, name: str, sizes: tuple[int, ...]
) -> tuple[tuple[str, str], ...]:
    # A pure function of its arguments: every comment of a thread by one author hashes once.
    return tuple((str(size), get_avatar_url(email, size, options, name=name)) for size in sizes)
