"""The latest comments block: `render_block_core_latest_comments()` (blocks/latest-comments.php).

Comments come from `ctx.data.recent_comments(n)` (`SiteData`: approved comments on published
posts, newest first; `author_email` should be the user's email for registered commenters).
Avatars are Gravatar URLs as `get_avatar()` builds them (SHA-256 of the email).
"""

from __future__ import annotations

import hashlib
import re

from pressbox.content.blocks.data import Comment, post_title, site_method
from pressbox.content.blocks.phpdate import format_date, parse_mysql_date, site_timezone
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr, esc_url

__all__ = ["MODULE", "avatar", "render_latest_comments", "trim_words"]

_WORD_SPLIT = re.compile(r"[\n\r\t ]+")
_TAGS = re.compile(r"<[^>]*>")
_SCRIPTS = re.compile(r"<(script|style)[^>]*?>.*?</\1>", re.S | re.I)


def trim_words(text: str, num_words: int = 55, more: str = "&hellip;") -> str:
    """`wp_trim_words()` (space-separated languages)."""
    text = _TAGS.sub("", _SCRIPTS.sub("", text)).strip()
    words = [w for w in _WORD_SPLIT.split(text, maxsplit=num_words) if w]
    if len(words) > num_words:
        words.pop()
        return " ".join(words) + more
    return " ".join(words)


def avatar(ctx: RenderContext, email: str, size: int, extra_class: str) -> str:
    """`get_avatar()` markup for an email address (Gravatar, `avatar_default`/`avatar_rating`)."""
    digest = hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()
    default = str(ctx.data.option("avatar_default", "mystery") or "mystery")
    default = {"mystery": "mm", "mysteryman": "mm", "gravatar_default": ""}.get(default, default)
    rating = str(ctx.data.option("avatar_rating", "G") or "G").lower()

    def url(px: int) -> str:
        query = f"s={px}" + (f"&d={default}" if default else "") + f"&r={rating}"
        return esc_url(f"https://secure.gravatar.com/avatar/{digest}?{query}")

    return (
        f"<img alt='' src='{url(size)}' srcset='{url(size * 2)} 2x' "
        f"class='avatar avatar-{size} photo {extra_class}' height='{size}' width='{size}' />"
    )


def _comment_date(ctx: RenderContext, comment: Comment, fmt: str) -> str:
    when = parse_mysql_date(comment.date, site_timezone(ctx.data.option))
    return format_date(fmt, when) if when else ""


def _autop(ctx: RenderContext, text: str) -> str:
    from pressbox.content.blocks.core.shortcode import _module_wpautop

    autop = ctx.state.get("wpautop") or _module_wpautop()
    return str(autop(text)) if autop else text


def render_latest_comments(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    if "displayExcerpt" in a:
        display = "excerpt" if a["displayExcerpt"] else "none"
    else:
        display = str(a.get("displayContent", "excerpt"))
    query = site_method(ctx, "recent_comments")
    comments = list(query(int(a.get("commentsToShow", 5)))) if callable(query) else []
    author_url_of = site_method(ctx, "author_posts_url")
    display_name = site_method(ctx, "user_display_name")
    show_avatars = ctx.data.option("show_avatars", "1") not in ("", "0", None, False)
    items = ""
    for comment in comments:
        items += '<li class="wp-block-latest-comments__comment">'
        if a.get("displayAvatar") and show_avatars and comment.comment_type in ("comment", ""):
            items += avatar(
                ctx, comment.author_email, 48, "wp-block-latest-comments__comment-avatar"
            )
        items += '<article><footer class="wp-block-latest-comments__comment-meta">'
        author_url = comment.author_url
        if not author_url and comment.user_id and callable(author_url_of):
            author_url = str(author_url_of(comment.user_id))
        name = comment.author
        if not name:
            name = (
                str(display_name(comment.user_id))
                if comment.user_id and callable(display_name)
                else ""
            )
            name = name or "Anonymous"
        if author_url:
            author = f'<a class="wp-block-latest-comments__comment-author" href="{esc_url(author_url)}">{name}</a>'
        else:
            author = f'<span class="wp-block-latest-comments__comment-author">{name}</span>'
        post = ctx.data.post(comment.post_id)
        title = (post_title(ctx, post) if post else "") or "(no title)"
        link = ctx.data.permalink(comment.post_id) + f"#comment-{comment.comment_id}"
        items += f'{author} on <a class="wp-block-latest-comments__comment-link" href="{esc_url(link)}">{title}</a>'
        if a.get("displayDate"):
            date_format = str(ctx.data.option("date_format", "F j, Y") or "F j, Y")
            items += (
                f'<time datetime="{esc_attr(_comment_date(ctx, comment, "c"))}" '
                f'class="wp-block-latest-comments__comment-date">{_comment_date(ctx, comment, date_format)}</time>'
            )
        items += "</footer>"
        protected = post is not None and bool(post.post_password)
        if display == "full":
            text = "Password protected" if protected else comment.content
            items += (
                f'<div class="wp-block-latest-comments__comment-excerpt">{_autop(ctx, text)}</div>'
            )
        elif display == "excerpt":
            text = (
                "Password protected"
                if protected
                else _TAGS.sub("", comment.content.replace("\n", " ").replace("\r", " "))
            )
            items += f'<div class="wp-block-latest-comments__comment-excerpt">{_autop(ctx, trim_words(text, 20))}</div>'
        items += "</article></li>"
    classes = []
    if a.get("displayAvatar"):
        classes.append("has-avatars")
    if a.get("displayDate"):
        classes.append("has-dates")
    if display != "none":
        classes.append("has-excerpts")
    if not comments:
        classes.append("no-comments")
    wrapper = get_block_wrapper_attributes(ctx, {"class": " ".join(classes)})
    if comments:
        return f"<ol {wrapper}>{items}</ol>"
    return f"<div {wrapper}>No comments to show.</div>"


MODULE = BlockModule(renderers={"core/latest-comments": render_latest_comments})
