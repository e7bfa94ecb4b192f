"""The post comments form block: `render_block_core_post_comments_form()` with WordPress's
`comment_form()` (blocks/post-comments-form.php, comment-template.php).

The form is the one an anonymous reader of a block theme sees (HTML5 fields, the block
theme's button markup from `comment_form_defaults`); links that echo the request use its URI.
"""

from __future__ import annotations

from pressbox.content.blocks.core.comment_blocks import comments_open, post_comments
from pressbox.content.blocks.core.loop import password_required, query_page
from pressbox.content.blocks.core.query_pagination import request_uri
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import PostData, RenderContext
from pressbox.content.escaping import esc_url
from pressbox.content.shortcodes.phpfuncs import add_query_arg

__all__ = ["MODULE", "comment_form"]

_REQUIRED = '<span class="required">*</span>'


def _option_on(ctx: RenderContext, name: str) -> bool:
    return str(ctx.data.option(name, "") or "") not in ("", "0")


def _reply_to_id(ctx: RenderContext, post: PostData) -> int:
    """`_get_comment_reply_id()`: `?replytocom=` when it names an approved comment here."""
    wanted = query_page(ctx, None, "replytocom")
    if wanted <= 0:
        return 0
    comments = {c.comment_id: c for c in post_comments(ctx, post.id)}
    return wanted if wanted in comments else 0


def comment_form(ctx: RenderContext, post: PostData, container_class: str) -> str:
    """`comment_form( array(), $post )` as the block calls it ('' when comments are closed)."""
    if not comments_open(ctx, post):
        return ""
    required = _option_on(ctx, "require_name_email")
    indicator = " " + _REQUIRED if required else ""
    attr = " required" if required else ""
    fields = [
        '<p class="comment-form-author"><label for="author">Name'
        f'{indicator}</label> <input id="author" name="author" type="text" value="" size="30" '
        f'maxlength="245" autocomplete="name"{attr} /></p>',
        '<p class="comment-form-email"><label for="email">Email'
        f'{indicator}</label> <input id="email" name="email" type="email" value="" size="30" '
        f'maxlength="100" aria-describedby="email-notes" autocomplete="email"{attr} /></p>',
        '<p class="comment-form-url"><label for="url">Website</label> <input id="url" name="url" '
        'type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>',
    ]
    if _option_on(ctx, "show_comments_cookies_opt_in"):
        fields.append(
            '<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" '
            'name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label '
            'for="wp-comment-cookies-consent">Save my name, email, and website in this browser '
            "for the next time I comment.</label></p>"
        )
    reply_to = _reply_to_id(ctx, post)
    html = f'\t<div id="respond" class="{container_class}">\n\t\t<h3 id="reply-title" class="comment-reply-title">'
    html += "Leave a Reply" if reply_to == 0 else _reply_title(ctx, post, reply_to)
    if _option_on(ctx, "thread_comments"):
        cancel = add_query_arg(
            {"replytocom": False, "unapproved": False, "moderation-hash": False},
            request_uri(ctx),
        )
        hidden = "" if reply_to else ' style="display:none;"'
        html += (
            f' <small><a rel="nofollow" id="cancel-comment-reply-link" '
            f'href="{esc_url(cancel)}#respond"{hidden}>Cancel reply</a></small>'
        )
    html += "</h3>"
    if _option_on(ctx, "comment_registration"):
        login = f"{str(ctx.data.option('siteurl', '')).rstrip('/')}/wp-login.php"
        login += "?redirect_to=" + _urlencode(ctx.data.permalink(post.id))
        html += (
            f'<p class="must-log-in">You must be <a href="{esc_url(login)}">logged in</a> '
            "to post a comment.</p>"
        )
    else:
        site = str(ctx.data.option("siteurl", "") or ctx.data.home_url()).rstrip("/")
        html += (
            f'<form action="{esc_url(site + "/wp-comments-post.php")}" method="post" '
            'id="commentform" class="comment-form">'
        )
        html += (
            '<p class="comment-notes"><span id="email-notes">Your email address will not be '
            'published.</span> <span class="required-field-message">Required fields are marked '
            f"{_REQUIRED}</span></p>"
        )
        html += (
            '<p class="comment-form-comment"><label for="comment">Comment '
            f'{_REQUIRED}</label> <textarea id="comment" name="comment" cols="45" rows="8" '
            'maxlength="65525" required></textarea></p>'
        )
        html += "".join(field + "\n" for field in fields)
        button = (
            '<input name="submit" type="submit" id="submit" class="wp-block-button__link '
            'wp-element-button" value="Post Comment" />'
        )
        id_fields = (
            f"<input type='hidden' name='comment_post_ID' value='{post.id}' id='comment_post_ID' />\n"
            f"<input type='hidden' name='comment_parent' id='comment_parent' value='{reply_to}' />\n"
        )
        html += f'<p class="form-submit wp-block-button">{button} {id_fields}</p></form>'
    return html + "\t</div><!-- #respond -->\n\t"


def _reply_title(ctx: RenderContext, post: PostData, reply_to: int) -> str:
    from pressbox.content.blocks.core.comment_blocks import get_comment, get_comment_author

    comment = get_comment(ctx, reply_to)
    author = get_comment_author(ctx, comment) if comment is not None else ""
    return f'Leave a Reply to <a href="#comment-{reply_to}">{author}</a>'


def _urlencode(text: str) -> str:
    from urllib.parse import quote_plus

    return quote_plus(text, safe="-_.").replace("~", "%7E")


def render_post_comments_form(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    post_id = current_instance(ctx).context.get("postId")
    if post_id is None:
        return ""
    post = ctx.post if int(post_id) == ctx.post.id else ctx.data.post(int(post_id))
    if post is None or password_required(ctx, post):
        return ""
    classes = ["comment-respond"]
    a = block.attrs
    if "textAlign" in a:
        classes.append(f"has-text-align-{a['textAlign']}")
    wrapper = get_block_wrapper_attributes(ctx, {"class": " ".join(classes)})
    return comment_form(ctx, post, "comment-respond").replace('class="comment-respond"', wrapper)


MODULE = BlockModule(renderers={"core/post-comments-form": render_post_comments_form})
