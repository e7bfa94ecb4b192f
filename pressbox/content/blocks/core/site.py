"""Site widgets: search, login/out and RSS (blocks/search.php, loginout.php, rss.php).

Search renders without the per-part inline styles and color classes its style attributes would
add; the RSS block shows WordPress's fetch error (outgoing HTTP is blocked).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote_plus

from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.safecss import strip_all_tags
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr, esc_url

__all__ = ["MODULE"]

_SEARCH_ICON = (
    '<svg class="search-icon" viewBox="0 0 24 24" width="24" height="24">\n\t\t\t\t\t'
    '<path d="M13 5c-3.3 0-6 2.7-6 6 0 1.4.5 2.7 1.3 3.7l-3.8 3.8 1.1 1.1 3.8-3.8c1 .8 2.3 1.3 3.7 1.3 '
    "3.3 0 6-2.7 6-6S16.3 5 13 5zm0 10.5c-2.5 0-4.5-2-4.5-4.5s2-4.5 4.5-4.5 4.5 2 4.5 4.5-2 4.5-4.5 "
    '4.5z"></path>\n\t\t\t\t</svg>'
)


def _kses(ctx: RenderContext, html: str) -> str:
    kses = ctx.state.get("wp_kses_post")
    return str(kses(html)) if callable(kses) else html


def _search_classes(a: dict[str, Any]) -> str:
    classes: list[str] = []
    position = a.get("buttonPosition")
    if position:
        classes += {
            "button-inside": ["wp-block-search__button-inside"],
            "button-outside": ["wp-block-search__button-outside"],
            "no-button": ["wp-block-search__no-button"],
            "button-only": ["wp-block-search__button-only wp-block-search__searchfield-hidden"],
        }.get(str(position), [])
    if "buttonUseIcon" in a and position and position != "no-button":
        classes.append(
            "wp-block-search__icon-button" if a["buttonUseIcon"] else "wp-block-search__text-button"
        )
    return " ".join(classes)


def render_search(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import unique_id
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = dict(block.attrs)
    a.setdefault("label", "Search")
    a.setdefault("buttonText", "Search")
    input_id = unique_id(ctx, "wp-block-search__input-")
    show_label = bool(a.get("showLabel"))
    use_icon = bool(a.get("buttonUseIcon"))
    position = a.get("buttonPosition")
    show_button = position != "no-button"
    label_html = _kses(ctx, str(a["label"])) if a.get("label") else "Search"
    label = TagProcessor(f"<label >{label_html}</label>")
    if label.next_tag():
        label.set_attribute("for", input_id)
        label.add_class("wp-block-search__label")
        if not (show_label and a.get("label")):
            label.add_class("screen-reader-text")
    field = TagProcessor('<input type="search" name="s" required />')
    expandable = position == "button-only"
    if field.next_tag():
        field.add_class("wp-block-search__input")
        field.set_attribute("id", input_id)
        field.set_attribute("value", str(ctx.state.get("search_query", "")))
        field.set_attribute("placeholder", str(a.get("placeholder", "")))
        if expandable:
            field.set_attribute("data-wp-bind--aria-hidden", "!context.isSearchInputVisible")
            field.set_attribute("data-wp-bind--tabindex", "state.tabindex")
            field.set_attribute("aria-hidden", "true")
            field.set_attribute("tabindex", "-1")
    params = ""
    query = a.get("query")
    if isinstance(query, dict):
        for name, value in query.items():
            params += f'<input type="hidden" name="{esc_attr(str(name))}" value="{esc_attr(str(value))}" />'
    button = ""
    if show_button:
        classes = ["wp-block-search__button"]
        inner = ""
        if not use_icon:
            if a.get("buttonText"):
                inner = _kses(ctx, str(a["buttonText"]))
        else:
            classes.append("has-icon")
            inner = _SEARCH_ICON
        classes.append("wp-element-button")
        b = TagProcessor(f'<button type="submit" >{inner}</button>')
        if b.next_tag():
            b.add_class(" ".join(classes))
            if expandable:
                for name, value in (
                    ("data-wp-bind--aria-label", "state.ariaLabel"),
                    ("data-wp-bind--aria-controls", "state.ariaControls"),
                    ("data-wp-bind--aria-expanded", "context.isSearchInputVisible"),
                    ("data-wp-bind--type", "state.type"),
                    ("data-wp-on--click", "actions.openSearchInput"),
                    ("aria-label", "Expand search field"),
                    ("aria-controls", "wp-block-search__input-" + input_id),
                    ("aria-expanded", "false"),
                    ("type", "button"),
                ):
                    b.set_attribute(name, value)
            else:
                b.set_attribute("aria-label", strip_all_tags(str(a.get("buttonText", ""))))
        button = b.get_updated_html()
    markup = f'<div class="wp-block-search__inside-wrapper" >{field.get_updated_html()}{params}{button}</div>'
    wrapper = get_block_wrapper_attributes(ctx, {"class": _search_classes(a)})
    directives = ""
    if expandable:
        directives = (
            '\n\t\t data-wp-interactive="core/search"\n\t\t '
            + "data-wp-context='"
            + '{"isSearchInputVisible":false,"inputId":"'
            + input_id
            + '","ariaLabelExpanded":"Submit Search","ariaLabelCollapsed":"Expand search field"}'
            + '\'\n\t\t data-wp-class--wp-block-search__searchfield-hidden="!context.isSearchInputVisible"\n'
            '\t\t data-wp-on--keydown="actions.handleSearchKeydown"\n'
            '\t\t data-wp-on--focusout="actions.handleSearchFocusout"\n\t\t'
        )
    action = esc_url(ctx.data.home_url() + "/")
    if a.get("tagName") == "search":
        return f'<search {wrapper} {directives}><form method="get" action="{action}">{label.get_updated_html()}{markup}</form></search>'
    return f'<form role="search" method="get" action="{action}" {wrapper} {directives}>{label.get_updated_html()}{markup}</form>'


def _php_urlencode(text: str) -> str:
    return quote_plus(text, safe="").replace("~", "%7E")


def render_loginout(block: Block, content: str, ctx: RenderContext) -> str:
    """Always logged out: REST requests authenticated by application passwords print the
    login link too only when anonymous; the oracle's rendered content is anonymous."""
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    site = str(ctx.data.option("siteurl", ctx.data.home_url()) or "").rstrip("/")
    login = f"{site}/wp-login.php"
    redirect = ctx.request_url if a.get("redirectToCurrent") else ""
    if redirect:
        login += "?redirect_to=" + _php_urlencode(redirect)
    contents = f'<a href="{esc_url(login)}">Log in</a>'
    classes = "logged-out"
    if a.get("displayLoginAsForm"):
        classes += " has-login-form"
    return f"<div {get_block_wrapper_attributes(ctx, {'class': classes})}>{contents}</div>"


def render_rss(block: Block, content: str, ctx: RenderContext) -> str:
    """With outgoing HTTP blocked `fetch_feed()` fails; the block prints the error."""
    url = str(block.attrs.get("feedURL") or "").rstrip("/\\")
    site = str(ctx.data.option("siteurl", "") or "").rstrip("/")
    if url in (site, ctx.data.home_url()):
        return (
            '<div class="components-placeholder"><div class="notice notice-error">Adding an RSS feed to '
            "this site’s homepage is not supported, as it could lead to a loop that slows down your site. "
            "Try using another block, like the <strong>Latest Posts</strong> block, to list posts from the "
            "site.</div></div>"
        )
    return (
        '<div class="components-placeholder"><div class="notice notice-error"><strong>RSS Error:</strong> '
        "WP HTTP Error: A valid URL was not provided.</div></div>"
    )


MODULE = BlockModule(
    renderers={
        "core/search": render_search,
        "core/loginout": render_loginout,
        "core/rss": render_rss,
    }
)
