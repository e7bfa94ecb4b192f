"""prepare_item_for_response for menu items, batched: meta, menus and linked objects read once.

WordPress counterparts: `wp_setup_nav_menu_item()` for `nav_menu_item` posts and
`WP_REST_Menu_Items_Controller::prepare_item_for_response()` / `prepare_links()`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pressbox.content.context import PostData
from pressbox.endpoints.posts import sanitize_html_class
from pressbox.endpoints.terms_prepare import BASE_OPTIONS, ancestor_slugs, term_link
from pressbox.rest.fields import FieldSet, field_set
from pressbox.rest.message import Request, Response
from pressbox.schema import _php
from pressbox.store.phpserialize import maybe_unserialize
from pressbox.store.terms_query import TermQueries

if TYPE_CHECKING:
    from pressbox.endpoints.menu_items import MenuItemsController

META_KEYS = [
    "_menu_item_type",
    "_menu_item_menu_item_parent",
    "_menu_item_object_id",
    "_menu_item_object",
    "_menu_item_target",
    "_menu_item_classes",
    "_menu_item_xfn",
    "_menu_item_url",
]


@dataclass(frozen=True)
class MenuItem:
    """What `wp_setup_nav_menu_item()` adds to a `nav_menu_item` post."""

    post: PostData
    type: str
    type_label: str
    object: str
    object_id: str
    menu_item_parent: str
    title: str
    url: str
    target: str
    attr_title: str
    description: str
    classes: list[Any]
    xfn: str
    invalid: bool
    linked_type: str  # the post type or taxonomy of the linked object, '' if none


def _first(meta: dict[str, list[str]], key: str) -> str:
    values = meta.get(key)
    return values[0] if values else ""


def _trim_words(text: str, count: int = 200) -> str:
    """`wp_trim_words()` on tag-free text (menu item descriptions)."""
    text = re.sub(r"<[^>]*?>", "", text)
    words = text.split(None, count)
    if len(words) > count:
        return " ".join(words[:count]) + "&hellip;"
    return " ".join(words)


def setup_menu_items(ctl: MenuItemsController, posts: list[PostData]) -> list[MenuItem]:
    """`wp_setup_nav_menu_item()` for a page of menu items."""
    app = ctl.app
    site = app.site
    meta = site.meta([p.id for p in posts], META_KEYS)
    post_ids = []
    term_ids = []
    for p in posts:
        m = meta.get(p.id, {})
        kind = _first(m, "_menu_item_type")
        target = _php.to_int(_first(m, "_menu_item_object_id"))
        if kind == "post_type" and target:
            post_ids.append(target)
        elif kind == "taxonomy" and target:
            term_ids.append(target)
    objects = site.posts(post_ids) if post_ids else {}
    store = TermQueries(app.db)
    items = []
    for post in posts:
        m = meta.get(post.id, {})
        kind = _first(m, "_menu_item_type")
        obj = _first(m, "_menu_item_object")
        object_id = _first(m, "_menu_item_object_id")
        invalid = False
        linked = ""
        if kind == "post_type":
            post_type = app.post_types.get(obj)
            label = str(post_type.labels["singular_name"]) if post_type else obj
            invalid = post_type is None
            original = objects.get(_php.to_int(object_id))
            if original is not None:
                invalid = invalid or original.post_status == "trash"
                url = site.permalink_of(original)
                original_title = app.renderer.title(original)
                linked = original.post_type
            else:
                url, original_title, invalid = "", "", True
            title = post.post_title or original_title or f"#{object_id} (no title)"
        elif kind == "post_type_archive":
            post_type = app.post_types.get(obj)
            invalid = post_type is None
            title = post.post_title or (str(post_type.labels["archives"]) if post_type else "")
            label = "Post Type Archive"
            url = ""  # archives of the core types served here have no archive link
        elif kind == "taxonomy":
            taxonomy = app.taxonomies.get(obj)
            label = str(taxonomy.labels["singular_name"]) if taxonomy else obj
            invalid = taxonomy is None
            term = store.term(_php.to_int(object_id), obj) if taxonomy else None
            if term is not None and taxonomy is not None:
                known = store.with_ancestors([term])
                structure = str(site.option("permalink_structure", "") or "")
                base_option = BASE_OPTIONS.get(obj)
                base = str(site.option(base_option, "") or "") if base_option else ""
                url = term_link(
                    site.home_url(), structure, taxonomy, term, ancestor_slugs(term, known), base
                )
                original_title = term.name
                linked = term.taxonomy
            else:
                url, original_title, invalid = "", "", True
            title = post.post_title or original_title or f"#{object_id} (no title)"
        else:
            label, title, url = "Custom Link", post.post_title, _first(m, "_menu_item_url")
        classes = maybe_unserialize(_first(m, "_menu_item_classes"))
        items.append(
            MenuItem(
                post=post,
                type=kind,
                type_label=label,
                object=obj,
                object_id=object_id,
                menu_item_parent=_first(m, "_menu_item_menu_item_parent"),
                title=title,
                url=url,
                target=_first(m, "_menu_item_target"),
                attr_title=post.post_excerpt,
                description=_trim_words(post.post_content),
                classes=_php.to_array(classes),
                xfn=_first(m, "_menu_item_xfn"),
                invalid=invalid,
                linked_type=linked,
            )
        )
    return items


def prepare_menu_items(
    ctl: MenuItemsController, posts: list[PostData], request: Request
) -> list[Any]:
    """Prepare each menu item and turn it into data with links, as the collection does."""
    app = ctl.app
    inc = field_set(ctl.fields(request))
    items = setup_menu_items(ctl, posts)
    ids = [p.id for p in posts]
    taxonomies = ctl.taxonomies
    terms = app.site.post_terms(ids, [t.name for t in taxonomies]) if taxonomies else {}
    want_links = inc("_links") or inc("_embedded")
    out = []
    for item in items:
        data = _prepare_one(ctl, item, request, inc, terms.get(item.post.id, {}))
        response = Response(data=data)
        if want_links:
            _add_links(ctl, item, response)
        out.append(app.server.response_to_data(response, request, False))
    return out


def _prepare_one(
    ctl: MenuItemsController,
    item: MenuItem,
    request: Request,
    inc: FieldSet,
    pterms: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    post = item.post
    data: dict[str, Any] = {}
    if inc("id"):
        data["id"] = post.id
    if inc("title"):
        data["title"] = {}
    if inc("title.raw"):
        data["title"]["raw"] = item.title
    if inc("title.rendered"):
        # Protected and private titles get no prefix here (`protected_title_format` '%s').
        data["title"]["rendered"] = ctl.app.renderer.title(
            dataclasses.replace(post, post_title=item.title)
        )
    if inc("status"):
        data["status"] = post.post_status
    if inc("url"):
        data["url"] = item.url
    if inc("attr_title"):
        data["attr_title"] = item.attr_title
    if inc("description"):
        data["description"] = item.description
    if inc("type"):
        data["type"] = item.type
    if inc("type_label"):
        data["type_label"] = item.type_label
    if inc("object"):
        data["object"] = item.object
    if inc("object_id"):
        data["object_id"] = abs(_php.to_int(item.object_id))
    if inc("parent"):
        data["parent"] = _php.to_int(item.menu_item_parent)
    if inc("menu_order"):
        data["menu_order"] = post.menu_order
    if inc("target"):
        data["target"] = item.target
    if inc("classes"):
        data["classes"] = item.classes
    if inc("xfn"):
        data["xfn"] = [sanitize_html_class(x) for x in item.xfn.split(" ")]
    if inc("invalid"):
        data["invalid"] = item.invalid
    if inc("meta"):
        data["meta"] = ctl.meta_value(post.id)
    for taxonomy in ctl.taxonomies:
        base = taxonomy.rest_base or taxonomy.name
        if inc(base):
            ids = [t["term_id"] for t in pterms.get(taxonomy.name, [])]
            data[base] = (ids[0] if ids else 0) if taxonomy.name == "nav_menu" else ids
    return ctl.context_filter(data, request)


def _add_links(ctl: MenuItemsController, item: MenuItem, response: Response) -> None:
    """`prepare_links()`: the posts controller's, and the linked object's."""
    url = ctl.app.server.rest_url
    base = f"{ctl.namespace}/{ctl.rest_base}"
    post = item.post
    response.add_link("self", url(f"{base}/{post.id}"))
    response.add_link("collection", url(base))
    response.add_link("about", url(f"wp/v2/types/{post.post_type}"))
    for taxonomy in ctl.taxonomies:
        tax_base = f"{taxonomy.rest_namespace or 'wp/v2'}/{taxonomy.rest_base or taxonomy.name}"
        response.add_link(
            "https://api.w.org/term",
            url(f"{tax_base}?post={post.id}"),
            taxonomy=taxonomy.name,
            embeddable=True,
        )
    if not _php.to_int(item.object_id) or not item.linked_type:
        return
    if item.type == "post_type":
        post_type = ctl.app.post_types.get(item.linked_type)
        if post_type is None or not post_type.show_in_rest:
            return
        path = ctl.app.rest_base_for(item.linked_type)
    else:
        linked = ctl.app.taxonomies.get(item.linked_type)
        if linked is None or not linked.show_in_rest:
            return
        path = f"{linked.rest_namespace or 'wp/v2'}/{linked.rest_base or linked.name}"
    response.add_link(
        "https://api.w.org/menu-item-object",
        url(f"{path}/{_php.to_int(item.object_id)}"),
        **{item.type: item.linked_type, "embeddable": True},
    )
