"""Post types: `WP_Post_Type` and the registry `register_post_type()` fills.

A `PostType` is immutable; `PostTypeRegistry.register()` builds it from WordPress's
registration arguments exactly as `WP_Post_Type::set_props()` and `add_supports()` do, so the
data of `core.py` reads like `create_initial_post_types()`. The registry is filled at start-up
and only read afterwards.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, TypedDict

from pressbox.registry.caps import PostTypeCaps, post_type_capabilities
from pressbox.registry.labels import Labels, post_type_labels
from pressbox.registry.named import NamedRegistry

EP_PERMALINK = 1

# `true`, or the list of extra arguments given to add_post_type_support() (`[{"notes": true}]`).
SupportValue = Literal[True] | tuple[Mapping[str, object], ...]
# A `supports` entry: a feature name, or (feature, its arguments) as in `'editor' => array(...)`.
SupportSpec = str | tuple[str, Mapping[str, object]]


class PostTypeArgs(TypedDict, total=False):
    """The arguments of `register_post_type()`; `_builtin`/`_edit_link` lose their underscore."""

    labels: Mapping[str, str | None]
    label: str
    description: str
    public: bool
    hierarchical: bool
    exclude_from_search: bool
    publicly_queryable: bool
    embeddable: bool
    show_ui: bool
    show_in_menu: bool | str
    show_in_nav_menus: bool
    show_in_admin_bar: bool
    menu_position: int
    menu_icon: str
    capability_type: str | tuple[str, str]
    capabilities: Mapping[str, str]
    map_meta_cap: bool
    supports: Sequence[SupportSpec] | Literal[False]
    taxonomies: Sequence[str]
    has_archive: bool | str
    rewrite: bool | Mapping[str, object]
    permalink_epmask: int
    query_var: bool | str
    can_export: bool
    delete_with_user: bool
    show_in_rest: bool
    rest_base: str
    rest_namespace: str
    rest_controller_class: str
    autosave_rest_controller_class: str
    revisions_rest_controller_class: str
    late_route_registration: bool
    template: Sequence[object]
    template_lock: str | Literal[False]
    builtin: bool
    edit_link: str


@dataclass(frozen=True)
class PostTypeRewrite:
    """`WP_Post_Type::$rewrite` when rewriting is on (it is `false` for every core type)."""

    slug: str
    with_front: bool = True
    pages: bool = True
    feeds: bool = False
    ep_mask: int = EP_PERMALINK


@dataclass(frozen=True, eq=False)
class PostType:
    """`WP_Post_Type`: every property the REST API and the admin screens read."""

    name: str
    label: str
    labels: Labels
    description: str
    public: bool
    hierarchical: bool
    exclude_from_search: bool
    publicly_queryable: bool
    embeddable: bool
    show_ui: bool
    show_in_menu: bool | str
    show_in_nav_menus: bool
    show_in_admin_bar: bool
    menu_position: int | None
    menu_icon: str | None
    capability_type: str
    map_meta_cap: bool
    cap: PostTypeCaps
    taxonomies: tuple[str, ...]
    has_archive: bool | str
    query_var: str | Literal[False]
    can_export: bool
    delete_with_user: bool | None
    template: tuple[object, ...]
    template_lock: str | Literal[False]
    builtin: bool
    edit_link: str
    rewrite: PostTypeRewrite | None
    # get_all_post_type_supports(): feature -> True or its argument list, in WordPress's order.
    supports: Mapping[str, SupportValue]
    show_in_rest: bool
    rest_base: str | None
    rest_namespace: str | None
    rest_controller_class: str | None
    revisions_rest_controller_class: str | None
    autosave_rest_controller_class: str | None
    late_route_registration: bool

    @property
    def viewable(self) -> bool:
        """`is_post_type_viewable()`."""
        return self.publicly_queryable or (self.builtin and self.public)

    @property
    def route_base(self) -> str:
        """The controller's `rest_base`: the type's `rest_base`, else its name."""
        return self.rest_base or self.name

    @property
    def namespace(self) -> str:
        """The controller's namespace: the type's `rest_namespace`, else `wp/v2`."""
        return self.rest_namespace or "wp/v2"

    def supports_feature(self, feature: str) -> bool:
        """`post_type_supports()`."""
        return feature in self.supports

    def supports_dict(self) -> dict[str, object]:
        """`get_all_post_type_supports()` as JSON: `true` or a list of argument objects."""
        return {k: True if v is True else [dict(a) for a in v] for k, v in self.supports.items()}

    @property
    def rest_controller(self) -> str | None:
        """`get_rest_controller()`'s class name, or None when the type is not in REST."""
        if not self.show_in_rest:
            return None
        return self.rest_controller_class or "WP_REST_Posts_Controller"

    @property
    def revisions_rest_controller(self) -> str | None:
        """`get_revisions_rest_controller()`'s class name (needs `revisions` support)."""
        if not self.show_in_rest or not self.supports_feature("revisions"):
            return None
        return self.revisions_rest_controller_class or "WP_REST_Revisions_Controller"

    @property
    def autosave_rest_controller(self) -> str | None:
        """`get_autosave_rest_controller()`'s class name (needs `autosave` support)."""
        if not self.show_in_rest or not self.supports_feature("autosave"):
            return None
        return self.autosave_rest_controller_class or "WP_REST_Autosaves_Controller"


def sanitize_key(key: str) -> str:
    """`sanitize_key()`: lowercase, only `a-z0-9_-`."""
    return re.sub(r"[^a-z0-9_\-]", "", key.lower())


def sanitize_query_var(value: str) -> str:
    """A reduced `sanitize_title_with_dashes()`, enough for query var names."""
    value = re.sub(r"<[^>]*>", "", value).lower()
    value = re.sub(r"[^a-z0-9 _\-]", "", value)
    value = re.sub(r"[\s-]+", "-", value)
    return value.strip("-")


def _supports(spec: Sequence[SupportSpec] | Literal[False] | None) -> dict[str, SupportValue]:
    """`WP_Post_Type::add_supports()`: an empty list still means the defaults."""
    if spec is False:
        return {}
    if not spec:
        return {"title": True, "editor": True, "autosave": True}
    out: dict[str, SupportValue] = {}
    for entry in spec:
        if isinstance(entry, str):
            out[entry] = True
        else:
            feature, args = entry
            out[feature] = (MappingProxyType(dict(args)),)
    # 'editor' implies 'autosave' unless the type removes it afterwards.
    if "editor" in out and "autosave" not in out:
        out["autosave"] = True
    return out


def _rewrite(
    name: str, args: PostTypeArgs, has_archive: bool | str, permalinks: bool
) -> PostTypeRewrite | None:
    rewrite = args.get("rewrite", True)
    if rewrite is False or not permalinks:
        return None
    given: Mapping[str, object] = rewrite if isinstance(rewrite, Mapping) else {}
    slug = given.get("slug")
    with_front = given.get("with_front", True)
    pages = given.get("pages", True)
    feeds = given.get("feeds") if ("feeds" in given and has_archive) else bool(has_archive)
    ep_mask = given.get("ep_mask", args.get("permalink_epmask", EP_PERMALINK))
    return PostTypeRewrite(
        slug=str(slug) if slug else name,
        with_front=bool(with_front),
        pages=bool(pages),
        feeds=bool(feeds),
        ep_mask=int(ep_mask) if isinstance(ep_mask, int) else EP_PERMALINK,
    )


def build_post_type(name: str, args: PostTypeArgs, *, permalinks: bool = True) -> PostType:
    """`new WP_Post_Type( $name, $args )` followed by `add_supports()`.

    `permalinks` is whether a permalink structure is set (rewrite rules apply only then).
    """
    public = args.get("public", False)
    publicly_queryable = args.get("publicly_queryable", public)
    show_ui = args.get("show_ui", public)
    show_in_menu: bool | str = args.get("show_in_menu", show_ui) if show_ui else show_ui
    show_in_rest = args.get("show_in_rest", False)
    capability_type = args.get("capability_type", "post")
    capabilities = args.get("capabilities", {})
    map_meta_cap = args.get("map_meta_cap")
    if map_meta_cap is None:
        # Back compat with 3.0 (#14122): post/page types without custom caps map meta caps.
        map_meta_cap = not capabilities and capability_type in ("post", "page")
    has_edit_link = bool(args.get("edit_link"))
    edit_link = args.get("edit_link", "post.php?post=%d")
    if not show_ui and not has_edit_link:
        edit_link = ""
    query_var_arg = args.get("query_var", True)
    query_var: str | Literal[False]
    if query_var_arg is False:
        query_var = False
    elif query_var_arg is True:
        query_var = name
    else:
        query_var = sanitize_query_var(query_var_arg)
    hierarchical = args.get("hierarchical", False)
    has_archive = args.get("has_archive", False)
    labels = post_type_labels(name, args.get("labels", {}), args.get("label"), hierarchical)
    label = labels["name"]
    return PostType(
        name=name,
        label=label if label is not None else name,
        labels=labels,
        description=args.get("description", ""),
        public=public,
        hierarchical=hierarchical,
        exclude_from_search=args.get("exclude_from_search", not public),
        publicly_queryable=publicly_queryable,
        embeddable=args.get("embeddable", public),
        show_ui=show_ui,
        show_in_menu=show_in_menu,
        show_in_nav_menus=args.get("show_in_nav_menus", public),
        show_in_admin_bar=args.get("show_in_admin_bar", bool(show_in_menu)),
        menu_position=args.get("menu_position"),
        menu_icon=args.get("menu_icon"),
        capability_type=capability_type if isinstance(capability_type, str) else capability_type[0],
        map_meta_cap=map_meta_cap,
        cap=post_type_capabilities(capability_type, map_meta_cap, capabilities),
        taxonomies=tuple(args.get("taxonomies", ())),
        has_archive=has_archive,
        query_var=query_var,
        can_export=args.get("can_export", True),
        delete_with_user=args.get("delete_with_user"),
        template=tuple(args.get("template", ())),
        template_lock=args.get("template_lock", False),
        builtin=args.get("builtin", False),
        edit_link=edit_link,
        rewrite=_rewrite(name, args, has_archive, permalinks),
        supports=MappingProxyType(_supports(args.get("supports"))),
        show_in_rest=show_in_rest,
        rest_base=args.get("rest_base") or None,
        rest_namespace=args.get("rest_namespace") or ("wp/v2" if show_in_rest else None),
        rest_controller_class=args.get("rest_controller_class") or None,
        revisions_rest_controller_class=args.get("revisions_rest_controller_class") or None,
        autosave_rest_controller_class=args.get("autosave_rest_controller_class") or None,
        late_route_registration=args.get("late_route_registration", False),
    )


class PostTypeRegistry(NamedRegistry[PostType]):
    """`$wp_post_types` in registration order, plus features of pseudo types.

    `get()` is `get_post_type_object()`.

    Filled at start-up (`register`, `add_support`, `remove_support`), read-only afterwards.
    """

    def __init__(self, *, permalinks: bool = True) -> None:
        super().__init__()
        # Features of names that are not post types, e.g. `attachment:audio` -> thumbnail.
        self._extra_supports: dict[str, dict[str, SupportValue]] = {}
        self._permalinks = permalinks

    @classmethod
    def core(
        cls, *, permalinks: bool = True, attachment_pages_enabled: bool = False
    ) -> PostTypeRegistry:
        """A registry holding WordPress 7.1's core post types (`create_initial_post_types()`)."""
        # The core data module builds on this one; import it only when asked for.
        from pressbox.registry.core_post_types import core_post_types

        return core_post_types(
            permalinks=permalinks, attachment_pages_enabled=attachment_pages_enabled
        )

    def register(self, name: str, args: PostTypeArgs) -> PostType:
        """`register_post_type()`: a new type, or one that replaces a type of that name."""
        name = sanitize_key(name)
        if not name or len(name) > 20:
            raise ValueError("Post type names must be between 1 and 20 characters in length.")
        post_type = build_post_type(name, args, permalinks=self._permalinks)
        self._items[name] = post_type
        return post_type

    def add_support(self, name: str, feature: str, *args: Mapping[str, object]) -> None:
        """`add_post_type_support()`."""
        value: SupportValue = tuple(MappingProxyType(dict(a)) for a in args) if args else True
        post_type = self._items.get(name)
        if post_type is None:
            self._extra_supports.setdefault(name, {})[feature] = value
            return
        supports = dict(post_type.supports)
        supports[feature] = value
        self._items[name] = dataclasses.replace(post_type, supports=MappingProxyType(supports))

    def remove_support(self, name: str, feature: str) -> None:
        """`remove_post_type_support()`."""
        post_type = self._items.get(name)
        if post_type is None:
            self._extra_supports.get(name, {}).pop(feature, None)
            return
        supports = {k: v for k, v in post_type.supports.items() if k != feature}
        self._items[name] = dataclasses.replace(post_type, supports=MappingProxyType(supports))

    def supports(self, name: str, feature: str) -> bool:
        """`post_type_supports()`, also for pseudo types such as `attachment:audio`."""
        post_type = self._items.get(name)
        if post_type is not None:
            return post_type.supports_feature(feature)
        return feature in self._extra_supports.get(name, {})

    def names(self) -> list[str]:
        """`get_post_types()`: every name, in registration order."""
        return list(self._items)

    def in_rest(self) -> list[PostType]:
        """`get_post_types( array( 'show_in_rest' => true ), 'objects' )`."""
        return [t for t in self._items.values() if t.show_in_rest]

    def by_rest_base(self, namespace: str, base: str) -> PostType | None:
        """The REST-visible type served at `/{namespace}/{base}`."""
        for post_type in self.in_rest():
            if post_type.namespace == namespace and post_type.route_base == base:
                return post_type
        return None
