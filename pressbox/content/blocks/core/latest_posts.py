"""The latest posts block: `render_block_core_latest_posts()` (blocks/latest-posts.php).

Posts come from `ctx.data.recent_posts(count, order=, orderby=, category__in=, author=,
ignore_sticky_posts=True)`; titles, excerpts and full contents from the `ctx.state` callables
described in `pressbox.content.blocks.data`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pressbox.content.blocks.block_type import php_empty
from pressbox.content.blocks.data import post_title, site_method
from pressbox.content.blocks.phpdate import format_date, parse_mysql_date, site_timezone
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.sanitize import sanitize_title
from pressbox.content.blocks.types import Block
from pressbox.content.context import PostData, RenderContext
from pressbox.content.escaping import esc_attr, esc_html, esc_url

if TYPE_CHECKING:
    from pressbox.content.blocks.render import BlockInstance

__all__ = ["MODULE", "render_latest_posts"]

_STACK = "_latest_posts_stack"


def migrate_categories(block: Block, parent: BlockInstance | None, ctx: RenderContext) -> Block:
    """`block_core_latest_posts_migrate_categories()`: `"6"` → `[{"id": 6}]`."""
    cats = block.attrs.get("categories")
    if block.block_name != "core/latest-posts" or php_empty(cats) or not isinstance(cats, str):
        return block
    try:
        cat_id = abs(int(float(cats.strip() or 0)))
    except ValueError:
        cat_id = 0
    attrs = dict(block.attrs)
    attrs["categories"] = [{"id": cat_id}]
    return replace(block, attrs=attrs)


def _date(ctx: RenderContext, post: PostData, fmt: str) -> str:
    tz = site_timezone(ctx.data.option)
    when = parse_mysql_date(post.post_date, tz)
    if when is None:
        return ""
    if fmt == "":
        fmt = str(ctx.data.option("date_format", "F j, Y") or "F j, Y")
    return format_date(fmt, when)


def _excerpt(ctx: RenderContext, post: PostData, length: int, link: str, title: str) -> str:
    render = ctx.state.get("render_excerpt")
    excerpt = str(render(post, length)) if callable(render) else post.post_excerpt
    if excerpt.endswith(" [&hellip;]"):
        excerpt = excerpt[:-11] + (
            f'… <a class="wp-block-latest-posts__read-more" href="{esc_url(link)}" rel="noopener">'
            f'Read more<span class="screen-reader-text">: {esc_html(title)}</span></a>'
        )
    if post.post_password:
        excerpt = "This content is password protected."
    return excerpt


def _full_content(ctx: RenderContext, post: PostData) -> str:
    if post.post_password:
        return "This content is password protected."
    stack: list[int] = ctx.state.setdefault(_STACK, [])
    if post.id in stack:
        return ""
    stack.append(post.id)
    try:
        render = ctx.state.get("render_content")
        if callable(render):
            content = str(render(post))
        else:
            from pressbox.content.blocks.render import do_blocks

            content = do_blocks(post.post_content, ctx)
    finally:
        stack.pop()
    return content.replace("]]>", "]]&gt;")


def render_latest_posts(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a: dict[str, Any] = block.attrs
    filters: dict[str, Any] = {
        "order": a.get("order", "desc"),
        "orderby": a.get("orderBy", "date"),
        "ignore_sticky_posts": True,
    }
    categories = a.get("categories")
    if not php_empty(categories) and isinstance(categories, list):
        filters["category__in"] = [
            c.get("id") for c in categories if isinstance(c, dict) and "id" in c
        ]
    if "selectedAuthor" in a:
        filters["author"] = a["selectedAuthor"]
    posts = ctx.data.recent_posts(int(a.get("postsToShow", 5)), **filters)
    display_name = site_method(ctx, "user_display_name")
    items: list[str] = []
    for post in posts:
        link = esc_url(ctx.data.permalink(post.id))
        title = post_title(ctx, post) or "(no title)"
        item = "<li>"
        item += f'<a class="wp-block-latest-posts__post-title" href="{esc_url(link)}">{title}</a>'
        if a.get("displayAuthor"):
            name = str(display_name(post.post_author)) if callable(display_name) else ""
            if name:
                item += f'<div class="wp-block-latest-posts__post-author">by {name}</div>'
        if a.get("displayPostDate"):
            item += (
                f'<time datetime="{esc_attr(_date(ctx, post, "c"))}" class="wp-block-latest-posts__post-date">'
                f"{_date(ctx, post, '')}</time>"
            )
        show_content = a.get("displayPostContent")
        radio = a.get("displayPostContentRadio")
        if show_content and radio == "excerpt":
            excerpt = _excerpt(ctx, post, int(a.get("excerptLength", 55)), link, title)
            item += f'<div class="wp-block-latest-posts__post-excerpt">{excerpt}</div>'
        if show_content and radio == "full_post":
            item += f'<div class="wp-block-latest-posts__post-full-content">{_full_content(ctx, post)}</div>'
        items.append(item + "</li>\n")

    raw_layout = a.get("layout")
    layout: dict[str, Any] = raw_layout if isinstance(raw_layout, dict) else {}
    legacy = "grid" if a.get("postLayout") == "grid" else "default"
    layout_type = layout.get("type", legacy)
    columns = layout.get("columnCount", a.get("columns"))
    classes = ["wp-block-latest-posts__list"]
    if layout_type == "grid":
        classes.append("is-grid")
        if not php_empty(columns):
            classes.append(sanitize_title(f"columns-{columns}"))
            if not php_empty(layout.get("minimumColumnWidth")):
                classes.append("has-native-responsive-grid")
    if a.get("displayPostDate"):
        classes.append("has-dates")
    if a.get("displayAuthor"):
        classes.append("has-author")
    style = a.get("style")
    if isinstance(style, dict) and _has_link_color(style):
        classes.append("has-link-color")
    wrapper = get_block_wrapper_attributes(ctx, {"class": " ".join(classes)})
    return f"<ul {wrapper}>{''.join(items)}</ul>"


def _has_link_color(style: dict[str, Any]) -> bool:
    elements = style.get("elements")
    link = elements.get("link") if isinstance(elements, dict) else None
    color = link.get("color") if isinstance(link, dict) else None
    return isinstance(color, dict) and color.get("text") is not None


MODULE = BlockModule(
    renderers={"core/latest-posts": render_latest_posts},
    data_filters=(migrate_categories,),
)
