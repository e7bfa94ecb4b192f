"""What a WXR file holds, as typed records: the reader yields them, the importer writes them.

Field values are the exported text, untouched (dates as `YYYY-MM-DD HH:MM:SS`, meta values
still serialized), so that what reaches the database is what the exporting site stored.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """The channel's description of the exporting site."""

    wxr_version: str = ""
    title: str = ""
    link: str = ""
    description: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""


@dataclass(frozen=True, slots=True)
class Meta:
    """One `wp:postmeta` / `wp:termmeta` / `wp:commentmeta` pair."""

    key: str
    value: str


@dataclass(frozen=True, slots=True)
class Author:
    """A `wp:author` (WXR ≥ 1.1)."""

    id: int | None
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True, slots=True)
class Term:
    """A `wp:category`, `wp:tag` or `wp:term`; the parent is named by its slug."""

    id: int | None
    taxonomy: str
    slug: str
    name: str
    parent_slug: str = ""
    description: str = ""
    meta: tuple[Meta, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemTerm:
    """An item's `<category domain="…" nicename="…">Name</category>`."""

    taxonomy: str
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class Comment:
    """A `wp:comment` of an item."""

    id: int | None
    author: str = ""
    author_email: str = ""
    author_url: str = ""
    author_ip: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = "1"
    type: str = ""
    parent: int = 0
    user_id: int = 0
    meta: tuple[Meta, ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    """An `item`: a post of any type with its meta, terms and comments."""

    id: int | None
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    modified: str = ""
    modified_gmt: str = ""
    comment_status: str = "open"
    ping_status: str = "open"
    name: str = ""
    status: str = "publish"
    parent: int = 0
    menu_order: int = 0
    type: str = "post"
    password: str = ""
    is_sticky: bool = False
    attachment_url: str = ""
    terms: tuple[ItemTerm, ...] = ()
    meta: tuple[Meta, ...] = ()
    comments: tuple[Comment, ...] = ()


Record = SiteInfo | Author | Term | Item
