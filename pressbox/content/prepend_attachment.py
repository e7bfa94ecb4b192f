"""`prepend_attachment` (post-template.php): an attachment's `the_content` starts with its file.

A `the_content` filter at priority 10, after `wpautop` and `shortcode_unautop`, that WordPress
always registers and that acts only while the post being rendered is an attachment: a video or
audio player for media files, else the medium-size image (or the title) linked to the file.
This is how the REST API renders `description.rendered` of attachments, and why an attachment
without caption gets an excerpt made from its file's URL when it is audio or video.
"""

from __future__ import annotations

from pressbox.content.context import RenderContext
from pressbox.content.media_html import get_attachment, wp_attachment_is, wp_get_attachment_link
from pressbox.content.media_html import wp_get_attachment_url as attachment_url
from pressbox.content.shortcodes.engine import Attrs
from pressbox.content.shortcodes.media import wp_audio_shortcode, wp_video_shortcode
from pressbox.content.shortcodes.phpfuncs import intval, php_empty

__all__ = ["prepend_attachment"]


def _thumbnail_url(ctx: RenderContext, attachment_id: int) -> str:
    """wp_get_attachment_url( get_post_thumbnail_id() ): a video's poster, '' when none."""
    thumbnail_id = intval(ctx.data.post_meta(attachment_id, "_thumbnail_id") or 0)
    poster = get_attachment(ctx, thumbnail_id) if thumbnail_id > 0 else None
    return attachment_url(ctx, poster) if poster is not None else ""


def prepend_attachment(text: str, ctx: RenderContext) -> str:
    """prepend_attachment(): the attachment's player or image, a newline, then the content."""
    post = ctx.post
    if post.post_type != "attachment":
        return text
    att = get_attachment(ctx, post.id)
    if att is not None and wp_attachment_is("video", att):
        atts: Attrs = {"src": attachment_url(ctx, att)}
        meta = att.metadata
        if not php_empty(meta.get("width")) and not php_empty(meta.get("height")):
            atts["width"] = str(intval(meta["width"]))
            atts["height"] = str(intval(meta["height"]))
        poster = _thumbnail_url(ctx, post.id)
        if poster:
            atts["poster"] = poster
        html = wp_video_shortcode(atts, "", "video", ctx)
    elif att is not None and wp_attachment_is("audio", att):
        html = wp_audio_shortcode({"src": attachment_url(ctx, att)}, "", "audio", ctx)
    else:
        # Shows the medium size image if there is one, linked to the file.
        html = f'<p class="attachment">{wp_get_attachment_link(ctx, post.id, "medium")}</p>'
    return f"{html}\n{text}"
