"""The user a request acts as, and what they may do (current_user_can, map_meta_cap)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pressbox.content.context import PostData


@dataclass(frozen=True)
class CurrentUser:
    """An authenticated user with the capabilities their roles grant (id 0 is anonymous)."""

    id: int
    login: str = ""
    roles: tuple[str, ...] = ()
    caps: frozenset[str] = field(default_factory=frozenset)


class Authorizer:
    """Capability checks. Anonymous requests (user None) may only read published content."""

    def can(self, user: CurrentUser | None, cap: str) -> bool:
        return user is not None and cap in user.caps

    def can_read_post(self, user: CurrentUser | None, post: PostData) -> bool:
        if user is None or not user.id:
            return False
        if post.post_status == "private":
            return self.can(user, "read_private_posts") or post.post_author == user.id
        if post.post_status in ("draft", "pending", "future", "trash", "auto-draft"):
            return self.can_edit_post(user, post)
        return True

    def can_edit_post(self, user: CurrentUser | None, post: PostData) -> bool:
        if user is None or not user.id:
            return False
        if post.post_author == user.id:
            return self.can(user, "edit_posts")
        return self.can(user, "edit_others_posts")

    def can_delete_post(self, user: CurrentUser | None, post: PostData) -> bool:
        if user is None or not user.id:
            return False
        if post.post_author == user.id:
            return self.can(user, "delete_posts")
        return self.can(user, "delete_others_posts")
