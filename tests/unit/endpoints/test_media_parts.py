"""The pure parts of the attachments controller: media details, sizes, files, schema, URLs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pressbox.content.context import Attachment
from pressbox.endpoints.media_prepare import (
    attachment_filesize,
    can_resize,
    exif_orientation,
    media_details,
    missing_image_sizes,
    original_file,
    registered_subsizes,
    uploaded_path,
)
from pressbox.registry import core_registries
from pressbox.schema.media import (
    allowed_mime_types,
    attachment_collection_params,
    attachment_item_schema,
    media_types,
    wp_http_validate_url,
)
from pressbox.site_http import content_type, etag_for, parse_range

from ..content.test_media_html import UPLOADS, FakeSite, image, make_ctx, media

PHOTO = image(5, "2024/01/photo.jpg", 1200, 800, {"medium": (300, 200), "thumbnail": (150, 150)})


def with_meta(att: Attachment, **meta: Any) -> Attachment:
    return Attachment(post=att.post, file=att.file, metadata={**att.metadata, **meta}, alt=att.alt)


# -- media details ----------------------------------------------------------------------------


def test_media_details_rename_mime_type_and_add_urls_and_full() -> None:
    details = media_details(make_ctx(FakeSite().add(PHOTO)), PHOTO)
    assert list(details) == ["width", "height", "file", "sizes"]
    assert details["sizes"]["medium"] == {
        "file": "photo-300x200.jpg",
        "width": 300,
        "height": 200,
        "mime_type": "image/jpeg",
        "source_url": f"{UPLOADS}/2024/01/photo-300x200.jpg",
    }
    assert list(details["sizes"]) == ["medium", "thumbnail", "full"]
    assert details["sizes"]["full"]["source_url"] == f"{UPLOADS}/2024/01/photo.jpg"
    assert PHOTO.metadata["sizes"]["medium"]["mime-type"] == "image/jpeg"  # not modified


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({}, {}),
        ({"length": 3}, {"length": 3, "sizes": {}}),
        ({"sizes": {}, "length": 3}, {"sizes": {}, "length": 3}),  # the key keeps its place
        ({"length": 3, "tags": {}}, {"length": 3, "tags": [], "sizes": {}}),  # PHP's array()
        ({"list": {0: "a", 1: "b"}}, {"list": ["a", "b"], "sizes": {}}),
    ],
)
def test_media_details_of_files(metadata: dict[str, Any], expected: dict[str, Any]) -> None:
    song = media(7, "2024/01/song.mp3", "audio/mpeg")
    song = Attachment(post=song.post, file=song.file, metadata=metadata)
    assert media_details(make_ctx(FakeSite().add(song)), song) == expected


@pytest.mark.parametrize(
    ("image_meta", "expected"),
    [
        (None, 1),
        ({}, 1),
        ({"orientation": "0"}, 1),
        ({"orientation": "6"}, 6),
        ({"orientation": 3}, 3),
    ],
)
def test_exif_orientation(image_meta: Any, expected: int) -> None:
    assert exif_orientation({} if image_meta is None else {"image_meta": image_meta}) == expected


# -- sizes ------------------------------------------------------------------------------------


def test_registered_subsizes_follow_the_options() -> None:
    site = FakeSite()
    site.options["thumbnail_crop"] = "1"
    site.options["large_size_w"] = "0"
    site.options["large_size_h"] = "0"  # a size with no dimensions is not registered
    assert registered_subsizes(site) == {
        "thumbnail": (150, 150, True),
        "medium": (300, 300, False),
        "medium_large": (768, 0, False),
        "1536x1536": (1536, 1536, False),
        "2048x2048": (2048, 2048, False),
    }


@pytest.mark.parametrize(
    ("orig", "dest", "crop", "expected"),
    [
        ((1200, 800), (150, 150), True, True),
        ((1200, 800), (768, 0), False, True),
        ((1200, 800), (1536, 1536), False, False),  # larger than the original
        ((1200, 800), (1200, 1200), False, False),  # the same size as the original
        ((1201, 800), (1200, 1200), False, False),  # within a pixel of it
        ((1300, 800), (1200, 1200), False, True),
        ((100, 1000), (150, 150), True, True),  # one side is enough to crop
        ((100, 100), (150, 150), True, False),
        ((0, 100), (150, 150), True, False),
        ((300, 200), (0, 0), False, False),
        ((300, 200), (0, 100), False, True),
        ((300, 200), (0, 300), False, False),
    ],
)
def test_can_resize(
    orig: tuple[int, int], dest: tuple[int, int], crop: bool, expected: bool
) -> None:
    assert can_resize(*orig, *dest, crop) is expected


def test_missing_image_sizes() -> None:
    site = FakeSite()
    site.options["thumbnail_crop"] = "1"
    ctx = make_ctx(site)
    assert missing_image_sizes(ctx, PHOTO) == ["medium_large", "large"]
    bare = image(8, "2024/01/bare.jpg", 100, 100, {})
    assert missing_image_sizes(ctx, Attachment(bare.post, bare.file, {})) == [
        "thumbnail", "medium", "medium_large", "large", "1536x1536", "2048x2048",
    ]  # fmt: skip
    assert missing_image_sizes(ctx, media(9, "2024/01/a.mp3", "audio/mpeg")) == []
    pdf = media(10, "2024/01/a.pdf", "application/pdf")
    pdf = Attachment(pdf.post, pdf.file, {"sizes": {"medium": {}}})
    assert missing_image_sizes(ctx, pdf) == ["thumbnail", "large"]


# -- files ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("att", "expected"),
    [
        (PHOTO, "2024/01/photo.jpg"),
        (with_meta(PHOTO, original_image="photo-orig.jpg"), "2024/01/photo-orig.jpg"),
        # Only images have originals.
        (
            Attachment(media(7, "a.mp3", "audio/mpeg").post, "a.mp3", {"original_image": "b"}),
            "a.mp3",
        ),
    ],
)
def test_original_file(att: Attachment, expected: str) -> None:
    assert original_file(att) == expected


def test_uploaded_path_stays_in_the_folder(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    assert uploaded_path("2024/a.jpg", tmp_path) == tmp_path.resolve() / "2024/a.jpg"
    assert uploaded_path("/var/www/wp-content/uploads/2024/a.jpg", tmp_path) == (
        tmp_path.resolve() / "2024/a.jpg"
    )
    assert uploaded_path("../etc/passwd", tmp_path) is None
    assert uploaded_path("/etc/passwd", tmp_path) is None
    assert uploaded_path("2024/a.jpg", None) is None
    assert uploaded_path("", tmp_path) is None


def test_attachment_filesize(tmp_path: Path) -> None:
    (tmp_path / "2024/01").mkdir(parents=True)
    (tmp_path / "2024/01/photo.jpg").write_bytes(b"12345")
    assert attachment_filesize(with_meta(PHOTO, filesize="42"), tmp_path) == 42
    assert attachment_filesize(with_meta(PHOTO, filesize=0), tmp_path) == 5  # from disk
    assert attachment_filesize(PHOTO, None) is None
    assert attachment_filesize(with_meta(PHOTO, file="x"), tmp_path / "none") is None


# -- schema -----------------------------------------------------------------------------------


def test_media_types_group_the_allowed_types_in_table_order() -> None:
    assert list(media_types()) == ["image", "video", "text", "application", "audio"]
    assert "text/html" not in media_types()["text"]
    assert "text/html" in media_types(unfiltered_html=True)["text"]
    assert not any(mime == "application/x-msdownload" for _e, mime in allowed_mime_types(True))


def test_item_schema_and_collection_params() -> None:
    registries = core_registries()
    post_type = registries.post_types.get("attachment")
    assert post_type is not None
    schema = attachment_item_schema(post_type, registries, lambda path: "http://x/wp-json" + path)
    props = list(schema["properties"])
    assert "password" not in props
    assert props[-15:] == [
        "alt_text", "caption", "description", "media_type", "mime_type", "media_details",
        "post", "source_url", "missing_image_sizes", "filename", "filesize",
        "exif_orientation", "image_quality", "image_output_format", "image_save_progressive",
    ]  # fmt: skip
    assert schema["properties"]["meta"]["properties"] == []
    quality = schema["properties"]["image_quality"]
    assert list(quality) == ["description", "type", "context", "readonly", "properties"]
    params = attachment_collection_params(post_type, registries, schema)
    assert params["status"]["default"] == "inherit"
    assert params["status"]["items"]["enum"] == ["inherit", "private", "trash"]
    assert list(params)[-2:] == ["media_type", "mime_type"]
    assert "parent" in params and "sticky" not in params


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://example.com/a.jpg", True),
        ("http://example.com:8080/a.jpg", True),
        ("http://example.com:8081/a.jpg", False),
        ("http://home.test:9000/a.jpg", True),  # the site's own port
        ("ftp://example.com/a.jpg", False),
        ("javascript:alert(1)", False),
        ("http://user:pw@example.com/a.jpg", False),
        ("http://127.0.0.1/a.jpg", False),
        ("http://10.1.2.3/a.jpg", False),
        ("http://172.20.0.1/a.jpg", False),
        ("http://172.32.0.1/a.jpg", True),
        ("http://169.254.169.254/latest", False),
        ("http://100.64.0.1/", False),
        ("http://224.0.0.1/", False),
        ("http://8.8.8.8/a.jpg", True),
        ("http:///a.jpg", False),
        ("", False),
        ("123", False),
        (5, False),
    ],
)
def test_wp_http_validate_url(url: Any, valid: bool) -> None:
    assert wp_http_validate_url(url, "http://home.test:9000") is valid


# -- the file server's parts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "size", "expected"),
    [
        ("bytes=0-0", 10, (0, 0)),
        ("bytes=2-", 10, (2, 9)),
        ("bytes=-3", 10, (7, 9)),
        ("bytes=-30", 10, (0, 9)),
        ("bytes=5-100", 10, (5, 9)),
        (" Bytes = 1-2 ", 10, (1, 2)),
        ("bytes=10-", 10, False),
        ("bytes=10-12", 10, False),
        ("bytes=-0", 10, False),
        ("bytes=-1", 0, False),
        ("bytes=3-2", 10, None),
        ("bytes=0-1,3-4", 10, None),
        ("bytes=-", 10, None),
        ("bytes=x-1", 10, None),
        ("bytes=1", 10, None),
        ("lines=1-2", 10, None),
    ],
)
def test_parse_range(header: str, size: int, expected: object) -> None:
    assert parse_range(header, size) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.JPG", "image/jpeg"),
        ("a.jpe", "image/jpeg"),
        ("a.webp", "image/webp"),
        ("a.mov", "video/quicktime"),
        ("a.m4a", "audio/mpeg"),  # WordPress's table first
        ("a.svg", "image/svg+xml"),  # then the platform's
        ("noext", "application/octet-stream"),
    ],
)
def test_content_type(name: str, expected: str) -> None:
    assert content_type(name) == expected


def test_etag_is_nginx_shaped() -> None:
    assert etag_for(1024, 1700000000.9) == '"6553f100-400"'
