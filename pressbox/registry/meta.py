"""Registered meta keys: `register_meta()` / `register_post_meta()` and the ones core adds.

WordPress counterparts: `register_meta()`, `get_registered_meta_keys()`,
`wp_create_initial_post_meta()` (`wp_pattern_sync_status` for patterns) and
`register_block_core_footnotes_post_meta()` (`footnotes` for every REST post type that
supports the editor, custom fields and revisions).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from pressbox.registry.post_types import PostType

MetaType = Literal["string", "boolean", "integer", "number", "array", "object"]


class _Unset:
    """Marks a `default` that was not given (PHP: the key is absent)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET = _Unset()


@dataclass(frozen=True)
class RestMetaOptions:
    """The array form of `show_in_rest`: a `name`, a `schema` merged over the defaults."""

    name: str | None = None
    schema: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class RegisteredMeta:
    """One `register_meta( $object_type, $meta_key, $args )` registration."""

    object_type: str  # post, term, comment, user
    key: str
    object_subtype: str = ""  # a post type or taxonomy name; "" for every subtype
    type: str = "string"
    label: str = ""
    description: str = ""
    single: bool = False
    default: object = UNSET
    sanitize_callback: str | None = None
    auth_callback: str | None = None
    show_in_rest: bool | RestMetaOptions = False
    revisions_enabled: bool = False


class MetaRegistry:
    """`$wp_meta_keys`; filled at start-up, read-only afterwards."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, str], dict[str, RegisteredMeta]] = {}

    @classmethod
    def core(cls, post_types: Iterable[PostType]) -> MetaRegistry:
        """The meta keys core registers on `init`, for the given (registered) post types."""
        registry = cls()
        register_core_post_meta(registry, post_types)
        return registry

    def register(self, meta: RegisteredMeta) -> None:
        """`register_meta()`: a later registration of the same key replaces the earlier one."""
        self._keys.setdefault((meta.object_type, meta.object_subtype), {})[meta.key] = meta

    def keys(self, object_type: str, object_subtype: str = "") -> dict[str, RegisteredMeta]:
        """`get_registered_meta_keys( $object_type, $object_subtype )`."""
        return dict(self._keys.get((object_type, object_subtype), {}))

    def for_rest(self, object_type: str, object_subtype: str = "") -> dict[str, RegisteredMeta]:
        """The keys `WP_REST_Meta_Fields::get_registered_fields()` starts from.

        Keys for every subtype first, then the subtype's own (which win on a name clash,
        keeping the first one's place: `array_merge()`).
        """
        keys = self.keys(object_type)
        if object_subtype:
            keys.update(self.keys(object_type, object_subtype))
        return keys


def register_core_post_meta(registry: MetaRegistry, post_types: Iterable[PostType]) -> None:
    """The post meta core registers on `init`: patterns' sync status (priority 10), then
    footnotes (priority 20, after every post type is registered)."""
    registry.register(
        RegisteredMeta(
            object_type="post",
            object_subtype="wp_block",
            key="wp_pattern_sync_status",
            type="string",
            single=True,
            sanitize_callback="sanitize_text_field",
            show_in_rest=RestMetaOptions(
                schema=MappingProxyType({"type": "string", "enum": ["partial", "unsynced"]})
            ),
        )
    )
    for post_type in post_types:
        if post_type.show_in_rest and all(
            post_type.supports_feature(f) for f in ("editor", "custom-fields", "revisions")
        ):
            registry.register(
                RegisteredMeta(
                    object_type="post",
                    object_subtype=post_type.name,
                    key="footnotes",
                    type="string",
                    single=True,
                    show_in_rest=True,
                    revisions_enabled=True,
                )
            )
