"""Attachment image markup (media_html): sizes, srcset, `<img>` and attachment links.

Also home of `FakeSite`, the in-memory rendering data that the shortcode, embed and content-tag
tests share (`from test_media_html import FakeSite, image`).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pressbox.content.context import Attachment, PostData, RenderContext
from pressbox.content.media_html import (
    image_constrain_size_for_editor,
    image_downsize,
    image_get_intermediate_size,
    wp_calculate_image_sizes,
    wp_calculate_image_srcset,
    wp_constrain_dimensions,
    wp_get_attachment_image,
    wp_get_attachment_image_src,
    wp_get_attachment_link,
    wp_get_attachment_url,
    wp_image_matches_ratio,
    wp_image_src_get_dimensions,
)
from tests.php_cli import harness_folder, run_bootstrap

HOME = "http://example.org"
UPLOADS = f"{HOME}/wp-content/uploads"
OPTIONS = {
    "thumbnail_size_w": "150",
    "thumbnail_size_h": "150",
    "medium_size_w": "300",
    "medium_size_h": "300",
    "medium_large_size_w": "768",
    "medium_large_size_h": "0",
    "large_size_w": "1024",
    "large_size_h": "1024",
}


def image(
    att_id: int,
    file: str,
    width: int,
    height: int,
    sizes: dict[str, tuple[int, int]] | None = None,
    *,
    parent: int = 0,
    alt: str = "",
    excerpt: str = "",
    title: str = "",
    mime: str = "image/jpeg",
    menu_order: int = 0,
) -> Attachment:
    """An image attachment with WordPress-shaped metadata (sub-sizes named `name-WxH.ext`)."""
    stem, ext = file.rsplit("/", 1)[-1].rsplit(".", 1)
    meta_sizes = {
        name: {"file": f"{stem}-{w}x{h}.{ext}", "width": w, "height": h, "mime-type": mime}
        for name, (w, h) in (sizes or {}).items()
    }
    post = PostData(
        id=att_id,
        post_type="attachment",
        post_status="inherit",
        post_title=title or stem,
        post_excerpt=excerpt,
        post_name=stem,
        post_parent=parent,
        post_mime_type=mime,
        guid=f"{UPLOADS}/{file}",
        menu_order=menu_order,
    )
    meta: dict[str, Any] = {"width": width, "height": height, "file": file, "sizes": meta_sizes}
    return Attachment(post=post, file=file, metadata=meta, alt=alt)


def media(att_id: int, file: str, mime: str, *, parent: int = 0) -> Attachment:
    """An audio or video attachment."""
    post = PostData(
        id=att_id, post_type="attachment", post_status="inherit", post_parent=parent,
        post_mime_type=mime, post_name=file.rsplit("/", 1)[-1], guid=f"{UPLOADS}/{file}",
    )  # fmt: skip
    return Attachment(post=post, file=file, metadata={})


@dataclass
class FakeSite:
    """ContentData over dictionaries; counts lookups so tests can check batching."""

    attachments_by_id: dict[int, Attachment] = field(default_factory=dict)
    posts: dict[int, PostData] = field(default_factory=dict)
    meta: dict[tuple[int, str], Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=lambda: dict(OPTIONS))
    lookups: list[int] = field(default_factory=list)

    def add(self, *items: Attachment) -> FakeSite:
        for att in items:
            self.attachments_by_id[att.post.id] = att
        return self

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)

    def home_url(self) -> str:
        return HOME

    def uploads_base_url(self) -> str:
        return UPLOADS

    def post(self, post_id: int) -> PostData | None:
        att = self.attachments_by_id.get(post_id)
        return att.post if att else self.posts.get(post_id)

    def post_meta(self, post_id: int, key: str) -> Any:
        return self.meta.get((post_id, key))

    def attachment(self, attachment_id: int) -> Attachment | None:
        self.lookups.append(attachment_id)
        return self.attachments_by_id.get(attachment_id)

    def attachments_of(self, parent_id: int) -> Sequence[Attachment]:
        found = [
            a
            for a in self.attachments_by_id.values()
            if a.post.post_parent == parent_id and a.post.post_mime_type.startswith("image/")
        ]
        return sorted(found, key=lambda a: (a.post.menu_order, a.post.id))

    def attached_media(self, parent_id: int, kind: str) -> Sequence[Attachment]:
        found = [
            a
            for a in self.attachments_by_id.values()
            if a.post.post_parent == parent_id and a.post.post_mime_type.startswith(kind + "/")
        ]
        return sorted(found, key=lambda a: (a.post.menu_order, a.post.id))

    def permalink(self, post_id: int) -> str:
        post = self.post(post_id)
        if post is not None and post.post_type == "attachment":
            return f"{HOME}/?attachment_id={post_id}"
        return f"{HOME}/?p={post_id}"

    def recent_posts(self, count: int, **filters: Any) -> Sequence[PostData]:
        return []


def make_ctx(site: FakeSite, post: PostData | None = None) -> RenderContext:
    return RenderContext(post=post or PostData(id=10), data=site)


PHOTO = image(
    5, "2024/01/photo.jpg", 1200, 800,
    {"medium": (300, 200), "large": (1024, 683), "thumbnail": (150, 150), "medium_large": (768, 512)},
    alt="A <b>photo</b> ",
)  # fmt: skip
TALL = image(6, "2024/01/tall.jpg", 600, 900, {"medium": (200, 300), "thumbnail": (150, 150)})
HUGE = image(
    7, "2024/01/huge.jpg", 4000, 2000,
    {"large": (1024, 512), "2048x2048": (2048, 1024), "2560w": (2560, 1280)},
)  # fmt: skip
GIF = image(8, "2024/01/anim.gif", 300, 200, {"thumbnail": (150, 100)}, mime="image/gif")
SITE = FakeSite().add(PHOTO, TALL, HUGE, GIF)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((640, 480, 150, 150), (150, 113)),
        ((1200, 800, 300, 300), (300, 200)),
        ((800, 1200, 300, 300), (200, 300)),
        ((100, 50, 300, 300), (100, 50)),
        ((1200, 800, 0, 0), (1200, 800)),
        ((1200, 800, 768, 0), (768, 512)),
        ((3, 1000, 1, 1), (1, 1)),
        ((1000, 667, 300, 0), (300, 200)),
    ],
)
def test_wp_constrain_dimensions(
    args: tuple[int, int, int, int], expected: tuple[int, int]
) -> None:
    assert wp_constrain_dimensions(*args) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((1200, 800, 300, 200), True),
        ((1200, 800, 150, 150), False),
        ((640, 480, 300, 225), True),
        ((300, 201, 1200, 800), True),
    ],
)
def test_wp_image_matches_ratio(args: tuple[int, int, int, int], expected: bool) -> None:
    assert wp_image_matches_ratio(*args) is expected


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ("thumbnail", (f"{UPLOADS}/2024/01/photo-150x150.jpg", 150, 150, True)),
        ("medium", (f"{UPLOADS}/2024/01/photo-300x200.jpg", 300, 200, True)),
        ("large", (f"{UPLOADS}/2024/01/photo-1024x683.jpg", 1024, 683, True)),
        ("full", (f"{UPLOADS}/2024/01/photo.jpg", 1200, 800, False)),
        ("post-thumbnail", (f"{UPLOADS}/2024/01/photo.jpg", 1200, 800, False)),
        ((300, 200), (f"{UPLOADS}/2024/01/photo-300x200.jpg", 300, 200, True)),
        ((600, 400), (f"{UPLOADS}/2024/01/photo-768x512.jpg", 600, 400, True)),
        ((100, 100), (f"{UPLOADS}/2024/01/photo-150x150.jpg", 100, 100, True)),
        ((300, 300), (f"{UPLOADS}/2024/01/photo.jpg", 300, 200, False)),
    ],
)
def test_image_downsize(size: Any, expected: tuple[str, int, int, bool]) -> None:
    assert image_downsize(make_ctx(SITE), PHOTO, size) == expected


def test_image_downsize_constrains_registered_sizes_without_a_file() -> None:
    # A 'medium' request on an image without that sub-size serves the original, shrunk.
    assert image_downsize(make_ctx(SITE), HUGE, "medium") == (
        f"{UPLOADS}/2024/01/huge.jpg",
        300,
        150,
        False,
    )
    assert image_downsize(make_ctx(SITE), HUGE, "2048x2048")[1:3] == (2048, 1024)  # type: ignore[index]


def test_image_get_intermediate_size_adds_path_and_url() -> None:
    data = image_get_intermediate_size(make_ctx(SITE), PHOTO, "medium")
    assert data is not None
    assert data["path"] == "2024/01/photo-300x200.jpg"
    assert data["url"] == f"{UPLOADS}/2024/01/photo-300x200.jpg"
    assert image_get_intermediate_size(make_ctx(SITE), PHOTO, "nope") is None


def test_constrain_size_for_editor_uses_options() -> None:
    site = FakeSite(options={**OPTIONS, "medium_size_w": "100", "medium_size_h": "100"})
    assert image_constrain_size_for_editor(make_ctx(site), 1200, 800, "medium") == (100, 67)
    assert image_constrain_size_for_editor(make_ctx(site), 1200, 800, "full") == (1200, 800)


def test_attachment_url_and_non_images() -> None:
    ctx = make_ctx(SITE)
    assert wp_get_attachment_url(ctx, PHOTO) == f"{UPLOADS}/2024/01/photo.jpg"
    legacy = image(9, "/var/www/wp-content/uploads/2010/05/old.jpg", 10, 10)
    assert wp_get_attachment_url(ctx, legacy) == f"{UPLOADS}/2010/05/old.jpg"
    song = media(11, "2024/01/song.mp3", "audio/mpeg")
    assert image_downsize(ctx, song, "thumbnail") is None
    assert wp_get_attachment_image_src(ctx, 404) is None


SRCSET_CASES = [
    (
        "src first, same ratio only",
        PHOTO, (300, 200), f"{UPLOADS}/2024/01/photo-300x200.jpg",
        f"{UPLOADS}/2024/01/photo-300x200.jpg 300w, {UPLOADS}/2024/01/photo-1024x683.jpg 1024w, "
        f"{UPLOADS}/2024/01/photo-768x512.jpg 768w, {UPLOADS}/2024/01/photo.jpg 1200w",
    ),
    ("cropped size has no alternatives", PHOTO, (150, 150), f"{UPLOADS}/2024/01/photo-150x150.jpg", None),
    ("src must be one of the files", PHOTO, (300, 200), "http://elsewhere/photo.jpg", None),
    (
        "wider than 2048 is left out",
        HUGE, (1024, 512), f"{UPLOADS}/2024/01/huge-1024x512.jpg",
        f"{UPLOADS}/2024/01/huge-1024x512.jpg 1024w, {UPLOADS}/2024/01/huge-2048x1024.jpg 2048w",
    ),
    ("gif full size is never offered", GIF, (300, 200), f"{UPLOADS}/2024/01/anim.gif", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "att", "size", "src", "expected"), SRCSET_CASES, ids=[c[0] for c in SRCSET_CASES]
)
def test_wp_calculate_image_srcset(
    name: str, att: Attachment, size: tuple[int, int], src: str, expected: str | None
) -> None:
    assert wp_calculate_image_srcset(make_ctx(SITE), size, src, att.metadata) == expected


def test_wp_calculate_image_sizes() -> None:
    assert wp_calculate_image_sizes((300, 200)) == "(max-width: 300px) 100vw, 300px"
    assert wp_calculate_image_sizes((0, 200)) is None


def test_wp_image_src_get_dimensions() -> None:
    meta = PHOTO.metadata
    assert wp_image_src_get_dimensions(f"{UPLOADS}/2024/01/photo.jpg", meta) == (1200, 800)
    assert wp_image_src_get_dimensions(f"{UPLOADS}/2024/01/photo-300x200.jpg", meta) == (300, 200)
    assert wp_image_src_get_dimensions(f"{UPLOADS}/2024/01/other.jpg", meta) is None
    assert wp_image_src_get_dimensions("x.jpg", None) is None


IMAGE_CASES = [
    (
        "inside the_content: no loading attributes",
        dict(attachment_id=5, size="medium"),
        f'<img width="300" height="200" src="{UPLOADS}/2024/01/photo-300x200.jpg" '
        'class="attachment-medium size-medium" alt="A photo" '
        f'srcset="{UPLOADS}/2024/01/photo-300x200.jpg 300w, {UPLOADS}/2024/01/photo-1024x683.jpg 1024w, '
        f'{UPLOADS}/2024/01/photo-768x512.jpg 768w, {UPLOADS}/2024/01/photo.jpg 1200w" '
        'sizes="(max-width: 300px) 100vw, 300px" />',
    ),
    (
        "outside the_content: lazy, async, auto sizes",
        dict(attachment_id=5, size="thumbnail", doing_the_content=False),
        f'<img width="150" height="150" src="{UPLOADS}/2024/01/photo-150x150.jpg" '
        'class="attachment-thumbnail size-thumbnail" alt="A photo" decoding="async" loading="lazy" />',
    ),
    (
        "extra attributes follow the defaults",
        dict(attachment_id=6, size="thumbnail", attr={"aria-describedby": "g-6", "class": "x y"}),
        f'<img width="150" height="150" src="{UPLOADS}/2024/01/tall-150x150.jpg" class="x y" '
        'alt="" aria-describedby="g-6" />',
    ),
    (
        "array size",
        dict(attachment_id=6, size=(100, 100)),
        f'<img width="100" height="100" src="{UPLOADS}/2024/01/tall-150x150.jpg" '
        'class="attachment-100x100 size-100x100" alt="" />',
    ),
    (
        "lazy with srcset gets auto sizes",
        dict(attachment_id=6, size="medium", doing_the_content=False),
        f'<img width="200" height="300" src="{UPLOADS}/2024/01/tall-200x300.jpg" '
        'class="attachment-medium size-medium" alt="" decoding="async" loading="lazy" '
        f'srcset="{UPLOADS}/2024/01/tall-200x300.jpg 200w, {UPLOADS}/2024/01/tall.jpg 600w" '
        'sizes="auto, (max-width: 200px) 100vw, 200px" />',
    ),
    ("missing attachment", dict(attachment_id=404), ""),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "kwargs", "expected"), IMAGE_CASES, ids=[c[0] for c in IMAGE_CASES]
)
def test_wp_get_attachment_image(name: str, kwargs: dict[str, Any], expected: str) -> None:
    assert wp_get_attachment_image(make_ctx(SITE), **kwargs) == expected


def test_wp_get_attachment_link() -> None:
    ctx = make_ctx(SITE)
    thumb = f'<img width="150" height="150" src="{UPLOADS}/2024/01/tall-150x150.jpg" class="attachment-thumbnail size-thumbnail" alt="" />'
    assert wp_get_attachment_link(ctx, 6) == f"<a href='{UPLOADS}/2024/01/tall.jpg'>{thumb}</a>"
    assert (
        wp_get_attachment_link(ctx, 6, permalink=True)
        == f"<a href='{HOME}/?attachment_id=6'>{thumb}</a>"
    )
    assert (
        wp_get_attachment_link(ctx, 6, "none") == f"<a href='{UPLOADS}/2024/01/tall.jpg'>tall</a>"
    )
    assert (
        wp_get_attachment_link(ctx, 6, text="Go") == f"<a href='{UPLOADS}/2024/01/tall.jpg'>Go</a>"
    )
    assert wp_get_attachment_link(ctx, 404) == "Missing Attachment"


# --- differential runs against WordPress's media.php ------------------------------------------

_MEDIA_FUNCTIONS = {
    "media.php": (
        "image_constrain_size_for_editor", "image_downsize", "wp_constrain_dimensions",
        "wp_image_matches_ratio", "image_get_intermediate_size", "_wp_get_attachment_relative_path",
        "wp_calculate_image_srcset", "wp_calculate_image_sizes", "wp_image_src_get_dimensions",
        "wp_get_additional_image_sizes",
    ),
    "functions.php": ("path_join", "wp_fuzzy_number_match", "path_is_absolute"),
    "formatting.php": ("trailingslashit", "untrailingslashit", "wp_basename"),
}  # fmt: skip

_MEDIA_BOOTSTRAP = r"""<?php
error_reporting( E_ALL & ~E_DEPRECATED );
function apply_filters( $hook, $value, ...$args ) { return $value; }
function is_admin() { return false; }
function is_ssl() { return false; }
function wp_is_stream( $path ) { return false; }
function absint( $v ) { return abs( (int) $v ); }
function get_option( $name ) { return $GLOBALS['h_options'][ $name ] ?? false; }
function wp_get_upload_dir() { return array( 'baseurl' => '%UPLOADS%', 'error' => false ); }
function wp_get_attachment_metadata( $id ) { return $GLOBALS['h_meta']; }
function wp_get_attachment_url( $id ) { return '%UPLOADS%/' . $GLOBALS['h_meta']['file']; }
function wp_attachment_is_image( $id ) { return true; }
require __DIR__ . '/extracted.php';
$GLOBALS['_wp_additional_image_sizes'] = array(
	'1536x1536' => array( 'width' => 1536, 'height' => 1536, 'crop' => false ),
	'2048x2048' => array( 'width' => 2048, 'height' => 2048, 'crop' => false ),
);
$GLOBALS['h_options'] = json_decode( '%OPTIONS%', true );
$out = array();
foreach ( json_decode( stream_get_contents( STDIN ), true ) as $req ) {
	list( $meta, $size, $src ) = $req;
	$GLOBALS['h_meta'] = $meta;
	$down = image_downsize( 1, $size );
	$srcset = $down ? wp_calculate_image_srcset( array( $down[1], $down[2] ), $down[0], $meta, 1 ) : false;
	$out[] = array( $down, $srcset, wp_image_src_get_dimensions( $src, $meta, 1 ) );
}
echo json_encode( $out, JSON_UNESCAPED_SLASHES );
"""


@cache
def _php_folder() -> Path | str:
    bootstrap = _MEDIA_BOOTSTRAP.replace("%UPLOADS%", UPLOADS).replace(
        "%OPTIONS%", json.dumps(OPTIONS)
    )
    return harness_folder("media-html", (), _MEDIA_FUNCTIONS, bootstrap)


def _php_media(requests: list[Any]) -> list[Any]:
    result: list[Any] = run_bootstrap(_php_folder(), requests)
    return result


def _random_images(count: int) -> list[tuple[Attachment, Any, str]]:
    rng = random.Random(7)
    names = ["thumbnail", "medium", "medium_large", "large", "1536x1536", "2048x2048", "custom"]
    cases = []
    for i in range(count):
        width, height = rng.randint(50, 4000), rng.randint(50, 4000)
        sizes: dict[str, tuple[int, int]] = {}
        for name in rng.sample(names, rng.randint(0, len(names))):
            if name == "thumbnail":
                sizes[name] = (min(150, width), min(150, height))
            else:
                target = rng.choice([150, 300, 768, 1024, 1536, 2048, 2560])
                sizes[name] = wp_constrain_dimensions(width, height, target, target)
        att = image(100 + i, f"2024/0{1 + i % 9}/img{i}.jpg", width, height, sizes)
        size: Any = rng.choice([*names, "full", (rng.randint(10, 900), rng.randint(10, 900))])
        files = [
            f"{UPLOADS}/{att.file}",
            *(f"{UPLOADS}/x/{d['file']}" for d in att.metadata["sizes"].values()),
        ]
        cases.append((att, size, rng.choice(files)))
    return cases


@pytest.mark.php
def test_sizes_and_srcset_match_php() -> None:
    cases = _random_images(400)
    expected = _php_media(
        [[dict(a.metadata), list(s) if isinstance(s, tuple) else s, src] for a, s, src in cases]
    )
    for (att, size, src), want in zip(cases, expected, strict=True):
        site = FakeSite().add(att)
        ctx = make_ctx(site)
        down = wp_get_attachment_image_src(ctx, att.post.id, size)
        srcset = wp_calculate_image_srcset(ctx, down[1:3], down[0], att.metadata) if down else None
        dims = wp_image_src_get_dimensions(src, att.metadata)
        got = [list(down) if down else False, srcset or False, list(dims) if dims else False]
        assert got == want, (att.metadata, size)
