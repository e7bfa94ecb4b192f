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
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pressbox.content.autop import shortcode_unautop, wpautop
from pressbox.content.blocks.parser import parse_blocks
from pressbox.content.blocks.render import do_blocks, render_block
from pressbox.content.content_tags import make_wp_filter_content_tags, wp_filter_content_tags
from pressbox.content.context import PostData, RenderContext
from pressbox.content.counters import Counters, has_placeholders
from pressbox.content.embed import autoembed, run_shortcode
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
from pressbox.content.prepend_attachment import prepend_attachment
from pressbox.content.shortcodes.core import do_shortcode
from pressbox.content.texturize import wptexturize

if TYPE_CHECKING:
    from pressbox.app import App

CACHE_SIZE = 4096
# Blocks whose markup echoes the request URL (login redirect, query pagination and comment
# form links), directly or through a synced pattern.
_URL_MARKERS = ("wp:loginout", "wp:query", "wp:comments", "wp:post-comments-form", "wp:block ")


@lru_cache(maxsize=1024)  # keys are whole contents: keep the hot ones only
def _content_traits(content: str) -> tuple[bool, bool, bool]:
    """Whether the content has blocks, and whether rendering reads the request URL and
    today's date (the calendar block); looked up by the text rather than searched again."""
    return (
        has_blocks(content),
        any(marker in content for marker in _URL_MARKERS),
        "wp:calendar" in content,
    )


def _trim(text: str, ctx: RenderContext) -> str:
    return text.strip(" \t\n\r\0\x0b")


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
        self._cache: OrderedDict[tuple[Any, ...], tuple[str, bool]] = OrderedDict()
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
        # prepend_attachment acts only when the post rendered is an attachment.
        original = [
            (10, wptexturize),
            (10, wpautop),
            (10, shortcode_unautop),
            (10, prepend_attachment),
        ]
        moved = [
            (10, wptexturize),
            (10, shortcode_unautop),
            (10, prepend_attachment),
            (10, wpautop),
        ]
        no_autop = [(10, wptexturize), (10, shortcode_unautop), (10, prepend_attachment)]
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
                (12, make_wp_filter_content_tags("the_excerpt")),
            ],
        )
        self.signature = hashlib.sha1(
            "|".join(p.signature for p in self.content_pipelines.values()).encode()
        ).hexdigest()[:12]

    @staticmethod
    def _steps() -> tuple[Step, Step, Step, Step]:
        """WP_Embed's two steps, do_shortcode and wp_filter_content_tags."""
        return run_shortcode, autoembed, do_shortcode, wp_filter_content_tags

    # -- sessions and caching ---------------------------------------------------------------

    @staticmethod
    def session(request: Any) -> RenderSession:
        session = getattr(request, "render_session", None)
        if session is None:
            session = RenderSession()
            request.render_session = session
        return session

    def _lookup(self, key: tuple[Any, ...], render: Any) -> tuple[str, bool]:
        """The rendered text for `key`, and whether it holds counter placeholders."""
        if not self.app.settings.render_cache:
            value = str(render())
            return value, has_placeholders(value)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        value = str(render())
        entry = (value, has_placeholders(value))
        with self._lock:
            self._cache[key] = entry
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return entry

    def _cached(self, key: tuple[Any, ...], render: Any) -> str:
        return self._lookup(key, render)[0]

    def _resolved(self, session: RenderSession, key: tuple[Any, ...], render: Any) -> str:
        """The rendered text with this request's counter values in its placeholders."""
        text, placeholders = self._lookup(key, render)
        return session.counters.resolve(text) if placeholders else text

    def _ctx(self, post: PostData, request: Any, moved: bool = False) -> RenderContext:
        """A render context whose callables let blocks render other posts (latest posts)."""
        ctx = RenderContext(post=post, data=self.app.site)
        ctx.request_url = getattr(request, "url", "") or ""
        ctx.state["render_title"] = self.title_with_prefix
        ctx.state["render_excerpt"] = lambda other, length: self._trimmed_excerpt(
            other, request, moved, length
        )
        ctx.state["render_content"] = lambda other: self.content_pipelines[
            (has_blocks(other.post_content), moved)
        ](other.post_content, self._ctx(other, request, moved))
        ctx.state["wpautop"] = lambda text: wpautop(text, ctx)
        password = (
            request.get("password") if request is not None and hasattr(request, "get") else None
        )
        if post.post_password and password and str(password) == post.post_password:
            ctx.state["password_verified"] = True
        return ctx

    @staticmethod
    def _extra_key(post: PostData, request: Any) -> tuple[Any, ...]:
        """What else a post's rendering depends on, only when its blocks read it."""
        extra: list[Any] = []
        _blocks, reads_url, calendar = _content_traits(post.post_content)
        if reads_url:
            extra.append(getattr(request, "url", ""))
        if calendar:
            import datetime

            extra.append(datetime.date.today().isoformat())
        if post.post_password:
            extra.append(
                request.get("password") if request is not None and hasattr(request, "get") else None
            )
        return tuple(extra)

    def _version(self) -> Any:
        return self.app.site.data_version()

    # -- fields -----------------------------------------------------------------------------

    def guid(self, guid: str) -> str:
        return guid

    def title(self, post: PostData) -> str:
        """`title.rendered`: the REST API formats protected and private titles as `%s`."""
        return self._title(post, post.post_title)

    def title_with_prefix(self, post: PostData) -> str:
        """get_the_title() outside the REST item: `Protected: ` and `Private: ` prefixes."""
        title = post.post_title
        if post.post_password:
            title = f"Protected: {title}"
        elif post.post_status == "private":
            title = f"Private: {title}"
        return self._title(post, title)

    def _title(self, post: PostData, title: str) -> str:
        ctx = RenderContext(post=post, data=self.app.site)
        return self._cached(("title", title), lambda: self.title_pipeline(title, ctx))

    def content(self, post: PostData, request: Any) -> str:
        session = self.session(request)
        blocks = _content_traits(post.post_content)[0]
        moved = session.autop_moved
        pipeline = self.content_pipelines[(blocks, moved)]
        key = (
            "content",
            post.id,
            post.post_modified_gmt,
            post.post_content,
            blocks,
            moved,
            self._version(),
            self._extra_key(post, request),
        )
        html = self._resolved(
            session, key, lambda: pipeline(post.post_content, self._ctx(post, request, moved))
        )
        if blocks:
            session.autop_moved = True
        return html

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
            ctx = self._ctx(post, request, moved)
            return self.the_excerpt(self._trim(post, ctx, moved, length), ctx)

        return self._resolved(session, key, render)

    def _trim(self, post: PostData, ctx: RenderContext, moved: bool, length: int | None) -> str:
        """get_the_excerpt(): the stored excerpt, or wp_trim_excerpt of the content."""
        return wp_trim_excerpt(
            post.post_excerpt,
            post.post_content,
            ctx,
            self.excerpt_content[moved],
            parse_blocks=parse_blocks,
            render_block=render_block,
            excerpt_length=length if length is not None else EXCERPT_LENGTH,
            excerpt_more=EXCERPT_MORE,
        )

    def _trimmed_excerpt(
        self, post: PostData, request: Any, moved: bool, length: int | None
    ) -> str:
        key = (
            "trimmed",
            post.id,
            post.post_modified_gmt,
            post.post_excerpt,
            post.post_content,
            moved,
            length,
            self._version(),
        )
        return self._cached(
            key, lambda: self._trim(post, self._ctx(post, request, moved), moved, length)
        )
