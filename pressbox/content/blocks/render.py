"""`do_blocks()`, `render_block()` and `WP_Block::render()`: turning parsed blocks into HTML.

Contract with the pipeline (the_content, priority 9):

* `do_blocks(text, ctx)` parses `text`, renders every top-level block and returns the HTML.
  When `text` contains `<!-- wp:` it sets `ctx.state["has_blocks"] = True`: WordPress's
  `do_blocks()` then unhooks `wpautop` (priority 10) for the rest of this `the_content` run and
  re-adds it afterwards, so the pipeline must skip its autop step when the flag is set.
* `wp_unique_id()` / `wp_unique_prefixed_id()` numbers (`wp-block-gallery-1`,
  `is-style-outline--7`, `wp-elements-1`, …) run across a whole PHP request. They are emitted as
  `pressbox.content.counters` placeholders (counter `unique_id`, and `prefixed_<prefix>` per
  prefix); the response builder resolves them with one `counters.Counters` per request.
* Renderers that need another post's rendered title or excerpt read callables from
  `ctx.state` (see `pressbox.content.blocks.core.latest_posts`).
* When the outermost block whose type supports `interactivity` has rendered, its HTML goes
  through `interactivity.process_directives()` with the store state of
  `ctx.state[INTERACTIVITY_STATE]` (none by default), as `WP_Block::render()` does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from pressbox.content import counters
from pressbox.content.blocks.block_type import BlockType
from pressbox.content.blocks.parser import parse_blocks
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext

if TYPE_CHECKING:
    from pressbox.content.blocks.registry import BlockRegistry

__all__ = [
    "BlockInstance",
    "current_instance",
    "do_blocks",
    "keep_placeholders",
    "make_do_blocks",
    "registry_of",
    "render_block",
    "render_instance",
    "unique_id",
    "unique_prefixed_id",
]

_RENDER_KEY = "_blocks_render"
# ctx.state: the Interactivity API state by store namespace (`wp_interactivity_state()`).
INTERACTIVITY_STATE = "interactivity_state"


def _counter_name(prefix: str) -> str:
    return "prefixed_" + re.sub(r"[^a-z_]", "_", prefix.lower())


def unique_id(ctx: RenderContext, prefix: str = "") -> str:
    """`wp_unique_id( $prefix )`: a request-wide number (a `counters` placeholder)."""
    return counters.unique_id(ctx, prefix)


def keep_placeholders(json_text: str) -> str:
    """Undo JSON's `\\uXXXX` escaping of id placeholders (they become digits later)."""
    return (
        json_text.replace("\\ue000", "\ue000")
        .replace("\\ue001", "\ue001")
        .replace("\\ue002", "\ue002")
        .replace("\\ue003", "\ue003")
    )


def unique_prefixed_id(ctx: RenderContext, prefix: str = "") -> str:
    """`wp_unique_prefixed_id( $prefix )`: a request-wide number per prefix (a placeholder)."""
    return prefix + counters.next_number(ctx, _counter_name(prefix))


class BlockInstance:
    """A block being rendered, as `WP_Block`: parsed data, type, context and inner blocks."""

    __slots__ = (
        "_attributes",
        "_inner",
        "available_context",
        "block_type",
        "context",
        "name",
        "parent_layout",
        "parsed",
        "registry",
    )

    def __init__(
        self,
        parsed: Block,
        available_context: dict[str, Any],
        registry: BlockRegistry,
        parent_layout: Any = None,
    ) -> None:
        self.parsed = parsed
        self.name = parsed.block_name
        self.registry = registry
        self.block_type: BlockType | None = registry.get(self.name) if self.name else None
        self.parent_layout = parent_layout  # `$parsed_block['parentLayout']`
        self.available_context = dict(available_context)
        self.context: dict[str, Any] = {}
        self._attributes: dict[str, Any] | None = None
        self._inner: list[BlockInstance] | None = None
        self.refresh_context()

    def refresh_context(self) -> None:
        """`refresh_context_dependents()`."""
        self.available_context.update(self.context)
        bt = self.block_type
        if bt is not None:
            for name in bt.uses_context:
                if name in self.available_context:
                    self.context[name] = self.available_context[name]
        self._inner = None

    def refresh_parsed(self) -> None:
        """`refresh_parsed_block_dependents()`: inner blocks are rebuilt on next access."""
        self._inner = None
        self._attributes = None

    @property
    def attributes(self) -> dict[str, Any]:
        """Attributes with the block type's defaults filled in (`$block->attributes`)."""
        if self._attributes is None:
            attrs = self.parsed.attrs
            self._attributes = (
                self.block_type.prepare_attributes(attrs) if self.block_type else dict(attrs)
            )
        return self._attributes

    @attributes.setter
    def attributes(self, value: dict[str, Any]) -> None:
        self._attributes = value

    @property
    def inner_blocks(self) -> list[BlockInstance]:
        if self._inner is None:
            child_context = dict(self.available_context)
            bt = self.block_type
            if bt is not None and bt.provides_context:
                attrs = self.attributes
                for name, attr in bt.provides_context.items():
                    if attr in attrs:
                        child_context[name] = attrs[attr]
            self._inner = [
                BlockInstance(b, child_context, self.registry) for b in self.parsed.inner_blocks
            ]
        return self._inner


@dataclass
class _RenderState:
    registry: BlockRegistry
    stack: list[BlockInstance] = field(default_factory=list)
    # `WP_Block::render()`'s static `$root_interactive_block`.
    root_interactive: BlockInstance | None = None


def _state(ctx: RenderContext, registry: BlockRegistry | None = None) -> _RenderState:
    state = ctx.state.get(_RENDER_KEY)
    if not isinstance(state, _RenderState):
        if registry is None:
            from pressbox.content.blocks.registry import default_registry

            registry = default_registry()
        state = _RenderState(registry)
        ctx.state[_RENDER_KEY] = state
    elif registry is not None and state.registry is not registry:
        state.registry = registry
    return state


def registry_of(ctx: RenderContext) -> BlockRegistry:
    """The registry of the current `do_blocks()` call."""
    return _state(ctx).registry


def current_instance(ctx: RenderContext) -> BlockInstance:
    """The block whose render callback is running (`WP_Block_Supports::$block_to_render`)."""
    stack = _state(ctx).stack
    if not stack:
        raise RuntimeError("no block is being rendered")
    return stack[-1]


def _apply_data_filters(parsed: Block, parent: BlockInstance | None, ctx: RenderContext) -> Block:
    for data_filter in registry_of(ctx).data_filters:
        parsed = data_filter(parsed, parent, ctx)
    return parsed


def _apply_context_filters(
    context: dict[str, Any], parsed: Block, parent: BlockInstance | None, ctx: RenderContext
) -> dict[str, Any]:
    for context_filter in registry_of(ctx).context_filters:
        context = context_filter(context, parsed, parent, ctx)
    return context


def _is_interactive(bt: BlockType | None) -> bool:
    support = bt.supports.get("interactivity") if bt is not None else None
    return support is True or (isinstance(support, dict) and bool(support.get("interactive")))


def render_instance(instance: BlockInstance, ctx: RenderContext, *, dynamic: bool = True) -> str:
    """`WP_Block::render()`."""
    bt = instance.block_type
    is_dynamic = dynamic and instance.name is not None and bt is not None and bt.is_dynamic
    state = _state(ctx)
    is_root = state.root_interactive is None and _is_interactive(bt)
    if is_root:
        state.root_interactive = instance
    parts: list[str] = []
    if not dynamic or bt is None or not bt.skip_inner_blocks:
        index = 0
        for chunk in instance.parsed.inner_content:
            if chunk is not None:
                parts.append(chunk)
                continue
            inner = instance.inner_blocks[index]
            index += 1
            parts.append(render_child(inner, instance, ctx))
    content = "".join(parts)

    if is_dynamic:
        assert bt is not None and bt.render is not None
        stack = _state(ctx).stack
        stack.append(instance)
        try:
            view = replace(instance.parsed, attrs=instance.attributes)
            content = bt.render(view, content, ctx)
        finally:
            stack.pop()

    registry = registry_of(ctx)
    for render_filter in registry.render_filters:
        content = render_filter(content, instance, ctx)
    if instance.name is not None:
        for render_filter in registry.named_filters.get(instance.name, ()):
            content = render_filter(content, instance, ctx)
    if is_root:
        from pressbox.content.blocks.interactivity import process_directives

        content = process_directives(content, ctx.state.get(INTERACTIVITY_STATE))
        state.root_interactive = None
    return content


def render_child(inner: BlockInstance, parent: BlockInstance, ctx: RenderContext) -> str:
    """Render an inner block as `WP_Block::render()` does: data and context filters first."""
    source = inner.parsed
    parsed = _apply_data_filters(source, parent, ctx)
    if "layout" in parent.parsed.attrs:  # wp_add_parent_layout_to_parsed_block()
        inner.parent_layout = parent.parsed.attrs["layout"]
    before = dict(inner.context)
    context = _apply_context_filters(dict(inner.context), parsed, parent, ctx)
    inner.parsed = parsed
    if context != before:
        inner.context = context
        inner.refresh_context()
        inner.refresh_parsed()
    elif parsed is not source:
        inner.refresh_parsed()
    return render_instance(inner, ctx)


def render_block(
    parsed: Block, ctx: RenderContext, *, context: dict[str, Any] | None = None
) -> str:
    """`render_block()`: a top-level block, with `postId`/`postType` context from the post."""
    parsed = _apply_data_filters(parsed, None, ctx)
    if context is None:
        context = {"postId": ctx.post.id, "postType": ctx.post.post_type}
    context = _apply_context_filters(dict(context), parsed, None, ctx)
    instance = BlockInstance(parsed, context, registry_of(ctx))
    return render_instance(instance, ctx)


def make_do_blocks(registry: BlockRegistry | None = None) -> Callable[[str, RenderContext], str]:
    """A `do_blocks` step bound to `registry` (the default core registry when None)."""

    def do_blocks(text: str, ctx: RenderContext) -> str:
        state = _state(ctx, registry)
        saved_stack, saved_root = state.stack, state.root_interactive
        state.stack = []
        try:
            out = "".join(render_block(block, ctx) for block in parse_blocks(text))
        finally:
            state.stack, state.root_interactive = saved_stack, saved_root
        if "<!-- wp:" in text:
            ctx.state["has_blocks"] = True
        return out

    return do_blocks


do_blocks = make_do_blocks()
do_blocks.__doc__ = "`do_blocks()` with WordPress 7.1's core blocks (the_content, priority 9)."
