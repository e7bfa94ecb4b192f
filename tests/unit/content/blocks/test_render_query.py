"""The Query Loop: post template, sticky posts, pagination links and the query vars."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.content.blocks.core.loop import loop_query, query_page
from pressbox.content.blocks.data import LoopQuery, LoopTax
from pressbox.content.context import PostData

from .fakes import HOME, FakeSite, make_ctx, render


def loop_site() -> FakeSite:
    site = FakeSite()
    for i in range(1, 8):
        site.add(
            PostData(
                id=i,
                post_title=f"Post {i}",
                post_name=f"post-{i}",
                post_date=f"2024-01-0{i} 10:00:00",
                post_excerpt=f"Excerpt {i}.",
            )
        )
    site.add(PostData(id=20, post_type="page", post_title="A page", post_name="a-page"))
    return site


def ctx_for(site: FakeSite, **state: Any) -> Any:
    """A render of page 100 (not itself a post the loops list)."""
    host = PostData(id=100, post_type="page", post_title="Host", post_name="host")
    return make_ctx(site, host, **state)


def query(attrs: str, inner: str) -> str:
    return (
        f'<!-- wp:query {{"queryId":0,"query":{{{attrs}}}}} --><div class="wp-block-query">'
        f"<!-- wp:post-template -->{inner}<!-- /wp:post-template -->"
        "<!-- wp:query-pagination --><!-- wp:query-pagination-previous /-->"
        "<!-- wp:query-pagination-numbers /--><!-- wp:query-pagination-next /-->"
        "<!-- /wp:query-pagination --></div><!-- /wp:query -->"
    )


TITLES = '"perPage":2,"postType":"post","order":"desc","orderBy":"date","inherit":false'


def titles(out: str) -> list[str]:
    import re

    return re.findall(r'<h2 class="wp-block-post-title">([^<]*)</h2>', out)


def test_post_template_renders_each_post_with_its_classes() -> None:
    out = render(query(TITLES, "<!-- wp:post-title /-->"), ctx_for(loop_site()))
    assert out.startswith(
        '<div class="wp-block-query is-layout-flow wp-block-query-is-layout-flow">'
        '<ul class="wp-block-post-template is-layout-flow wp-block-post-template-is-layout-flow">'
        '<li class="wp-block-post post-7 post type-post status-publish format-standard hentry">'
        '<h2 class="wp-block-post-title">Post 7</h2></li>'
    )
    assert titles(out) == ["Post 7", "Post 6"]


def test_sticky_posts_lead_the_first_page() -> None:
    site = loop_site()
    site.sticky = [2, 6]
    out = render(query(TITLES, "<!-- wp:post-title /-->"), ctx_for(site))
    # 6 is on the page and moves first; 2 is fetched and follows it.
    assert titles(out) == ["Post 6", "Post 2", "Post 7"]
    ignored = render(query(TITLES + ',"sticky":"ignore"', "<!-- wp:post-title /-->"), ctx_for(site))
    assert titles(ignored) == ["Post 7", "Post 6"]
    only = render(query(TITLES + ',"sticky":"only"', "<!-- wp:post-title /-->"), ctx_for(site))
    assert titles(only) == ["Post 6", "Post 2"]
    excluded = render(
        query(TITLES + ',"sticky":"exclude"', "<!-- wp:post-title /-->"), ctx_for(site)
    )
    assert titles(excluded) == ["Post 7", "Post 5"]


def test_pagination_links_echo_the_request_uri() -> None:
    ctx = ctx_for(loop_site())
    ctx.request_url = f"{HOME}/wp-json/wp/v2/posts?per_page=5"
    out = render(query(TITLES, "<!-- wp:post-title /-->"), ctx)
    assert (
        '<nav class="wp-block-query-pagination is-layout-flex '
        'wp-block-query-pagination-is-layout-flex" aria-label="Pagination">'
        '<div class="wp-block-query-pagination-numbers">'
        '<span aria-current="page" class="page-numbers current">1</span>\n'
        '<a class="page-numbers" href="?query-0-page=2&#038;per_page=5">2</a>\n'
        '<a class="page-numbers" href="?query-0-page=3&#038;per_page=5">3</a>\n'
        '<a class="page-numbers" href="?query-0-page=4&#038;per_page=5">4</a></div>'
        '<a href="/wp-json/wp/v2/posts?per_page=5&#038;query-0-page=2" '
        'class="wp-block-query-pagination-next">Next Page</a></nav>' in out
    )


def test_a_later_page_comes_from_the_query_parameter() -> None:
    ctx = ctx_for(loop_site())
    ctx.request_url = f"{HOME}/wp-json/wp/v2/posts/100?query-0-page=4"
    out = render(query(TITLES, "<!-- wp:post-title /-->"), ctx)
    assert titles(out) == ["Post 1"]
    assert (
        '<a href="/wp-json/wp/v2/posts/100?query-0-page=3" '
        'class="wp-block-query-pagination-previous">Previous Page</a>' in out
    )
    assert "wp-block-query-pagination-next" not in out
    assert '<a class="page-numbers" href="?query-0-page=3&#038;cst">3</a>' in out


def test_no_results_and_inherited_queries() -> None:
    empty = (
        '<!-- wp:query {"query":{"perPage":2,"postType":"post","author":"99","inherit":false}} -->'
        '<div class="wp-block-query"><!-- wp:post-template --><!-- wp:post-title /-->'
        "<!-- /wp:post-template --><!-- wp:query-no-results --><p>None</p>"
        "<!-- /wp:query-no-results --></div><!-- /wp:query -->"
    )
    out = render(empty, ctx_for(loop_site()))
    assert '<div class="wp-block-query-no-results"><p>None</p></div>' in out
    inherit = query('"perPage":2,"inherit":true', "<!-- wp:post-title /-->")
    assert titles(render(inherit, ctx_for(loop_site()))) == []


def test_post_blocks_read_the_loop_post() -> None:
    inner = (
        '<!-- wp:post-date /--><!-- wp:post-excerpt {"excerptLength":1} /--><!-- wp:read-more /-->'
    )
    ctx = ctx_for(loop_site(), render_excerpt=lambda post, length: post.post_excerpt)
    out = render(query('"perPage":1,"postType":"post","inherit":false', inner), ctx)
    assert (
        '<div class="wp-block-post-date"><time datetime="2024-01-07T10:00:00+00:00">'
        "January 7, 2024</time></div>"
        '<div class="wp-block-post-excerpt"><p class="wp-block-post-excerpt__excerpt">'
        "Excerpt&hellip; </p></div>"
        f'<a class="wp-block-read-more" href="{HOME}/2024/01/07/post-7/" target="_self">'
        'Read more<span class="screen-reader-text">: Post 7</span></a>' in out
    )


@pytest.mark.parametrize(
    ("q", "page", "expected"),
    [
        ({}, 1, LoopQuery()),
        (
            {"perPage": "3", "offset": 1, "order": "asc", "orderBy": "title"},
            2,
            LoopQuery(per_page=3, offset=4, order="ASC", orderby="title"),
        ),
        ({"perPage": 0}, 1, LoopQuery(per_page=1)),
        ({"author": "3,0,x,4"}, 1, LoopQuery(author_in=(3, 4))),
        ({"exclude": ["5", 0], "sticky": "exclude"}, 1, LoopQuery(post_not_in=(9, 5))),
        ({"categoryIds": [7]}, 1, LoopQuery(tax=(LoopTax("category", (7,)),))),
        (
            {"taxQuery": {"include": {"post_tag": [2]}, "exclude": {"category": [3]}}},
            1,
            LoopQuery(tax=(LoopTax("post_tag", (2,)), LoopTax("category", (3,), "NOT IN"))),
        ),
        ({"format": ["standard", "bogus", "aside"]}, 1, LoopQuery(formats=("standard", "aside"))),
        ({"postType": "wp_block"}, 1, LoopQuery()),
    ],
)
def test_query_vars(q: dict[str, Any], page: int, expected: LoopQuery) -> None:
    got, _ignore = loop_query(make_ctx(), {"query": q}, page, [9])
    assert got == expected


@pytest.mark.parametrize(
    ("query_string", "page"),
    [("", 1), ("query-3-page=2", 2), ("query-3-page=0", 1), ("query-3-page=x", 0)],
)
def test_query_page(query_string: str, page: int) -> None:
    ctx = make_ctx()
    ctx.request_url = f"{HOME}/wp-json/wp/v2/posts?{query_string}"
    assert query_page(ctx, 3) == page
