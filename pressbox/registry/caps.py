"""Capability maps of post types and taxonomies (`$post_type->cap`, `$taxonomy->cap`).

An ordered, read-only mapping from WordPress's generic capability names to the capabilities
a type really checks, in the order WordPress builds it (the `types` and `taxonomies`
endpoints print it as is). The named properties are the ones WordPress code reads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping


class CapabilityMap(Mapping[str, str]):
    """An immutable, ordered `generic name -> capability` map."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str]) -> None:
        self._items: dict[str, str] = dict(items)

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CapabilityMap):
            return list(self._items.items()) == list(other._items.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def as_dict(self) -> dict[str, str]:
        """A JSON-ready copy, in WordPress's order."""
        return dict(self._items)


class PostTypeCaps(CapabilityMap):
    """`WP_Post_Type::$cap`, as `get_post_type_capabilities()` builds it."""

    __slots__ = ()

    @property
    def edit_post(self) -> str:
        return self["edit_post"]

    @property
    def read_post(self) -> str:
        return self["read_post"]

    @property
    def delete_post(self) -> str:
        return self["delete_post"]

    @property
    def edit_posts(self) -> str:
        return self["edit_posts"]

    @property
    def edit_others_posts(self) -> str:
        return self["edit_others_posts"]

    @property
    def delete_posts(self) -> str:
        return self["delete_posts"]

    @property
    def publish_posts(self) -> str:
        return self["publish_posts"]

    @property
    def read_private_posts(self) -> str:
        return self["read_private_posts"]

    @property
    def create_posts(self) -> str:
        return self["create_posts"]

    # Only present when the type maps meta capabilities (`map_meta_cap`) or sets them itself.
    @property
    def read(self) -> str | None:
        return self.get("read")

    @property
    def delete_private_posts(self) -> str | None:
        return self.get("delete_private_posts")

    @property
    def delete_published_posts(self) -> str | None:
        return self.get("delete_published_posts")

    @property
    def delete_others_posts(self) -> str | None:
        return self.get("delete_others_posts")

    @property
    def edit_private_posts(self) -> str | None:
        return self.get("edit_private_posts")

    @property
    def edit_published_posts(self) -> str | None:
        return self.get("edit_published_posts")


class TaxonomyCaps(CapabilityMap):
    """`WP_Taxonomy::$cap`: the four term capabilities."""

    __slots__ = ()

    @property
    def manage_terms(self) -> str:
        return self["manage_terms"]

    @property
    def edit_terms(self) -> str:
        return self["edit_terms"]

    @property
    def delete_terms(self) -> str:
        return self["delete_terms"]

    @property
    def assign_terms(self) -> str:
        return self["assign_terms"]


def post_type_capabilities(
    capability_type: str | tuple[str, str],
    map_meta_cap: bool,
    capabilities: Mapping[str, str],
) -> PostTypeCaps:
    """`get_post_type_capabilities()`: singular base for meta caps, plural base for primitives."""
    if isinstance(capability_type, str):
        singular, plural = capability_type, capability_type + "s"
    else:
        singular, plural = capability_type
    caps: dict[str, str] = {
        "edit_post": "edit_" + singular,
        "read_post": "read_" + singular,
        "delete_post": "delete_" + singular,
        "edit_posts": "edit_" + plural,
        "edit_others_posts": "edit_others_" + plural,
        "delete_posts": "delete_" + plural,
        "publish_posts": "publish_" + plural,
        "read_private_posts": "read_private_" + plural,
    }
    if map_meta_cap:
        caps.update(
            {
                "read": "read",
                "delete_private_posts": "delete_private_" + plural,
                "delete_published_posts": "delete_published_" + plural,
                "delete_others_posts": "delete_others_" + plural,
                "edit_private_posts": "edit_private_" + plural,
                "edit_published_posts": "edit_published_" + plural,
            }
        )
    caps.update(capabilities)  # array_merge(): known keys keep their place, new ones go last
    if "create_posts" not in caps:
        caps["create_posts"] = caps["edit_posts"]
    return PostTypeCaps(caps)


def taxonomy_capabilities(capabilities: Mapping[str, str]) -> TaxonomyCaps:
    """`WP_Taxonomy::set_props()`: `manage_categories` for all but assigning (`edit_posts`)."""
    caps = {
        "manage_terms": "manage_categories",
        "edit_terms": "manage_categories",
        "delete_terms": "manage_categories",
        "assign_terms": "edit_posts",
    }
    caps.update(capabilities)
    return TaxonomyCaps(caps)
