"""prepare_item_for_response for posts, batched: one query per kind of data for a whole page."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pressbox.content.context import PostData
from pressbox.endpoints.posts import mysql_to_rfc3339, sanitize_html_class
from pressbox.rest.controller import hidden_paths
from pressbox.rest.fields import FieldSet, field_set
from pressbox.rest.message import Link, Request, Response
from pressbox.store.phpserialize import maybe_unserialize

if TYPE_CHECKING:
    from pressbox.endpoints.posts import PostsController

_META_KEYS = ["_thumbnail_id", "_wp_page_template"]


def prepare_posts(ctl: PostsController, posts: list[PostData], request: Request) -> list[Any]:
    """Prepare each post and turn it into data with links, as the collection does."""
    app = ctl.app
    site = app.site
    context = request.get("context") or "view"
    inc = field_set(ctl.fields(request), hidden_paths(ctl.item_schema(), context))
    ids = [p.id for p in posts]
    meta_keys = _META_KEYS + list(app.schemas.registered_meta(ctl.post_type))
    meta = site.meta(ids, meta_keys)
    tax_names = [t.name for t in ctl.all_taxonomies]
    terms = site.post_terms(ids, tax_names) if tax_names else {i: {} for i in ids}
    want_links = inc["_links"] or inc["_embedded"]
    revisions = site.revisions(ids) if want_links and _has_revisions(ctl) else {}
    if want_links:
        # Featured media and parents are linked below: read them in one query.
        related = [_int(meta[i].get("_thumbnail_id")) for i in ids] + [p.post_parent for p in posts]
        site.posts(i for i in related if i)
    sticky = set(site.sticky_posts()) if ctl.post_type.name == "post" else set()
    schema_props = ctl.item_schema().get("properties", {})
    out = []
    for post in posts:
        pmeta = meta.get(post.id, {})
        pterms = terms.get(post.id, {})
        data = _prepare_one(ctl, post, request, inc, pmeta, pterms, sticky, schema_props)
        response = Response(data=data)
        if want_links:
            _add_links(ctl, post, response, pmeta, revisions.get(post.id))
        out.append(app.server.response_to_data(response, request, False))
    return out


def _has_revisions(ctl: PostsController) -> bool:
    return ctl.post_type.name in ("post", "page") or "revisions" in ctl.post_type.supports


def _prepare_one(
    ctl: PostsController,
    post: PostData,
    request: Request,
    inc: FieldSet,
    pmeta: dict[str, list[str]],
    pterms: dict[str, list[dict[str, Any]]],
    sticky: set[int],
    props: dict[str, Any],
) -> dict[str, Any]:
    app = ctl.app
    render = app.renderer
    data: dict[str, Any] = {}
    if inc["id"]:
        data["id"] = post.id
    if inc["date"]:
        data["date"] = mysql_to_rfc3339(post.post_date)
    if inc["date_gmt"]:
        gmt = post.post_date_gmt if not post.post_date_gmt.startswith("0000") else post.post_date
        data["date_gmt"] = mysql_to_rfc3339(gmt)
    if inc["guid"]:
        data["guid"] = {"rendered": render.guid(post.guid)}
        if inc["guid.raw"]:
            data["guid"]["raw"] = post.guid
    if inc["modified"]:
        data["modified"] = mysql_to_rfc3339(post.post_modified)
    if inc["modified_gmt"]:
        gmt = (
            post.post_modified_gmt
            if not post.post_modified_gmt.startswith("0000")
            else post.post_modified
        )
        data["modified_gmt"] = mysql_to_rfc3339(gmt)
    if inc["password"]:
        data["password"] = post.post_password
    if inc["slug"]:
        data["slug"] = post.post_name
    if inc["status"]:
        data["status"] = post.post_status
    if inc["type"]:
        data["type"] = post.post_type
    if inc["link"]:
        data["link"] = app.site.permalink_of(post)
    if inc["title"]:
        data["title"] = {}
    if inc["title.raw"]:
        data["title"]["raw"] = post.post_title
    if inc["title.rendered"]:
        data["title"]["rendered"] = render.title(post)
    can_password = _can_access_password_content(post, request)
    required = bool(post.post_password) and not can_password
    if inc["content"]:
        data["content"] = {}
    if inc["content.raw"]:
        data["content"]["raw"] = post.post_content
    if inc["content.rendered"]:
        data["content"]["rendered"] = "" if required else render.content(post, request)
    if inc["content.protected"]:
        data["content"]["protected"] = bool(post.post_password)
    if inc["content.block_version"]:
        data["content"]["block_version"] = 1 if "<!-- wp:" in post.post_content else 0
    if inc["excerpt"]:
        length = request.get("excerpt_length")
        excerpt: dict[str, Any] = {"raw": post.post_excerpt} if inc["excerpt.raw"] else {}
        excerpt["rendered"] = (
            ""
            if required
            else render.excerpt(post, request, int(length) if length is not None else None)
        )
        excerpt["protected"] = bool(post.post_password)
        data["excerpt"] = excerpt
    if inc["author"]:
        data["author"] = post.post_author
    if inc["featured_media"]:
        data["featured_media"] = _int(pmeta.get("_thumbnail_id"))
    if inc["parent"]:
        data["parent"] = post.post_parent
    if inc["menu_order"]:
        data["menu_order"] = post.menu_order
    if inc["comment_status"]:
        data["comment_status"] = post.comment_status
    if inc["ping_status"]:
        data["ping_status"] = post.ping_status
    if inc["sticky"]:
        data["sticky"] = post.id in sticky
    if inc["template"]:
        template = (pmeta.get("_wp_page_template") or [""])[0]
        data["template"] = "" if template in ("", "default") else template
    if inc["format"]:
        data["format"] = _post_format(pterms)
    if inc["meta"]:
        data["meta"] = _meta_value(ctl, pmeta)
    for tax in ctl.taxonomies:
        base = tax.rest_base or tax.name
        if inc[base]:
            data[base] = [t["term_id"] for t in pterms.get(tax.name, [])]
    if ctl.post_type.viewable and ctl.post_type.public and inc["class_list"]:
        # post_password_required() without the REST password filter: only a cookie counts.
        data["class_list"] = _class_list(ctl, post, pmeta, pterms, bool(post.post_password))
    # Only the properties the schema declares for this post type are part of the answer.
    # Fields were chosen by context already (top level and nested): no filtering pass needed.
    if data.keys() <= props.keys():
        return data
    return {k: v for k, v in data.items() if k in props}


def _int(values: list[str] | None) -> int:
    if not values:
        return 0
    try:
        return int(values[0])
    except ValueError:
        return 0


def _post_format(pterms: dict[str, list[dict[str, Any]]]) -> str:
    formats = pterms.get("post_format") or []
    if not formats:
        return "standard"
    slug = str(formats[0]["slug"])
    return slug[len("post-format-") :] if slug.startswith("post-format-") else "standard"


def _meta_value(ctl: PostsController, pmeta: dict[str, list[str]]) -> Any:
    registered = ctl.app.schemas.registered_meta(ctl.post_type)
    if not registered:
        return []
    out: dict[str, Any] = {}
    for key, spec in registered.items():
        values = pmeta.get(key)
        if spec.get("single", True):
            out[key] = maybe_unserialize(values[0]) if values else spec.get("default", "")
        else:
            out[key] = [maybe_unserialize(v) for v in values] if values else []
    return out


def _can_access_password_content(post: PostData, request: Request) -> bool:
    if not post.post_password:
        return False
    if request.get("context") == "edit" and request.user is not None and request.user.id:
        return True
    password = request.get("password")
    if not password:
        return False
    import hmac

    return hmac.compare_digest(post.post_password.encode(), str(password).encode())


def _class_list(
    ctl: PostsController,
    post: PostData,
    pmeta: dict[str, list[str]],
    pterms: dict[str, list[dict[str, Any]]],
    password_required: bool,
) -> list[str]:
    """get_post_class() outside the admin and outside the main loop."""
    terms = tuple(
        (tax.name, str(term["slug"]), int(term["term_id"]))
        for tax in ctl.public_taxonomies
        for term in pterms.get(tax.name, [])
    )
    return list(
        _post_classes(
            post.id,
            post.post_type,
            post.post_status,
            _post_format(pterms) if "post-formats" in ctl.post_type.supports else None,
            password_required,
            bool(post.post_password),
            bool(_int(pmeta.get("_thumbnail_id"))),
            terms,
        )
    )


@lru_cache(maxsize=8192)
def _post_classes(
    post_id: int,
    post_type: str,
    status: str,
    post_format: str | None,
    password_required: bool,
    has_password: bool,
    has_thumbnail: bool,
    terms: tuple[tuple[str, str, int], ...],
) -> tuple[str, ...]:
    """The classes from what they depend on (a pure function: the same post asks again)."""
    classes = [f"post-{post_id}", post_type, f"type-{post_type}", f"status-{status}"]
    if post_format is not None:
        classes.append("format-" + sanitize_html_class(post_format))
    if password_required:
        classes.append("post-password-required")
    elif has_password:
        classes.append("post-password-protected")
    if has_thumbnail and post_type != "attachment" and not password_required:
        classes.append("has-post-thumbnail")
    classes.append("hentry")
    for taxonomy, slug, term_id in terms:
        if not slug:
            continue
        term_class = sanitize_html_class(slug, str(term_id))
        if term_class.isdigit() or not term_class.strip("-"):
            term_class = str(term_id)
        if taxonomy == "post_tag":
            classes.append("tag-" + term_class)
        else:
            classes.append(sanitize_html_class(f"{taxonomy}-{term_class}", f"{taxonomy}-{term_id}"))
    return tuple(dict.fromkeys(classes))


def _add_links(
    ctl: PostsController,
    post: PostData,
    response: Response,
    pmeta: dict[str, list[str]],
    revisions: tuple[int, int] | None,
) -> None:
    """WP_REST_Posts_Controller::prepare_links."""
    app = ctl.app
    url = app.server.rest_url
    base = f"{ctl.namespace}/{ctl.rest_base}"
    response.add_link("self", url(f"{base}/{post.id}"))
    response.add_link("collection", url(base))
    response.add_link("about", url(f"wp/v2/types/{post.post_type}"))
    supports = ctl.post_type.supports
    classic = post.post_type in ("post", "page")
    if (classic or "author" in supports) and post.post_author:
        response.add_link("author", url(f"wp/v2/users/{post.post_author}"), embeddable=True)
    if classic or "comments" in supports:
        response.add_link("replies", url(f"wp/v2/comments?post={post.id}"), embeddable=True)
    if classic or "revisions" in supports:
        count, latest = revisions or (0, 0)
        response.add_link("version-history", url(f"{base}/{post.id}/revisions"), count=count)
        if count > 0:
            response.add_link(
                "predecessor-version", url(f"{base}/{post.id}/revisions/{latest}"), id=latest
            )
    if ctl.post_type.hierarchical and post.post_parent:
        parent = app.site.post(post.post_parent)
        parent_base = app.rest_base_for(parent.post_type) if parent else base
        response.add_link("up", url(f"{parent_base}/{post.post_parent}"), embeddable=True)
    thumb = _int(pmeta.get("_thumbnail_id"))
    if thumb:
        media = app.site.post(thumb)
        if media is not None and (media.post_status == "publish" or media.post_status == "inherit"):
            response.add_link(
                "https://api.w.org/featuredmedia",
                url(f"{app.rest_base_for(media.post_type)}/{thumb}"),
                embeddable=True,
            )
    if post.post_type not in ("attachment", "nav_menu_item", "revision"):
        response.add_link("https://api.w.org/attachment", url(f"wp/v2/media?parent={post.id}"))
    term_links = [
        Link(
            url(f"{tax.rest_namespace or 'wp/v2'}/{tax.rest_base or tax.name}?post={post.id}"),
            {"taxonomy": tax.name, "embeddable": True},
        )
        for tax in ctl.all_taxonomies
        if tax.show_in_rest
    ]
    if ctl.all_taxonomies:
        response.links["https://api.w.org/term"] = term_links
