"""Media blocks: cover, video, file and media & text (blocks/cover.php, video.php, file.php,
media-text.php).

Their saved HTML is kept; the server adds what only it knows: video dimensions from the
attachment's metadata, the PDF-preview directives of the file block, and the featured image of
covers / media & text blocks set to use it.
"""

from __future__ import annotations

import re
from typing import Any

from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_url

__all__ = ["MODULE"]

_INNER_CONTAINER = re.compile(r"<div\b[^>]+?wp-block-cover__inner-container[\s|\"][^>]*?>")


def _featured_image(ctx: RenderContext) -> tuple[int, str] | None:
    """The current post's thumbnail id and full URL, if it has one."""
    from pressbox.content.blocks.render import current_instance

    post_id = current_instance(ctx).context.get("postId") or ctx.post.id
    thumb = ctx.data.post_meta(int(post_id), "_thumbnail_id")
    try:
        thumb_id = int(thumb)
    except (TypeError, ValueError):
        return None
    attachment = ctx.data.attachment(thumb_id) if thumb_id else None
    if attachment is None:
        return None
    return thumb_id, f"{ctx.data.uploads_base_url()}/{attachment.file}"


def _round_percent(value: Any) -> str:
    number = float(value) * 100
    rounded = int(number + 0.5) if number >= 0 else -int(-number + 0.5)
    return str(rounded)


def render_cover(block: Block, content: str, ctx: RenderContext) -> str:
    """`render_block_core_cover()` (embedded-video backgrounds need oEmbed and are kept as is)."""
    attrs = block.attrs
    if attrs.get("backgroundType") == "embed-video":
        return content
    if attrs.get("backgroundType") != "image" or attrs.get("useFeaturedImage") is False:
        return content
    featured = _featured_image(ctx)
    focal = attrs.get("focalPoint")
    position = (
        f"{_round_percent(focal.get('x', 0))}% {_round_percent(focal.get('y', 0))}%"
        if isinstance(focal, dict)
        else None
    )
    if not (attrs.get("hasParallax") or attrs.get("isRepeated")):
        if featured is None:
            image = ""
        else:
            thumb_id, url = featured
            style = (
                f' data-object-position="{position}" style="object-position:{position};"'
                if position
                else ""
            )
            thumb = ctx.data.attachment(thumb_id)
            image = (
                f'<img class="wp-block-cover__image-background wp-image-{thumb_id}" '
                f'alt="{thumb.alt if thumb else ""}" src="{esc_url(url)}" data-object-fit="cover"{style} />'
            )
    else:
        if featured is None:
            return content
        thumb_id, url = featured
        p = TagProcessor("<div></div>")
        p.next_tag()
        thumb = ctx.data.attachment(thumb_id)
        alt_text = thumb.alt.strip() if thumb else ""
        if alt_text:
            p.set_attribute("role", "img")
            p.set_attribute("aria-label", alt_text)
        p.add_class("wp-block-cover__image-background")
        p.add_class(f"wp-image-{thumb_id}")
        if attrs.get("hasParallax"):
            p.add_class("has-parallax")
        if attrs.get("isRepeated"):
            p.add_class("is-repeated")
        p.set_attribute(
            "style",
            f"background-position:{position or '50% 50%'};background-image:url({esc_url(url)});",
        )
        image = p.get_updated_html()
    match = _INNER_CONTAINER.search(content)
    if match:
        content = content[: match.start()] + image + content[match.start() :]
    return content


def render_video(block: Block, content: str, ctx: RenderContext) -> str:
    """`render_block_core_video()`: width, height and aspect ratio from the attachment."""
    if "<video" not in content:
        return content
    att_id = block.attrs.get("id")
    if not isinstance(att_id, int) or isinstance(att_id, bool) or att_id <= 0:
        return content
    attachment = ctx.data.attachment(att_id)
    if attachment is None:
        return content
    meta = attachment.metadata
    width, height = meta.get("width"), meta.get("height")
    if not (isinstance(width, int) and isinstance(height, int) and width > 0 and height > 0):
        return content
    p = TagProcessor(content)
    if not p.next_tag("VIDEO"):
        return content
    p.set_attribute("width", str(width))
    p.set_attribute("height", str(height))
    style = p.get_attribute("style")
    style = style if isinstance(style, str) else ""
    p.set_attribute("style", f"aspect-ratio: {width} / {height};{style}")
    return p.get_updated_html()


def render_file(block: Block, content: str, ctx: RenderContext) -> str:
    """`render_block_core_file()`: interactivity directives for the PDF preview."""
    if not block.attrs.get("displayPreview"):
        return content
    p = TagProcessor(content)
    if p.next_tag():
        p.set_attribute("data-wp-interactive", "core/file")
    if not p.next_tag("OBJECT"):
        return content
    p.set_attribute("data-wp-bind--hidden", "!state.hasPdfPreview")
    p.set_attribute("hidden", True)
    filename = p.get_attribute("aria-label")
    has_name = isinstance(filename, str) and filename not in ("", "0", "PDF embed")
    p.set_attribute("aria-label", f"Embed of {filename}." if has_name else "PDF embed")
    return p.get_updated_html()


def render_media_text(block: Block, content: str, ctx: RenderContext) -> str:
    """`render_block_core_media_text()`: only media & text blocks using the featured image."""
    attrs = block.attrs
    if attrs.get("useFeaturedImage") is False or not attrs.get("useFeaturedImage"):
        return content
    featured = _featured_image(ctx)
    if featured is None:
        return content
    thumb_id, url = featured
    image_fill = bool(attrs.get("imageFill"))
    p = TagProcessor(content)
    while p.next_tag("div", class_name="wp-block-media-text"):
        if image_fill:
            p.remove_class("is-image-fill")
            p.add_class("is-image-fill-element")
    content = p.get_updated_html()
    size = attrs.get("mediaSizeSlug") or "full"
    attachment = ctx.data.attachment(thumb_id)
    alt = attachment.alt.strip() if attachment else ""
    focal = attrs.get("focalPoint")
    position = (
        f"{_round_percent(focal.get('x', 0))}% {_round_percent(focal.get('y', 0))}%"
        if isinstance(focal, dict)
        else "50% 50%"
    )
    style = f' style="object-position:{position};"' if image_fill else ""
    image = f'<img class="wp-image-{thumb_id} size-{size}" src="{esc_url(url)}" alt="{alt}"{style}>'
    figures = list(re.finditer(r"<figure\s+class=\"wp-block-media-text__media\"\s*>", content))
    if not figures:
        return content
    target = figures[-1] if attrs.get("mediaPosition") == "right" else figures[0]
    return content[: target.end()] + image + content[target.end() :]


MODULE = BlockModule(
    renderers={
        "core/cover": render_cover,
        "core/video": render_video,
        "core/file": render_file,
        "core/media-text": render_media_text,
    }
)
