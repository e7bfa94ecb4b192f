"""Blocks: the block parser and `do_blocks` with server-side rendering of core blocks.

`parse_blocks()` ports `WP_Block_Parser`; `do_blocks()` is the_content's priority-9 step (see
`render` for its contract with the pipeline and `data` for what dynamic blocks read from
`ctx.data` and `ctx.state`); `default_registry()` holds WordPress 7.1's core block types with the
renderers of `core` and the supports of `supports`, for the oracle's theme (`theme`).
"""

from pressbox.content.blocks.parser import parse_blocks
from pressbox.content.blocks.registry import BlockRegistry, build_registry, default_registry
from pressbox.content.blocks.render import do_blocks, make_do_blocks, render_block
from pressbox.content.blocks.theme import TWENTY_TWENTY_FIVE, ThemeSettings

__all__ = [
    "TWENTY_TWENTY_FIVE",
    "BlockRegistry",
    "ThemeSettings",
    "build_registry",
    "default_registry",
    "do_blocks",
    "make_do_blocks",
    "parse_blocks",
    "render_block",
]
