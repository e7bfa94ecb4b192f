"""Generate a synthetic WordPress site of N posts as a WXR file and as a mysqldump-style SQL file.

    python bench/generate.py --posts 100000 --out /tmp/bench-site

Writes `site.wxr` and `site.sql` in the folder. Content is block markup with paragraphs,
headings and lists, authors, categories and tags, so imports and renders do realistic work.
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

WORDS = [
    "press",
    "publish",
    "story",
    "editor",
    "headline",
    "column",
    "reader",
    "source",
    "wire",
    "agency",
    "report",
    "policy",
    "market",
    "science",
    "climate",
    "city",
    "council",
    "budget",
    "election",
    "court",
    "health",
    "school",
    "river",
    "mountain",
    "energy",
    "transport",
    "festival",
    "museum",
    "archive",
    "library",
    "network",
    "signal",
    "orbit",
    "harbor",
    "valley",
    "coast",
]
AUTHORS = [(1, "admin", "Ada Admin"), (2, "editor", "Eddie Editor"), (3, "author", "Ann Author")]
CATEGORIES = [(10 + i, f"section-{i}", f"Section {i}") for i in range(12)]
TAGS = [(100 + i, f"topic-{i}", f"Topic {i}") for i in range(60)]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def content(rng: random.Random) -> str:
    parts = []
    for i in range(rng.randint(3, 7)):
        if i == 2:
            parts.append(
                f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{sentence(rng, 4)}</h2>\n<!-- /wp:heading -->'
            )
        text = " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(2, 4)))
        parts.append(
            f'<!-- wp:paragraph -->\n<p>{text} It\'s "quoted" -- and done...</p>\n<!-- /wp:paragraph -->'
        )
    items = "".join(f"<li>{sentence(rng, 3)}</li>" for _ in range(3))
    parts.append(f'<!-- wp:list -->\n<ul class="wp-block-list">{items}</ul>\n<!-- /wp:list -->')
    return "\n\n".join(parts)


def posts(n: int, seed: int = 7):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    start = datetime(2020, 1, 1)
    for i in range(n):
        pid = 1000 + i
        date = start + timedelta(minutes=17 * i + rng.randint(0, 5))
        title = sentence(rng, rng.randint(4, 9))[:-1]
        slug = f"post-{pid}"
        author = AUTHORS[i % len(AUTHORS)]
        cats = rng.sample(CATEGORIES, 1)
        tags = rng.sample(TAGS, 3)
        yield pid, date, title, slug, author, cats, tags, content(rng)


def write_wxr(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Bench Site</title><link>http://127.0.0.1:8000</link><description>Benchmark</description>\n"
            "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://127.0.0.1:8000</wp:base_site_url>"
            "<wp:base_blog_url>http://127.0.0.1:8000</wp:base_blog_url>\n"
        )
        for uid, login, name in AUTHORS:
            out.write(
                f"<wp:author><wp:author_id>{uid}</wp:author_id><wp:author_login><![CDATA[{login}]]></wp:author_login>"
                f"<wp:author_email><![CDATA[{login}@example.com]]></wp:author_email>"
                f"<wp:author_display_name><![CDATA[{name}]]></wp:author_display_name></wp:author>\n"
            )
        for tid, slug, name in CATEGORIES:
            out.write(
                f"<wp:category><wp:term_id>{tid}</wp:term_id><wp:category_nicename><![CDATA[{slug}]]></wp:category_nicename>"
                f"<wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[{name}]]></wp:cat_name></wp:category>\n"
            )
        for tid, slug, name in TAGS:
            out.write(
                f"<wp:tag><wp:term_id>{tid}</wp:term_id><wp:tag_slug><![CDATA[{slug}]]></wp:tag_slug>"
                f"<wp:tag_name><![CDATA[{name}]]></wp:tag_name></wp:tag>\n"
            )
        for pid, date, title, slug, author, cats, tags, body in posts(n):
            d = date.strftime("%Y-%m-%d %H:%M:%S")
            terms = "".join(
                f'<category domain="category" nicename="{s}"><![CDATA[{nm}]]></category>'
                for _i, s, nm in cats
            )
            terms += "".join(
                f'<category domain="post_tag" nicename="{s}"><![CDATA[{nm}]]></category>'
                for _i, s, nm in tags
            )
            out.write(
                f"<item><title>{escape(title)}</title><link>http://127.0.0.1:8000/?p={pid}</link>"
                f'<dc:creator><![CDATA[{author[1]}]]></dc:creator><guid isPermaLink="false">http://127.0.0.1:8000/?p={pid}</guid>'
                f"<description></description><content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{pid}</wp:post_id>"
                f"<wp:post_date><![CDATA[{d}]]></wp:post_date><wp:post_date_gmt><![CDATA[{d}]]></wp:post_date_gmt>"
                f"<wp:post_modified><![CDATA[{d}]]></wp:post_modified><wp:post_modified_gmt><![CDATA[{d}]]></wp:post_modified_gmt>"
                "<wp:comment_status><![CDATA[open]]></wp:comment_status><wp:ping_status><![CDATA[open]]></wp:ping_status>"
                f"<wp:post_name><![CDATA[{slug}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>"
                "<wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type><![CDATA[post]]></wp:post_type>"
                f"<wp:post_password><![CDATA[]]></wp:post_password><wp:is_sticky>0</wp:is_sticky>{terms}</item>\n"
            )
        out.write("</channel>\n</rss>\n")


def _sql(value: object) -> str:
    if isinstance(value, int):
        return str(value)
    text = (
        str(value)
        .replace("\\", "\\\\")
        .replace("'", "\\'")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )
    return f"'{text}'"


def write_sql(path: Path, n: int) -> None:
    """A dump with the posts, terms and relationships (tables created from pressbox's schema)."""
    from pressbox.store.db import Database

    # The CREATE TABLE statements are taken from a dump of our own schema on MySQL syntax.
    cols = [c.name for c in Database("sqlite://").tables.posts.columns]
    with path.open("w", encoding="utf-8") as out:
        out.write(
            "CREATE TABLE `wp_posts` (\n"
            + ",\n".join(f"  `{c}` text" for c in cols)
            + "\n) ENGINE=InnoDB;\n"
        )
        out.write(
            "CREATE TABLE `wp_term_relationships` (\n  `object_id` bigint(20),\n  `term_taxonomy_id` bigint(20),\n  `term_order` int(11)\n) ENGINE=InnoDB;\n"
        )
        batch: list[str] = []
        rel: list[str] = []
        for pid, date, title, slug, author, cats, tags, body in posts(n):
            d = date.strftime("%Y-%m-%d %H:%M:%S")
            row = {
                "ID": pid,
                "post_author": author[0],
                "post_date": d,
                "post_date_gmt": d,
                "post_content": body,
                "post_title": title,
                "post_excerpt": "",
                "post_status": "publish",
                "comment_status": "open",
                "ping_status": "open",
                "post_password": "",
                "post_name": slug,
                "to_ping": "",
                "pinged": "",
                "post_modified": d,
                "post_modified_gmt": d,
                "post_content_filtered": "",
                "post_parent": 0,
                "guid": f"http://127.0.0.1:8000/?p={pid}",
                "menu_order": 0,
                "post_type": "post",
                "post_mime_type": "",
                "comment_count": 0,
            }
            batch.append("(" + ",".join(_sql(row[c]) for c in cols) + ")")
            rel.extend(f"({pid},{t[0]},0)" for t in cats + tags)
            if len(batch) >= 500:
                out.write("INSERT INTO `wp_posts` VALUES " + ",".join(batch) + ";\n")
                out.write("INSERT INTO `wp_term_relationships` VALUES " + ",".join(rel) + ";\n")
                batch, rel = [], []
        if batch:
            out.write("INSERT INTO `wp_posts` VALUES " + ",".join(batch) + ";\n")
            out.write("INSERT INTO `wp_term_relationships` VALUES " + ",".join(rel) + ";\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/pressbox-bench"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    write_wxr(args.out / "site.wxr", args.posts)
    write_sql(args.out / "site.sql", args.posts)
    print(f"wrote {args.posts} posts to {args.out}/site.wxr and site.sql")


if __name__ == "__main__":
    main()
