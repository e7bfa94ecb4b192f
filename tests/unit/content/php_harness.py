"""Run WordPress's own PHP formatting functions, for differential tests.

The WordPress sources it loads, a small bootstrap of stubs (options, translations, the current
post) and the functions it exposes; `tests.php_cli` reads the sources from the mirror and runs
the `php` process. Tests call `require_php()`, which skips with the reason when php-cli, git,
the mirror or the tag is missing.

Also here: `oracle_posts()`, the `wp_posts` rows of the oracle's SQL dump (skips if absent).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from tests.php_cli import (
    PhpProcess,
    extract_function,
    php_array,
    require,
    start_php,
    wp_files,
    wp_include,
)

from .blocks.oracle_data import ORACLE, POST_COLUMNS, oracle_available, sql_tables

SITE_URL = "http://127.0.0.1:8080"
CORE_SHORTCODES = ("wp_caption", "caption", "gallery", "playlist", "audio", "video", "embed")

# Whole files: they only define functions (kses.php also its allowed-tags globals).
_REQUIRED = ("plugin.php", "utf8.php", "formatting.php", "kses.php", "shortcodes.php")
# Single functions from files that would pull in too much.
_FUNCTIONS = {
    "functions.php": ("smilies_init", "wp_allowed_protocols", "_canonical_charset"),
    "http.php": (
        "wp_parse_url",
        "_get_component_from_parsed_url_array",
        "_wp_translate_php_url_constant_to_key",
    ),
    "blocks.php": (
        "has_blocks",
        "has_block",
        "strip_core_block_namespace",
        "excerpt_remove_blocks",
        "excerpt_remove_footnotes",
    ),
    "post-template.php": ("get_the_content",),
}

# Our bootstrap: stubs for what the formatting functions ask of a running WordPress, the
# filters of default-filters.php that the tested steps belong to, and the request loop.
_BOOTSTRAP = r"""<?php
error_reporting( E_ALL );
ini_set( 'display_errors', 'stderr' );
define( 'ABSPATH', __DIR__ . '/' );
define( 'WPINC', 'wp-includes' );
$GLOBALS['h_options'] = array(
	'use_smilies' => '1', 'blog_charset' => 'UTF-8', 'use_balanceTags' => 0,
	'siteurl' => '%SITE_URL%', 'home' => '%SITE_URL%',
);
function get_option( $name, $default_value = false ) { return $GLOBALS['h_options'][ $name ] ?? $default_value; }
function __( $text, $domain = 'default' ) { return $text; }
function _x( $text, $context, $domain = 'default' ) { return $text; }
function is_utf8_charset( $charset = null ) { return true; }
function wp_get_word_count_type() { return 'words'; }
function site_url( $path = '' ) { return get_option( 'siteurl' ) . ( $path ? '/' . ltrim( $path, '/' ) : '' ); }
function includes_url( $path = '' ) { return get_option( 'siteurl' ) . '/wp-includes/' . ltrim( $path, '/' ); }
function wp_trigger_error( ...$args ) {}
function _deprecated_function( ...$args ) {}
function _deprecated_argument( ...$args ) {}
function _doing_it_wrong( ...$args ) {}
function __return_empty_string() { return ''; }
function get_userdata( $id ) { return false; }
function get_queried_object_id() { return 0; }
function post_password_required( $post = null ) { return false; }
function get_post( $post = null ) { return $post instanceof WP_Post ? $post : null; }
if ( ! function_exists( 'array_any' ) ) {
	function array_any( array $a, callable $f ): bool { foreach ( $a as $k => $v ) { if ( $f( $v, $k ) ) { return true; } } return false; }
}
if ( ! function_exists( 'array_first' ) ) {
	function array_first( array $a ) { foreach ( $a as $v ) { return $v; } return null; }
}
class WP_Post {
	public $ID = 1;
	public $post_author = 1;
	public $post_date = '2024-01-01 00:00:00';
	public $post_content = '';
	public $post_excerpt = '';
	public $post_title = '';
}
// A REST request: no single-post view, no feed, page 1, so `more` is 0.
class H_Query {
	public function get( $key ) { return 0; }
	public function is_page() { return false; }
	public function is_single() { return false; }
	public function is_feed() { return false; }
%GENERATE_POSTDATA%
}
function generate_postdata( $post ) { return ( new H_Query() )->generate_postdata( $post ); }
foreach ( %FILES% as $h_file ) { require __DIR__ . '/wp-includes/' . $h_file; }
require __DIR__ . '/extracted.php';
smilies_init();
foreach ( %SHORTCODES% as $h_tag ) { add_shortcode( $h_tag, '__return_empty_string' ); }

// default-filters.php, for the steps pressbox implements in pressbox.content.
add_filter( 'the_title', 'wptexturize' );
add_filter( 'the_title', 'convert_chars' );
add_filter( 'the_title', 'trim' );
add_filter( 'the_title', 'capital_P_dangit', 11 );
add_filter( 'the_content', 'wptexturize' );
add_filter( 'the_content', 'convert_smilies', 20 );
add_filter( 'the_content', 'wpautop' );
add_filter( 'the_content', 'shortcode_unautop' );
add_filter( 'the_content', 'capital_P_dangit', 11 );
add_filter( 'the_excerpt', 'wptexturize' );
add_filter( 'the_excerpt', 'convert_smilies' );
add_filter( 'the_excerpt', 'convert_chars' );
add_filter( 'the_excerpt', 'wpautop' );
add_filter( 'the_excerpt', 'shortcode_unautop' );
add_filter( 'get_the_excerpt', 'wp_trim_excerpt', 10, 2 );

function h_call( $fn, $args ) {
	switch ( $fn ) {
		case 'the_title':
		case 'the_content':
			return apply_filters( $fn, $args[0] );
		case 'get_the_excerpt':
		case 'excerpt':
			$post               = new WP_Post();
			$post->post_excerpt = $args[0];
			$post->post_content = $args[1];
			$excerpt            = apply_filters( 'get_the_excerpt', $post->post_excerpt, $post );
			return 'excerpt' === $fn ? apply_filters( 'the_excerpt', $excerpt ) : $excerpt;
		case 'excerpt_source':
			$post               = new WP_Post();
			$post->post_content = $args[0];
			return get_the_content( '', false, $post );
		default:
			return $fn( ...$args );
	}
}

while ( false !== ( $h_line = fgets( STDIN ) ) ) {
	$h_out = array();
	foreach ( json_decode( $h_line, true ) as $h_req ) {
		$h_out[] = h_call( $h_req[0], $h_req[1] );
	}
	echo json_encode( $h_out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE ), "\n";
	fflush( STDOUT );
}
"""

_ALLOWED = frozenset(
    {
        "wptexturize", "wpautop", "shortcode_unautop", "convert_chars", "capital_P_dangit",
        "convert_smilies", "wp_trim_words", "wp_strip_all_tags", "strip_tags", "esc_html",
        "esc_attr", "esc_url", "wp_html_excerpt", "normalize_whitespace", "force_balance_tags",
        "strip_shortcodes", "excerpt_remove_footnotes", "wp_kses_normalize_entities",
        "the_title", "the_content", "get_the_excerpt", "excerpt", "excerpt_source",
    }
)  # fmt: skip


def _files() -> dict[str, str]:
    """The harness's folder: WordPress's files, the functions extracted, our bootstrap."""
    query = wp_include("class-wp-query.php")
    bootstrap = (
        _BOOTSTRAP.replace("%SITE_URL%", SITE_URL)
        .replace("%GENERATE_POSTDATA%", extract_function(query, "generate_postdata", "\t"))
        .replace("%FILES%", php_array(_REQUIRED))
        .replace("%SHORTCODES%", php_array(CORE_SHORTCODES))
    )
    return {**wp_files(_REQUIRED, _FUNCTIONS), "bootstrap.php": bootstrap}


@cache
def _start() -> PhpProcess | str:
    """The harness, or why it cannot run."""
    return start_php(
        "harness",
        _files,
        _ALLOWED,
        lambda php: php.call("wptexturize", "'ok'") == "&#8216;ok&#8217;",
    )


def require_php() -> PhpProcess:
    """The running harness; skips the calling test when it cannot run."""
    return require(_start())


# --- the oracle's posts ----------------------------------------------------------------------


@dataclass(frozen=True)
class OraclePost:
    id: int
    post_type: str
    post_status: str
    post_title: str
    post_content: str
    post_excerpt: str


@cache
def _oracle_posts() -> tuple[OraclePost, ...]:
    rows = (dict(zip(POST_COLUMNS, r, strict=True)) for r in sql_tables().get("wp_posts", ()))
    return tuple(
        OraclePost(
            int(row["id"]), row["post_type"], row["post_status"], row["post_title"],
            row["post_content"], row["post_excerpt"],
        )
        for row in rows
    )  # fmt: skip


def oracle_posts() -> tuple[OraclePost, ...]:
    """Every row of `wp_posts` in the oracle's dump; skips the calling test if it is absent."""
    if not oracle_available():
        pytest.skip(f"the oracle SQL dump is absent ({ORACLE}); set PRESSBOX_ORACLE")
    return _oracle_posts()


# --- inputs and contexts shared by the tests -------------------------------------------------

# Pieces that exercise every branch of the formatting steps; the generated documents are
# random sequences of them (plus a few raw characters).
FRAGMENTS: tuple[str, ...] = (
    # words, contractions, numbers, primes, entities
    "Hello", "world", "Wordpress", "WordPress", "it's", "can't", "rock'n'roll", "'tis", "'cause",
    "'em", "'til", "'tain't", "1990's", "'99", "'99s", "'99%", "'0.42'", '"42"', "9'", '9"',
    "12'6\"", "3x4", "0x12", "1.5x2", "xn--", " (tm)", "...", "``", "''", "&", "&amp;", "&#038;",
    "&nbsp;", "&foo;", "&#x41;", "&lt;", "&gt;", "AT&T", "&éa;", "é", "\u00a0", "💡", "a", "b",
    "x", "0",
    # punctuation and blanks
    "'", '"', "-", "--", "---", " - ", " -- ", ".", ",", ";", ":", "!", "?", "(", ")", "[", "]",
    "{", "}", "<", ">", "/", "`", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\n\n\n", " \n ",
    # HTML
    "<p>", "</p>", "<p class=\"x\">", "<pre>", "</pre>", "<pre class=\"x\">", "<code>", "</code>",
    "<kbd>", "</kbd>", "<tt>", "</tt>", "<style>", "</style>", "<script>", "</script>", "<div>",
    "</div>", "<div class='a'>", "<span>", "</span>", "<b>", "</b>", "<em>", "</em>",
    "<a href=\"http://x.y/?a=1&b=2\">", "</a>", "<img src=\"a.jpg\" alt=\"it's\" />", "<br>",
    "<br/>", "<br />", "<hr>", "<hr />", "<blockquote>", "</blockquote>", "<ul>", "<li>", "</li>",
    "</ul>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<select>", "<option>",
    "</option>", "</select>", "<object>", "<param name=\"a\">", "<embed src=\"x\">", "</object>",
    "<video>", "<source src=\"a\">", "<track src=\"b\">", "</video>", "<audio>", "</audio>",
    "<figure>", "<figcaption>", "</figcaption>", "</figure>", "<svg>", "</svg>", "<math>",
    "</math>", "<h2>", "</h2>", "<section>", "</section>", "<details>", "<summary>", "<address>",
    "</address>", "<form>", "</form>", "<textarea>", "</textarea>", "<custom-el>", "</custom-el>",
    "<!-- c -->", "<!--more-->", "<!--nextpage-->", "<!-- wp:paragraph -->",
    "<!-- /wp:paragraph -->", "<![CDATA[ x ]]>", "<?php echo 1; ?>", "<!DOCTYPE html>",
    "<sup data-fn=\"f1\" class=\"fn\"><a href=\"#f1\" id=\"f1-link\">1</a></sup>",
    # shortcodes, registered or not
    "[caption]", "[/caption]", "[caption id=\"a\" width=\"1\"]", "[gallery]",
    "[gallery ids=\"1,2\"]", "[[gallery]]", "[code]", "[/code]", "[embed]http://x.y[/embed]",
    "[audio src=\"a.mp3\"]", "[/audio]", "[video]", "[/video]", "[unknown]", "[/unknown]",
    "[playlist ids=\"1\" /]", "[gallery/]", "&#91;", "&#93;",
    # smilies
    ":)", ";)", ":-)", ":mrgreen:", ":???:", ":?:", "8-)", ":D", ":P", "8O", ":!:",
)  # fmt: skip


def documents() -> Any:
    """A hypothesis strategy of documents built from FRAGMENTS."""
    from hypothesis import strategies as st

    piece = st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(alphabet="ab'\"-.x09 <>[]&;/\n", max_size=4),
    )
    return st.lists(piece, max_size=40).map("".join)


class FakeData:
    """ContentData with the oracle site's options; no posts."""

    def __init__(self, **options: Any) -> None:
        self.options = {"use_smilies": "1", "siteurl": SITE_URL, "home": SITE_URL, **options}

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)

    def home_url(self) -> str:
        return SITE_URL

    def uploads_base_url(self) -> str:
        return SITE_URL + "/wp-content/uploads"

    def post(self, post_id: int) -> Any:
        return None

    def post_meta(self, post_id: int, key: str) -> Any:
        return None

    def attachment(self, attachment_id: int) -> Any:
        return None

    def attachments_of(self, parent_id: int) -> list[Any]:
        return []

    def permalink(self, post_id: int) -> str:
        return f"{SITE_URL}/?p={post_id}"

    def recent_posts(self, count: int, **filters: Any) -> list[Any]:
        return []


def make_ctx(post_content: str = "", **options: Any) -> Any:
    """A RenderContext for post 1 with the given content and options."""
    from pressbox.content.context import PostData, RenderContext

    return RenderContext(PostData(id=1, post_content=post_content), FakeData(**options))
