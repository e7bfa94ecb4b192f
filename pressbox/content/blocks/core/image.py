"""The image block: `render_block_core_image()` (blocks/image.php).

Adds `data-id` for images inside a gallery and drops an empty `<figcaption>`. The lightbox is
off unless the theme enables it (`ThemeSettings.image_lightbox`); its markup needs random ids
(`uniqid()`) and is not reproduced.
"""

from __future__ import annotations

import re
from typing import Any

from pressbox.content.blocks.block_type import php_empty
from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext

__all__ = ["MODULE", "render_image"]

_WP_IMAGE = re.compile(r"wp-image-(\d+)")


def _php_str(value: Any) -> str:
    if value is True:
        return "1"
    if value is False or value is None:
        return ""
    return str(value)


def render_image(block: Block, content: str, ctx: RenderContext) -> str:
    attrs = block.attrs
    if "<img" not in content.lower():
        return ""
    p = TagProcessor(content)
    if not p.next_tag("img") or not p.get_attribute("src"):
        return ""
    metadata = attrs.get("metadata")
    bindings = metadata.get("bindings") if isinstance(metadata, dict) else None
    has_id_binding = isinstance(bindings, dict) and "id" in bindings and attrs.get("id") is not None
    if has_id_binding:
        wanted = f"wp-image-{_php_str(attrs['id'])}"
        classes = p.get_attribute("class")
        if isinstance(classes, str) and wanted not in classes:
            p.set_attribute("class", _WP_IMAGE.sub(wanted, classes))
    if attrs.get("data-id") is not None:
        data_id = attrs["id"] if has_id_binding else attrs["data-id"]
        p.set_attribute("data-id", data_id if isinstance(data_id, bool) else _php_str(data_id))
    p.get_updated_html()  # apply edits so token positions below refer to the output
    figcaption: tuple[int, int] | None = None
    if p.next_tag("FIGCAPTION") and php_empty(attrs.get("caption")):
        figcaption = _empty_figcaption(p)
    output = p.get_updated_html()
    if figcaption is not None:
        start, length = figcaption
        return output[:start] + output[start + length :]
    return output


def _empty_figcaption(p: TagProcessor) -> tuple[int, int] | None:
    """The span of `<figcaption>…</figcaption>` when only comments are inside."""
    opener_start, _ = p.token_span()
    while p.next_token() and p.get_token_name() == "#comment":
        continue
    if p.get_tag() != "FIGCAPTION" or not p.is_tag_closer():
        return None
    closer_start, closer_length = p.token_span()
    return opener_start, closer_start + closer_length - opener_start


MODULE = BlockModule(renderers={"core/image": render_image})
