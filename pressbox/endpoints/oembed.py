"""oEmbed for the site's own posts (WP_oEmbed_Controller): `/oembed/1.0/embed` and `/proxy`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.rest.routes import Endpoint, allow_all

if TYPE_CHECKING:
    from pressbox.app import App

NAMESPACE = "oembed/1.0"
MAX_WIDTH = 600
URL_DESCRIPTION = "The URL of the resource for which to fetch oEmbed data."


def _ensure_format(value: Any, _params: Any, _name: str) -> str:
    """wp_oembed_ensure_format."""
    return value if value in ("json", "xml") else "json"


class OEmbedController:
    def __init__(self, app: App) -> None:
        self.app = app

    def register(self) -> None:
        self.app.routes.register(
            NAMESPACE,
            "/embed",
            [
                Endpoint(
                    ("GET",),
                    self.get_item,
                    allow_all,
                    args={
                        "url": {
                            "description": URL_DESCRIPTION,
                            "required": True,
                            "type": "string",
                            "format": "uri",
                        },
                        "format": {"default": "json", "sanitize_callback": _ensure_format},
                        "maxwidth": {"default": MAX_WIDTH, "sanitize_callback": "absint"},
                    },
                )
            ],
        )
        self.app.routes.register(
            NAMESPACE,
            "/proxy",
            [
                Endpoint(
                    ("GET",),
                    self.get_proxy_item,
                    self.get_proxy_item_permissions_check,
                    args={
                        "url": {
                            "description": URL_DESCRIPTION,
                            "required": True,
                            "type": "string",
                            "format": "uri",
                        },
                        "format": {
                            "description": "The oEmbed format to use.",
                            "type": "string",
                            "default": "json",
                            "enum": ["json", "xml"],
                        },
                        "maxwidth": {
                            "description": "The maximum width of the embed frame in pixels.",
                            "type": "integer",
                            "default": MAX_WIDTH,
                            "sanitize_callback": "absint",
                        },
                        "maxheight": {
                            "description": "The maximum height of the embed frame in pixels.",
                            "type": "integer",
                            "sanitize_callback": "absint",
                        },
                        "discover": {
                            "description": "Whether to perform an oEmbed discovery request for unsanctioned providers.",
                            "type": "boolean",
                            "default": True,
                        },
                    },
                )
            ],
        )

    def get_item(self, request: Request) -> Any:
        post_id = self.app.site.url_to_postid(str(request.get("url") or ""))
        data = (
            self.response_data(post_id, int(request.get("maxwidth") or MAX_WIDTH))
            if post_id
            else None
        )
        if not data:
            raise RestException("oembed_invalid_url", "Not Found", 404)
        return data

    def get_proxy_item_permissions_check(self, request: Request) -> bool:
        if not self.app.auth.can(request.user, "edit_posts"):
            raise RestException(
                "rest_forbidden",
                "Sorry, you are not allowed to make proxied oEmbed requests.",
                self.app.server.authorization_required_code(request),
            )
        return True

    def get_proxy_item(self, request: Request) -> Any:
        # Outgoing HTTP is not made by pressbox: an unknown provider is WordPress's failure.
        raise RestException("oembed_invalid_url", "Not Found", 404)

    def response_data(self, post_id: int, width: int) -> dict[str, Any] | None:
        """get_oembed_response_data + get_oembed_response_data_rich for a public post."""
        site = self.app.site
        post = site.post(post_id)
        if post is None or post.post_password or post.post_status != "publish":
            return None
        post_type = self.app.post_types.get(post.post_type)
        if post_type is None or not post_type.viewable or not post_type.embeddable:
            return None
        width = min(max(width, 200), 600)
        height = max(-(-width * 9 // 16), 200)
        title = self.app.renderer.title(post)
        data: dict[str, Any] = {
            "version": "1.0",
            "provider_name": site.option("blogname", ""),
            "provider_url": site.home_url(),
            "author_name": site.option("blogname", ""),
            "author_url": site.home_url(),
            "title": title,
            "type": "link",
        }
        author = site.user_names(post.post_author)
        if author is not None:
            data["author_name"] = author[0]
            data["author_url"] = f"{site.home_url()}/author/{author[1]}/"
        data["width"] = width
        data["height"] = height
        data["type"] = "rich"
        data["html"] = embed_html(
            site.permalink_of(post), title, str(site.option("blogname", "")), width, height
        )
        return data


def embed_html(permalink: str, title: str, site_name: str, width: int, height: int) -> str:
    """get_post_embed_html: a blockquote fallback and the sandboxed iframe of the embed view.

    WordPress appends its wp-embed script inline; pressbox leaves it out (a known difference:
    the script is WordPress's own file, which embedding sites already load).
    """
    import secrets

    from pressbox.content.formatting import esc_attr, esc_url

    secret = "".join(
        secrets.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in range(10)
    )
    embed_url = permalink.rstrip("/") + "/embed/#?secret=" + secret
    iframe_title = esc_attr(f"&#8220;{title}&#8221; &#8212; {site_name}")
    return (
        f'<blockquote class="wp-embedded-content" data-secret="{secret}"><a href="{esc_url(permalink)}">{title}</a></blockquote>'
        f'<iframe sandbox="allow-scripts" security="restricted" src="{esc_url(embed_url)}" width="{width}" height="{height}" '
        f'title="{iframe_title}" data-secret="{secret}" frameborder="0" marginwidth="0" marginheight="0" scrolling="no" '
        'class="wp-embedded-content"></iframe>'
    )
