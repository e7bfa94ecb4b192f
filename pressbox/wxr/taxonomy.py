"""WXR terms → `terms`, `term_taxonomy`, `termmeta`; term counts as WordPress computes them.

A term that exists (same taxonomy and slug) is reused, as the Importer's `term_exists()`
check does. A new term keeps its WXR `term_id` when that id is free (its `term_taxonomy_id`
is the same number when free too, as on a site that never split shared terms), else it gets
the next id. Parents are named by slug in a WXR and resolved within the taxonomy.

Counts follow `wp_update_term_count_now()`: taxonomies of post types count published objects
of those types (`_update_post_term_count()`, attachments counted through a published
parent), others count every relationship (`_update_generic_term_count()`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select, update

from pressbox.store.tables import Tables
from pressbox.wxr.dbutil import BATCH, IdAllocator, insert_many
from pressbox.wxr.records import ItemTerm, Term
from pressbox.wxr.slugs import sanitize_title

if TYPE_CHECKING:
    from pressbox.wxr.importer import ImportStats

# Object types of WordPress 7.1's own taxonomies (create_initial_taxonomies()); None marks a
# taxonomy of objects that are not posts. A taxonomy missing here is counted over published
# posts of any type, the usual shape of a plugin's taxonomy.
BUILTIN_OBJECT_TYPES: Mapping[str, tuple[str, ...] | None] = {
    "category": ("post",),
    "post_tag": ("post",),
    "post_format": ("post",),
    "nav_menu": ("nav_menu_item",),
    "link_category": None,
    "wp_theme": ("wp_template", "wp_template_part", "wp_global_styles"),
    "wp_template_part_area": ("wp_template_part",),
    "wp_pattern_category": ("wp_block",),
}

_ANY_POST_TYPE: tuple[str, ...] = ()


def _depths(terms: list[Term]) -> list[int]:
    """How many ancestors each term has among `terms`, so parents can be written first."""
    parent_of = {(t.taxonomy, t.slug): t.parent_slug for t in terms}
    depths = []
    for term in terms:
        depth, key, seen = 0, (term.taxonomy, term.parent_slug), {(term.taxonomy, term.slug)}
        while key[1] and key in parent_of and key not in seen:  # `seen` breaks cycles
            seen.add(key)
            depth += 1
            key = (key[0], parent_of[key])
        depths.append(depth)
    return depths


class TermWriter:
    """Writes terms and answers the `term_taxonomy_id` of an item's (taxonomy, slug)."""

    def __init__(
        self,
        conn: Connection,
        tables: Tables,
        stats: ImportStats,
        object_types: Mapping[str, tuple[str, ...] | None],
    ) -> None:
        self._conn = conn
        self._t = tables
        self._stats = stats
        self._object_types = object_types
        self._term_ids = IdAllocator(conn, tables.terms.c.term_id)
        self._tt_ids = IdAllocator(conn, tables.term_taxonomy.c.term_taxonomy_id)
        self._pending: list[Term] = []
        # Filled from the database on first use; they grow with the number of terms only.
        self._index: dict[tuple[str, str], int] = {}
        self._slug_of_term: dict[int, str] = {}
        self._used_tt: set[int] = set()
        self._loaded = False
        self.affected: dict[int, str] = {}  # term_taxonomy_id → taxonomy, to recount

    def add(self, term: Term) -> None:
        """Queue a term; `flush()` writes the queue with parents resolved."""
        self._pending.append(term)

    def flush(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, []
            self._write(pending)

    def tt_id_for(self, ref: ItemTerm) -> int:
        """The `term_taxonomy_id` of an item's term, creating the term when the file's term
        list did not declare it (as the Importer does)."""
        self._load()
        slug = ref.slug or sanitize_title(ref.name)
        found = self._index.get((ref.taxonomy, slug))
        if found is None:
            self._write([Term(None, ref.taxonomy, slug, ref.name or slug)])
            found = self._index[(ref.taxonomy, slug)]
        return found

    def touched(self, tt_id: int, taxonomy: str) -> None:
        """Note that a term got new relationships, so `recount()` includes it."""
        self.affected[tt_id] = taxonomy

    def _load(self) -> None:
        if self._loaded:
            return
        terms, tt = self._t.terms, self._t.term_taxonomy
        rows = self._conn.execute(
            select(terms.c.term_id, terms.c.slug, tt.c.taxonomy, tt.c.term_taxonomy_id).select_from(
                terms.outerjoin(tt, tt.c.term_id == terms.c.term_id)
            )
        )
        for term_id, slug, taxonomy, tt_id in rows:
            self._slug_of_term[term_id] = slug
            if tt_id is not None:
                self._index[(taxonomy, slug)] = tt_id
                self._used_tt.add(tt_id)
        self._loaded = True

    def _write(self, pending: list[Term]) -> None:
        self._load()
        depths = _depths(pending)
        ordered = [t for _, _, t in sorted(zip(depths, range(len(pending)), pending, strict=True))]
        term_rows: list[dict[str, Any]] = []
        tt_rows: list[dict[str, Any]] = []
        meta_rows: list[dict[str, Any]] = []
        term_id_of: dict[int, int] = {}  # tt_id → term_id, for parents written in this call
        for term in ordered:
            slug = term.slug or sanitize_title(term.name)
            key = (term.taxonomy, slug)
            if not term.taxonomy or key in self._index:
                self._stats.terms_skipped += 1
                continue
            term_id, new_row = self._choose_term_id(term.id, slug)
            if new_row:
                term_rows.append({"term_id": term_id, "name": term.name, "slug": slug})
                self._slug_of_term[term_id] = slug
            tt_id = term_id if term_id not in self._used_tt else self._tt_ids.next()
            self._tt_ids.seen(tt_id)
            self._used_tt.add(tt_id)
            tt_rows.append(
                {
                    "term_taxonomy_id": tt_id,
                    "term_id": term_id,
                    "taxonomy": term.taxonomy,
                    "description": term.description,
                    "parent": self._parent_id(term.taxonomy, term.parent_slug, term_id_of),
                    "count": 0,
                }
            )
            term_id_of[tt_id] = term_id
            self._index[key] = tt_id
            self.affected[tt_id] = term.taxonomy
            meta_rows.extend(
                {"term_id": term_id, "meta_key": m.key, "meta_value": m.value} for m in term.meta
            )
        insert_many(self._conn, self._t.terms, term_rows)
        self._stats.terms += insert_many(self._conn, self._t.term_taxonomy, tt_rows)
        self._stats.termmeta += insert_many(self._conn, self._t.termmeta, meta_rows)

    def _choose_term_id(self, wanted: int | None, slug: str) -> tuple[int, bool]:
        """A term id for a new term, and whether a `terms` row must be written."""
        if wanted is not None:
            existing = self._slug_of_term.get(wanted)
            if existing is None:
                self._term_ids.seen(wanted)
                return wanted, True
            if existing == slug:
                return wanted, False  # a term shared between taxonomies (WordPress < 4.2)
        return self._term_ids.next(), True

    def _parent_id(self, taxonomy: str, parent_slug: str, term_id_of: dict[int, int]) -> int:
        if not parent_slug:
            return 0
        tt_id = self._index.get((taxonomy, parent_slug))
        if tt_id is None:
            return 0
        if tt_id in term_id_of:
            return term_id_of[tt_id]
        tt = self._t.term_taxonomy
        found = self._conn.execute(
            select(tt.c.term_id).where(tt.c.term_taxonomy_id == tt_id)
        ).scalar()
        return int(found or 0)

    # ----------------------------------------------------------------------- counts

    def recount(self) -> None:
        """Recompute `term_taxonomy.count` of every term the import created or used."""
        by_taxonomy: dict[str, list[int]] = {}
        for tt_id, taxonomy in self.affected.items():
            by_taxonomy.setdefault(taxonomy, []).append(tt_id)
        tt = self._t.term_taxonomy
        for taxonomy, tt_ids in by_taxonomy.items():
            types = self._object_types.get(taxonomy, _ANY_POST_TYPE)
            value = self._generic_count() if types is None else self._post_count(types)
            for start in range(0, len(tt_ids), BATCH):
                chunk = sorted(tt_ids)[start : start + BATCH]
                self._conn.execute(
                    update(tt).where(tt.c.term_taxonomy_id.in_(chunk)).values(count=value)
                )

    def _generic_count(self) -> Any:
        tr, tt = self._t.term_relationships, self._t.term_taxonomy
        return (
            select(func.count())
            .select_from(tr)
            .where(tr.c.term_taxonomy_id == tt.c.term_taxonomy_id)
            .scalar_subquery()
        )

    def _post_count(self, types: tuple[str, ...]) -> Any:
        tr, tt, posts = self._t.term_relationships, self._t.term_taxonomy, self._t.posts
        joined = tr.join(posts, tr.c.object_id == posts.c.ID)
        mine = tr.c.term_taxonomy_id == tt.c.term_taxonomy_id
        published = posts.c.post_status == "publish"
        if types == _ANY_POST_TYPE:
            return select(func.count()).select_from(joined).where(mine, published).scalar_subquery()
        others = tuple(t for t in types if t != "attachment")
        total: Any = 0
        if others:
            total = (
                select(func.count())
                .select_from(joined)
                .where(mine, published, posts.c.post_type.in_(others))
                .scalar_subquery()
            )
        if "attachment" in types:
            total = total + self._attachment_count(mine)
        return total

    def _attachment_count(self, mine: ColumnElement[bool]) -> Any:
        """Attachments count when published, or `inherit` under a published parent."""
        tr, posts = self._t.term_relationships, self._t.posts
        parent = posts.alias("parent_post")
        parent_status = (
            select(parent.c.post_status).where(posts.c.post_parent == parent.c.ID).scalar_subquery()
        )
        return (
            select(func.count())
            .select_from(tr.join(posts, tr.c.object_id == posts.c.ID))
            .where(
                mine,
                posts.c.post_type == "attachment",
                or_(
                    posts.c.post_status == "publish",
                    and_(
                        posts.c.post_status == "inherit",
                        posts.c.post_parent > 0,
                        parent_status == "publish",
                    ),
                ),
            )
            .scalar_subquery()
        )
