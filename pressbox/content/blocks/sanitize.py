"""`sanitize_title()` (save context, with dashes) and `sanitize_key()` for block class names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["sanitize_key", "sanitize_title"]

_TAGS = re.compile(r"<[^>]*?>")
_KEEP_OCTETS = re.compile(r"%([a-fA-F0-9][a-fA-F0-9])")
_RESTORE_OCTETS = re.compile(r"---([a-fA-F0-9][a-fA-F0-9])---")
_ENTITIES = re.compile(r"&.+?;")
_BAD = re.compile(r"[^%a-z0-9 _-]")
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"-+")
_KEY = re.compile(r"[^a-z0-9_\-]")
_TO_DASH = ("%c2%a0", "%e2%80%91", "%e2%80%93", "%e2%80%94", "&nbsp;", "&#8209;", "&#160;",
            "&ndash;", "&#8211;", "&mdash;", "&#8212;", "/")  # fmt: skip
_TO_NOTHING = tuple(
    [
        "%c2%ad",
        "%c2%a1",
        "%c2%bf",
        "%c2%ab",
        "%c2%bb",
        "%e2%80%b9",
        "%e2%80%ba",
        "%e2%80%98",
        "%e2%80%99",
        "%e2%80%9c",
        "%e2%80%9d",
        "%e2%80%9a",
        "%e2%80%9b",
        "%e2%80%9e",
        "%e2%80%9f",
        "%e2%80%a2",
        "%c2%a9",
        "%c2%ae",
        "%c2%b0",
        "%e2%80%a6",
        "%e2%84%a2",
        "%c2%b4",
        "%cb%8a",
        "%cc%81",
        "%cd%81",
        "%cc%80",
        "%cc%84",
        "%cc%8c",
        "%e2%80%8b",
        "%e2%80%8c",
        "%e2%80%8d",
        "%e2%80%8e",
        "%e2%80%8f",
        "%e2%80%aa",
        "%e2%80%ab",
        "%e2%80%ac",
        "%e2%80%ad",
        "%e2%80%ae",
        "%ef%bb%bf",
        "%ef%bf%bc",
    ]
)
_SPACE_LIKE = tuple(
    [
        "%e2%80%80",
        "%e2%80%81",
        "%e2%80%82",
        "%e2%80%83",
        "%e2%80%84",
        "%e2%80%85",
        "%e2%80%86",
        "%e2%80%87",
        "%e2%80%88",
        "%e2%80%89",
        "%e2%80%8a",
        "%e2%80%a8",
        "%e2%80%a9",
        "%e2%80%af",
    ]
)


def _remove_accents(text: str) -> str:
    """An approximation of `remove_accents()`: strip diacritics from Latin letters only."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base = decomposed[0]
        if (
            len(decomposed) > 1
            and ord(base) <= 0x024F
            and all(unicodedata.combining(c) for c in decomposed[1:])
        ):
            out.append(base)
        else:
            out.append(_LATIN_EXTRA.get(ch, ch))
    return "".join(out)


_LATIN_EXTRA = {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
                "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D"}  # fmt: skip


def _utf8_uri_encode(text: str) -> str:
    return "".join(
        c if c.isascii() else "".join(f"%{b:02x}" for b in c.encode("utf-8")) for c in text
    )


@lru_cache(maxsize=2048)
def sanitize_title(title: str) -> str:
    """`sanitize_title( $title )`: accents removed, then `sanitize_title_with_dashes( 'save' )`."""
    title = _TAGS.sub("", _remove_accents(title))
    title = _KEEP_OCTETS.sub(r"---\1---", title).replace("%", "")
    title = _RESTORE_OCTETS.sub(r"%\1", title)
    title = _utf8_uri_encode(title.lower()).lower()
    for s in _TO_DASH:
        title = title.replace(s, "-")
    for s in _TO_NOTHING:
        title = title.replace(s, "")
    for s in _SPACE_LIKE:
        title = title.replace(s, "-")
    title = title.replace("%c3%97", "x")
    title = _ENTITIES.sub("", title).replace(".", "-")
    title = _BAD.sub("", title)
    title = _DASHES.sub("-", _SPACES.sub("-", title))
    return title.strip("-")


def sanitize_key(key: str) -> str:
    """`sanitize_key()`: lowercase ASCII letters, digits, `_` and `-`."""
    return _KEY.sub("", key.lower())
