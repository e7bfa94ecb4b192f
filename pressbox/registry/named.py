"""What WordPress's global registries share: objects by name, in registration order.

`$wp_post_types`, `$wp_taxonomies` and `$wp_post_statuses` are PHP arrays keyed by name; their
registries here keep the same order (it shows in `/wp/v2/types`, `/wp/v2/taxonomies` and
`/wp/v2/statuses`) and are read like a mapping of name to object.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class NamedRegistry(Generic[T]):
    """Registered objects by name; `get`, `in`, `[]`, iteration over the objects, `len`."""

    def __init__(self) -> None:
        self._items: dict[str, T] = {}

    def get(self, name: str) -> T | None:
        return self._items.get(name)

    def __getitem__(self, name: str) -> T:
        return self._items[name]

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)
