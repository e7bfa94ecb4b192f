"""WP_Embed: `[embed]` (run_shortcode) and autoembed, with oEmbed answers from the post meta cache.

Hand-written cases, then both steps against WordPress's own class-wp-embed.php and embed.php
(read from the git mirror at test time), with oEmbed fetching failing as in the oracle.
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from pressbox.content.context import PostData, RenderContext
from pressbox.content.embed import autoembed, run_shortcode, wp_embed_defaults
from tests.php_cli import harness_folder, run_bootstrap

from .test_media_html import FakeSite, make_ctx

POST = PostData(id=42)
TWEET = "https://twitter.com/wp/status/1"
CACHED = "https://cached.example/video/1"
SIZED = "https://cached.example/video/2"


def _key(url: str, serialized: str) -> str:
    return "_oembed_" + hashlib.md5((url + serialized).encode()).hexdigest()


DEFAULTS = 'a:2:{s:5:"width";i:500;s:6:"height";i:750;}'
SITE = FakeSite(
    meta={
        (42, _key(CACHED, DEFAULTS)): "<iframe src='cached'></iframe>",
        (42, _key(TWEET, DEFAULTS)): "{{unknown}}",
        (42, _key(SIZED, 'a:2:{s:5:"width";s:3:"400";s:6:"height";s:3:"300";}')): "<b>sized</b>",
    }
)


def ctx() -> RenderContext:
    return make_ctx(SITE, POST)


def test_wp_embed_defaults() -> None:
    assert wp_embed_defaults() == {"width": 500, "height": 750}
    assert wp_embed_defaults(800) == {"width": 800, "height": 1000}
    assert wp_embed_defaults(601) == {"width": 601, "height": 902}


AUTOEMBED_CASES = [
    ("unknown provider stays a bare URL", f"Look:\n\n{TWEET}\n\nok", f"Look:\n\n{TWEET}\n\nok"),
    ("cached answer", f"a\n {CACHED} \nb", "a\n <iframe src='cached'></iframe> \nb"),
    ("own paragraph", f"<p> {CACHED}</p>", "<p> <iframe src='cached'></iframe></p>"),
    ("inline URLs are left alone", f"see {CACHED} now", f"see {CACHED} now"),
    ("&amp; is decoded", "http://x.example/?a=1&amp;b=2", "http://x.example/?a=1&b=2"),
    ("audio file", "https://x.example/a.MP3", '[audio src="https://x.example/a.MP3" /]'),
    ("video file", "http://x.example/v.mp4", '[video  src="http://x.example/v.mp4" /]'),
    (
        "youtube embed URL",
        "https://www.youtube.com/embed/a~b?x=1",
        "https://youtube.com/watch?v=a%7Eb%3Fx%3D1",
    ),
    (
        "newlines inside tags do not make lines",
        f'<a title="x\n{CACHED}\n">y</a>',
        f'<a title="x\n{CACHED}\n">y</a>',
    ),
    ("line-break markers become newlines", "a<!-- wp-line-break -->b", "a\nb"),
    ("no URL", "plain", "plain"),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"), AUTOEMBED_CASES, ids=[c[0] for c in AUTOEMBED_CASES]
)
def test_autoembed(name: str, text: str, expected: str) -> None:
    assert autoembed(text, ctx()) == expected


SHORTCODE_CASES = [
    (
        "unknown provider becomes a link",
        f"[embed]{TWEET}[/embed]",
        f'<a href="{TWEET}">{TWEET}</a>',
    ),
    ("src attribute", f'[embed src="{TWEET}"]', f'<a href="{TWEET}">{TWEET}</a>'),
    ("cached", f"[embed]{CACHED}[/embed]", "<iframe src='cached'></iframe>"),
    ("cached for its size", f'[embed width="400" height="300"]{SIZED}[/embed]', "<b>sized</b>"),
    ("empty", "[embed][/embed] [embed]", " "),
    (
        "video with dimensions",
        '[embed width="400" height="300"]http://x.example/v.webm[/embed]',
        '[video width="400" height="300"  src="http://x.example/v.webm" /]',
    ),
    ("escaped", f"[[embed]{TWEET}[/embed]]", f"[embed]{TWEET}[/embed]"),
    ("other shortcodes wait", "[gallery] [embed]x[/embed]", '[gallery] <a href="http://x">x</a>'),
    (
        "tags are not parsed",
        f'<a href="[embed]{TWEET}[/embed]">',
        f'<a href="[embed]{TWEET}[/embed]">',
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"), SHORTCODE_CASES, ids=[c[0] for c in SHORTCODE_CASES]
)
def test_run_shortcode(name: str, text: str, expected: str) -> None:
    assert run_shortcode(text, ctx()) == expected


# --- differential run against WordPress ------------------------------------------------------

_FILES = (
    "plugin.php",
    "utf8.php",
    "formatting.php",
    "kses.php",
    "shortcodes.php",
    "class-wp-embed.php",
)
_EXTRACT = {
    "embed.php": (
        "wp_embed_register_handler", "wp_embed_defaults", "wp_maybe_load_embeds",
        "wp_embed_handler_youtube", "wp_embed_handler_audio", "wp_embed_handler_video",
    ),
    "media.php": ("wp_get_audio_extensions", "wp_get_video_extensions"),
    "functions.php": ("wp_parse_args",),
}  # fmt: skip
_BOOTSTRAP = r"""<?php
error_reporting( E_ALL & ~E_DEPRECATED );
define( 'ABSPATH', __DIR__ . '/' );
define( 'WPINC', 'wp-includes' );
define( 'DAY_IN_SECONDS', 86400 );
function get_option( $name, $default = false ) { return 'blog_charset' === $name ? 'UTF-8' : $default; }
function __( $text, $domain = 'default' ) { return $text; }
function is_utf8_charset( $charset = null ) { return true; }
function _canonical_charset( $charset ) { return 'UTF-8'; }
function _doing_it_wrong( ...$args ) {}
if ( ! function_exists( 'array_any' ) ) {
	function array_any( array $a, callable $f ): bool { foreach ( $a as $k => $v ) { if ( $f( $v, $k ) ) { return true; } } return false; }
}
function wp_allowed_protocols() { return array( 'http', 'https' ); }
function wp_parse_url( $url, $component = -1 ) { return parse_url( $url, $component ); }
function get_post( $post = null ) { return (object) array( 'ID' => 42 ); }
function get_post_meta( $id, $key, $single = false ) { return $GLOBALS['h_meta'][ $key ] ?? ''; }
function update_post_meta( ...$args ) {}
function wp_cache_get( ...$args ) { return false; }
function wp_oembed_get( $url, $args = '' ) { return false; }
class WP_Query { public $posts = array(); public function __construct( $q ) {} }
foreach ( %FILES% as $f ) { require __DIR__ . '/wp-includes/' . $f; }
require __DIR__ . '/extracted.php';
$GLOBALS['wp_embed'] = new WP_Embed();
wp_maybe_load_embeds();
$in = json_decode( stream_get_contents( STDIN ), true );
$GLOBALS['h_meta'] = $in['meta'];
$out = array();
foreach ( $in['texts'] as $req ) {
	list( $fn, $text ) = $req;
	$out[] = 'autoembed' === $fn ? $GLOBALS['wp_embed']->autoembed( $text ) : $GLOBALS['wp_embed']->run_shortcode( $text );
}
echo json_encode( $out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
"""


@cache
def _php_folder() -> Path | str:
    return harness_folder("embed", _FILES, _EXTRACT, _BOOTSTRAP)


def _wordpress(requests: list[tuple[str, str]]) -> list[str]:
    meta = {key: value for (_, key), value in SITE.meta.items()}
    result: list[str] = run_bootstrap(_php_folder(), {"meta": meta, "texts": requests})
    return result


@pytest.mark.php
def test_embed_matches_php() -> None:
    requests = [("autoembed", t) for _, t, _ in AUTOEMBED_CASES] + [
        ("run_shortcode", t) for _, t, _ in SHORTCODE_CASES
    ]
    requests += [
        (
            "autoembed",
            "<p>x</p>\n\nHTTPS://Example.com/a\n<p>https://example.com/b </p>\n\thttp://c.d",
        ),
        (
            "run_shortcode",
            "[embed]https://youtube.com/v/xyz[/embed] [embed 0=1]http://e.f/x.ogv[/embed]",
        ),
        ("run_shortcode", '[embed]http://x/a"b<c>[/embed]'),
    ]
    expected = _wordpress(requests)
    for (fn, text), want in zip(requests, expected, strict=True):
        step = autoembed if fn == "autoembed" else run_shortcode
        assert step(text, ctx()) == want, text
