"""The Query Loop's `WP_Query`: query vars from the block context, sticky posts, post classes.

`build_query_vars_from_query_block()` (blocks.php) becomes a `LoopQuery`; `run_query()` adds
what `WP_Query::get_posts()` does on top of the SQL (a custom query is `is_home`, so sticky
posts move to the front of its first page) and memoises the result for the render, as the
pagination blocks run the same query again. `post_class()` is `get_post_class()`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from pressbox.content.blocks.data import LoopPage, LoopQuery, LoopTax, site_method
from pressbox.content.context import PostData, RenderContext

__all__ = [
    "LoopResult",
    "current_post",
    "loop_query",
    "password_required",
    "post_class",
    "query_page",
    "run_query",
]

_MEMO = "_loop_queries"
LOOP_POSTS = "_loop_posts"  # ctx.state: stack of posts being looped over (the global $post)
_FORMATS = ("aside", "chat", "gallery", "link", "image", "quote", "status", "video", "audio")
_PUBLIC_TAXONOMIES = {"post": ("category", "post_tag", "post_format")}


@dataclass(frozen=True)
class LoopResult:
    posts: tuple[PostData, ...]
    found: int
    max_num_pages: int


def current_post(ctx: RenderContext) -> PostData:
    """The global `$post`: the loop's current post, else the post being rendered."""
    stack: list[PostData] = ctx.state.get(LOOP_POSTS) or []
    return stack[-1] if stack else ctx.post


def password_required(ctx: RenderContext, post: PostData) -> bool:
    """`post_password_required()` for an anonymous reader (the REST `password` unlocks the
    post being rendered)."""
    if not post.post_password:
        return False
    return not (post.id == ctx.post.id and ctx.state.get("password_verified"))


def query_page(ctx: RenderContext, query_id: Any, name: str | None = None) -> int:
    """The page of a query loop: `$_GET['query-{id}-page']` of the request (1 when absent).

    With `name`, that parameter's integer value instead (0 when absent).
    """
    from pressbox.rest.phpquery import parse_query

    key = name or (f"query-{query_id}-page" if query_id is not None else "query-page")
    url = ctx.request_url
    query = url.split("?", 1)[1].split("#", 1)[0] if "?" in url else ""
    value = parse_query(query).get(key)
    if value in (None, "", "0") or not isinstance(value, str):  # PHP's empty()
        return 0 if name else 1
    m = re.match(r"\s*[+-]?\d+", value)
    return int(m.group(0)) if m else 0


def _ints(values: Any) -> tuple[int, ...]:
    out: list[int] = []
    for v in values if isinstance(values, list | tuple) else []:
        try:
            n = int(float(v))
        except (TypeError, ValueError):
            n = 0
        if n:
            out.append(n)
    return tuple(out)


def _numeric(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return (
        isinstance(value, str)
        and re.fullmatch(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", value) is not None
    )


def _tax_query(q: dict[str, Any]) -> list[LoopTax]:
    tax: list[LoopTax] = []
    if q.get("categoryIds"):
        tax.append(LoopTax("category", _ints(q["categoryIds"])))
    if q.get("tagIds"):
        tax.append(LoopTax("post_tag", _ints(q["tagIds"])))
    tax_input = q.get("taxQuery")
    if tax_input and isinstance(tax_input, dict):
        if set(tax_input) - {"include", "exclude"}:
            for taxonomy, terms in tax_input.items():
                if terms and taxonomy in ("category", "post_tag", "post_format"):
                    tax.append(LoopTax(taxonomy, _ints(terms)))
        else:
            for key, operator in (("include", "IN"), ("exclude", "NOT IN")):
                group = tax_input.get(key)
                for taxonomy, terms in group.items() if isinstance(group, dict) else []:
                    if terms and taxonomy in ("category", "post_tag", "post_format"):
                        tax.append(LoopTax(taxonomy, _ints(terms), operator))
    return tax


def loop_query(
    ctx: RenderContext, context: dict[str, Any], page: int, sticky: list[int]
) -> tuple[LoopQuery, bool]:
    """`build_query_vars_from_query_block()`: the query and whether stickies are ignored."""
    q = context.get("query")
    if not isinstance(q, dict):
        return LoopQuery(), False
    post_type = str(q.get("postType") or "post")
    if post_type.startswith("wp_"):
        post_type = "post"
    ignore_sticky = False
    post_in: tuple[int, ...] | None = None
    not_in: list[int] = []
    mode = q.get("sticky")
    if mode == "only":
        post_in = tuple(sticky) or (0,)
        ignore_sticky = True
    elif mode == "exclude":
        not_in.extend(sticky)
    elif mode == "ignore":
        ignore_sticky = True
    not_in.extend(_ints(q.get("exclude")))
    if q.get("excludeCurrent"):
        not_in.append(current_post(ctx).id)
    per_page: int | None = None
    offset = 0
    if "perPage" in q and _numeric(q["perPage"]):
        per_page = abs(int(float(q["perPage"])))
        start = abs(int(float(q["offset"]))) if _numeric(q.get("offset")) else 0
        offset = abs(per_page * (page - 1) + start)  # WP_Query's absint( offset )
        per_page = per_page or 1  # WP_Query turns posts_per_page 0 into 1
    formats = q.get("format")
    valid = tuple(
        f for f in (formats if isinstance(formats, list) else []) if f in ("standard", *_FORMATS)
    )
    order = str(q.get("order", "DESC")).upper()
    author = q.get("author")
    authors: tuple[int, ...] = ()
    if isinstance(author, list):
        authors = _ints(author)
    elif isinstance(author, str):
        authors = _ints(author.split(","))
    elif isinstance(author, int) and not isinstance(author, bool) and author > 0:
        authors = (author,)
    parents = _ints(q.get("parents")) if post_type == "page" else ()
    return (
        LoopQuery(
            post_type=post_type,
            order=order if order in ("ASC", "DESC") else "DESC",
            orderby=str(q.get("orderBy", "date")),
            per_page=per_page,
            offset=offset,
            post_in=post_in,
            post_not_in=tuple(not_in),
            author_in=authors,
            search=str(q.get("search") or ""),
            parent_in=tuple(dict.fromkeys(parents)),
            tax=tuple(_tax_query(q)),
            formats=valid,
        ),
        ignore_sticky,
    )


def _sticky_posts(ctx: RenderContext) -> list[int]:
    read = site_method(ctx, "sticky_posts")
    return [int(i) for i in read()] if callable(read) else []


def run_query(ctx: RenderContext, context: dict[str, Any], page: int) -> LoopResult:
    """`new WP_Query( build_query_vars_from_query_block( $block, $page ) )`."""
    sticky = _sticky_posts(ctx)
    query, ignore_sticky = loop_query(ctx, context, page, sticky)
    memo: dict[tuple[LoopQuery, bool], LoopResult] = ctx.state.setdefault(_MEMO, {})
    key = (query, ignore_sticky)
    if key in memo:
        return memo[key]
    fetch = site_method(ctx, "loop_posts")
    found: LoopPage = fetch(query) if callable(fetch) else LoopPage()
    posts = list(found.posts)
    if sticky and not ignore_sticky:
        posts = _stickies_first(posts, sticky, query, fetch)
    per_page = query.per_page
    if per_page is None:
        per_page = int(ctx.data.option("posts_per_page", 10) or 10)
    pages = math.ceil(found.found / per_page) if per_page > 0 else 0
    result = LoopResult(tuple(posts), found.found, pages)
    memo[key] = result
    return result


def _stickies_first(
    posts: list[PostData], sticky: list[int], query: LoopQuery, fetch: Any
) -> list[PostData]:
    """`WP_Query::get_posts()`: stickies on the page move to the front, the others are added."""
    remaining = list(sticky)
    front: list[PostData] = []
    rest: list[PostData] = []
    for post in posts:
        if post.id in remaining:
            front.append(post)
            remaining.remove(post.id)
        else:
            rest.append(post)
    remaining = [i for i in remaining if i not in query.post_not_in]
    if remaining and callable(fetch):
        extra = fetch(
            LoopQuery(post_type=query.post_type, post_in=tuple(remaining), per_page=len(remaining))
        )
        front.extend(extra.posts)
    return front + rest


def _sanitize_html_class(value: str, fallback: str) -> str:
    cleaned = re.sub(r"%[a-fA-F0-9]{2}", "", value)
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "", cleaned)
    return cleaned if cleaned else fallback


def post_class(ctx: RenderContext, post: PostData, extra: str = "") -> str:
    """`get_post_class( $extra, $post )`, space-separated (for a public front end)."""
    classes = [c for c in re.split(r"\s+", extra) if c] if extra else []
    classes += [f"post-{post.id}", post.post_type, f"type-{post.post_type}"]
    classes.append(f"status-{post.post_status}")
    taxonomies = _PUBLIC_TAXONOMIES.get(post.post_type, ())
    read_terms = site_method(ctx, "post_terms")
    terms: Any = (
        read_terms([post.id], list(taxonomies)).get(post.id, {})
        if (taxonomies and callable(read_terms))
        else {}
    )
    if post.post_type == "post":
        formats = terms.get("post_format") or []
        slug = str(formats[0]["slug"]).removeprefix("post-format-") if formats else ""
        classes.append(f"format-{_sanitize_html_class(slug, '')}" if slug else "format-standard")
    required = password_required(ctx, post)
    if required:
        classes.append("post-password-required")
    elif post.post_password:
        classes.append("post-password-protected")
    thumbnail = ctx.data.post_meta(post.id, "_thumbnail_id")
    if _intval(thumbnail) and post.post_type != "attachment" and not required:
        classes.append("has-post-thumbnail")
    classes.append("hentry")
    for taxonomy in taxonomies:
        for term in terms.get(taxonomy) or []:
            slug = str(term.get("slug") or "")
            if not slug:
                continue
            term_class = _sanitize_html_class(slug, str(term["term_id"]))
            if term_class.isdigit() or not term_class.strip("-"):
                term_class = str(term["term_id"])
            if taxonomy == "post_tag":
                classes.append(f"tag-{term_class}")
            else:
                classes.append(
                    _sanitize_html_class(
                        f"{taxonomy}-{term_class}", f"{taxonomy}-{term['term_id']}"
                    )
                )
    return " ".join(dict.fromkeys(classes))


def _intval(value: Any) -> int:
    try:
        return int(str(value).strip() or 0)
    except ValueError:
        m = re.match(r"\s*[+-]?\d+", str(value))
        return int(m.group(0)) if m else 0
