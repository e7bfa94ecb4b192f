"""A close-enough `sanitize_title()` for the few slugs a WXR leaves to the importer."""

from __future__ import annotations

import re
import unicodedata


def sanitize_title(title: str) -> str:
    """WordPress's `sanitize_title_with_dashes()` for the common case: accents removed,
    lower case, dots and spaces to dashes, other punctuation dropped."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"<[^>]*>", "", text).replace(".", "-")
    text = re.sub(r"[^a-z0-9 _-]", "", text)
    return re.sub(r"[\s-]+", "-", text).strip("-")
