"""An in-memory `ContentData` (and `SiteData`) over the oracle's `wordpress.sql`, for dev checks.

Good enough to render the oracle's posts: options, posts, meta, attachments, terms, comments
and users; permalinks follow the oracle's structure (`/%year%/%monthnum%/%day%/%postname%/`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from pressbox.content.blocks.data import Comment, MonthCount, Term
from pressbox.content.context import Attachment, PostData
from pressbox.store.phpserialize import maybe_unserialize

from .oracle_data import POST_COLUMNS, sql_tables

_SKIP = {"to_ping", "pinged", "post_content_filtered"}


class OracleSite:
    """Read-only site data from the oracle's SQL dump."""

    def __init__(self) -> None:
        t = sql_tables()
        self._options = {r[1]: r[2] for r in t["wp_options"]}
        self._posts: dict[int, PostData] = {}
        for row in t["wp_posts"]:
            values = {k: v for k, v in zip(POST_COLUMNS, row, strict=True) if k not in _SKIP}
            self._posts[int(row[0])] = PostData(**values)
        self._meta: dict[tuple[int, str], Any] = {}
        for _mid, post_id, key, value in t["wp_postmeta"]:
            self._meta.setdefault((int(post_id), key), value)
        self._terms = {int(r[0]): r for r in t["wp_terms"]}  # term_id, name, slug, group
        self._tax = {
            int(r[0]): r for r in t["wp_term_taxonomy"]
        }  # tt_id, term_id, tax, desc, parent, count
        self._rel: dict[int, set[int]] = defaultdict(set)
        for object_id, tt_id, _order in t["wp_term_relationships"]:
            self._rel[int(object_id)].add(int(tt_id))
        self._users = {int(r[0]): r for r in t["wp_users"]}
        self._comments = t["wp_comments"]

    # --- ContentData ---------------------------------------------------------------------

    def option(self, name: str, default: Any = None) -> Any:
        if name not in self._options:
            return default
        return maybe_unserialize(self._options[name])

    def home_url(self) -> str:
        return str(self._options.get("home", "")).rstrip("/")

    def uploads_base_url(self) -> str:
        return self.home_url() + "/wp-content/uploads"

    def post(self, post_id: int) -> PostData | None:
        return self._posts.get(post_id)

    def post_meta(self, post_id: int, key: str) -> Any:
        value = self._meta.get((post_id, key))
        return None if value is None else maybe_unserialize(value)

    def attachment(self, attachment_id: int) -> Attachment | None:
        post = self._posts.get(attachment_id)
        if post is None or post.post_type != "attachment":
            return None
        meta = self.post_meta(attachment_id, "_wp_attachment_metadata")
        return Attachment(
            post,
            str(self.post_meta(attachment_id, "_wp_attached_file") or ""),
            meta if isinstance(meta, dict) else {},
            str(self.post_meta(attachment_id, "_wp_attachment_image_alt") or ""),
        )

    def attachments_of(self, parent_id: int) -> Sequence[Attachment]:
        ids = sorted(
            (p.menu_order, p.id)
            for p in self._posts.values()
            if p.post_type == "attachment"
            and p.post_parent == parent_id
            and p.post_mime_type.startswith("image/")
        )
        return [a for _o, i in ids if (a := self.attachment(i)) is not None]

    def permalink(self, post_id: int) -> str:
        post = self._posts[post_id]
        home = self.home_url()
        if post.post_type == "page":
            names = [post.post_name]
            parent = post.post_parent
            while parent and parent in self._posts:
                names.insert(0, self._posts[parent].post_name)
                parent = self._posts[parent].post_parent
            return f"{home}/{'/'.join(names)}/"
        if post.post_type == "attachment":
            if post.post_parent and post.post_parent in self._posts:
                return f"{self.permalink(post.post_parent)}{post.post_name}/"
            return f"{home}/{post.post_name}/"
        if post.post_type == "post":
            y, m, d = post.post_date[:4], post.post_date[5:7], post.post_date[8:10]
            return f"{home}/{y}/{m}/{d}/{post.post_name}/"
        return f"{home}/?p={post.id}"

    def recent_posts(self, count: int, **filters: Any) -> Sequence[PostData]:
        posts = [
            p for p in self._posts.values() if p.post_type == "post" and p.post_status == "publish"
        ]
        cats = filters.get("category__in")
        if cats:
            wanted = {
                tt
                for tt, row in self._tax.items()
                if int(row[1]) in {int(c) for c in cats} and row[2] == "category"
            }
            posts = [p for p in posts if self._rel.get(p.id, set()) & wanted]
        if filters.get("author"):
            posts = [p for p in posts if p.post_author == int(filters["author"])]
        desc = str(filters.get("order", "desc")).lower() == "desc"
        if filters.get("orderby", "date") == "title":
            posts.sort(key=lambda p: p.post_title.lower(), reverse=desc)
        else:
            posts.sort(key=lambda p: p.post_date, reverse=desc)
        return posts[:count]

    # --- SiteData ------------------------------------------------------------------------

    def user_display_name(self, user_id: int) -> str:
        row = self._users.get(user_id)
        return str(row[9]) if row else ""

    def monthly_archives(self, post_type: str = "post") -> Sequence[MonthCount]:
        counts: dict[tuple[int, int], int] = defaultdict(int)
        for p in self._posts.values():
            if p.post_type == post_type and p.post_status == "publish":
                counts[(int(p.post_date[:4]), int(p.post_date[5:7]))] += 1
        return [MonthCount(y, m, c) for (y, m), c in sorted(counts.items(), reverse=True)]

    @cached_property
    def _all_terms(self) -> list[Term]:
        out = []
        for tt_id, row in self._tax.items():
            term = self._terms[int(row[1])]
            out.append(
                Term(int(row[1]), term[1], term[2], row[2], int(row[4]), int(row[5]), row[3], "")
            )
            del tt_id
        return out

    def terms(self, taxonomy: str, **args: Any) -> Sequence[Term]:
        terms = [t for t in self._all_terms if t.taxonomy == taxonomy]
        if args.get("pad_counts"):
            terms = [self._padded(t, terms) for t in terms]
        if args.get("hide_empty", True):
            terms = [t for t in terms if t.count > 0]
        if args.get("orderby") == "count":
            # MySQL breaks count ties by its query plan; this fake cannot reproduce that.
            terms.sort(
                key=lambda t: (t.count, t.term_id),
                reverse=str(args.get("order", "ASC")).upper() == "DESC",
            )
        else:
            terms.sort(key=lambda t: t.name.lower())
        number = int(args.get("number", 0) or 0)
        return terms[:number] if number else terms

    def _padded(self, term: Term, terms: list[Term]) -> Term:
        ids = {term.term_id}
        changed = True
        while changed:
            changed = False
            for t in terms:
                if t.parent in ids and t.term_id not in ids:
                    ids.add(t.term_id)
                    changed = True
        tts = {tt for tt, row in self._tax.items() if int(row[1]) in ids}
        posts = {
            pid
            for pid, rels in self._rel.items()
            if rels & tts and (p := self._posts.get(pid)) is not None and p.post_status == "publish"
        }
        return Term(
            term.term_id,
            term.name,
            term.slug,
            term.taxonomy,
            term.parent,
            len(posts),
            term.description,
        )

    def post_days(self, year: int, month: int) -> Sequence[int]:
        prefix = f"{year:04d}-{month:02d}-"
        return sorted(
            {
                int(p.post_date[8:10])
                for p in self._posts.values()
                if p.post_type == "post"
                and p.post_status == "publish"
                and p.post_date.startswith(prefix)
            }
        )

    def author_posts_url(self, user_id: int) -> str:
        row = self._users.get(user_id)
        return f"{self.home_url()}/author/{row[3]}/" if row else ""

    def recent_comments(self, count: int) -> Sequence[Comment]:
        def public(r: list[Any]) -> bool:
            post = self._posts.get(int(r[1]))
            return post is not None and post.post_status == "publish"

        rows = [r for r in self._comments if r[10] == "1" and public(r)]
        rows.sort(key=lambda r: r[7], reverse=True)
        return [
            Comment(
                int(r[0]), int(r[1]), r[2], r[4], r[3], int(r[14]), r[6], r[8], int(r[13]), r[12]
            )
            for r in rows[:count]
        ]

    def pages(self) -> Sequence[PostData]:
        pages = [
            p for p in self._posts.values() if p.post_type == "page" and p.post_status == "publish"
        ]
        return sorted(pages, key=lambda p: (p.menu_order, p.post_title.lower()))
