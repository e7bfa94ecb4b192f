"""The shortcode block: `render_block_core_shortcode()` (blocks/shortcode.php) is `wpautop()`.

The shortcodes themselves run later (`do_shortcode`, the_content priority 11). `wpautop` is
another step's module: it is taken from `ctx.state["wpautop"]` (a `str -> str` callable) and,
when absent, from `pressbox.content.autop.wpautop` if that module exists.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache

from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext

__all__ = ["MODULE", "render_shortcode"]


@cache
def _module_wpautop() -> Callable[[str], str] | None:
    try:
        module = importlib.import_module("pressbox.content.autop")
    except ImportError:
        return None
    fn = getattr(module, "wpautop", None)
    return fn if callable(fn) else None


def render_shortcode(block: Block, content: str, ctx: RenderContext) -> str:
    autop = ctx.state.get("wpautop") or _module_wpautop()
    if autop is None:
        return content
    result: str = autop(content)
    return result


MODULE = BlockModule(renderers={"core/shortcode": render_shortcode})
