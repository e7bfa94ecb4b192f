"""Smart quotes, dashes, ellipses and primes: WordPress's `wptexturize()` (formatting.php).

The output is byte for byte WordPress 7.1's with the en_US strings: curly quotes, apostrophes,
primes and dashes become numeric entities (`&#8217;`, `&#8220;`, `&#8211;` …), text inside
`<pre>`, `<code>`, `<kbd>`, `<style>`, `<script>` and `<tt>` (and inside a `[code]` shortcode,
when one is registered) is left alone, as are registered shortcodes themselves.

Translating WordPress's PCRE patterns (which run on bytes, without the `u` flag) to Python:
every pattern is compiled with `re.ASCII` so that `\\d`, `\\s`, `\\b` mean what they mean to
PCRE; lookbehinds whose branches differ in length are split into one lookbehind per branch;
PCRE's `\\Z` (end, or before a final newline) is written `\\n?\\Z`; conditional groups become
alternations guarded by mutually exclusive assertions. Everything is compiled at import.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

from pressbox.content.context import RenderContext
from pressbox.content.pipeline import Step

__all__ = [
    "DEFAULT_SHORTCODE_TAGS",
    "make_wptexturize",
    "texturize",
    "wptexturize",
]

# The shortcodes WordPress core registers (media.php and WP_Embed); a theme or plugin may add
# more, which the caller passes to `make_wptexturize()`.
DEFAULT_SHORTCODE_TAGS: frozenset[str] = frozenset(
    {"wp_caption", "caption", "gallery", "playlist", "audio", "video", "embed"}
)

NO_TEXTURIZE_TAGS: tuple[str, ...] = ("pre", "code", "kbd", "style", "script", "tt")
NO_TEXTURIZE_SHORTCODES: tuple[str, ...] = ("code",)

_A = re.ASCII

# The en_US translations of WordPress's `_x()` strings.
_OPENING_QUOTE = "&#8220;"
_CLOSING_QUOTE = "&#8221;"
_APOS = "&#8217;"
_PRIME = "&#8242;"
_DOUBLE_PRIME = "&#8243;"
_OPENING_SINGLE_QUOTE = "&#8216;"
_CLOSING_SINGLE_QUOTE = "&#8217;"
_EN_DASH = "&#8211;"
_EM_DASH = "&#8212;"

_OPEN_Q_FLAG = "<!--oq-->"
_OPEN_SQ_FLAG = "<!--osq-->"
_APOS_FLAG = "<!--apos-->"
_PRIME_FLAG = "<!--wp-prime-or-quote-->"

# fmt: off
_COCKNEY = ["'tain't", "'twere", "'twas", "'tis", "'twill", "'til", "'bout", "'nuff", "'round",
            "'cause", "'em"]
_COCKNEY_REPLACE = [
    "&#8217;tain&#8217;t", "&#8217;twere", "&#8217;twas", "&#8217;tis", "&#8217;twill",
    "&#8217;til", "&#8217;bout", "&#8217;nuff", "&#8217;round", "&#8217;cause", "&#8217;em",
]
# fmt: on

# str_replace() with arrays replaces pair after pair, each over the whole string.
_STATIC: tuple[tuple[str, str], ...] = (
    ("...", "&#8230;"),
    ("``", _OPENING_QUOTE),
    ("''", _CLOSING_QUOTE),
    (" (tm)", " &#8482;"),
)
_COCKNEY_PAIRS: tuple[tuple[str, str], ...] = tuple(zip(_COCKNEY, _COCKNEY_REPLACE, strict=True))

# wp_spaces_regexp(): `[\r\n\t ]|\xC2\xA0|&nbsp;`; U+00A0 is the two bytes C2 A0 in UTF-8.
_SP = r"[\r\n\t \xa0]|&nbsp;"
_Z = r"\n?\Z"  # PCRE's \Z


def _after(prefixes: tuple[str, ...], lit: str) -> str:
    """`(?<=A|B|…)lit` written `lit(?:(?<=Alit)|(?<=Blit)|…)`.

    Python wants one width per lookbehind, and a pattern that starts with its literal is found
    by a fast scan instead of being tried at every position (5 to 50 times faster here).
    """
    return lit + "(?:" + "|".join(f"(?<={p}{lit})" for p in prefixes) + ")"


def _not_after(prefixes: tuple[str, ...], lit: str) -> str:
    """`(?<!A|B|…)lit` written `lit(?<!Alit)(?<!Blit)…`."""
    return lit + "".join(f"(?<!{p}{lit})" for p in prefixes)


_SPACES = (r"[\r\n\t \xa0]", "&nbsp;")
_START_OR_SPACES = (r"\A", *_SPACES)
_CLOSER = rf"(?={_Z}|[.,:;!?)}}\-\]]|&gt;|{_SP})"

_DYNAMIC_APOS: tuple[tuple[re.Pattern[str], str], ...] = (
    # '99' and '99" are ambiguous; assume an abbreviated year at the end of a quotation.
    (re.compile(r"'([0-9][0-9])'" + _CLOSER, _A), _APOS_FLAG + r"\1" + _CLOSING_SINGLE_QUOTE),
    (re.compile(r"'([0-9][0-9])\"" + _CLOSER, _A), _APOS_FLAG + r"\1" + _CLOSING_QUOTE),
    # '99 '99s '99's (apostrophe), but never '9 or '99% or '999 or '99.0.
    (re.compile(rf"'(?=[0-9][0-9](?:{_Z}|(?![%0-9]|[.,][0-9])))", _A), _APOS_FLAG),
    # Quoted numbers like '0.42'.
    (
        re.compile(_after(_START_OR_SPACES, "'") + r"([0-9][.,0-9]*)'", _A),
        _OPEN_SQ_FLAG + r"\1" + _CLOSING_SINGLE_QUOTE,
    ),
    # Single quote at start, or preceded by (, {, <, [, ", -, or spaces.
    (re.compile(_after((r"\A", r"[(\[{\"\-]", "&lt;", *_SPACES), "'"), _A), _OPEN_SQ_FLAG),
    # Apostrophe in a word: no spaces, double apostrophes, or other punctuation.
    (
        re.compile(
            _not_after(_SPACES, "'") + rf"(?!{_Z}|[.,:;!?\"'(){{}}\[\]\-]|&[lg]t;|{_SP})", _A
        ),
        _APOS_FLAG,
    ),
)

_DYNAMIC_QUOTE: tuple[tuple[re.Pattern[str], str], ...] = (
    # Quoted numbers like "42".
    (
        re.compile(_after(_START_OR_SPACES, '"') + r'([0-9][.,0-9]*)"', _A),
        _OPEN_Q_FLAG + r"\1" + _CLOSING_QUOTE,
    ),
    # Double quote at start, or preceded by (, {, <, [, -, or spaces, and not followed by spaces.
    (
        re.compile(_after((r"\A", r"[(\[{\-]", "&lt;", *_SPACES), '"') + rf"(?!{_SP})", _A),
        _OPEN_Q_FLAG,
    ),
)

_DYNAMIC_DASH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"---"), _EM_DASH),
    (re.compile(_after(_START_OR_SPACES, "--") + rf"(?=$|{_SP})", _A), _EM_DASH),
    (re.compile(_not_after(("xn",), "--")), _EN_DASH),
    (re.compile(_after(_START_OR_SPACES, "-") + rf"(?=$|{_SP})", _A), _EN_DASH),
)

# wptexturize_primes(): a quote followed by punctuation or space may close a quotation.
_PRIME_PATTERNS = {
    needle: (
        re.compile(needle + _CLOSER, _A),
        re.compile(_after(("[0-9]",), needle), _A),
    )
    for needle in ("'", '"')
}
_FLAG_AFTER_DIGIT = re.compile(_after(("[0-9]",), re.escape(_PRIME_FLAG)), _A)
_FLAG_NO_DIGIT = re.compile(_not_after(("[0-9]",), re.escape(_PRIME_FLAG)), _A)

_TIMES_HINT = re.compile(_after(("[0-9]",), "x") + "[0-9]", _A)
_TIMES = re.compile(r"\b([0-9](?:(?<=0)[0-9.,]+|(?<!0)[0-9.,]*))x([0-9][0-9.,]*)\b", _A)
_LONE_AMP = re.compile(r"&(?!#(?:[0-9]+|x[a-f0-9]+);|[a-z1-4]{1,8};)", _A | re.IGNORECASE)
_SHORTCODE_NAME = re.compile(r"\[/?([^<>&/\[\]\x00-\x20=]++)")

# _get_wptexturize_split_regex(): an HTML comment, or any other element (even unterminated).
_COMMENT = r"!(?:-(?!->)[^\-]*+)*+(?:-->)?"
_HTML = rf"<(?:(?=!--){_COMMENT}|(?!!--)[^>]*>?)"
_SPLIT_HTML = re.compile(f"({_HTML})", _A)
_PHP_TRIM = " \t\n\r\0\x0b"


def _shortcode_regex(tagnames: Iterable[str]) -> str:
    """_get_wptexturize_shortcode_regex(): the registered shortcodes found in the text."""
    tags = "|".join(re.escape(t) for t in tagnames)
    return rf"\[[/\[]?(?:{tags})(?=[\s\]/])(?:[^\[\]<>]+|<[^\[\]>]*>)*+\]\]?"


@lru_cache(maxsize=256)
def _split_regexes(tagnames: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    shortcode = _shortcode_regex(tagnames)
    split = re.compile(f"({_HTML}|{shortcode})", _A)
    whole = re.compile(f"^{shortcode}$", _A)
    return split, whole


def _pushpop_element(text: str, stack: list[str], disabled: Collection[str]) -> None:
    """_wptexturize_pushpop_element(): track the opening and closing of no-texturize tags."""
    if len(text) > 1 and text[1] != "/":
        opening, name_offset = True, 1
    elif not stack:
        return
    else:
        opening, name_offset = False, 2
    # The name ends at the first space anywhere in the element; without one, WordPress's
    # substr( $text, $offset, -1 ) drops the closing `>` or `]`.
    space = text.find(" ")
    tag = text[name_offset : len(text) - 1 if space == -1 else space]
    if tag in disabled:
        if opening:
            # Disable texturize until the matching close, even through invalid nesting.
            stack.append(tag)
        elif stack[-1] == tag:
            stack.pop()


def _primes(haystack: str, needle: str, prime: str, open_quote: str, close_quote: str) -> str:
    """wptexturize_primes(): decide whether each quote is a prime (9' or 9") or closes a quote."""
    quote_re, prime_re = _PRIME_PATTERNS[needle]
    sentences = haystack.split(open_quote)
    for key, sentence in enumerate(sentences):
        if needle not in sentence:
            continue
        if key != 0 and close_quote not in sentence:
            sentence, count = quote_re.subn(_PRIME_FLAG, sentence)
            if count > 1:
                # Several closing-quote candidates: a flag after a non-digit closes the quote.
                sentence, count2 = _FLAG_NO_DIGIT.subn(close_quote, sentence)
                if count2 == 0:
                    # Otherwise the rightmost quote-period, or failing that the rightmost flag.
                    pos = sentence.rfind(_PRIME_FLAG + ".")
                    if pos == -1:
                        pos = sentence.rfind(_PRIME_FLAG)
                    sentence = sentence[:pos] + close_quote + sentence[pos + len(_PRIME_FLAG) :]
                sentence = prime_re.sub(prime, sentence)
                sentence = _FLAG_AFTER_DIGIT.sub(prime, sentence)
                sentence = sentence.replace(_PRIME_FLAG, close_quote)
            elif count == 1:
                # A single candidate takes priority over primes.
                sentence = sentence.replace(_PRIME_FLAG, close_quote)
                sentence = prime_re.sub(prime, sentence)
            else:
                sentence = prime_re.sub(prime, sentence)
        else:
            sentence = prime_re.sub(prime, sentence)
            sentence = quote_re.sub(close_quote, sentence)
        if needle == '"' and '"' in sentence:
            sentence = sentence.replace('"', close_quote)
        sentences[key] = sentence
    return open_quote.join(sentences)


def _texturize_text(curl: str) -> str:
    """The replacements on one run of plain text (outside tags and disabled elements)."""
    for search, replace in _STATIC:
        if search in curl:
            curl = curl.replace(search, replace)
    if "'" in curl:
        for search, replace in _COCKNEY_PAIRS:
            if search in curl:
                curl = curl.replace(search, replace)
        if "'" in curl:
            for pattern, repl in _DYNAMIC_APOS:
                curl = pattern.sub(repl, curl)
            curl = _primes(curl, "'", _PRIME, _OPEN_SQ_FLAG, _CLOSING_SINGLE_QUOTE)
            curl = curl.replace(_APOS_FLAG, _APOS).replace(_OPEN_SQ_FLAG, _OPENING_SINGLE_QUOTE)
    if '"' in curl:
        for pattern, repl in _DYNAMIC_QUOTE:
            curl = pattern.sub(repl, curl)
        curl = _primes(curl, '"', _DOUBLE_PRIME, _OPEN_Q_FLAG, _CLOSING_QUOTE)
        curl = curl.replace(_OPEN_Q_FLAG, _OPENING_QUOTE)
    if "-" in curl:
        for pattern, repl in _DYNAMIC_DASH:
            curl = pattern.sub(repl, curl)
    if "x" in curl and _TIMES_HINT.search(curl):
        curl = _TIMES.sub(r"\1&#215;\2", curl)
    if "&" in curl:
        curl = _LONE_AMP.sub("&#038;", curl)
    return curl


def texturize(text: str, shortcode_tags: Collection[str] = DEFAULT_SHORTCODE_TAGS) -> str:
    """wptexturize() with the given registered shortcode names."""
    if not text or text == "0":
        return text

    found: tuple[str, ...] = ()
    if "[" in text:
        names = set(_SHORTCODE_NAME.findall(text))
        found = tuple(sorted(names.intersection(shortcode_tags)))
    if found:
        split, whole = _split_regexes(found)
    else:
        split, whole = _SPLIT_HTML, None

    tags_stack: list[str] = []
    shortcodes_stack: list[str] = []
    parts = split.split(text)
    for i, curl in enumerate(parts):
        if not curl:
            continue
        first = curl[0]
        if first == "<":
            if curl.startswith("<!--"):
                continue
            # Replace each & with &#038; unless it already looks like an entity.
            if "&" in curl:
                curl = _LONE_AMP.sub("&#038;", curl)
                parts[i] = curl
            _pushpop_element(curl, tags_stack, NO_TEXTURIZE_TAGS)
        elif not curl.strip(_PHP_TRIM):
            continue
        elif first == "[" and whole is not None and whole.match(curl):
            if not curl.startswith("[[") and not curl.endswith("]]"):
                _pushpop_element(curl, shortcodes_stack, NO_TEXTURIZE_SHORTCODES)
        elif not shortcodes_stack and not tags_stack:
            parts[i] = _texturize_text(curl)
    return "".join(parts)


def wptexturize(text: str, ctx: RenderContext | None = None) -> str:
    """The render step: wptexturize() with WordPress core's registered shortcodes."""
    return texturize(text, DEFAULT_SHORTCODE_TAGS)


def make_wptexturize(shortcode_tags: Collection[str]) -> Step:
    """A wptexturize render step that knows the site's registered shortcode names."""
    tags = frozenset(shortcode_tags)

    def wptexturize(text: str, ctx: RenderContext) -> str:
        return texturize(text, tags)

    return wptexturize
