"""Term blocks: categories (`wp_list_categories()` / `wp_dropdown_categories()`) and the tag
cloud (`wp_tag_cloud()`), from blocks/categories.php and blocks/tag-cloud.php.

Terms come from `ctx.data.terms(taxonomy, **get_terms_args)` (`SiteData`), which must honour
`orderby`/`order`/`number`/`hide_empty`/`pad_counts` as `get_terms()` does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from pressbox.content.blocks.core.archives import inline_script
from pressbox.content.blocks.core.scripts import CATEGORIES_DROPDOWN_JS
from pressbox.content.blocks.data import Term, site_method
from pressbox.content.blocks.phpjson import php_json_encode
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.counters import consume, next_number
from pressbox.content.escaping import esc_attr, esc_html, esc_url

__all__ = ["MODULE", "render_categories", "render_tag_cloud", "term_link"]

_TAXONOMIES = {
    # name: (query var, plural label, singular label, "no terms" label, rewrite base)
    "category": ("category_name", "Categories", "Category", "No categories", "category"),
    "post_tag": ("tag", "Tags", "Tag", "No tags", "tag"),
}


def _terms(ctx: RenderContext, taxonomy: str, **args: Any) -> list[Term]:
    query = site_method(ctx, "terms")
    return list(query(taxonomy, **args)) if callable(query) else []


def term_link(ctx: RenderContext, term: Term, by_id: dict[int, Term] | None = None) -> str:
    """`get_term_link()` (pretty permalinks; categories nest their parents' slugs)."""
    if term.link:
        return term.link
    home = ctx.data.home_url()
    info = _TAXONOMIES.get(term.taxonomy)
    if not ctx.data.option("permalink_structure", "") or info is None:
        var = info[0] if info else term.taxonomy
        return f"{home}/?{var}={term.slug}"
    slugs = [term.slug]
    if term.taxonomy == "category" and by_id:
        parent = by_id.get(term.parent)
        while parent is not None:
            slugs.insert(0, parent.slug)
            parent = by_id.get(parent.parent)
    return f"{home}/{info[4]}/{'/'.join(slugs)}/"


def _tree(terms: Sequence[Term], hierarchical: bool) -> list[tuple[Term, int]]:
    """Terms with their depth in `Walker` order (children under their parent)."""
    if not hierarchical:
        return [(t, 0) for t in terms]
    ids = {t.term_id for t in terms}
    children: dict[int, list[Term]] = {}
    for t in terms:
        children.setdefault(t.parent if t.parent in ids else 0, []).append(t)
    out: list[tuple[Term, int]] = []

    def walk(parent: int, depth: int) -> None:
        for t in children.get(parent, []):
            out.append((t, depth))
            walk(t.term_id, depth + 1)

    walk(0, 0)
    return out


def _visible(terms: list[Term], hide_empty: bool, hierarchical: bool) -> list[Term]:
    if not hide_empty:
        return terms
    if not hierarchical:
        return [t for t in terms if t.count > 0]
    by_parent: dict[int, list[Term]] = {}
    for t in terms:
        by_parent.setdefault(t.parent, []).append(t)

    def has_posts(t: Term) -> bool:
        return t.count > 0 or any(has_posts(c) for c in by_parent.get(t.term_id, []))

    return [t for t in terms if has_posts(t)]


def render_categories(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.render import keep_placeholders
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    taxonomy = str(a.get("taxonomy", "category"))
    info = _TAXONOMIES.get(taxonomy, (taxonomy, taxonomy, taxonomy, "No terms", taxonomy))
    # `static $block_id`: counted per request, printed only by dropdowns.
    dropdown = bool(a.get("displayAsDropdown"))
    count = next_number(ctx, "core_categories") if dropdown else consume(ctx, "core_categories")
    hierarchical = bool(a.get("showHierarchy"))
    show_count = bool(a.get("showPostCounts"))
    hide_empty = not a.get("showEmpty")
    args: dict[str, Any] = {"orderby": "name", "order": "ASC", "hide_empty": False,
                            "pad_counts": show_count and hierarchical}  # fmt: skip
    terms = _visible(_terms(ctx, taxonomy, **args), hide_empty, hierarchical)
    if a.get("showOnlyTopLevel"):
        terms = [t for t in terms if t.parent == 0]
    by_id = (
        {t.term_id: t for t in _terms(ctx, taxonomy, hide_empty=False)}
        if taxonomy == "category"
        else {}
    )
    if dropdown:
        dropdown_id = f"wp-block-categories-{count}"
        items = (
            f"<select  name='{esc_attr(info[0])}' id='{esc_attr(dropdown_id)}' class='postform'>\n"
        )
        if terms:
            items += f"\t<option value='-1'>Select {info[2]}</option>\n"
            for term, depth in _tree(terms, hierarchical):
                pad = "&nbsp;" * (depth * 3)
                counts = f"&nbsp;&nbsp;({term.count:,})" if show_count else ""
                items += f'\t<option class="level-{depth}" value="{esc_attr(term.slug)}">{pad}{term.name}{counts}</option>\n'
        else:
            items += f"\t<option value='-1' selected='selected'>Select {info[2]}</option>\n"
        items += "</select>"
        exports = keep_placeholders(
            php_json_encode(
                [dropdown_id, ctx.data.home_url()], unescaped_slashes=True, hex_tag=True
            )
        )
        items += inline_script(
            CATEGORIES_DROPDOWN_JS.format(exports=exports),
            "build_dropdown_script_block_core_categories",
        )
        items += "\n"
        hidden = "" if a.get("showLabel", True) else " screen-reader-text"
        label = str(a["label"]) if a.get("label") else info[1]
        wrapper = get_block_wrapper_attributes(
            ctx, {"class": f"wp-block-categories-dropdown wp-block-categories-taxonomy-{taxonomy}"}
        )
        return (
            f'<div {wrapper}><label class="wp-block-categories__label{hidden}" for="{esc_attr(dropdown_id)}">'
            f"{label}</label>{items}</div>"
        )
    items = count + (f'<li class="cat-item-none">{info[3]}</li>' if not terms else "")
    ids = {t.term_id for t in terms}
    children: dict[int, list[Term]] = {}
    for t in terms:
        children.setdefault(t.parent if hierarchical and t.parent in ids else 0, []).append(t)

    def walk(parent: int, depth: int) -> str:
        out = ""
        for term in children.get(parent, []):
            link = f'<a href="{esc_url(term_link(ctx, term, by_id))}">{esc_attr(term.name)}</a>'
            if show_count:
                link += f" ({term.count:,})"
            out += f'\t<li class="cat-item cat-item-{term.term_id}">{link}\n'
            if term.term_id in children:
                indent = "\t" * depth
                out += (
                    f"{indent}<ul class='children'>\n{walk(term.term_id, depth + 1)}{indent}</ul>\n"
                )
            out += "</li>\n"
        return out

    items += walk(0, 0)
    wrapper = get_block_wrapper_attributes(
        ctx, {"class": f"wp-block-categories-list wp-block-categories-taxonomy-{taxonomy}"}
    )
    return f"<ul {wrapper}>{items}</ul>"


def _php_float(value: float) -> str:
    """PHP's float-to-string conversion (precision 14)."""
    if value.is_integer():
        return str(int(value))
    text = f"{value:.14G}"
    return text.replace("E+", "E+").replace("E-0", "E-")


_UNIT = re.compile(r"^[0-9.]+(?P<unit>[a-z%]+)$", re.I)


def _php_floatval(value: Any) -> float:
    m = re.match(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", str(value))
    return float(m.group(0)) if m else 0.0


def render_tag_cloud(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a = block.attrs
    smallest_raw = str(a.get("smallestFontSize", "8pt"))
    m = _UNIT.match(smallest_raw)
    unit = m.group("unit") if m else "pt"
    smallest = _php_floatval(smallest_raw)
    largest = _php_floatval(a.get("largestFontSize", "22pt"))
    taxonomy = str(a.get("taxonomy", "post_tag"))
    number = int(a.get("numberOfTags", 45))
    tags = _terms(ctx, taxonomy, orderby="count", order="DESC", number=number, hide_empty=True)
    cloud = ""
    if tags:
        by_id = (
            {t.term_id: t for t in _terms(ctx, taxonomy, hide_empty=False)}
            if taxonomy == "category"
            else {}
        )
        tags = sorted(tags, key=lambda t: _natural_key(t.name))
        counts = [round(math.log10(t.count + 1) * 100) for t in tags]
        low = min(counts)
        spread = max(max(counts) - low, 1)
        font_spread = largest - smallest
        if font_spread < 0:
            font_spread = 1
        step = font_spread / spread
        show_count = bool(a.get("showTagCounts"))
        links = []
        for position, (tag, count) in enumerate(zip(tags, counts, strict=True), start=1):
            items = "item" if tag.count == 1 else "items"
            formatted = f"{tag.count:,} {items}"
            aria = (
                f' aria-label="{esc_attr(tag.name)} ({esc_attr(formatted)})"'
                if show_count or font_spread != 0
                else ""
            )
            size = _php_float(smallest + (count - low) * step)
            suffix = f'<span class="tag-link-count"> ({tag.count})</span>' if show_count else ""
            links.append(
                f'<a href="{esc_url(term_link(ctx, tag, by_id))}" class="'
                f'{esc_attr(f"tag-cloud-link tag-link-{tag.term_id} tag-link-position-{position}")}" '
                f'style="font-size: {esc_attr(size.replace(",", ".") + unit)};"{aria}>{esc_html(tag.name)}{suffix}</a>'
            )
        cloud = "\n".join(links)
    if not cloud:
        cloud = "There&#8217;s no content to show here yet."  # wp_is_serving_rest_request()
    return f"<p {get_block_wrapper_attributes(ctx)}>{cloud}</p>"


_CHUNKS = re.compile(r"(\d+)")


def _natural_key(name: str) -> list[Any]:
    """`strnatcasecmp()` order."""
    return [int(p) if p.isdigit() else p.lower() for p in _CHUNKS.split(name)]


MODULE = BlockModule(
    renderers={"core/categories": render_categories, "core/tag-cloud": render_tag_cloud}
)
