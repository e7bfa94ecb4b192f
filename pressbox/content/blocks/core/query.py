"""The Query Loop: query, post template, no results and query title (blocks/query.php,
post-template.php, query-no-results.php, query-title.php).

The post template renders its inner blocks once per post as an anonymous `core/null` block
whose children get `postId`/`postType` through a `render_block_context` filter, as WordPress
does. A REST request has no main query, so `inherit: true` loops and archive or search titles
render nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressbox.content.blocks.core.common import as_dict, has_link_color
from pressbox.content.blocks.core.loop import LOOP_POSTS, post_class, query_page, run_query
from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.sanitize import sanitize_title
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr

if TYPE_CHECKING:
    from pressbox.content.blocks.render import BlockInstance

__all__ = ["MODULE", "block_context"]


def block_context(ctx: RenderContext) -> dict[str, Any]:
    from pressbox.content.blocks.render import current_instance

    return current_instance(ctx).context


def _inherits(context: dict[str, Any]) -> bool:
    query = context.get("query")
    return isinstance(query, dict) and bool(query.get("inherit"))


def render_query(block: Block, content: str, ctx: RenderContext) -> str:
    """`render_block_core_query()`: enhanced pagination adds the router directives."""
    a = block.attrs
    if a.get("enhancedPagination") is True and "queryId" in a:
        p = TagProcessor(content)
        if p.next_tag():
            p.set_attribute("data-wp-interactive", "core/query")
            p.set_attribute("data-wp-router-region", f"query-{a['queryId']}")
            p.set_attribute("data-wp-context", "{}")
            p.set_attribute("data-wp-key", str(a["queryId"]))
            content = p.get_updated_html()
    return content


def loop_context(
    context: dict[str, Any], block: Block, parent: BlockInstance | None, ctx: RenderContext
) -> dict[str, Any]:
    """The post template's priority-1 `render_block_context` filter during its loop."""
    stack = ctx.state.get(LOOP_POSTS)
    if not stack:
        return context
    post = stack[-1]
    return {**context, "postType": post.post_type, "postId": post.id}


def _uses_featured_image(blocks: list[BlockInstance]) -> bool:
    return any(
        b.name == "core/post-featured-image"
        or (b.name == "core/cover" and bool(b.attributes.get("useFeaturedImage")))
        or _uses_featured_image(b.inner_blocks)
        for b in blocks
    )


def render_post_template(block: Block, content: str, ctx: RenderContext) -> str:
    from dataclasses import replace

    from pressbox.content.blocks.render import (
        BlockInstance,
        current_instance,
        registry_of,
        render_instance,
    )
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    instance = current_instance(ctx)
    context = instance.context
    if _inherits(context):
        return ""  # the REST request's main query has no posts
    page = query_page(ctx, context.get("queryId"))
    result = run_query(ctx, context, page)
    if not result.posts:
        return ""
    a = block.attrs
    classes = ""
    layout = context.get("displayLayout")
    if isinstance(layout, dict) and "query" in context and layout.get("type") == "flex":
        classes = f"is-flex-container columns-{layout.get('columns', '')}"
    if has_link_color(a):
        classes += " has-link-color"
    own_layout = as_dict(a.get("layout"))
    if own_layout.get("type") == "grid" and own_layout.get("columnCount"):
        classes += " " + sanitize_title(f"columns-{own_layout['columnCount']}")
        if own_layout.get("minimumColumnWidth"):
            classes += " has-native-responsive-grid"
    wrapper = get_block_wrapper_attributes(ctx, {"class": classes.strip()})
    enhanced = bool(context.get("enhancedPagination", False))
    template = replace(instance.parsed, block_name="core/null")
    stack: list[Any] = ctx.state.setdefault(LOOP_POSTS, [])
    items = ""
    for post in result.posts:
        stack.append(post)
        try:
            inner = render_instance(
                BlockInstance(template, {}, registry_of(ctx)), ctx, dynamic=False
            )
        finally:
            stack.pop()
        key = f' data-wp-key="post-template-item-{post.id}"' if enhanced else ""
        items += f'<li{key} class="{esc_attr(post_class(ctx, post, "wp-block-post"))}">{inner}</li>'
    return f"<ul {wrapper}>{items}</ul>"


def render_query_no_results(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    if not content.strip():
        return ""
    context = block_context(ctx)
    if _inherits(context):
        count = 0
    else:
        count = len(run_query(ctx, context, query_page(ctx, context.get("queryId"))).posts)
    if count > 0:
        return ""
    classes = "has-link-color" if has_link_color(block.attrs) else ""
    return f"<div {get_block_wrapper_attributes(ctx, {'class': classes})}>{content}</div>"


def render_query_title(block: Block, content: str, ctx: RenderContext) -> str:
    """Archive and search titles need a main query, which a REST request has not."""
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    kind = a.get("type")
    if kind != "post-type":
        return ""
    context = block_context(ctx)
    query = as_dict(context.get("query"))
    post_type = query.get("postType") or ctx.post.post_type
    names = {"post": "Post", "page": "Page", "attachment": "Media"}
    if post_type not in names:
        return ""
    title = names[post_type]
    if a.get("showPrefix", True):
        title = f"Post Type: &#8220;{title}&#8221;"
    level = int(a.get("level", 1))
    tag = "p" if level == 0 else f"h{level}"
    align = f"has-text-align-{a['textAlign']}" if a.get("textAlign") else ""
    return f"<{tag} {get_block_wrapper_attributes(ctx, {'class': align})}>{title}</{tag}>"


MODULE = BlockModule(
    renderers={
        "core/query": render_query,
        "core/post-template": render_post_template,
        "core/query-no-results": render_query_no_results,
        "core/query-title": render_query_title,
    },
    context_filters=(loop_context,),
    skip_inner_blocks=frozenset({"core/post-template"}),
)
