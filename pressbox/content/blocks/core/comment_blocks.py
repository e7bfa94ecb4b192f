"""Comment blocks: comments, comments title, comment template and the comment parts
(blocks/comments.php, comments-title.php, comment-template.php, comment-*.php,
comments-pagination*.php).

Comments come from `ctx.data.post_comments(post_id)` (approved, oldest first) and are shown
to an anonymous reader: no edit links, no pending comments. Comment pagination links need a
singular main query, which a REST request has not, so they render nothing. Known gap: the
`even`/`odd` comment classes count per rendered post, where WordPress counts per request.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from pressbox.content.blocks.core.common import has_link_color, human_time_diff, now_timestamp
from pressbox.content.blocks.core.loop import current_post, password_required
from pressbox.content.blocks.data import Comment, post_title, site_method
from pressbox.content.blocks.phpdate import format_date, parse_mysql_date, site_timezone
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import PostData, RenderContext
from pressbox.content.escaping import esc_attr, esc_url
from pressbox.content.shortcodes.phpfuncs import add_query_arg

__all__ = ["MODULE", "comments_open", "get_comment", "get_comment_author", "post_comments"]

_COMMENTS = "_comments"  # ctx.state: comment id -> Comment, for every comment read
_ALT = "_comment_alt"  # ctx.state: [comment_alt, comment_thread_alt, comment_depth]


def _context(ctx: RenderContext) -> dict[str, Any]:
    from pressbox.content.blocks.render import current_instance

    return current_instance(ctx).context


def post_comments(ctx: RenderContext, post_id: int) -> list[Comment]:
    """The approved comments of a post, remembered for the render."""
    memo: dict[int, list[Comment]] = ctx.state.setdefault("_post_comments", {})
    if post_id not in memo:
        read = site_method(ctx, "post_comments")
        memo[post_id] = list(read(post_id)) if callable(read) else []
        known: dict[int, Comment] = ctx.state.setdefault(_COMMENTS, {})
        known.update({c.comment_id: c for c in memo[post_id]})
    return memo[post_id]


def get_comment(ctx: RenderContext, comment_id: Any) -> Comment | None:
    known: dict[int, Comment] = ctx.state.get(_COMMENTS) or {}
    try:
        return known.get(int(comment_id))
    except (TypeError, ValueError):
        return None


def get_comment_author(ctx: RenderContext, comment: Comment) -> str:
    """`get_comment_author()`: the name given, the user's display name, or `Anonymous`."""
    if comment.author:
        return comment.author
    if comment.user_id:
        from pressbox.content.blocks.core.avatar import user_info

        user = user_info(ctx, comment.user_id)
        if user is not None:
            return user.display_name
    return "Anonymous"


def comments_open(ctx: RenderContext, post: PostData) -> bool:
    """`comments_open()` with `_close_comments_for_old_post()` (`close_comments_*` options)."""
    if post.comment_status != "open":
        return False
    if post.post_type != "post" or str(
        ctx.data.option("close_comments_for_old_posts", "") or ""
    ) in ("", "0"):
        return True
    try:
        days = int(str(ctx.data.option("close_comments_days_old", 0) or 0))
    except ValueError:
        days = 0
    when = parse_mysql_date(post.post_date_gmt, UTC)
    if not days or when is None:
        return True
    return when.timestamp() > now_timestamp(ctx) - days * 86400


def _post(ctx: RenderContext, post_id: Any) -> PostData | None:
    if post_id is None:
        return None
    return ctx.post if int(post_id) == ctx.post.id else ctx.data.post(int(post_id))


def render_comments(block: Block, content: str, ctx: RenderContext) -> str:
    """`render_block_core_comments()`: the saved inner blocks (legacy mode is not supported)."""
    from pressbox.content.blocks.render import current_instance, render_instance

    post = _post(ctx, _context(ctx).get("postId"))
    if post is None or (not comments_open(ctx, post) and post.comment_count == 0):
        return ""
    return render_instance(current_instance(ctx), ctx, dynamic=False)


def render_comments_title(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    post = current_post(ctx)
    if password_required(ctx, post):
        return ""
    count = post.comment_count
    if count == 0:
        return ""
    title = post_title(ctx, post)
    show_title = bool(a.get("showPostTitle"))
    show_count = bool(a.get("showCommentsCount"))
    if show_count and show_title:
        text = (
            f"One response to &#8220;{title}&#8221;"
            if count == 1
            else f"{count:,} responses to &#8220;{title}&#8221;"
        )
    elif show_count:
        text = "One response" if count == 1 else f"{count:,} responses"
    elif show_title:
        text = f"{'Response' if count == 1 else 'Responses'} to &#8220;{title}&#8221;"
    else:
        text = "Response" if count == 1 else "Responses"
    tag = f"h{a.get('level', 2)}"
    align = f"has-text-align-{a['textAlign']}" if a.get("textAlign") else ""
    wrapper = get_block_wrapper_attributes(ctx, {"class": align})
    return f'<{tag} id="comments" {wrapper}>{text}</{tag}>'


def _comment_class(ctx: RenderContext, comment: Comment, post: PostData | None) -> str:
    """`comment_class()`: type, author, parity and depth classes."""
    counters: list[int] = ctx.state.setdefault(_ALT, [0, 0, 1])
    classes = [comment.comment_type or "comment"]
    if comment.user_id:
        from pressbox.content.blocks.core.avatar import user_info

        user = user_info(ctx, comment.user_id)
        if user is not None:
            classes.append("byuser")
            classes.append(f"comment-author-{_html_class(user.nicename, str(comment.user_id))}")
            if post is not None and comment.user_id == post.post_author:
                classes.append("bypostauthor")
    classes += ["odd", "alt"] if counters[0] % 2 else ["even"]
    counters[0] += 1
    if counters[2] == 1:
        classes += ["thread-odd", "thread-alt"] if counters[1] % 2 else ["thread-even"]
        counters[1] += 1
    classes.append(f"depth-{counters[2]}")
    return " ".join(esc_attr(c) for c in classes)


def _html_class(value: str, fallback: str) -> str:
    import re

    cleaned = re.sub(r"[^A-Za-z0-9_-]", "", re.sub(r"%[a-fA-F0-9]{2}", "", value))
    return cleaned or fallback


def _render_comments(
    ctx: RenderContext, comments: list[Comment], children: dict[int, list[Comment]], block: Block
) -> str:
    """`block_core_comment_template_render_comments()`."""
    from pressbox.content.blocks.render import BlockInstance, registry_of, render_instance

    thread = str(ctx.data.option("thread_comments", "") or "") not in ("", "0")
    depth_limit = int(ctx.data.option("thread_comments_depth", 5) or 5)
    counters: list[int] = ctx.state.setdefault(_ALT, [0, 0, 1])
    stack: list[int] = ctx.state.setdefault(_COMMENT_IDS, [])
    out = ""
    for comment in comments:
        stack.append(comment.comment_id)
        try:
            html = render_instance(BlockInstance(block, {}, registry_of(ctx)), ctx, dynamic=False)
        finally:
            stack.pop()
        post = _post(ctx, comment.post_id)
        classes = _comment_class(ctx, comment, post)
        kids = children.get(comment.comment_id, [])
        if kids and thread:
            if counters[2] < depth_limit:
                counters[2] += 1
                html += f"<ol>{_render_comments(ctx, kids, children, block)}</ol>"
                counters[2] -= 1
            else:
                html += _render_comments(ctx, kids, children, block)
        out += f'<li id="comment-{comment.comment_id}" class="{classes}">{html}</li>'
    return out


_COMMENT_IDS = "_comment_ids"  # ctx.state: stack of comments being rendered


def comment_context(
    context: dict[str, Any], block: Block, parent: Any, ctx: RenderContext
) -> dict[str, Any]:
    """The comment template's priority-1 `render_block_context` filter (`commentId`)."""
    stack = ctx.state.get(_COMMENT_IDS)
    if not stack:
        return context
    return {**context, "commentId": stack[-1]}


def render_comment_template(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    post = _post(ctx, _context(ctx).get("postId"))
    if post is None or password_required(ctx, post):
        return ""
    comments = post_comments(ctx, post.id)
    thread = str(ctx.data.option("thread_comments", "") or "") not in ("", "0")
    children: dict[int, list[Comment]] = {}
    top: list[Comment] = []
    for comment in comments:
        if thread and comment.parent:
            children.setdefault(comment.parent, []).append(comment)
        else:
            top.append(comment)
    if not top:
        return ""
    if ctx.data.option("comment_order", "asc") == "desc":
        top.reverse()
    items = _render_comments(ctx, top, children, current_instance(ctx).parsed)
    return f"<ol {get_block_wrapper_attributes(ctx)}>{items}</ol>"


def _comment_classes(a: dict[str, Any]) -> str:
    classes = []
    if "textAlign" in a:
        classes.append(f"has-text-align-{a['textAlign']}")
    if has_link_color(a):
        classes.append("has-link-color")
    return " ".join(classes)


def render_comment_author_name(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    comment = get_comment(ctx, _context(ctx).get("commentId"))
    if comment is None:
        return ""
    author = get_comment_author(ctx, comment)
    url = "" if comment.author_url == "http://" else comment.author_url
    if url and a.get("isLink") and a.get("linkTarget"):
        author = (
            f'<a rel="external nofollow ugc" href="{esc_url(url)}" '
            f'target="{esc_attr(str(a["linkTarget"]))}" >{author}</a>'
        )
    wrapper = get_block_wrapper_attributes(ctx, {"class": _comment_classes(a)})
    return f"<div {wrapper}>{author}</div>"


def _comment_text(ctx: RenderContext, text: str) -> str:
    render = ctx.state.get("comment_text")
    if callable(render):
        return str(render(text))
    try:
        from pressbox.content.comment_text import COMMENT_TEXT
    except ImportError:  # pragma: no cover - the comment_text filters are optional
        from pressbox.content.autop import wpautop

        return wpautop(text, ctx)
    return COMMENT_TEXT(text, ctx)


def render_comment_content(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    comment = get_comment(ctx, _context(ctx).get("commentId"))
    if comment is None or not comment.content:
        return ""
    text = _comment_text(ctx, comment.content)
    wrapper = get_block_wrapper_attributes(ctx, {"class": _comment_classes(block.attrs)})
    return f"<div {wrapper}>{text}</div>"


def comment_link(ctx: RenderContext, comment: Comment) -> str:
    """`get_comment_link()` without comment pages."""
    return f"{ctx.data.permalink(comment.post_id)}#comment-{comment.comment_id}"


def render_comment_date(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    comment = get_comment(ctx, _context(ctx).get("commentId"))
    if comment is None:
        return ""
    when = parse_mysql_date(comment.date, site_timezone(ctx.data.option))
    if when is None:
        return ""
    if a.get("format") == "human-diff":
        formatted = f"{human_time_diff(when.timestamp(), now_timestamp(ctx))} ago"
    else:
        fmt = str(a.get("format") or ctx.data.option("date_format", "F j, Y") or "F j, Y")
        formatted = format_date(fmt, when)
    if a.get("isLink"):
        formatted = f'<a href="{esc_url(comment_link(ctx, comment))}">{formatted}</a>'
    classes = "has-link-color" if has_link_color(a) else ""
    wrapper = get_block_wrapper_attributes(ctx, {"class": classes})
    return (
        f'<div {wrapper}><time datetime="{esc_attr(format_date("c", when))}">'
        f"{formatted}</time></div>"
    )


def render_comment_edit_link(block: Block, content: str, ctx: RenderContext) -> str:
    """Anonymous readers may not edit comments."""
    return ""


def _depth(ctx: RenderContext, comment: Comment) -> int:
    depth = 1
    parent = comment.parent
    seen = {comment.comment_id}
    while parent and parent not in seen:
        seen.add(parent)
        depth += 1
        found = get_comment(ctx, parent)
        parent = found.parent if found is not None else 0
    return depth


def render_comment_reply_link(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    comment = get_comment(ctx, _context(ctx).get("commentId"))
    thread = str(ctx.data.option("thread_comments", "") or "") not in ("", "0")
    if comment is None or not thread:
        return ""
    depth = _depth(ctx, comment)
    max_depth = int(ctx.data.option("thread_comments_depth", 5) or 5)
    post = _post(ctx, comment.post_id)
    if max_depth <= depth or post is None or not comments_open(ctx, post):
        return ""
    author = get_comment_author(ctx, comment)
    if str(ctx.data.option("comment_registration", "") or "") not in ("", "0"):
        login = f"{str(ctx.data.option('siteurl', '')).rstrip('/')}/wp-login.php"
        permalink = ctx.data.permalink(current_post(ctx).id)
        login += "?redirect_to=" + _urlencode(permalink)
        link = f'<a rel="nofollow" class="comment-reply-login" href="{esc_url(login)}">Log in to Reply</a>'
    else:
        href = add_query_arg(
            {"replytocom": str(comment.comment_id), "unapproved": False, "moderation-hash": False},
            ctx.data.permalink(post.id),
        )
        data = (
            f'data-commentid="{comment.comment_id}" data-postid="{post.id}" '
            f'data-belowelement="comment-{comment.comment_id}" data-respondelement="respond" '
            f'data-replyto="{esc_attr(f"Reply to {author}")}"'
        )
        link = (
            f'<a rel="nofollow" class="comment-reply-link" href="{esc_url(href)}#respond" '
            f'{data} aria-label="{esc_attr(f"Reply to {author}")}">Reply</a>'
        )
    wrapper = get_block_wrapper_attributes(ctx, {"class": _comment_classes(block.attrs)})
    return f"<div {wrapper}>{link}</div>"


def _urlencode(text: str) -> str:
    from urllib.parse import quote_plus

    return quote_plus(text, safe="-_.").replace("~", "%7E")


def render_comments_pagination(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    if not content.strip() or password_required(ctx, current_post(ctx)):
        return ""
    classes = "has-link-color" if has_link_color(block.attrs) else ""
    wrapper = get_block_wrapper_attributes(
        ctx, {"aria-label": "Comments pagination", "class": classes}
    )
    return f"<nav {wrapper}>{content}</nav>"


def render_nothing(block: Block, content: str, ctx: RenderContext) -> str:
    """Comment page links print only on a singular main query (`is_singular()`)."""
    return ""


MODULE = BlockModule(
    renderers={
        "core/comments": render_comments,
        "core/comments-title": render_comments_title,
        "core/comment-template": render_comment_template,
        "core/comment-author-name": render_comment_author_name,
        "core/comment-content": render_comment_content,
        "core/comment-date": render_comment_date,
        "core/comment-edit-link": render_comment_edit_link,
        "core/comment-reply-link": render_comment_reply_link,
        "core/comments-pagination": render_comments_pagination,
        "core/comments-pagination-next": render_nothing,
        "core/comments-pagination-previous": render_nothing,
        "core/comments-pagination-numbers": render_nothing,
    },
    context_filters=(comment_context,),
    skip_inner_blocks=frozenset({"core/comments", "core/comment-template"}),
)
