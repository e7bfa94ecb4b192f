"""The five default roles as WordPress 7.1's `populate_roles()` leaves them.

`populate_roles_160()` … `populate_roles_300()` (wp-admin/includes/schema.php) add roles and
capabilities one step at a time; the stored `{prefix}user_roles` option keeps the order in
which each capability was first added, so the steps are replayed here in the same order.
"""

from __future__ import annotations

from typing import Any

from pressbox.store.phpserialize import dumps

ROLE_NAMES: tuple[tuple[str, str], ...] = (
    ("administrator", "Administrator"),
    ("editor", "Editor"),
    ("author", "Author"),
    ("contributor", "Contributor"),
    ("subscriber", "Subscriber"),
)

_LEVELS = tuple(f"level_{n}" for n in range(10, -1, -1))

# populate_roles_160(): (role, capabilities) in the order add_cap() is called.
_STEP_160: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "administrator",
        (
            "switch_themes",
            "edit_themes",
            "activate_plugins",
            "edit_plugins",
            "edit_users",
            "edit_files",
            "manage_options",
            "moderate_comments",
            "manage_categories",
            "manage_links",
            "upload_files",
            "import",
            "unfiltered_html",
            "edit_posts",
            "edit_others_posts",
            "edit_published_posts",
            "publish_posts",
            "edit_pages",
            "read",
            *_LEVELS,
        ),
    ),
    (
        "editor",
        (
            "moderate_comments",
            "manage_categories",
            "manage_links",
            "upload_files",
            "unfiltered_html",
            "edit_posts",
            "edit_others_posts",
            "edit_published_posts",
            "publish_posts",
            "edit_pages",
            "read",
            *_LEVELS[3:],
        ),
    ),
    (
        "author",
        (
            "upload_files",
            "edit_posts",
            "edit_published_posts",
            "publish_posts",
            "read",
            *_LEVELS[8:],
        ),
    ),
    ("contributor", ("edit_posts", "read", *_LEVELS[9:])),
    ("subscriber", ("read", "level_0")),
)

# populate_roles_210(): the page and private-post capabilities of administrators and editors.
_STEP_210_SHARED = (
    "edit_others_pages",
    "edit_published_pages",
    "publish_pages",
    "delete_pages",
    "delete_others_pages",
    "delete_published_pages",
    "delete_posts",
    "delete_others_posts",
    "delete_published_posts",
    "delete_private_posts",
    "edit_private_posts",
    "read_private_posts",
    "delete_private_pages",
    "edit_private_pages",
    "read_private_pages",
)

# The rest of populate_roles_210() and populate_roles_230() … populate_roles_300().
_LATER_STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("administrator", _STEP_210_SHARED),
    ("editor", _STEP_210_SHARED),
    ("administrator", ("delete_users", "create_users")),
    ("author", ("delete_posts", "delete_published_posts")),
    ("contributor", ("delete_posts",)),
    ("administrator", ("unfiltered_upload",)),  # 2.3.0
    ("administrator", ("edit_dashboard",)),  # 2.5.0
    ("administrator", ("update_plugins", "delete_plugins")),  # 2.6.0
    ("administrator", ("install_plugins", "update_themes")),  # 2.7.0
    ("administrator", ("install_themes",)),  # 2.8.0
    (
        "administrator",
        (
            "update_core",
            "list_users",
            "remove_users",
            "promote_users",
            "edit_theme_options",
            "delete_themes",
            "export",
        ),
    ),  # 3.0.0
)


def default_roles() -> dict[str, dict[str, Any]]:
    """`wp_roles()->roles` after `populate_roles()`: role => {name, capabilities}."""
    caps: dict[str, dict[str, bool]] = {role: {} for role, _ in ROLE_NAMES}
    for role, added in (*_STEP_160, *_LATER_STEPS):
        for cap in added:
            caps[role][cap] = True
    return {role: {"name": name, "capabilities": caps[role]} for role, name in ROLE_NAMES}


def user_roles_value() -> str:
    """The serialized value of the `{prefix}user_roles` option."""
    return dumps(default_roles())


def user_level(role: str) -> int:
    """The `{prefix}user_level` a role gives (WP_User::level_reduction over its caps)."""
    caps = default_roles()[role]["capabilities"]
    return max(int(cap[6:]) for cap in caps if cap.startswith("level_"))
