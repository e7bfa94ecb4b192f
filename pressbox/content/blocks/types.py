"""The parsed block, as WordPress's `WP_Block_Parser_Block`, and the renderer signature."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pressbox.content.context import RenderContext


@dataclass
class Block:
    """One parsed block. `block_name` is None for freeform HTML between blocks.

    `inner_content` interleaves strings with None placeholders, one per inner block, in order.
    """

    block_name: str | None
    attrs: dict[str, Any] = field(default_factory=dict)
    inner_blocks: list[Block] = field(default_factory=list)
    inner_html: str = ""
    inner_content: list[str | None] = field(default_factory=list)


# A server-side renderer: (block, rendered inner content, context) -> HTML.
BlockRenderer = Callable[[Block, str, RenderContext], str]
