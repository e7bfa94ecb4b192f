"""`comment_text`: make_clickable() and the filter pipeline of a comment's content.

The expected outputs were checked against WordPress 7.1's own functions run by php-cli.
"""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.content.comment_text import (
    COMMENT_TEXT,
    CommentTextRenderer,
    make_clickable,
    parse_url,
    split_by_whitespace,
    wp_is_internal_link,
)
from pressbox.content.context import PostData, RenderContext

HOME = "http://127.0.0.1:8080"


class _Site:
    """The site data the steps read: home URL and two options."""

    def __init__(self, smilies: str = "1") -> None:
        self.smilies = smilies
        self.calls = 0

    def option(self, name: str, default: Any = None) -> Any:
        return {"use_smilies": self.smilies, "siteurl": HOME}.get(name, default)

    def home_url(self) -> str:
        self.calls += 1
        return HOME


def _ctx(site: _Site | None = None) -> RenderContext:
    return RenderContext(post=PostData(id=1), data=site or _Site())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Visit http://example.com now",
         'Visit <a href="http://example.com" rel="nofollow ugc">http://example.com</a> now'),
        ("see https://127.0.0.1:8080/x.",
         'see <a href="https://127.0.0.1:8080/x" rel="ugc">https://127.0.0.1:8080/x</a>.'),
        ("(http://a.b/c_(d))",
         '(<a href="http://a.b/c_(d)" rel="nofollow ugc">http://a.b/c_(d)</a>)'),
        ("http://a.b/c)", '<a href="http://a.b/c" rel="nofollow ugc">http://a.b/c</a>)'),
        ("www.example.org, and",
         '<a href="http://www.example.org" rel="nofollow ugc">http://www.example.org</a>, and'),
        ("mail me: john.doe@example.com!",
         'mail me: <a href="mailto:john.doe@example.com">john.doe@example.com</a>!'),
        ('<a href="http://x.y">http://x.y</a>', '<a href="http://x.y">http://x.y</a>'),
        ("<code>http://x.y</code> ftp://z.w/f",
         '<code>http://x.y</code> <a href="ftp://z.w/f" rel="ugc">ftp://z.w/f</a>'),
        ("<p>http://e.com/p?a=1&b=2</p>",
         '<p><a href="http://e.com/p?a=1&#038;b=2" rel="nofollow ugc">http://e.com/p?a=1&#038;b=2</a></p>'),
        ("x http://é.com/ü y", 'x <a href="http://é.com/ü" rel="nofollow ugc">http://é.com/ü</a> y'),
        ("http://e.com/image.jpg.",
         '<a href="http://e.com/image.jpg" rel="nofollow ugc">http://e.com/image.jpg</a>.'),
        # PHP's parse_url() fails on these: no scheme, so no `nofollow`.
        ("http://mailto:x", '<a href="http://mailto:x" rel="ugc">http://mailto:x</a>'),
        ("https://.", '<a href="https://" rel="ugc">https://</a>.'),
    ],
)  # fmt: skip
def test_make_clickable_in_comments(text: str, expected: str) -> None:
    assert make_clickable(text, HOME, in_comment=True) == expected


def test_make_clickable_outside_comments_has_no_ugc() -> None:
    assert make_clickable("a http://127.0.0.1:8080/b", HOME) == (
        'a <a href="http://127.0.0.1:8080/b">http://127.0.0.1:8080/b</a>'
    )


def test_make_clickable_splits_long_pieces() -> None:
    text = ("word " * 2500) + "http://example.com/end"
    out = make_clickable(text, HOME, in_comment=True)
    assert out.startswith("word word")
    assert out.endswith(
        '<a href="http://example.com/end" rel="nofollow ugc">http://example.com/end</a>'
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://a.b/c", ("http", "a.b")),
        ("http://user@a.b:80/c", ("http", "a.b")),
        ("mailto:x@y.z", ("mailto", "")),
        ("http://", None),
        ("http://a:b", None),
        ("http://a:99999", None),
        ("http://a:/x", ("http", "a")),
    ],
)
def test_parse_url(url: str, expected: tuple[str, str] | None) -> None:
    assert parse_url(url) == expected


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("http://127.0.0.1:9999/x", True),  # the host is what counts, not the port
        ("HTTPS://127.0.0.1/", True),
        ("http://example.com/", False),
        ("javascript://127.0.0.1/", False),
    ],
)
def test_wp_is_internal_link(link: str, expected: bool) -> None:
    assert wp_is_internal_link(link, HOME) is expected


@pytest.mark.parametrize(
    ("text", "goal", "expected"),
    [
        ("aaa bbb ccc", 5, ["aaa ", "bbb ", "ccc"]),
        ("aaaaaaa bb", 3, ["aaaaaaa ", "bb"]),
        ("aaaaaaaaa", 3, ["aaaaaaaaa"]),
        ("ab", 5, ["ab"]),
    ],
)
def test_split_by_whitespace(text: str, goal: int, expected: list[str]) -> None:
    assert split_by_whitespace(text, goal) == expected


@pytest.mark.parametrize(
    ("content", "rendered"),
    [
        ("Hello", "<p>Hello</p>\n"),
        ('Thanks -- "quoted"', "<p>Thanks &#8212; &#8220;quoted&#8221;</p>\n"),
        ("a\n\nb\nc", "<p>a</p>\n<p>b<br />\nc</p>\n"),
        ("Use Wordpress", "<p>Use WordPress</p>\n"),
        ("<b>open", "<p><b>open</b></p>\n"),
        ("AT&T", "<p>AT&#038;T</p>\n"),
        ("Nice :)", "<p>Nice \U0001f642</p>\n"),
        ("Nice :mrgreen:", '<p>Nice <img src="http://127.0.0.1:8080/wp-includes/images/smilies/'
         'mrgreen.png" alt=":mrgreen:" class="wp-smiley" style="height: 1em; max-height: 1em;" />'
         "</p>\n"),
        ("See www.x.org", '<p>See <a href="http://www.x.org" rel="nofollow ugc">'
         "http://www.x.org</a></p>\n"),
    ],
)  # fmt: skip
def test_comment_text_pipeline(content: str, rendered: str) -> None:
    assert COMMENT_TEXT(content, _ctx()) == rendered


def test_pipeline_order_is_wordpress_priorities() -> None:
    names = [name for _p, _o, name, _s in COMMENT_TEXT.steps]
    assert names == [
        "_make_clickable_step", "wptexturize", "convert_chars", "convert_smilies",
        "_force_balance_tags_step", "wpautop", "capital_P_dangit",
    ]  # fmt: skip


def test_renderer_caches_by_content_and_options() -> None:
    renderer = CommentTextRenderer()
    on, off = _Site("1"), _Site("0")
    assert renderer.render("Hi :)", _ctx(on)) == "<p>Hi \U0001f642</p>\n"
    assert renderer.render("Hi :)", _ctx(off)) == "<p>Hi :)</p>\n"
    assert renderer.render("Hi :)", _ctx(off)) == "<p>Hi :)</p>\n"
    assert len(renderer._cache) == 2
