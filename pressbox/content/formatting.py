"""Small text helpers of WordPress's formatting.php (and the bits of kses.php they lean on).

Render steps: `convert_chars`, `capital_P_dangit` (and its `the_title` variant),
`convert_smilies`, `trim`. Helpers used by other steps: `wp_html_split`, `wp_trim_words`,
`wp_strip_all_tags` (with a port of PHP's `strip_tags`), `wp_html_excerpt`,
`normalize_whitespace`, `force_balance_tags`. Escaping is in `escaping`.
Each function names its WordPress counterpart and returns byte for byte what WordPress 7.1
returns with the en_US strings. Patterns are compiled with `re.ASCII`, as PCRE without `u`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from pressbox.content.context import RenderContext
from pressbox.content.escaping import ASCII_LOWER, PHP_TRIM, esc_attr, esc_url

_A = re.ASCII
_C_SPACE = frozenset(" \t\n\v\f\r")  # C isspace() in the "C" locale


def php_truthy(value: Any) -> bool:
    """PHP's boolean cast of an option value ('' and '0' are false)."""
    return bool(value) and value != "0"


def trim(text: str, ctx: RenderContext | None = None) -> str:
    """PHP's trim() as the `the_title` step: only ` \t\n\r\0\x0b`, not Unicode blanks."""
    return text.strip(PHP_TRIM)


# get_html_split_regex(): comments, CDATA sections, or any other element (even unterminated).
_H_COMMENT = r"!(?:-(?!->)[^\-]*+)*+(?:-->)?"
_H_CDATA = r"!\[CDATA\[[^\]]*+(?:\](?!\]>)[^\]]*+)*+(?:\]\]>)?"
HTML_SPLIT = re.compile(
    rf"(<(?:(?=!--|!\[CDATA\[)(?:(?=!-){_H_COMMENT}|(?!!-){_H_CDATA})"
    rf"|(?!!--|!\[CDATA\[)[^>]*>?))"
)


def wp_html_split(text: str) -> list[str]:
    """wp_html_split(): text and elements alternate, elements at odd indices."""
    return HTML_SPLIT.split(text)


# --- convert_chars, capital_P_dangit -------------------------------------------------------

# After a multi-byte character, PHP's lookahead starts inside it (bytes) and always passes.
_CONVERT_CHARS = re.compile(r"&([^#])(?:(?<=[^\x00-\x7f])|(?![a-z1-4]{1,8};))", _A | re.IGNORECASE)


def convert_chars(text: str, ctx: RenderContext | None = None) -> str:
    """convert_chars(): a lone `&` becomes `&#038;`."""
    if "&" in text:
        text = _CONVERT_CHARS.sub(r"&#038;\1", text)
    return text


_DANGIT = (
    (" Wordpress", " WordPress"),
    ("&#8216;Wordpress", "&#8216;WordPress"),
    ("&#8220;Wordpress", "&#8220;WordPress"),
    (">Wordpress", ">WordPress"),
    ("(Wordpress", "(WordPress"),
)


def capital_P_dangit(text: str, ctx: RenderContext | None = None) -> str:
    """capital_P_dangit() outside titles: only after a space, quote, `>` or `(`."""
    if "Wordpress" not in text:
        return text
    for search, replace in _DANGIT:
        text = text.replace(search, replace)
    return text


def capital_P_dangit_title(text: str, ctx: RenderContext | None = None) -> str:
    """capital_P_dangit() as run by `the_title`: every `Wordpress`."""
    return text.replace("Wordpress", "WordPress")


# --- smilies ---------------------------------------------------------------------------------

# smilies_init()'s $wpsmiliestrans: all but :mrgreen: are emoji, output as the character.
SMILIES: dict[str, str] = {
    ":mrgreen:": "mrgreen.png", ":neutral:": "\U0001f610", ":twisted:": "\U0001f608",
    ":arrow:": "\u27a1", ":shock:": "\U0001f62f", ":smile:": "\U0001f642",
    ":???:": "\U0001f615", ":cool:": "\U0001f60e", ":evil:": "\U0001f47f",
    ":grin:": "\U0001f600", ":idea:": "\U0001f4a1", ":oops:": "\U0001f633",
    ":razz:": "\U0001f61b", ":roll:": "\U0001f644", ":wink:": "\U0001f609",
    ":cry:": "\U0001f625", ":eek:": "\U0001f62e", ":lol:": "\U0001f606",
    ":mad:": "\U0001f621", ":sad:": "\U0001f641", "8-)": "\U0001f60e", "8-O": "\U0001f62f",
    ":-(": "\U0001f641", ":-)": "\U0001f642", ":-?": "\U0001f615", ":-D": "\U0001f600",
    ":-P": "\U0001f61b", ":-o": "\U0001f62e", ":-x": "\U0001f621", ":-|": "\U0001f610",
    ";-)": "\U0001f609", "8O": "\U0001f62f", ":(": "\U0001f641", ":)": "\U0001f642",
    ":?": "\U0001f615", ":D": "\U0001f600", ":P": "\U0001f61b", ":o": "\U0001f62e",
    ":x": "\U0001f621", ":|": "\U0001f610", ";)": "\U0001f609", ":!:": "\u2757",
    ":?:": "\u2753",
}  # fmt: skip


def _smilies_search(smilies: Collection[str]) -> re.Pattern[str]:
    """smilies_init()'s $wp_smiliessearch: one alternation per first character, longest first.

    `(?<=spaces|^)X(?:rest…)` is written `X(?:(?<=spaceX)|…)(?:rest…)` so that the regex
    engine scans for the first character instead of trying every position (10 times faster).
    """
    after = r"(?=[\r\n\t \xa0]|&nbsp;|$)"
    groups: dict[str, list[str]] = {}
    for smiley in sorted(smilies, reverse=True):  # krsort(): reverse byte order
        groups.setdefault(smiley[0], []).append(re.escape(smiley[1:]))
    alternatives = []
    for first, rests in groups.items():
        x = re.escape(first)
        before = f"(?:(?<=[\\r\\n\\t \\xa0]{x})|(?<=&nbsp;{x})|(?<=^{x}))"
        alternatives.append(f"{x}{before}(?:{'|'.join(rests)}){after}")
    return re.compile("|".join(alternatives), _A | re.MULTILINE)


_SMILIES_SEARCH = _smilies_search(SMILIES)
# Any smiley code at all, whatever surrounds it: most texts have none and are returned as is.
_SMILIES_ANYWHERE = re.compile("|".join(re.escape(s) for s in sorted(SMILIES, reverse=True)))
_SMILEY_TAGS = re.compile(r"(<[^>]*>)")
_SMILEY_IGNORE = re.compile(r"^<(code|pre|style|script|textarea)[^>]*>")
_IMAGE_EXT = re.compile(r"\.([^.]+)$")
_IMAGE_EXTS = frozenset({"jpg", "jpeg", "jpe", "gif", "png", "webp", "avif"})


def translate_smiley(smiley: str, site_url: str) -> str:
    """translate_smiley(): the emoji, or an `<img>` for image smilies."""
    smiley = smiley.strip(PHP_TRIM)
    img = SMILIES[smiley]
    ext = _IMAGE_EXT.search(img)
    if not ext or ext.group(1).lower() not in _IMAGE_EXTS:
        return img
    src = f"{site_url}/wp-includes/images/smilies/{img}"  # includes_url()
    return (
        f'<img src="{esc_url(src)}" alt="{esc_attr(smiley)}" class="wp-smiley" '
        'style="height: 1em; max-height: 1em;" />'
    )


def convert_smilies(text: str, ctx: RenderContext) -> str:
    """convert_smilies(): smiley codes outside tags and code/pre/style/script/textarea.

    The `use_smilies` option is 1 on every WordPress install; a missing row counts as 1 too.
    """
    if not php_truthy(ctx.data.option("use_smilies", "1")) or not _SMILIES_ANYWHERE.search(text):
        return text
    site_url = str(ctx.data.option("siteurl", "") or ctx.data.home_url()).rstrip("/")
    parts = _SMILEY_TAGS.split(text)
    ignore = ""
    for i, content in enumerate(parts):
        if not ignore:
            m = _SMILEY_IGNORE.match(content)
            if m:
                ignore = m.group(1)
        if not ignore and content and content[0] != "<":
            parts[i] = _SMILIES_SEARCH.sub(lambda m: translate_smiley(m.group(), site_url), content)
        if ignore and content == f"</{ignore}>":
            ignore = ""
    return "".join(parts)


# --- stripping tags, trimming words ----------------------------------------------------------

# What each strip_tags() state must look at; everything else is skipped in bulk.
_STRIP_NEXT = (
    re.compile(r"[<>\x00]"),
    re.compile(r"[<>\"'!?]"),
    re.compile(r"[()>\"'lL]"),
    re.compile(r"[>\"'\-eE]"),
    re.compile(r">"),
)


def strip_tags(text: str) -> str:
    """PHP 8's strip_tags() without allowed tags (php_strip_tags_ex's state machine)."""
    if "<" not in text and ">" not in text and "\0" not in text:
        return text
    out: list[str] = []
    n = len(text)
    state = depth = br = 0
    in_q = lc = ""
    is_xml = False
    p = 0
    while p < n:
        m = _STRIP_NEXT[state].search(text, p)
        if m is None:
            if state == 0:
                out.append(text[p:])
            break
        q = m.start()
        if state == 0:
            out.append(text[p:q])
        p, c = q, text[q]
        prev = text[p - 1] if p else ""
        if state == 0:
            if c == "<":
                if not in_q:
                    if p + 1 < n and text[p + 1] in _C_SPACE:
                        out.append(c)
                    else:
                        lc, state = "<", 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    out.append(c)
        elif state == 1:
            if c == "<":
                if not in_q and not (p + 1 < n and text[p + 1] in _C_SPACE):
                    depth += 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    lc = ">"
                    if not (is_xml and prev == "-"):
                        in_q, is_xml, state = "", False, 0
            elif c in "\"'":
                if p and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c == "!":
                if prev == "<":
                    state, lc = 3, c
            elif prev == "<":  # "?"
                br, state = 0, 2
        elif state == 2:
            if c in "()":
                if lc not in ("'", '"'):
                    lc = c
                    br += 1 if c == "(" else -1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q and not br and lc != '"' and prev == "?":
                    in_q, state = "", 0
            elif c in "\"'":
                if p and prev != "\\":
                    if lc == c:
                        lc = ""
                    elif lc != "\\":
                        lc = c
                if p and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif p > 4 and text[p - 4 : p].translate(ASCII_LOWER) == "<?xm":  # "l" or "L"
                state, is_xml = 1, True
        elif state == 3:
            if c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    in_q, state = "", 0
            elif c in "\"'":
                if p and prev != "\\" and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c == "-":
                if p >= 2 and text[p - 2 : p] == "!-":
                    state = 4
            elif p > 6 and text[p - 6 : p].translate(ASCII_LOWER) == "doctyp":  # "e" or "E"
                state = 1
        elif not in_q and p >= 2 and text[p - 2 : p] == "--":  # state 4, ">"
            in_q, state = "", 0
        p += 1
    return "".join(out)


_SCRIPT_STYLE = re.compile(r"<(script|style)[^>]*?>.*?</\1>", _A | re.IGNORECASE | re.DOTALL)
_BREAKS = re.compile(r"[\r\n\t ]+")


def wp_strip_all_tags(text: str, remove_breaks: bool = False) -> str:
    """wp_strip_all_tags(): strip_tags() that also drops script and style contents."""
    text = strip_tags(_SCRIPT_STYLE.sub("", text))
    if remove_breaks:
        text = _BREAKS.sub(" ", text)
    return text.strip(PHP_TRIM)


def wp_trim_words(text: str, num_words: int = 55, more: str | None = None) -> str:
    """wp_trim_words(): the first `num_words` words of the tag-stripped text, then `more`."""
    if more is None:
        more = "&hellip;"
    text = wp_strip_all_tags(text)
    # preg_split( "/[\n\r\t ]+/", $text, $num_words + 1, PREG_SPLIT_NO_EMPTY ), whose limit
    # means "no limit" at 0 and -1 and "do not split" at 1 and below -1.
    limit = num_words + 1
    if limit > 1 or limit in (0, -1):
        words = [w for w in _BREAKS.split(text) if w]
    else:
        words = [text] if text else []
    if len(words) > num_words:
        return " ".join(words[:num_words] if limit > 1 else words[:-1]) + more
    return " ".join(words)


_PARTIAL_ENTITY = re.compile(r"&[^;\s]*$", _A)


def _drop_partial_entity(text: str) -> str:
    r"""`preg_replace( '/&[^;\s]{0,6}$/', '', $text )`: `{0,6}` counts bytes, not characters."""
    m = _PARTIAL_ENTITY.search(text, max(0, len(text) - 8))
    while m is not None:
        if len(text[m.start() + 1 : m.end()].encode()) <= 6:
            return text[: m.start()] + text[m.end() :]
        m = _PARTIAL_ENTITY.search(text, m.start() + 1)
    return text


def wp_html_excerpt(text: str, count: int, more: str | None = None) -> str:
    """wp_html_excerpt(): at most `count` characters of the tag-stripped text."""
    text = wp_strip_all_tags(text, True)
    excerpt = _drop_partial_entity(text[:count])  # mb_substr( $str, 0, $count )
    if text != excerpt:
        excerpt = excerpt.strip(PHP_TRIM) + (more or "")
    return excerpt


_NEWLINES = re.compile(r"\n+")
_BLANKS = re.compile(r"[ \t]+")


def normalize_whitespace(text: str) -> str:
    """normalize_whitespace(): trim, `\\r` to `\\n`, collapse newlines and blanks."""
    text = text.strip(PHP_TRIM).replace("\r", "\n")
    return _BLANKS.sub(" ", _NEWLINES.sub("\n", text))


# fmt: off
_SINGLE_TAGS = frozenset([
    "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input",
    "isindex", "link", "meta", "param", "source", "track", "wbr",
])
# fmt: on
_NESTABLE_TAGS = frozenset(
    ["article", "aside", "blockquote", "details", "div", "figure", "object", "q", "section", "span"]
)
_LT_DIGIT = re.compile(r"<([0-9])")
_TAG = re.compile(
    r"<(/?)((?:[a-z](?:[a-z0-9._]*)-(?:[a-z0-9._-]+)+)|(?:[\w:]+))(?:\s*(/?)|(\s+)([^>]*))>", _A
)


def force_balance_tags(text: str) -> str:
    """force_balance_tags(): close unclosed tags, drop stray closing ones."""
    stack: list[str] = []
    queue = ""
    out: list[str] = []
    text = _LT_DIGIT.sub(r"&lt;\1", text.replace("< !--", "<    !--"))
    while m := _TAG.search(text):
        full, slash, name = m.group(0), m.group(1), m.group(2)
        tag = name.lower()
        single = tag in _SINGLE_TAGS
        pre_ws = m.group(4) or ""
        attrs = (m.group(5) if m.group(5) is not None else m.group(3) or "").strip(PHP_TRIM)
        self_closer = attrs.endswith("/")
        out.append(queue)
        queue = ""
        i = text.find(full)  # the first occurrence, as WordPress's strpos()
        if slash:
            if not stack:
                tag = ""
            elif stack[-1] == tag:
                tag = f"</{tag}>"
                stack.pop()
            else:
                if tag in stack:
                    j = len(stack) - 1 - stack[::-1].index(tag)
                    while len(stack) > j:
                        queue += f"</{stack.pop()}>"
                tag = ""
        else:
            if self_closer:
                if not single:
                    attrs = attrs[:-1].strip(PHP_TRIM) + f"></{tag}"
            elif single:
                pre_ws = " "
                attrs += "/"
            else:
                if stack and tag not in _NESTABLE_TAGS and stack[-1] == tag:
                    queue = f"</{stack.pop()}>"
                stack.append(tag)
            if self_closer and single:
                pre_ws = " "  # prefer <br /> to <br/>
            tag = f"<{tag}{pre_ws}{attrs}>"
            if queue:
                queue += tag
                tag = ""
        out.append(text[:i] + tag)
        text = text[i + len(full) :]
    out.append(queue)
    out.append(text)
    # WordPress stops at the first tag name that is falsy in PHP ("0").
    while stack and (x := stack.pop()) != "0":
        out.append(f"</{x}>")
    return "".join(out).replace("< !--", "<!--").replace("<    !--", "< !--")
