"""Paragraphs from blank lines: WordPress's `wpautop()` and `shortcode_unautop()` (formatting.php).

`wpautop` turns double line breaks into `<p>` paragraphs and the remaining single ones into
`<br />`, leaving `<pre>` contents, block-level tags and `<script>`/`<style>`/`<svg>`/`<math>`
newlines alone; `shortcode_unautop` takes back the `<p>` that wpautop wrapped around a shortcode
standing on its own line. The output is byte for byte WordPress 7.1's.

The PCRE patterns are compiled with `re.ASCII` (WordPress runs them on bytes, without `u`) and
once, at import; PCRE's `$` and Python's agree (end, or before a final newline).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Collection
from functools import lru_cache

from pressbox.content.context import RenderContext
from pressbox.content.escaping import PHP_TRIM
from pressbox.content.formatting import wp_html_split
from pressbox.content.pipeline import Step
from pressbox.content.texturize import DEFAULT_SHORTCODE_TAGS

__all__ = [
    "make_shortcode_unautop",
    "shortcode_unautop",
    "unautop",
    "wp_replace_in_html_tags",
    "wpautop",
]

_A = re.ASCII
_I = re.ASCII | re.IGNORECASE

ALLBLOCKS = (
    "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map"
    "|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup"
    "|header|footer|nav|figure|figcaption|details|menu|summary)"
)

_DOUBLE_BR = re.compile(r"<br\s*/?>\s*<br\s*/?>", _A)
_BLOCK_OPEN = re.compile(rf"(<{ALLBLOCKS}[\s/>])", _A)
_BLOCK_CLOSE = re.compile(rf"(</{ALLBLOCKS}>)", _A)
_HR = re.compile(r"(<hr\s*?/?>)", _A)
_OPTION = re.compile(r"<option")
_OPTION_AFTER = re.compile(r"</option>\s*", _A)
_OBJECT_OPEN = re.compile(r"(<object[^>]*>)\s*", _A)
_OBJECT_CLOSE = re.compile(r"</object>")
_PARAM_EMBED = re.compile(r"</?(?:param|embed)[^>]*>\s*", _A)
_MEDIA_OPEN = re.compile(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", _A)
_MEDIA_CLOSE = re.compile(r"[<\[]/(?:audio|video)[>\]]")
_SOURCE_TRACK = re.compile(r"<(?:source|track)[^>]*>\s*", _A)
_FIGCAPTION_OPEN = re.compile(r"<figcaption[^>]*>")
_FIGCAPTION_CLOSE = re.compile(r"</figcaption>\s*", _A)
_MANY_NEWLINES = re.compile(r"\n\n+")
_PARAGRAPHS = re.compile(r"\n\s*\n", _A)
_EMPTY_P = re.compile(r"<p>\s*</p>", _A)
_UNCLOSED_P = re.compile(r"<p>([^<]+)</(div|address|form)>")
_P_AROUND_BLOCK = re.compile(rf"<p>\s*(</?{ALLBLOCKS}[^>]*>)\s*</p>", _A)
_P_AROUND_LI = re.compile(r"<p>(<li.+?)</p>")
_P_BLOCKQUOTE = re.compile(r"<p><blockquote([^>]*)>", _I)
_P_BEFORE_BLOCK = re.compile(rf"<p>\s*(</?{ALLBLOCKS}[^>]*>)", _A)
_P_AFTER_BLOCK = re.compile(rf"(</?{ALLBLOCKS}[^>]*>)\s*</p>", _A)
_PRESERVE = re.compile(r"<(script|style|svg|math).*?</\1>", re.DOTALL)
_NEWLINE_RUN = re.compile(r"\n(?:\s*\n)?", _A)
_BR_AFTER_BLOCK = re.compile(rf"(</?{ALLBLOCKS}[^>]*>)\s*<br />", _A)
_BR_BEFORE_BLOCK = re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", _A)
_TRAILING_NEWLINE_P = re.compile(r"\n</p>$")


_WS = " \t\n\r\f\v"  # PCRE's \s

# Replacement callables: Python expands a `\1` template in Python code on every match,
# a C-level `group(1)` call is several times faster.
_GROUP1 = operator.methodcaller("group", 1)


def _blank_line_then(m: re.Match[str]) -> str:
    return "\n\n" + m.group(1)


def _then_blank_line(m: re.Match[str]) -> str:
    return m.group(1) + "\n\n"


def _drop_space_before(text: str, pattern: re.Pattern[str]) -> str:
    r"""`preg_replace( '/\s*(X)/', '$1', … )` (X itself may end in `\s*`, dropped too).

    Patterns that start with `\s*` are tried at every blank; finding X and trimming the text
    before it gives the same result several times faster.
    """
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()].rstrip(_WS))
        out.append(m.group().rstrip(_WS))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _newlines_to_br(text: str) -> str:
    r"""`preg_replace( '|(?<!<br />)\s*\n|', "<br />\n", … )`, searching for newlines first.

    A match runs from the start of a blank run to its last newline, or from the second blank
    when the run follows `<br />` (then it needs a newline after its first character).
    """
    out: list[str] = []
    pos = 0
    for m in _NEWLINE_RUN.finditer(text):
        first, end = m.start(), m.end()
        run = first
        if run > pos and text[run - 1] in _WS:  # the blanks before it belong to the match
            run = pos + len(text[pos:first].rstrip(_WS))
        if text.endswith("<br />", 0, run):
            run += 1
            if run > first and end == first + 1:
                continue  # the run's only newline directly follows `<br />`
        out.append(text[pos:run])
        out.append("<br />\n")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def wp_replace_in_html_tags(haystack: str, replace_pairs: dict[str, str]) -> str:
    """wp_replace_in_html_tags(): replace only inside HTML elements and comments."""
    parts = wp_html_split(haystack)
    changed = False
    if len(replace_pairs) == 1:
        ((needle, replace),) = replace_pairs.items()
        for i in range(1, len(parts), 2):
            if needle in parts[i]:
                parts[i] = parts[i].replace(needle, replace)
                changed = True
    else:
        # strtr(): longest needles first, no rescanning of replaced text.
        needles = sorted(replace_pairs, key=len, reverse=True)
        strtr = re.compile("|".join(re.escape(n) for n in needles if n))
        for i in range(1, len(parts), 2):
            if any(n in parts[i] for n in replace_pairs):
                parts[i] = strtr.sub(lambda m: replace_pairs[m.group()], parts[i])
                changed = True
    return "".join(parts) if changed else haystack


def _preserve_newlines(m: re.Match[str]) -> str:
    return m.group().replace("\n", "<WPPreserveNewline />")


def autop(text: str, br: bool = True) -> str:
    """wpautop( $text, $br )."""
    if not text.strip(PHP_TRIM):
        return ""
    text += "\n"  # just to make things a little easier, pad the end

    # Pre tags are set aside and put back at the end, untouched.
    pre_tags: dict[str, str] = {}
    if "<pre" in text:
        parts = text.split("</pre>")
        last = parts.pop()
        chunks: list[str] = []
        for part in parts:
            start = part.find("<pre")
            if start == -1:  # malformed HTML: WordPress drops this `</pre>`
                chunks.append(part)
                continue
            name = f"<pre wp-pre-tag-{len(pre_tags)}></pre>"
            pre_tags[name] = part[start:] + "</pre>"
            chunks.append(part[:start] + name)
        chunks.append(last)
        text = "".join(chunks)

    text = _DOUBLE_BR.sub("\n\n", text)
    text = _BLOCK_OPEN.sub(_blank_line_then, text)
    text = _BLOCK_CLOSE.sub(_then_blank_line, text)
    text = _HR.sub(_then_blank_line, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = wp_replace_in_html_tags(text, {"\n": " <!-- wpnl --> "})

    if "<option" in text:
        text = _drop_space_before(text, _OPTION)
        text = _OPTION_AFTER.sub("</option>", text)
    if "</object>" in text:
        text = _OBJECT_OPEN.sub(_GROUP1, text)
        text = _drop_space_before(text, _OBJECT_CLOSE)
        text = _drop_space_before(text, _PARAM_EMBED)
    if "<source" in text or "<track" in text:
        text = _MEDIA_OPEN.sub(_GROUP1, text)
        text = _drop_space_before(text, _MEDIA_CLOSE)
        text = _drop_space_before(text, _SOURCE_TRACK)
    if "<figcaption" in text:
        text = _drop_space_before(text, _FIGCAPTION_OPEN)
        text = _FIGCAPTION_CLOSE.sub("</figcaption>", text)

    text = _MANY_NEWLINES.sub("\n\n", text)
    paragraphs = [p for p in _PARAGRAPHS.split(text) if p]
    text = "".join(f"<p>{p.strip(chr(10))}</p>\n" for p in paragraphs)

    text = _EMPTY_P.sub("", text)
    text = _UNCLOSED_P.sub(lambda m: f"<p>{m.group(1)}</p></{m.group(2)}>", text)
    text = _P_AROUND_BLOCK.sub(_GROUP1, text)
    text = _P_AROUND_LI.sub(_GROUP1, text)
    text = _P_BLOCKQUOTE.sub(lambda m: f"<blockquote{m.group(1)}><p>", text)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = _P_BEFORE_BLOCK.sub(_GROUP1, text)
    text = _P_AFTER_BLOCK.sub(_GROUP1, text)

    if br:
        text = _PRESERVE.sub(_preserve_newlines, text)
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = _newlines_to_br(text)
        text = text.replace("<WPPreserveNewline />", "\n")

    text = _BR_AFTER_BLOCK.sub(_GROUP1, text)
    text = _BR_BEFORE_BLOCK.sub(_GROUP1, text)
    text = _TRAILING_NEWLINE_P.sub("</p>", text)

    # str_replace() with arrays: one placeholder after the other.
    for name, pre in pre_tags.items():
        text = text.replace(name, pre)
    if "<!-- wpnl -->" in text:
        text = text.replace(" <!-- wpnl --> ", "\n").replace("<!-- wpnl -->", "\n")
    return text


def wpautop(text: str, ctx: RenderContext | None = None) -> str:
    """The render step: wpautop() with `$br = true`."""
    return autop(text, True)


_SPACES = r"(?:[\r\n\t \xa0]|&nbsp;)"


@lru_cache(maxsize=32)
def _unautop_regex(tagnames: tuple[str, ...]) -> re.Pattern[str]:
    """shortcode_unautop()'s pattern: a lone shortcode (with its content) inside `<p>`."""
    tags = "|".join(re.escape(t) for t in tagnames)
    return re.compile(
        rf"<p>{_SPACES}*+"
        rf"(\[({tags})(?![\w-])[^\]/]*(?:/(?!\])[^\]/]*)*?"
        rf"(?:/\]|\](?:[^\[]*+(?:\[(?!/\2\])[^\[]*+)*+\[/\2\])?))"
        rf"{_SPACES}*+</p>",
        _A,
    )


def unautop(text: str, shortcode_tags: Collection[str] = DEFAULT_SHORTCODE_TAGS) -> str:
    """shortcode_unautop() with the given registered shortcode names."""
    if not shortcode_tags or "<p>" not in text:
        return text
    return _unautop_regex(tuple(sorted(shortcode_tags))).sub(_GROUP1, text)


def shortcode_unautop(text: str, ctx: RenderContext | None = None) -> str:
    """The render step: shortcode_unautop() with WordPress core's registered shortcodes."""
    return unautop(text, DEFAULT_SHORTCODE_TAGS)


def make_shortcode_unautop(shortcode_tags: Collection[str]) -> Step:
    """A shortcode_unautop render step that knows the site's registered shortcode names."""
    tags = frozenset(shortcode_tags)

    def shortcode_unautop(text: str, ctx: RenderContext) -> str:
        return unautop(text, tags)

    return shortcode_unautop
