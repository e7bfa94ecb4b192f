"""The shortcode API: WordPress's shortcodes.php.

`get_shortcode_regex`, `shortcode_parse_atts`, `shortcode_atts`, `do_shortcode` (with
`do_shortcodes_in_html_tags` and `unescape_invalid_shortcodes`) and `strip_shortcodes`, driven
by an immutable `ShortcodeRegistry` of tag → handler instead of the `$shortcode_tags` global.
Patterns are compiled with `re.ASCII`, as PCRE without the `u` modifier.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from pressbox.content.context import RenderContext
from pressbox.content.formatting import wp_html_split
from pressbox.content.shortcodes.html_attrs import wp_kses_attr_parse, wp_kses_one_attr
from pressbox.content.shortcodes.phpfuncs import array_key, php_empty, stripcslashes

__all__ = [
    "Attrs",
    "Handler",
    "ShortcodeRegistry",
    "active_registry",
    "do_shortcode",
    "get_shortcode_regex",
    "shortcode_atts",
    "shortcode_parse_atts",
    "strip_shortcodes",
]

_A = re.ASCII

Attrs = dict[str | int, str]
"""Parsed shortcode attributes: named ones lowercased, positional ones under 0, 1, …"""

Handler = Callable[[Attrs, str, str, RenderContext], str]
"""A shortcode callback: `(attrs, content, tag, ctx) -> html`."""

ACTIVE_KEY = "shortcodes.active"  # ctx.state: the registry of the do_shortcode() running now

_INVALID_NAME = re.compile(r"[<>&/\[\]\x00-\x20=]")
_TAG_NAMES = re.compile(r"\[([^<>&/\[\]\x00-\x20=]++)")


class ShortcodeRegistry:
    """Registered shortcodes in registration order (the `$shortcode_tags` of one site)."""

    __slots__ = ("_handlers",)

    def __init__(self, handlers: Iterable[tuple[str, Handler]] = ()) -> None:
        table: dict[str, Handler] = {}
        for tag, handler in handlers:
            # add_shortcode() refuses empty names and reserved characters.
            if tag.strip(" \t\n\r\0\x0b") == "" or _INVALID_NAME.search(tag):
                raise ValueError(f"invalid shortcode name: {tag!r}")
            table[tag] = handler
        self._handlers: Mapping[str, Handler] = MappingProxyType(table)

    @property
    def handlers(self) -> Mapping[str, Handler]:
        return self._handlers

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(self._handlers)

    def __contains__(self, tag: object) -> bool:
        return tag in self._handlers

    def with_handlers(self, handlers: Iterable[tuple[str, Handler]]) -> ShortcodeRegistry:
        """A copy with more (or replaced) shortcodes, as add_shortcode() calls would make."""
        return ShortcodeRegistry([*self._handlers.items(), *handlers])

    def without(self, *tags: str) -> ShortcodeRegistry:
        """A copy without some shortcodes (remove_shortcode())."""
        return ShortcodeRegistry((t, h) for t, h in self._handlers.items() if t not in tags)

    def present_tags(self, text: str) -> tuple[str, ...]:
        """The registered names that occur after a `[` in `text`, in registration order."""
        found = set(_TAG_NAMES.findall(text))
        return tuple(t for t in self._handlers if t in found)


def get_shortcode_regex(tagnames: Iterable[str]) -> str:
    """get_shortcode_regex(): groups 1 `[` escape, 2 name, 3 attributes, 4 `/`, 5 content, 6 `]`."""
    tagregexp = "|".join(re.escape(t) for t in tagnames)
    return (
        r"\[(\[?)"
        rf"({tagregexp})"
        r"(?![\w-])"
        r"([^\]\/]*(?:\/(?!\])[^\]\/]*)*?)"
        r"(?:(\/)\]|\](?:([^\[]*+(?:\[(?!\/\2\])[^\[]*+)*+)\[\/\2\])?)"
        r"(\]?)"
    )


@lru_cache(maxsize=256)
def _compiled(tagnames: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(get_shortcode_regex(tagnames), _A)


_ATTS = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)""",
    _A,
)
_NBSP = re.compile("[\u00a0\u200b]+")
_BALANCED = re.compile(r"^[^<]*+(?:<[^>]*+>[^<]*+)*+$")


def shortcode_parse_atts(text: str) -> Attrs:
    """shortcode_parse_atts(): `name=value` pairs (lowercased names) and positional values."""
    atts: Attrs = {}
    next_index = 0

    def put(key: str | int | None, value: str) -> None:
        nonlocal next_index
        if key is None:
            key = next_index
        key = array_key(key)
        if isinstance(key, int) and key >= next_index:
            next_index = key + 1
        atts[key] = value

    text = _NBSP.sub(" ", text)
    for m in _ATTS.finditer(text):
        g = m.groups()
        if not php_empty(g[0]):
            put(g[0].lower(), stripcslashes(g[1]))
        elif not php_empty(g[2]):
            put(g[2].lower(), stripcslashes(g[3]))
        elif not php_empty(g[4]):
            put(g[4].lower(), stripcslashes(g[5]))
        elif g[6]:
            put(None, stripcslashes(g[6]))
        elif g[7]:
            put(None, stripcslashes(g[7]))
        elif g[8] is not None:
            put(None, stripcslashes(g[8]))
    # Reject any unclosed HTML elements.
    for key, value in atts.items():
        if "<" in value and not _BALANCED.match(value):
            atts[key] = ""
    return atts


def shortcode_atts(pairs: Mapping[str, Any], atts: Mapping[str | int, Any]) -> dict[str, Any]:
    """shortcode_atts(): the known attributes, with defaults for the missing ones."""
    return {name: atts.get(name, default) for name, default in pairs.items()}


def active_registry(ctx: RenderContext) -> ShortcodeRegistry | None:
    """The registry of the do_shortcode() call in progress (handlers recurse with it)."""
    registry = ctx.state.get(ACTIVE_KEY)
    return registry if isinstance(registry, ShortcodeRegistry) else None


def _tag_callback(
    registry: ShortcodeRegistry, ctx: RenderContext
) -> Callable[[re.Match[str]], str]:
    def do_shortcode_tag(m: re.Match[str]) -> str:
        opener, closer = m.group(1), m.group(6)
        if opener == "[" and closer == "]":  # [[tag]] escapes a shortcode
            return m.group(0)[1:-1]
        tag = m.group(2)
        attr = shortcode_parse_atts(m.group(3))
        output = registry.handlers[tag](attr, m.group(5) or "", tag, ctx)
        return opener + output + closer

    return do_shortcode_tag


def do_shortcode(
    text: str,
    ctx: RenderContext,
    registry: ShortcodeRegistry | None = None,
    ignore_html: bool = False,
) -> str:
    """do_shortcode(): run the registered shortcodes of `text`.

    Without `registry`, the one of the enclosing do_shortcode() call is used (as a handler's
    nested `do_shortcode( $content )` sees the global `$shortcode_tags`).
    """
    if "[" not in text:
        return text
    if registry is None:
        registry = active_registry(ctx)
        if registry is None:
            return text
    tagnames = registry.present_tags(text)
    if not tagnames:
        return text
    previous = ctx.state.get(ACTIVE_KEY)
    ctx.state[ACTIVE_KEY] = registry
    try:
        callback = _tag_callback(registry, ctx)
        text = do_shortcodes_in_html_tags(text, ignore_html, tagnames, callback)
        text = _compiled(tagnames).sub(callback, text)
    finally:
        if previous is None:
            ctx.state.pop(ACTIVE_KEY, None)
        else:
            ctx.state[ACTIVE_KEY] = previous
    return unescape_invalid_shortcodes(text)


_NORMALIZE = re.compile(r"&#9[13];")
_BRACKETS = str.maketrans({"[": "&#91;", "]": "&#93;"})
_SHORTCODE_IN_NAME = re.compile(r"^<\s*\[\[?[^\[\]]+\]")
_ELEMENT_NAME = re.compile(r"[a-zA-Z0-9]+")


def do_shortcodes_in_html_tags(
    text: str,
    ignore_html: bool,
    tagnames: tuple[str, ...],
    callback: Callable[[re.Match[str]], str],
) -> str:
    """do_shortcodes_in_html_tags(): expand shortcodes in attributes, hide other brackets."""
    text = _NORMALIZE.sub(lambda m: m.group(0).replace("&#9", "&#09"), text)
    pattern = _compiled(tagnames)
    parts = wp_html_split(text)
    for i, element in enumerate(parts):
        if element == "" or element[0] != "<":
            continue
        noopen, noclose = "[" not in element, "]" not in element
        if noopen or noclose:
            if noopen != noclose:  # a stray bracket
                parts[i] = element.translate(_BRACKETS)
            continue
        if ignore_html or element.startswith("<!--") or element.startswith("<![CDATA["):
            parts[i] = element.translate(_BRACKETS)
            continue
        attributes = wp_kses_attr_parse(element)
        if attributes is None:
            # Some plugins are doing things like [name] <[email]>.
            if _SHORTCODE_IN_NAME.match(element):
                element = pattern.sub(callback, element)
            parts[i] = element.translate(_BRACKETS)
            continue
        front, back = attributes[0], attributes[-1]
        attrs = attributes[1:-1]
        name = _ELEMENT_NAME.search(front)
        elname = name.group(0) if name else ""
        for j, attr in enumerate(attrs):
            open_at, close_at = attr.find("["), attr.find("]")
            if open_at < 0 or close_at < 0:
                continue
            double, single = attr.find('"'), attr.find("'")
            if (single < 0 or open_at < single) and (double < 0 or open_at < double):
                # A shortcode in the name position implies unfiltered_html.
                attrs[j] = pattern.sub(callback, attr)
            else:
                new_attr, count = pattern.subn(callback, attr)
                if count > 0:
                    new_attr = wp_kses_one_attr(new_attr, elname)
                    if new_attr.strip(" \t\n\r\0\x0b") != "":
                        attrs[j] = new_attr
        parts[i] = (front + "".join(attrs) + back).translate(_BRACKETS)
    return "".join(parts)


def unescape_invalid_shortcodes(text: str) -> str:
    """unescape_invalid_shortcodes(): put back the brackets hidden inside HTML tags."""
    if "&#9" not in text:
        return text
    return text.replace("&#91;", "[").replace("&#93;", "]")


def _strip_shortcode_tag(m: re.Match[str]) -> str:
    if m.group(1) == "[" and m.group(6) == "]":
        return m.group(0)[1:-1]
    return m.group(1) + m.group(6)


def strip_shortcodes(text: str, tags: Iterable[str]) -> str:
    """strip_shortcodes(): remove the given registered shortcodes (and their content)."""
    if "[" not in text:
        return text
    found = set(_TAG_NAMES.findall(text))
    tagnames = tuple(t for t in tags if t in found)
    if not tagnames:
        return text
    text = do_shortcodes_in_html_tags(text, True, tagnames, _strip_shortcode_tag)
    text = _compiled(tagnames).sub(_strip_shortcode_tag, text)
    return unescape_invalid_shortcodes(text)
