"""Taxonomies: `WP_Taxonomy`, `register_taxonomy()` and WordPress 7.1's core taxonomies.

A `Taxonomy` is immutable; `TaxonomyRegistry.register()` builds it from WordPress's
registration arguments as `WP_Taxonomy::set_props()` does. `register_core_taxonomies()`
transcribes `create_initial_taxonomies()` (wp-includes/taxonomy.php, 7.1.0) as it runs on
`init`, i.e. with the rewrite rules of a site that uses pretty permalinks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, TypedDict

from pressbox.registry.caps import TaxonomyCaps, taxonomy_capabilities
from pressbox.registry.labels import Labels, taxonomy_labels
from pressbox.registry.named import NamedRegistry
from pressbox.registry.post_types import sanitize_query_var

EP_NONE = 0
EP_CATEGORIES = 512
EP_TAGS = 1024

# get_post_format_strings(): slug -> label; 'standard' stands for "no format".
POST_FORMATS: Mapping[str, str] = MappingProxyType(
    {
        "standard": "Standard",
        "aside": "Aside",
        "chat": "Chat",
        "gallery": "Gallery",
        "link": "Link",
        "image": "Image",
        "quote": "Quote",
        "status": "Status",
        "video": "Video",
        "audio": "Audio",
    }
)


class TaxonomyArgs(TypedDict, total=False):
    """The arguments of `register_taxonomy()` (`_builtin` loses its underscore)."""

    labels: Mapping[str, str | None]
    label: str
    description: str
    public: bool
    publicly_queryable: bool
    hierarchical: bool
    show_ui: bool
    show_in_menu: bool
    show_in_nav_menus: bool
    show_tagcloud: bool
    show_in_quick_edit: bool
    show_admin_column: bool
    meta_box_cb: str | Literal[False]
    meta_box_sanitize_cb: str
    capabilities: Mapping[str, str]
    rewrite: bool | Mapping[str, object]
    query_var: bool | str
    update_count_callback: str
    show_in_rest: bool
    rest_base: str
    rest_namespace: str
    rest_controller_class: str
    default_term: str | Mapping[str, str]
    sort: bool
    args: Mapping[str, object]
    builtin: bool


@dataclass(frozen=True)
class TaxonomyRewrite:
    """`WP_Taxonomy::$rewrite` when rewriting is on."""

    slug: str
    with_front: bool = True
    hierarchical: bool = False
    ep_mask: int = EP_NONE


@dataclass(frozen=True)
class DefaultTerm:
    """`WP_Taxonomy::$default_term`."""

    name: str
    slug: str = ""
    description: str = ""


@dataclass(frozen=True, eq=False)
class Taxonomy:
    """`WP_Taxonomy`: every property the REST API and the admin screens read."""

    name: str
    label: str
    labels: Labels
    description: str
    public: bool
    publicly_queryable: bool
    hierarchical: bool
    show_ui: bool
    show_in_menu: bool
    show_in_nav_menus: bool
    show_tagcloud: bool
    show_in_quick_edit: bool
    show_admin_column: bool
    meta_box_cb: str | Literal[False]
    meta_box_sanitize_cb: str
    object_type: tuple[str, ...]
    cap: TaxonomyCaps
    rewrite: TaxonomyRewrite | None
    query_var: str | Literal[False]
    update_count_callback: str
    show_in_rest: bool
    rest_base: str | None
    rest_namespace: str | None
    rest_controller_class: str | None
    default_term: DefaultTerm | None
    sort: bool | None
    args: Mapping[str, object] | None
    builtin: bool

    @property
    def route_base(self) -> str:
        """The REST base: the taxonomy's `rest_base`, else its name."""
        return self.rest_base or self.name

    @property
    def namespace(self) -> str:
        """The REST namespace: `rest_namespace`, else `wp/v2`."""
        return self.rest_namespace or "wp/v2"

    @property
    def rest_controller(self) -> str | None:
        """`get_rest_controller()`'s class name, or None when not in REST."""
        if not self.show_in_rest:
            return None
        return self.rest_controller_class or "WP_REST_Terms_Controller"


def _rewrite(
    name: str, rewrite: bool | Mapping[str, object], permalinks: bool
) -> TaxonomyRewrite | None:
    if rewrite is False or not permalinks:
        return None
    given: Mapping[str, object] = rewrite if isinstance(rewrite, Mapping) else {}
    slug = given.get("slug")
    ep_mask = given.get("ep_mask", EP_NONE)
    return TaxonomyRewrite(
        slug=str(slug) if slug else sanitize_query_var(name),
        with_front=bool(given.get("with_front", True)),
        hierarchical=bool(given.get("hierarchical", False)),
        ep_mask=ep_mask if isinstance(ep_mask, int) else EP_NONE,
    )


def build_taxonomy(
    name: str, object_type: Sequence[str], args: TaxonomyArgs, *, permalinks: bool = True
) -> Taxonomy:
    """`new WP_Taxonomy( $name, $object_type, $args )`."""
    public = args.get("public", True)
    publicly_queryable = args.get("publicly_queryable", public)
    query_var_arg = args.get("query_var", name)
    query_var: str | Literal[False]
    if query_var_arg is False or not publicly_queryable:
        query_var = False  # forced off for non-public taxonomies outside the admin
    elif query_var_arg is True:
        query_var = name
    else:
        query_var = sanitize_query_var(query_var_arg)
    show_ui = args.get("show_ui", public)
    hierarchical = args.get("hierarchical", False)
    meta_box_cb = args.get(
        "meta_box_cb", "post_categories_meta_box" if hierarchical else "post_tags_meta_box"
    )
    sanitize_cb = args.get(
        "meta_box_sanitize_cb",
        "taxonomy_meta_box_sanitize_cb_checkboxes"
        if meta_box_cb == "post_categories_meta_box"
        else "taxonomy_meta_box_sanitize_cb_input",
    )
    default_term_arg = args.get("default_term")
    default_term: DefaultTerm | None = None
    if isinstance(default_term_arg, str) and default_term_arg:
        default_term = DefaultTerm(default_term_arg)
    elif isinstance(default_term_arg, Mapping) and default_term_arg:
        default_term = DefaultTerm(**{k: str(v) for k, v in default_term_arg.items()})
    show_in_rest = args.get("show_in_rest", False)
    labels = taxonomy_labels(name, args.get("labels", {}), args.get("label"), hierarchical)
    label = labels["name"]
    return Taxonomy(
        name=name,
        label=label if label is not None else name,
        labels=labels,
        description=args.get("description", ""),
        public=public,
        publicly_queryable=publicly_queryable,
        hierarchical=hierarchical,
        show_ui=show_ui,
        show_in_menu=args.get("show_in_menu", show_ui) if show_ui else show_ui,
        show_in_nav_menus=args.get("show_in_nav_menus", public),
        show_tagcloud=args.get("show_tagcloud", show_ui),
        show_in_quick_edit=args.get("show_in_quick_edit", show_ui),
        show_admin_column=args.get("show_admin_column", False),
        meta_box_cb=meta_box_cb,
        meta_box_sanitize_cb=sanitize_cb,
        object_type=tuple(dict.fromkeys(object_type)),
        cap=taxonomy_capabilities(args.get("capabilities", {})),
        rewrite=_rewrite(name, args.get("rewrite", True), permalinks),
        query_var=query_var,
        update_count_callback=args.get("update_count_callback", ""),
        show_in_rest=show_in_rest,
        rest_base=args.get("rest_base") or None,
        rest_namespace=args.get("rest_namespace") or ("wp/v2" if show_in_rest else None),
        rest_controller_class=args.get("rest_controller_class") or None,
        default_term=default_term,
        sort=args.get("sort"),
        args=args.get("args"),
        builtin=args.get("builtin", False),
    )


class TaxonomyRegistry(NamedRegistry[Taxonomy]):
    """`$wp_taxonomies` in registration order; filled at start-up, read-only afterwards.

    `get()` is `get_taxonomy()`.
    """

    def __init__(self, *, permalinks: bool = True) -> None:
        super().__init__()
        self._permalinks = permalinks

    @classmethod
    def core(
        cls, *, permalinks: bool = True, theme_supports_post_formats: bool = True
    ) -> TaxonomyRegistry:
        """A registry holding WordPress 7.1's core taxonomies (`create_initial_taxonomies()`)."""
        return core_taxonomies(
            permalinks=permalinks, theme_supports_post_formats=theme_supports_post_formats
        )

    def register(self, name: str, object_type: str | Sequence[str], args: TaxonomyArgs) -> Taxonomy:
        """`register_taxonomy()`."""
        if not name or len(name) > 32:
            raise ValueError("Taxonomy names must be between 1 and 32 characters in length.")
        types = [object_type] if isinstance(object_type, str) else list(object_type)
        taxonomy = build_taxonomy(name, types, args, permalinks=self._permalinks)
        self._items[name] = taxonomy
        return taxonomy

    def register_for_object_type(self, name: str, object_type: str) -> bool:
        """`register_taxonomy_for_object_type()` (the caller checks the post type exists)."""
        taxonomy = self._items.get(name)
        if taxonomy is None:
            return False
        if object_type not in taxonomy.object_type:
            self._items[name] = dataclasses.replace(
                taxonomy, object_type=(*taxonomy.object_type, object_type)
            )
        return True

    def names(self) -> list[str]:
        """`get_taxonomies()`: every name, in registration order."""
        return list(self._items)

    def in_rest(self) -> list[Taxonomy]:
        """`get_taxonomies( array( 'show_in_rest' => true ), 'objects' )`."""
        return [t for t in self._items.values() if t.show_in_rest]

    def for_object_type(
        self, object_type: str, *, show_in_rest: bool | None = None
    ) -> list[Taxonomy]:
        """`get_object_taxonomies( $object_type, 'objects' )`, optionally `wp_list_filter`ed."""
        return [
            t
            for t in self._items.values()
            if object_type in t.object_type
            and (show_in_rest is None or t.show_in_rest is show_in_rest)
        ]


def register_core_taxonomies(
    registry: TaxonomyRegistry, *, theme_supports_post_formats: bool = True
) -> None:
    """`create_initial_taxonomies()` as it runs on `init` (no `category_base`/`tag_base`).

    `theme_supports_post_formats` is `current_theme_supports( 'post-formats' )`; Twenty
    Twenty-Five declares it, which shows `post_format` in nav menus.
    """
    registry.register(
        "category",
        "post",
        {
            "hierarchical": True,
            "query_var": "category_name",
            "rewrite": {
                "hierarchical": True,
                "slug": "category",
                "with_front": True,
                "ep_mask": EP_CATEGORIES,
            },
            "public": True,
            "show_ui": True,
            "show_admin_column": True,
            "builtin": True,
            "capabilities": {
                "manage_terms": "manage_categories",
                "edit_terms": "edit_categories",
                "delete_terms": "delete_categories",
                "assign_terms": "assign_categories",
            },
            "show_in_rest": True,
            "rest_base": "categories",
            "rest_controller_class": "WP_REST_Terms_Controller",
        },
    )
    registry.register(
        "post_tag",
        "post",
        {
            "hierarchical": False,
            "query_var": "tag",
            "rewrite": {
                "hierarchical": False,
                "slug": "tag",
                "with_front": True,
                "ep_mask": EP_TAGS,
            },
            "public": True,
            "show_ui": True,
            "show_admin_column": True,
            "builtin": True,
            "capabilities": {
                "manage_terms": "manage_post_tags",
                "edit_terms": "edit_post_tags",
                "delete_terms": "delete_post_tags",
                "assign_terms": "assign_post_tags",
            },
            "show_in_rest": True,
            "rest_base": "tags",
            "rest_controller_class": "WP_REST_Terms_Controller",
        },
    )
    registry.register(
        "nav_menu",
        "nav_menu_item",
        {
            "public": False,
            "hierarchical": False,
            "labels": {"name": "Navigation Menus", "singular_name": "Navigation Menu"},
            "query_var": False,
            "rewrite": False,
            "show_ui": False,
            "builtin": True,
            "show_in_nav_menus": False,
            "capabilities": dict.fromkeys(
                ("manage_terms", "edit_terms", "delete_terms", "assign_terms"), "edit_theme_options"
            ),
            "show_in_rest": True,
            "rest_base": "menus",
            "rest_controller_class": "WP_REST_Menus_Controller",
        },
    )
    registry.register(
        "link_category",
        "link",
        {
            "hierarchical": False,
            "labels": {
                "name": "Link Categories",
                "singular_name": "Link Category",
                "search_items": "Search Link Categories",
                "popular_items": None,
                "all_items": "All Link Categories",
                "edit_item": "Edit Link Category",
                "update_item": "Update Link Category",
                "add_new_item": "Add Link Category",
                "new_item_name": "New Link Category Name",
                "separate_items_with_commas": None,
                "add_or_remove_items": None,
                "choose_from_most_used": None,
                "back_to_items": "&larr; Go to Link Categories",
            },
            "capabilities": dict.fromkeys(
                ("manage_terms", "edit_terms", "delete_terms", "assign_terms"), "manage_links"
            ),
            "query_var": False,
            "rewrite": False,
            "public": False,
            "show_ui": True,
            "builtin": True,
        },
    )
    registry.register(
        "post_format",
        "post",
        {
            "public": True,
            "hierarchical": False,
            "labels": {"name": "Formats", "singular_name": "Format"},
            "query_var": True,
            "rewrite": {"slug": "type"},  # the `post_format_rewrite_base` filter's default
            "show_ui": False,
            "builtin": True,
            "show_in_nav_menus": theme_supports_post_formats,
        },
    )
    for name, types, plural, singular in (
        ("wp_theme", ("wp_template", "wp_template_part", "wp_global_styles"), "Themes", "Theme"),
        (
            "wp_template_part_area",
            ("wp_template_part",),
            "Template Part Areas",
            "Template Part Area",
        ),
    ):
        registry.register(
            name,
            types,
            {
                "public": False,
                "hierarchical": False,
                "labels": {"name": plural, "singular_name": singular},
                "query_var": False,
                "rewrite": False,
                "show_ui": False,
                "builtin": True,
                "show_in_nav_menus": False,
                "show_in_rest": False,
            },
        )
    registry.register(
        "wp_pattern_category",
        ("wp_block",),
        {
            "public": False,
            "publicly_queryable": False,
            "hierarchical": False,
            "labels": {
                "name": "Pattern Categories",
                "singular_name": "Pattern Category",
                "add_new_item": "Add Category",
                "add_or_remove_items": "Add or remove pattern categories",
                "back_to_items": "&larr; Go to Pattern Categories",
                "choose_from_most_used": "Choose from the most used pattern categories",
                "edit_item": "Edit Pattern Category",
                "item_link": "Pattern Category Link",
                "item_link_description": "A link to a pattern category.",
                "items_list": "Pattern Categories list",
                "items_list_navigation": "Pattern Categories list navigation",
                "new_item_name": "New Pattern Category Name",
                "no_terms": "No pattern categories",
                "not_found": "No pattern categories found.",
                "popular_items": "Popular Pattern Categories",
                "search_items": "Search Pattern Categories",
                "separate_items_with_commas": "Separate pattern categories with commas",
                "update_item": "Update Pattern Category",
                "view_item": "View Pattern Category",
            },
            "query_var": False,
            "rewrite": False,
            "show_ui": True,
            "builtin": True,
            "show_in_nav_menus": False,
            "show_in_rest": True,
            "show_admin_column": True,
            "show_tagcloud": False,
        },
    )


def core_taxonomies(
    *, permalinks: bool = True, theme_supports_post_formats: bool = True
) -> TaxonomyRegistry:
    """A registry holding WordPress 7.1's core taxonomies."""
    registry = TaxonomyRegistry(permalinks=permalinks)
    register_core_taxonomies(registry, theme_supports_post_formats=theme_supports_post_formats)
    return registry
