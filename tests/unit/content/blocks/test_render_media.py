"""Media blocks: image, gallery, video, file, cover."""

from __future__ import annotations

import pytest

from pressbox.content.context import Attachment, PostData

from .fakes import FakeSite, make_ctx, render

IMAGE = (
    '<!-- wp:image {{"id":{id}}} -->\n<figure class="wp-block-image"><img src="a.jpg" alt="" '
    'class="wp-image-{id}"/>{caption}</figure>\n<!-- /wp:image -->'
)


def test_gallery_images_get_data_id_and_the_gallery_a_unique_class() -> None:
    content = (
        '<!-- wp:gallery {"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images">'
        + IMAGE.format(id=5, caption="")
        + "</figure>\n<!-- /wp:gallery -->"
    )
    assert render(content, make_ctx()) == (
        '\n<figure class="wp-block-gallery has-nested-images wp-block-gallery-1 is-layout-flex '
        'wp-block-gallery-is-layout-flex">\n<figure class="wp-block-image"><img data-id="5" src="a.jpg" alt="" '
        'class="wp-image-5"/></figure>\n</figure>\n'
    )


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "<figcaption></figcaption>",
            '<figure class="wp-block-image"><img src="a.jpg" alt="" class="wp-image-3"/></figure>',
        ),
        (
            "<figcaption>Hi</figcaption>",
            '<figure class="wp-block-image"><img src="a.jpg" alt="" class="wp-image-3"/><figcaption>Hi</figcaption></figure>',
        ),
    ],
)
def test_image_drops_empty_captions(caption: str, expected: str) -> None:
    assert render(IMAGE.format(id=3, caption=caption), make_ctx()) == f"\n{expected}\n"


def test_image_without_src_renders_nothing() -> None:
    content = (
        '<!-- wp:image --><figure class="wp-block-image"><img alt=""/></figure><!-- /wp:image -->'
    )
    assert render(content, make_ctx()) == ""


def test_video_gets_dimensions_from_attachment_metadata() -> None:
    site = FakeSite()
    video = PostData(id=40, post_type="attachment", post_mime_type="video/quicktime")
    site.attachments[40] = Attachment(video, "v.mov", {"width": 320, "height": 240})
    content = '<!-- wp:video {"id":40} -->\n<figure class="wp-block-video"><video controls src="v.mov"></video></figure>\n<!-- /wp:video -->'
    assert render(content, make_ctx(site)) == (
        '\n<figure class="wp-block-video"><video height="240" style="aspect-ratio: 320 / 240;" width="320" '
        'controls src="v.mov"></video></figure>\n'
    )


def test_file_preview_gets_interactivity_directives() -> None:
    content = (
        '<!-- wp:file {"displayPreview":true} -->\n<div class="wp-block-file"><object data="f.pdf" '
        'aria-label="Report"></object></div>\n<!-- /wp:file -->'
    )
    assert render(content, make_ctx()) == (
        '\n<div data-wp-interactive="core/file" class="wp-block-file"><object data-wp-bind--hidden='
        '"!state.hasPdfPreview" hidden data="f.pdf" aria-label="Embed of Report."></object></div>\n'
    )


def test_cover_without_inner_blocks_gets_layout_classes_on_its_outer_tag() -> None:
    content = (
        '<!-- wp:cover {"url":"c.jpg","dimRatio":50} -->\n<div class="wp-block-cover"><img class="bg" src="c.jpg"/>'
        '<div class="wp-block-cover__inner-container"></div></div>\n<!-- /wp:cover -->'
    )
    assert render(content, make_ctx()) == (
        '\n<div class="wp-block-cover is-layout-flow wp-block-cover-is-layout-flow"><img class="bg" src="c.jpg"/>'
        '<div class="wp-block-cover__inner-container"></div></div>\n'
    )
