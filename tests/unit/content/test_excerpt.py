"""wp_trim_excerpt and its helpers: hand-written cases, then differential runs against WordPress."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings

sys.path.insert(0, str(Path(__file__).parent))
from pressbox.content.autop import shortcode_unautop, wpautop
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.excerpt import (
    excerpt_remove_blocks,
    excerpt_remove_footnotes,
    get_the_content_for_excerpt,
    make_wp_trim_excerpt,
    strip_shortcodes,
    wp_trim_excerpt,
)
from pressbox.content.formatting import capital_P_dangit, convert_chars, convert_smilies
from pressbox.content.pipeline import Pipeline
from pressbox.content.texturize import wptexturize

from .php_harness import documents, make_ctx, oracle_posts, require_php

# `the_content` as wp_trim_excerpt() runs it for a post without blocks (no do_blocks, no
# wp_filter_content_tags; do_shortcode left out on both sides of the comparison).
THE_CONTENT = Pipeline.build(
    "the_content",
    [
        (10, wptexturize),
        (20, convert_smilies),
        (10, wpautop),
        (10, shortcode_unautop),
        (11, capital_P_dangit),
    ],
)
THE_EXCERPT = Pipeline.build(
    "the_excerpt",
    [
        (10, wptexturize),
        (10, convert_smilies),
        (10, convert_chars),
        (10, wpautop),
        (10, shortcode_unautop),
    ],
)


def excerpt_rendered(post_excerpt: str, post_content: str) -> str:
    """`excerpt.rendered` as the REST API computes it, for the steps above."""
    ctx = make_ctx(post_content)
    get_the_excerpt = make_wp_trim_excerpt(THE_CONTENT)
    return THE_EXCERPT(get_the_excerpt(post_excerpt, ctx), ctx)


SOURCE_CASES = [
    ("plain", "a b", "a b"),
    ("more", "a<!--more-->b", "a"),
    ("more with text", "<p>a <b>b<!--more Read on-->c</b></p>", "<p>a <b>b</b></p>"),
    ("only the first more", "a<!--more-->b<!--more-->c", "a"),
    ("next page", "a\n<!--nextpage-->\nb", "a"),
    ("leading next page", "<!--nextpage-->a<!--nextpage-->b", "a"),
    (
        "more block",
        "<!-- wp:p -->x<!-- /wp:p -->\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\ny",
        "<!-- wp:p -->x<!-- /wp:p -->\n\n",
    ),
]


@pytest.mark.parametrize(
    ("content", "expected"), [c[1:] for c in SOURCE_CASES], ids=[c[0] for c in SOURCE_CASES]
)
def test_get_the_content_for_excerpt(content: str, expected: str) -> None:
    assert get_the_content_for_excerpt(content) == expected


STRIP_CASES = [
    ("none", "no shortcodes", "no shortcodes"),
    ("self", "[gallery] a", " a"),
    ("with content", "[caption id='1']<img src=x> c[/caption]after", "after"),
    ("escaped", "[[gallery]]", "[gallery]"),
    ("unknown", "[foo]x[/foo]", "[foo]x[/foo]"),
    ("in attribute", '<a title="[gallery]">x</a>[gallery]', '<a title="[gallery]">x</a>'),
    ("entities", "&#91;gallery&#93; [audio]", "&#091;gallery&#093; "),
    ("hyphenated", "[gallery-x]", "[gallery-x]"),
]


@pytest.mark.parametrize(
    ("content", "expected"), [c[1:] for c in STRIP_CASES], ids=[c[0] for c in STRIP_CASES]
)
def test_strip_shortcodes(content: str, expected: str) -> None:
    assert strip_shortcodes(content) == expected


def test_strip_site_shortcodes() -> None:
    assert strip_shortcodes("[foo]x[/foo] [gallery]", {"foo"}) == " [gallery]"
    assert strip_shortcodes("[gallery]", ()) == "[gallery]"


def test_excerpt_remove_footnotes() -> None:
    text = 'a<sup data-fn="f1" class="fn"><a href="#f1" id="f1-link">1</a></sup> b'
    assert excerpt_remove_footnotes(text) == "a b"
    assert excerpt_remove_footnotes("no notes") == "no notes"


def _block(
    name: str | None, html: str = "", inner: list[Block] | None = None, **attrs: object
) -> Block:
    return Block(name, dict(attrs), inner or [], html, [html])


def test_excerpt_remove_blocks() -> None:
    blocks = [
        _block("core/paragraph", "<p>para</p>"),
        _block("core/image", "<img>"),
        _block("core/group", inner=[_block("core/heading", "<h2>h</h2>"), _block("core/image")]),
        _block("core/quote", inner=[_block("core/paragraph", "<p>q</p>")]),
        _block("core/quote", inner=[_block("core/image")]),
        _block("core/paragraph", "<p>hidden</p>", metadata={"blockVisibility": False}),
        _block(None, "\n"),
    ]

    def parse(text: str) -> Sequence[Block]:
        return blocks

    def render(block: Block, ctx: RenderContext) -> str:
        inner = "".join(render(b, ctx) for b in block.inner_blocks)
        return f"[{block.block_name}:{block.inner_html}{inner}]"

    out = excerpt_remove_blocks("<!-- wp:x -->", make_ctx(), parse, render)
    assert out == (
        "[core/paragraph:<p>para</p>][core/heading:<h2>h</h2>]"
        "[core/quote:[core/paragraph:<p>q</p>]][None:\n]"
    )
    assert excerpt_remove_blocks("classic", make_ctx(), parse, render) == "classic"


def test_wp_trim_excerpt() -> None:
    ctx = make_ctx()
    words = " ".join(f"w{i}" for i in range(60))
    assert wp_trim_excerpt(" given ", words, ctx, THE_CONTENT) == " given "
    generated = wp_trim_excerpt("", words, ctx, THE_CONTENT)
    assert generated == " ".join(f"w{i}" for i in range(55)) + " [&hellip;]"
    assert wp_trim_excerpt("", "a ]]> b", ctx, THE_CONTENT) == "a ]]&gt; b"
    assert wp_trim_excerpt("", words, ctx, THE_CONTENT, excerpt_length=2, excerpt_more="…") == (
        "w0 w1…"
    )


def test_rendered_excerpt() -> None:
    assert excerpt_rendered("", "It's [gallery]\n\nWordpress :)") == (
        "<p>It&#8217;s WordPress \U0001f642</p>\n"
    )
    assert excerpt_rendered("Hand-written -- 'excerpt'", "ignored") == (
        "<p>Hand-written &#8212; &#8216;excerpt&#8217;</p>\n"
    )
    assert make_wp_trim_excerpt(THE_CONTENT).__name__ == "wp_trim_excerpt"


# --- against WordPress -----------------------------------------------------------------------


@pytest.mark.php
@pytest.mark.parametrize("case", SOURCE_CASES, ids=[c[0] for c in SOURCE_CASES])
def test_content_source_matches_wordpress(case: tuple[str, str, str]) -> None:
    assert get_the_content_for_excerpt(case[1]) == require_php().call("excerpt_source", case[1])


@pytest.mark.php
@pytest.mark.parametrize("case", STRIP_CASES, ids=[c[0] for c in STRIP_CASES])
def test_strip_shortcodes_matches_wordpress(case: tuple[str, str, str]) -> None:
    assert strip_shortcodes(case[1]) == require_php().call("strip_shortcodes", case[1])


# WordPress's parse_blocks() is not in the harness: generated documents have no blocks.
classic_documents = documents().map(lambda s: s.replace("<!-- wp:", "<!-- x:"))


@pytest.mark.php
@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(classic_documents, classic_documents)
def test_matches_wordpress_on_generated_documents(content: str, excerpt: str) -> None:
    php = require_php()
    expected = php.call_many(
        [
            ("excerpt", ["", content]),
            ("excerpt", [excerpt, content]),
            ("strip_shortcodes", [content]),
            ("excerpt_source", [content]),
            ("excerpt_remove_footnotes", [content]),
        ]
    )
    assert [
        excerpt_rendered("", content),
        excerpt_rendered(excerpt, content),
        strip_shortcodes(content),
        get_the_content_for_excerpt(content),
        excerpt_remove_footnotes(content),
    ] == expected


@pytest.mark.php
def test_matches_wordpress_on_oracle_posts() -> None:
    posts = [p for p in oracle_posts() if "<!-- wp:" not in p.post_content]
    expected = require_php().call_many(
        [("excerpt", [p.post_excerpt, p.post_content]) for p in posts]
    )
    ours = [excerpt_rendered(p.post_excerpt, p.post_content) for p in posts]
    assert [p.id for p, o, e in zip(posts, ours, expected, strict=True) if o != e] == []
    assert len(posts) > 100
