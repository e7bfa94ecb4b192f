"""Shortcodes: WordPress's shortcode API (shortcodes.php) and core's shortcodes (media.php).

- `engine`: `get_shortcode_regex`, `shortcode_parse_atts`, `shortcode_atts`, `do_shortcode`,
  `strip_shortcodes` over a `ShortcodeRegistry` (re-exported here);
- `core`: `CORE_SHORTCODES` and the render steps `do_shortcode` / `make_do_shortcode`;
- `caption`, `gallery`, `media`: the handlers; `phpfuncs`, `html_attrs`: PHP and kses helpers.

This module imports only the engine, so that `media_html` (which the handlers use) can import
the helpers without a cycle.
"""

from __future__ import annotations

from pressbox.content.shortcodes.engine import (
    Attrs,
    Handler,
    ShortcodeRegistry,
    do_shortcode,
    get_shortcode_regex,
    shortcode_atts,
    shortcode_parse_atts,
    strip_shortcodes,
)

__all__ = [
    "Attrs",
    "Handler",
    "ShortcodeRegistry",
    "do_shortcode",
    "get_shortcode_regex",
    "shortcode_atts",
    "shortcode_parse_atts",
    "strip_shortcodes",
]
