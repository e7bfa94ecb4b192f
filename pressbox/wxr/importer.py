"""Import a WXR export into WordPress's tables: pressbox's WordPress Importer.

The counterpart of the WordPress Importer plugin (wordpress-importer 0.9), run on a site that
should end up holding what the exporting site held. What it does the same way: authors become
users (role subscriber), terms keep their parents, posts of every type keep their ids, their
meta, their terms, their comments and comment meta; sticky posts join `sticky_posts`; term
counts and comment counts are recomputed.

Where it differs, on purpose:
- every id is kept — posts, terms, comments, users — when free, not only post ids;
- a row whose id already exists is skipped (the Importer matches posts by title and date),
  which makes re-importing the same file a no-op;
- attachment files are not fetched: the rows and meta are written as exported, and
  `post_mime_type` comes from the file name, as `wp_check_filetype()` would give it;
- meta values are stored byte for byte (the Importer unserializes and re-serializes them,
  which unwraps a serialized string);
- the channel's site title, tagline and URLs become `blogname`, `blogdescription`, `siteurl`
  and `home` only when the site has none: an existing site's settings win, a fresh database
  gets the exporting site's;
- with an `Engine`, the whole import is one transaction: it lands completely or not at all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from pressbox.store.phpserialize import dumps, maybe_unserialize
from pressbox.store.tables import ZERO_DATE, Tables
from pressbox.wxr.dbutil import BATCH, IdAllocator, existing_ids, insert_many, sync_sequences
from pressbox.wxr.mime import mime_type_for
from pressbox.wxr.reader import read_wxr
from pressbox.wxr.records import Author, Item, SiteInfo, Term
from pressbox.wxr.taxonomy import BUILTIN_OBJECT_TYPES, TermWriter
from pressbox.wxr.users import UserWriter

__all__ = ["ImportStats", "import_wxr"]

# A batch of items is written when it holds this many items or this much text, whichever
# comes first: memory stays bounded even for exports of very long posts.
BATCH_BYTES = 8 << 20


@dataclass
class ImportStats:
    """What an import wrote, and what it skipped because it was already there."""

    wxr_version: str = ""
    items: int = 0
    posts: int = 0
    posts_skipped: int = 0
    postmeta: int = 0
    comments: int = 0
    comments_skipped: int = 0
    commentmeta: int = 0
    terms: int = 0
    terms_skipped: int = 0
    termmeta: int = 0
    term_relationships: int = 0
    users: int = 0
    users_skipped: int = 0
    usermeta: int = 0
    options: int = 0


def import_wxr(
    path: str | os.PathLike[str],
    db: Engine | Connection,
    tables: Tables,
    progress: Callable[[int], None] | None = None,
    *,
    object_types: Mapping[str, tuple[str, ...] | None] = BUILTIN_OBJECT_TYPES,
    batch_size: int = BATCH,
) -> ImportStats:
    """Import the WXR file at `path`; call `progress(items_done)` after each batch.

    Given an `Engine`, the import runs in its own transaction; given a `Connection`, it runs
    in the caller's, who commits. `object_types` maps taxonomies to the post types they count
    (None: not posts); pass the site's taxonomy registry to count custom taxonomies right.
    """
    if isinstance(db, Engine):
        with db.begin() as conn:
            return _Import(conn, tables, progress, object_types, batch_size).run(path)
    return _Import(db, tables, progress, object_types, batch_size).run(path)


_ENTITY = re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def _esc_html(text: str) -> str:
    """WordPress's `esc_html()` (no double encoding): how `blogname` and `blogdescription`
    are stored, while the WXR carries them decoded."""
    text = _ENTITY.sub("&amp;", text)
    return (
        text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#039;")
    )


class _Import:
    """One run of the importer over one file, on one connection."""

    def __init__(
        self,
        conn: Connection,
        tables: Tables,
        progress: Callable[[int], None] | None,
        object_types: Mapping[str, tuple[str, ...] | None],
        batch_size: int,
    ) -> None:
        self._conn = conn
        self._t = tables
        self._progress = progress
        self._batch_size = batch_size
        self.stats = ImportStats()
        self._users = UserWriter(conn, tables, self.stats)
        self._terms = TermWriter(conn, tables, self.stats, object_types)
        self._post_ids = IdAllocator(conn, tables.posts.c.ID)
        self._comment_ids = IdAllocator(conn, tables.comments.c.comment_ID)
        self._site = SiteInfo()
        self._batch: list[Item] = []
        self._batch_bytes = 0
        self._sticky: list[int] = []

    def run(self, path: str | os.PathLike[str]) -> ImportStats:
        for record in read_wxr(path):
            if isinstance(record, Item):
                self._terms.flush()  # the term list precedes the items
                self._queue(record)
            elif isinstance(record, Term):
                self._terms.add(record)
            elif isinstance(record, Author):
                self._users.add(record)
            else:
                self._site = record
                self.stats.wxr_version = record.wxr_version
        self._flush_items()
        self._terms.flush()
        self._write_options()
        self._write_sticky()
        self._terms.recount()
        sync_sequences(self._conn, self._t)
        return self.stats

    # ----------------------------------------------------------------------- items

    def _queue(self, item: Item) -> None:
        self._batch.append(item)
        self._batch_bytes += len(item.content) + len(item.excerpt)
        self._batch_bytes += sum(len(m.value) for m in item.meta)
        self._batch_bytes += sum(len(c.content) for c in item.comments)
        if len(self._batch) >= self._batch_size or self._batch_bytes >= BATCH_BYTES:
            self._flush_items()

    def _flush_items(self) -> None:
        batch, self._batch, self._batch_bytes = self._batch, [], 0
        if not batch:
            return
        t = self._t
        explicit = [item.id for item in batch if item.id is not None]
        taken = existing_ids(self._conn, t.posts.c.ID, explicit)
        for post_id in explicit:
            self._post_ids.seen(post_id)
        new: list[tuple[int, Item]] = []
        for item in batch:
            post_id = item.id if item.id is not None else self._post_ids.next()
            if post_id in taken:
                self.stats.posts_skipped += 1
                self.stats.comments_skipped += len(item.comments)
                continue
            taken.add(post_id)  # the same id twice in one file: the first one wins
            new.append((post_id, item))

        rows = _Rows()
        self._comment_rows(new, rows)
        self._term_rows(new, rows)
        for post_id, item in new:
            rows.posts.append(self._post_row(post_id, item, rows.approved.get(post_id, 0)))
            rows.postmeta.extend(
                {"post_id": post_id, "meta_key": m.key, "meta_value": m.value} for m in item.meta
            )
            if item.is_sticky:
                self._sticky.append(post_id)

        conn = self._conn
        self.stats.posts += insert_many(conn, t.posts, rows.posts)
        self.stats.postmeta += insert_many(conn, t.postmeta, rows.postmeta)
        self.stats.comments += insert_many(conn, t.comments, rows.comments)
        self.stats.commentmeta += insert_many(conn, t.commentmeta, rows.commentmeta)
        self.stats.term_relationships += insert_many(conn, t.term_relationships, rows.relations)
        self.stats.items += len(batch)
        if self._progress is not None:
            self._progress(self.stats.items)

    def _post_row(self, post_id: int, item: Item, comment_count: int) -> dict[str, Any]:
        mime = ""
        if item.type == "attachment":
            mime = mime_type_for(item.attachment_url or item.guid)
        return {
            "ID": post_id,
            "post_author": self._users.id_for_login(item.creator),
            "post_date": item.date or ZERO_DATE,
            "post_date_gmt": item.date_gmt or ZERO_DATE,
            "post_content": item.content,
            "post_title": item.title,
            "post_excerpt": item.excerpt,
            "post_status": item.status,
            "comment_status": item.comment_status,
            "ping_status": item.ping_status,
            "post_password": item.password,
            "post_name": item.name,
            "to_ping": "",
            "pinged": "",
            # WXR < 1.2 has no modified dates; wp_insert_post() then uses the post date.
            "post_modified": item.modified or item.date or ZERO_DATE,
            "post_modified_gmt": item.modified_gmt or item.date_gmt or ZERO_DATE,
            "post_content_filtered": "",
            "post_parent": item.parent,
            "guid": item.guid,
            "menu_order": item.menu_order,
            "post_type": item.type,
            "post_mime_type": mime,
            "comment_count": comment_count,
        }

    def _comment_rows(self, new: list[tuple[int, Item]], rows: _Rows) -> None:
        explicit = [c.id for _, item in new for c in item.comments if c.id is not None]
        taken = existing_ids(self._conn, self._t.comments.c.comment_ID, explicit)
        for comment_id in explicit:
            self._comment_ids.seen(comment_id)
        for post_id, item in new:
            for c in item.comments:
                comment_id = c.id if c.id is not None else self._comment_ids.next()
                if comment_id in taken:
                    self.stats.comments_skipped += 1
                    continue
                taken.add(comment_id)
                kind = c.type or "comment"  # wp_insert_comment() names an empty type
                rows.comments.append(
                    {
                        "comment_ID": comment_id,
                        "comment_post_ID": post_id,
                        "comment_author": c.author,
                        "comment_author_email": c.author_email,
                        "comment_author_url": c.author_url,
                        "comment_author_IP": c.author_ip,
                        "comment_date": c.date or ZERO_DATE,
                        "comment_date_gmt": c.date_gmt or ZERO_DATE,
                        "comment_content": c.content,
                        "comment_karma": 0,
                        "comment_approved": c.approved,
                        "comment_agent": "",
                        "comment_type": kind,
                        "comment_parent": c.parent,
                        "user_id": self._users.map_user_id(c.user_id) if c.user_id else 0,
                    }
                )
                rows.commentmeta.extend(
                    {"comment_id": comment_id, "meta_key": m.key, "meta_value": m.value}
                    for m in c.meta
                )
                # wp_update_comment_count_now(): approved comments, notes excepted.
                if c.approved == "1" and kind != "note":
                    rows.approved[post_id] = rows.approved.get(post_id, 0) + 1

    def _term_rows(self, new: list[tuple[int, Item]], rows: _Rows) -> None:
        tr = self._t.term_relationships
        ids = [post_id for post_id, item in new if item.terms]
        related: set[tuple[int, int]] = set()
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            found = self._conn.execute(
                select(tr.c.object_id, tr.c.term_taxonomy_id).where(tr.c.object_id.in_(chunk))
            )
            related.update((int(a), int(b)) for a, b in found)
        for post_id, item in new:
            for ref in item.terms:
                tt_id = self._terms.tt_id_for(ref)
                if (post_id, tt_id) in related:
                    continue
                related.add((post_id, tt_id))
                rows.relations.append(
                    {"object_id": post_id, "term_taxonomy_id": tt_id, "term_order": 0}
                )
                self._terms.touched(tt_id, ref.taxonomy)

    # ----------------------------------------------------------------------- options

    def _write_options(self) -> None:
        site = self._site
        wanted = {
            "siteurl": site.base_site_url or site.link,
            "home": site.base_blog_url or site.link,
            "blogname": _esc_html(site.title),
            "blogdescription": _esc_html(site.description),
        }
        wanted = {k: v for k, v in wanted.items() if v or k == "blogdescription"}
        options = self._t.options
        present = set(
            self._conn.execute(
                select(options.c.option_name).where(options.c.option_name.in_(list(wanted)))
            ).scalars()
        )
        rows = [
            {"option_name": k, "option_value": v, "autoload": "on"}
            for k, v in wanted.items()
            if k not in present
        ]
        self.stats.options += insert_many(self._conn, options, rows)

    def _write_sticky(self) -> None:
        """Add the file's sticky posts to `sticky_posts`, as `stick_post()` does."""
        if not self._sticky:
            return
        options = self._t.options
        stored = self._conn.execute(
            select(options.c.option_value).where(options.c.option_name == "sticky_posts")
        ).scalar()
        current = maybe_unserialize(stored) if stored is not None else None
        stickies: list[int] = []
        if isinstance(current, dict):
            for value in current.values():
                # get_option() may hold ids as strings; stick_post() casts them with intval().
                if isinstance(value, int | str) and str(value).lstrip("-").isdigit():
                    stickies.append(int(value))
            stickies = list(dict.fromkeys(stickies))
        added = [p for p in dict.fromkeys(self._sticky) if p not in stickies]
        if not added:
            return
        value = dumps(stickies + added)
        if stored is None:
            self._conn.execute(
                options.insert(),
                {"option_name": "sticky_posts", "option_value": value, "autoload": "on"},
            )
        else:
            self._conn.execute(
                update(options)
                .where(options.c.option_name == "sticky_posts")
                .values(option_value=value)
            )
        self.stats.options += 1


@dataclass
class _Rows:
    """The rows of one batch of items, per table, and approved comments per post."""

    posts: list[dict[str, Any]] = field(default_factory=list)
    postmeta: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    commentmeta: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    approved: dict[int, int] = field(default_factory=dict)
