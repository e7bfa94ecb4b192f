"""The avatar block and `get_avatar()` markup (blocks/avatar.php, pluggable.php).

Avatars are Gravatar URLs (`pressbox.content.avatars`); the loading attributes are left to
`wp_filter_content_tags`, which runs after blocks in `the_content`.
"""

from __future__ import annotations

from typing import Any

from pressbox.content.avatars import AvatarOptions, get_avatar_url
from pressbox.content.blocks.core.common import as_dict
from pressbox.content.blocks.css import style_engine_get_styles
from pressbox.content.blocks.data import UserInfo, site_method
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr, esc_url

__all__ = ["MODULE", "border_attributes", "get_avatar", "user_info"]


def user_info(ctx: RenderContext, user_id: int) -> UserInfo | None:
    """The user, memoised for the render (authors repeat in a loop)."""
    memo: dict[int, UserInfo | None] = ctx.state.setdefault("_users", {})
    if user_id not in memo:
        read = site_method(ctx, "user_info")
        memo[user_id] = read(user_id) if callable(read) else None
    return memo[user_id]


def get_avatar(
    ctx: RenderContext, email: str, size: int, alt: str = "", css_class: str = "", extra: str = ""
) -> str:
    """`get_avatar()` for an e-mail address ('' when avatars are off)."""
    options = AvatarOptions.from_options(ctx.data.option)
    if not options.show:
        return ""
    url = get_avatar_url(email, size, options)
    url2x = get_avatar_url(email, size * 2, options)
    classes = ["avatar", f"avatar-{size}", "photo"]
    if not email:
        classes.append("avatar-default")
    if css_class:
        classes.append(css_class)
    return (
        f"<img alt='{esc_attr(alt)}' src='{esc_url(url)}' srcset='{esc_url(url2x)} 2x' "
        f"class='{esc_attr(' '.join(classes))}' height='{size}' width='{size}' {extra}/>"
    )


def border_attributes(attrs: dict[str, Any]) -> dict[str, str]:
    """`get_block_core_avatar_border_attributes()` (the featured image's is the same)."""
    border = as_dict(as_dict(attrs.get("style")).get("border"))
    styles: dict[str, Any] = {}
    for key in ("radius", "style", "width"):
        if border.get(key) is not None:
            styles[key] = border[key]
    preset = f"var:preset|color|{attrs['borderColor']}" if "borderColor" in attrs else None
    styles["color"] = preset or border.get("color")
    for side in ("top", "right", "bottom", "left"):
        values = as_dict(border.get(side))
        styles[side] = {k: values.get(k) for k in ("color", "style", "width")}
    result = style_engine_get_styles({"border": styles})
    out: dict[str, str] = {}
    if result.classnames:
        out["class"] = result.classnames
    if result.css:
        out["style"] = result.css
    return out


def _comment(ctx: RenderContext, comment_id: Any) -> Any:
    from pressbox.content.blocks.core.comment_blocks import get_comment

    return get_comment(ctx, comment_id)


def render_avatar(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import current_instance
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    context = current_instance(ctx).context
    size = int(a.get("size", 96))
    wrapper = get_block_wrapper_attributes(ctx)
    border = border_attributes(a)
    image_class = "wp-block-avatar__image" + (f" {border['class']}" if "class" in border else "")
    image_style = f' style="{esc_attr(border["style"])}"' if "style" in border else ""
    target = str(a.get("linkTarget", "_self"))
    if "commentId" not in context:
        if "userId" in a:
            author = int(a["userId"])
        elif "postId" in context:
            post = ctx.data.post(int(context["postId"]))
            author = post.post_author if post is not None else 0
        else:
            author = 0
        user = user_info(ctx, author) if author else None
        if not author:
            return ""
        name = user.display_name if user else ""
        avatar = get_avatar(
            ctx, user.email if user else "", size, f"{name} Avatar", image_class, image_style
        )
        if a.get("isLink"):
            label = ""
            if target == "_blank":
                label = f'aria-label="{esc_attr(f"({name} author archive, opens in a new tab)")}"'
            url_of = site_method(ctx, "author_posts_url")
            href = str(url_of(author)) if callable(url_of) else ""
            avatar = (
                f'<a href="{esc_url(href)}" target="{esc_attr(target)}" {label} '
                f'class="wp-block-avatar__link">{avatar}</a>'
            )
        return f"<div {wrapper}>{avatar}</div>"
    comment = _comment(ctx, context["commentId"])
    if comment is None:
        return ""
    email = comment.author_email
    if comment.user_id:
        user = user_info(ctx, comment.user_id)
        email = user.email if user is not None else email
    avatar = ""
    if comment.comment_type in ("comment", ""):  # get_avatar_comment_types()
        avatar = get_avatar(ctx, email, size, f"{comment.author} Avatar", image_class, image_style)
    if a.get("isLink") and comment.author_url:
        label = ""
        if target == "_blank":
            label = (
                f'aria-label="{esc_attr(f"({comment.author} website link, opens in a new tab)")}"'
            )
        avatar = (
            f'<a href="{esc_url(comment.author_url)}" target="{esc_attr(target)}" {label} '
            f'class="wp-block-avatar__link">{avatar}</a>'
        )
    return f"<div {wrapper}>{avatar}</div>"


MODULE = BlockModule(renderers={"core/avatar": render_avatar})
