"""Excerpts generated from content: WordPress's `wp_trim_excerpt()` (formatting.php), with
`get_the_content()` as a REST request sees it (post-template.php), `strip_shortcodes()`
(shortcodes.php), `excerpt_remove_blocks()` and `excerpt_remove_footnotes()` (blocks.php).

The REST API renders `excerpt.rendered` as
`apply_filters( 'the_excerpt', apply_filters( 'get_the_excerpt', $post->post_excerpt, $post ) )`
(`''` when the post needs a password). The filters of default-filters.php (and WP_Embed) that
WordPress 7.1 core registers, in the order they run (priority, then registration):

| filter | priority: steps |
|---|---|
| `the_title` | 10: `wptexturize`, `convert_chars`, `trim`; 11: `capital_P_dangit` (title variant: every `Wordpress`) |
| `the_content` | 8: `apply_block_hooks_to_content_from_post_object`, `WP_Embed::run_shortcode`, `WP_Embed::autoembed`; 9: `do_blocks`; 10: `wptexturize`, `wpautop`, `shortcode_unautop`, `prepend_attachment`, `wp_replace_insecure_home_url`; 11: `capital_P_dangit`, `do_shortcode`; 12: `wp_filter_content_tags`; 20: `convert_smilies` |
| `get_the_excerpt` | 10: `wp_trim_excerpt` (this module) |
| `the_excerpt` | 10: `wptexturize`, `convert_smilies`, `convert_chars`, `wpautop`, `shortcode_unautop`, `wp_replace_insecure_home_url`; 12: `wp_filter_content_tags` |

Two quirks of `the_content` that a pipeline must reproduce:
- `do_blocks` removes `wpautop` for the rest of the call when the content has blocks
  (`<!-- wp:`), and re-adds it afterwards *at the end* of priority 10: in the same PHP request,
  every later `the_content` runs `wptexturize, shortcode_unautop, prepend_attachment,
  wp_replace_insecure_home_url, wpautop`. So once a post with blocks has been rendered in a
  request (a collection, or the content before the excerpt of the same post), a lone shortcode of
  a later classic post stays wrapped in `<p>` (the oracle shows it for post 568 in lists).
- `wp_trim_excerpt` runs `the_content` without `do_blocks` and without
  `wp_filter_content_tags`, so `render_content` below must be that pipeline minus those two.

Callables the caller passes to `wp_trim_excerpt()`:
- `render_content(text, ctx) -> str`: `the_content` without `do_blocks` and
  `wp_filter_content_tags` (with the `wpautop` placement above);
- `strip_shortcodes(text) -> str`: default: `strip_shortcodes()` of core's shortcode names;
  use `functools.partial(strip_shortcodes, shortcode_tags=…)` for the site's names;
- `parse_blocks(text) -> list[Block]` and `render_block(block, ctx) -> str`: WordPress's
  `parse_blocks()` and `render_block()`; without them content with blocks is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import PHP_TRIM
from pressbox.content.formatting import force_balance_tags, wp_html_split, wp_trim_words
from pressbox.content.pipeline import Step
from pressbox.content.texturize import DEFAULT_SHORTCODE_TAGS

__all__ = [
    "EXCERPT_LENGTH",
    "EXCERPT_MORE",
    "excerpt_remove_blocks",
    "excerpt_remove_footnotes",
    "get_the_content_for_excerpt",
    "make_wp_trim_excerpt",
    "strip_shortcodes",
    "wp_trim_excerpt",
]

EXCERPT_LENGTH = 55
EXCERPT_MORE = " [&hellip;]"

ParseBlocks = Callable[[str], Sequence[Block]]
RenderBlock = Callable[[Block, RenderContext], str]

_MORE = re.compile(r"<!--more(.*?)?-->")
_MORE_BLOCK = re.compile(r"<!-- /?wp:more(.*?) -->")


def get_the_content_for_excerpt(post_content: str) -> str:
    """get_the_content( '', false, $post ) in a REST request: page 1, up to `<!--more-->`.

    A REST request is neither a single-post view nor a feed, so `$more` is 0: the teaser
    before `<!--more-->` is kept (tags balanced) and no "more" link is added (its text is '').
    """
    content = post_content
    if "<!--nextpage-->" in content:  # WP_Query::generate_postdata(): page 1 only
        content = content.replace("\n<!--nextpage-->\n", "<!--nextpage-->")
        content = content.replace("\n<!--nextpage-->", "<!--nextpage-->")
        content = content.replace("<!--nextpage-->\n", "<!--nextpage-->")
        content = content.replace("<!-- wp:nextpage -->", "").replace("<!-- /wp:nextpage -->", "")
        content = content.removeprefix("<!--nextpage-->")
        content = content.split("<!--nextpage-->", 1)[0]
    m = _MORE.search(content)
    if m is None:
        return content
    if "<!-- wp:" in content and ("<!-- wp:core/more " in content or "<!-- wp:more " in content):
        content = _MORE_BLOCK.sub("", content)  # has_block( 'more' )
    parts = content.split(m.group(), 1)
    return force_balance_tags(parts[0]) if len(parts) > 1 else parts[0]


# --- strip_shortcodes ----------------------------------------------------------------------

_SHORTCODE_NAME = re.compile(r"\[([^<>&/\[\]\x00-\x20=]++)")
_ESCAPE_BRACKETS = str.maketrans({"[": "&#91;", "]": "&#93;"})


def get_shortcode_regex(tagnames: Sequence[str]) -> re.Pattern[str]:
    """get_shortcode_regex(): groups 1 `[`, 2 name, 3 attributes, 4 `/`, 5 content, 6 `]`."""
    tags = "|".join(re.escape(t) for t in tagnames)
    return re.compile(
        rf"\[(\[?)({tags})(?![\w-])([^\]/]*(?:/(?!\])[^\]/]*)*?)"
        rf"(?:(/)\]|\](?:([^\[]*+(?:\[(?!/\2\])[^\[]*+)*+)\[/\2\])?)(\]?)",
        re.ASCII,
    )


def _strip_shortcode_tag(m: re.Match[str]) -> str:
    if m.group(1) == "[" and m.group(6) == "]":  # [[foo]] is an escaped tag
        return m.group()[1:-1]
    return m.group(1) + m.group(6)


def strip_shortcodes(content: str, shortcode_tags: Collection[str] = DEFAULT_SHORTCODE_TAGS) -> str:
    """strip_shortcodes(): remove registered shortcodes (with their content) from the text."""
    if "[" not in content or not shortcode_tags:
        return content
    found = set(_SHORTCODE_NAME.findall(content))
    tagnames = sorted(t for t in shortcode_tags if t in found)
    if not tagnames:
        return content
    # do_shortcodes_in_html_tags( $content, true, … ): brackets inside elements are hidden.
    content = content.replace("&#91;", "&#091;").replace("&#93;", "&#093;")
    parts = wp_html_split(content)
    for i in range(1, len(parts), 2):
        if "[" in parts[i] or "]" in parts[i]:
            parts[i] = parts[i].translate(_ESCAPE_BRACKETS)
    content = get_shortcode_regex(tagnames).sub(_strip_shortcode_tag, "".join(parts))
    return content.replace("&#91;", "[").replace("&#93;", "]")  # unescape_invalid_shortcodes()


# --- blocks and footnotes ------------------------------------------------------------------

ALLOWED_INNER_BLOCKS: tuple[str | None, ...] = (
    None,  # classic (freeform) content between blocks
    "core/freeform",
    "core/heading",
    "core/html",
    "core/list",
    "core/media-text",
    "core/paragraph",
    "core/preformatted",
    "core/pullquote",
    "core/quote",
    "core/table",
    "core/verse",
)
ALLOWED_WRAPPER_BLOCKS: tuple[str, ...] = ("core/columns", "core/column", "core/group")
ALLOWED_BLOCKS: tuple[str | None, ...] = ALLOWED_INNER_BLOCKS + ALLOWED_WRAPPER_BLOCKS


def _hidden(block: Block) -> bool:
    """`false === $block['attrs']['metadata']['blockVisibility']`."""
    metadata = block.attrs.get("metadata")
    return isinstance(metadata, dict) and metadata.get("blockVisibility") is False


def _render_inner_blocks(block: Block, ctx: RenderContext, render_block: RenderBlock) -> str:
    """_excerpt_render_inner_blocks(): allowed blocks inside a wrapper, recursively."""
    out: list[str] = []
    for inner in block.inner_blocks:
        if _hidden(inner) or inner.block_name not in ALLOWED_BLOCKS:
            continue
        if not inner.inner_blocks:
            out.append(render_block(inner, ctx))
        else:
            out.append(_render_inner_blocks(inner, ctx, render_block))
    return "".join(out)


def excerpt_remove_blocks(
    content: str, ctx: RenderContext, parse_blocks: ParseBlocks, render_block: RenderBlock
) -> str:
    """excerpt_remove_blocks(): render only the top-level blocks that make sense in an excerpt."""
    if "<!-- wp:" not in content:
        return content
    out: list[str] = []
    for block in parse_blocks(content):
        if _hidden(block) or block.block_name not in ALLOWED_BLOCKS:
            continue
        if block.inner_blocks:
            if block.block_name in ALLOWED_WRAPPER_BLOCKS:
                out.append(_render_inner_blocks(block, ctx, render_block))
                continue
            # Skip the block if it has disallowed or nested inner blocks.
            if any(
                inner.block_name not in ALLOWED_INNER_BLOCKS or inner.inner_blocks
                for inner in block.inner_blocks
            ):
                continue
        out.append(render_block(block, ctx))
    return "".join(out)


_FOOTNOTE_REF = re.compile(
    r'<sup data-fn="[^"]+" class="[^"]+">\s*<a href="[^"]+" id="[^"]+">[0-9]+</a>\s*</sup>',
    re.ASCII,
)


def excerpt_remove_footnotes(content: str) -> str:
    """excerpt_remove_footnotes(): drop the footnote reference marks."""
    if "data-fn=" not in content:
        return content
    return _FOOTNOTE_REF.sub("", content)


# --- wp_trim_excerpt -------------------------------------------------------------------------


def wp_trim_excerpt(
    text: str,
    post_content: str,
    ctx: RenderContext,
    render_content: Step,
    *,
    strip_shortcodes: Callable[[str], str] = strip_shortcodes,
    parse_blocks: ParseBlocks | None = None,
    render_block: RenderBlock | None = None,
    excerpt_length: int = EXCERPT_LENGTH,
    excerpt_more: str = EXCERPT_MORE,
) -> str:
    """wp_trim_excerpt(): the excerpt as written, or the first words of the rendered content.

    `excerpt_length` is the `excerpt_length` filter's value (the REST `excerpt_length`
    argument overrides it); `excerpt_more` the `excerpt_more` filter's.
    """
    if text.strip(PHP_TRIM) != "":
        return text
    content = get_the_content_for_excerpt(post_content)
    content = strip_shortcodes(content)
    if parse_blocks is not None and render_block is not None:
        content = excerpt_remove_blocks(content, ctx, parse_blocks, render_block)
    content = excerpt_remove_footnotes(content)
    content = render_content(content, ctx).replace("]]>", "]]&gt;")
    return wp_trim_words(content, excerpt_length, excerpt_more)


def make_wp_trim_excerpt(
    render_content: Step,
    *,
    shortcode_tags: Collection[str] = DEFAULT_SHORTCODE_TAGS,
    parse_blocks: ParseBlocks | None = None,
    render_block: RenderBlock | None = None,
    excerpt_length: int = EXCERPT_LENGTH,
    excerpt_more: str = EXCERPT_MORE,
) -> Step:
    """The `get_the_excerpt` step: wp_trim_excerpt() of `ctx.post`'s content."""
    tags = frozenset(shortcode_tags)

    def strip(content: str) -> str:
        return strip_shortcodes(content, tags)

    def wp_trim_excerpt_step(text: str, ctx: RenderContext) -> str:
        return wp_trim_excerpt(
            text,
            ctx.post.post_content,
            ctx,
            render_content,
            strip_shortcodes=strip,
            parse_blocks=parse_blocks,
            render_block=render_block,
            excerpt_length=excerpt_length,
            excerpt_more=excerpt_more,
        )

    wp_trim_excerpt_step.__name__ = "wp_trim_excerpt"
    return wp_trim_excerpt_step
