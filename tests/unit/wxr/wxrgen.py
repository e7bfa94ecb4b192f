"""Generate WXR files of any size on the fly, streamed to disk (for memory and speed tests)."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from pressbox.store.phpserialize import dumps

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="pressbox tests" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/{v}/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/{v}/"
>
<channel>
	<title>Generated &amp; Co</title>
	<link>http://gen.example</link>
	<description>Made for tests</description>
	<wp:wxr_version>{v}</wp:wxr_version>
	<wp:base_site_url>http://gen.example</wp:base_site_url>
	<wp:base_blog_url>http://gen.example</wp:base_blog_url>
"""

AUTHORS = ("alice", "bob", "carol")
CATEGORIES = 10
TAGS = 20
# Words with multibyte characters and a CDATA terminator, so escaping is exercised.
WORDS = ("lorem", "ipsum", "dolor", "España", "naïve", "日本語", "emoji😀", "a]]>b", "<b>x</b>")


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def body(n: int, size: int) -> str:
    out: list[str] = []
    length = 0
    i = n
    while length < size:
        word = WORDS[i % len(WORDS)]
        out.append(word)
        length += len(word) + 1
        i += 7
    return " ".join(out)


def _terms(fh: IO[str]) -> None:
    for i, login in enumerate(AUTHORS, start=2):
        fh.write(
            f"\t<wp:author><wp:author_id>{i}</wp:author_id>"
            f"<wp:author_login>{cdata(login)}</wp:author_login>"
            f"<wp:author_email>{cdata(login + '@example.com')}</wp:author_email>"
            f"<wp:author_display_name>{cdata(login.title())}</wp:author_display_name>"
            f"<wp:author_first_name>{cdata(login.title())}</wp:author_first_name>"
            f"<wp:author_last_name>{cdata('Test')}</wp:author_last_name></wp:author>\n"
        )
    for c in range(CATEGORIES):
        parent = f"cat-{c - 1}" if c % 3 else ""
        fh.write(
            f"\t<wp:category><wp:term_id>{100 + c}</wp:term_id>"
            f"<wp:category_nicename>{cdata(f'cat-{c}')}</wp:category_nicename>"
            f"<wp:category_parent>{cdata(parent)}</wp:category_parent>"
            f"<wp:cat_name>{cdata(f'Category {c}')}</wp:cat_name></wp:category>\n"
        )
    for g in range(TAGS):
        fh.write(
            f"\t<wp:tag><wp:term_id>{200 + g}</wp:term_id>"
            f"<wp:tag_slug>{cdata(f'tag-{g}')}</wp:tag_slug>"
            f"<wp:tag_name>{cdata(f'Tag {g}')}</wp:tag_name></wp:tag>\n"
        )


def _item(fh: IO[str], n: int, post_id: int, comments: int, size: int) -> None:
    status = ("publish", "publish", "publish", "draft", "private")[n % 5]
    day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}:00"
    meta = [
        ("_edit_last", "2"),
        ("views", str(n)),
        ("settings", dumps({"n": n, "name": f"naïve {n}", "list": [1, 2.5, None]})),
    ]
    fh.write(
        f"\t<item>\n\t\t<title>{cdata(f'Post {n} ünïcödé')}</title>\n"
        f"\t\t<link>http://gen.example/?p={post_id}</link>\n"
        f"\t\t<dc:creator>{cdata(AUTHORS[n % len(AUTHORS)])}</dc:creator>\n"
        f'\t\t<guid isPermaLink="false">http://gen.example/?p={post_id}</guid>\n'
        f"\t\t<description></description>\n"
        f"\t\t<content:encoded>{cdata(body(n, size))}</content:encoded>\n"
        f"\t\t<excerpt:encoded>{cdata('')}</excerpt:encoded>\n"
        f"\t\t<wp:post_id>{post_id}</wp:post_id>\n"
        f"\t\t<wp:post_date>{cdata(day)}</wp:post_date>\n"
        f"\t\t<wp:post_date_gmt>{cdata(day)}</wp:post_date_gmt>\n"
        f"\t\t<wp:post_modified>{cdata(day)}</wp:post_modified>\n"
        f"\t\t<wp:post_modified_gmt>{cdata(day)}</wp:post_modified_gmt>\n"
        f"\t\t<wp:comment_status>{cdata('open')}</wp:comment_status>\n"
        f"\t\t<wp:ping_status>{cdata('open')}</wp:ping_status>\n"
        f"\t\t<wp:post_name>{cdata(f'post-{n}')}</wp:post_name>\n"
        f"\t\t<wp:status>{cdata(status)}</wp:status>\n"
        f"\t\t<wp:post_parent>0</wp:post_parent>\n"
        f"\t\t<wp:menu_order>0</wp:menu_order>\n"
        f"\t\t<wp:post_type>{cdata('post')}</wp:post_type>\n"
        f"\t\t<wp:post_password>{cdata('')}</wp:post_password>\n"
        f"\t\t<wp:is_sticky>{1 if n % 1000 == 1 else 0}</wp:is_sticky>\n"
    )
    cat = n % CATEGORIES
    fh.write(
        f'\t\t<category domain="category" nicename="cat-{cat}">{cdata(f"Category {cat}")}</category>\n'
    )
    for g in (n % TAGS, (n * 7 + 3) % TAGS):
        fh.write(
            f'\t\t<category domain="post_tag" nicename="tag-{g}">{cdata(f"Tag {g}")}</category>\n'
        )
    for key, value in meta:
        fh.write(
            f"\t\t<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
            f"<wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>\n"
        )
    for c in range(comments):
        comment_id = post_id * 10 + c
        fh.write(
            f"\t\t<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
            f"<wp:comment_author>{cdata(f'Reader {c}')}</wp:comment_author>"
            f"<wp:comment_author_email>{cdata('r@example.com')}</wp:comment_author_email>"
            f"<wp:comment_author_url>http://r.example</wp:comment_author_url>"
            f"<wp:comment_author_IP>{cdata('127.0.0.1')}</wp:comment_author_IP>"
            f"<wp:comment_date>{cdata(day)}</wp:comment_date>"
            f"<wp:comment_date_gmt>{cdata(day)}</wp:comment_date_gmt>"
            f"<wp:comment_content>{cdata(body(n + c, 200))}</wp:comment_content>"
            f"<wp:comment_approved>{cdata('1' if c % 3 else '0')}</wp:comment_approved>"
            f"<wp:comment_type>{cdata('comment')}</wp:comment_type>"
            f"<wp:comment_parent>{comment_id - 1 if c else 0}</wp:comment_parent>"
            f"<wp:comment_user_id>0</wp:comment_user_id>"
            f"<wp:commentmeta><wp:meta_key>{cdata('rating')}</wp:meta_key>"
            f"<wp:meta_value>{cdata(str(c))}</wp:meta_value></wp:commentmeta>"
            f"</wp:comment>\n"
        )
    fh.write("\t</item>\n")


def write_wxr(
    path: Path,
    items: int,
    *,
    version: str = "1.2",
    comments: int = 2,
    body_size: int = 1500,
    first_id: int = 1000,
) -> Path:
    """Write a WXR with `items` posts (ids from `first_id`), each with terms, meta and comments."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEADER.format(v=version))
        _terms(fh)
        for n in range(items):
            _item(fh, n, first_id + n, comments, body_size)
        fh.write("</channel>\n</rss>\n")
    return path
