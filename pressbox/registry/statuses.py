"""Post statuses: `register_post_status()` and the statuses WordPress 7.1 registers.

WordPress counterparts: `register_post_status()`, `get_post_status_object()`,
`get_post_stati()` and the `register_post_status()` calls of `create_initial_post_types()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from pressbox.registry.named import NamedRegistry


class PostStatusArgs(TypedDict, total=False):
    """The arguments of `register_post_status()` (`_builtin` loses its underscore)."""

    label: str
    label_count: tuple[str, str]
    exclude_from_search: bool
    builtin: bool
    public: bool
    internal: bool
    protected: bool
    private: bool
    publicly_queryable: bool
    show_in_admin_status_list: bool
    show_in_admin_all_list: bool
    date_floating: bool


@dataclass(frozen=True)
class PostStatus:
    """A registered post status object (`$wp_post_statuses[ $name ]`)."""

    name: str
    label: str
    # _n_noop(): (singular, plural) with `%s` for the count.
    label_count: tuple[str, str]
    exclude_from_search: bool
    builtin: bool
    public: bool
    internal: bool
    protected: bool
    private: bool
    publicly_queryable: bool
    show_in_admin_status_list: bool
    show_in_admin_all_list: bool
    date_floating: bool

    @property
    def viewable(self) -> bool:
        """`is_post_status_viewable()`."""
        if self.internal or self.protected:
            return False
        return self.publicly_queryable or (self.builtin and self.public)


def build_post_status(name: str, args: PostStatusArgs) -> PostStatus:
    """`register_post_status()`'s defaults: no visibility flag at all means internal."""
    public = args.get("public")
    internal = args.get("internal")
    protected = args.get("protected")
    private = args.get("private")
    if public is None and internal is None and protected is None and private is None:
        internal = True
    public = bool(public)
    internal = bool(internal)
    label = args.get("label", name)
    return PostStatus(
        name=name,
        label=label,
        label_count=args.get("label_count", (label, label)),
        exclude_from_search=args.get("exclude_from_search", internal),
        builtin=args.get("builtin", False),
        public=public,
        internal=internal,
        protected=bool(protected),
        private=bool(private),
        publicly_queryable=args.get("publicly_queryable", public),
        show_in_admin_status_list=args.get("show_in_admin_status_list", not internal),
        show_in_admin_all_list=args.get("show_in_admin_all_list", not internal),
        date_floating=args.get("date_floating", False),
    )


class PostStatusRegistry(NamedRegistry[PostStatus]):
    """`$wp_post_statuses` in registration order; filled at start-up, read-only afterwards.

    `get()` is `get_post_status_object()`.
    """

    @classmethod
    def core(cls) -> PostStatusRegistry:
        """A registry holding WordPress 7.1's core post statuses."""
        return core_post_statuses()

    def register(self, name: str, args: PostStatusArgs) -> PostStatus:
        """`register_post_status()`."""
        status = build_post_status(name, args)
        self._items[status.name] = status
        return status

    def names(self, *, internal: bool | None = None) -> list[str]:
        """`array_keys( get_post_stati() )`, optionally filtered on `internal`."""
        return [s.name for s in self._items.values() if internal is None or s.internal is internal]


def _count(singular: str, plural: str | None = None) -> tuple[str, str]:
    one = f'{singular} <span class="count">(%s)</span>'
    return one, f'{plural} <span class="count">(%s)</span>' if plural else one


def register_core_post_statuses(registry: PostStatusRegistry) -> None:
    """The `register_post_status()` calls of `create_initial_post_types()`."""
    reg = registry.register
    reg(
        "publish",
        {"label": "Published", "public": True, "builtin": True, "label_count": _count("Published")},
    )
    reg(
        "future",
        {
            "label": "Scheduled",
            "protected": True,
            "builtin": True,
            "label_count": _count("Scheduled"),
        },
    )
    reg(
        "draft",
        {
            "label": "Draft",
            "protected": True,
            "builtin": True,
            "label_count": _count("Draft", "Drafts"),
            "date_floating": True,
        },
    )
    reg(
        "pending",
        {
            "label": "Pending",
            "protected": True,
            "builtin": True,
            "label_count": _count("Pending"),
            "date_floating": True,
        },
    )
    reg(
        "private",
        {"label": "Private", "private": True, "builtin": True, "label_count": _count("Private")},
    )
    reg(
        "trash",
        {
            "label": "Trash",
            "internal": True,
            "builtin": True,
            "label_count": _count("Trash"),
            "show_in_admin_status_list": True,
        },
    )
    reg(
        "auto-draft",
        {"label": "auto-draft", "internal": True, "builtin": True, "date_floating": True},
    )
    reg(
        "inherit",
        {"label": "inherit", "internal": True, "builtin": True, "exclude_from_search": False},
    )
    for name, label in (
        ("request-pending", "Pending"),
        ("request-confirmed", "Confirmed"),
        ("request-failed", "Failed"),
        ("request-completed", "Completed"),
    ):
        reg(
            name,
            {
                "label": label,
                "internal": True,
                "builtin": True,
                "label_count": _count(label),
                "exclude_from_search": False,
            },
        )


def core_post_statuses() -> PostStatusRegistry:
    """A registry holding WordPress 7.1's core post statuses."""
    registry = PostStatusRegistry()
    register_core_post_statuses(registry)
    return registry
