"""Labels of post types and taxonomies, built as WordPress builds them (en_US strings).

WordPress counterparts: `WP_Post_Type::get_default_labels()`, `WP_Taxonomy::get_default_labels()`,
`_get_custom_object_labels()`, `get_post_type_labels()` and `get_taxonomy_labels()`.
The key order of the result is WordPress's: the defaults in their order (with `menu_name`
appended), then keys the object set itself that are not defaults (`name_admin_bar`, `archives`
for taxonomies), then `template_name`. A `None` value is PHP's `null` (JSON `null`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

Labels = Mapping[str, str | None]

# (non-hierarchical, hierarchical) pairs, WP_Post_Type::get_default_labels().
POST_TYPE_DEFAULT_LABELS: Mapping[str, tuple[str | None, str | None]] = MappingProxyType(
    {
        "name": ("Posts", "Pages"),
        "singular_name": ("Post", "Page"),
        "add_new": ("Add", "Add"),
        "add_new_item": ("Add Post", "Add Page"),
        "edit_item": ("Edit Post", "Edit Page"),
        "new_item": ("New Post", "New Page"),
        "view_item": ("View Post", "View Page"),
        "view_items": ("View Posts", "View Pages"),
        "search_items": ("Search Posts", "Search Pages"),
        "not_found": ("No posts found.", "No pages found."),
        "not_found_in_trash": ("No posts found in Trash.", "No pages found in Trash."),
        "parent_item_colon": (None, "Parent Page:"),
        "all_items": ("All Posts", "All Pages"),
        "archives": ("Post Archives", "Page Archives"),
        "attributes": ("Post Attributes", "Page Attributes"),
        "insert_into_item": ("Insert into post", "Insert into page"),
        "uploaded_to_this_item": ("Uploaded to this post", "Uploaded to this page"),
        "featured_image": ("Featured image", "Featured image"),
        "set_featured_image": ("Set featured image", "Set featured image"),
        "remove_featured_image": ("Remove featured image", "Remove featured image"),
        "use_featured_image": ("Use as featured image", "Use as featured image"),
        "filter_items_list": ("Filter posts list", "Filter pages list"),
        "filter_by_date": ("Filter by date", "Filter by date"),
        "items_list_navigation": ("Posts list navigation", "Pages list navigation"),
        "items_list": ("Posts list", "Pages list"),
        "item_published": ("Post published.", "Page published."),
        "item_published_privately": ("Post published privately.", "Page published privately."),
        "item_reverted_to_draft": ("Post reverted to draft.", "Page reverted to draft."),
        "item_trashed": ("Post trashed.", "Page trashed."),
        "item_scheduled": ("Post scheduled.", "Page scheduled."),
        "item_updated": ("Post updated.", "Page updated."),
        "item_link": ("Post Link", "Page Link"),
        "item_link_description": ("A link to a post.", "A link to a page."),
    }
)

_NAME_FIELD = "The name is how it appears on your site."
_SLUG_FIELD = (
    "The &#8220;slug&#8221; is the URL-friendly version of the name. It is usually all "
    "lowercase and contains only letters, numbers, and hyphens."
)
_PARENT_FIELD = (
    "Assign a parent term to create a hierarchy. The term Jazz, for example, would be the "
    "parent of Bebop and Big Band."
)
_DESC_FIELD = "The description is not prominent by default; however, some themes may show it."

# (non-hierarchical, hierarchical) pairs, WP_Taxonomy::get_default_labels().
TAXONOMY_DEFAULT_LABELS: Mapping[str, tuple[str | None, str | None]] = MappingProxyType(
    {
        "name": ("Tags", "Categories"),
        "singular_name": ("Tag", "Category"),
        "search_items": ("Search Tags", "Search Categories"),
        "popular_items": ("Popular Tags", None),
        "all_items": ("All Tags", "All Categories"),
        "parent_item": (None, "Parent Category"),
        "parent_item_colon": (None, "Parent Category:"),
        "name_field_description": (_NAME_FIELD, _NAME_FIELD),
        "slug_field_description": (_SLUG_FIELD, _SLUG_FIELD),
        "parent_field_description": (None, _PARENT_FIELD),
        "desc_field_description": (_DESC_FIELD, _DESC_FIELD),
        "edit_item": ("Edit Tag", "Edit Category"),
        "view_item": ("View Tag", "View Category"),
        "update_item": ("Update Tag", "Update Category"),
        "add_new_item": ("Add Tag", "Add Category"),
        "new_item_name": ("New Tag Name", "New Category Name"),
        "separate_items_with_commas": ("Separate tags with commas", None),
        "add_or_remove_items": ("Add or remove tags", None),
        "choose_from_most_used": ("Choose from the most used tags", None),
        "not_found": ("No tags found.", "No categories found."),
        "no_terms": ("No tags", "No categories"),
        "filter_by_item": (None, "Filter by category"),
        "items_list_navigation": ("Tags list navigation", "Categories list navigation"),
        "items_list": ("Tags list", "Categories list"),
        "most_used": ("Most Used", "Most Used"),
        "back_to_items": ("&larr; Go to Tags", "&larr; Go to Categories"),
        "item_link": ("Tag Link", "Category Link"),
        "item_link_description": ("A link to a tag.", "A link to a category."),
    }
)


def _isset(labels: Mapping[str, str | None], key: str) -> bool:
    """PHP's `isset()` on an array key: present and not null."""
    return labels.get(key) is not None


def custom_object_labels(
    name: str,
    given: Mapping[str, str | None],
    label: str | None,
    hierarchical: bool,
    defaults: Mapping[str, tuple[str | None, str | None]],
) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """`_get_custom_object_labels()`: returns (the object's own completed labels, all labels).

    WordPress writes the completed labels back onto the object; callers need them to decide
    `template_name`, so both are returned.
    """
    own: dict[str, str | None] = dict(given)
    if label is not None and not own.get("name"):
        own["name"] = label
    if not _isset(own, "singular_name") and _isset(own, "name"):
        own["singular_name"] = own["name"]
    if not _isset(own, "name_admin_bar"):
        singular = own.get("singular_name")
        own["name_admin_bar"] = singular if singular is not None else name
    if not _isset(own, "menu_name") and _isset(own, "name"):
        own["menu_name"] = own["name"]
    if not _isset(own, "all_items") and _isset(own, "menu_name"):
        own["all_items"] = own["menu_name"]
    if not _isset(own, "archives") and _isset(own, "all_items"):
        own["archives"] = own["all_items"]

    merged: dict[str, str | None] = {
        key: pair[1] if hierarchical else pair[0] for key, pair in defaults.items()
    }
    merged.update(own)  # array_merge(): own keys replace defaults in place, new keys go last
    return own, merged


def _with_menu_name(
    defaults: Mapping[str, tuple[str | None, str | None]],
) -> dict[str, tuple[str | None, str | None]]:
    out = dict(defaults)
    out["menu_name"] = out["name"]
    return out


def post_type_labels(
    name: str,
    given: Mapping[str, str | None],
    label: str | None,
    hierarchical: bool,
) -> Labels:
    """`get_post_type_labels()` for a post type registered with `labels` and `label`."""
    own, labels = custom_object_labels(
        name, given, label, hierarchical, _with_menu_name(POST_TYPE_DEFAULT_LABELS)
    )
    if not _isset(own, "template_name") and _isset(own, "singular_name"):
        labels["template_name"] = f"Single item: {own['singular_name']}"
    return MappingProxyType(labels)


def taxonomy_labels(
    name: str,
    given: Mapping[str, str | None],
    label: str | None,
    hierarchical: bool,
) -> Labels:
    """`get_taxonomy_labels()` for a taxonomy registered with `labels` and `label`."""
    own, labels = custom_object_labels(
        name, given, label, hierarchical, _with_menu_name(TAXONOMY_DEFAULT_LABELS)
    )
    if not _isset(own, "template_name") and _isset(labels, "singular_name"):
        labels["template_name"] = f"{labels['singular_name']} Archives"
    return MappingProxyType(labels)
