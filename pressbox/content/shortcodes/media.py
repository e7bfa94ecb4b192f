"""`[audio]`, `[video]` and `[playlist]`: WordPress's `wp_audio_shortcode`, `wp_video_shortcode`
and `wp_playlist_shortcode` (media.php), with the MediaElement library (WordPress's default).

Instance numbers are request-wide in WordPress, so they are `pressbox.content.counters`
placeholders. The post's own audio/video attachments (used when no source is given) come from
an optional `attached_media(parent_id, kind)` method of the data source (`get_attached_media`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pressbox.content.context import Attachment, RenderContext
from pressbox.content.counters import consume, next_number, silence
from pressbox.content.escaping import PHP_TRIM, esc_attr, esc_html, esc_url
from pressbox.content.media_html import wp_get_attachment_url
from pressbox.content.shortcodes.engine import Attrs, shortcode_atts
from pressbox.content.shortcodes.phpfuncs import (
    absint,
    add_query_arg,
    intval,
    php_empty,
    wp_check_filetype,
    wp_validate_boolean,
)

__all__ = [
    "AUDIO_EXTENSIONS",
    "VIDEO_EXTENSIONS",
    "get_attached_media",
    "wp_audio_shortcode",
    "wp_playlist_shortcode",
    "wp_video_shortcode",
]

AUDIO_EXTENSIONS = ("mp3", "ogg", "flac", "m4a", "wav")  # wp_get_audio_extensions()
VIDEO_EXTENSIONS = ("mp4", "m4v", "webm", "ogv", "flv")  # wp_get_video_extensions()
CONTENT_WIDTH = 0  # Twenty Twenty-Five sets no $content_width

_YOUTUBE = re.compile(r"^https?://(?:www\.)?(?:youtube\.com/watch|youtu\.be/)")
_VIMEO = re.compile(r"^https?://(.+\.)?vimeo\.com/.*")
_BOOLEAN_ATTRS = ("loop", "autoplay", "muted")
_PRELOAD = ("none", "metadata", "auto")


def get_attached_media(ctx: RenderContext, kind: str, post_id: int) -> Sequence[Attachment]:
    """get_attached_media(): the post's attachments of a mime kind ('audio', 'video')."""
    finder = getattr(ctx.data, "attached_media", None)
    if not callable(finder):
        return []
    found = finder(post_id, kind)
    return [a for a in found if isinstance(a, Attachment)]


def wp_mediaelement_fallback(url: str) -> str:
    """wp_mediaelement_fallback(): a link to the file inside the media element."""
    escaped = esc_url(url)
    return f'<a href="{escaped}">{escaped}</a>'


def _primary_source(atts: dict[str, object], types: Sequence[str]) -> bool:
    for ext in types:
        value = atts[ext]
        if not php_empty(value) and wp_check_filetype(str(value))[0].lower() == ext:
            return True
    return False


def _source_keys(
    ctx: RenderContext, atts: dict[str, object], kind: str, extensions: Sequence[str]
) -> list[str] | None:
    """The attributes that hold the sources, `src` first when set. Without any source, `src`
    becomes the post's first attached file of `kind`; None when there is none to play."""
    if not php_empty(atts["src"]):
        return ["src", *extensions]
    if _primary_source(atts, extensions):
        return list(extensions)
    attached = get_attached_media(ctx, kind, ctx.post.id)
    if not attached:
        return None
    atts["src"] = wp_get_attachment_url(ctx, attached[0])
    return None if php_empty(atts["src"]) else ["src", *extensions]


def _embedded_link(kind: str, src: str, instance: str) -> str:
    """A plain link in place of a `src` of a file type the element cannot play."""
    link = f'<a class="wp-embedded-{kind}" href="{esc_url(src)}">{esc_html(src)}</a>'
    return link + silence(instance)


def _attribute_strings(html_atts: dict[str, object], non_empty_only: bool) -> str:
    parts: list[str] = []
    for name, value in html_atts.items():
        if name in _BOOLEAN_ATTRS and value is True:
            parts.append(esc_attr(name))
        elif name == "preload" and not php_empty(value):
            if value in _PRELOAD:
                parts.append(f'{esc_attr(name)}="{esc_attr(str(value))}"')
        elif not non_empty_only or not php_empty(value):
            parts.append(f'{esc_attr(name)}="{esc_attr(_php_str(value))}"')
    return " ".join(parts)


def _php_str(value: object) -> str:
    if value is True:
        return "1"
    if value is False or value is None:
        return ""
    return str(value)


def _sources(
    atts: dict[str, object], types: Sequence[str], instance: str, special: dict[str, str]
) -> tuple[str, str]:
    html, fileurl = "", ""
    for fallback in types:
        value = atts[fallback]
        if php_empty(value):
            continue
        url = str(value)
        if not fileurl:
            fileurl = url
        mime = special.get(fallback) or wp_check_filetype(url)[1]
        html += f'<source type="{mime}" src="{esc_url(add_query_arg({"_": instance}, url))}" />'
    return html, fileurl


def wp_audio_shortcode(attr: Attrs, content: str, tag: str, ctx: RenderContext) -> str:
    """wp_audio_shortcode(): an `<audio>` element with its sources and a fallback link."""
    post_id = ctx.post.id
    instance = next_number(ctx, "audio")
    defaults: dict[str, object] = {
        "src": "",
        "loop": "",
        "autoplay": "",
        "muted": "false",
        "preload": "none",
        "class": "wp-audio-shortcode",
        "style": "width: 100%;",
    }
    defaults.update(dict.fromkeys(AUDIO_EXTENSIONS, ""))
    atts = shortcode_atts(defaults, attr)
    if not php_empty(atts["src"]):
        src = str(atts["src"])
        if wp_check_filetype(src)[0].lower() not in AUDIO_EXTENSIONS:
            return _embedded_link("audio", src, instance)
    types = _source_keys(ctx, atts, "audio", AUDIO_EXTENSIONS)
    if types is None:
        return silence(instance)
    html_atts: dict[str, object] = {
        "class": atts["class"],
        "id": f"audio-{post_id}-{instance}",
        "loop": wp_validate_boolean(atts["loop"]),
        "autoplay": wp_validate_boolean(atts["autoplay"]),
        "muted": wp_validate_boolean(atts["muted"]),
        "preload": atts["preload"],
        "style": atts["style"],
    }
    for name in ("loop", "autoplay", "preload", "muted"):
        if php_empty(html_atts[name]):
            del html_atts[name]
    sources, fileurl = _sources(atts, types, instance, {})
    return (
        f'<audio {_attribute_strings(html_atts, False)} controls="controls">'
        f"{sources}{wp_mediaelement_fallback(fileurl)}</audio>"
    )


def _video_src(src: str, is_youtube: bool, is_vimeo: bool, loop: object) -> str:
    """MediaElement's source fixes (#40866): YouTube without `feature`, Vimeo without a query."""
    if is_youtube:
        src = add_query_arg({"feature": False}, src).strip(PHP_TRIM)  # and set_url_scheme()
        src = "http:" + src if src.startswith("//") else src
        return re.sub(r"^\w+://", "https://", src, flags=re.ASCII)
    if is_vimeo:
        m = re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://([^/?#]*)([^?#]*)", src)
        host, path = (m.group(1), m.group(2)) if m else ("", "")
        return add_query_arg({"loop": "0" if php_empty(loop) else "1"}, f"https://{host}{path}")
    return src


def wp_video_shortcode(attr: Attrs, content: str, tag: str, ctx: RenderContext) -> str:
    """wp_video_shortcode(): a `<video>` in a `div.wp-video`, with sources and a fallback link."""
    post_id = ctx.post.id
    instance = next_number(ctx, "video")
    defaults: dict[str, object] = {
        "src": "",
        "poster": "",
        "loop": "",
        "autoplay": "",
        "muted": "false",
        "preload": "metadata",
        "width": 640,
        "height": 360,
        "class": "wp-video-shortcode",
    }
    defaults.update(dict.fromkeys(VIDEO_EXTENSIONS, ""))
    atts = shortcode_atts(defaults, attr)
    if CONTENT_WIDTH and intval(atts["width"]) > CONTENT_WIDTH:
        atts["height"] = round(intval(atts["height"]) * CONTENT_WIDTH / intval(atts["width"]))
        atts["width"] = CONTENT_WIDTH
    is_vimeo = is_youtube = False
    if not php_empty(atts["src"]):
        src = str(atts["src"])
        is_vimeo, is_youtube = bool(_VIMEO.match(src)), bool(_YOUTUBE.match(src))
        if (
            not is_youtube
            and not is_vimeo
            and wp_check_filetype(src)[0].lower() not in VIDEO_EXTENSIONS
        ):
            return _embedded_link("video", src, instance)
    types = _source_keys(ctx, atts, "video", VIDEO_EXTENSIONS)
    if types is None:
        return silence(instance)
    atts["src"] = _video_src(str(atts["src"]), is_youtube, is_vimeo, atts["loop"])
    html_atts: dict[str, object] = {
        "class": atts["class"],
        "id": f"video-{post_id}-{instance}",
        "width": absint(atts["width"]),
        "height": absint(atts["height"]),
        "poster": esc_url(str(atts["poster"])),
        "loop": wp_validate_boolean(atts["loop"]),
        "autoplay": wp_validate_boolean(atts["autoplay"]),
        "muted": wp_validate_boolean(atts["muted"]),
        "preload": atts["preload"],
    }
    for name in ("poster", "loop", "autoplay", "preload", "muted"):
        if php_empty(html_atts[name]):
            del html_atts[name]
    special = {"src": "video/youtube"} if is_youtube else {"src": "video/vimeo"} if is_vimeo else {}
    sources, fileurl = _sources(atts, types, instance, special)
    html = f'<video {_attribute_strings(html_atts, True)} controls="controls">{sources}'
    if not php_empty(content):
        if "\n" in content:
            content = content.replace("\r\n", "").replace("\n", "").replace("\t", "")
        html += content.strip(PHP_TRIM)
    html += wp_mediaelement_fallback(fileurl) + "</video>"
    width_rule = f"width: {intval(atts['width'])}px;" if not php_empty(atts["width"]) else ""
    return f'<div style="{width_rule}" class="wp-video">{html}</div>'


def wp_playlist_shortcode(attr: Attrs, content: str, tag: str, ctx: RenderContext) -> str:
    """wp_playlist_shortcode(), reduced: the instance is counted, the markup is not built.

    Known gap: WordPress prints a MediaElement playlist with a JSON track list when the post
    has audio or video attachments; this renders nothing.
    """
    return consume(ctx, "playlist")
