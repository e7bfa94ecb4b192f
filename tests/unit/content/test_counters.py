"""Request-wide counters: numbered and silent placeholders, and the media shortcodes that
count an instance without printing it."""

from __future__ import annotations

import re

import pytest

from pressbox.content.context import PostData, RenderContext
from pressbox.content.counters import (
    Counters,
    consume,
    next_number,
    silence,
    unique_id,
)
from pressbox.content.shortcodes.core import do_shortcode

from .test_media_html import FakeSite, make_ctx
from .test_shortcodes_media import POST, SITE


def ctx() -> RenderContext:
    return make_ctx(FakeSite(), PostData(id=1))


@pytest.mark.parametrize(
    ("steps", "first", "second"),
    [
        # A post numbers 1, 2; the next post of the request continues at 3.
        (["n", "n"], "1 2", "3"),
        # A silent instance prints nothing but still counts.
        (["n", "s"], "1 ", "3"),
        (["s", "n"], " 2", "3"),
        (["s"], "", "2"),
    ],
)
def test_silent_placeholders_count(steps: list[str], first: str, second: str) -> None:
    c = ctx()
    parts = [next_number(c, "gallery") if s == "n" else consume(c, "gallery") for s in steps]
    counters = Counters()
    assert counters.resolve(" ".join(parts)) == first
    assert counters.resolve(next_number(ctx(), "gallery")) == second


def test_silenced_placeholder_prints_nothing() -> None:
    c = ctx()
    placeholder = unique_id(c, "x-")
    quiet = silence(next_number(c))
    assert Counters().resolve(f"{placeholder}|{quiet}|") == "x-1||"


@pytest.mark.parametrize(
    "text",
    [
        '[gallery ids="999"]',  # no such images
        '[gallery id="99"]',  # the parent post is a draft
        "[audio]",  # no audio attached to a post without any
        '[video src="http://example.test/clip.txt"]',  # not a video: a plain link
    ],
)
def test_media_shortcodes_count_instances_they_do_not_print(text: str) -> None:
    counters = Counters()
    post = PostData(id=77, post_title="Bare")
    first = counters.resolve(do_shortcode(text, make_ctx(SITE, post)))
    assert "\ue000" not in first
    kind = "gallery" if "gallery" in text else "audio" if "audio" in text else "video"
    follow = {
        "gallery": '[gallery ids="22"]',
        "audio": "[audio src='a.mp3']",
        "video": "[video src='a.mp4']",
    }
    second = counters.resolve(do_shortcode(follow[kind], make_ctx(SITE, POST)))
    pattern = {"gallery": r"gallery-(\d+)'", "audio": r"audio-10-(\d+)", "video": r"video-10-(\d+)"}
    assert re.findall(pattern[kind], second)[0] == "2"


def test_category_block_ids_count_every_block_of_the_request() -> None:
    from pressbox.content.blocks import do_blocks
    from pressbox.content.blocks.data import Term

    from .blocks.fakes import FakeSite as BlockSite
    from .blocks.fakes import make_ctx as block_ctx

    site = BlockSite(term_list=[Term(3, "News", "news", "category", count=1)])
    counters = Counters()
    # A list counts without printing its number; the dropdown of the next post is the second.
    counters.resolve(do_blocks("<!-- wp:categories /-->", block_ctx(site)))
    dropdown = do_blocks('<!-- wp:categories {"displayAsDropdown":true} /-->', block_ctx(site))
    assert "id='wp-block-categories-2'" in counters.resolve(dropdown)
