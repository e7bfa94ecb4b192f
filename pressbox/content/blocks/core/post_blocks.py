"""Post blocks: title, date, excerpt, author, biography, terms, featured image, read more and
navigation link (blocks/post-*.php, read-more.php).

They read the post named by the `postId` context (the post being rendered, or the Query
Loop's current post). Titles and excerpts come through the `render_title`/`render_excerpt`
callables of `ctx.state` (see `pressbox.content.blocks.data`).
"""

from __future__ import annotations

from typing import Any

from pressbox.content.blocks.core.avatar import border_attributes, get_avatar, user_info
from pressbox.content.blocks.core.common import (
    has_link_color,
    human_time_diff,
    kses_post,
    now_timestamp,
)
from pressbox.content.blocks.core.loop import current_post, password_required
from pressbox.content.blocks.data import Term, post_title, site_method
from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.phpdate import format_date, parse_mysql_date, site_timezone
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.safecss import safecss_filter_attr
from pressbox.content.blocks.types import Block
from pressbox.content.context import PostData, RenderContext
from pressbox.content.escaping import esc_attr, esc_html, esc_url
from pressbox.content.formatting import strip_tags, wp_trim_words

__all__ = ["MODULE"]

_VIEWABLE_TAXONOMIES = ("category", "post_tag", "post_format")


def _context(ctx: RenderContext) -> dict[str, Any]:
    from pressbox.content.blocks.render import current_instance

    return current_instance(ctx).context


def _context_post(ctx: RenderContext) -> PostData | None:
    post_id = _context(ctx).get("postId")
    if post_id is None:
        return None
    if post_id == ctx.post.id:
        return ctx.post
    return ctx.data.post(int(post_id))


def _classes(a: dict[str, Any], *extra: str) -> str:
    classes = [c for c in extra if c]
    if "textAlign" in a:
        classes.append(f"has-text-align-{a['textAlign']}")
    if has_link_color(a):
        classes.append("has-link-color")
    return " ".join(classes)


def _wrapper(ctx: RenderContext, classes: str) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    return get_block_wrapper_attributes(ctx, {"class": classes})


def render_post_title(block: Block, content: str, ctx: RenderContext) -> str:
    a = block.attrs
    if "postId" not in _context(ctx):
        return ""
    post = current_post(ctx)  # get_the_title() reads the global post
    title = post_title(ctx, post)
    if not title:
        return ""
    tag = "h2"
    if "level" in a:
        tag = "p" if a["level"] == 0 else f"h{int(a['level'])}"
    if a.get("isLink"):
        rel = f'rel="{esc_attr(str(a["rel"]))}"' if a.get("rel") else ""
        href = esc_url(ctx.data.permalink(int(_context(ctx)["postId"])))
        target = esc_attr(str(a.get("linkTarget", "_self")))
        title = f'<a href="{href}" target="{target}" {rel}>{title}</a>'
    return f"<{tag} {_wrapper(ctx, _classes(a))}>{title}</{tag}>"


def _publicly_viewable(post: PostData) -> bool:
    return post.post_status == "publish" and post.post_type in ("post", "page", "attachment")


def _date(ctx: RenderContext, value: str, fmt: str) -> str:
    when = parse_mysql_date(value, site_timezone(ctx.data.option))
    return format_date(fmt, when) if when else ""


def render_post_date(block: Block, content: str, ctx: RenderContext) -> str:
    a = block.attrs
    modified = a.get("displayType") == "modified"
    datetime = a.get("datetime")
    source = "datetime" not in a
    if source:
        # The `core/post-data` binding: nothing for protected or unpublished posts.
        post = _context_post(ctx)
        datetime = None
        if post is not None and _publicly_viewable(post) and not password_required(ctx, post):
            if not modified:
                datetime = _date(ctx, post.post_date, "c")
            elif _date(ctx, post.post_modified, "U") > _date(ctx, post.post_date, "U"):
                datetime = _date(ctx, post.post_modified, "c")
            else:
                datetime = ""
    if not datetime:
        return ""
    from datetime import datetime as _dt

    try:
        when = _dt.fromisoformat(str(datetime))
    except ValueError:
        return ""
    if when.tzinfo is not None:
        when = when.astimezone(site_timezone(ctx.data.option))
    if a.get("format") == "human-diff":
        stamp, now = when.timestamp(), now_timestamp(ctx)
        distance = human_time_diff(stamp, now)
        formatted = f"{distance} from now" if stamp > now else f"{distance} ago"
    else:
        fmt = str(a.get("format") or ctx.data.option("date_format", "F j, Y") or "F j, Y")
        formatted = format_date(fmt, when)
    classes = _classes(a, "wp-block-post-date__modified-date" if source and modified else "")
    time_tag = f'<time datetime="{esc_attr(str(datetime))}">{esc_html(formatted)}</time>'
    if a.get("isLink") and "postId" in _context(ctx):
        href = esc_url(ctx.data.permalink(int(_context(ctx)["postId"])))
        time_tag = f'<a href="{href}">{time_tag}</a>'
    return f"<div {_wrapper(ctx, classes)}>{time_tag}</div>"


def get_the_excerpt(ctx: RenderContext, post: PostData, length: int) -> str:
    """`get_the_excerpt()` with `excerpt_length` set to `length`."""
    if password_required(ctx, post):
        return "There is no excerpt because this is a protected post."
    render = ctx.state.get("render_excerpt")
    return str(render(post, length)) if callable(render) else post.post_excerpt


def render_post_excerpt(block: Block, content: str, ctx: RenderContext) -> str:
    a = block.attrs
    post = _context_post(ctx)
    if post is None:
        return ""
    more = ""
    if a.get("moreText"):
        href = esc_url(ctx.data.permalink(post.id))
        more = (
            f'<a class="wp-block-post-excerpt__more-link" href="{href}">'
            f"{kses_post(ctx, str(a['moreText']))}</a>"
        )
    # The block forces `excerpt_length` to 101 and trims to its own length afterwards; a
    # more link replaces the excerpt's " [&hellip;]".
    excerpt = get_the_excerpt(ctx, post, 101)
    if more and excerpt.endswith(" [&hellip;]"):
        excerpt = excerpt[: -len(" [&hellip;]")]
    if "excerptLength" in a:
        excerpt = wp_trim_words(excerpt, int(a["excerptLength"]))
    html = f'<p class="wp-block-post-excerpt__excerpt">{excerpt}'
    if a.get("showMoreOnNewLine", True) and more:
        html += f'</p><p class="wp-block-post-excerpt__more-text">{more}</p>'
    else:
        html += f" {more}</p>"
    return f"<div {_wrapper(ctx, _classes(a))}>{html}</div>"


def render_post_author(block: Block, content: str, ctx: RenderContext) -> str:
    a = block.attrs
    post = _context_post(ctx)
    author = post.post_author if post is not None else 0
    if not author:
        return ""
    if _context(ctx).get("postType") not in (None, "post", "page", "attachment"):
        return ""
    user = user_info(ctx, author)
    avatar = ""
    if a.get("avatarSize"):
        avatar = get_avatar(ctx, user.email if user else "", int(a["avatarSize"]))
    name = user.display_name if user else ""
    if a.get("isLink") and a.get("linkTarget"):
        url_of = site_method(ctx, "author_posts_url")
        href = str(url_of(author)) if callable(url_of) else ""
        name = f'<a href="{esc_url(href)}" target="{esc_attr(str(a["linkTarget"]))}">{name}</a>'
    classes = f"items-justified-{a['itemsJustification']}" if "itemsJustification" in a else ""
    html = f"<div {_wrapper(ctx, _classes(a, classes))}>"
    if a.get("showAvatar"):
        html += f'<div class="wp-block-post-author__avatar">{avatar}</div>'
    html += '<div class="wp-block-post-author__content">'
    if a.get("byline"):
        html += f'<p class="wp-block-post-author__byline">{kses_post(ctx, str(a["byline"]))}</p>'
    html += f'<p class="wp-block-post-author__name">{name}</p>'
    if a.get("showBio"):
        html += f'<p class="wp-block-post-author__bio">{user.description if user else ""}</p>'
    return html + "</div></div>"


def render_post_author_biography(block: Block, content: str, ctx: RenderContext) -> str:
    post = _context_post(ctx)
    author = post.post_author if post is not None else 0
    user = user_info(ctx, author) if author else None
    if user is None or not user.description:
        return ""
    align = f"has-text-align-{block.attrs['textAlign']}" if block.attrs.get("textAlign") else ""
    return f"<div {_wrapper(ctx, align)}>{user.description}</div>"


def render_post_terms(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.core.terms import term_link

    a = block.attrs
    context = _context(ctx)
    taxonomy = a.get("term")
    if "postId" not in context or taxonomy not in _VIEWABLE_TAXONOMIES:
        return ""
    taxonomy = str(taxonomy)
    read = site_method(ctx, "post_terms")
    post_id = int(context["postId"])
    rows = read([post_id], [taxonomy]).get(post_id, {}).get(taxonomy, []) if callable(read) else []
    if not rows:
        return ""
    by_id: dict[int, Term] = {}
    if taxonomy == "category":
        all_terms = site_method(ctx, "terms")
        if callable(all_terms):
            by_id = {t.term_id: t for t in all_terms("category", hide_empty=False)}
    separator = str(a.get("separator") or " ")
    links = []
    for row in rows:
        term = Term(int(row["term_id"]), str(row["name"]), str(row["slug"]), taxonomy)
        term = by_id.get(term.term_id, term)
        links.append(
            f'<a href="{esc_url(term_link(ctx, term, by_id))}" rel="tag">{row["name"]}</a>'
        )
    prefix = f"<div {_wrapper(ctx, _classes(a, f'taxonomy-{taxonomy}'))}>"
    if a.get("prefix"):
        prefix += f'<span class="wp-block-post-terms__prefix">{a["prefix"]}</span>'
    suffix = "</div>"
    if a.get("suffix"):
        suffix = f'<span class="wp-block-post-terms__suffix">{a["suffix"]}</span>' + suffix
    sep = f'<span class="wp-block-post-terms__separator">{esc_html(separator)}</span>'
    return kses_post(ctx, prefix) + sep.join(links) + kses_post(ctx, suffix)


def _featured_styles(a: dict[str, Any]) -> str:
    styles = ""
    has_width = a.get("width") not in (None, "")
    has_height = a.get("height") not in (None, "")
    if a.get("aspectRatio"):
        if a["aspectRatio"] != "auto":
            styles += esc_attr(safecss_filter_attr(f"aspect-ratio:{a['aspectRatio']}")) + ";"
        styles += "width:100%;"
    if has_height:
        styles += esc_attr(safecss_filter_attr(f"height:{a['height']}")) + ";"
    elif has_width:
        styles += "height:auto;"
    if has_width:
        styles += esc_attr(safecss_filter_attr(f"width:{a['width']}")) + ";"
    if a.get("scale"):
        styles += esc_attr(safecss_filter_attr(f"object-fit:{a['scale']}")) + ";"
    return styles


def _overlay(a: dict[str, Any]) -> str:
    """`get_block_core_post_featured_image_overlay_element_markup()`."""
    if not a.get("dimRatio"):
        return ""
    border = border_attributes(a)
    classes = ["wp-block-post-featured-image__overlay"]
    styles = []
    if border.get("class"):
        classes.append(border["class"])
    if border.get("style"):
        styles.append(border["style"])
    classes += ["has-background-dim", f"has-background-dim-{a['dimRatio']}"]
    if a.get("overlayColor"):
        classes.append(f"has-{a['overlayColor']}-background-color")
    if a.get("gradient") or a.get("customGradient"):
        classes.append("has-background-gradient")
    if a.get("gradient"):
        classes.append(f"has-{a['gradient']}-gradient-background")
    if a.get("customGradient"):
        styles.append(f"background-image: {a['customGradient']};")
    if a.get("customOverlayColor"):
        styles.append(f"background-color: {a['customOverlayColor']};")
    return (
        f'<span class="{esc_attr(" ".join(classes))}" '
        f'style="{esc_attr(safecss_filter_attr(" ".join(styles)))}" aria-hidden="true"></span>'
    )


def _first_image(content: str, style: str) -> str:
    """The first `<img>` of the content, its attributes copied onto a fresh tag."""
    found = TagProcessor(content)
    if not found.next_tag("img"):
        return ""
    tag = TagProcessor("<img>")
    tag.next_tag()
    for name in found.get_attribute_names_with_prefix("") or []:
        value = found.get_attribute(name)
        if value is not None:
            tag.set_attribute(name, value)
    if style:
        existing = tag.get_attribute("style")
        if isinstance(existing, str) and existing != "":
            style = existing.rstrip(";") + ";" + style
        tag.set_attribute("style", style)
    return tag.get_updated_html()


def render_post_featured_image(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.media_html import wp_get_attachment_image

    a = block.attrs
    post = _context_post(ctx)
    if post is None:
        return ""
    size = str(a.get("sizeSlug") or "post-thumbnail")
    attr: dict[str, str] = dict(border_attributes(a))
    if a.get("isLink"):
        title = post_title(ctx, post)
        attr["alt"] = strip_tags(title).strip() if title else f"Untitled post {post.id}"
    extra = _featured_styles(a)
    if extra:
        attr["style"] = attr.get("style", "") + extra
    image = ""
    thumbnail = ctx.data.post_meta(post.id, "_thumbnail_id")
    thumbnail_id = int(thumbnail) if str(thumbnail or "").strip().isdigit() else 0
    if thumbnail_id:
        # get_the_post_thumbnail() adds `wp-post-image` to the class (a border class given
        # in `attr` replaces the default one).
        css_class = attr.pop("class", f"attachment-{size} size-{size}") + " wp-post-image"
        image = wp_get_attachment_image(ctx, thumbnail_id, size, {"class": css_class, **attr})
    if not image and a.get("useFirstImageFromPost"):
        image = _first_image(post.post_content, attr.get("style", ""))
    if not image:
        return ""
    overlay = _overlay(a)
    if a.get("isLink"):
        rel = f'rel="{esc_attr(str(a["rel"]))}"' if a.get("rel") else ""
        target = esc_attr(str(a.get("linkTarget", "_self")))
        href = esc_url(ctx.data.permalink(post.id))
        image = f'<a href="{href}" target="{target}" {rel}>{image}{overlay}</a>'
    else:
        image += overlay
    return f"<figure {_wrapper(ctx, '')}>{image}</figure>"


def render_read_more(block: Block, content: str, ctx: RenderContext) -> str:
    a = block.attrs
    post = _context_post(ctx)
    if post is None:
        return ""
    title = post_title(ctx, post)
    if title == "":
        title = f"untitled post {post.id}"
    justify = f"is-justified-{a['justifyContent']}" if a.get("justifyContent") else ""
    text = kses_post(ctx, str(a["content"])) if a.get("content") else "Read more"
    return (
        f'<a {_wrapper(ctx, justify)} href="{esc_url(ctx.data.permalink(post.id))}" '
        f'target="{esc_attr(str(a.get("linkTarget", "_self")))}">{text}'
        f'<span class="screen-reader-text">: {title}</span></a>'
    )


def render_post_navigation_link(block: Block, content: str, ctx: RenderContext) -> str:
    """Only a singular main query has adjacent posts; a REST request has none."""
    return ""


MODULE = BlockModule(
    renderers={
        "core/post-title": render_post_title,
        "core/post-date": render_post_date,
        "core/post-excerpt": render_post_excerpt,
        "core/post-author": render_post_author,
        "core/post-author-biography": render_post_author_biography,
        "core/post-terms": render_post_terms,
        "core/post-featured-image": render_post_featured_image,
        "core/read-more": render_read_more,
        "core/post-navigation-link": render_post_navigation_link,
    }
)
