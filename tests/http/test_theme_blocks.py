"""Theme blocks in `content.rendered`, over the real SQL site data: the Query Loop (sticky
posts, pagination from the request URL), post terms, the author and the comments."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import insert

from pressbox.app import App
from pressbox.store.phpserialize import dumps
from pressbox.testing import Client

from .helpers import insert_posts, new_site, site_app, site_db

SITE = "http://theme.test"
API = "/wp-json/wp/v2/posts"

HOST = (
    '<!-- wp:query {"queryId":4,"query":{"perPage":2,"postType":"post","inherit":false}} -->'
    '<div class="wp-block-query"><!-- wp:post-template --><!-- wp:post-title /-->'
    "<!-- /wp:post-template --><!-- wp:query-pagination --><!-- wp:query-pagination-next /-->"
    "<!-- /wp:query-pagination --></div><!-- /wp:query -->"
    '<!-- wp:post-terms {"term":"category"} /--><!-- wp:post-author-biography /-->'
    '<!-- wp:comments --><div class="wp-block-comments"><!-- wp:comment-template -->'
    "<!-- wp:comment-author-name /--><!-- /wp:comment-template --></div><!-- /wp:comments -->"
)
# id, status, title, date, content
POSTS = [
    (1, "publish", "One", "2024-01-01 09:00:00", ""),
    (2, "publish", "Two", "2024-01-02 09:00:00", ""),
    (3, "publish", "Three", "2024-01-03 09:00:00", ""),
    (4, "draft", "Draft", "2024-01-04 09:00:00", ""),
    (5, "publish", "Five", "2024-01-05 09:00:00", ""),
    (100, "publish", "Host", "2023-12-01 09:00:00", HOST),
]


def build_site(url: str) -> None:
    options = {
        "blogname": "Theme test",
        "permalink_structure": "/%year%/%monthnum%/%postname%/",
        "posts_per_page": "10",
        "sticky_posts": dumps([2]),
        "thread_comments": "1",
        "thread_comments_depth": "5",
        "date_format": "F j, Y",
    }
    with new_site(url, SITE, options) as (conn, t):
        conn.execute(
            insert(t.users),
            [
                {
                    "ID": 7,
                    "user_login": "ann",
                    "user_nicename": "ann",
                    "user_email": "ann@theme.test",
                    "user_url": "",
                    "user_registered": "2024-01-01 00:00:00",
                    "display_name": "Ann",
                }
            ],
        )
        conn.execute(
            insert(t.usermeta), [{"user_id": 7, "meta_key": "description", "meta_value": "Writes."}]
        )
        conn.execute(
            insert_posts(t),
            [
                {
                    "ID": i,
                    "post_author": 7,
                    "post_type": "post",
                    "post_status": status,
                    "post_name": title.lower(),
                    "post_title": title,
                    "post_content": content,
                    "post_date": date,
                    "post_date_gmt": date,
                    "post_modified": date,
                    "post_modified_gmt": date,
                    "comment_status": "open",
                    "comment_count": 1 if i == 100 else 0,
                    "guid": f"{SITE}/?p={i}",
                }
                for i, status, title, date, content in POSTS
            ],
        )
        conn.execute(
            insert(t.terms),
            [
                {"term_id": 9, "name": "News", "slug": "news", "term_group": 0},
                {"term_id": 10, "name": "Local", "slug": "local", "term_group": 0},
            ],
        )
        conn.execute(
            insert(t.term_taxonomy),
            [
                {
                    "term_taxonomy_id": 19,
                    "term_id": 9,
                    "taxonomy": "category",
                    "description": "",
                    "parent": 0,
                    "count": 0,
                },
                {
                    "term_taxonomy_id": 20,
                    "term_id": 10,
                    "taxonomy": "category",
                    "description": "",
                    "parent": 9,
                    "count": 1,
                },
            ],
        )
        conn.execute(
            insert(t.term_relationships),
            [{"object_id": 100, "term_taxonomy_id": 20, "term_order": 0}],
        )
        conn.execute(
            insert(t.comments),
            [
                {
                    "comment_ID": 31,
                    "comment_post_ID": 100,
                    "comment_author": "Carl",
                    "comment_author_email": "carl@theme.test",
                    "comment_author_url": "",
                    "comment_author_IP": "",
                    "comment_date": "2024-02-01 10:00:00",
                    "comment_date_gmt": "2024-02-01 10:00:00",
                    "comment_content": "Nice.",
                    "comment_karma": 0,
                    "comment_approved": "1",
                    "comment_agent": "",
                    "comment_type": "comment",
                    "comment_parent": 0,
                    "user_id": 0,
                }
            ],
        )


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return site_app(site_db(tmp_path_factory, "theme", build_site), SITE)


def rendered(client: Client, target: str) -> str:
    r = client.get(target)
    assert r.status == 200
    return str(r.json()["content"]["rendered"])


def test_query_loop_puts_the_sticky_post_first(client: Client) -> None:
    html = rendered(client, f"{API}/100")
    titles = re.findall(r'<h2 class="wp-block-post-title">([^<]*)</h2>', html)
    # Page 1 is Five and Three; sticky Two is fetched and put in front.
    assert titles == ["Two", "Five", "Three"]
    assert (
        '<li class="wp-block-post post-2 post type-post status-publish format-standard hentry'
        in html
    )


def test_next_link_and_page_two_follow_the_request_url(client: Client) -> None:
    html = rendered(client, f"{API}/100?context=view")
    assert (
        '<a href="/wp-json/wp/v2/posts/100?context=view&#038;query-4-page=2" '
        'class="wp-block-query-pagination-next">Next Page</a>' in html
    )
    second = rendered(client, f"{API}/100?query-4-page=2")
    # The block pages by offset, so WP_Query still sees page 1: Two (sticky) leads here too;
    # the draft is never listed.
    assert re.findall(r'<h2 class="wp-block-post-title">([^<]*)</h2>', second) == ["Two", "One"]


def test_terms_author_and_comments(client: Client) -> None:
    html = rendered(client, f"{API}/100")
    assert (
        '<div class="taxonomy-category wp-block-post-terms">'
        f'<a href="{SITE}/category/news/local/" rel="tag">Local</a></div>' in html
    )
    assert '<div class="wp-block-post-author-biography">Writes.</div>' in html
    assert (
        '<ol class="wp-block-comment-template"><li id="comment-31" '
        'class="comment even thread-even depth-1"><div class="wp-block-comment-author-name">'
        "Carl</div></li></ol>" in html
    )
