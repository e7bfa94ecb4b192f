"""The footnotes block: `render_block_core_footnotes()` (blocks/footnotes.php).

Footnotes live in the post's `footnotes` meta (a JSON list of `{id, content}`).
"""

from __future__ import annotations

import json

from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr

__all__ = ["MODULE", "render_footnotes"]


def render_footnotes(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    post_id = current_instance(ctx).context.get("postId")
    if not post_id:
        return ""
    post = ctx.data.post(int(post_id))
    if post is not None and post.post_password and not ctx.state.get("password_verified"):
        return ""  # post_password_required(): the REST API never holds the password cookie
    raw = ctx.data.post_meta(int(post_id), "footnotes")
    if not raw or not isinstance(raw, str):
        return ""
    try:
        footnotes = json.loads(raw)
    except ValueError:
        return ""
    if not isinstance(footnotes, list) or not footnotes:
        return ""
    kses = ctx.state.get("wp_kses_post")
    items: list[str] = []
    for index, note in enumerate(footnotes, start=1):
        if not isinstance(note, dict):
            continue
        text = str(note.get("content", ""))
        if callable(kses):
            text = kses(text)
        label = f"Jump to footnote reference {index}"
        note_id = esc_attr(str(note.get("id", "")))
        items.append(
            f'<li id="{note_id}">{text} <a href="#{note_id}-link" aria-label="{esc_attr(label)}">↩︎</a></li>'
        )
    return f"<ol {get_block_wrapper_attributes(ctx)}>{''.join(items)}</ol>"


MODULE = BlockModule(renderers={"core/footnotes": render_footnotes})
