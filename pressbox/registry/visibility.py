"""Whether a post is public: `get_post_status()` and `is_post_publicly_viewable()`.

An attachment has no status of its own (`inherit`): it shows its parent's, so these read the
site through the rendering data protocol rather than the post row alone.
"""

from __future__ import annotations

from pressbox.content.context import ContentData, PostData
from pressbox.registry.post_types import PostTypeRegistry
from pressbox.registry.statuses import PostStatusRegistry

# get_post_status() recurses through attachment parents; WordPress has no bound, a cycle has.
_MAX_DEPTH = 16


def get_post_status(post: PostData, data: ContentData, depth: int = 0) -> str:
    """`get_post_status()`: attachments take their parent's status (or `publish`)."""
    if post.post_type != "attachment":
        return post.post_status
    if post.post_status != "inherit":
        keep = post.post_status in ("private", "trash", "auto-draft")
        return post.post_status if keep else "publish"
    parent = data.post(post.post_parent) if post.post_parent else None
    if parent is None or parent.id == post.id or depth >= _MAX_DEPTH:
        # Unattached attachments with inherit status are assumed to be published.
        return "publish"
    status = get_post_status(parent, data, depth + 1)
    if status == "trash":
        # The parent's status before it was trashed.
        return str(data.post_meta(parent.id, "_wp_trash_meta_status") or "publish")
    return status


def is_post_publicly_viewable(
    post: PostData,
    data: ContentData,
    post_types: PostTypeRegistry,
    statuses: PostStatusRegistry,
) -> bool:
    """`is_post_publicly_viewable()`: a viewable type in a viewable status."""
    post_type = post_types.get(post.post_type)
    if post_type is None or not post_type.viewable:
        return False
    status = statuses.get(get_post_status(post, data))
    return status is not None and status.viewable
