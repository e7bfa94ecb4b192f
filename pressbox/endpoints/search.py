"""Search `/wp/v2/search` (WP_REST_Search_Controller and its post, term and post-format
search handlers).

The `type` argument picks a handler; each finds a page of ids and the total, then prepares
the page at once (one query per kind of data). Posts are searched as `WP_Query` does with
`s` and no `orderby`: by relevance (title matches first), then by date, newest first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import func, select

from pressbox.endpoints.controller_routes import register_specs
from pressbox.endpoints.taxonomies import taxonomy_items_route
from pressbox.endpoints.terms_prepare import BASE_OPTIONS, ancestor_slugs, term_link
from pressbox.endpoints.types import post_type_items_route
from pressbox.registry.taxonomies import POST_FORMATS
from pressbox.rest.controller import fields_for_response, filter_item_by_context
from pressbox.rest.errors import RestException
from pressbox.rest.fields import is_field_included
from pressbox.rest.message import Request, Response
from pressbox.rest.phpquery import add_query_arg, urlencode_deep
from pressbox.schema import _php
from pressbox.schema.errors import RestError
from pressbox.schema.predicates import wp_parse_list
from pressbox.schema.sanitize import rest_parse_request_arg
from pressbox.schema.search import TYPE_ANY, search_result_schema, search_routes
from pressbox.store.collation import COLLATION
from pressbox.store.posts_query import PostQuery
from pressbox.store.terms_query import TermQueries, TermRow, esc_like, term_row
from pressbox.wxr.slugs import sanitize_title

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.schema.args import RequestParams

ItemId = int | str


@dataclass
class SearchResult:
    """A handler's page of ids, the total, and what it read about them (id -> row)."""

    ids: list[ItemId]
    total: int
    rows: dict[ItemId, Any] = field(default_factory=dict)


@dataclass
class Found:
    """A prepared result: its data (before context filtering) and its links."""

    data: dict[str, Any]
    links: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)


class SearchHandler(Protocol):
    """WP_REST_Search_Handler."""

    type: str
    subtypes: list[str]

    def search_items(self, request: Request) -> SearchResult: ...

    def prepare_items(self, result: SearchResult, fields: list[str]) -> list[Found]: ...


def _page(request: Request) -> tuple[int, int]:
    return int(request.get("page") or 1), int(request.get("per_page") or 10)


def _search(request: Request) -> str:
    """The `search` argument, or '' when PHP's `empty()` holds ("0" included)."""
    value = request.get("search")
    return "" if _php.is_empty(value) else str(value)


class PostSearchHandler:
    """WP_REST_Post_Search_Handler: published posts of the public REST types but media."""

    type = "post"

    def __init__(self, app: App) -> None:
        self.app = app
        self.subtypes = [
            t.name for t in app.post_types if t.public and t.show_in_rest and t.name != "attachment"
        ]

    def search_items(self, request: Request) -> SearchResult:
        post_types = list(request.get("subtype") or [])
        if TYPE_ANY in post_types:
            post_types = list(self.subtypes)
        page, per_page = _page(request)
        user = request.user
        q = PostQuery(
            # WP_Query searches posts when given no type at all.
            post_type=post_types or ["post"],
            post_status=["publish"],
            search=_search(request),
            post_not_in=[int(i) for i in request.get("exclude") or []],
            post_in=[int(i) for i in request.get("include") or []],
            # No `orderby`: relevance when searching, then the date.
            orderby="relevance",
            order="DESC",
            page=page,
            per_page=per_page,
            logged_in=user is not None and bool(user.id),
        )
        ids, total = self.app.posts_store.find(q)
        # WP_Query leaves found_posts at 0 when the page is empty.
        return SearchResult(list(ids), total if ids else 0)

    def prepare_items(self, result: SearchResult, fields: list[str]) -> list[Found]:
        posts = self.app.site.posts(int(i) for i in result.ids)
        ordered = [posts[int(i)] for i in result.ids if int(i) in posts]
        urls = self.app.site.permalinks(ordered) if "url" in fields else {}
        url = self.app.server.rest_url
        out: list[Found] = []
        for post in ordered:
            data: dict[str, Any] = {}
            if "id" in fields:
                data["id"] = post.id
            if "title" in fields:
                supports = self.app.post_types.supports(post.post_type, "title")
                # Protected and private titles are formatted as '%s' here (no prefix).
                data["title"] = self.app.renderer.title(post) if supports else ""
            if "url" in fields:
                data["url"] = urls.get(post.id, "")
            if "type" in fields:
                data["type"] = self.type
            if "subtype" in fields:
                data["subtype"] = post.post_type
            found = Found(data)
            route = post_type_items_route(self.app.post_types.get(post.post_type))
            if route:
                found.links["self"] = (url(f"{route}/{post.id}"), {"embeddable": True})
            found.links["about"] = (url(f"wp/v2/types/{post.post_type}"), {})
            out.append(found)
        return out


class TermSearchHandler:
    """WP_REST_Term_Search_Handler: terms of the public REST taxonomies, by name."""

    type = "term"

    def __init__(self, app: App) -> None:
        self.app = app
        self.store = TermQueries(app.db)
        self.subtypes = [t.name for t in app.taxonomies if t.public and t.show_in_rest]
        t = app.db.tables
        te, tt = t.terms.c, t.term_taxonomy.c
        self._from = t.terms.join(t.term_taxonomy, te.term_id == tt.term_id)
        self._columns = (
            te.term_id,
            te.name,
            te.slug,
            te.term_group,
            tt.term_taxonomy_id,
            tt.taxonomy,
            tt.description,
            tt.parent,
            tt.count,
        )

    def _where(self, taxonomies: list[str], request: Request) -> list[Any]:
        """WP_Term_Query's clauses: no taxonomy at all means every taxonomy."""
        te, tt = self.app.db.tables.terms.c, self.app.db.tables.term_taxonomy.c
        where: list[Any] = []
        if taxonomies:
            where.append(tt.taxonomy.in_(taxonomies))
        include = [abs(int(i)) for i in request.get("include") or []]
        exclude = [abs(int(i)) for i in request.get("exclude") or []]
        if include:  # `include` wins over `exclude`
            where.append(te.term_id.in_(include))
        elif exclude:
            where.append(te.term_id.not_in(exclude))
        search = _search(request)
        if search:
            like = "%" + esc_like(search) + "%"
            where.append(te.name.ilike(like, escape="\\") | te.slug.ilike(like, escape="\\"))
        return where

    def search_items(self, request: Request) -> SearchResult:
        taxonomies = list(request.get("subtype") or [])
        if TYPE_ANY in taxonomies:
            taxonomies = list(self.subtypes)
        page, per_page = _page(request)
        where = self._where(taxonomies, request)
        name = self.app.db.tables.terms.c.name
        order = name.collate(COLLATION) if self.app.db.dialect == "sqlite" else name
        conn = self.app.db.conn()
        rows = conn.execute(
            select(*self._columns)
            .select_from(self._from)
            .where(*where)
            .order_by(order.asc())
            .limit(per_page)
            .offset(_php.page_offset(page, per_page))
        ).all()
        total = conn.execute(select(func.count()).select_from(self._from).where(*where)).scalar()
        terms: dict[ItemId, Any] = {int(r[0]): term_row(r) for r in rows}
        return SearchResult(list(terms), int(total or 0), terms)

    def prepare_items(self, result: SearchResult, fields: list[str]) -> list[Found]:
        terms = [result.rows[i] for i in result.ids if i in result.rows]
        known = self.store.with_ancestors(terms) if "url" in fields else {}
        site = self.app.site
        home = site.home_url()
        structure = str(site.option("permalink_structure", "") or "")
        url = self.app.server.rest_url
        out: list[Found] = []
        for term in terms:
            taxonomy = self.app.taxonomies.get(term.taxonomy)
            data: dict[str, Any] = {}
            if "id" in fields:
                data["id"] = term.term_id
            if "title" in fields:
                data["title"] = term.name
            if "url" in fields and taxonomy is not None:
                option = BASE_OPTIONS.get(taxonomy.name)
                base = str(site.option(option, "") or "") if option else ""
                slugs = ancestor_slugs(term, known)
                data["url"] = term_link(home, structure, taxonomy, term, slugs, base)
            if "type" in fields:
                data["type"] = term.taxonomy
            found = Found(data)
            route = taxonomy_items_route(taxonomy)
            if route:
                found.links["self"] = (url(f"{route}/{term.term_id}"), {"embeddable": True})
            found.links["about"] = (url(f"wp/v2/taxonomies/{term.taxonomy}"), {})
            out.append(found)
        return out


def format_matches(slug: str, search: str) -> bool:
    """The post-format handler's match: `stripos()` on the slug or on its label."""
    needle = search.lower()
    return needle in slug.lower() or needle in POST_FORMATS.get(slug, "").lower()


class PostFormatSearchHandler:
    """WP_REST_Post_Format_Search_Handler: the formats that have a term (and so a link)."""

    type = "post-format"

    def __init__(self, app: App) -> None:
        self.app = app
        self.subtypes: list[str] = []

    def _links(self) -> dict[str, str]:
        """`get_post_format_link()` of each format whose `post-format-*` term exists."""
        t = self.app.db.tables
        te, tt = t.terms.c, t.term_taxonomy.c
        rows = self.app.db.conn().execute(
            select(te.slug)
            .select_from(t.terms.join(t.term_taxonomy, te.term_id == tt.term_id))
            .where(
                tt.taxonomy == "post_format",
                te.slug.in_([f"post-format-{s}" for s in POST_FORMATS]),
            )
        )
        existing = {str(r[0]) for r in rows}
        site = self.app.site
        home = site.home_url()
        pretty = bool(site.option("permalink_structure", ""))
        taxonomy = self.app.taxonomies.get("post_format")
        links: dict[str, str] = {}
        for slug in POST_FORMATS:
            term_slug = f"post-format-{slug}"
            if term_slug not in existing or taxonomy is None:
                continue
            if pretty and taxonomy.rewrite is not None:
                # _post_format_link(): the archive shows the format, not the term's slug.
                row = TermRow(0, slug, term_slug, 0, 0, "post_format", "", 0, 0)
                structure = str(site.option("permalink_structure", ""))
                link = term_link(home, structure, taxonomy, row)
                links[slug] = link.replace(f"/{term_slug}", f"/{slug}")
            else:
                links[slug] = add_query_arg({"post_format": slug}, home + "/")
        return links

    def search_items(self, request: Request) -> SearchResult:
        search = _search(request)
        links = self._links()
        found: list[ItemId] = [
            slug
            for slug in POST_FORMATS
            if (not search or format_matches(slug, search)) and slug in links
        ]
        page, per_page = _page(request)
        ids = found[(page - 1) * per_page : page * per_page]
        return SearchResult(ids, len(found), {slug: links[str(slug)] for slug in ids})

    def prepare_items(self, result: SearchResult, fields: list[str]) -> list[Found]:
        out: list[Found] = []
        for slug in result.ids:
            data: dict[str, Any] = {}
            if "id" in fields:
                data["id"] = slug
            if "title" in fields:
                data["title"] = POST_FORMATS.get(str(slug), "")
            if "url" in fields:
                data["url"] = result.rows.get(slug, False)
            if "type" in fields:
                data["type"] = self.type
            out.append(Found(data))  # a format has no links of its own
        return out


def wp_parse_slug_list(value: Any) -> list[str]:
    """`wp_parse_slug_list()`: a list of `sanitize_title()`d slugs, first occurrence kept."""
    return list(dict.fromkeys(sanitize_title(_php.to_str(v)) for v in wp_parse_list(value)))


class SearchController:
    """WP_REST_Search_Controller."""

    namespace = "wp/v2"
    rest_base = "search"

    def __init__(self, app: App, handlers: Sequence[SearchHandler]) -> None:
        self.app = app
        self.handlers: dict[str, SearchHandler] = {h.type: h for h in handlers}
        self.types = list(self.handlers)
        self.subtypes = list(dict.fromkeys(s for h in handlers for s in h.subtypes))
        self.schema = search_result_schema(self.types, self.subtypes)

    def get_search_handler(self, type_: Any) -> SearchHandler:
        """The handler of the request's `type` argument."""
        handler = self.handlers.get(type_) if isinstance(type_, str) else None
        if handler is None:
            raise RestException("rest_search_invalid_type", "Invalid type parameter.", 400)
        return handler

    def sanitize_subtypes(self, value: Any, request: RequestParams, param: str) -> Any:
        """The `subtype` arg: slugs checked against the enum; `any` overrides the rest."""
        subtypes = rest_parse_request_arg(wp_parse_slug_list(value), request, param)
        if isinstance(subtypes, RestError):
            return subtypes
        if TYPE_ANY in subtypes:
            return [TYPE_ANY]
        try:
            handler = self.get_search_handler(request.get_param("type"))
        except RestException as exc:
            return RestError(exc.code, exc.message, exc.data)
        return [s for s in subtypes if s in handler.subtypes]

    def get_items_permission_check(self, _request: Request) -> bool:
        return True

    def get_items(self, request: Request) -> Response:
        handler = self.get_search_handler(request.get("type"))
        result = handler.search_items(request)
        page, per_page = _page(request)
        total = result.total
        max_pages = math.ceil(total / per_page)
        if page > max_pages and total > 0:
            raise RestException(
                "rest_search_invalid_page_number",
                "The page number requested is larger than the number of pages available.",
                400,
            )
        data: list[Any] = []
        if request.method != "HEAD":
            data = self.prepare_items(handler, result, request)
        response = Response(data=data)
        response.headers["X-WP-Total"] = total
        response.headers["X-WP-TotalPages"] = max_pages
        # get_query_params() after sanitising.
        query = (
            request.params.sources.get("GET", request.query) if request.params else request.query
        )
        base = add_query_arg(
            urlencode_deep(query), self.app.server.rest_url(f"{self.namespace}/{self.rest_base}")
        )
        if page > 1:
            response.link_header("prev", add_query_arg({"page": page - 1}, base))
        if page < max_pages:
            response.link_header("next", add_query_arg({"page": page + 1}, base))
        return response

    def prepare_items(
        self, handler: SearchHandler, result: SearchResult, request: Request
    ) -> list[Any]:
        """`prepare_item_for_response()` of each id, the page prepared at once."""
        fields = fields_for_response(self.schema, request)
        want_links = is_field_included("_links", fields) or is_field_included("_embedded", fields)
        context = request.get("context") or "view"
        collection = self.app.server.rest_url(f"{self.namespace}/{self.rest_base}")
        out: list[Any] = []
        for found in handler.prepare_items(result, fields):
            response = Response(data=filter_item_by_context(found.data, self.schema, context))
            if want_links:
                for rel, (href, attrs) in found.links.items():
                    response.add_link(rel, href, **attrs)
                response.add_link("collection", collection)
            out.append(self.app.server.response_to_data(response, request, False))
        return out


def register_search_routes(app: App) -> None:
    """Registered after the comments' routes, before the block renderer."""
    handlers: list[SearchHandler] = [
        PostSearchHandler(app),
        TermSearchHandler(app),
        PostFormatSearchHandler(app),
    ]
    controller = SearchController(app, handlers)
    register_specs(app, controller, search_routes(controller.types, controller.subtypes))
