"""Synced patterns: `render_block_core_block()` (blocks/block.php).

The referenced `wp_block` post's content is parsed and rendered as the block's inner blocks
(static rendering of the wrapper, as WordPress does), guarding against self-reference.
"""

from __future__ import annotations

from pressbox.content.blocks.parser import parse_blocks
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext

__all__ = ["MODULE", "render_synced_pattern"]

_SEEN = "_block_seen_refs"


def render_synced_pattern(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance, render_instance

    ref = block.attrs.get("ref")
    if not ref or isinstance(ref, bool):
        return ""
    try:
        ref_id = int(ref)
    except (TypeError, ValueError):
        return ""
    pattern = ctx.data.post(ref_id)
    if pattern is None or pattern.post_type != "wp_block":
        return ""
    seen: set[int] = ctx.state.setdefault(_SEEN, set())
    if ref_id in seen:
        return ""
    if pattern.post_status != "publish" or pattern.post_password:
        return ""
    seen.add(ref_id)
    try:
        # $wp_embed->run_shortcode()/autoembed() would turn bare URLs into embeds; with
        # external HTTP blocked WordPress leaves links as they are.
        instance = current_instance(ctx)
        inner = parse_blocks(pattern.post_content)
        instance.parsed = Block(
            instance.parsed.block_name,
            instance.parsed.attrs,
            inner,
            instance.parsed.inner_html,
            [None] * len(inner),
        )
        instance.refresh_context()
        return render_instance(instance, ctx, dynamic=False)
    finally:
        seen.discard(ref_id)


MODULE = BlockModule(renderers={"core/block": render_synced_pattern})
