"""wpautop and shortcode_unautop: hand-written cases, then differential runs against WordPress."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

sys.path.insert(0, str(Path(__file__).parent))
from pressbox.content.autop import (
    autop,
    make_shortcode_unautop,
    shortcode_unautop,
    unautop,
    wp_replace_in_html_tags,
    wpautop,
)

from .php_harness import documents, make_ctx, oracle_posts, require_php

AUTOP_CASES = [
    ("empty", "", ""),
    ("blank", " \n\t ", ""),
    ("one line", "Hello", "<p>Hello</p>\n"),
    ("two paragraphs", "a\n\nb", "<p>a</p>\n<p>b</p>\n"),
    ("line break", "a\nb", "<p>a<br />\nb</p>\n"),
    ("crlf", "a\r\n\r\nb\r\nc", "<p>a</p>\n<p>b<br />\nc</p>\n"),
    ("many blank lines", "a\n\n\n\nb", "<p>a</p>\n<p>b</p>\n"),
    ("double br", "a<br><br>b", "<p>a</p>\n<p>b</p>\n"),
    ("block", "<div>a</div>", "<div>a</div>\n"),
    ("text then block", "a\n<div>b</div>\nc", "<p>a</p>\n<div>b</div>\n<p>c</p>\n"),
    ("unclosed p in div", "<div>a\n\nb</div>", "<div>a</p>\n<p>b</p></div>\n"),
    ("hr", "a<hr>b", "<p>a</p>\n<hr>\n<p>b</p>\n"),
    ("pre kept", "<pre>a\n\nb</pre>\n\nc", "<pre>a\n\nb</pre>\n<p>c</p>\n"),
    ("stray pre close dropped", "<pre>x</pre>a</pre>b", "<pre>x</pre>\n<p>ab</p>\n"),
    ("list", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"),
    ("blockquote", "<blockquote>q</blockquote>", "<blockquote><p>q</p></blockquote>\n"),
    ("newline in tag", '<a\nhref="x">y</a>', '<p><a\nhref="x">y</a></p>\n'),
    (
        "block comments are wrapped",
        "<!-- wp:x -->\n<p>a</p>\n<!-- /wp:x -->",
        "<p><!-- wp:x --></p>\n<p>a</p>\n<p><!-- /wp:x --></p>\n",
    ),
    (
        "option",
        "<select>\n<option>a</option>\n<option>b</option>\n</select>",
        "<p><select><option>a</option><option>b</option></select></p>\n",
    ),
    (
        "object",
        '<object>\n<param name="a">\n<embed src="b">\n</object>',
        '<p><object><param name="a"><embed src="b"></object></p>\n',
    ),
    (
        "source and track",
        '<video>\n<source src="a">\n<track src="b">\n</video>',
        '<p><video><source src="a"><track src="b"></video></p>\n',
    ),
    (
        "figcaption",
        "<figure><img src=a>\n<figcaption>c</figcaption>\n</figure>",
        "<figure><img src=a><figcaption>c</figcaption></figure>\n",
    ),
    ("script kept", "<script>a\nb</script>", "<p><script>a\nb</script></p>\n"),
    ("svg kept", "x\n<svg>a\nb</svg>", "<p>x<br />\n<svg>a\nb</svg></p>\n"),
    ("br normalised", "a<br>\nb", "<p>a<br />\nb</p>\n"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in AUTOP_CASES], ids=[c[0] for c in AUTOP_CASES]
)
def test_wpautop(text: str, expected: str) -> None:
    assert wpautop(text, make_ctx()) == expected


def test_autop_without_br() -> None:
    assert autop("a\nb\n\nc", br=False) == "<p>a\nb</p>\n<p>c</p>\n"


UNAUTOP_CASES = [
    ("alone", "<p>[gallery]</p>\n", "[gallery]\n"),
    ("with content", "<p>[caption id='a']x[/caption]</p>", "[caption id='a']x[/caption]"),
    ("self closing", "<p>[video src='a' /]</p>", "[video src='a' /]"),
    ("spaces", "<p> &nbsp;[audio]\n</p>", "[audio]"),
    ("with text", "<p>see [gallery]</p>", "<p>see [gallery]</p>"),
    ("unknown", "<p>[foo]</p>", "<p>[foo]</p>"),
    ("prefix only", "<p>[gallery-x]</p>", "<p>[gallery-x]</p>"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in UNAUTOP_CASES], ids=[c[0] for c in UNAUTOP_CASES]
)
def test_shortcode_unautop(text: str, expected: str) -> None:
    assert shortcode_unautop(text, make_ctx()) == expected


def test_unautop_with_site_shortcodes() -> None:
    assert make_shortcode_unautop({"foo"})("<p>[foo]</p>", make_ctx()) == "[foo]"
    assert unautop("<p>[foo]</p>", ()) == "<p>[foo]</p>"


def test_replace_in_html_tags() -> None:
    text = '<a title="x\ny">a\nb</a><!-- c\nd -->'
    assert wp_replace_in_html_tags(text, {"\n": "+"}) == '<a title="x+y">a\nb</a><!-- c+d -->'
    assert wp_replace_in_html_tags(text, {"\n": "+", "x": "xx"}) == (
        '<a title="xx+y">a\nb</a><!-- c+d -->'
    )


@pytest.mark.php
@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(documents())
def test_matches_wordpress_on_generated_documents(text: str) -> None:
    php = require_php()
    expected_autop, expected_unautop = php.call_many(
        [("wpautop", [text]), ("shortcode_unautop", [autop(text)])]
    )
    assert autop(text) == expected_autop
    assert unautop(autop(text)) == expected_unautop


@pytest.mark.php
def test_matches_wordpress_on_oracle_posts() -> None:
    texts = [t for p in oracle_posts() for t in (p.post_content, p.post_excerpt) if t]
    php = require_php()
    expected = php.call_many([("wpautop", [t]) for t in texts])
    assert [t[:80] for t, e in zip(texts, expected, strict=True) if autop(t) != e] == []
    expected = php.call_many([("shortcode_unautop", [e]) for e in expected])
    unautopped = [unautop(autop(t)) for t in texts]
    assert [t[:80] for t, u, e in zip(texts, unautopped, expected, strict=True) if u != e] == []


@pytest.mark.php
@pytest.mark.parametrize("case", AUTOP_CASES, ids=[c[0] for c in AUTOP_CASES])
def test_cases_match_wordpress(case: tuple[str, str, str]) -> None:
    assert autop(case[1]) == require_php().call("wpautop", case[1])
