"""Attachment image markup: the parts of WordPress's media.php that build `<img>` tags.

`image_downsize`, `image_get_intermediate_size`, `image_constrain_size_for_editor`,
`wp_constrain_dimensions`, `wp_get_attachment_image_src`, `wp_get_attachment_image`,
`wp_calculate_image_srcset`, `wp_calculate_image_sizes`, `wp_image_src_get_dimensions`,
and `wp_get_attachment_link`, for the site as the oracle runs it: a block theme without
`$content_width` and no image filters. (`wp_get_loading_optimization_attributes` lives with
its main user, `pressbox.content.content_tags`.)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pressbox.content.context import Attachment, RenderContext
from pressbox.content.escaping import PHP_TRIM, esc_attr, esc_html, esc_url
from pressbox.content.formatting import strip_tags
from pressbox.content.shortcodes.phpfuncs import (
    absint,
    array_key,
    intval,
    is_numeric,
    php_empty,
    php_round,
    wp_basename,
)

__all__ = [
    "ATTACHMENTS_KEY",
    "Size",
    "get_attachment",
    "image_constrain_size_for_editor",
    "image_downsize",
    "image_get_intermediate_size",
    "prime_attachments",
    "remember_attachments",
    "wp_attachment_is",
    "wp_calculate_image_sizes",
    "wp_calculate_image_srcset",
    "wp_constrain_dimensions",
    "wp_get_attachment_image",
    "wp_get_attachment_image_src",
    "wp_get_attachment_link",
    "wp_get_attachment_url",
    "wp_image_matches_ratio",
    "wp_image_src_get_dimensions",
]

Size = str | tuple[int, int]
"""An image size: a registered name (`thumbnail`, `full`, …) or `(width, height)`."""

ATTACHMENTS_KEY = "media.attachments"  # ctx.state: attachments looked up during this render
PERMALINKS_KEY = "media.permalinks"  # ctx.state: attachment page URLs looked up during this render

# Sizes WordPress registers itself (_wp_add_additional_image_sizes); themes may add more.
ADDITIONAL_IMAGE_SIZES: Mapping[str, tuple[int, int]] = {
    "1536x1536": (1536, 1536),
    "2048x2048": (2048, 2048),
}
CONTENT_WIDTH = 0  # Twenty Twenty-Five sets no $content_width
MAX_SRCSET_IMAGE_WIDTH = 2048


# -- attachments ------------------------------------------------------------------------------


def get_attachment(ctx: RenderContext, attachment_id: int) -> Attachment | None:
    """An attachment, looked up once per render."""
    cache: dict[int, Attachment | None] = ctx.state.setdefault(ATTACHMENTS_KEY, {})
    if attachment_id not in cache:
        cache[attachment_id] = ctx.data.attachment(attachment_id) if attachment_id > 0 else None
    return cache[attachment_id]


def remember_attachments(ctx: RenderContext, found: Sequence[Attachment]) -> None:
    """Keep attachments already loaded (e.g. a gallery's) for later lookups of this render."""
    cache: dict[int, Attachment | None] = ctx.state.setdefault(ATTACHMENTS_KEY, {})
    for att in found:
        cache[att.post.id] = att


def prime_attachments(ctx: RenderContext, ids: Sequence[int]) -> None:
    """Look up several attachments in one query when the data source can (`attachments(ids)`)."""
    cache: dict[int, Attachment | None] = ctx.state.setdefault(ATTACHMENTS_KEY, {})
    missing = [i for i in dict.fromkeys(ids) if i > 0 and i not in cache]
    batch = getattr(ctx.data, "attachments", None)
    if len(missing) < 2 or not callable(batch):
        return
    found = batch(missing)
    for i in missing:
        value = found.get(i) if isinstance(found, Mapping) else None
        cache[i] = value if isinstance(value, Attachment) else None


def _uploads_base_url(ctx: RenderContext) -> str:
    return ctx.data.uploads_base_url().rstrip("/")


def _relative_dir(file: str) -> str:
    """_wp_get_attachment_relative_path(): the uploads sub-folder of a file."""
    dirname = file.rsplit("/", 1)[0] if "/" in file else "."
    if dirname == ".":
        return ""
    if "wp-content/uploads" in dirname:
        dirname = dirname[dirname.index("wp-content/uploads") + 18 :].lstrip("/")
    return dirname


def wp_get_attachment_url(ctx: RenderContext, att: Attachment) -> str:
    """wp_get_attachment_url(): the file's URL under the uploads folder (or the guid)."""
    file = att.file
    url = ""
    if file:
        base = _uploads_base_url(ctx)
        if "wp-content/uploads" in file:
            url = f"{base}/{_relative_dir(file)}".rstrip("/") + "/" + wp_basename(file)
        else:
            url = f"{base}/{file}"
    return url or att.post.guid


def wp_attachment_is(kind: str, att: Attachment) -> bool:
    """wp_attachment_is() for 'image', 'audio' or 'video'."""
    if not att.file:
        return False
    return att.post.post_mime_type.startswith(kind + "/")


# -- sizes ------------------------------------------------------------------------------------


def wp_constrain_dimensions(
    width: int, height: int, max_width: int = 0, max_height: int = 0
) -> tuple[int, int]:
    """wp_constrain_dimensions(): scale down to fit, keeping the aspect ratio."""
    if not max_width and not max_height:
        return width, height
    width_ratio = height_ratio = 1.0
    did_width = did_height = False
    if max_width > 0 and width > 0 and width > max_width:
        width_ratio, did_width = max_width / width, True
    if max_height > 0 and height > 0 and height > max_height:
        height_ratio, did_height = max_height / height, True
    smaller, larger = min(width_ratio, height_ratio), max(width_ratio, height_ratio)
    if php_round(width * larger) > max_width or php_round(height * larger) > max_height:
        ratio = smaller
    else:
        ratio = larger
    w = max(1, php_round(width * ratio))
    h = max(1, php_round(height * ratio))
    if did_width and w == max_width - 1:
        w = max_width
    if did_height and h == max_height - 1:
        h = max_height
    return w, h


def _option_int(ctx: RenderContext, name: str) -> int:
    return intval(ctx.data.option(name, 0))


def image_constrain_size_for_editor(
    ctx: RenderContext, width: int, height: int, size: Size = "medium"
) -> tuple[int, int]:
    """image_constrain_size_for_editor() in the 'display' context."""
    if isinstance(size, tuple):
        max_width, max_height = size
    elif size in ("thumb", "thumbnail"):
        max_width, max_height = (
            _option_int(ctx, "thumbnail_size_w"),
            _option_int(ctx, "thumbnail_size_h"),
        )
        if not max_width and not max_height:
            max_width, max_height = 128, 96
    elif size in ("medium", "medium_large", "large"):
        max_width, max_height = (
            _option_int(ctx, f"{size}_size_w"),
            _option_int(ctx, f"{size}_size_h"),
        )
        if size != "medium" and CONTENT_WIDTH > 0:
            max_width = min(CONTENT_WIDTH, max_width)
    elif size in ADDITIONAL_IMAGE_SIZES:
        max_width, max_height = ADDITIONAL_IMAGE_SIZES[size]
    else:
        max_width, max_height = width, height
    return wp_constrain_dimensions(width, height, max_width, max_height)


def wp_image_matches_ratio(
    source_width: int, source_height: int, target_width: int, target_height: int
) -> bool:
    """wp_image_matches_ratio(): the same aspect ratio, within a pixel."""
    if source_width > target_width:
        constrained = wp_constrain_dimensions(source_width, source_height, target_width)
        expected = (target_width, target_height)
    else:
        constrained = wp_constrain_dimensions(target_width, target_height, source_width)
        expected = (source_width, source_height)
    return abs(constrained[0] - expected[0]) <= 1 and abs(constrained[1] - expected[1]) <= 1


def _dims(data: Mapping[str, Any]) -> tuple[int, int]:
    return intval(data.get("width", 0)), intval(data.get("height", 0))


def image_get_intermediate_size(
    ctx: RenderContext, att: Attachment, size: Size = "thumbnail"
) -> dict[str, Any] | None:
    """image_get_intermediate_size(): the sub-size file that serves `size`, with its url."""
    meta = att.metadata
    sizes = meta.get("sizes")
    if not size or not isinstance(sizes, Mapping) or not sizes:
        return None
    data: dict[str, Any] | None = None
    if isinstance(size, tuple):
        full_w, full_h = _dims(meta)
        if "file" not in meta and isinstance(sizes.get("full"), Mapping):
            full_w, full_h = _dims(sizes["full"])
        candidates: dict[int, Mapping[str, Any]] = {}
        for candidate in sizes.values():
            if not isinstance(candidate, Mapping):
                continue
            cw, ch = _dims(candidate)
            if cw == size[0] and ch == size[1]:
                candidates[cw * ch] = candidate
                break
            if cw >= size[0] and ch >= size[1]:
                if size[0] == 0 or size[1] == 0:
                    same = wp_image_matches_ratio(cw, ch, full_w, full_h)
                else:
                    same = wp_image_matches_ratio(cw, ch, size[0], size[1])
                if same:
                    candidates[cw * ch] = candidate
        thumb = sizes.get("thumbnail")
        if candidates:
            data = dict(candidates[min(candidates)])
        elif (
            isinstance(thumb, Mapping) and size[0] <= _dims(thumb)[0] and size[1] <= _dims(thumb)[0]
        ):
            data = dict(thumb)
        else:
            return None
        data["width"], data["height"] = image_constrain_size_for_editor(ctx, *_dims(data), size)
    elif isinstance(sizes.get(size), Mapping) and sizes[size]:
        data = dict(sizes[size])
    if not data:
        return None
    if not data.get("path") and data.get("file") and meta.get("file"):
        file_url = wp_get_attachment_url(ctx, att)
        data["path"] = _path_join(_dirname(str(meta["file"])), str(data["file"]))
        data["url"] = _path_join(_dirname(file_url), str(data["file"]))
    return data


def _dirname(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else "."


def _path_join(base: str, path: str) -> str:
    """path_join(): `path` when absolute, else appended to `base`."""
    if path.startswith(("/", "\\")) or re.match(r"[a-zA-Z]:\\", path):
        return path
    return base.rstrip("/") + "/" + path


def image_downsize(
    ctx: RenderContext, att: Attachment, size: Size = "medium"
) -> tuple[str, int, int, bool] | None:
    """image_downsize(): (url, width, height, is_intermediate) of the image at `size`."""
    img_url = wp_get_attachment_url(ctx, att)
    meta = att.metadata
    width = height = 0
    is_intermediate = False
    basename = wp_basename(img_url)
    if not wp_attachment_is("image", att):
        full = meta.get("sizes", {}).get("full") if isinstance(meta.get("sizes"), Mapping) else None
        if not isinstance(full, Mapping) or not full:
            return None
        img_url = img_url.replace(basename, str(full.get("file", "")))
        basename = str(full.get("file", ""))
        width, height = _dims(full)
    intermediate = image_get_intermediate_size(ctx, att, size)
    if intermediate:
        img_url = img_url.replace(basename, str(intermediate.get("file", "")))
        width, height = _dims(intermediate)
        is_intermediate = True
    if not width and not height and "width" in meta and "height" in meta:
        width, height = _dims(meta)
    if not img_url:
        return None
    width, height = image_constrain_size_for_editor(ctx, width, height, size)
    return img_url, width, height, is_intermediate


def wp_get_attachment_image_src(
    ctx: RenderContext, attachment_id: int, size: Size = "thumbnail"
) -> tuple[str, int, int, bool] | None:
    """wp_get_attachment_image_src() (no mime-type icons)."""
    att = get_attachment(ctx, attachment_id)
    return image_downsize(ctx, att, size) if att is not None else None


# -- srcset and sizes -------------------------------------------------------------------------

_EDIT_HASH = re.compile(r"-e[0-9]{13}")


def wp_calculate_image_srcset(
    ctx: RenderContext, size_array: tuple[int, int], image_src: str, meta: Mapping[str, Any]
) -> str | None:
    """wp_calculate_image_srcset(): the `srcset` of same-ratio sub-sizes, or None."""
    sizes = meta.get("sizes")
    file = meta.get("file")
    if not isinstance(sizes, Mapping) or not sizes or not isinstance(file, str) or len(file) < 4:
        return None
    image_width, image_height = size_array
    if image_width < 1:
        return None
    candidates: list[Any] = list(sizes.values())
    thumb = sizes.get("thumbnail")
    if not isinstance(thumb, Mapping) or thumb.get("mime-type") != "image/gif":
        candidates.append(
            {"width": meta.get("width"), "height": meta.get("height"), "file": wp_basename(file)}
        )
    elif file in image_src:
        return None
    dirname = _relative_dir(file)
    if dirname:
        dirname += "/"
    base_url = _uploads_base_url(ctx) + "/" + dirname
    edited = _EDIT_HASH.search(wp_basename(image_src))
    sources: dict[int | str, tuple[str, Any]] = {}
    src_matched = False
    for image in candidates:
        if not isinstance(image, Mapping):
            continue
        is_src = False
        name = str(image.get("file", ""))
        if not src_matched and dirname + name in image_src:
            src_matched = is_src = True
        if edited and not name.find(edited.group(0)) > 0:
            continue
        width = image.get("width")
        if intval(width) > MAX_SRCSET_IMAGE_WIDTH and not is_src:
            continue
        if wp_image_matches_ratio(
            image_width, image_height, intval(width), intval(image.get("height"))
        ):
            key = array_key(width) if isinstance(width, str) else intval(width)
            source = (base_url + name, width)
            if is_src:
                sources = {key: source, **{k: v for k, v in sources.items() if k != key}}
            else:
                sources[key] = source
    if not src_matched or len(sources) < 2:
        return None
    return ", ".join(f"{url.replace(' ', '%20')} {value}w" for url, value in sources.values())


def wp_calculate_image_sizes(size_array: tuple[int, int]) -> str | None:
    """wp_calculate_image_sizes() for a (width, height) pair."""
    width = abs(size_array[0])
    return f"(max-width: {width}px) 100vw, {width}px" if width else None


def wp_image_src_get_dimensions(
    image_src: str, meta: Mapping[str, Any] | None
) -> tuple[int, int] | None:
    """wp_image_src_get_dimensions(): the size of the file that `image_src` names."""
    if not meta:
        return None
    file = meta.get("file")
    if isinstance(file, str) and wp_basename(file) in image_src:
        return _dims(meta)
    sizes = meta.get("sizes")
    if isinstance(sizes, Mapping):
        name = wp_basename(image_src)
        for data in sizes.values():
            if isinstance(data, Mapping) and data.get("file") == name:
                return _dims(data)
    return None


# -- markup -----------------------------------------------------------------------------------


def wp_get_attachment_image(
    ctx: RenderContext,
    attachment_id: int,
    size: Size = "thumbnail",
    attr: Mapping[str, str] | None = None,
    doing_the_content: bool = True,
) -> str:
    """wp_get_attachment_image(): the `<img>` of an attachment at `size`, or ''."""
    image = wp_get_attachment_image_src(ctx, attachment_id, size)
    att = get_attachment(ctx, attachment_id)
    if image is None or att is None:
        return ""
    src, width, height, _ = image
    size_class = "x".join(str(s) for s in size) if isinstance(size, tuple) else size
    attrs: dict[str, Any] = {
        "src": src,
        "class": f"attachment-{size_class} size-{size_class}",
        "alt": strip_tags(att.alt).strip(PHP_TRIM),
    }
    attrs.update(attr or {})
    if not is_numeric(attrs.get("width")):
        attrs["width"] = width
    if not is_numeric(attrs.get("height")):
        attrs["height"] = height
    # content_tags builds on this module, hence the late import.
    from pressbox.content.content_tags import wp_get_loading_optimization_attributes

    attrs.update(
        wp_get_loading_optimization_attributes(
            ctx, "img", attrs, "wp_get_attachment_image", doing_the_content
        )
    )
    if attrs.get("decoding") not in ("async", "sync", "auto"):
        attrs.pop("decoding", None)
    for name in ("loading", "fetchpriority"):
        if name in attrs and php_empty(attrs[name]):
            del attrs[name]
    if php_empty(attrs.get("srcset")) and att.metadata:
        size_array = (absint(width), absint(height))
        srcset = wp_calculate_image_srcset(ctx, size_array, src, att.metadata)
        sizes = wp_calculate_image_sizes(size_array)
        if srcset and (sizes or not php_empty(attrs.get("sizes"))):
            attrs["srcset"] = srcset
            if php_empty(attrs.get("sizes")):
                attrs["sizes"] = sizes
    if attrs.get("loading") == "lazy" and "sizes" in attrs:
        first = str(attrs["sizes"]).split(",", 1)[0]
        if first.strip(" \t\f\r\n").lower() != "auto":
            attrs["sizes"] = "auto, " + str(attrs["sizes"])
    if is_numeric(attrs.get("width")):
        width = absint(attrs["width"])
    if is_numeric(attrs.get("height")):
        height = absint(attrs["height"])
    attrs.pop("width", None)
    attrs.pop("height", None)
    html = (
        "<img " + (f'width="{width}" ' if width else "") + (f'height="{height}" ' if height else "")
    )
    html = html.rstrip()
    for name, value in attrs.items():
        html += f' {name}="{esc_attr(str(value))}"'
    return html + " />"


def wp_get_attachment_link(
    ctx: RenderContext,
    attachment_id: int,
    size: Size = "thumbnail",
    permalink: bool = False,
    text: str = "",
    attr: Mapping[str, str] | None = None,
) -> str:
    """wp_get_attachment_link(): the attachment's image (or title) linked to its file or page."""
    att = get_attachment(ctx, attachment_id)
    url = wp_get_attachment_url(ctx, att) if att is not None else ""
    if att is None or not url:
        return "Missing Attachment"
    if permalink:
        links: dict[int, str] = ctx.state.setdefault(PERMALINKS_KEY, {})
        if attachment_id not in links:
            links[attachment_id] = ctx.data.permalink(attachment_id)
        url = links[attachment_id]
    if text:
        link_text = text
    elif size and size != "none":
        link_text = wp_get_attachment_image(ctx, attachment_id, size, attr)
    else:
        link_text = ""
    if link_text.strip(PHP_TRIM) == "":
        link_text = att.post.post_title
    if link_text.strip(PHP_TRIM) == "":
        name = wp_basename(att.file)
        link_text = esc_html(name.rsplit(".", 1)[0] if "." in name else name)
    return f"<a href='{esc_url(url)}'>{link_text}</a>"
