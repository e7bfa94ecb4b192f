"""formatting.py helpers: hand-written cases, then differential runs against WordPress's PHP."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from pressbox.content.escaping import esc_attr, esc_html
from pressbox.content.formatting import (
    capital_P_dangit,
    capital_P_dangit_title,
    convert_chars,
    convert_smilies,
    force_balance_tags,
    normalize_whitespace,
    strip_tags,
    trim,
    wp_html_excerpt,
    wp_html_split,
    wp_strip_all_tags,
    wp_trim_words,
)
from pressbox.content.texturize import texturize

from .php_harness import SITE_URL, documents, make_ctx, oracle_posts, require_php

DIFFERENTIAL = settings(max_examples=200, derandomize=True, deadline=None, database=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AT&T", "AT&#038;T"),
        ("&amp; &nbsp; &#38; &#x26;", "&amp; &nbsp; &#38; &#x26;"),
        ("& lone", "&#038; lone"),
        ("&&", "&#038;&"),
        ("&unknownentity;", "&#038;unknownentity;"),
        ("no amp", "no amp"),
    ],
)
def test_convert_chars(text: str, expected: str) -> None:
    assert convert_chars(text, make_ctx()) == expected


@pytest.mark.parametrize(
    ("text", "content", "title"),
    [
        ("Wordpress", "Wordpress", "WordPress"),
        ("I love Wordpress", "I love WordPress", "I love WordPress"),
        ("(Wordpress) >Wordpress", "(WordPress) >WordPress", "(WordPress) >WordPress"),
        ("&#8220;Wordpress&#8221;", "&#8220;WordPress&#8221;", "&#8220;WordPress&#8221;"),
        ("wordpress.org/Wordpress", "wordpress.org/Wordpress", "wordpress.org/WordPress"),
    ],
)
def test_capital_p_dangit(text: str, content: str, title: str) -> None:
    assert capital_P_dangit(text, make_ctx()) == content
    assert capital_P_dangit_title(text, make_ctx()) == title


SMILEY_IMG = (
    f'<img src="{SITE_URL}/wp-includes/images/smilies/mrgreen.png" alt=":mrgreen:" '
    'class="wp-smiley" style="height: 1em; max-height: 1em;" />'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi :)", "Hi \U0001f642"),
        (":-) start", "\U0001f642 start"),
        ("a:)", "a:)"),
        (":) :(\n;)", "\U0001f642 \U0001f641\n\U0001f609"),
        ("x :???: y :?: z :?", "x \U0001f615 y \u2753 z \U0001f615"),
        ("&nbsp;:D", "&nbsp;\U0001f600"),
        ("ok :mrgreen:", f"ok {SMILEY_IMG}"),
        ("<code> :) </code> :)", "<code> :) </code> \U0001f642"),
        ('<img alt=" :) "> :)', '<img alt=" :) "> \U0001f642'),
        ("8) stays", "8) stays"),
    ],
)
def test_convert_smilies(text: str, expected: str) -> None:
    assert convert_smilies(text, make_ctx()) == expected


def test_convert_smilies_disabled() -> None:
    assert convert_smilies("Hi :)", make_ctx(use_smilies="0")) == "Hi :)"
    assert convert_smilies("Hi :)", make_ctx(use_smilies="")) == "Hi :)"


@pytest.mark.parametrize(
    ("text", "num", "more", "expected"),
    [
        ("one two three", 2, None, "one two&hellip;"),
        ("one two", 2, None, "one two"),
        ("<p>one</p>\n<p>two  three</p>", 55, None, "one two three"),
        ("a b c", 2, " [&hellip;]", "a b [&hellip;]"),
        ("a <script>x y</script> b", 55, None, "a b"),
        ("a b", 0, "…", "…"),
        ("", 0, "…", ""),
        ("a b c", -1, "…", "a b…"),
    ],
)
def test_wp_trim_words(text: str, num: int, more: str | None, expected: str) -> None:
    assert wp_trim_words(text, num, more) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>bold</b>", "bold"),
        ("a < b", "a < b"),
        ("a <b", "a "),
        ("1 > 0", "1 > 0"),
        ('<a title="x>y">z</a>', "z"),
        ("<!-- c -->x", "x"),
        ("<?php echo '>'; ?>y", "y"),
        ("<!DOCTYPE html>t", "t"),
        ("a\0b", "ab"),
    ],
)
def test_strip_tags(text: str, expected: str) -> None:
    assert strip_tags(text) == expected


def test_wp_strip_all_tags() -> None:
    assert wp_strip_all_tags(" <style>p{}</style><p>a\n\tb</p> ") == "a\n\tb"
    assert wp_strip_all_tags("<p>a\n\tb</p>", remove_breaks=True) == "a b"


@pytest.mark.parametrize(
    ("text", "count", "more", "expected"),
    [
        ("<p>Hello world</p>", 5, None, "Hello"),
        ("Hello", 10, "…", "Hello"),
        ("a &amp; b", 4, "…", "a…"),
        ("héllo wörld", 5, "", "héllo"),
    ],
)
def test_wp_html_excerpt(text: str, count: int, more: str | None, expected: str) -> None:
    assert wp_html_excerpt(text, count, more) == expected


def test_trim_is_php_trim() -> None:
    assert trim(" \t\x0ba\u00a0\n\0", make_ctx()) == "a\u00a0"


def test_normalize_whitespace() -> None:
    assert normalize_whitespace("  a \t b\r\n\n\nc  ") == "a b\nc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>bold", "<b>bold</b>"),
        ("</i>x", "x"),
        ("<b><i>x</b>", "<b><i>x</i></b>"),
        ("<br>", "<br />"),
        ("<br/>", "<br />"),
        ("<div/>", "<div></div>"),
        ("<p>a<p>b", "<p>a</p><p>b</p>"),
        ("<div><div>x", "<div><div>x</div></div>"),
        ("I <3 you", "I &lt;3 you"),
        ("<custom-el>x", "<custom-el>x</custom-el>"),
    ],
)
def test_force_balance_tags(text: str, expected: str) -> None:
    assert force_balance_tags(text) == expected


def test_wp_html_split() -> None:
    assert wp_html_split("a<b>c<!-- d > e -->f<![CDATA[ g ]]>h<i") == [
        "a", "<b>", "c", "<!-- d > e -->", "f", "<![CDATA[ g ]]>", "h", "<i", "",
    ]  # fmt: skip


# --- against WordPress -----------------------------------------------------------------------


@pytest.mark.php
@DIFFERENTIAL
@given(documents())
def test_text_steps_match_wordpress(text: str) -> None:
    ctx = make_ctx()
    ours = [
        convert_chars(text, ctx),
        capital_P_dangit(text, ctx),
        convert_smilies(text, ctx),
        strip_tags(text),
        wp_strip_all_tags(text),
        wp_trim_words(text, 5),
        wp_trim_words(text),
        esc_html(text),
        esc_attr(text),
        force_balance_tags(text),
        wp_html_excerpt(text, 20, "…"),
        normalize_whitespace(text),
        capital_P_dangit_title(trim(convert_chars(texturize(text)))),
    ]
    theirs = require_php().call_many(
        [
            ("convert_chars", [text]),
            ("capital_P_dangit", [text]),
            ("convert_smilies", [text]),
            ("strip_tags", [text]),
            ("wp_strip_all_tags", [text]),
            ("wp_trim_words", [text, 5]),
            ("wp_trim_words", [text]),
            ("esc_html", [text]),
            ("esc_attr", [text]),
            ("force_balance_tags", [text]),
            ("wp_html_excerpt", [text, 20, "…"]),
            ("normalize_whitespace", [text]),
            ("the_title", [text]),
        ]
    )
    assert ours == theirs


@pytest.mark.php
@DIFFERENTIAL
@given(st.text(max_size=30), st.integers(min_value=-3, max_value=8))
def test_trim_words_and_html_excerpt_match_wordpress(text: str, count: int) -> None:
    theirs = require_php().call_many(
        [("wp_trim_words", [text, count, "…"]), ("wp_html_excerpt", [text, count, "…"])]
    )
    assert [wp_trim_words(text, count, "…"), wp_html_excerpt(text, count, "…")] == theirs


@pytest.mark.php
def test_titles_match_wordpress_on_oracle_posts() -> None:
    titles = [p.post_title for p in oracle_posts()]
    theirs = require_php().call_many([("the_title", [t]) for t in titles])
    ours = [capital_P_dangit_title(trim(convert_chars(texturize(t))), make_ctx()) for t in titles]
    assert [t for t, o, e in zip(titles, ours, theirs, strict=True) if o != e] == []
