"""Read access to one WordPress site: options, posts, meta, terms, users, permalinks.

Queries batch by id lists so a page of posts costs a fixed number of round trips. The same
object serves the rendering steps as their `ContentData`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from pressbox.content.context import Attachment, PostData
from pressbox.store.collation import collation_key
from pressbox.store.db import Database
from pressbox.store.fastsql import FastQuery, datetimes
from pressbox.store.permalinks import Permalinks
from pressbox.store.phpserialize import maybe_unserialize, unserialize_shared
from pressbox.store.posts_query import QueryBuilder
from pressbox.store.widget_data import WidgetData

# Posts read during the current request (None: not inside a request).
_request_posts: ContextVar[dict[int, PostData | None] | None] = ContextVar(
    "request_posts", default=None
)


# Other rows read during the current request, by kind (users, post counts, …).
_request_memo: ContextVar[dict[str, dict[Any, Any]] | None] = ContextVar(
    "request_memo", default=None
)


def request_memo(kind: str) -> dict[Any, Any] | None:
    """This request's cache for `kind`, or None outside a request."""
    memo = _request_memo.get()
    return None if memo is None else memo.setdefault(kind, {})


@contextmanager
def request_scope() -> Iterator[None]:
    """Cache rows for the duration of one request, as WordPress's object cache does."""
    token = _request_posts.set({})
    memo_token = _request_memo.set({})
    try:
        yield
    finally:
        _request_posts.reset(token)
        _request_memo.reset(memo_token)


OPTIONS_TTL = 2.0  # seconds; PHP WordPress may change options behind our back
_POST_FIELDS = tuple(PostData.__dataclass_fields__)
_COLUMN_OF = {"id": "ID"}


_DATE_FIELDS = frozenset({"post_date", "post_date_gmt", "post_modified", "post_modified_gmt"})
_DATE_INDEXES = tuple(_POST_FIELDS.index(name) for name in sorted(_DATE_FIELDS))


def _row_to_post(row: Any) -> PostData:
    m = row._mapping
    return PostData(**{f: m[_COLUMN_OF.get(f, f)] for f in _POST_FIELDS})


def _tuple_to_post(row: tuple[Any, ...]) -> PostData:
    """A row of `_Statements.posts` (columns in PostData's field order) as PostData."""
    if all(isinstance(row[i], str) for i in _DATE_INDEXES):
        return PostData(*row)  # SQLite and MySQL's text dates: as they are
    values = dict(zip(_POST_FIELDS, row, strict=True))
    for name in _DATE_FIELDS:
        if not isinstance(values[name], str):
            values[name] = datetimes(values[name])
    return PostData(**values)


class _Statements:
    """Statements built once: SQLAlchemy then reuses their compiled form and cache key."""

    def __init__(self, db: Database) -> None:
        t = db.tables
        p, m = t.posts.c, t.postmeta.c
        tr, tt, te = t.term_relationships.c, t.term_taxonomy.c, t.terms.c
        ids: Any = bindparam("ids", expanding=True)
        columns = [t.posts.c[_COLUMN_OF.get(f, f)] for f in _POST_FIELDS]
        self.posts = FastQuery(select(*columns).where(p.ID.in_(ids)))
        self.meta = FastQuery(
            select(m.post_id, m.meta_key, m.meta_value)
            .where(m.post_id.in_(ids))
            .order_by(m.meta_id)
        )
        self.meta_keys = FastQuery(
            select(m.post_id, m.meta_key, m.meta_value)
            .where(m.post_id.in_(ids), m.meta_key.in_(bindparam("keys", expanding=True)))
            .order_by(m.meta_id)
        )
        self.revisions = FastQuery(
            select(p.post_parent, p.ID)
            .where(p.post_parent.in_(ids), p.post_type == "revision", p.post_status == "inherit")
            .order_by(p.post_date.desc(), p.ID.desc())
        )
        self.terms = FastQuery(
            select(
                tr.object_id,
                tt.taxonomy,
                te.term_id,
                te.name,
                te.slug,
                tt.term_taxonomy_id,
                tt.parent,
            )
            .select_from(
                t.term_relationships.join(
                    t.term_taxonomy, tr.term_taxonomy_id == tt.term_taxonomy_id
                ).join(t.terms, te.term_id == tt.term_id)
            )
            .where(tr.object_id.in_(ids), tt.taxonomy.in_(bindparam("taxonomies", expanding=True)))
        )


class Site(Permalinks, WidgetData):
    """Data access for one site; cheap to create per request, shares the option cache."""

    def __init__(self, db: Database, site_url: str | None = None) -> None:
        self.db = db
        self.t = db.tables
        self.sql = _Statements(db)
        self._posts_builder = QueryBuilder(db.tables, db.dialect)
        self._site_url = site_url.rstrip("/") if site_url else None
        self._options: dict[str, Any] = {}
        self._options_at = 0.0
        self._decoded: dict[str, Any] = {}
        self._options_fingerprint = 0
        # Built-in post types take the post permalink structure (get_permalink); the app
        # fills this from its registry.
        self.builtin_post_types: frozenset[str] = frozenset({"post"})
        self._version: tuple[Any, ...] = ()
        self._version_at = 0.0

    @property
    def conn(self) -> Connection:
        return self.db.conn()

    # -- options ----------------------------------------------------------------------------

    def _load_options(self) -> None:
        o = self.t.options.c
        rows = self.conn.execute(select(o.option_name, o.option_value)).all()
        options = {name: value for name, value in rows}
        fingerprint = hash(tuple(options.items()))
        if fingerprint != self._options_fingerprint:
            self._options = options
            self._decoded = {}
            self._options_fingerprint = fingerprint
        self._options_at = time.monotonic()

    def option(self, name: str, default: Any = None) -> Any:
        if time.monotonic() - self._options_at > OPTIONS_TTL:
            self._load_options()
        if name in self._decoded:
            return self._decoded[name]
        raw = self._options.get(name)
        if raw is None:
            return default
        value = maybe_unserialize(raw)
        self._decoded[name] = value
        return value

    def home_url(self) -> str:
        if self._site_url:
            return self._site_url
        return str(self.option("home", "")).rstrip("/")

    def site_url(self) -> str:
        if self._site_url:
            return self._site_url
        return str(self.option("siteurl", "")).rstrip("/")

    def uploads_base_url(self) -> str:
        path = self.option("upload_url_path") or ""
        if path:
            return str(path).rstrip("/")
        return self.site_url() + "/wp-content/uploads"

    def sticky_posts(self) -> list[int]:
        value = self.option("sticky_posts", [])
        if isinstance(value, dict):
            value = list(value.values())
        if not isinstance(value, list):
            return []
        out = []
        for v in value:
            try:
                out.append(int(v))
            except (TypeError, ValueError):
                continue
        return out

    def data_version(self) -> tuple[Any, ...]:
        """Changes whenever posts, comments or options change (checked at most once a second).

        Rendered HTML may depend on other posts (latest posts, synced patterns) or comments,
        so cached renders are keyed by this as well as by the post itself.
        """
        now = time.monotonic()
        if now - self._version_at < 1.0 and self._version:
            return self._version
        p, c = self.t.posts.c, self.t.comments.c
        posts = self.conn.execute(
            select(func.max(p.post_modified_gmt), func.count(), func.max(p.ID))
        ).one()
        comments = self.conn.execute(select(func.max(c.comment_ID), func.count())).one()
        if not self._options_fingerprint:
            self._load_options()
        self._version = (*posts, *comments, self._options_fingerprint)
        self._version_at = now
        return self._version

    # -- posts ------------------------------------------------------------------------------

    def posts(self, ids: Iterable[int]) -> dict[int, PostData]:
        """Posts by id; within a request each post is read once (WordPress's object cache)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        if max(ids) >= 2**63 or min(ids) < -(2**63):
            # An id no BIGINT column can hold names no post (and no driver would bind it).
            ids = [i for i in ids if -(2**63) <= i < 2**63]
        memo = _request_posts.get()
        wanted = ids if memo is None else [i for i in ids if i not in memo]
        found: dict[int, PostData] = {}
        if wanted:
            found = {
                post.id: post
                for post in map(_tuple_to_post, self.sql.posts.rows(self.conn, ids=wanted))
            }
        if memo is None:
            return found
        for i in wanted:
            memo[i] = found.get(i)
        return {i: post for i in ids if (post := memo.get(i)) is not None}

    def post(self, post_id: int) -> PostData | None:
        memo = _request_posts.get()
        if memo is not None and post_id in memo:
            return memo[post_id]
        return self.posts([post_id]).get(post_id)

    def meta(
        self, ids: Iterable[int], keys: Sequence[str] | None = None
    ) -> dict[int, dict[str, list[str]]]:
        """Post meta of many posts: id → key → values in meta_id order."""
        ids = list(dict.fromkeys(ids))
        out: dict[int, dict[str, list[str]]] = {i: {} for i in ids}
        if not ids:
            return out
        if keys is None:
            rows = self.sql.meta.rows(self.conn, ids=ids)
        else:
            rows = self.sql.meta_keys.rows(self.conn, ids=ids, keys=list(keys))
        for post_id, key, value in rows:
            out[post_id].setdefault(key, []).append(value)
        return out

    def post_meta(self, post_id: int, key: str) -> Any:
        values = self.meta([post_id], [key])[post_id].get(key)
        return maybe_unserialize(values[0]) if values else None

    def revisions(self, ids: Iterable[int]) -> dict[int, tuple[int, int]]:
        """wp_get_latest_revision_id_and_total_count for many posts: id → (count, latest id)."""
        ids = list(ids)
        rows = self.sql.revisions.rows(self.conn, ids=ids)
        out: dict[int, tuple[int, int]] = {}
        for parent, rid in rows:
            count, latest = out.get(parent, (0, rid))
            out[parent] = (count + 1, latest)
        return out

    def post_terms(
        self, ids: Iterable[int], taxonomies: Sequence[str]
    ) -> dict[int, dict[str, list[dict[str, Any]]]]:
        """get_the_terms for many posts: id → taxonomy → terms ordered by name."""
        ids = list(ids)
        out: dict[int, dict[str, list[dict[str, Any]]]] = {i: {} for i in ids}
        if not ids or not taxonomies:
            return out
        rows = self.sql.terms.rows(self.conn, ids=ids, taxonomies=list(taxonomies))
        for object_id, taxonomy, term_id, name, slug, ttid, parent in rows:
            out[object_id].setdefault(taxonomy, []).append(
                {
                    "term_id": term_id,
                    "name": name,
                    "slug": slug,
                    "term_taxonomy_id": ttid,
                    "parent": parent,
                }
            )
        for by_tax in out.values():
            for terms in by_tax.values():
                terms.sort(key=lambda t: (collation_key(t["name"]), t["term_id"]))
        return out

    def term_taxonomy_ids(
        self, taxonomy: str, term_ids: Sequence[int], include_children: bool
    ) -> list[int]:
        """Resolve term ids of a taxonomy to term_taxonomy ids, optionally with descendants."""
        tt = self.t.term_taxonomy.c
        rows = self.conn.execute(
            select(tt.term_id, tt.term_taxonomy_id, tt.parent).where(tt.taxonomy == taxonomy)
        ).all()
        by_term = {term_id: (ttid, parent) for term_id, ttid, parent in rows}
        wanted = [t for t in term_ids if t in by_term]
        if include_children:
            children: dict[int, list[int]] = {}
            for term_id, (_ttid, parent) in by_term.items():
                children.setdefault(parent, []).append(term_id)
            stack = list(wanted)
            seen = set(wanted)
            while stack:
                for child in children.get(stack.pop(), []):
                    if child not in seen:
                        seen.add(child)
                        wanted.append(child)
                        stack.append(child)
        return [by_term[t][0] for t in wanted]

    # -- rendering data (ContentData) -------------------------------------------------------

    def attachment(self, attachment_id: int) -> Attachment | None:
        found = self.attachments([attachment_id])
        return found.get(attachment_id)

    def attachments(self, ids: Iterable[int]) -> dict[int, Attachment]:
        posts = {i: p for i, p in self.posts(ids).items() if p.post_type == "attachment"}
        meta = self.meta(
            posts, ["_wp_attached_file", "_wp_attachment_metadata", "_wp_attachment_image_alt"]
        )
        out = {}
        for i, post in posts.items():
            m = meta[i]
            raw_meta = m.get("_wp_attachment_metadata", [""])[0]
            decoded = unserialize_shared(raw_meta) if raw_meta else {}
            out[i] = Attachment(
                post=post,
                file=m.get("_wp_attached_file", [""])[0],
                metadata=decoded if isinstance(decoded, dict) else {},
                alt=m.get("_wp_attachment_image_alt", [""])[0],
            )
        return out

    def attachments_of(self, parent_id: int) -> Sequence[Attachment]:
        p = self.t.posts.c
        ids = self.conn.execute(
            select(p.ID)
            .where(
                p.post_parent == parent_id,
                p.post_type == "attachment",
                p.post_mime_type.like("image/%"),
            )
            .order_by(p.menu_order.asc(), p.ID.asc())
        ).scalars()
        wanted = list(ids)
        found = self.attachments(wanted)
        return [found[i] for i in wanted if i in found]

    def attached_media(self, parent_id: int, kind: str) -> Sequence[Attachment]:
        """get_attached_media(): attachments of a mime kind (`audio`, `video`, …) of a post."""
        p = self.t.posts.c
        ids = self.conn.execute(
            select(p.ID)
            .where(
                p.post_parent == parent_id,
                p.post_type == "attachment",
                p.post_mime_type.like(f"{kind}/%"),
            )
            .order_by(p.menu_order.asc(), p.ID.asc())
        ).scalars()
        wanted = list(ids)
        found = self.attachments(wanted)
        return [found[i] for i in wanted if i in found]

    def recent_posts(self, count: int, **filters: Any) -> Sequence[PostData]:
        """Published posts for the latest-posts block: category__in, author, order, orderby."""
        p = self.t.posts.c
        desc = str(filters.get("order", "desc")).lower() != "asc"
        orderby = filters.get("orderby", "date")
        column = self._posts_builder.text_order(p.post_title) if orderby == "title" else p.post_date
        stmt = select(p.ID).where(
            p.post_type == filters.get("post_type", "post"), p.post_status == "publish"
        )
        if filters.get("exclude_password"):
            stmt = stmt.where(p.post_password == "")
        if filters.get("author"):
            stmt = stmt.where(p.post_author == int(filters["author"]))
        categories = [int(c) for c in filters.get("category__in") or []]
        if categories:
            tr = self.t.term_relationships.c
            ttids = self.term_taxonomy_ids("category", categories, include_children=True)
            stmt = stmt.where(p.ID.in_(select(tr.object_id).where(tr.term_taxonomy_id.in_(ttids))))
        stmt = stmt.order_by(column.desc() if desc else column.asc()).limit(count)
        ids = list(self.conn.execute(stmt).scalars())
        found = self.posts(ids)
        return [found[i] for i in ids if i in found]
