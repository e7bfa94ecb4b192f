"""The gallery block: `block_core_gallery_render()` and its data filter (blocks/gallery.php).

Static galleries get a `wp-block-gallery-N` class (`wp_unique_id()`); inner images get a
`data-id` attribute from their `id`. Dynamic galleries (`dynamicContent`, attached media) are
rendered from `ctx.data.attachments_of()`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr, esc_url

if TYPE_CHECKING:
    from pressbox.content.blocks.render import BlockInstance

__all__ = ["MODULE"]


def _php_str(value: Any) -> str:
    if value is True:
        return "1"
    if value is False or value is None:
        return ""
    return str(value)


def gallery_data_id(block: Block, parent: BlockInstance | None, ctx: RenderContext) -> Block:
    """`block_core_gallery_data_id_backcompatibility()`: `data-id` on inner images."""
    if block.block_name != "core/gallery":
        return block
    changed = False
    inner: list[Block] = []
    for child in block.inner_blocks:
        if (
            child.block_name == "core/image"
            and "data-id" not in child.attrs
            and child.attrs.get("id") is not None
        ):
            attrs = dict(child.attrs)
            attrs["data-id"] = esc_attr(_php_str(child.attrs["id"]))
            child = replace(child, attrs=attrs)
            changed = True
        inner.append(child)
    return replace(block, inner_blocks=inner) if changed else block


def gallery_context(
    context: dict[str, Any], block: Block, parent: BlockInstance | None, ctx: RenderContext
) -> dict[str, Any]:
    """`block_core_gallery_render_context()`: WordPress stores a `uniqid()` as `galleryId`.

    It only feeds the lightbox (off by default), so a per-render counter stands in for it.
    """
    if block.block_name == "core/gallery":
        context = dict(context)
        count = int(ctx.state.get("_gallery_ids", 0)) + 1
        ctx.state["_gallery_ids"] = count
        context["galleryId"] = f"gallery{count}"
    return context


def _dynamic_images(block: Block, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance

    attrs = block.attrs
    source = attrs.get("dynamicContent")
    if not isinstance(source, dict) or source.get("source") != "core/attached-media":
        return ""
    post_id = current_instance(ctx).context.get("postId") or ctx.post.id
    images = list(ctx.data.attachments_of(int(post_id)))[:100]
    size = _php_str(attrs.get("sizeSlug", "large"))
    link_to = attrs.get("linkTo", "none")
    out: list[str] = []
    for image in images:
        att_id = image.post.id
        src = f"{ctx.data.uploads_base_url()}/{image.file}"
        markup = (
            f'<img src="{esc_url(src)}" class="wp-image-{att_id}" alt="{esc_attr(image.alt)}" />'
        )
        href = ""
        if link_to in ("media", "file"):
            href = src
        elif link_to in ("attachment", "post"):
            href = ctx.data.permalink(att_id)
        if href:
            markup = f'<a href="{esc_url(href)}">{markup}</a>'
        if image.post.post_excerpt:
            markup += (
                f'<figcaption class="wp-element-caption">{image.post.post_excerpt}</figcaption>'
            )
        out.append(f'<figure class="wp-block-image size-{esc_attr(size)}">{markup}</figure>')
    return "".join(out)


def render_gallery(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import unique_id
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    attrs = block.attrs
    if attrs.get("dynamicContent"):
        images = _dynamic_images(block, ctx)
        if not images:
            return ""
        classes = "wp-block-gallery has-nested-images"
        classes += f" columns-{int(attrs['columns'])}" if "columns" in attrs else " columns-default"
        if attrs.get("imageCrop", True):
            classes += " is-cropped"
        wrapper = get_block_wrapper_attributes(ctx, {"class": classes})
        content = f"<figure {wrapper}>{images}{content}</figure>"
    name = unique_id(ctx, "wp-block-gallery-")
    p = TagProcessor(content)
    p.next_tag()
    p.add_class(name)
    return p.get_updated_html()


MODULE = BlockModule(
    renderers={"core/gallery": render_gallery},
    data_filters=(gallery_data_id,),
    context_filters=(gallery_context,),
)
