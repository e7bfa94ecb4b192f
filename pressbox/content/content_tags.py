"""`wp_filter_content_tags` (media.php): the_content's priority-12 pass over `<img>`/`<iframe>`.

For each image: `width`/`height` and `srcset`/`sizes` from the attachment named by its
`wp-image-N` class, then `decoding`, `loading` or `fetchpriority`
(`wp_img_tag_add_loading_optimization_attrs`, `wp_get_loading_optimization_attributes`), then
`sizes="auto, …"` for lazy images; iframes get `loading="lazy"`. One regex scan; each distinct tag is filtered once and every copy of it
replaced, as WordPress does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr
from pressbox.content.media_html import (
    get_attachment,
    prime_attachments,
    wp_calculate_image_sizes,
    wp_calculate_image_srcset,
    wp_image_src_get_dimensions,
)
from pressbox.content.pipeline import Step
from pressbox.content.shortcodes.phpfuncs import absint, intval, php_round, wp_basename

__all__ = [
    "LOADING_KEY",
    "LoadingState",
    "loading_state",
    "make_wp_filter_content_tags",
    "wp_filter_content_tags",
    "wp_get_loading_optimization_attributes",
    "wp_iframe_tag_add_loading_attr",
    "wp_image_add_srcset_and_sizes",
    "wp_img_tag_add_auto_sizes",
    "wp_img_tag_add_loading_optimization_attrs",
    "wp_img_tag_add_width_and_height_attr",
]

_A = re.ASCII
_TAGS = re.compile(r"<(img|iframe)\s[^>]+>", _A)
_WP_IMAGE = re.compile(r"wp-image-([0-9]+)", _A | re.IGNORECASE)
_SRC = re.compile(r'src="([^"]+)"')
_STYLE_WIDTH = re.compile(r'style="width:\s*(\d+)px;"', _A)
_WIDTH = re.compile(r' width="([0-9]+)"')
_HEIGHT = re.compile(r' height="([0-9]+)"')
_EDIT_HASH = re.compile(r"-e[0-9]{13}")
_IMG_OPEN = re.compile(r"<img ([^>]+?)[/ ]*>")
_OPT_SRC = re.compile(r""" src=["']?([^"']*)""", re.IGNORECASE)
_OPT_WIDTH = re.compile(r""" width=["']([0-9]+)["']""")
_OPT_HEIGHT = re.compile(r""" height=["']([0-9]+)["']""")
_OPT_LOADING = re.compile(r""" loading=["']([A-Za-z]+)["']""")
_OPT_FETCHPRIORITY = re.compile(r""" fetchpriority=["']([A-Za-z]+)["']""")
_OPT_DECODING = re.compile(r""" decoding=["']([A-Za-z]+)["']""")
_HTML_WS = " \t\f\r\n"
LOADING_KEY = "media.loading"  # ctx.state: the LoadingState of this render (or request)
MIN_PRIORITY_IMG_PIXELS = 50000  # wp_min_priority_img_pixels
OMIT_LOADING_ATTR_THRESHOLD = 3  # wp_omit_loading_attr_threshold()


@dataclass
class LoadingState:
    """The request-wide statics of wp_get_loading_optimization_attributes().

    `in_the_loop` is the main-query loop of a theme or feed page; REST requests never are.
    """

    in_the_loop: bool = False
    content_media_count: int = 0
    high_priority_available: bool = True


def loading_state(ctx: RenderContext) -> LoadingState:
    state = ctx.state.get(LOADING_KEY)
    if not isinstance(state, LoadingState):
        state = ctx.state[LOADING_KEY] = LoadingState()
    return state


def _maybe_add_fetchpriority_high(
    state: LoadingState, attrs: dict[str, str], tag_name: str, attr: Mapping[str, Any]
) -> None:
    """wp_maybe_add_fetchpriority_high_attr()."""
    if tag_name != "img":
        return
    existing = attr.get("fetchpriority")
    if existing is not None and existing != "auto":
        if existing == "high":
            attrs["fetchpriority"] = "high"
            state.high_priority_available = False
        return
    if attrs.get("loading") == "lazy" or not state.high_priority_available:
        return
    if intval(attr["width"]) * intval(attr["height"]) >= MIN_PRIORITY_IMG_PIXELS:
        if existing != "auto":
            attrs["fetchpriority"] = "high"
        state.high_priority_available = False


def wp_get_loading_optimization_attributes(
    ctx: RenderContext,
    tag_name: str,
    attr: Mapping[str, Any],
    context: str,
    doing_the_content: bool = True,
) -> dict[str, str]:
    """wp_get_loading_optimization_attributes(): `decoding`, `loading`, `fetchpriority`.

    `doing_the_content` says that the_content filters are running: any other context (an image
    a shortcode or block builds) then gets nothing, as its tag is handled at priority 12.
    """
    attrs: dict[str, str] = {}
    if context == "template" or tag_name not in ("img", "iframe"):
        return attrs
    if doing_the_content and context != "the_content":
        return attrs
    if tag_name == "img":
        decoding = attr.get("decoding")
        attrs["decoding"] = "async" if decoding is None else str(decoding)
    if attr.get("width") is None or attr.get("height") is None:
        return attrs
    state = loading_state(ctx)
    in_viewport: bool | None = None
    increase_count = False
    if attr.get("loading") is not None:
        in_viewport = attr["loading"] != "lazy"
    existing = attr.get("fetchpriority")
    low = existing == "low"
    if existing == "high":
        if in_viewport is False:
            attrs["fetchpriority"] = "high"
        else:
            in_viewport = True
    elif low:
        in_viewport = False
        attrs["fetchpriority"] = "low"
    elif existing == "auto":
        attrs["fetchpriority"] = "auto"
    if in_viewport is None and state.in_the_loop:
        increase_count = True
        in_viewport = state.content_media_count < OMIT_LOADING_ATTR_THRESHOLD
    if in_viewport:
        _maybe_add_fetchpriority_high(state, attrs, tag_name, attr)
    elif not low:
        attrs["loading"] = "lazy"
    if existing != "auto" and increase_count:
        state.content_media_count += 1
    return attrs


def _src_without_query(image: str) -> str:
    m = _SRC.search(image)
    return m.group(1).split("?", 1)[0] if m else ""


def wp_img_tag_add_width_and_height_attr(image: str, meta: Mapping[str, Any] | None) -> str:
    """wp_img_tag_add_width_and_height_attr(): the dimensions of the file `src` names."""
    src = _src_without_query(image)
    if not src:
        return image
    size = wp_image_src_get_dimensions(src, meta)
    if size and size[0] and size[1]:
        width, height = size
        m = _STYLE_WIDTH.search(image)
        style_width = int(m.group(1)) if m else 0
        if style_width:
            height = php_round(height * style_width / width)
            width = style_width
        return image.replace("<img", f'<img width="{width}" height="{height}"')
    return image


def wp_image_add_srcset_and_sizes(
    ctx: RenderContext, image: str, meta: Mapping[str, Any] | None
) -> str:
    """wp_image_add_srcset_and_sizes(): `srcset` (and `sizes`) from the attachment's sub-sizes."""
    if not meta or not meta.get("sizes"):
        return image
    src = _src_without_query(image)
    if not src:
        return image
    file = meta.get("file")
    if isinstance(file, str):
        edited = _EDIT_HASH.search(file)
        if edited and edited.group(0) not in wp_basename(src):
            return image
    mw, mh = _WIDTH.search(image), _HEIGHT.search(image)
    width, height = (int(mw.group(1)) if mw else 0), (int(mh.group(1)) if mh else 0)
    size_array = (width, height) if width and height else wp_image_src_get_dimensions(src, meta)
    if not size_array:
        return image
    srcset = wp_calculate_image_srcset(ctx, size_array, src, meta)
    if not srcset:
        return image
    has_sizes = image.find(" sizes=") > 0
    sizes = None if has_sizes else wp_calculate_image_sizes(size_array)
    if not has_sizes and not sizes:
        return image
    attr = f' srcset="{esc_attr(srcset)}"' + (f' sizes="{esc_attr(sizes)}"' if sizes else "")
    return _IMG_OPEN.sub(lambda m: f"<img {m.group(1)}{attr} />", image)


def _value(pattern: re.Pattern[str], image: str) -> str | None:
    m = pattern.search(image)
    return m.group(1) if m else None


def wp_img_tag_add_loading_optimization_attrs(ctx: RenderContext, image: str, context: str) -> str:
    """wp_img_tag_add_loading_optimization_attrs(): `decoding`, `loading`, `fetchpriority`."""
    width, height = _value(_OPT_WIDTH, image), _value(_OPT_HEIGHT, image)
    loading = _value(_OPT_LOADING, image)
    fetchpriority = _value(_OPT_FETCHPRIORITY, image)
    decoding = _value(_OPT_DECODING, image)
    attrs = wp_get_loading_optimization_attributes(
        ctx,
        "img",
        {
            "src": _value(_OPT_SRC, image),
            "width": int(width) if width is not None else None,
            "height": int(height) if height is not None else None,
            "loading": loading,
            "fetchpriority": fetchpriority,
            "decoding": decoding,
        },
        context,
        doing_the_content=context == "the_content",  # the_excerpt runs outside the_content
    )
    if ' src="' not in image:
        return image
    if not decoding and attrs.get("decoding"):
        image = image.replace("<img", f'<img decoding="{esc_attr(attrs["decoding"])}"')
    if ' width="' not in image or ' height="' not in image:
        return image
    if not loading and attrs.get("loading"):
        image = image.replace("<img", f'<img loading="{esc_attr(attrs["loading"])}"')
    if not fetchpriority and attrs.get("fetchpriority"):
        image = image.replace("<img", f'<img fetchpriority="{esc_attr(attrs["fetchpriority"])}"')
    return image


def wp_img_tag_add_auto_sizes(image: str) -> str:
    """wp_img_tag_add_auto_sizes(): prefix `auto, ` to the `sizes` of a lazy-loaded image."""
    lowered = image.lower()
    if "lazy" not in lowered or "sizes" not in lowered:
        return image
    processor = TagProcessor(image)
    if not processor.next_tag("IMG"):
        return image
    loading = processor.get_attribute("loading")
    if not isinstance(loading, str) or loading.strip(_HTML_WS).lower() != "lazy":
        return image
    width = processor.get_attribute("width")
    if not isinstance(width, str) or width == "":
        return image
    sizes = processor.get_attribute("sizes")
    if not isinstance(sizes, str):
        return image
    if sizes.split(",", 1)[0].strip(_HTML_WS).lower() == "auto":
        return image
    processor.set_attribute("sizes", f"auto, {sizes}")
    return processor.get_updated_html()


def wp_iframe_tag_add_loading_attr(ctx: RenderContext, iframe: str, context: str) -> str:
    """wp_iframe_tag_add_loading_attr(): `loading="lazy"` for iframes with dimensions."""
    attrs = wp_get_loading_optimization_attributes(
        ctx,
        "iframe",
        {
            "width": 100 if ' width="' in iframe else None,
            "height": 100 if ' height="' in iframe else None,
            "loading": None,
        },
        context,
        doing_the_content=context == "the_content",  # the_excerpt runs outside the_content
    )
    if ' src="' not in iframe or ' width="' not in iframe or ' height="' not in iframe:
        return iframe
    value = attrs.get("loading")
    if value:
        if value not in ("lazy", "eager"):
            value = "lazy"
        return iframe.replace("<iframe", f'<iframe loading="{esc_attr(value)}"')
    return iframe


def _filter_image(ctx: RenderContext, image: str, attachment_id: int, context: str) -> str:
    if attachment_id > 0:
        att = get_attachment(ctx, attachment_id)
        meta = att.metadata if att is not None else None
        if " width=" not in image and " height=" not in image:
            image = wp_img_tag_add_width_and_height_attr(image, meta)
        if " srcset=" not in image:
            image = wp_image_add_srcset_and_sizes(ctx, image, meta)
    image = wp_img_tag_add_loading_optimization_attrs(ctx, image, context)
    return wp_img_tag_add_auto_sizes(image)


def make_wp_filter_content_tags(context: str) -> Step:
    """The step for another filter than the_content (`the_excerpt`, `widget_text_content`)."""

    def wp_filter_content_tags_in(text: str, ctx: RenderContext) -> str:
        return wp_filter_content_tags(text, ctx, context)

    wp_filter_content_tags_in.__name__ = f"wp_filter_content_tags[{context}]"
    return wp_filter_content_tags_in


def wp_filter_content_tags(text: str, ctx: RenderContext, context: str = "the_content") -> str:
    """wp_filter_content_tags(): the render step (priority 12 of the_content)."""
    if "<img" not in text and "<iframe" not in text:
        return text
    matches = list(_TAGS.finditer(text))
    if not matches:
        return text
    images: dict[str, int] = {}
    iframes: set[str] = set()
    for m in matches:
        tag = m.group(0)
        if m.group(1) == "img":
            found = _WP_IMAGE.search(tag)
            images[tag] = absint(found.group(1)) if found else 0
        else:
            iframes.add(tag)
    prime_attachments(ctx, [i for i in images.values() if i])
    replaced: dict[str, str] = {}
    for m in matches:
        tag = m.group(0)
        if tag in replaced:
            continue
        if tag in images:
            replaced[tag] = _filter_image(ctx, tag, images[tag], context)
        elif tag in iframes:
            replaced[tag] = (
                tag if " loading=" in tag else wp_iframe_tag_add_loading_attr(ctx, tag, context)
            )
    if all(replaced[t] == t for t in replaced):
        return text
    return _TAGS.sub(lambda m: replaced.get(m.group(0), m.group(0)), text)
