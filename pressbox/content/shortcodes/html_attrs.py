"""The kses.php helpers that shortcodes in HTML attributes need.

`wp_kses_attr_parse` / `wp_kses_hair_parse` split a tag into its attributes exactly as
WordPress does; `wp_kses_one_attr` sanitizes one attribute that a shortcode produced. The
allowed-attribute table of `wp_kses_allowed_html('post')` is not ported here: the element must
be one that kses allows, but the attribute name itself is not checked (see `wp_kses_one_attr`).
"""

from __future__ import annotations

import re

from pressbox.content.escaping import URI_ATTRIBUTES, esc_attr, wp_kses_bad_protocol

__all__ = ["KSES_POST_TAGS", "wp_kses_attr_parse", "wp_kses_hair_parse", "wp_kses_one_attr"]

_A = re.ASCII

# The element names of $allowedposttags (kses.php), lowercase.
KSES_POST_TAGS = frozenset(
    (
        "address",
        "a",
        "abbr",
        "acronym",
        "area",
        "article",
        "aside",
        "audio",
        "b",
        "bdo",
        "big",
        "blockquote",
        "br",
        "button",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "data",
        "del",
        "dd",
        "dfn",
        "details",
        "div",
        "dialog",
        "dl",
        "dt",
        "em",
        "fieldset",
        "figure",
        "figcaption",
        "font",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "main",
        "map",
        "mark",
        "menu",
        "meter",
        "nav",
        "object",
        "p",
        "pre",
        "progress",
        "q",
        "rb",
        "rp",
        "rt",
        "rtc",
        "ruby",
        "s",
        "samp",
        "search",
        "span",
        "section",
        "small",
        "strike",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "time",
        "title",
        "tr",
        "track",
        "tt",
        "u",
        "ul",
        "ol",
        "var",
        "video",
        "wbr",
        "math",
        "mtext",
        "mi",
        "mn",
        "mo",
        "mspace",
        "ms",
        "mrow",
        "mfrac",
        "msqrt",
        "mroot",
        "mstyle",
        "merror",
        "mpadded",
        "mphantom",
        "msub",
        "msup",
        "msubsup",
        "munder",
        "mover",
        "munderover",
        "mmultiscripts",
        "mprescripts",
        "mtable",
        "mtr",
        "mtd",
        "semantics",
        "annotation",
        "menclose",
    )
)

_ELEMENT = re.compile(r"^(<\s*)(/\s*)?([a-zA-Z0-9]+\s*)([^>]*)(>?)$", _A)
_XHTML_SLASH = re.compile(r"\s*/\s*$", _A)
_HAIR = r"""
    (?:
        [_a-zA-Z][-_a-zA-Z0-9:.]*
    |
        \[\[?[^\[\]]+\]\]?
    )
    (?:
        \s*=\s*
        (?:
            "[^"]*"
        |
            '[^']*'
        |
            [^\s"']+
            (?:\s|$)
        )
    |
        (?:\s|$)
    )
    \s*
"""
_HAIR_VALID = re.compile(rf"^(?:{_HAIR})+$", re.VERBOSE | _A)
_HAIR_EXTRACT = re.compile(_HAIR, re.VERBOSE | _A)


def wp_kses_hair_parse(attr: str) -> list[str] | None:
    """wp_kses_hair_parse(): the attribute strings (with their whitespace), or None."""
    if attr == "":
        return []
    if not _HAIR_VALID.match(attr):
        return None
    return _HAIR_EXTRACT.findall(attr)


def wp_kses_attr_parse(element: str) -> list[str] | None:
    """wp_kses_attr_parse(): `[front, *attributes, back]` of an opening tag, or None."""
    m = _ELEMENT.match(element)
    if not m:
        return None
    begin, slash, elname, attr, end = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
    if slash is not None:
        return None  # closing elements do not get parsed
    xm = _XHTML_SLASH.search(attr)
    xhtml_slash = ""
    if xm:
        xhtml_slash = xm.group(0)
        attr = attr[: len(attr) - len(xhtml_slash)]
    pieces = wp_kses_hair_parse(attr)
    if pieces is None:
        return None
    return [begin + elname, *pieces, xhtml_slash + end]


_LEAD = re.compile(r"^\s*", _A)
_TRAIL = re.compile(r"\s*$", _A)
_EQUALS = re.compile(r"\s*=\s*", _A)
_NULLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def wp_kses_one_attr(attr: str, element: str) -> str:
    """wp_kses_one_attr(): one `name="value"` attribute, quoted, escaped and URL-checked.

    Known gap: kses's per-element attribute whitelist (`wp_kses_attr_check`) is reduced to the
    element check; an attribute name that kses would drop is kept.
    """
    attr = _NULLS.sub("", attr)
    lead = _LEAD.match(attr)
    lead_text = lead.group(0) if lead else ""
    trail = _TRAIL.search(attr)
    trail_text = trail.group(0) if trail else ""
    attr = (
        attr[len(lead_text) : len(attr) - len(trail_text)] if trail_text else attr[len(lead_text) :]
    )
    split = _EQUALS.split(attr, maxsplit=1)
    name = split[0]
    if len(split) == 2:
        value = split[1]
        quote = value[0] if value else ""
        if quote in ('"', "'"):
            if not value.endswith(quote):
                return ""
            value = value[1:-1]
        else:
            quote = '"'
        value = esc_attr(value)
        if name.lower() in URI_ATTRIBUTES:
            value = wp_kses_bad_protocol(value)
        attr = f"{name}={quote}{value}{quote}"
    if element.lower() not in KSES_POST_TAGS:
        attr = ""
    return lead_text + attr + trail_text
