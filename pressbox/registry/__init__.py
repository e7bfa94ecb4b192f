"""What WordPress registers at start-up: post types, post statuses, taxonomies, meta keys.

The application owns one `Registries` (built by `core_registries()` for a stock WordPress 7.1
site), fills it before serving and only reads it afterwards. Every schema, route and query of
posts and terms is derived from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pressbox.registry.caps import CapabilityMap, PostTypeCaps, TaxonomyCaps
from pressbox.registry.core_post_types import core_post_types, register_core_post_types
from pressbox.registry.labels import Labels
from pressbox.registry.meta import (
    MetaRegistry,
    RegisteredMeta,
    RestMetaOptions,
    register_core_post_meta,
)
from pressbox.registry.post_types import PostType, PostTypeArgs, PostTypeRegistry, PostTypeRewrite
from pressbox.registry.statuses import (
    PostStatus,
    PostStatusArgs,
    PostStatusRegistry,
    core_post_statuses,
)
from pressbox.registry.taxonomies import (
    POST_FORMATS,
    Taxonomy,
    TaxonomyArgs,
    TaxonomyRegistry,
    TaxonomyRewrite,
    core_taxonomies,
)
from pressbox.registry.theme import TWENTYTWENTYFIVE, CustomTemplate, ThemeTemplates

__all__ = [
    "POST_FORMATS",
    "TWENTYTWENTYFIVE",
    "CapabilityMap",
    "CustomTemplate",
    "Labels",
    "MetaRegistry",
    "PostStatus",
    "PostStatusArgs",
    "PostStatusRegistry",
    "PostType",
    "PostTypeArgs",
    "PostTypeCaps",
    "PostTypeRegistry",
    "PostTypeRewrite",
    "RegisteredMeta",
    "Registries",
    "RestMetaOptions",
    "Taxonomy",
    "TaxonomyArgs",
    "TaxonomyCaps",
    "TaxonomyRegistry",
    "TaxonomyRewrite",
    "ThemeTemplates",
    "core_registries",
    "register_core_post_types",
]


@dataclass(frozen=True)
class Registries:
    """Everything registered on `init` that the REST API reads."""

    post_types: PostTypeRegistry
    statuses: PostStatusRegistry
    taxonomies: TaxonomyRegistry
    meta: MetaRegistry
    theme: ThemeTemplates

    def public_post_type_names(self) -> list[str]:
        """`get_post_types( array( 'public' => true ) )`."""
        return [t.name for t in self.post_types if t.public]

    def page_templates(self, post_type: str) -> dict[str, str]:
        """The `template` values a post of `post_type` may take (see `theme.py`)."""
        return self.theme.page_templates(post_type, self.public_post_type_names())


def core_registries(
    *,
    permalinks: bool = True,
    attachment_pages_enabled: bool = False,
    theme: ThemeTemplates = TWENTYTWENTYFIVE,
    theme_supports_post_formats: bool = True,
) -> Registries:
    """WordPress 7.1's registrations on `init`, in WordPress's order.

    Defaults describe the oracle: pretty permalinks, attachment pages off (the default since
    6.4), Twenty Twenty-Five active (custom template `page-no-title`, post formats declared).
    """
    post_types = core_post_types(
        permalinks=permalinks, attachment_pages_enabled=attachment_pages_enabled
    )
    taxonomies = core_taxonomies(
        permalinks=permalinks, theme_supports_post_formats=theme_supports_post_formats
    )
    for post_type in post_types:  # WP_Post_Type::register_taxonomies()
        for name in post_type.taxonomies:
            taxonomies.register_for_object_type(name, post_type.name)
    meta = MetaRegistry()
    register_core_post_meta(meta, post_types)
    return Registries(
        post_types=post_types,
        statuses=core_post_statuses(),
        taxonomies=taxonomies,
        meta=meta,
        theme=theme,
    )
