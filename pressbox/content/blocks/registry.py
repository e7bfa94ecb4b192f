"""The block registry: block types with their server renderers and the render filters.

WordPress's counterpart is `WP_Block_Type_Registry` plus the `render_block`,
`render_block_{name}`, `render_block_data` and `render_block_context` hooks core adds. Here it
is an immutable value built once (`build_registry()`), owned by the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from pressbox.content.blocks.block_type import BlockType, core_block_metadata
from pressbox.content.blocks.theme import TWENTY_TWENTY_FIVE, ThemeSettings
from pressbox.content.blocks.types import Block, BlockRenderer
from pressbox.content.context import RenderContext

if TYPE_CHECKING:
    from pressbox.content.blocks.render import BlockInstance

__all__ = [
    "BlockRegistry",
    "ContextFilter",
    "DataFilter",
    "RenderFilter",
    "build_registry",
    "default_registry",
]

# `render_block` / `render_block_{name}`: (content, block being rendered, ctx) -> content
RenderFilter = Callable[[str, "BlockInstance", RenderContext], str]
# `render_block_data`: (parsed block, parent or None, ctx) -> parsed block (a new one if changed)
DataFilter = Callable[[Block, "BlockInstance | None", RenderContext], Block]
# `render_block_context`: (context, parsed block, parent or None, ctx) -> context
ContextFilter = Callable[
    [dict[str, Any], Block, "BlockInstance | None", RenderContext], dict[str, Any]
]


@dataclass(frozen=True)
class BlockRegistry:
    """Block types by name and the filters applied while rendering, in WordPress's order."""

    types: Mapping[str, BlockType]
    theme: ThemeSettings = TWENTY_TWENTY_FIVE
    render_filters: tuple[RenderFilter, ...] = ()
    named_filters: Mapping[str, tuple[RenderFilter, ...]] = field(default_factory=dict)
    data_filters: tuple[DataFilter, ...] = ()
    context_filters: tuple[ContextFilter, ...] = ()

    def get(self, name: str | None) -> BlockType | None:
        return self.types.get(name) if name else None


@dataclass(frozen=True)
class BlockModule:
    """What one module of renderers contributes to the registry."""

    renderers: Mapping[str, BlockRenderer] = field(default_factory=dict)
    named_filters: Mapping[str, tuple[RenderFilter, ...]] = field(default_factory=dict)
    data_filters: tuple[DataFilter, ...] = ()
    context_filters: tuple[ContextFilter, ...] = ()
    skip_inner_blocks: frozenset[str] = frozenset()


def build_registry(
    theme: ThemeSettings = TWENTY_TWENTY_FIVE,
    modules: Iterable[BlockModule] | None = None,
    extra_types: Mapping[str, BlockType] | None = None,
) -> BlockRegistry:
    """Core block types (WordPress 7.1 metadata) with renderers and filters from `modules`."""
    from pressbox.content.blocks import supports
    from pressbox.content.blocks.core import CORE_MODULES

    mods = list(CORE_MODULES if modules is None else modules)
    renderers: dict[str, BlockRenderer] = {}
    named: dict[str, list[RenderFilter]] = {}
    data_filters: list[DataFilter] = []
    context_filters: list[ContextFilter] = []
    skip: set[str] = set()
    for mod in mods:
        renderers.update(mod.renderers)
        for name, filters in mod.named_filters.items():
            named.setdefault(name, []).extend(filters)
        data_filters.extend(mod.data_filters)
        context_filters.extend(mod.context_filters)
        skip |= mod.skip_inner_blocks
    types: dict[str, BlockType] = {}
    for name, meta in core_block_metadata().items():
        types[name] = BlockType(
            name=name,
            attributes=meta.get("attributes", {}),
            supports=meta.get("supports", {}),
            uses_context=tuple(meta.get("usesContext", ())),
            provides_context=meta.get("providesContext", {}),
            selectors=meta.get("selectors", {}),
            render=renderers.get(name),
            skip_inner_blocks=name in skip,
        )
    for name, renderer in renderers.items():
        if name not in types:
            types[name] = BlockType(name=name, render=renderer, skip_inner_blocks=name in skip)
    if extra_types:
        types.update(extra_types)
    return BlockRegistry(
        types=types,
        theme=theme,
        # Block-library data filters are hooked before the block supports' (load order).
        render_filters=supports.RENDER_FILTERS,
        named_filters={k: tuple(v) for k, v in named.items()},
        data_filters=(*data_filters, *supports.DATA_FILTERS),
        context_filters=tuple(context_filters),
    )


@cache
def default_registry() -> BlockRegistry:
    """WordPress 7.1's core blocks on the oracle's theme (Twenty Twenty-Five)."""
    return build_registry()
