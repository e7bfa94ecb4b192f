"""Item schemas that follow the `show_avatars` option, as users' and comments' do.

WordPress builds those schemas on every call, and the avatar fields exist only while
`show_avatars` is on; here each is built once per value of the option.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pressbox.content.avatars import AvatarOptions
from pressbox.schema.posts import public_item_schema

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.meta import MetaRegistry

SchemaBuilder = Callable[["MetaRegistry", bool], dict[str, Any]]


class AvatarSchemas:
    """A controller's item schema and its public form, by the current `show_avatars`."""

    def __init__(self, app: App, build: SchemaBuilder) -> None:
        self.app = app
        self._build = build
        self._items: dict[bool, dict[str, Any]] = {}
        self._public: dict[bool, dict[str, Any]] = {}

    def avatar_options(self) -> AvatarOptions:
        return AvatarOptions.from_options(self.app.site.option)

    def show(self) -> bool:
        return self.avatar_options().show

    def item(self) -> dict[str, Any]:
        """`get_item_schema()` as the option has it now."""
        show = self.show()
        if show not in self._items:
            self._items[show] = self._build(self.app.registries.meta, show)
        return self._items[show]

    def public(self) -> dict[str, Any]:
        """`get_public_item_schema()`: what OPTIONS shows (no `arg_options`)."""
        show = self.show()
        if show not in self._public:
            self._public[show] = public_item_schema(self.item())
        return self._public[show]
