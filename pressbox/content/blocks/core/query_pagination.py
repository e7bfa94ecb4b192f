"""Query Loop pagination: the wrapper, previous/next links and page numbers
(blocks/query-pagination*.php) with `paginate_links()` (general-template.php).

Links are built from the REST request's URI, as WordPress builds them from `REQUEST_URI`
(`add_query_arg()` and `get_pagenum_link()`), so a post renders differently per request URL.
"""

from __future__ import annotations

import html
from typing import Any

from pressbox.content.blocks.core.common import as_dict, has_link_color
from pressbox.content.blocks.core.loop import query_page, run_query
from pressbox.content.blocks.core.query import block_context
from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_html, esc_url
from pressbox.content.shortcodes.phpfuncs import add_query_arg
from pressbox.rest.phpquery import parse_query, urlencode_deep

__all__ = ["MODULE", "paginate_links", "request_uri"]

_ARROWS = {"arrow": ("→", "←"), "chevron": ("»", "«")}


def request_uri(ctx: RenderContext) -> str:
    """`$_SERVER['REQUEST_URI']`: the path and query of the request URL."""
    url = ctx.request_url
    scheme_end = url.find("://")
    if scheme_end == -1:
        return url or "/"
    path_at = url.find("/", scheme_end + 3)
    return url[path_at:] if path_at != -1 else "/"


def _page_key(context: dict[str, Any]) -> str:
    query_id = context.get("queryId")
    return f"query-{query_id}-page" if query_id is not None else "query-page"


def _max_page(context: dict[str, Any]) -> int:
    query = as_dict(context.get("query"))
    try:
        return int(query.get("pages") or 0)
    except (TypeError, ValueError):
        return 0


def _arrow(context: dict[str, Any], is_next: bool) -> str:
    kind = context.get("paginationArrow")
    if not kind or kind not in _ARROWS:
        return ""
    arrow = _ARROWS[kind][0 if is_next else 1]
    direction = "next" if is_next else "previous"
    return (
        f'<span class="wp-block-query-pagination-{direction}-arrow is-arrow-{kind}" '
        f'aria-hidden="true">{arrow}</span>'
    )


def _inherits(context: dict[str, Any]) -> bool:
    query = context.get("query")
    return isinstance(query, dict) and bool(query.get("inherit"))


def render_query_pagination(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    if not content.strip():
        return ""
    classes = "has-link-color" if has_link_color(block.attrs) else ""
    wrapper = get_block_wrapper_attributes(ctx, {"aria-label": "Pagination", "class": classes})
    return f"<nav {wrapper}>{content}</nav>"


def _label(block: Block, ctx: RenderContext, default: str) -> tuple[str, str]:
    context = block_context(ctx)
    label_text = esc_html(str(block.attrs["label"])) if block.attrs.get("label") else default
    show = bool(context.get("showLabel", True))
    return (label_text if show else ""), label_text


def _enhance(content: str, class_name: str, key: str) -> str:
    p = TagProcessor(content)
    if p.next_tag("a", class_name=class_name):
        p.set_attribute("data-wp-key", key)
        p.set_attribute("data-wp-on--click", "core/query::actions.navigate")
        p.set_attribute("data-wp-on--mouseenter", "core/query::actions.prefetch")
        p.set_attribute("data-wp-watch", "core/query::callbacks.prefetch")
    return p.get_updated_html()


def render_query_pagination_next(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    context = block_context(ctx)
    key = _page_key(context)
    page = query_page(ctx, context.get("queryId"))
    max_page = _max_page(context)
    wrapper = get_block_wrapper_attributes(ctx)
    label, label_text = _label(block, ctx, "Next Page")
    if not label:
        wrapper += f' aria-label="{label_text}"'
    label += _arrow(context, True)
    out = ""
    if _inherits(context):
        out = ""  # no main query: get_next_posts_link() prints nothing
    elif not max_page or max_page > page:
        pages = run_query(ctx, context, page).max_num_pages
        if pages and pages != page:
            href = esc_url(add_query_arg({key: str(page + 1)}, request_uri(ctx)))
            out = f'<a href="{href}" {wrapper}>{label}</a>'
    if context.get("enhancedPagination"):
        out = _enhance(out, "wp-block-query-pagination-next", "query-pagination-next")
    return out


def render_query_pagination_previous(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    context = block_context(ctx)
    key = _page_key(context)
    page = query_page(ctx, context.get("queryId"))
    max_page = _max_page(context)
    wrapper = get_block_wrapper_attributes(ctx)
    label, label_text = _label(block, ctx, "Previous Page")
    if not label:
        wrapper += f' aria-label="{label_text}"'
    label = _arrow(context, False) + label
    out = ""
    if not _inherits(context):
        pages = run_query(ctx, context, page).max_num_pages
        total = pages if not max_page or max_page > pages else max_page
        if 1 < page <= total:
            href = esc_url(add_query_arg({key: str(page - 1)}, request_uri(ctx)))
            out = f'<a href="{href}" {wrapper}>{label}</a>'
    if context.get("enhancedPagination"):
        out = _enhance(out, "wp-block-query-pagination-previous", "query-pagination-previous")
    return out


def paginate_links(
    ctx: RenderContext,
    *,
    base: str,
    fmt: str,
    total: int,
    current: int,
    add_args: dict[str, Any] | None = None,
    mid_size: int = 2,
    end_size: int = 1,
) -> str:
    """`paginate_links()` without previous/next links, plain type."""
    add = dict(add_args or {})
    uri = request_uri(ctx)
    if "?" in uri:
        # get_pagenum_link() keeps the request's query (without `paged`): merged into add_args.
        format_query = [*base.replace("%_%", fmt).split("?"), ""][1]
        url_args = parse_query(html.unescape(uri.split("?", 1)[1].split("#", 1)[0]))
        url_args.pop("paged", None)
        for name in parse_query(format_query):
            url_args.pop(name, None)
        # Nested (`a[]=`) arguments are left out: add_query_arg() here builds flat queries.
        add.update({k: v for k, v in urlencode_deep(url_args).items() if isinstance(v, str)})
    if total < 2:
        return ""
    end_size = max(end_size, 1)
    if mid_size < 0:
        mid_size = 2
    links: list[str] = []
    dots = False
    for n in range(1, total + 1):
        if n == current:
            links.append(f'<span aria-current="page" class="page-numbers current">{n:,}</span>')
            dots = True
        elif (
            n <= end_size
            or (current and current - mid_size <= n <= current + mid_size)
            or n > total - end_size
        ):
            link = base.replace("%_%", "" if n == 1 else fmt).replace("%#%", str(n))
            if add:
                link = add_query_arg(add, link)
            links.append(f'<a class="page-numbers" href="{esc_url(link)}">{n:,}</a>')
            dots = True
        elif dots:
            links.append('<span class="page-numbers dots">&hellip;</span>')
            dots = False
    return "\n".join(links)


def render_query_pagination_numbers(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    context = block_context(ctx)
    if _inherits(context):
        return ""  # paginate_links() of an empty main query
    key = _page_key(context)
    page = query_page(ctx, context.get("queryId"))
    max_page = _max_page(context)
    mid = block.attrs.get("midSize")
    pages = run_query(ctx, context, page).max_num_pages
    total = pages if not max_page or max_page > pages else max_page
    add_args: dict[str, Any] = {} if page == 1 else {"cst": ""}
    paged = query_page(ctx, None, "paged")
    if paged:
        add_args = {"paged": str(paged)}
    out = paginate_links(
        ctx,
        base="%_%",
        fmt=f"?{key}=%#%",
        total=total,
        current=max(1, page),
        add_args=add_args,
        mid_size=int(mid) if mid is not None else 2,
    )
    if not out:
        return ""
    if context.get("enhancedPagination"):
        p = TagProcessor(out)
        index = 0
        while p.next_tag(class_name="page-numbers"):
            if p.get_attribute("data-wp-key") is None:
                p.set_attribute("data-wp-key", f"index-{index}")
                index += 1
            if p.get_tag() == "A":
                p.set_attribute("data-wp-on--click", "core/query::actions.navigate")
        out = p.get_updated_html()
    return f"<div {get_block_wrapper_attributes(ctx)}>{out}</div>"


MODULE = BlockModule(
    renderers={
        "core/query-pagination": render_query_pagination,
        "core/query-pagination-next": render_query_pagination_next,
        "core/query-pagination-previous": render_query_pagination_previous,
        "core/query-pagination-numbers": render_query_pagination_numbers,
    }
)
