"""`[gallery]`: WordPress's `gallery_shortcode` (media.php), HTML5 markup.

The gallery instance number is request-wide in WordPress (`static $instance`), so it is emitted
as a `pressbox.content.counters` placeholder that the response builder numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pressbox.content.context import Attachment, RenderContext
from pressbox.content.counters import next_number, silence
from pressbox.content.media_html import (
    get_attachment,
    prime_attachments,
    remember_attachments,
    wp_get_attachment_image,
    wp_get_attachment_link,
)
from pressbox.content.shortcodes.engine import Attrs, shortcode_atts
from pressbox.content.shortcodes.html_attrs import KSES_POST_TAGS
from pressbox.content.shortcodes.phpfuncs import (
    intval,
    php_empty,
    sanitize_html_class,
    tag_escape,
    wp_parse_id_list,
)
from pressbox.content.texturize import wptexturize

__all__ = ["IS_FEED_KEY", "gallery_attachments", "gallery_shortcode"]

HTML5_GALLERY = True
IS_FEED_KEY = "is_feed"  # ctx.state: True while rendering a feed (is_feed())
CHILDREN_KEY = "gallery.children"  # ctx.state: attachments_of() answers during this render


def _sort_key(orderby: str) -> Callable[[Attachment], Any] | None:
    post_field: dict[str, Callable[[Attachment], Any]] = {
        "id": lambda a: a.post.id,
        "menu_order": lambda a: a.post.menu_order,
        "title": lambda a: a.post.post_title.casefold(),
        "post_title": lambda a: a.post.post_title.casefold(),
        "name": lambda a: a.post.post_name,
        "post_name": lambda a: a.post.post_name,
        "date": lambda a: a.post.post_date,
        "post_date": lambda a: a.post.post_date,
        "modified": lambda a: a.post.post_modified,
        "post_modified": lambda a: a.post.post_modified,
        "parent": lambda a: a.post.post_parent,
        "post_parent": lambda a: a.post.post_parent,
        "author": lambda a: a.post.post_author,
        "post_author": lambda a: a.post.post_author,
    }
    keys = [
        post_field[k.lower()] for k in orderby.replace(",", " ").split() if k.lower() in post_field
    ]
    if not keys:
        return None
    return lambda a: tuple(k(a) for k in keys)


def _ordered(
    items: list[Attachment], orderby: str, order: str, ids: Sequence[int] = ()
) -> list[Attachment]:
    """WP_Query's ORDER BY for the orderby values galleries use (`rand` keeps the id order)."""
    if orderby == "post__in" and ids:
        rank = {i: n for n, i in enumerate(ids)}
        return sorted(items, key=lambda a: rank.get(a.post.id, len(rank)))
    key = _sort_key(orderby) or (lambda a: (a.post.post_date,))
    descending = order.upper() == "DESC"
    items = sorted(items, key=lambda a: a.post.id, reverse=descending)
    return sorted(items, key=key, reverse=descending)


def _is_gallery_image(att: Attachment) -> bool:
    return att.post.post_status == "inherit" and att.post.post_mime_type.startswith("image/")


def gallery_attachments(
    ctx: RenderContext, atts: dict[str, Any]
) -> tuple[list[Attachment], int | None]:
    """The attachments a gallery shows, and the parent post whose access rules apply."""
    parent_id = intval(atts["id"])
    orderby, order = str(atts["orderby"]), str(atts["order"])
    if not php_empty(atts["include"]):
        ids = wp_parse_id_list(atts["include"])
        prime_attachments(ctx, ids)
        found = [
            a
            for a in (get_attachment(ctx, i) for i in ids)
            if a is not None and _is_gallery_image(a)
        ]
        return _ordered(found, orderby, order, ids), None
    cache: dict[int, list[Attachment]] = ctx.state.setdefault(CHILDREN_KEY, {})
    if parent_id not in cache:
        cache[parent_id] = [a for a in ctx.data.attachments_of(parent_id) if _is_gallery_image(a)]
        remember_attachments(ctx, cache[parent_id])
    children = cache[parent_id]
    if not php_empty(atts["exclude"]):
        excluded = set(wp_parse_id_list(atts["exclude"]))
        children = [a for a in children if a.post.id not in excluded]
    return _ordered(children, orderby, order), parent_id


def _parent_hidden(ctx: RenderContext, parent_id: int) -> bool:
    """The gallery of a post the reader may not see, or whose password is not given, is empty."""
    if not parent_id or parent_id == ctx.post.id:
        return False
    parent = ctx.data.post(parent_id)
    if parent is None:
        return False
    return parent.post_status != "publish" or (
        bool(parent.post_password) and not ctx.post.post_password
    )


def gallery_shortcode(attr: Attrs, content: str, tag: str, ctx: RenderContext) -> str:
    """gallery_shortcode(): the images attached to a post (or listed by `ids`) as a grid."""
    instance = next_number(ctx, "gallery")
    attr = dict(attr)
    if not php_empty(attr.get("ids")):
        if php_empty(attr.get("orderby")):
            attr["orderby"] = "post__in"
        attr["include"] = attr["ids"]
    atts = shortcode_atts(
        {
            "order": "ASC",
            "orderby": "menu_order ID",
            "id": ctx.post.id,
            "itemtag": "figure" if HTML5_GALLERY else "dl",
            "icontag": "div" if HTML5_GALLERY else "dt",
            "captiontag": "figcaption" if HTML5_GALLERY else "dd",
            "columns": 3,
            "size": "thumbnail",
            "include": "",
            "exclude": "",
            "link": "",
        },
        attr,
    )
    gallery_id = intval(atts["id"])
    attachments, parent_id = gallery_attachments(ctx, atts)
    # WordPress has counted this instance already, printed or not.
    if parent_id is not None and _parent_hidden(ctx, parent_id):
        return silence(instance)
    if not attachments:
        return silence(instance)
    size = str(atts["size"])
    link = str(atts["link"])
    if ctx.state.get(IS_FEED_KEY):
        out = "\n"
        for att in attachments:
            if link == "none":
                # WordPress passes the shortcode's own attributes on as image attributes here.
                raw = {str(k): v for k, v in attr.items()}
                out += wp_get_attachment_image(ctx, att.post.id, size, raw)
            elif link:
                out += wp_get_attachment_link(ctx, att.post.id, size, False)
            else:
                out += wp_get_attachment_link(ctx, att.post.id, size, True)
            out += "\n"
        return out
    itemtag, captiontag, icontag = (
        tag_escape(str(atts[k])) for k in ("itemtag", "captiontag", "icontag")
    )
    itemtag = itemtag if itemtag in KSES_POST_TAGS else "dl"
    captiontag = captiontag if captiontag in KSES_POST_TAGS else "dd"
    icontag = icontag if icontag in KSES_POST_TAGS else "dt"
    columns = intval(atts["columns"])
    selector = f"gallery-{instance}"
    size_class = sanitize_html_class(size)
    out = f"<div id='{selector}' class='gallery galleryid-{gallery_id} gallery-columns-{columns} gallery-size-{size_class}'>"
    for i, att in enumerate(attachments, start=1):
        att_id = att.post.id
        excerpt = att.post.post_excerpt.strip(" \t\n\r\0\x0b")
        img_attr = {"aria-describedby": f"{selector}-{att_id}"} if excerpt else None
        if link == "file":
            image = wp_get_attachment_link(ctx, att_id, size, False, "", img_attr)
        elif link == "none":
            image = wp_get_attachment_image(ctx, att_id, size, img_attr)
        else:
            image = wp_get_attachment_link(ctx, att_id, size, True, "", img_attr)
        meta = att.metadata
        orientation = ""
        if meta.get("height") is not None and meta.get("width") is not None:
            orientation = (
                "portrait" if intval(meta["height"]) > intval(meta["width"]) else "landscape"
            )
        out += f"<{itemtag} class='gallery-item'>"
        out += f"\n\t\t\t<{icontag} class='gallery-icon {orientation}'>\n\t\t\t\t{image}\n\t\t\t</{icontag}>"
        if captiontag and excerpt:
            out += (
                f"\n\t\t\t\t<{captiontag} class='wp-caption-text gallery-caption' id='{selector}-{att_id}'>"
                f"\n\t\t\t\t{wptexturize(att.post.post_excerpt, ctx)}\n\t\t\t\t</{captiontag}>"
            )
        out += f"</{itemtag}>"
        if not HTML5_GALLERY and columns > 0 and i % columns == 0:
            out += '<br style="clear: both" />'
    if not HTML5_GALLERY and columns > 0 and len(attachments) % columns != 0:
        out += "\n\t\t\t<br style='clear: both' />"
    return out + "\n\t\t</div>\n"
