"""wptexturize: hand-written cases, then differential runs against WordPress's PHP."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

sys.path.insert(0, str(Path(__file__).parent))
from pressbox.content.texturize import (
    make_wptexturize,
    texturize,
    wptexturize,
)

from .php_harness import documents, make_ctx, oracle_posts, require_php

CASES = [
    # quotes
    ("double", '"Hello"', "&#8220;Hello&#8221;"),
    ("single", "'Hello'", "&#8216;Hello&#8217;"),
    # a quote before `"` is neither closing (no space or punctuation after) nor an apostrophe
    ("nested", "\"She said 'hi'\"", "&#8220;She said &#8216;hi'&#8221;"),
    ("after paren", "('a')", "(&#8216;a&#8217;)"),
    ("quoted number", "\"42\" and '0.42'", "&#8220;42&#8221; and &#8216;0.42&#8217;"),
    ("backticks", "``quoted''", "&#8220;quoted&#8221;"),
    # apostrophes and cockney
    ("apostrophe", "it's", "it&#8217;s"),
    ("cockney", "'tis 'twas", "&#8217;tis &#8217;twas"),
    ("cockney everywhere", "'emphasis", "&#8217;emphasis"),
    ("decade", "the '90s", "the &#8217;90s"),
    ("year in quotes", "'99'", "&#8217;99&#8217;"),
    ("not a year", "'999", "&#8216;999"),
    # primes
    ("feet and inches", "9' 6\" tall", "9&#8242; 6&#8243; tall"),
    ("prime vs closing", '"It\'s 9" long"', "&#8220;It&#8217;s 9&#8243; long&#8221;"),
    # dashes, ellipsis, trademark, times
    ("em dash spaced", "a -- b", "a &#8212; b"),
    ("triple dash", "a---b", "a&#8212;b"),
    ("en dash", "1--2", "1&#8211;2"),
    ("en dash spaced", "a - b", "a &#8211; b"),
    ("punycode", "xn--bcher-kva", "xn--bcher-kva"),
    ("ellipsis", "wait...", "wait&#8230;"),
    ("trademark", "Brand (tm)", "Brand &#8482;"),
    ("times", "3x4 and 1.5x2", "3&#215;4 and 1.5&#215;2"),
    ("hex is not times", "0x12", "0x12"),
    # ampersands
    ("lone amp", "AT&T", "AT&#038;T"),
    ("entity kept", "&amp; &#8217; &#x41;", "&amp; &#8217; &#x41;"),
    ("amp in tag", '<a href="?a=1&b=2">x</a>', '<a href="?a=1&#038;b=2">x</a>'),
    # elements left alone
    ("pre", '<pre>"x" -- y</pre> "z"', '<pre>"x" -- y</pre> &#8220;z&#8221;'),
    ("code", "<code>it's</code> it's", "<code>it's</code> it&#8217;s"),
    ("nested disabled", "<pre><code>'</code>'</pre>'", "<pre><code>'</code>'</pre>&#8216;"),
    ("invalid nesting", '<pre>a</code>"b"</pre>', '<pre>a</code>"b"</pre>'),
    ("comment", '<!-- "x" -->"y"', '<!-- "x" -->&#8220;y&#8221;'),
    ("attribute", '<img alt="it\'s" />', '<img alt="it\'s" />'),
    # shortcodes
    ("shortcode", '[caption id="a"]"x"[/caption]', '[caption id="a"]&#8220;x&#8221;[/caption]'),
    ("escaped shortcode", "[[gallery ids='1']]", "[[gallery ids='1']]"),
    ("unknown shortcode", "[foo a='b']", "[foo a=&#8217;b&#8217;]"),
    # nothing to do
    ("empty", "", ""),
    ("zero", "0", "0"),
    ("blank", "\n\n", "\n\n"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_wptexturize(text: str, expected: str) -> None:
    assert wptexturize(text, make_ctx()) == expected


def test_registered_code_shortcode_is_not_texturized() -> None:
    step = make_wptexturize({"code", "caption"})
    assert step('[code]"x"[/code] "y"', make_ctx()) == '[code]"x"[/code] &#8220;y&#8221;'
    assert step.__name__ == "wptexturize"
    assert texturize('[code]"x"[/code]') == "[code]&#8221;x&#8221;[/code]"


@pytest.mark.php
@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(documents())
def test_matches_wordpress_on_generated_documents(text: str) -> None:
    assert wptexturize(text, make_ctx()) == require_php().call("wptexturize", text)


@pytest.mark.php
def test_matches_wordpress_on_oracle_posts() -> None:
    posts = oracle_posts()
    texts = [t for p in posts for t in (p.post_content, p.post_title, p.post_excerpt)]
    expected = require_php().call_many([("wptexturize", [t]) for t in texts])
    mismatched = [t[:80] for t, e in zip(texts, expected, strict=True) if texturize(t) != e]
    assert mismatched == []
    assert len(texts) > 600
