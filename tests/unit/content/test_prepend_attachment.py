"""`prepend_attachment`: an attachment's content starts with its player or its image."""

from __future__ import annotations

import pytest

from pressbox.content.context import Attachment, PostData
from pressbox.content.counters import Counters
from pressbox.content.prepend_attachment import prepend_attachment

from .test_media_html import UPLOADS, FakeSite, image, make_ctx, media

PHOTO = image(5, "2024/01/photo.jpg", 1200, 800, {"medium": (300, 200)}, alt="Alt")
NO_MEDIUM = image(6, "2024/01/small.gif", 120, 80, {}, mime="image/gif")
SONG = media(7, "2024/01/song.mp3", "audio/mpeg")
CLIP = media(8, "2024/01/clip.mp4", "video/mp4")
MOVIE = media(9, "2024/01/movie.mov", "video/quicktime")
POSTER = image(11, "2024/01/poster.jpg", 640, 360, {})
NO_FILE = Attachment(
    post=PostData(id=12, post_type="attachment", post_title="Lost", post_mime_type="image/png"),
    file="",
    metadata={},
)


def render(att: Attachment, text: str = "Body", **meta: object) -> str:
    site = FakeSite().add(PHOTO, NO_MEDIUM, SONG, CLIP, MOVIE, POSTER, NO_FILE)
    for key, value in meta.items():
        site.meta[(att.post.id, key)] = value
    return Counters().resolve(prepend_attachment(text, make_ctx(site, att.post)))


def test_other_posts_are_left_alone() -> None:
    site = FakeSite().add(PHOTO)
    assert prepend_attachment("Body", make_ctx(site, PostData(id=1, post_type="post"))) == "Body"


def test_image_shows_its_medium_size_linked_to_the_file() -> None:
    html = render(PHOTO)
    assert html.startswith(f"<p class=\"attachment\"><a href='{UPLOADS}/2024/01/photo.jpg'><img ")
    assert f'src="{UPLOADS}/2024/01/photo-300x200.jpg"' in html
    assert 'class="attachment-medium size-medium" alt="Alt"' in html
    # Inside the_content the loading attributes are left to wp_filter_content_tags.
    assert "loading=" not in html
    assert html.endswith("</a></p>\nBody")


@pytest.mark.parametrize(
    ("att", "expected"),
    [
        # Without a medium size the full image is scaled down to it.
        (NO_MEDIUM, 'width="120" height="80" src="' + UPLOADS + '/2024/01/small.gif"'),
        # Without a file there is no URL: WordPress links nothing.
        (NO_FILE, '<p class="attachment">Missing Attachment</p>'),
    ],
)
def test_image_fallbacks(att: Attachment, expected: str) -> None:
    assert expected in render(att)


def test_audio_gets_a_player() -> None:
    html = render(SONG, "")
    assert html.startswith('<audio class="wp-audio-shortcode" id="audio-7-1" preload="none"')
    assert f'<source type="audio/mpeg" src="{UPLOADS}/2024/01/song.mp3?_=1" />' in html
    assert html.endswith("</audio>\n")


def test_video_gets_a_player_sized_by_its_metadata_with_its_poster() -> None:
    clip = Attachment(post=CLIP.post, file=CLIP.file, metadata={"width": 320, "height": "180"})
    site = FakeSite().add(clip, POSTER)
    site.meta[(clip.post.id, "_thumbnail_id")] = 11
    html = Counters().resolve(prepend_attachment("", make_ctx(site, clip.post)))
    assert html.startswith('<div style="width: 320px;" class="wp-video"><video ')
    assert 'width="320" height="180"' in html
    assert f'poster="{UPLOADS}/2024/01/poster.jpg"' in html


def test_a_format_mediaelement_cannot_play_is_a_link() -> None:
    url = f"{UPLOADS}/2024/01/movie.mov"
    assert render(MOVIE, "") == f'<a class="wp-embedded-video" href="{url}">{url}</a>\n'
