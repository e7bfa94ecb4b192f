"""Text ordering like MySQL's `utf8mb4_unicode_520_ci`, for backends that lack it (SQLite).

WordPress sites sort titles, slugs and names with the database's Unicode collation: case and
accents do not count, and whitespace < punctuation < symbols < digits < letters. This key
reproduces that order closely enough for the sorts the REST API exposes.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

COLLATION = "wp_unicode_ci"


@lru_cache(maxsize=65536)
def collation_key(value: str) -> tuple[tuple[int, str], ...]:
    out: list[tuple[int, str]] = []
    for ch in unicodedata.normalize("NFKD", value):
        if unicodedata.combining(ch):
            continue
        cat = unicodedata.category(ch)
        if cat[0] == "Z" or ch in "\t\n\r":
            rank = 0
        elif cat[0] == "P":
            rank = 1
        elif cat[0] == "S":
            rank = 2
        elif cat[0] == "N":
            rank = 3
        else:
            rank = 4
        out.append((rank, ch.casefold()))
    return tuple(out)


def compare(a: str | None, b: str | None) -> int:
    ka, kb = collation_key(a or ""), collation_key(b or "")
    return (ka > kb) - (ka < kb)


def register_sqlite(dbapi_conn: object) -> None:
    """Make the collation available to a stdlib sqlite3 connection."""
    dbapi_conn.create_collation(COLLATION, compare)  # type: ignore[attr-defined]
