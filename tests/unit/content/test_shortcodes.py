"""The shortcode API: hand-written cases, then differential runs against WordPress's PHP.

The PHP side loads shortcodes.php, formatting.php, kses.php and plugin.php from the WordPress
git mirror at test time (never copied into the repository) and registers stub handlers that
print what they receive; the Python side registers the same stubs.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pressbox.content.context import PostData, RenderContext
from pressbox.content.shortcodes.core import CORE_SHORTCODES, strip_shortcodes
from pressbox.content.shortcodes.engine import (
    Attrs,
    ShortcodeRegistry,
    active_registry,
    do_shortcode,
    get_shortcode_regex,
    shortcode_atts,
    shortcode_parse_atts,
)
from pressbox.content.shortcodes.engine import strip_shortcodes as strip_tags_named
from pressbox.content.shortcodes.phpfuncs import intval, php_round, stripcslashes
from tests.php_cli import harness_folder, php_array, run_bootstrap


class _NoData:
    """Rendering data for steps that never look anything up."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"unexpected data lookup: {name}")


def make_ctx() -> RenderContext:
    return RenderContext(post=PostData(id=1), data=_NoData())


def _show(tag: str, attrs: Attrs, content: str) -> str:
    pairs = ",".join(f"{k}={v}" for k, v in attrs.items())
    return f"{{{tag}:{pairs}|{content}}}"


def _stub(attrs: Attrs, content: str, tag: str, ctx: RenderContext) -> str:
    return _show(tag, attrs, content)


def _nest(attrs: Attrs, content: str, tag: str, ctx: RenderContext) -> str:
    return "<nest>" + do_shortcode(content, ctx) + "</nest>"


def _quote(attrs: Attrs, content: str, tag: str, ctx: RenderContext) -> str:
    return 'say "hi" & <b>'


STUB_TAGS = ("a", "ab", "b-c", "x.y", "wp_caption", "embed")
REGISTRY = ShortcodeRegistry([*((t, _stub) for t in STUB_TAGS), ("nest", _nest), ("quote", _quote)])


# --- shortcode_parse_atts ----------------------------------------------------------------------

PARSE_CASES: list[tuple[str, Attrs]] = [
    ("", {}),
    (" ", {}),
    (' id="5" align=left', {"id": "5", "align": "left"}),
    (" ID='x y' Class=\"c\"", {"id": "x y", "class": "c"}),
    (" a = \"1\"  b= '2' c =3", {"a": "1", "b": "2", "c": "3"}),
    (" \"first\" 'second' third", {0: "first", 1: "second", 2: "third"}),
    (" http://x.y/a?b=c", {0: "http://x.y/a?b=c"}),
    (" 5=x foo", {5: "x", 6: "foo"}),
    (' 0="zero" other', {0: "other"}),
    (' "" keep', {0: "keep"}),
    (' a="\\n\\x41\\101\\q"', {"a": "\nAAq"}),
    (' caption="<b>bold</b>" bad="<b"', {"caption": "<b>bold</b>", "bad": ""}),
    ("\u00a0a=1\u200bb=2", {"a": "1", "b": "2"}),
    (' a="1"b="2"', {0: 'a="1"b="2"'}),
    (" flag a=1 a=2", {0: "flag", "a": "2"}),
    (" data-x='y' under_score=z", {"data-x": "y", "under_score": "z"}),
    (" é=1", {0: "é=1"}),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_shortcode_parse_atts(text: str, expected: Attrs) -> None:
    assert list(shortcode_parse_atts(text).items()) == list(expected.items())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a\\nb", "a\nb"),
        ("\\x41\\x4a\\x4", "AJ\x04"),
        ("\\0\\07\\101\\1012", "\x00\x07AA2"),
        ("\\q\\\\\\", "q\\\\"),
        ("\\a\\b\\f\\r\\t\\v", "\a\b\f\r\t\v"),
        ("\\xZ", "xZ"),
    ],
)
def test_stripcslashes(text: str, expected: str) -> None:
    assert stripcslashes(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("150", 150), ("150px", 150), (" 12", 12), ("abc", 0), ("1e3", 1000), ("-4.9", -4), ("", 0)],
)
def test_intval(value: str, expected: int) -> None:
    assert intval(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(0.5, 1), (1.5, 2), (2.5, 3), (-0.5, -1), (112.5, 113)]
)
def test_php_round(value: float, expected: int) -> None:
    assert php_round(value) == expected


def test_shortcode_atts_keeps_known_names_only() -> None:
    got = shortcode_atts({"id": "", "width": 0}, {"id": "7", 0: "x", "other": "y"})
    assert got == {"id": "7", "width": 0}


# --- do_shortcode --------------------------------------------------------------------------------

DO_CASES = [
    ("no brackets", "plain text", "plain text"),
    ("self-closing", "x [a /] y", "x {a:|} y"),
    ("enclosing", "[a k=v]inner[/a]", "{a:k=v|inner}"),
    ("no closer", "[a] text [/b]", "{a:|} text [/b]"),
    ("escaped", "[[a]] and [[b-c]x[/b-c]]", "[a] and [b-c]x[/b-c]"),
    ("escape spans to a later closer", "[[a]] and [[a]x[/a]]", "[a]] and [[a]x[/a]"),
    ("half escaped", "[[a]", "[{a:|}"),
    ("unregistered", "[zz] [a]", "[zz] {a:|}"),
    ("prefix is another tag", "[ab] [a-b] [a_b]", "{ab:|} [a-b] [a_b]"),
    ("hyphen in name", "[b-c x=1]", "{b-c:x=1|}"),
    ("dot in name", "[x.y]", "{x.y:|}"),
    ("nested same tag", "[a]1[a]2[/a]3[/a]", "{a:|1[a]2}3[/a]"),
    ("nested call", "[nest][a q=1][/nest]", "<nest>{a:q=1|}</nest>"),
    ("slash in attrs", "[a href=http://x/y/ z]", "{a:href=http://x/y/,0=z|}"),
    ("trailing slash closes", "[a href=http://x/y/]", "{a:href=http://x/y|}"),
    ("html attribute", '<a title="[a]">x</a>', '<a title="{a:|}">x</a>'),
    (
        "kses on attribute",
        '<a title="[quote]">x</a>',
        '<a title="say &quot;hi&quot; &amp; &lt;b&gt;">x</a>',
    ),
    ("unquoted attribute", "<a title=[a]>x</a>", "<a title={a:|}>x</a>"),
    ("name position", '<div [a] class="c">', '<div {a:|} class="c">'),
    ("comment", "<!-- [a] -->", "<!-- [a] -->"),
    ("stray bracket in tag", '<a title="[">[a]', '<a title="[">{a:|}'),
    ("entities normalized", "&#91;a&#93; [a]", "&#091;a&#093; {a:|}"),
    ("no registered tag", "&#91;zz&#93; [zz]", "&#91;zz&#93; [zz]"),
    ("closing tag only", "[/a]", "[/a]"),
    ("multiline", "[a\nk=v]\nx\n[/a]", "{a:k=v|\nx\n}"),
]


@pytest.mark.parametrize(("name", "text", "expected"), DO_CASES, ids=[c[0] for c in DO_CASES])
def test_do_shortcode(name: str, text: str, expected: str) -> None:
    assert do_shortcode(text, make_ctx(), REGISTRY) == expected


def test_nested_do_shortcode_needs_an_active_registry() -> None:
    ctx = make_ctx()
    assert do_shortcode("[a]", ctx) == "[a]"  # no registry running, none given
    assert active_registry(ctx) is None
    do_shortcode("[nest][/nest]", ctx, REGISTRY)
    assert active_registry(ctx) is None  # restored after the call


def test_ignore_html_hides_shortcodes_in_tags() -> None:
    got = do_shortcode('<a title="[a]">[a]</a>', make_ctx(), REGISTRY, ignore_html=True)
    assert got == '<a title="[a]">{a:|}</a>'


def test_registry_rejects_reserved_names() -> None:
    with pytest.raises(ValueError):
        ShortcodeRegistry([("a b", _stub)])
    with pytest.raises(ValueError):
        ShortcodeRegistry([("", _stub)])
    assert "x" in REGISTRY.with_handlers([("x", _stub)])
    assert "a" not in REGISTRY.without("a")


def test_core_registry_order() -> None:
    assert CORE_SHORTCODES.tags == (
        "wp_caption", "caption", "gallery", "playlist", "audio", "video", "embed",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a [gallery] b", "a  b"),
        ("[caption]x[/caption] y", " y"),
        ("[[gallery]]", "[gallery]"),
        ("[unknown] [embed]http://x[/embed]", "[unknown] "),
        ('<a title="[gallery]">x</a>', '<a title="[gallery]">x</a>'),
        ("no shortcodes", "no shortcodes"),
    ],
)
def test_strip_shortcodes(text: str, expected: str) -> None:
    assert strip_shortcodes(text) == expected


# --- differential runs against WordPress -------------------------------------------------------

_PHP_BOOTSTRAP = r"""<?php
error_reporting( E_ALL & ~E_DEPRECATED );
define( 'ABSPATH', __DIR__ . '/' );
define( 'WPINC', 'wp-includes' );
function get_option( $name, $default = false ) { return 'blog_charset' === $name ? 'UTF-8' : $default; }
function __( $text, $domain = 'default' ) { return $text; }
function is_utf8_charset( $charset = null ) { return true; }
function _canonical_charset( $charset ) { return 'UTF-8'; }
if ( ! function_exists( 'array_any' ) ) {
	function array_any( array $a, callable $f ): bool { foreach ( $a as $k => $v ) { if ( $f( $v, $k ) ) { return true; } } return false; }
}
function _doing_it_wrong( ...$args ) {}
function wp_allowed_protocols() { return array( 'http', 'https', 'ftp', 'ftps', 'mailto', 'news',
	'irc', 'irc6', 'ircs', 'gopher', 'nntp', 'feed', 'telnet', 'mms', 'rtsp', 'sms', 'svn', 'tel',
	'fax', 'xmpp', 'webcal', 'urn' ); }
function wp_parse_url( $url, $component = -1 ) { return parse_url( $url, $component ); }
foreach ( %FILES% as $f ) { require __DIR__ . '/wp-includes/' . $f; }
function h_show( $attr, $content, $tag ) {
	$pairs = array();
	foreach ( (array) $attr as $k => $v ) { $pairs[] = "$k=$v"; }
	return '{' . $tag . ':' . implode( ',', $pairs ) . '|' . $content . '}';
}
function h_nest( $attr, $content ) { return '<nest>' . do_shortcode( $content ) . '</nest>'; }
function h_quote() { return 'say "hi" & <b>'; }
foreach ( %TAGS% as $t ) { add_shortcode( $t, 'h_show' ); }
add_shortcode( 'nest', 'h_nest' );
add_shortcode( 'quote', 'h_quote' );
$out = array();
foreach ( json_decode( stream_get_contents( STDIN ), true ) as $req ) {
	list( $fn, $text ) = $req;
	if ( 'parse' === $fn ) {
		$atts = shortcode_parse_atts( $text );
		$out[] = array_map( null, array_map( 'strval', array_keys( $atts ) ), array_values( $atts ) );
	} elseif ( 'matches' === $fn ) {
		preg_match_all( '/' . get_shortcode_regex( array( 'a', 'ab', 'b-c' ) ) . '/', $text, $m, PREG_SET_ORDER | PREG_OFFSET_CAPTURE );
		$out[] = $m;
	} else {
		$out[] = $fn( $text );
	}
}
echo json_encode( $out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE );
"""


_PHP_FILES = ("plugin.php", "utf8.php", "formatting.php", "kses.php", "shortcodes.php")


@cache
def _php_folder() -> Path | str:
    bootstrap = _PHP_BOOTSTRAP.replace("%TAGS%", php_array(STUB_TAGS))
    return harness_folder("shortcodes", _PHP_FILES, {}, bootstrap)


def php(requests: list[tuple[str, str]]) -> list[Any]:
    """WordPress's answers to `[(function, text), …]`; skips when PHP cannot run."""
    result: list[Any] = run_bootstrap(_php_folder(), requests)
    return result


FRAGMENTS = (
    "[a]", "[/a]", "[a x=1]", "[a/]", "[a /]", "[[a]]", "[[a]", "[a]]", "[ab]", "[/ab]",
    "[b-c]", "[/b-c]", "[x.y]", "[wp_caption width=1]", "[/wp_caption]", "[embed]", "[/embed]",
    "[nest]", "[/nest]", "[quote]", "[zz]", "[/zz]", "[", "]", "[/", "/]", "&#91;", "&#93;",
    "&#091;", " ", "\n", "text", "é", '"', "'", "=", "x=1", "'v'", '"v w"', "<b>", "</b>",
    '<a href="', '">', "<a title='", "'>", "</a>", "<!--", "-->", "<![CDATA[", "]]>",
    '<img src="x" alt="', '" />', "<div ", ">", "</div>", "\\", "\\n", "\u00a0", "<", "<[a]>",
)  # fmt: skip


def _documents(count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 14)))


HAND_DOCUMENTS = [case[1] for case in DO_CASES] + [
    '<a href="[a]" title=\'[a k="v"]\'>[a]</a>',
    "<p>[a]</p><p>[ab x='1']y[/ab]</p>",
    '<img src="[a]" alt="[quote]" />',
    "[a]<!--[if IE]>x<![endif]-->[/a]",
    "<[a]> [a] <[a]@[b-c]>",
]


@pytest.mark.php
def test_parse_atts_matches_php() -> None:
    texts = [t for t, _ in PARSE_CASES] + [d[:40] for d in _documents(300, 1)]
    expected = php([("parse", t) for t in texts])
    for text, want in zip(texts, expected, strict=True):
        got = [[str(k), v] for k, v in shortcode_parse_atts(text).items()]
        assert got == want, text


@pytest.mark.php
def test_shortcode_regex_matches_php() -> None:
    import re

    pattern = re.compile(get_shortcode_regex(("a", "ab", "b-c")), re.ASCII)
    texts = list(_documents(300, 2))
    expected = php([("matches", t) for t in texts])
    for text, want in zip(texts, expected, strict=True):
        got = []
        for m in pattern.finditer(text):
            groups = [[m.group(0), len(text[: m.start()].encode())]]
            for i in range(1, (m.lastindex or 0) + 1):
                value = m.group(i)
                start = m.start(i)
                groups.append(
                    [value or "", len(text[:start].encode()) if value is not None else -1]
                )
            got.append(groups)
        assert got == want, text


@pytest.mark.php
def test_do_shortcode_matches_php() -> None:
    texts = HAND_DOCUMENTS + list(_documents(600, 3))
    expected = php([("do_shortcode", t) for t in texts])
    for text, want in zip(texts, expected, strict=True):
        assert do_shortcode(text, make_ctx(), REGISTRY) == want, text


@pytest.mark.php
def test_strip_shortcodes_matches_php() -> None:
    texts = HAND_DOCUMENTS + list(_documents(300, 4))
    expected = php([("strip_shortcodes", t) for t in texts])
    tags = REGISTRY.tags
    for text, want in zip(texts, expected, strict=True):
        assert strip_tags_named(text, tags) == want, text
