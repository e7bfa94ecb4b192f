"""Renders `title`, `content` and `excerpt` as WordPress's filters do, with a cache.

The pipelines are assembled once from the render steps in WordPress's priorities
(default-filters.php). Rendering is the expensive part of a request, so each rendered field is
cached, keyed by the raw text, the post's modification date, the site's data version and the
request state that changes WordPress's output (see `RenderSession`).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pressbox.content.autop import shortcode_unautop, wpautop
from pressbox.content.blocks.parser import parse_blocks
from pressbox.content.blocks.render import do_blocks, render_block
from pressbox.content.context import PostData, RenderContext
from pressbox.content.counters import Counters
from pressbox.content.excerpt import (
    EXCERPT_LENGTH,
    EXCERPT_MORE,
    wp_trim_excerpt,
)
from pressbox.content.formatting import (
    capital_P_dangit,
    capital_P_dangit_title,
    convert_chars,
    convert_smilies,
)
from pressbox.content.pipeline import Pipeline, Step
from pressbox.content.texturize import wptexturize

if TYPE_CHECKING:
    from pressbox.app import App

CACHE_SIZE = 4096


def _trim(text: str, ctx: RenderContext) -> str:
    return text.strip(" \t\n\r\0\x0b")


def _noop(text: str, ctx: RenderContext) -> str:
    return text


def has_blocks(text: str) -> bool:
    return "<!-- wp:" in text


@dataclass
class RenderSession:
    """Rendering state that lives for one HTTP request, embedded requests included.

    - `autop_moved`: once content with blocks went through `the_content`, WordPress has
      re-added `wpautop` at the end of priority 10 for the rest of the request.
    - `counters`: `wp_unique_id` and the media shortcodes' instance counters.
    """

    autop_moved: bool = False
    counters: Counters = field(default_factory=Counters)


class Renderer:
    def __init__(self, app: App) -> None:
        self.app = app
        self._cache: OrderedDict[tuple[Any, ...], str] = OrderedDict()
        self._lock = threading.Lock()
        steps = self._steps()
        self.title_pipeline = Pipeline.build(
            "the_title",
            [(10, wptexturize), (10, convert_chars), (10, _trim), (11, capital_P_dangit_title)],
        )
        embed_shortcode, autoembed, do_shortcode, content_tags = steps
        head: list[tuple[int, Step]] = [(8, embed_shortcode), (8, autoembed)]
        tail: list[tuple[int, Step]] = [
            (11, capital_P_dangit),
            (11, do_shortcode),
            (20, convert_smilies),
        ]
        original = [(10, wptexturize), (10, wpautop), (10, shortcode_unautop)]
        moved = [(10, wptexturize), (10, shortcode_unautop), (10, wpautop)]
        no_autop = [(10, wptexturize), (10, shortcode_unautop)]
        blocks = [(9, do_blocks)]
        tags = [(12, content_tags)]
        self.content_pipelines = {
            # (has blocks, autop moved) -> the_content
            (False, False): Pipeline.build("the_content", head + blocks + original + tail + tags),
            (False, True): Pipeline.build("the_content", head + blocks + moved + tail + tags),
            (True, False): Pipeline.build("the_content", head + blocks + no_autop + tail + tags),
            (True, True): Pipeline.build("the_content", head + blocks + no_autop + tail + tags),
        }
        # wp_trim_excerpt runs the_content without do_blocks and wp_filter_content_tags.
        self.excerpt_content = {
            False: Pipeline.build("the_content", head + original + tail),
            True: Pipeline.build("the_content", head + moved + tail),
        }
        self.the_excerpt = Pipeline.build(
            "the_excerpt",
            [
                (10, wptexturize),
                (10, convert_smilies),
                (10, convert_chars),
                (10, wpautop),
                (10, shortcode_unautop),
                (12, content_tags),
            ],
        )
        self.signature = hashlib.sha1(
            "|".join(p.signature for p in self.content_pipelines.values()).encode()
        ).hexdigest()[:12]

    @staticmethod
    def _steps() -> tuple[Step, Step, Step, Step]:
        """The steps of WP_Embed, shortcodes and content tags."""
        return _noop, _noop, _noop, _noop

    # -- sessions and caching ---------------------------------------------------------------

    @staticmethod
    def session(request: Any) -> RenderSession:
        session = getattr(request, "render_session", None)
        if session is None:
            session = RenderSession()
            request.render_session = session
        return session

    def _cached(self, key: tuple[Any, ...], render: Any) -> str:
        if not self.app.settings.render_cache:
            return str(render())
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        value = str(render())
        with self._lock:
            self._cache[key] = value
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    def _ctx(self, post: PostData, request: Any) -> RenderContext:
        ctx = RenderContext(post=post, data=self.app.site)
        ctx.request_url = getattr(request, "url", "")
        return ctx

    def _version(self) -> Any:
        return self.app.site.data_version()

    # -- fields -----------------------------------------------------------------------------

    def guid(self, guid: str) -> str:
        return guid

    def title(self, post: PostData) -> str:
        key = ("title", post.post_title)
        return self._cached(
            key, lambda: self.title_pipeline(post.post_title, self._ctx(post, None))
        )

    def content(self, post: PostData, request: Any) -> str:
        session = self.session(request)
        blocks = has_blocks(post.post_content)
        pipeline = self.content_pipelines[(blocks, session.autop_moved)]
        key = (
            "content",
            post.id,
            post.post_modified_gmt,
            post.post_content,
            blocks,
            session.autop_moved,
            self._version(),
        )
        html = self._cached(key, lambda: pipeline(post.post_content, self._ctx(post, request)))
        if blocks:
            session.autop_moved = True
        return session.counters.resolve(html)

    def excerpt(self, post: PostData, request: Any, length: int | None) -> str:
        session = self.session(request)
        moved = session.autop_moved
        key = (
            "excerpt",
            post.id,
            post.post_modified_gmt,
            post.post_excerpt,
            post.post_content,
            moved,
            length,
            self._version(),
        )

        def render() -> str:
            ctx = self._ctx(post, request)
            text = wp_trim_excerpt(
                post.post_excerpt,
                post.post_content,
                ctx,
                self.excerpt_content[moved],
                parse_blocks=parse_blocks,
                render_block=render_block,
                excerpt_length=length if length is not None else EXCERPT_LENGTH,
                excerpt_more=EXCERPT_MORE,
            )
            return self.the_excerpt(text, ctx)

        return session.counters.resolve(self._cached(key, render))
