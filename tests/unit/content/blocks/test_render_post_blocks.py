"""Post, avatar, site identity and comment blocks of a single post."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.content.blocks.data import Comment, Term, UserInfo
from pressbox.content.context import Attachment, PostData

from .fakes import HOME, FakeSite, make_ctx, render


def post_site(**post: Any) -> tuple[FakeSite, PostData]:
    site = FakeSite()
    site.options.update(
        {
            "blogname": "My Site",
            "blogdescription": "Just a site",
            "thread_comments": "1",
            "thread_comments_depth": "5",
            "require_name_email": "1",
            "show_comments_cookies_opt_in": "1",
        }
    )
    site.user_details[3] = UserInfo(3, "ann", "Ann Author", "ann", "ann@example.test", "", "Bio.")
    fields: dict[str, Any] = {
        "id": 100,
        "post_title": "Hello",
        "post_name": "hello",
        "post_date": "2024-05-01 10:00:00",
        "post_author": 3,
        "comment_count": 2,
    }
    fields.update(post)
    host = site.add(PostData(**fields))
    return site, host


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<!-- wp:post-title /-->", '<h2 class="wp-block-post-title">Hello</h2>'),
        (
            '<!-- wp:post-title {"level":0,"isLink":true} /-->',
            f'<p class="wp-block-post-title"><a href="{HOME}/2024/05/01/hello/" target="_self" >'
            "Hello</a></p>",
        ),
        (
            "<!-- wp:post-date /-->",
            '<div class="wp-block-post-date"><time datetime="2024-05-01T10:00:00+00:00">'
            "May 1, 2024</time></div>",
        ),
        ('<!-- wp:post-date {"displayType":"modified"} /-->', ""),
        (
            "<!-- wp:post-author /-->",
            '<div class="wp-block-post-author"><div class="wp-block-post-author__avatar">'
            "<img alt='' src='https://secure.gravatar.com/avatar/{h}?s=48&#038;d=mm&#038;r=g' "
            "srcset='https://secure.gravatar.com/avatar/{h}?s=96&#038;d=mm&#038;r=g 2x' "
            "class='avatar avatar-48 photo' height='48' width='48' /></div>"
            '<div class="wp-block-post-author__content"><p class="wp-block-post-author__name">'
            "Ann Author</p></div></div>",
        ),
        (
            "<!-- wp:post-author-biography /-->",
            '<div class="wp-block-post-author-biography">Bio.</div>',
        ),
        (
            '<!-- wp:post-terms {"term":"category"} /-->',
            '<div class="taxonomy-category wp-block-post-terms">'
            f'<a href="{HOME}/category/news/world/" rel="tag">World</a>'
            '<span class="wp-block-post-terms__separator">, </span>'
            f'<a href="{HOME}/category/zeta/" rel="tag">Zeta</a></div>',
        ),
        ('<!-- wp:post-terms {"term":"post_tag"} /-->', ""),
        ("<!-- wp:post-navigation-link /-->", ""),
        (
            "<!-- wp:site-title /-->",
            f'<h1 class="wp-block-site-title"><a href="{HOME}" target="_self" rel="home">'
            "My Site</a></h1>",
        ),
        ("<!-- wp:site-tagline /-->", '<p class="wp-block-site-tagline">Just a site</p>'),
        ("<!-- wp:site-logo /-->", ""),
        ('<!-- wp:query-title {"type":"archive"} /-->', ""),
        ("<!-- wp:term-description /-->", ""),
    ],
)
def test_post_blocks(content: str, expected: str) -> None:
    import hashlib

    site, host = post_site()
    site.term_list += [
        Term(10, "News", "news", "category"),
        Term(11, "World", "world", "category", parent=10),
        Term(12, "Zeta", "zeta", "category"),
    ]
    site.post_term_rows[100] = {
        "category": [
            {"term_id": 11, "name": "World", "slug": "world", "parent": 10},
            {"term_id": 12, "name": "Zeta", "slug": "zeta", "parent": 0},
        ]
    }
    digest = hashlib.sha256(b"ann@example.test").hexdigest()
    assert render(content, make_ctx(site, host)) == expected.replace("{h}", digest)


def test_post_excerpt_trims_to_its_length() -> None:
    site, host = post_site()
    excerpt = " ".join(f"w{i}" for i in range(101)) + " [&hellip;]"
    ctx = make_ctx(site, host, render_excerpt=lambda post, length: excerpt)
    out = render('<!-- wp:post-excerpt {"excerptLength":3} /-->', ctx)
    assert out == (
        '<div class="wp-block-post-excerpt"><p class="wp-block-post-excerpt__excerpt">'
        "w0 w1 w2&hellip; </p></div>"
    )


def test_protected_post_hides_excerpt_and_date() -> None:
    site, host = post_site(post_password="x")
    ctx = make_ctx(site, host)
    assert render("<!-- wp:post-date /-->", ctx) == ""
    assert "There is no excerpt because this is a protected post." in render(
        "<!-- wp:post-excerpt /-->", ctx
    )


def test_featured_image() -> None:
    site, host = post_site()
    image = PostData(id=7, post_type="attachment", post_title="img", post_mime_type="image/jpeg")
    site.attachments[7] = Attachment(
        image, "2024/05/a.jpg", {"width": 640, "height": 480, "file": "2024/05/a.jpg"}, "An A"
    )
    site.meta[(100, "_thumbnail_id")] = "7"
    out = render("<!-- wp:post-featured-image /-->", make_ctx(site, host))
    assert out == (
        '<figure class="wp-block-post-featured-image"><img width="640" height="480" '
        f'src="{HOME}/wp-content/uploads/2024/05/a.jpg" '
        'class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="An A" '
        'style="object-fit:cover;" /></figure>'
    )
    del site.meta[(100, "_thumbnail_id")]
    assert render("<!-- wp:post-featured-image /-->", make_ctx(site, host)) == ""


def test_avatar_of_the_author() -> None:
    site, host = post_site()
    out = render(
        '<!-- wp:avatar {"size":24,"style":{"border":{"radius":"3px"}}} /-->', make_ctx(site, host)
    )
    assert out.startswith("<div class=\"wp-block-avatar\"><img alt='Ann Author Avatar' ")
    assert out.endswith(
        "class='avatar avatar-24 photo wp-block-avatar__image' height='24' width='24'  "
        'style="border-radius:3px;"/></div>'
    )


COMMENTS = (
    '<!-- wp:comments --><div class="wp-block-comments"><!-- wp:comments-title /-->'
    "<!-- wp:comment-template --><!-- wp:comment-author-name /--><!-- wp:comment-content /-->"
    "<!-- wp:comment-reply-link /--><!-- /wp:comment-template -->"
    "<!-- wp:comments-pagination --><!-- wp:comments-pagination-numbers /-->"
    "<!-- /wp:comments-pagination --></div><!-- /wp:comments -->"
)


def comment_site() -> tuple[FakeSite, PostData]:
    site, host = post_site()
    site.comments = [
        Comment(
            1,
            100,
            "Bob",
            "https://bob.test",
            "bob@x.test",
            date="2024-05-02 10:00:00",
            content="Hi",
        ),
        Comment(2, 100, "", "", "ann@example.test", 3, "2024-05-03 10:00:00", "Yo", parent=1),
    ]
    return site, host


def test_comments_block_threads_comments() -> None:
    site, host = comment_site()
    out = render(COMMENTS, make_ctx(site, host, comment_text=lambda text: f"<p>{text}</p>\n"))
    assert out.startswith(
        '<div class="wp-block-comments"><h2 id="comments" class="wp-block-comments-title">'
        "2 responses to &#8220;Hello&#8221;</h2>"
        '<ol class="wp-block-comment-template"><li id="comment-1" class="comment even thread-even depth-1">'
        '<div class="wp-block-comment-author-name"><a rel="external nofollow ugc" '
        'href="https://bob.test" target="_self" >Bob</a></div>'
        '<div class="wp-block-comment-content"><p>Hi</p>\n</div>'
        '<div class="wp-block-comment-reply-link"><a rel="nofollow" class="comment-reply-link" '
        f'href="{HOME}/2024/05/01/hello/?replytocom=1#respond" data-commentid="1" data-postid="100" '
        'data-belowelement="comment-1" data-respondelement="respond" data-replyto="Reply to Bob" '
        'aria-label="Reply to Bob">Reply</a></div>'
        '<ol><li id="comment-2" class="comment byuser comment-author-ann bypostauthor odd alt depth-2">'
        '<div class="wp-block-comment-author-name">Ann Author</div>'
    )
    assert out.endswith("</li></ol></li></ol></div>")


def test_closed_comments_without_comments_render_nothing() -> None:
    site, host = post_site(comment_status="closed", comment_count=0)
    assert render(COMMENTS, make_ctx(site, host)) == ""


def test_comment_form() -> None:
    site, host = post_site()
    ctx = make_ctx(site, host)
    ctx.request_url = f"{HOME}/wp-json/wp/v2/posts?a=1&replytocom=5"
    out = render("<!-- wp:post-comments-form /-->", ctx)
    assert out.startswith(
        '\t<div id="respond" class="comment-respond wp-block-post-comments-form">\n'
        '\t\t<h3 id="reply-title" class="comment-reply-title">Leave a Reply <small>'
        '<a rel="nofollow" id="cancel-comment-reply-link" href="/wp-json/wp/v2/posts?a=1#respond" '
        'style="display:none;">Cancel reply</a></small></h3>'
        f'<form action="{HOME}/wp-comments-post.php" method="post" id="commentform" class="comment-form">'
    )
    assert (
        '<p class="form-submit wp-block-button"><input name="submit" type="submit" id="submit" '
        'class="wp-block-button__link wp-element-button" value="Post Comment" /> '
        "<input type='hidden' name='comment_post_ID' value='100' id='comment_post_ID' />\n"
        "<input type='hidden' name='comment_parent' id='comment_parent' value='0' />\n"
        "</p></form>\t</div><!-- #respond -->\n\t"
    ) in out
    closed, closed_host = post_site(comment_status="closed")
    assert render("<!-- wp:post-comments-form /-->", make_ctx(closed, closed_host)) == ""


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2024-05-15 11:59:30", "30 seconds ago"),
        ("2024-05-15 09:00:00", "3 hours ago"),
        ("2024-05-01 10:00:00", "2 weeks ago"),
        ("2024-05-16 12:00:00", "1 day from now"),
        ("2022-05-15 12:00:00", "2 years ago"),
    ],
)
def test_post_date_human_diff(date: str, expected: str) -> None:
    site, host = post_site(post_date=date)
    out = render('<!-- wp:post-date {"format":"human-diff"} /-->', make_ctx(site, host))
    assert f">{expected}</time>" in out


def test_featured_image_can_fall_back_to_the_first_content_image() -> None:
    site, host = post_site(post_content='<p>x</p><img class="a" src="/i.png" alt="I">')
    out = render(
        '<!-- wp:post-featured-image {"useFirstImageFromPost":true} /-->', make_ctx(site, host)
    )
    assert out == (
        '<figure class="wp-block-post-featured-image"><img alt="I" class="a" src="/i.png" '
        'style="object-fit:cover;"></figure>'
    )


@pytest.mark.parametrize(("days", "open_"), [("14", False), ("30", True)])
def test_comments_close_on_old_posts(days: str, open_: bool) -> None:
    site, host = post_site(post_date_gmt="2024-05-01 10:00:00")
    site.options.update({"close_comments_for_old_posts": "1", "close_comments_days_old": days})
    out = render("<!-- wp:post-comments-form /-->", make_ctx(site, host))
    assert (out != "") is open_
