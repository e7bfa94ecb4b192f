"""prepare_item_for_response for attachments, batched: the posts fields, then the media ones.

WordPress counterparts: `WP_REST_Attachments_Controller::prepare_item_for_response()` and
`prepare_links()`, with `wp_get_attachment_metadata()`, `wp_get_attachment_image_src()`,
`wp_get_attachment_url()`, `wp_get_original_image_path()`, `wp_get_missing_image_subsizes()`
and `wp_get_registered_image_subsizes()` (media.php, wp-admin/includes/image.php).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressbox.content.context import Attachment, ContentData, PostData, RenderContext
from pressbox.content.media_html import (
    ADDITIONAL_IMAGE_SIZES,
    image_downsize,
    wp_attachment_is,
    wp_constrain_dimensions,
    wp_get_attachment_url,
)
from pressbox.content.shortcodes.phpfuncs import (
    intval,
    is_numeric,
    php_empty,
    php_round,
    wp_basename,
)

# The posts controller's own steps: the attachment's answer starts as a post's.
from pressbox.endpoints.post_prepare import _META_KEYS, _add_links, _prepare_one
from pressbox.endpoints.terms_prepare import php_value
from pressbox.rest.controller import hidden_paths
from pressbox.rest.fields import field_set
from pressbox.rest.message import Request, Response
from pressbox.store.phpserialize import maybe_unserialize, unserialize_shared

if TYPE_CHECKING:
    from pressbox.endpoints.media import AttachmentsController

ATTACHMENT_META = ["_wp_attached_file", "_wp_attachment_metadata", "_wp_attachment_image_alt"]
DEFAULT_SIZES = ("thumbnail", "medium", "medium_large", "large")
PDF_FALLBACK_SIZES = ("thumbnail", "medium", "large")


def prepare_attachments(
    ctl: AttachmentsController, posts: list[PostData], request: Request
) -> list[Any]:
    """Prepare each attachment and turn it into data with links, as the collection does."""
    app = ctl.app
    site = app.site
    context = request.get("context") or "view"
    schema = ctl.item_schema()
    fields = ctl.fields(request)
    hidden = hidden_paths(schema, context)
    inc = field_set(fields, hidden)
    ids = [p.id for p in posts]
    registered = list(app.schemas.registered_meta(ctl.post_type))
    meta = site.meta(ids, _META_KEYS + registered + ATTACHMENT_META)
    tax_names = [t.name for t in ctl.all_taxonomies]
    terms = site.post_terms(ids, tax_names) if tax_names else {}
    want_links = inc["_links"] or inc["_embedded"]
    if want_links:
        # Parents and featured media are linked below: read them in one query.
        related = [p.post_parent for p in posts]
        related += [intval((meta[i].get("_thumbnail_id") or ["0"])[0]) for i in ids]
        site.posts(i for i in related if i > 0)
    props = schema["properties"]
    # WordPress tests these with in_array(): `_fields=caption.rendered` leaves caption out.
    wanted = {f for f in fields if f in props}
    out = []
    for post in posts:
        pmeta = meta.get(post.id, {})
        data = _prepare_one(ctl, post, request, inc, pmeta, terms.get(post.id, {}), set(), props)
        att = _attachment(post, pmeta)
        ctx = RenderContext(post=post, data=site)
        data.update(_media_fields(ctl, att, ctx, request, wanted, hidden))
        response = Response(data=data)
        if want_links:
            _add_links(ctl, post, response, pmeta, None)
            _add_attached_to(ctl, post, response)
        out.append(app.server.response_to_data(response, request, False))
    return out


def _attachment(post: PostData, pmeta: Mapping[str, list[str]]) -> Attachment:
    raw = (pmeta.get("_wp_attachment_metadata") or [""])[0]
    decoded = unserialize_shared(raw) if raw else {}
    alt = maybe_unserialize((pmeta.get("_wp_attachment_image_alt") or [""])[0])
    return Attachment(
        post=post,
        file=(pmeta.get("_wp_attached_file") or [""])[0],
        metadata=decoded if isinstance(decoded, dict) else {},
        alt=alt if isinstance(alt, str) else "",
    )


def _media_fields(
    ctl: AttachmentsController,
    att: Attachment,
    ctx: RenderContext,
    request: Request,
    wanted: set[str],
    hidden: frozenset[str],
) -> dict[str, Any]:
    """The fields the attachments controller adds, in its order."""
    render = ctl.app.renderer
    post = att.post
    data: dict[str, Any] = {}
    if "description" in wanted:
        description = {} if "description.raw" in hidden else {"raw": post.post_content}
        description["rendered"] = render.content(post, request)
        data["description"] = description
    if "caption" in wanted:
        caption = {} if "caption.raw" in hidden else {"raw": post.post_excerpt}
        caption["rendered"] = render.excerpt(post, request, None)
        data["caption"] = caption
    if "alt_text" in wanted:
        data["alt_text"] = att.alt
    is_image = wp_attachment_is("image", att)
    if "media_type" in wanted:
        data["media_type"] = "image" if is_image else "file"
    if "mime_type" in wanted:
        data["mime_type"] = post.post_mime_type
    if "media_details" in wanted:
        data["media_details"] = media_details(ctx, att)
    if "post" in wanted:
        data["post"] = post.post_parent or None
    if "source_url" in wanted:
        data["source_url"] = wp_get_attachment_url(ctx, att) or False
    if "missing_image_sizes" in wanted:
        data["missing_image_sizes"] = missing_image_sizes(ctx, att)
    uploads = ctl.app.settings.uploads_dir
    if "filename" in wanted:
        original = original_file(att)
        data["filename"] = wp_basename(original) if original else None
    if "filesize" in wanted:
        data["filesize"] = attachment_filesize(att, uploads)
    if "exif_orientation" in wanted and is_image:
        data["exif_orientation"] = exif_orientation(att.metadata)
    if is_image:
        # No `image_editor_output_format`, `image_save_progressive` or quality filters.
        if "image_output_format" in wanted:
            data["image_output_format"] = None
        if "image_save_progressive" in wanted:
            data["image_save_progressive"] = False
        if "image_quality" in wanted:
            quality = 86 if post.post_mime_type == "image/webp" else 82
            # Only sizes whose quality differs from the default are listed: none.
            data["image_quality"] = {"default": quality, "sizes": []}
    return data


def _add_attached_to(ctl: AttachmentsController, post: PostData, response: Response) -> None:
    """The attachment's parent post (`rest_get_route_for_post()`)."""
    if not post.post_parent:
        return
    app = ctl.app
    parent = app.site.post(post.post_parent)
    if parent is None:
        return
    post_type = app.post_types.get(parent.post_type)
    route = (
        f"{app.rest_base_for(parent.post_type)}/{parent.id}"
        if post_type is not None and post_type.show_in_rest
        else ""
    )
    response.add_link(
        "https://api.w.org/attached-to",
        app.server.rest_url(route),
        embeddable=True,
        post_type=parent.post_type,
        id=parent.id,
    )


# -- media details --------------------------------------------------------------------------


# media_details by attachment version: a pure function of the metadata, the file, the
# uploads URL and the size options (all in the key through the site's data version).
_DETAILS: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()


def media_details(ctx: RenderContext, att: Attachment) -> dict[str, Any]:
    """`media_details`, memoised per attachment version (the value is shared: read-only)."""
    version = getattr(ctx.data, "data_version", lambda: None)()
    key = (att.post.id, att.post.post_modified_gmt, att.file, id(att.metadata), version)
    hit = _DETAILS.get(key)
    if hit is None or hit.get("__meta__") is not att.metadata:
        value = _media_details(ctx, att)
        _DETAILS[key] = {"__meta__": att.metadata, "value": value}
        if len(_DETAILS) > 2048:
            _DETAILS.popitem(last=False)
        return value
    details: dict[str, Any] = hit["value"]
    return details


def _media_details(ctx: RenderContext, att: Attachment) -> dict[str, Any]:
    """`media_details`: the attachment metadata, each size with its URL, plus `full`."""
    meta = att.metadata
    if not meta:
        return {}
    details = php_value(meta)
    if not isinstance(details, dict):
        return {}
    sizes = meta.get("sizes")
    if not isinstance(sizes, Mapping) or php_empty(sizes):
        details["sizes"] = {}  # an object, also when WordPress stored an empty array
        return details
    prepared: dict[str, Any] = {}
    for name, size in details["sizes"].items() if isinstance(details["sizes"], dict) else ():
        if isinstance(size, dict):
            if "mime-type" in size:
                size["mime_type"] = size.pop("mime-type")
            src = image_downsize(ctx, att, str(name))
            if src is not None:
                size["source_url"] = src[0]
        prepared[name] = size
    full = image_downsize(ctx, att, "full")
    if full is not None:
        prepared["full"] = {
            "file": wp_basename(full[0]),
            "width": full[1],
            "height": full[2],
            "mime_type": att.post.post_mime_type,
            "source_url": full[0],
        }
    details["sizes"] = prepared
    return details


def exif_orientation(meta: Mapping[str, Any]) -> int:
    """The EXIF orientation WordPress read on upload; 1 (upright) when unknown."""
    image_meta = meta.get("image_meta")
    value = intval(image_meta.get("orientation")) if isinstance(image_meta, Mapping) else 0
    return value if value > 0 else 1


# -- files ----------------------------------------------------------------------------------


def original_file(att: Attachment) -> str:
    """`wp_get_original_image_path()` or `get_attached_file()`, relative to the uploads."""
    original = att.metadata.get("original_image")
    if att.file and wp_attachment_is("image", att) and not php_empty(original):
        folder = att.file.rsplit("/", 1)[0] if "/" in att.file else ""
        return f"{folder}/{original}" if folder else str(original)
    return att.file


def uploaded_path(file: str, uploads: Path | None) -> Path | None:
    """The file under the uploads folder, or None: pressbox reads nothing outside it."""
    if not file or uploads is None:
        return None
    if "wp-content/uploads/" in file:  # an absolute path from an older WordPress
        file = file.split("wp-content/uploads/", 1)[1]
    base = uploads.resolve()
    path = (base / file).resolve()
    return path if base in path.parents else None


def attachment_filesize(att: Attachment, uploads: Path | None) -> int | None:
    """The size WordPress recorded, else that of the original file on disk, else None."""
    recorded = att.metadata.get("filesize")
    if is_numeric(recorded) and float(str(recorded)) > 0:
        return intval(recorded)
    path = uploaded_path(original_file(att), uploads)
    try:
        return path.stat().st_size if path is not None and path.is_file() else None
    except OSError:
        return None


# -- missing sizes --------------------------------------------------------------------------


def registered_subsizes(site: ContentData) -> dict[str, tuple[int, int, bool]]:
    """`wp_get_registered_image_subsizes()`: name → (width, height, crop)."""
    out: dict[str, tuple[int, int, bool]] = {}
    for name in (*DEFAULT_SIZES, *ADDITIONAL_IMAGE_SIZES):
        if name in ADDITIONAL_IMAGE_SIZES:
            width, height = ADDITIONAL_IMAGE_SIZES[name]
            crop = False
        else:
            width = intval(site.option(f"{name}_size_w", 0))
            height = intval(site.option(f"{name}_size_h", 0))
            crop = not php_empty(site.option(f"{name}_crop", False))
        if width or height:
            out[name] = (width, height, crop)
    return out


def can_resize(orig_w: int, orig_h: int, dest_w: int, dest_h: int, crop: bool) -> bool:
    """Whether `image_resize_dimensions()` makes a sub-size (no filters)."""
    if orig_w <= 0 or orig_h <= 0 or (dest_w <= 0 and dest_h <= 0):
        return False
    # No size larger than the original.
    if not dest_h:
        if orig_w < dest_w:
            return False
    elif not dest_w:
        if orig_h < dest_h:
            return False
    elif orig_w < dest_w and orig_h < dest_h:
        return False
    if crop:
        ratio = orig_w / orig_h
        new_w, new_h = min(dest_w, orig_w), min(dest_h, orig_h)
        if not new_w:
            new_w = php_round(new_h * ratio)
        if not new_h:
            new_h = php_round(new_w / ratio)
    else:
        new_w, new_h = wp_constrain_dimensions(orig_w, orig_h, dest_w, dest_h)
    # A size within a pixel of the original is the original.
    return not (abs(new_w - orig_w) <= 1 and abs(new_h - orig_h) <= 1)


def missing_image_sizes(ctx: RenderContext, att: Attachment) -> list[str]:
    """`wp_get_missing_image_subsizes()` (with the fallback sizes of PDFs).

    The dimensions are the metadata's: WordPress reads those of the original file of a
    scaled image from disk, which only matters within a pixel of a size's bounds.
    """
    registered = registered_subsizes(ctx.data)
    meta = att.metadata
    sizes = meta.get("sizes")
    existing = set(sizes) if isinstance(sizes, Mapping) else set()
    if wp_attachment_is("image", att):
        if not meta:
            return list(registered)
        width, height = intval(meta.get("width")), intval(meta.get("height"))
        return [
            name
            for name, (w, h, crop) in registered.items()
            if can_resize(width, height, w, h, crop) and name not in existing
        ]
    if att.post.post_mime_type == "application/pdf":
        return [n for n in registered if n in PDF_FALLBACK_SIZES and n not in existing]
    return []
