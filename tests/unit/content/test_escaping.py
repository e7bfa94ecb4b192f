"""WordPress's escaping (pressbox.content.escaping), by table and against WordPress's PHP."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressbox.content.escaping import (
    esc_attr,
    esc_html,
    esc_url,
    sanitize_url,
    wp_kses_bad_protocol,
    wp_kses_normalize_entities,
)
from pressbox.content.parse_url import wp_parse_url

from .php_harness import require_php

DIFFERENTIAL = settings(max_examples=200, derandomize=True, deadline=None, database=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<a href='x'>", "&lt;a href=&#039;x&#039;&gt;"),
        ('"q"', "&quot;q&quot;"),
        ("a & b &amp; c", "a &amp; b &amp; c"),
        ("&copy; &bogus; &apos;", "&copy; &amp;bogus; &amp;apos;"),
        ("&#39; &#x27; &#0;", "&#039; &#x27; &amp;#0;"),
        ("", ""),
    ],
)
def test_esc_html_and_attr(text: str, expected: str) -> None:
    assert esc_html(text) == expected
    assert esc_attr(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://example.com/a b", "http://example.com/a%20b"),
        ("https://x.y/?a=1&b='2'", "https://x.y/?a=1&#038;b=&#039;2&#039;"),
        ("javascript:alert(1)", ""),
        ("example.com", "http://example.com"),
        ("/relative?x=1&y=2", "/relative?x=1&#038;y=2"),
        ("#frag", "#frag"),
        ("mailto:a@b.c", "mailto:a@b.c"),
        ("http://x.y/a[b]", "http://x.y/a%5Bb%5D"),
        ("http://x.y/%0d%0a", "http://x.y/"),
        ("<http://x.y>", "http://x.y"),
        ("", ""),
    ],
)
def test_esc_url(url: str, expected: str) -> None:
    assert esc_url(url) == expected


def test_esc_url_db_context() -> None:
    assert esc_url("https://x.y/?a=1&b=2", context="db") == "https://x.y/?a=1&b=2"


def test_invalid_utf8_escapes_to_nothing() -> None:
    # wp_check_invalid_utf8() runs first: a string carrying undecodable bytes (kept as lone
    # surrogates by `surrogateescape`) is dropped whole, as PHP's esc_html() drops it.
    bad = b"caf\xe9 <b>".decode("utf-8", "surrogateescape")
    assert esc_html(bad) == ""
    assert esc_attr(bad) == ""
    assert esc_html("café <b>") == "café &lt;b&gt;"


def test_normalize_entities() -> None:
    assert (
        wp_kses_normalize_entities("&#00058; &#xD800; &zz; &")
        == "&#058; &amp;#xD800; &amp;zz; &amp;"
    )


def test_sanitize_url_is_the_db_context() -> None:
    for url in ("https://x.y/?a=1&b='2'", "javascript:alert(1)", "example.com/p[1]", ""):
        assert sanitize_url(url) == esc_url(url, context="db")
    assert sanitize_url("https://x.y/?a=1&b=2") == "https://x.y/?a=1&b=2"


@pytest.mark.parametrize(
    ("text", "allowed", "expected"),
    [
        ("javascript:alert(1)", ("http", "https"), "alert(1)"),
        ("feed:feed:javascript:x", ("http", "feed"), "feed:feed:x"),
        ("feed:feed:feed:x", ("http", "feed"), ""),  # a third nested feed: is refused
        ("&#106;avascript:x", ("http",), "x"),
        ("https://ok", ("https",), "https://ok"),
        ("a\x01b", ("http",), "ab"),
    ],
)
def test_wp_kses_bad_protocol(text: str, allowed: tuple[str, ...], expected: str) -> None:
    assert wp_kses_bad_protocol(text, allowed) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://u:p@h.example:8080/x?y#z", {"scheme": "http", "user": "u", "pass": "p",
                                             "host": "h.example", "port": "8080"}),
        ("//h.example/x", {"host": "h.example"}),
        ("/only/a/path", {}),
        ("http://[::1]:80/", {"scheme": "http", "host": "[::1]", "port": "80"}),
        ("http://h:99999/", None),
        ("http:///x", None),
    ],
)  # fmt: skip
def test_wp_parse_url(url: str, expected: dict[str, str] | None) -> None:
    assert wp_parse_url(url) == expected


# --- against WordPress -----------------------------------------------------------------------

URL_PIECES = (
    "http://", "https://", "javascript:", "JaVaScRiPt:", "java\tscript:", "&#106;avascript:",
    "feed:", "feed:feed:javascript:", "mailto:", "ftp://", "//", "/", "#", "?", "tel:", "data:",
    "&#58;", "&colon;", "&#x3a", "index.php", "example.com", "127.0.0.1:8080", "user:pw@h",
    "[::1]", "/a b", "/p[1]", "?a=1&b=2", "&amp;", "&#038;", "'", '"', "<", ">", "%0d%0a",
    "%0%0dD", ";//", "é", " ", "#f", "\\0", "\x01", "`", "{", "|", "~",
)  # fmt: skip
urls = st.lists(st.sampled_from(URL_PIECES), max_size=8).map("".join)


@pytest.mark.php
@DIFFERENTIAL
@given(urls)
def test_esc_url_matches_wordpress(url: str) -> None:
    theirs = require_php().call_many([("esc_url", [url]), ("esc_url", [url, None, "db"])])
    assert [esc_url(url), esc_url(url, context="db")] == theirs
