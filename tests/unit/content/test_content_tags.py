"""wp_filter_content_tags: dimensions, srcset/sizes, decoding/loading/fetchpriority, iframes."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from pressbox.content.content_tags import (
    LOADING_KEY,
    LoadingState,
    make_wp_filter_content_tags,
    wp_filter_content_tags,
    wp_get_loading_optimization_attributes,
    wp_img_tag_add_auto_sizes,
)
from pressbox.content.context import Attachment
from tests.php_cli import harness_folder, run_bootstrap

from .test_media_html import UPLOADS, FakeSite, image, make_ctx

PHOTO = image(
    5, "2024/01/photo.jpg", 1200, 800,
    {"medium": (300, 200), "large": (1024, 683), "thumbnail": (150, 150)},
)  # fmt: skip
SMALL = image(6, "2024/01/small.png", 150, 150, {}, mime="image/png")
EDITED = image(7, "2024/01/pic-e1700000000000.jpg", 600, 400, {"medium": (300, 200)})
SITE = FakeSite().add(PHOTO, SMALL, EDITED)

SRCSET = (
    f"{UPLOADS}/2024/01/photo-300x200.jpg 300w, {UPLOADS}/2024/01/photo-1024x683.jpg 1024w, "
    f"{UPLOADS}/2024/01/photo.jpg 1200w"
)
FULL_SRCSET = (
    f"{UPLOADS}/2024/01/photo.jpg 1200w, {UPLOADS}/2024/01/photo-300x200.jpg 300w, "
    f"{UPLOADS}/2024/01/photo-1024x683.jpg 1024w"
)

CASES = [
    (
        "dimensions, srcset, lazy and auto sizes",
        f'<p><img class="wp-image-5" src="{UPLOADS}/2024/01/photo-300x200.jpg" alt="" /></p>',
        f'<p><img loading="lazy" decoding="async" width="300" height="200" class="wp-image-5" '
        f'src="{UPLOADS}/2024/01/photo-300x200.jpg" alt="" srcset="{SRCSET}" '
        'sizes="auto, (max-width: 300px) 100vw, 300px" /></p>',
    ),
    (
        "given dimensions choose the srcset",
        f'<img src="{UPLOADS}/2024/01/photo.jpg" width="600" height="400" class="size-full wp-image-5">',
        f'<img loading="lazy" decoding="async" src="{UPLOADS}/2024/01/photo.jpg" width="600" '
        f'height="400" class="size-full wp-image-5" srcset="{FULL_SRCSET}" '
        'sizes="auto, (max-width: 600px) 100vw, 600px" />',
    ),
    (
        "query strings are ignored when matching files",
        f'<img class="wp-image-5" src="{UPLOADS}/2024/01/photo.jpg?w=300" width="300" alt="" />',
        f'<img decoding="async" class="wp-image-5" src="{UPLOADS}/2024/01/photo.jpg?w=300" '
        f'width="300" alt="" srcset="{FULL_SRCSET}" sizes="(max-width: 1200px) 100vw, 1200px" />',
    ),
    (
        "width from an inline style",
        f'<img class="wp-image-5" style="width: 600px;" src="{UPLOADS}/2024/01/photo.jpg">',
        f'<img loading="lazy" decoding="async" width="600" height="400" class="wp-image-5" '
        f'style="width: 600px;" src="{UPLOADS}/2024/01/photo.jpg" srcset="{FULL_SRCSET}" '
        'sizes="auto, (max-width: 600px) 100vw, 600px" />',
    ),
    (
        "existing sizes are kept (no second sizes)",
        f'<img class="wp-image-5" src="{UPLOADS}/2024/01/photo.jpg" sizes="50vw" width="1200" height="800">',
        f'<img loading="lazy" decoding="async" class="wp-image-5" src="{UPLOADS}/2024/01/photo.jpg" '
        f'sizes="auto, 50vw" width="1200" height="800" srcset="{FULL_SRCSET}" />',
    ),
    (
        "no sub-sizes: no srcset",
        f'<img class="wp-image-6" src="{UPLOADS}/2024/01/small.png">',
        f'<img loading="lazy" decoding="async" width="150" height="150" class="wp-image-6" '
        f'src="{UPLOADS}/2024/01/small.png">',
    ),
    (
        "unknown attachment: loading attributes only",
        '<img class="wp-image-404" src="http://x/y.jpg" width="10" height="10">',
        '<img loading="lazy" decoding="async" class="wp-image-404" src="http://x/y.jpg" width="10" height="10">',
    ),
    (
        "edited image with an old file name",
        f'<img class="wp-image-7" src="{UPLOADS}/2024/01/pic.jpg" width="600" height="400">',
        f'<img loading="lazy" decoding="async" class="wp-image-7" src="{UPLOADS}/2024/01/pic.jpg" '
        'width="600" height="400">',
    ),
    (
        "no double-quoted src: untouched",
        "<img src='x.jpg' width='10' height='10'>",
        "<img src='x.jpg' width='10' height='10'>",
    ),
    (
        "single-quoted dimensions: decoding only",
        "<img src=\"x.jpg\" width='10' height='10'>",
        "<img decoding=\"async\" src=\"x.jpg\" width='10' height='10'>",
    ),
    (
        "explicit loading and decoding are respected",
        '<img src="x.jpg" width="10" height="10" loading="lazy" decoding="sync">',
        '<img src="x.jpg" width="10" height="10" loading="lazy" decoding="sync">',
    ),
    (
        "eager and large: fetchpriority high",
        '<img src="x.jpg" width="400" height="300" loading="eager">',
        '<img fetchpriority="high" decoding="async" src="x.jpg" width="400" height="300" loading="eager">',
    ),
    (
        "eager but small: nothing more",
        '<img src="x.jpg" width="40" height="30" loading="eager">',
        '<img decoding="async" src="x.jpg" width="40" height="30" loading="eager">',
    ),
    (
        "fetchpriority low is never lazy",
        '<img src="x.jpg" width="400" height="300" fetchpriority="low">',
        '<img decoding="async" src="x.jpg" width="400" height="300" fetchpriority="low">',
    ),
    (
        "duplicates are filtered once, replaced everywhere",
        '<img src="a.jpg" width="1" height="1"> and <img src="a.jpg" width="1" height="1">',
        '<img loading="lazy" decoding="async" src="a.jpg" width="1" height="1"> and '
        '<img loading="lazy" decoding="async" src="a.jpg" width="1" height="1">',
    ),
    (
        "iframes with dimensions",
        '<iframe src="https://v.example/1" width="560" height="315"></iframe>',
        '<iframe loading="lazy" src="https://v.example/1" width="560" height="315"></iframe>',
    ),
    (
        "iframes without dimensions or with loading",
        '<iframe src="https://v/1"></iframe><iframe src="https://v/2" width="1" height="1" loading="eager"></iframe>',
        '<iframe src="https://v/1"></iframe><iframe src="https://v/2" width="1" height="1" loading="eager"></iframe>',
    ),
    ("uppercase tags are not matched", '<IMG src="x.jpg" width="1" height="1">', '<IMG src="x.jpg" width="1" height="1">'),
    ("no tags", "<p>text</p>", "<p>text</p>"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "html", "expected"), CASES, ids=[c[0] for c in CASES])
def test_wp_filter_content_tags(name: str, html: str, expected: str) -> None:
    assert wp_filter_content_tags(html, make_ctx(SITE)) == expected


def test_fetchpriority_high_once_per_state() -> None:
    ctx = make_ctx(SITE)
    tag = '<img src="{}" width="400" height="300" loading="eager">'
    html = tag.format("a.jpg") + tag.format("b.jpg")
    out = wp_filter_content_tags(html, ctx)
    assert out.count('fetchpriority="high"') == 1
    again = wp_filter_content_tags(tag.format("c.jpg"), ctx)
    assert "fetchpriority" not in again  # the flag is spent for this render (or request)


def test_in_the_loop_first_media_are_not_lazy() -> None:
    ctx = make_ctx(SITE)
    ctx.state[LOADING_KEY] = LoadingState(in_the_loop=True)
    html = "".join(
        f'<img src="{n}.jpg" width="{w}" height="300">'
        for n, w in zip("abcde", (10, 400, 10, 400, 400), strict=True)
    )
    out = wp_filter_content_tags(html, ctx)
    assert out.split("><") == [
        '<img decoding="async" src="a.jpg" width="10" height="300"',
        'img fetchpriority="high" decoding="async" src="b.jpg" width="400" height="300"',
        'img decoding="async" src="c.jpg" width="10" height="300"',
        'img loading="lazy" decoding="async" src="d.jpg" width="400" height="300"',
        'img loading="lazy" decoding="async" src="e.jpg" width="400" height="300">',
    ]
    assert ctx.state[LOADING_KEY].content_media_count == 5


@pytest.mark.parametrize(
    ("attr", "context", "expected"),
    [
        ({"width": 1, "height": 1}, "the_content", {"decoding": "async", "loading": "lazy"}),
        ({"width": 1, "height": 1}, "do_shortcode", {}),
        ({"width": 1}, "the_content", {"decoding": "async"}),
        ({"width": 1, "height": 1, "decoding": "sync"}, "the_content", {"decoding": "sync", "loading": "lazy"}),
        ({"width": 1, "height": 1, "fetchpriority": "auto"}, "the_content", {"decoding": "async", "fetchpriority": "auto", "loading": "lazy"}),
        ({"width": 1, "height": 1}, "template", {}),
    ],
)  # fmt: skip
def test_wp_get_loading_optimization_attributes(
    attr: dict[str, object], context: str, expected: dict[str, str]
) -> None:
    assert wp_get_loading_optimization_attributes(make_ctx(SITE), "img", attr, context) == expected


def test_step_for_another_filter() -> None:
    step = make_wp_filter_content_tags("the_excerpt")
    assert step.__name__ == "wp_filter_content_tags[the_excerpt]"
    html = '<img src="x.jpg" width="1" height="1">'
    assert step(html, make_ctx(SITE)) == wp_filter_content_tags(html, make_ctx(SITE))


def test_iframes_never_get_fetchpriority() -> None:
    attrs = wp_get_loading_optimization_attributes(
        make_ctx(SITE), "iframe", {"width": 100, "height": 100, "loading": "eager"}, "the_content"
    )
    assert attrs == {}


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<img loading="lazy" width="1" sizes="10px">',
            '<img loading="lazy" width="1" sizes="auto, 10px">',
        ),
        (
            "<img loading='LAZY' width='1' sizes='10px'>",
            "<img loading='LAZY' width='1' sizes=\"auto, 10px\">",
        ),
        (
            '<img loading="lazy" width="1" sizes="Auto, 10px">',
            '<img loading="lazy" width="1" sizes="Auto, 10px">',
        ),
        ('<img loading="lazy" sizes="10px">', '<img loading="lazy" sizes="10px">'),
        (
            '<img loading="eager" width="1" sizes="10px">',
            '<img loading="eager" width="1" sizes="10px">',
        ),
        ('<img loading="lazy" width="1">', '<img loading="lazy" width="1">'),
    ],
)
def test_wp_img_tag_add_auto_sizes(html: str, expected: str) -> None:
    assert wp_img_tag_add_auto_sizes(html) == expected


class BatchingSite(FakeSite):
    def __init__(self, items: Iterable[Attachment]) -> None:
        super().__init__()
        self.add(*items)
        self.batches: list[list[int]] = []

    def attachments(self, ids: list[int]) -> dict[int, Attachment]:
        self.batches.append(list(ids))
        return {i: self.attachments_by_id[i] for i in ids if i in self.attachments_by_id}


def test_attachments_are_looked_up_in_one_batch() -> None:
    site = BatchingSite([PHOTO, SMALL])
    html = "".join(
        f'<img class="wp-image-{i}" src="{UPLOADS}/2024/01/x.jpg">' for i in (5, 6, 404, 5)
    )
    wp_filter_content_tags(html, make_ctx(site))
    assert site.batches == [[5, 6, 404]]
    assert site.lookups == []


# --- differential run against WordPress's media.php ------------------------------------------

_FILES = (
    "plugin.php", "compat.php", "utf8.php", "formatting.php", "kses.php", "class-wp-token-map.php",
    "html-api/html5-named-character-references.php", "html-api/class-wp-html-attribute-token.php",
    "html-api/class-wp-html-span.php", "html-api/class-wp-html-text-replacement.php",
    "html-api/class-wp-html-decoder.php", "html-api/class-wp-html-doctype-info.php",
    "html-api/class-wp-html-tag-processor.php",
)  # fmt: skip
_MEDIA = (
    "wp_filter_content_tags", "wp_img_tag_add_auto_sizes", "wp_sizes_attribute_includes_valid_auto",
    "wp_img_tag_add_loading_optimization_attrs", "wp_img_tag_add_width_and_height_attr",
    "wp_img_tag_add_srcset_and_sizes_attr", "wp_iframe_tag_add_loading_attr",
    "wp_lazy_loading_enabled", "wp_get_loading_optimization_attributes",
    "wp_omit_loading_attr_threshold", "wp_increase_content_media_count",
    "wp_maybe_add_fetchpriority_high_attr", "wp_high_priority_element_flag",
    "wp_image_add_srcset_and_sizes", "wp_image_src_get_dimensions", "wp_calculate_image_srcset",
    "wp_calculate_image_sizes", "image_hwstring", "wp_image_matches_ratio",
    "wp_constrain_dimensions", "_wp_get_attachment_relative_path",
)  # fmt: skip
_BOOTSTRAP = r"""<?php
error_reporting( E_ALL & ~E_DEPRECATED );
define( 'ABSPATH', __DIR__ . '/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_TEMPLATE_PART_AREA_HEADER', 'header' );
function get_option( $name, $default = false ) { return 'blog_charset' === $name ? 'UTF-8' : $default; }
function __( $text, $domain = 'default' ) { return $text; }
function is_utf8_charset( $charset = null ) { return true; }
function _canonical_charset( $charset ) { return 'UTF-8'; }
function _doing_it_wrong( ...$args ) {}
function wp_allowed_protocols() { return array( 'http', 'https' ); }
function wp_parse_url( $url, $component = -1 ) { return parse_url( $url, $component ); }
function wp_fuzzy_number_match( $a, $b, $p = 1 ) { return abs( (float) $a - (float) $b ) <= $p; }
function absint( $v ) { return abs( (int) $v ); }
function is_admin() { return false; }
function is_ssl() { return false; }
function in_the_loop() { return false; }
function is_main_query() { return false; }
function _prime_post_caches( ...$a ) {}
function wp_get_upload_dir() { return array( 'baseurl' => '%UPLOADS%', 'error' => false ); }
function wp_get_attachment_metadata( $id ) { return $GLOBALS['h_meta'][ $id ] ?? false; }
class H_Query { public $before_loop = false; public function is_main_query() { return false; } }
$GLOBALS['wp_query'] = new H_Query();
foreach ( %FILES% as $f ) { require __DIR__ . '/wp-includes/' . $f; }
require __DIR__ . '/extracted.php';
add_filter( 'the_content', 'wp_filter_content_tags', 12 );
$in = json_decode( stream_get_contents( STDIN ), true );
$GLOBALS['h_meta'] = array();
foreach ( $in['meta'] as $pair ) { $GLOBALS['h_meta'][ $pair[0] ] = $pair[1]; }
$out = array();
foreach ( $in['html'] as $html ) { $out[] = apply_filters( 'the_content', $html ); }
echo json_encode( $out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
"""


@cache
def _php_folder() -> Path | str:
    bootstrap = _BOOTSTRAP.replace("%UPLOADS%", UPLOADS)
    return harness_folder("content-tags", _FILES, {"media.php": _MEDIA}, bootstrap)


def _wordpress_content_tags(meta: list[list[object]], documents: list[str]) -> list[str]:
    result: list[str] = run_bootstrap(_php_folder(), {"meta": meta, "html": documents})
    return result


@pytest.mark.php
def test_content_tags_match_php() -> None:
    documents = [html for _, html, _ in CASES] + [
        '<img src="x.jpg" width="400" height="300" loading="eager">',
        '<img src="y.jpg" width="400" height="300" fetchpriority="high" loading="lazy">',
        f'<img class="wp-image-5 wp-image-6" src="{UPLOADS}/2024/01/photo-1024x683.jpg" alt="">',
        f'<img class="wp-image-5" data-src="{UPLOADS}/2024/01/photo.jpg" src="{UPLOADS}/2024/01/photo.jpg">',
        '<img\nsrc="x.jpg" width="2" height="2" />',
    ]
    meta = [[a.post.id, dict(a.metadata)] for a in (PHOTO, SMALL, EDITED)]
    expected = _wordpress_content_tags(meta, documents)
    ctx = make_ctx(SITE)  # one state for all, as WordPress's statics live for the request
    for html, want in zip(documents, expected, strict=True):
        assert wp_filter_content_tags(html, ctx) == want, html
