"""File extension → MIME type, as WordPress's `wp_check_filetype()` decides it.

The table is `wp_get_mime_types()` of WordPress 7.1 minus what `get_allowed_mime_types()`
removes for every user (`swf`, `exe`); the WordPress Importer gives an imported attachment the
type that `wp_check_filetype()` finds for its file name.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pressbox.mime import MIME_TYPES

# (extensions separated by `|`, MIME type), in WordPress's order: the first match wins;
# `get_allowed_mime_types()` removes `swf` and `exe` for every user.
WP_MIME_TYPES: tuple[tuple[str, str], ...] = tuple(
    (exts, mime) for exts, mime in MIME_TYPES if exts not in ("swf", "exe")
)

_BY_EXTENSION: dict[str, str] = {}
for _exts, _mime in WP_MIME_TYPES:
    for _ext in _exts.split("|"):
        _BY_EXTENSION.setdefault(_ext, _mime)


def mime_type_for(url_or_path: str) -> str:
    """The MIME type of a file named by a URL or path, or `""` when WordPress knows none."""
    path = urlsplit(url_or_path).path if "://" in url_or_path else url_or_path
    _, dot, ext = path.rpartition(".")
    if not dot or "/" in ext:
        return ""
    return _BY_EXTENSION.get(ext.lower(), "")
