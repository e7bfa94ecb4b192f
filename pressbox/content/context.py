"""What rendering may know about the site: the post being rendered and read-only data access.

Render steps are pure functions of `(text, ctx)`; everything they need from the database comes
through the `ContentData` protocol, so steps are testable with an in-memory fake.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class PostData:
    """The fields of a `posts` row that rendering reads."""

    id: int
    post_type: str = "post"
    post_status: str = "publish"
    post_title: str = ""
    post_content: str = ""
    post_excerpt: str = ""
    post_name: str = ""
    post_parent: int = 0
    post_author: int = 0
    post_date: str = "0000-00-00 00:00:00"
    post_date_gmt: str = "0000-00-00 00:00:00"
    post_modified: str = "0000-00-00 00:00:00"
    post_modified_gmt: str = "0000-00-00 00:00:00"
    post_password: str = ""
    post_mime_type: str = ""
    guid: str = ""
    menu_order: int = 0
    comment_status: str = "open"
    ping_status: str = "open"
    comment_count: int = 0


@dataclass(frozen=True)
class Attachment:
    """An attachment post with its decoded `_wp_attachment_metadata` and alt text."""

    post: PostData
    file: str  # `_wp_attached_file`, relative to the uploads folder, e.g. `2024/01/a.jpg`
    metadata: Mapping[str, Any]  # unserialized `_wp_attachment_metadata` ({} when absent)
    alt: str = ""  # `_wp_attachment_image_alt`


class ContentData(Protocol):
    """Read-only access to the site for rendering steps."""

    def option(self, name: str, default: Any = None) -> Any:
        """An option's value (unserialized), or `default`."""
        ...

    def home_url(self) -> str:
        """The `home` option without trailing slash, e.g. `http://127.0.0.1:8080`."""
        ...

    def uploads_base_url(self) -> str:
        """The uploads base URL without trailing slash, e.g. `http://…/wp-content/uploads`."""
        ...

    def post(self, post_id: int) -> PostData | None:
        """Any post by id, whatever its type or status."""
        ...

    def post_meta(self, post_id: int, key: str) -> Any:
        """The first value of a post's meta key (unserialized), or None."""
        ...

    def attachment(self, attachment_id: int) -> Attachment | None:
        """An attachment by id, or None if it is not one."""
        ...

    def attachments_of(self, parent_id: int) -> Sequence[Attachment]:
        """Image attachments whose parent is `parent_id`, ordered by menu_order ASC, ID ASC."""
        ...

    def permalink(self, post_id: int) -> str:
        """The public URL of a post (pretty permalinks as configured)."""
        ...

    def recent_posts(self, count: int, **filters: Any) -> Sequence[PostData]:
        """Published posts, newest first (for dynamic blocks such as latest posts)."""
        ...


@dataclass
class RenderContext:
    """One rendering: the post being rendered, site data, and per-render state.

    `state` is scratch space for steps that WordPress implements with request globals
    (footnote numbering, `wp_unique_id` counters); it lives for one call of a pipeline.
    """

    post: PostData
    data: ContentData
    state: dict[str, Any] = field(default_factory=dict)
    request_url: str = ""  # the URL of the REST request, for blocks that echo it (loginout)
