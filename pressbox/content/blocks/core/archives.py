"""The archives block: `render_block_core_archives()` with `wp_get_archives()` (monthly).

Months and counts come from `ctx.data.monthly_archives()` (`SiteData`); other archive types
(yearly, weekly, daily, postbypost) are rendered as monthly.
"""

from __future__ import annotations

from pressbox.content.blocks.core.scripts import ARCHIVES_DROPDOWN_JS
from pressbox.content.blocks.data import MonthCount, site_method
from pressbox.content.blocks.phpdate import _MONTHS
from pressbox.content.blocks.phpjson import php_json_encode
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr, esc_html, esc_url

__all__ = ["MODULE", "inline_script", "month_link", "render_archives"]


def inline_script(js: str, source: str) -> str:
    """`wp_get_inline_script_tag()` of a script with a `sourceURL` comment."""
    return f"<script>\n{js}\n//# sourceURL={source}\n</script>\n"


def month_link(ctx: RenderContext, year: int, month: int) -> str:
    """`get_month_link()`."""
    home = ctx.data.home_url()
    if ctx.data.option("permalink_structure", ""):
        return f"{home}/{year}/{month:02d}/"
    return f"{home}/?m={year}{month:02d}"


def _months(ctx: RenderContext) -> list[MonthCount]:
    query = site_method(ctx, "monthly_archives")
    return list(query("post")) if callable(query) else []


def render_archives(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import keep_placeholders, unique_id
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    counts = bool(a.get("showPostCounts"))
    months = _months(ctx)
    if a.get("displayAsDropdown"):
        dropdown_id = unique_id(ctx, "wp-block-archives-")
        options = "".join(
            f"\t<option value='{esc_url(month_link(ctx, m.year, m.month))}'> "
            f"{_MONTHS[m.month - 1]} {m.year} {f'&nbsp;({m.count})' if counts else ''}</option>\n"
            for m in months
        )
        wrapper = get_block_wrapper_attributes(ctx, {"class": "wp-block-archives-dropdown"})
        hidden = "" if a.get("showLabel") else " screen-reader-text"
        exports = keep_placeholders(
            php_json_encode(
                [dropdown_id, ctx.data.home_url()], unescaped_slashes=True, hex_tag=True
            )
        )
        body = (
            f'<label for="{dropdown_id}" class="wp-block-archives__label{hidden}">{esc_html("Archives")}</label>\n'
            f'\t\t<select id="{esc_attr(dropdown_id)}" name="archive-dropdown">\n'
            f'\t\t<option value="">{esc_html("Select Month")}</option>{options}</select>'
        )
        body += inline_script(
            ARCHIVES_DROPDOWN_JS.format(exports=exports),
            "block_core_archives_build_dropdown_script",
        )
        return f"<div {wrapper}>{body}</div>"
    items = "".join(
        f"\t<li><a href='{esc_url(month_link(ctx, m.year, m.month))}'>{_MONTHS[m.month - 1]} {m.year}</a>"
        f"{f'&nbsp;({m.count})' if counts else ''}</li>\n"
        for m in months
    )
    wrapper = get_block_wrapper_attributes(ctx, {"class": "wp-block-archives-list"})
    if not items:
        return f"<div {wrapper}>No archives to show.</div>"
    return f"<ul {wrapper}>{items}</ul>"


MODULE = BlockModule(renderers={"core/archives": render_archives})
