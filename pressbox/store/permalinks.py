"""Permalinks as WordPress builds them (get_permalink, get_page_uri, url_to_postid), for Site."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from pressbox.content.context import PostData

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from pressbox.store.tables import Tables


class Permalinks:
    """Mixin for `Site`: needs `conn`, `t`, `post()`, `post_terms()`, `option()`, `home_url()`."""

    t: Tables
    builtin_post_types: frozenset[str]

    @property
    def conn(self) -> Connection:  # provided by Site
        raise NotImplementedError

    def post(self, post_id: int) -> PostData | None:  # provided by Site
        raise NotImplementedError

    def post_terms(self, ids: Iterable[int], taxonomies: Any) -> Any:  # provided by Site
        raise NotImplementedError

    def option(self, name: str, default: Any = None) -> Any:  # provided by Site
        raise NotImplementedError

    def home_url(self) -> str:  # provided by Site
        raise NotImplementedError

    def permalinks(self, posts: Iterable[PostData]) -> dict[int, str]:
        return {p.id: self.permalink_of(p) for p in posts}

    def permalink(self, post_id: int) -> str:
        post = self.post(post_id)
        return self.permalink_of(post) if post else ""

    def permalink_of(self, post: PostData) -> str:
        """get_permalink for posts, pages and attachments with the site's structure."""
        home = self.home_url()
        structure = str(self.option("permalink_structure", "") or "")
        if post.post_type == "page":
            return self._page_link(post, home, bool(structure))
        if post.post_type == "attachment":
            return self._attachment_link(post, home, bool(structure))
        if post.post_type != "post" and post.post_type not in self.builtin_post_types:
            return (
                f"{home}/?{post.post_type}={post.post_name}"
                if post.post_name
                else f"{home}/?p={post.id}"
            )
        draft_like = post.post_status in ("draft", "pending", "auto-draft", "future")
        if not structure or draft_like:
            return f"{home}/?p={post.id}"
        return home + self._expand(structure, post)

    def _expand(self, structure: str, post: PostData) -> str:
        out = structure
        if "%category%" in out:
            out = out.replace("%category%", self._category_path(post.id))
        if "%author%" in out:
            out = out.replace("%author%", self._author_nicename(post.post_author))
        return _expand_tags(out, post.post_date, post.post_name, post.id)

    def _category_path(self, post_id: int) -> str:
        terms = self.post_terms([post_id], ["category"])[post_id].get("category", [])
        if not terms:
            return "uncategorized"
        terms.sort(key=lambda t: t["term_id"])
        return str(terms[0]["slug"])

    def _author_nicename(self, user_id: int) -> str:
        u = self.t.users.c
        value = self.conn.execute(select(u.user_nicename).where(u.ID == user_id)).scalar()
        return str(value or "")

    def page_uri(self, page: PostData) -> str:
        """get_page_uri: the slugs of the page and its ancestors."""
        parts = [page.post_name]
        parent = page.post_parent
        seen = {page.id}
        while parent and parent not in seen:
            seen.add(parent)
            row = self.post(parent)
            if row is None:
                break
            parts.append(row.post_name)
            parent = row.post_parent
        return "/".join(reversed(parts))

    def _page_link(self, post: PostData, home: str, pretty: bool) -> str:
        if (
            int(self.option("page_on_front", 0) or 0) == post.id
            and self.option("show_on_front") == "page"
        ):
            return home + "/"
        draft_like = post.post_status in ("draft", "pending", "auto-draft")
        if not pretty or draft_like:
            return f"{home}/?page_id={post.id}"
        return f"{home}/{self.page_uri(post)}/"

    def _attachment_link(self, post: PostData, home: str, pretty: bool) -> str:
        parent = self.post(post.post_parent) if post.post_parent else None
        if pretty and parent is not None and parent.post_status != "trash":
            base = self.permalink_of(parent).rstrip("/")
            name = (
                post.post_name if not post.post_name.isdigit() else f"attachment/{post.post_name}"
            )
            return f"{base}/{name}/"
        if pretty and post.post_name:
            return f"{home}/{post.post_name}/"
        return f"{home}/?attachment_id={post.id}"

    def user_names(self, user_id: int) -> tuple[str, str] | None:
        """(display_name, user_nicename) of a user, or None."""
        u = self.t.users.c
        row = self.conn.execute(
            select(u.display_name, u.user_nicename).where(u.ID == user_id)
        ).first()
        return (str(row[0]), str(row[1])) if row else None

    def url_to_postid(self, url: str) -> int:
        """url_to_postid for this site's URLs: `?p=`, `?page_id=` and pretty permalinks."""
        from urllib.parse import parse_qs, urlsplit

        home = urlsplit(self.home_url())
        parts = urlsplit(url)
        if parts.netloc and parts.netloc.lower().removeprefix(
            "www."
        ) != home.netloc.lower().removeprefix("www."):
            return 0
        query = parse_qs(parts.query)
        for key in ("p", "page_id", "attachment_id"):
            if key in query and query[key][0].isdigit():
                return int(query[key][0])
        path = parts.path[len(home.path) :] if parts.path.startswith(home.path) else parts.path
        path = path.strip("/")
        if not path:
            return 0
        segments = [s for s in path.split("/") if s]
        if segments and segments[-1] == "embed":
            segments = segments[:-1]
        p = self.t.posts.c
        structure = str(self.option("permalink_structure", "") or "")
        if structure and "%postname%" in structure and segments:
            expected = len([s for s in structure.strip("/").split("/") if s])
            if len(segments) == expected:
                row = self.conn.execute(
                    select(p.ID)
                    .where(p.post_name == segments[-1], p.post_type == "post")
                    .order_by(p.ID)
                ).first()
                if row and self.permalink(int(row[0])).rstrip("/").endswith("/".join(segments)):
                    return int(row[0])
        # A page by its path of slugs.
        rows = self.conn.execute(
            select(p.ID).where(p.post_name == segments[-1], p.post_type.in_(["page", "attachment"]))
        ).scalars()
        for pid in rows:
            page = self.post(int(pid))
            if page is not None and self.page_uri(page) == "/".join(segments):
                return page.id
        return 0


@lru_cache(maxsize=8192)
def _expand_tags(structure: str, date: str, name: str, post_id: int) -> str:
    """The structure's date, name and id tags filled in (date as 'YYYY-MM-DD HH:MM:SS')."""
    values = {
        "%year%": date[0:4],
        "%monthnum%": date[5:7],
        "%day%": date[8:10],
        "%hour%": date[11:13],
        "%minute%": date[14:16],
        "%second%": date[17:19],
        "%postname%": name,
        "%post_id%": str(post_id),
    }
    out = structure
    for tag, value in values.items():
        out = out.replace(tag, value)
    return out
