"""oEmbed for the site's own posts (WP_oEmbed_Controller): `/oembed/1.0/embed` and `/proxy`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressbox.content.context import PostData, RenderContext
from pressbox.content.media_html import wp_attachment_is, wp_get_attachment_image_src
from pressbox.content.shortcodes.phpfuncs import intval
from pressbox.endpoints.oembed_xml import oembed_create_xml
from pressbox.registry.visibility import is_post_publicly_viewable
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request, Response, Served
from pressbox.rest.routes import Endpoint, allow_all

if TYPE_CHECKING:
    from pressbox.app import App

NAMESPACE = "oembed/1.0"
EMBED_ROUTE = "/oembed/1.0/embed"
MAX_WIDTH = 600
URL_DESCRIPTION = "The URL of the resource for which to fetch oEmbed data."


def _ensure_format(value: Any, _params: Any, _name: str) -> str:
    """wp_oembed_ensure_format."""
    return value if value in ("json", "xml") else "json"


class OEmbedController:
    def __init__(self, app: App) -> None:
        self.app = app

    def register(self) -> None:
        self.app.pre_serve_filters.append(self.pre_serve_request)
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
            self.response_data(post_id, intval(request.get("maxwidth", MAX_WIDTH)))
            if post_id
            else None
        )
        if not data:
            raise RestException("oembed_invalid_url", "Not Found", 404)
        return data

    def pre_serve_request(self, response: Response, request: Request) -> Served | None:
        """_oembed_rest_pre_serve_request: the embed route's `format=xml` answers, errors too.

        Only GET is converted: a HEAD request keeps WordPress's JSON headers and empty body.
        """
        if request.route != EMBED_ROUTE or request.method != "GET":
            return None
        if request.get("format") != "xml":
            return None
        xml = oembed_create_xml(self.app.server.response_to_data(response, request, False))
        if xml is None:
            # WordPress dies with "Not Implemented" after its JSON Content-Type was sent.
            return Served(b"Not Implemented", status=501)
        charset = self.app.site.option("blog_charset") or "UTF-8"
        return Served(xml.encode(), content_type=f"text/xml; charset={charset}")

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
        """get_oembed_response_data, filtered by get_oembed_response_data_rich."""
        site = self.app.site
        post = site.post(post_id)
        if post is None or not is_post_publicly_viewable(
            post, site, self.app.post_types, self.app.post_statuses
        ):
            return None
        post_type = self.app.post_types.get(post.post_type)
        if post_type is None or not post_type.embeddable:
            return None
        width = min(max(width, 200), 600)
        height = max(-(-width * 9 // 16), 200)
        title = self.app.renderer.title_with_prefix(post)
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
        return self.response_data_rich(data, post, title, width, height)

    def response_data_rich(
        self, data: dict[str, Any], post: PostData, title: str, width: int, height: int
    ) -> dict[str, Any]:
        """get_oembed_response_data_rich: the embed iframe and the thumbnail, if any."""
        site = self.app.site
        data["width"] = width
        data["height"] = height
        data["type"] = "rich"
        data["html"] = embed_html(
            site.permalink_of(post), title, str(site.option("blogname", "")), width, height
        )
        # has_post_thumbnail() / get_post_thumbnail_id(): the `_thumbnail_id` meta as an int.
        thumbnail_id = intval(site.post_meta(post.id, "_thumbnail_id"))
        if post.post_type == "attachment":
            attachment = site.attachment(post.id)
            if attachment is not None and wp_attachment_is("image", attachment):
                thumbnail_id = post.id
            elif attachment is not None and wp_attachment_is("video", attachment):
                data["type"] = "video"
        if thumbnail_id:
            ctx = RenderContext(post=post, data=site)
            src = wp_get_attachment_image_src(ctx, thumbnail_id, (width, 0))
            if src is not None:
                data["thumbnail_url"], data["thumbnail_width"], data["thumbnail_height"] = src[:3]
        return data


def embed_html(permalink: str, title: str, site_name: str, width: int, height: int) -> str:
    """get_post_embed_html: a blockquote fallback and the sandboxed iframe of the embed view.

    WordPress appends its wp-embed script inline; pressbox leaves it out (a known difference:
    the script is WordPress's own file, which embedding sites already load).
    """
    import secrets

    from pressbox.content.escaping import esc_attr, esc_url

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
