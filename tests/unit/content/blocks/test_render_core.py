"""do_blocks: reassembly of inner content, the wpautop flag, text blocks and synced patterns."""

from __future__ import annotations

import pytest

from pressbox.content.blocks import do_blocks, parse_blocks
from pressbox.content.blocks.render import unique_id
from pressbox.content.context import PostData
from pressbox.content.counters import Counters

from .fakes import FakeSite, make_ctx, render


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("plain <b>html</b>\n\nsecond", "plain <b>html</b>\n\nsecond"),
        (
            "<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->",
            '\n<p class="wp-block-paragraph">Hi</p>\n',
        ),
        (
            '<!-- wp:paragraph -->\n<p class="x">Hi</p>\n<!-- /wp:paragraph -->',
            '\n<p class="x wp-block-paragraph">Hi</p>\n',
        ),
        (
            "<!-- wp:heading -->\n<h2>T</h2>\n<!-- /wp:heading -->",
            '\n<h2 class="wp-block-heading">T</h2>\n',
        ),
        (
            "<!-- wp:list -->\n<ul><li>a</li></ul>\n<!-- /wp:list -->",
            '\n<ul class="wp-block-list"><li>a</li></ul>\n',
        ),
        ("<!-- wp:separator -->\n<hr/>\n<!-- /wp:separator -->", "\n<hr/>\n"),
        ("<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->", "\n<!--more-->\n"),
        ('<!-- wp:unknown/block {"a":1} -->x<!-- /wp:unknown/block -->', "x"),
        ("a<!-- wp:spacer /-->b", "ab"),
        (
            '<!-- wp:button -->\n<div class="wp-block-button"><a class="wp-block-button__link"></a></div>\n<!-- /wp:button -->',
            "",
        ),
    ],
)
def test_static_and_text_blocks(content: str, expected: str) -> None:
    assert render(content, make_ctx()) == expected


def test_inner_blocks_are_reassembled_in_order() -> None:
    content = (
        '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>A</p>\n'
        "<!-- /wp:paragraph --><cite>C</cite></blockquote>\n<!-- /wp:quote -->"
    )
    assert render(content, make_ctx()) == (
        '\n<blockquote class="wp-block-quote is-layout-flow wp-block-quote-is-layout-flow">\n'
        '<p class="wp-block-paragraph">A</p>\n<cite>C</cite></blockquote>\n'
    )


@pytest.mark.parametrize(
    ("content", "flag"), [("<!-- wp:paragraph /-->", True), ("no blocks", False)]
)
def test_has_blocks_flag_tells_the_pipeline_to_skip_wpautop(content: str, flag: bool) -> None:
    ctx = make_ctx()
    render(content, ctx)
    assert ctx.state.get("has_blocks", False) is flag


def test_unique_ids_are_request_wide_placeholders() -> None:
    gallery = '<!-- wp:gallery --><figure class="wp-block-gallery"></figure><!-- /wp:gallery -->'
    a, b = make_ctx(), make_ctx()
    first = do_blocks(gallery, a)
    assert "wp-block-gallery-1 " not in first  # a placeholder until the response is built
    request = Counters()
    assert "wp-block-gallery-1 " in request.resolve(first)
    assert "wp-block-gallery-3 " in request.resolve(unique_id(b) + do_blocks(gallery, b))


def test_style_variation_with_theme_styles_gets_an_instance_class() -> None:
    content = (
        '<!-- wp:button {"className":"is-style-outline"} -->\n<div class="wp-block-button is-style-outline">'
        '<a class="wp-block-button__link">Go</a></div>\n<!-- /wp:button -->'
    )
    out = render(content, make_ctx())
    assert 'class="wp-block-button is-style-outline is-style-outline--1"' in out


def test_synced_pattern_renders_the_referenced_block_and_stops_recursion() -> None:
    site = FakeSite()
    site.add(
        PostData(
            id=7,
            post_type="wp_block",
            post_content="<!-- wp:paragraph -->\n<p>Shared</p>\n<!-- /wp:paragraph -->",
        )
    )
    site.add(PostData(id=8, post_type="wp_block", post_content='<!-- wp:block {"ref":8} /-->'))
    site.add(PostData(id=9, post_type="wp_block", post_status="draft", post_content="<p>no</p>"))
    ctx = make_ctx(site)
    assert (
        render('<!-- wp:block {"ref":7} /-->', ctx)
        == '\n<p class="wp-block-paragraph">Shared</p>\n'
    )
    assert render('<!-- wp:block {"ref":8} /-->', ctx) == ""
    assert render('<!-- wp:block {"ref":9} /-->', ctx) == ""
    assert render('<!-- wp:block {"ref":100} /-->', ctx) == ""


def test_footnotes_come_from_post_meta() -> None:
    site = FakeSite()
    site.meta[(100, "footnotes")] = '[{"id":"f1","content":"Note <em>one</em>"}]'
    out = render("<!-- wp:footnotes /-->", make_ctx(site))
    assert out == (
        '<ol class="wp-block-footnotes"><li id="f1">Note <em>one</em> '
        '<a href="#f1-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>'
    )


def test_shortcode_block_uses_the_wpautop_callable() -> None:
    ctx = make_ctx(wpautop=lambda text: f"<p>{text.strip()}</p>\n")
    assert render("<!-- wp:shortcode -->\n[x]\n<!-- /wp:shortcode -->", ctx) == "<p>[x]</p>\n"


def test_parse_then_render_keeps_freeform_between_blocks() -> None:
    content = "a<!-- wp:paragraph --><p>b</p><!-- /wp:paragraph -->c"
    assert [b.block_name for b in parse_blocks(content)] == [None, "core/paragraph", None]
    assert render(content, make_ctx()) == 'a<p class="wp-block-paragraph">b</p>c'
