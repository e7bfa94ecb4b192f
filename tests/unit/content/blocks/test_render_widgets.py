"""Dynamic widget blocks: latest posts, archives, categories, tag cloud, comments, search, …"""

from __future__ import annotations

import hashlib

import pytest

from pressbox.content.blocks.data import Comment, Term
from pressbox.content.context import PostData

from .fakes import HOME, FakeSite, make_ctx, render


def site_with_posts() -> FakeSite:
    site = FakeSite()
    site.add(PostData(id=1, post_title="First", post_name="first", post_date="2024-04-02 09:00:00"))
    site.add(
        PostData(id=2, post_title="Second", post_name="second", post_date="2024-05-03 10:30:00")
    )
    site.add(
        PostData(
            id=3,
            post_title="Locked",
            post_name="locked",
            post_date="2024-05-04 08:00:00",
            post_password="x",
        )
    )
    return site


def test_latest_posts_list_with_dates() -> None:
    out = render(
        '<!-- wp:latest-posts {"postsToShow":2,"displayPostDate":true} /-->',
        make_ctx(site_with_posts()),
    )
    assert out == (
        '<ul class="wp-block-latest-posts__list has-dates wp-block-latest-posts is-layout-flow '
        'wp-block-latest-posts-is-layout-flow">'
        f'<li><a class="wp-block-latest-posts__post-title" href="{HOME}/2024/05/04/locked/">Protected: Locked</a>'
        '<time datetime="2024-05-04T08:00:00+00:00" class="wp-block-latest-posts__post-date">May 4, 2024</time></li>\n'
        f'<li><a class="wp-block-latest-posts__post-title" href="{HOME}/2024/05/03/second/">Second</a>'
        '<time datetime="2024-05-03T10:30:00+00:00" class="wp-block-latest-posts__post-date">May 3, 2024</time></li>\n'
        "</ul>"
    )


def test_latest_posts_uses_render_callables_and_grid_classes() -> None:
    ctx = make_ctx(
        site_with_posts(),
        render_title=lambda post: f"T:{post.post_title}",
        render_excerpt=lambda post, length: f"words {length} [&hellip;]",
    )
    content = (
        '<!-- wp:latest-posts {"postsToShow":1,"postLayout":"grid","columns":3,"displayPostContent":true,'
        '"excerptLength":10,"order":"asc"} /-->'
    )
    out = render(content, ctx)
    assert out.startswith(
        '<ul class="wp-block-latest-posts__list is-grid columns-3 wp-block-latest-posts'
    )
    assert ">T:First</a>" in out
    assert (
        '<div class="wp-block-latest-posts__post-excerpt">words 10… <a class="wp-block-latest-posts__read-more" '
        f'href="{HOME}/2024/04/02/first/" rel="noopener">Read more<span class="screen-reader-text">: T:First'
        "</span></a></div>"
    ) in out


def test_archives_list_and_dropdown() -> None:
    ctx = make_ctx(site_with_posts())
    assert render('<!-- wp:archives {"showPostCounts":true} /-->', ctx) == (
        '<ul class="wp-block-archives-list wp-block-archives">'
        f"\t<li><a href='{HOME}/2024/05/'>May 2024</a>&nbsp;(3)</li>\n"  # with the host post
        f"\t<li><a href='{HOME}/2024/04/'>April 2024</a>&nbsp;(1)</li>\n</ul>"
    )
    dropdown = render('<!-- wp:archives {"displayAsDropdown":true} /-->', ctx)
    assert dropdown.startswith(
        '<div class="wp-block-archives-dropdown wp-block-archives"><label for="wp-block-archives-1" '
        'class="wp-block-archives__label">Archives</label>\n\t\t<select id="wp-block-archives-1" '
        'name="archive-dropdown">\n\t\t<option value="">Select Month</option>'
        f"\t<option value='{HOME}/2024/05/'> May 2024 </option>\n"
    )
    assert dropdown.endswith(
        '} )( ["wp-block-archives-1","http://example.test"] );\n'
        "//# sourceURL=block_core_archives_build_dropdown_script\n</script>\n</div>"
    )


def test_archives_without_posts() -> None:
    assert render("<!-- wp:archives /-->", make_ctx()) == (
        '<ul class="wp-block-archives-list wp-block-archives">'
        f"\t<li><a href='{HOME}/2024/05/'>May 2024</a></li>\n</ul>"
    )


def terms_site() -> FakeSite:
    site = FakeSite()
    site.term_list = [
        Term(10, "News", "news", "category", 0, 2),
        Term(11, "World", "world", "category", 10, 1),
        Term(12, "Empty", "empty", "category", 0, 0),
        Term(20, "alpha", "alpha", "post_tag", 0, 1),
        Term(21, "Beta", "beta", "post_tag", 0, 9),
    ]
    return site


def test_categories_list_hierarchical_with_counts() -> None:
    out = render(
        '<!-- wp:categories {"showHierarchy":true,"showPostCounts":true} /-->',
        make_ctx(terms_site()),
    )
    assert out == (
        '<ul class="wp-block-categories-list wp-block-categories-taxonomy-category wp-block-categories">'
        f'\t<li class="cat-item cat-item-10"><a href="{HOME}/category/news/">News</a> (2)\n'
        "<ul class='children'>\n"
        f'\t<li class="cat-item cat-item-11"><a href="{HOME}/category/news/world/">World</a> (1)\n</li>\n'
        "</ul>\n</li>\n</ul>"
    )


def test_categories_dropdown() -> None:
    out = render('<!-- wp:categories {"displayAsDropdown":true} /-->', make_ctx(terms_site()))
    assert out.startswith(
        '<div class="wp-block-categories-dropdown wp-block-categories-taxonomy-category wp-block-categories">'
        '<label class="wp-block-categories__label" for="wp-block-categories-1">Categories</label>'
        "<select  name='category_name' id='wp-block-categories-1' class='postform'>\n"
        "\t<option value='-1'>Select Category</option>\n"
        '\t<option class="level-0" value="news">News</option>\n'
        '\t<option class="level-0" value="world">World</option>\n</select><script>\n'
    )


def test_tag_cloud_scales_font_sizes() -> None:
    out = render("<!-- wp:tag-cloud /-->", make_ctx(terms_site()))
    assert out == (
        f'<p class="wp-block-tag-cloud"><a href="{HOME}/tag/alpha/" class="tag-cloud-link tag-link-20 '
        'tag-link-position-1" style="font-size: 8pt;" aria-label="alpha (1 item)">alpha</a>\n'
        f'<a href="{HOME}/tag/beta/" class="tag-cloud-link tag-link-21 tag-link-position-2" '
        'style="font-size: 22pt;" aria-label="Beta (9 items)">Beta</a></p>'
    )


def test_tag_cloud_without_tags_says_so_in_rest() -> None:
    assert render("<!-- wp:tag-cloud /-->", make_ctx()) == (
        '<p class="wp-block-tag-cloud">There&#8217;s no content to show here yet.</p>'
    )


def test_latest_comments() -> None:
    site = site_with_posts()
    site.comments = [
        Comment(
            5,
            2,
            "Ann",
            "",
            "ann@example.test",
            0,
            "2024-05-05 12:00:00",
            "Hello <b>there</b> friend",
        ),
        Comment(
            6,
            1,
            "Blog",
            "https://b.test/",
            "",
            0,
            "2024-05-01 12:00:00",
            "ping",
            comment_type="pingback",
        ),
    ]
    ctx = make_ctx(site, wpautop=lambda text: f"<p>{text}</p>\n")
    out = render('<!-- wp:latest-comments {"displayDate":false} /-->', ctx)
    digest = hashlib.sha256(b"ann@example.test").hexdigest()
    assert out == (
        '<ol class="has-avatars has-excerpts wp-block-latest-comments"><li class="wp-block-latest-comments__comment">'
        f"<img alt='' src='https://secure.gravatar.com/avatar/{digest}?s=48&#038;d=mm&#038;r=g' "
        f"srcset='https://secure.gravatar.com/avatar/{digest}?s=96&#038;d=mm&#038;r=g 2x' "
        "class='avatar avatar-48 photo wp-block-latest-comments__comment-avatar' height='48' width='48' />"
        '<article><footer class="wp-block-latest-comments__comment-meta"><span class="wp-block-latest-comments__'
        'comment-author">Ann</span> on <a class="wp-block-latest-comments__comment-link" '
        f'href="{HOME}/2024/05/03/second/#comment-5">Second</a></footer><div class="wp-block-latest-comments__'
        'comment-excerpt"><p>Hello there friend</p>\n</div></article></li>'
        '<li class="wp-block-latest-comments__comment"><article><footer class="wp-block-latest-comments__comment-meta">'
        '<a class="wp-block-latest-comments__comment-author" href="https://b.test/">Blog</a> on '
        f'<a class="wp-block-latest-comments__comment-link" href="{HOME}/2024/04/02/first/#comment-6">First</a>'
        '</footer><div class="wp-block-latest-comments__comment-excerpt"><p>ping</p>\n</div></article></li></ol>'
    )


def test_search_default_markup() -> None:
    assert render("<!-- wp:search /-->", make_ctx()) == (
        f'<form role="search" method="get" action="{HOME}/" class="wp-block-search__button-outside '
        'wp-block-search__text-button wp-block-search" ><label class="wp-block-search__label" '
        'for="wp-block-search__input-1" >Search</label><div class="wp-block-search__inside-wrapper" >'
        '<input class="wp-block-search__input" id="wp-block-search__input-1" placeholder="" value="" '
        'type="search" name="s" required /><button aria-label="Search" class="wp-block-search__button '
        'wp-element-button" type="submit" >Search</button></div></form>'
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "<!-- wp:loginout /-->",
            f'<div class="logged-out wp-block-loginout"><a href="{HOME}/wp-login.php?redirect_to='
            'http%3A%2F%2Fexample.test%2Fwp-json%2Fwp%2Fv2%2Fposts%2F100">Log in</a></div>',
        ),
        (
            '<!-- wp:rss {"feedURL":"https://example.org/feed/"} /-->',
            '<div class="components-placeholder"><div class="notice notice-error"><strong>RSS Error:</strong> '
            "WP HTTP Error: A valid URL was not provided.</div></div>",
        ),
    ],
)
def test_simple_site_widgets(content: str, expected: str) -> None:
    assert render(content, make_ctx()) == expected


def test_page_list_nests_children() -> None:
    site = FakeSite()
    site.add(PostData(id=50, post_type="page", post_title="About", post_name="about"))
    site.add(PostData(id=51, post_type="page", post_title="Team", post_name="team", post_parent=50))
    out = render("<!-- wp:page-list /-->", make_ctx(site))
    assert out == (
        '<ul class="wp-block-page-list"><li class="wp-block-pages-list__item has-child">'
        f'<a class="wp-block-pages-list__item__link" href="{HOME}/about/">About</a>'
        '<ul class="wp-block-navigation__submenu-container"><li class="wp-block-pages-list__item ">'
        f'<a class="wp-block-pages-list__item__link" href="{HOME}/team/">Team</a></li></ul></li></ul>'
    )


def test_calendar_month_with_posts() -> None:
    out = render("<!-- wp:calendar /-->", make_ctx(site_with_posts()))
    assert out.startswith(
        '<div class="wp-block-calendar"><table id="wp-calendar" class="wp-calendar-table">\n'
        "\t<caption>May 2024</caption>\n\t<thead>\n\t<tr>\n"
        '\t\t<th scope="col" aria-label="Monday">M</th>'
    )
    assert '<td colspan="2" class="pad">&nbsp;</td><td><a href="' in out
    assert "</td><td>2</td><td><a" in out
    assert f'{HOME}/2024/05/03/" aria-label="Posts published on May 3, 2024">3</a></td>' in out
    assert '<td id="today">15</td>' in out
    assert (
        f'<span class="wp-calendar-nav-prev"><a href="{HOME}/2024/04/">&laquo; Apr</a></span>'
        in out
    )
