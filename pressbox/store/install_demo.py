"""A small demo dataset for a new site: "Field Notes", a blog about trains, bread and tools.

Categories with a parent/child pair, tags, a dozen published block-editor posts (paragraphs,
headings, lists, a quote, code), one sticky post, one draft, three pages with a parent/child
pair and a few threaded comments. The markup is the block editor's own serialization (what
`serialize()` of @wordpress/blocks writes), so WordPress and pressbox render it the same way.
There is no WordPress counterpart: WordPress installs only the defaults of wp_install_defaults().
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pressbox.store.install import ContentWriter

# --------------------------------------------------------------------------- block markup


def p(html: str) -> str:
    return f"<!-- wp:paragraph -->\n<p>{html}</p>\n<!-- /wp:paragraph -->"


def h(text: str, level: int = 2) -> str:
    attrs = "" if level == 2 else f' {{"level":{level}}}'
    return (
        f'<!-- wp:heading{attrs} -->\n<h{level} class="wp-block-heading">{text}</h{level}>\n'
        "<!-- /wp:heading -->"
    )


def _list(tag: str, attrs: str, items: tuple[str, ...]) -> str:
    inner = "\n\n".join(
        f"<!-- wp:list-item -->\n<li>{i}</li>\n<!-- /wp:list-item -->" for i in items
    )
    return (
        f'<!-- wp:list{attrs} -->\n<{tag} class="wp-block-list">{inner}</{tag}>\n<!-- /wp:list -->'
    )


def ul(*items: str) -> str:
    return _list("ul", "", items)


def ol(*items: str) -> str:
    return _list("ol", ' {"ordered":true}', items)


def quote(html: str, cite: str) -> str:
    return (
        '<!-- wp:quote -->\n<blockquote class="wp-block-quote">'
        + p(html)
        + f"<cite>{cite}</cite></blockquote>\n<!-- /wp:quote -->"
    )


def code(source: str) -> str:
    """A code block; the editor escapes HTML and `[` (so shortcodes stay inert)."""
    escaped = source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace("[", "&#91;")
    return f'<!-- wp:code -->\n<pre class="wp-block-code"><code>{escaped}</code></pre>\n<!-- /wp:code -->'


def separator() -> str:
    return (
        '<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n'
        "<!-- /wp:separator -->"
    )


def blocks(*parts: str) -> str:
    return "\n\n".join(parts)


# --------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class DemoTerm:
    slug: str
    name: str
    description: str = ""
    parent: str | None = None


@dataclass(frozen=True)
class DemoPost:
    slug: str
    title: str
    days_ago: int  # >= 1, so that any hour of that day lies in the past
    hour: int
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    content: str
    excerpt: str = ""
    sticky: bool = False
    status: str = "publish"


@dataclass(frozen=True)
class DemoPage:
    slug: str
    title: str
    days_ago: int
    content: str
    parent: str | None = None
    menu_order: int = 0


@dataclass(frozen=True)
class DemoComment:
    key: str
    post: str
    author: str | None  # None: the site's administrator
    email: str
    content: str
    hours_after: int
    parent: str | None = None
    url: str = ""


CATEGORIES = (
    DemoTerm("travel", "Travel", "Trips taken slowly, mostly by train and on foot."),
    DemoTerm("city-guides", "City Guides", "Walking routes and small finds in cities.", "travel"),
    DemoTerm("kitchen", "Kitchen", "Everyday cooking: bread, coffee and leftovers."),
    DemoTerm("workshop", "Workshop", "Small tools, fixes and scripts."),
)

TAGS = (
    DemoTerm("bread", "Bread"),
    DemoTerm("coffee", "Coffee"),
    DemoTerm("trains", "Trains"),
    DemoTerm("walking", "Walking"),
    DemoTerm("python", "Python"),
    DemoTerm("weekend-projects", "Weekend Projects"),
)

_RENAME_SCRIPT = """from datetime import datetime
from pathlib import Path
import sys

folder = Path(sys.argv[1])
for photo in sorted(folder.glob("*.jpg")):
    taken = datetime.fromtimestamp(photo.stat().st_mtime)
    target = photo.with_name(taken.strftime("%Y-%m-%d_%H%M%S") + photo.suffix)
    if not target.exists():
        photo.rename(target)
        print(f"{photo.name} -> {target.name}")"""

_REQUESTS = """GET /wp-json/wp/v2/posts?sticky=true
GET /wp-json/wp/v2/posts?search=bread&_embed
GET /wp-json/wp/v2/categories?slug=kitchen
GET /wp-json/wp/v2/pages?orderby=menu_order&order=asc
GET /wp-json/wp/v2/comments?orderby=date&order=asc"""

# fmt: off
POSTS = (
    DemoPost("the-sourdough-starter-diary", "The Sourdough Starter Diary", 41, 8, ("kitchen",), ("bread",), blocks(
        p("A jar, flour, water and a week of patience. This is how our starter came to life, written down day by day so that the next one is easier."),
        h("Day one"),
        p("Mix 50&nbsp;g of whole wheat flour with 50&nbsp;g of lukewarm water, cover loosely and leave it somewhere warm. Nothing visible happens, and that is fine."),
        h("What it eats"),
        ul("Equal weights of flour and water, twice a day", "A spoonful of rye when it looks sleepy", "Nothing at all when it lives in the fridge"),
        quote("Bread is a slow conversation between you, the flour and the weather.", "The baker on our street"),
        p("By day seven it doubled in four hours, and our first loaf had an <em>almost</em> open crumb."),
    )),
    DemoPost("a-slow-train-to-the-coast", "A Slow Train to the Coast", 37, 10, ("travel",), ("trains",), blocks(
        p("The regional train takes three hours where the motorway takes ninety minutes. We took the train, and it was the best part of the weekend."),
        p("It stops at every village with a platform, and every stop has a story: a station cat, a rose garden, a timetable from 1987 still framed on the wall."),
        h("What to bring"),
        ul("A paper map, for the fun of following along", "Sandwiches from the bakery by the station", "A book you will not read because the window wins"),
        p("We arrived hungry and happy, and walked the last kilometre to the sea."),
    )),
    DemoPost("why-i-weigh-my-coffee", "Why I Weigh My Coffee", 33, 7, ("kitchen",), ("coffee",), blocks(
        p("A kitchen scale costs less than a bag of good beans, and it is the single change that made my morning coffee taste the same every day."),
        ol("Weigh 15&nbsp;g of beans and grind them medium-fine", "Heat 250&nbsp;g of water to just off the boil", "Pour 50&nbsp;g, wait thirty seconds, then pour the rest slowly", "Stop at 250&nbsp;g and let it drip through"),
        p("Once the numbers are fixed you can change <strong>one</strong> thing at a time and actually taste the difference."),
    )),
    DemoPost("three-days-in-lisbon-on-foot", "Three Days in Lisbon on Foot", 29, 9, ("city-guides",), ("walking",), blocks(
        p("Lisbon is built on seven hills, and we climbed most of them. Comfortable shoes are not optional."),
        h("Day one: Alfama"),
        p("Get lost on purpose in the lanes below the castle. Every staircase ends at a viewpoint or a tiny grocery."),
        h("Day two: along the river"),
        p("Walk west from Cais do Sodré to Belém. It is flat, long and breezy, and the custard tarts at the end are earned."),
        h("Day three: the old tram line"),
        p("Follow the tram's route on foot and let the trams pass you on the hills."),
    )),
    DemoPost("a-tiny-script-to-rename-photos", "A Tiny Script to Rename Photos", 25, 20, ("workshop",), ("python", "weekend-projects"), blocks(
        p("My phone names photos <code>IMG_4031.jpg</code>, which tells me nothing. Ten lines of Python rename a folder of them after the time they were taken:"),
        code(_RENAME_SCRIPT),
        p("Run it as <code>python rename.py ~/Pictures/trip</code>. It never overwrites a file, so running it twice is harmless."),
        ul("It uses the file's modification time, not the EXIF date", "Photos taken in the same second keep their old names", "Change the glob to rename other files"),
    )),
    DemoPost("packing-light-a-checklist", "Packing Light: A Checklist", 21, 18, ("travel",), ("walking",), blocks(
        p("Everything for a week, in a bag that fits under a train seat."),
        h("Clothes"),
        ul("Three shirts that dry overnight", "One warm layer", "Shoes you have already walked ten kilometres in"),
        h("Everything else"),
        ul("A small towel", "A charger with two ports", "A notebook and a pencil"),
        p("If you hesitate about an item, leave it at home. You will not miss it."),
    ), excerpt="Everything for a week of walking, in one small bag."),
    DemoPost("a-rainy-afternoon-in-porto", "A Rainy Afternoon in Porto", 17, 15, ("city-guides",), ("coffee", "walking"), blocks(
        p("The rain came in from the Atlantic just as we reached the river, so we did what everyone in Porto does: found a café and waited."),
        quote("There is no bad weather here, only more time for coffee.", "Our waiter, shrugging at the window"),
        p("When it cleared, the tiled façades shone like they had been polished for us."),
    )),
    DemoPost("fixing-a-wobbly-table", "Fixing a Wobbly Table", 14, 11, ("workshop",), ("weekend-projects",), blocks(
        p("Our kitchen table has wobbled for years. It took one Saturday morning to fix."),
        ol("Find the short leg with a spirit level, not by guessing", "Tighten every bolt before cutting anything", "Glue a thin slice of cork under the short leg", "Let it set overnight with a stack of books on top"),
        p("The table is steady, and we found two lost pencils under it."),
    )),
    DemoPost("the-best-bread-is-yesterdays", "The Best Bread Is Yesterday's", 10, 13, ("kitchen",), ("bread",), blocks(
        p("A loaf that is a day old is not a problem, it is an ingredient."),
        h("Three ways to use it", 3),
        ul("Tear it into a tomato salad and let it soak", "Toast thin slices with olive oil for soup", "Blend it into crumbs and keep them in a jar"),
        p("Bread that is a week old goes to the ducks, who have never complained."),
    )),
    DemoPost("reading-timetables-like-a-local", "Reading Timetables Like a Local", 7, 19, ("travel",), ("trains",), blocks(
        p("Printed timetables look like tax forms, but they answer questions an app never will."),
        ul("Small letters next to a time mean exceptions: weekdays only, school days, holidays", "A vertical line means the train does not stop there", "The last column is the one that matters late at night"),
        separator(),
        p("When in doubt, ask at the ticket office. Station staff love a good timetable question."),
    )),
    DemoPost("cold-brew-without-the-fuss", "Cold Brew, Without the Fuss", 4, 16, ("kitchen",), ("coffee", "weekend-projects"), blocks(
        p("No special equipment, just a jar and a night in the fridge."),
        ol("Stir 80&nbsp;g of coarsely ground coffee into one litre of cold water", "Leave it in the fridge for twelve to sixteen hours", "Strain through a paper filter"),
        p("Dilute it half and half with milk or water. It keeps for a week, if it lasts that long."),
    )),
    DemoPost("start-here", "Start Here: A Tour of This Demo Site", 1, 9, ("workshop",), (), blocks(
        p("Welcome! This site was filled with demo content so you have something to explore through the REST API. Everything here can be edited or deleted."),
        h("Things to try"),
        ul("This post is <strong>sticky</strong>: ask for sticky posts only", "Posts have categories (one with a parent) and tags", "Pages nest: <em>Contributors</em> is a child of <em>About</em>", "Some posts have threaded comments"),
        code(_REQUESTS),
        p("Add <code>_embed</code> to a request to get authors and terms in the same answer."),
    ), sticky=True),
    DemoPost("markets-of-marseille", "Markets of Marseille", 2, 12, ("city-guides",), ("walking",), blocks(
        p("Notes for a guide to the morning markets, still to be written."),
        ul("Fish market at the old port, before nine", "Noailles for spices"),
    ), status="draft"),
)

PAGES = (
    DemoPage("about", "About", 45, blocks(
        p("Field Notes is a small demo site about slow trips, simple cooking and weekend fixes."),
        p("It exists so that a new site has something to show. Replace this page with your own story."),
    )),
    DemoPage("contributors", "Contributors", 44, blocks(
        p("The people who wrote these notes, in order of appearance:"),
        ul("The administrator, who bakes", "Our readers, who correct us in the comments"),
    ), parent="about", menu_order=1),
    DemoPage("contact", "Contact", 44, p(
        "Write to us at the address in the site settings. We answer slowly, as befits the subject."
    ), menu_order=2),
)

COMMENTS = (
    DemoComment("mina-1", "the-sourdough-starter-diary", "Mina Okafor", "mina@example.org", "My starter smelled like nail polish on day four. Is that normal?", 5),
    DemoComment("admin-1", "the-sourdough-starter-diary", None, "", "Completely normal! It means the starter is hungry. Feed it twice a day and the smell goes away.", 7, "mina-1"),
    DemoComment("mina-2", "the-sourdough-starter-diary", "Mina Okafor", "mina@example.org", "Fed it twice yesterday and it doubled overnight. Thank you!", 30, "admin-1"),
    DemoComment("jonas-1", "the-sourdough-starter-diary", "Jonas Berg", "jonas@example.net", "Rye flour made my starter much livelier than white flour did.", 50, url="https://example.net/jonas"),
    DemoComment("priya-1", "a-slow-train-to-the-coast", "Priya Raman", "priya@example.com", "We did the same trip last spring. The café car sells the best almond cake.", 3),
    DemoComment("jonas-2", "a-slow-train-to-the-coast", "Jonas Berg", "jonas@example.net", "Can confirm about the almond cake.", 9, "priya-1", "https://example.net/jonas"),
    DemoComment("tomas-1", "a-tiny-script-to-rename-photos", "Tomás Ferreira", "tomas@example.org", "Does this work with HEIC files from newer phones?", 12),
    DemoComment("admin-2", "a-tiny-script-to-rename-photos", None, "", "It renames any file by its modification time, so yes. Reading the date from inside a HEIC file would need an extra library.", 20, "tomas-1"),
)
# fmt: on


# --------------------------------------------------------------------------- the writer


def _at(now: datetime, days_ago: int, hour: int, minute: int) -> datetime:
    return (now - timedelta(days=days_ago)).replace(hour=hour, minute=minute, second=0)


def install_demo(
    w: ContentWriter, admin_id: int, admin_name: str, admin_email: str
) -> tuple[int, ...]:
    """Write the demo terms, posts, pages and comments; returns the sticky post ids."""
    terms: dict[tuple[str, str], tuple[int, int]] = {}
    for taxonomy, group in (("category", CATEGORIES), ("post_tag", TAGS)):
        for term in group:
            parent = terms[(taxonomy, term.parent)][0] if term.parent else 0
            terms[(taxonomy, term.slug)] = w.add_term(
                term.name, term.slug, taxonomy, term.description, parent
            )
    posts: dict[str, tuple[int, datetime]] = {}
    sticky: list[int] = []
    for n, post in enumerate(POSTS):
        date = _at(w.now, post.days_ago, post.hour, (n * 17) % 60)
        draft = post.status == "draft"
        post_id = w.add_post(
            author=admin_id,
            title=post.title,
            name="" if draft else post.slug,  # wp_insert_post() leaves drafts unnamed
            content=post.content,
            date=date,
            status=post.status,
            excerpt=post.excerpt,
            floating_date=draft,
        )
        posts[post.slug] = (post_id, date)
        for taxonomy, slugs in (("category", post.categories), ("post_tag", post.tags)):
            for slug in slugs:
                w.relate(post_id, terms[(taxonomy, slug)][1])
        if post.sticky:
            sticky.append(post_id)
    pages: dict[str, int] = {}
    for n, page in enumerate(PAGES):
        pages[page.slug] = w.add_post(
            author=admin_id,
            title=page.title,
            name=page.slug,
            content=page.content,
            date=_at(w.now, page.days_ago, 8, n * 5),
            post_type="page",
            comment_status="closed",
            ping_status="closed",
            parent=pages[page.parent] if page.parent else 0,
            menu_order=page.menu_order,
        )
    comments: dict[str, int] = {}
    for c in COMMENTS:
        post_id, posted = posts[c.post]
        by_admin = c.author is None
        comments[c.key] = w.add_comment(
            post_id=post_id,
            author=admin_name if by_admin else str(c.author),
            email=admin_email if by_admin else c.email,
            url=w.site_url if by_admin else c.url,
            content=c.content,
            date=min(posted + timedelta(hours=c.hours_after), w.now),
            parent=comments[c.parent] if c.parent else 0,
            user_id=admin_id if by_admin else 0,
        )
    return tuple(sticky)
