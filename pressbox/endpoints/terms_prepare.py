"""prepare_item_for_response for terms, batched: ancestors and meta read once for a page.

WordPress counterparts: `WP_REST_Terms_Controller::prepare_item_for_response()` and
`prepare_links()`, `WP_REST_Menus_Controller::prepare_item_for_response()` (locations,
auto_add), `get_term_link()` and `WP_REST_Meta_Fields::get_value()` for term meta.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pressbox.rest.fields import field_set
from pressbox.rest.message import Request, Response
from pressbox.rest.phpquery import add_query_arg
from pressbox.schema.errors import RestError
from pressbox.schema.sanitize import rest_sanitize_value_from_schema
from pressbox.schema.validate import rest_validate_value_from_schema
from pressbox.store.phpserialize import is_list, maybe_unserialize
from pressbox.store.terms_query import TermRow, primed

if TYPE_CHECKING:
    from pressbox.endpoints.terms import TermsController
    from pressbox.registry.taxonomies import Taxonomy
    from pressbox.store.site import Site

# The options that replace the rewrite slug of these taxonomies (create_initial_taxonomies()).
BASE_OPTIONS = {"category": "category_base", "post_tag": "tag_base"}


def extra_permastruct(structure: str, taxonomy: Taxonomy, base: str = "") -> str:
    """`WP_Rewrite::get_extra_permastruct()` for a taxonomy; '' without pretty permalinks.

    `base` is the `category_base`/`tag_base` option: it replaces the slug and, unless the
    structure goes through index.php, drops the front (`with_front` false).
    """
    if not structure or taxonomy.rewrite is None:
        return ""
    front = structure[: structure.find("%")] if "%" in structure else structure
    index_permalinks = structure.lstrip("/").startswith("index.php")
    root = "index.php/" if index_permalinks else ""
    slug, with_front = taxonomy.rewrite.slug, taxonomy.rewrite.with_front
    if taxonomy.name in BASE_OPTIONS:
        slug = base or slug
        with_front = not base or index_permalinks
    return (front if with_front else root) + f"{slug}/%{taxonomy.name}%"


def term_link(
    home: str,
    structure: str,
    taxonomy: Taxonomy,
    term: TermRow,
    ancestor_slugs: Sequence[str] = (),
    base: str = "",
) -> str:
    """`get_term_link()`; `ancestor_slugs` run from the root down to the term's parent."""
    permastruct = extra_permastruct(structure, taxonomy, base)
    if not permastruct:
        if taxonomy.name == "category":
            link = f"?cat={term.term_id}"
        elif taxonomy.query_var:
            link = f"?{taxonomy.query_var}={term.slug}"
        else:
            link = f"?taxonomy={taxonomy.name}&term={term.slug}"
    else:
        if taxonomy.rewrite is not None and taxonomy.rewrite.hierarchical:
            path = "/".join([*ancestor_slugs, term.slug])
        else:
            path = term.slug
        link = permastruct.replace(f"%{taxonomy.name}%", path)
        # user_trailingslashit(): the structure decides.
        link = link.rstrip("/") + "/" if structure.endswith("/") else link.rstrip("/")
    return home + "/" + link.lstrip("/")


def ancestor_slugs(term: TermRow, known: Mapping[int, TermRow]) -> list[str]:
    """`get_ancestors()`'s slugs, root first (stops at a missing parent or a loop)."""
    slugs: list[str] = []
    seen = {term.term_id}
    parent = known.get(term.parent) if term.parent else None
    while parent is not None and parent.term_id not in seen:
        seen.add(parent.term_id)
        slugs.append(parent.slug)
        parent = known.get(parent.parent) if parent.parent else None
    return slugs[::-1]


def menu_locations(site: Site) -> dict[str, int]:
    """`get_nav_menu_locations()`: the active theme's `nav_menu_locations` mod."""
    mods = site.option(f"theme_mods_{site.option('stylesheet', '')}", {})
    locations = mods.get("nav_menu_locations") if isinstance(mods, dict) else None
    if not isinstance(locations, dict):
        return {}
    out: dict[str, int] = {}
    for name, value in locations.items():
        try:
            out[str(name)] = int(value)
        except (TypeError, ValueError):
            continue
    return out


def menu_auto_add(site: Site) -> list[int]:
    """The menu ids of the `nav_menu_options` option's `auto_add` list."""
    options = site.option("nav_menu_options", {})
    values = options.get("auto_add") if isinstance(options, dict) else None
    if isinstance(values, dict):
        values = list(values.values())
    return [v for v in values if isinstance(v, int)] if isinstance(values, list) else []


def prepare_terms(ctl: TermsController, terms: list[TermRow], request: Request) -> list[Any]:
    """Prepare each term and turn it into data with links, as the collection does."""
    app = ctl.app
    inc = field_set(ctl.fields(request))
    want_links = inc("_links") or inc("_embedded")
    known = ctl.store.with_ancestors(terms) if inc("link") or want_links else {}
    registered = ctl.registered_meta()
    meta = (
        ctl.store.meta([t.term_id for t in terms], list(registered))
        if inc("meta") and registered
        else {}
    )
    structure = str(app.site.option("permalink_structure", "") or "")
    base_option = BASE_OPTIONS.get(ctl.taxonomy.name)
    base = str(app.site.option(base_option, "") or "") if base_option else ""
    home = app.site.home_url()
    menus = ctl.is_menus
    locations = menu_locations(app.site) if menus else {}
    auto_add = menu_auto_add(app.site) if menus else []
    out: list[Any] = []
    with primed(known.values()):
        for term in terms:
            data: dict[str, Any] = {}
            if inc("id"):
                data["id"] = term.term_id
            if inc("count"):
                data["count"] = term.count
            if inc("description"):
                data["description"] = term.description
            if inc("link"):
                slugs = ancestor_slugs(term, known)
                data["link"] = term_link(home, structure, ctl.taxonomy, term, slugs, base)
            if inc("name"):
                data["name"] = term.name
            if inc("slug"):
                data["slug"] = term.slug
            if inc("taxonomy"):
                data["taxonomy"] = term.taxonomy
            if inc("parent"):
                data["parent"] = term.parent
            if inc("meta"):
                data["meta"] = _meta_value(registered, meta.get(term.term_id, {}))
            if menus and inc("locations"):
                data["locations"] = [n for n, i in locations.items() if i == term.term_id]
            if menus and inc("auto_add"):
                data["auto_add"] = term.term_id in auto_add
            # Only what the schema declares for this taxonomy's controller is answered.
            data = ctl.context_filter(data, request)
            response = Response(data=data)
            if want_links:
                _add_links(ctl, term, response, known, locations)
            out.append(app.server.response_to_data(response, request, False))
    return out


def _meta_value(registered: Mapping[str, Any], values: Mapping[str, list[str]]) -> Any:
    """`WP_REST_Meta_Fields::get_value()`: `[]` (an empty PHP array) when nothing is shown."""
    if not registered:
        return []
    out: dict[str, Any] = {}
    for key, spec in registered.items():
        found = [php_value(maybe_unserialize(v)) for v in values.get(key) or []]
        if spec["single"]:
            value = found[0] if found else spec["default"]
            out[spec["name"]] = prepare_meta_value(value, spec["schema"])
        else:
            out[spec["name"]] = [prepare_meta_value(v, spec["schema"]) for v in found]
    return out


def php_value(value: Any) -> Any:
    """A decoded PHP array as JSON sees it: a list when its keys are 0…n-1, else an object."""
    if isinstance(value, dict):
        items = {k: php_value(v) for k, v in value.items()}
        if is_list(items):
            return list(items.values())
        return {str(k): v for k, v in items.items()}
    return value


def prepare_meta_value(value: Any, schema: Mapping[str, Any]) -> Any:
    """`WP_REST_Meta_Fields::prepare_value()`: invalid values answer `null`."""
    empty = {"boolean": False, "integer": 0, "number": 0.0}
    if value == "" and schema.get("type") in empty:
        value = empty[str(schema["type"])]
    if isinstance(rest_validate_value_from_schema(value, dict(schema)), RestError):
        return None
    return rest_sanitize_value_from_schema(value, dict(schema))


def _add_links(
    ctl: TermsController,
    term: TermRow,
    response: Response,
    known: Mapping[int, TermRow],
    locations: Mapping[str, int],
) -> None:
    """`prepare_links()` (and the menus controller's `wp:menu-location` links)."""
    app = ctl.app
    url = app.server.rest_url
    response.add_link("self", url(f"{ctl.route}/{term.term_id}"))
    response.add_link("collection", url(ctl.route))
    response.add_link("about", url(f"wp/v2/taxonomies/{ctl.taxonomy.name}"))
    if term.parent:
        parent = known.get(term.parent) or ctl.store.term(term.parent, term.taxonomy)
        if parent is not None and parent.taxonomy == term.taxonomy:
            response.add_link("up", url(f"{ctl.route}/{parent.term_id}"), embeddable=True)
    for object_type in ctl.taxonomy.object_type:
        post_type = app.post_types.get(object_type)
        if post_type is None or not post_type.show_in_rest:
            continue
        href = url(f"{post_type.namespace}/{post_type.route_base}")
        response.add_link(
            "https://api.w.org/post_type",
            add_query_arg({ctl.rest_base: str(term.term_id)}, href),
        )
    if ctl.is_menus:
        for name, menu_id in locations.items():
            if menu_id == term.term_id:
                response.add_link(
                    "https://api.w.org/menu-location",
                    url(f"wp/v2/menu-locations/{name}"),
                    embeddable=True,
                )
