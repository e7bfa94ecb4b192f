"""Term lookups that controllers need (by slug, by id)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from pressbox.store.db import Database


class TermsStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.t = db.tables

    def term_taxonomy_ids_by_slug(self, taxonomy: str, slugs: Sequence[str]) -> list[int]:
        tt, te = self.t.term_taxonomy.c, self.t.terms.c
        rows = self.db.conn().execute(
            select(tt.term_taxonomy_id)
            .select_from(self.t.term_taxonomy.join(self.t.terms, te.term_id == tt.term_id))
            .where(tt.taxonomy == taxonomy, te.slug.in_(list(slugs)))
        )
        return [int(r) for r in rows.scalars()]
