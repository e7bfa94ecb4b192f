"""Terms of any taxonomy: list and single item (WP_REST_Terms_Controller, WP_REST_Menus_Controller)."""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING, Any

from pressbox.content.context import PostData
from pressbox.endpoints.controller_routes import spec_endpoints
from pressbox.registry.visibility import is_post_publicly_viewable
from pressbox.rest.controller import add_pagination, fields_for_response, filter_item_by_context
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request, Response
from pressbox.schema import _php
from pressbox.schema.errors import RestError
from pressbox.schema.sanitize import rest_sanitize_request_arg, rest_validate_request_arg
from pressbox.schema.terms import (
    MENUS_CONTROLLER,
    META_TYPE,
    TERMS_CONTROLLER,
    item_schema_for,
    public_term_schema,
    term_collection_params,
    terms_routes,
)
from pressbox.store.terms_query import TermQueries, TermQuery, TermRow, parse_id_list

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.taxonomies import Taxonomy


class TermsController:
    """Serves `/{namespace}/{rest_base}` and `/{namespace}/{rest_base}/{id}` for one taxonomy."""

    is_menus = False

    def __init__(self, app: App, taxonomy: Taxonomy) -> None:
        self.app = app
        self.taxonomy = taxonomy
        self.store = TermQueries(app.db)
        self.namespace = taxonomy.namespace
        self.rest_base = taxonomy.route_base
        self.route = f"{self.namespace}/{self.rest_base}"
        self.schema = item_schema_for(taxonomy, app.registries.meta)
        self.public_schema = public_term_schema(self.schema)
        self.collection_params = term_collection_params(taxonomy, self.schema)
        self._registered_meta: dict[str, dict[str, Any]] | None = None

    # -- schema -----------------------------------------------------------------------------

    def item_schema(self) -> dict[str, Any]:
        return self.schema

    def get_public_item_schema(self) -> dict[str, Any]:
        return self.public_schema

    def registered_meta(self) -> dict[str, dict[str, Any]]:
        """Term meta keys shown in REST: key → {name, single, default, schema} (the schema
        of one value, as `WP_REST_Meta_Fields::prepare_value()` checks it)."""
        if self._registered_meta is None:
            fields = self.schema["properties"]["meta"]["properties"]
            out: dict[str, dict[str, Any]] = {}
            registry = self.app.registries.meta
            for key, meta in registry.for_rest(META_TYPE, self.taxonomy.name).items():
                rest = meta.show_in_rest
                name = getattr(rest, "name", None) or key
                if rest and name in fields:
                    field = fields[name]
                    out[key] = {
                        "name": name,
                        "single": meta.single,
                        "default": field.get("default") if meta.single else [],
                        "schema": field if meta.single else field.get("items", {}),
                    }
            self._registered_meta = out
        return self._registered_meta

    def fields(self, request: Request) -> list[str]:
        return fields_for_response(self.schema, request)

    def context_filter(self, data: dict[str, Any], request: Request) -> dict[str, Any]:
        context = request.get("context") or "view"
        return filter_item_by_context(data, self.schema, context)

    # -- argument callbacks -----------------------------------------------------------------

    def sanitize_slug(self, value: Any, params: Any, name: str) -> Any:
        from pressbox.content.blocks.sanitize import sanitize_title

        return sanitize_title(_php.to_str(value))

    def check_meta_is_array(self, value: Any, params: Any, name: str) -> Any:
        return isinstance(value, dict | list)

    # -- permissions ------------------------------------------------------------------------

    def _forbid(self, code: str, message: str, request: Request) -> RestException:
        return RestException(code, message, self.app.server.authorization_required_code(request))

    def can(self, request: Request, cap: str) -> bool:
        return self.app.auth.can(request.user, cap)

    def get_items_permissions_check(self, request: Request) -> bool:
        if request.get("context") == "edit" and not self.can(request, self.taxonomy.cap.edit_terms):
            raise self._forbid(
                "rest_forbidden_context",
                "Sorry, you are not allowed to edit terms in this taxonomy.",
                request,
            )
        if not _php.is_empty(request.get("post")):
            # Permission checks may see unvalidated values: get_post() casts with (int).
            post = self.app.site.post(_php.to_int(request["post"]))
            if post is None:
                raise RestException("rest_post_invalid_id", "Invalid post ID.", 400)
            if not self.check_read_terms_permission_for_post(post, request):
                raise self._forbid(
                    "rest_forbidden_context",
                    "Sorry, you are not allowed to view terms for this post.",
                    request,
                )
        return True

    def check_read_terms_permission_for_post(self, post: PostData, request: Request) -> bool:
        if post.post_type not in self.taxonomy.object_type:
            return False
        if self._publicly_viewable(post):
            return True
        return self.app.auth.can_read_post(request.user, post)

    def _publicly_viewable(self, post: PostData) -> bool:
        return is_post_publicly_viewable(
            post, self.app.site, self.app.post_types, self.app.post_statuses
        )

    def get_term(self, raw_id: Any) -> TermRow:
        """The term with this id in this taxonomy, or `rest_term_invalid`."""
        term_id = _php.to_int(raw_id)  # `(int) $id`, as WordPress reads it
        term = self.store.term(term_id, self.taxonomy.name) if term_id > 0 else None
        if term is None:
            raise RestException("rest_term_invalid", "Term does not exist.", 404)
        return term

    def get_item_permissions_check(self, request: Request) -> bool:
        self.get_term(request.get("id"))
        if request.get("context") == "edit" and not self.can(request, self.taxonomy.cap.edit_terms):
            raise self._forbid(
                "rest_forbidden_context", "Sorry, you are not allowed to edit this term.", request
            )
        return True

    def create_item_permissions_check(self, request: Request) -> bool:
        cap = (
            self.taxonomy.cap.edit_terms
            if self.taxonomy.hierarchical
            else self.taxonomy.cap.assign_terms
        )
        if not self.can(request, cap):
            raise self._forbid(
                "rest_cannot_create",
                "Sorry, you are not allowed to create terms in this taxonomy.",
                request,
            )
        return True

    def update_item_permissions_check(self, request: Request) -> bool:
        self.get_term(request.get("id"))
        if not self.can(request, self.taxonomy.cap.edit_terms):
            raise self._forbid(
                "rest_cannot_update", "Sorry, you are not allowed to edit this term.", request
            )
        return True

    def delete_item_permissions_check(self, request: Request) -> bool:
        term = self.get_term(request.get("id"))
        if self._is_default_term(term) or not self.can(request, self.taxonomy.cap.delete_terms):
            raise self._forbid(
                "rest_cannot_delete", "Sorry, you are not allowed to delete this term.", request
            )
        return True

    def _is_default_term(self, term: TermRow) -> bool:
        """map_meta_cap( 'delete_term' ): nobody may delete a taxonomy's default term."""
        option = (
            "default_category" if term.taxonomy == "category" else f"default_term_{term.taxonomy}"
        )
        return str(self.app.site.option(option, "")) == str(term.term_id)

    # -- reading ----------------------------------------------------------------------------

    def build_query(self, request: Request) -> TermQuery:
        """get_items(): the REST parameters as get_terms() arguments."""
        from pressbox.content.blocks.sanitize import sanitize_title

        registered = self.collection_params

        def given(name: str) -> bool:
            return name in registered and request.get(name) is not None

        q = TermQuery(taxonomy=self.taxonomy.name, hierarchical=self.taxonomy.hierarchical)
        if given("exclude"):
            q.exclude = parse_id_list(request["exclude"])
        if given("include"):
            q.include = parse_id_list(request["include"])
        if given("order"):
            q.order = "ASC" if str(request["order"]).upper() == "ASC" else "DESC"
        if given("orderby"):
            orderby = str(request["orderby"])
            q.orderby = "slug__in" if orderby == "include_slugs" else orderby
        if given("post") and not _php.is_empty(request["post"]):
            q.object_ids = [int(request["post"])]
        if given("hide_empty"):
            q.hide_empty = bool(request["hide_empty"])
        if given("per_page"):
            q.number = abs(int(request["per_page"]))
        if given("search") and not _php.is_empty(request["search"]):
            q.search = str(request["search"])
        if given("slug"):
            q.slug = [sanitize_title(_php.to_str(s)) for s in request["slug"]]
        if "offset" in registered and not _php.is_empty(request.get("offset")):
            q.offset = abs(int(request["offset"]))
        else:
            q.offset = _php.page_offset(int(request.get("page") or 1), q.number)
        if self.taxonomy.hierarchical and given("parent"):
            parent = int(request["parent"])
            if parent or request["parent"] == 0:
                q.parent = parent
        return q

    def get_items(self, request: Request) -> Response:
        q = self.build_query(request)
        terms = self.store.find_rows(q)
        data: list[Any] = []
        if request.method != "HEAD":
            if request.get("context") == "edit":
                terms = [t for t in terms if self.can(request, self.taxonomy.cap.edit_terms)]
            data = self.prepare_items(terms, request)
        response = Response(data=data)
        if request.embedded:
            return response  # an embed uses the items only: no totals or paging links
        # wp_count_terms() takes the same arguments without `number` and `offset`.
        total = self.store.count(dataclasses.replace(q, number=0, offset=0))
        per_page = q.number
        page = math.ceil(q.offset / per_page + 1) if per_page else 1
        max_pages = math.ceil(total / per_page) if per_page else 0
        collection = self.app.server.rest_url(self.route)
        add_pagination(response, request, collection, page=page, total=total, max_pages=max_pages)
        return response

    def get_item(self, request: Request) -> Response:
        term = self.get_term(request.get("id"))
        if request.method == "HEAD":
            return Response(data=[])
        return Response(data=self.prepare_items([term], request)[0])

    # -- prepare ----------------------------------------------------------------------------

    def prepare_items(self, terms: list[TermRow], request: Request) -> list[Any]:
        from pressbox.endpoints.terms_prepare import prepare_terms

        return prepare_terms(self, terms, request)


class MenusController(TermsController):
    """`nav_menu` terms, readable only by users who may edit menus or posts."""

    is_menus = True

    def check_has_read_only_access(self, request: Request) -> bool:
        if self.can(request, "edit_theme_options") or self.can(request, "edit_posts"):
            return True
        for post_type in self.app.post_types.in_rest():
            if self.can(request, post_type.cap["edit_posts"]):
                return True
        raise self._forbid("rest_cannot_view", "Sorry, you are not allowed to view menus.", request)

    def get_items_permissions_check(self, request: Request) -> bool:
        return super().get_items_permissions_check(request) and self.check_has_read_only_access(
            request
        )

    def get_item_permissions_check(self, request: Request) -> bool:
        return super().get_item_permissions_check(request) and self.check_has_read_only_access(
            request
        )

    def validate_menu_locations(self, value: Any, params: Any, name: str) -> Any:
        """The `locations` arg: a list of registered menu locations (the theme registers none)."""
        valid = rest_validate_request_arg(value, params, name)
        if valid is not True:
            return valid
        registered = self.registered_menu_locations()
        for location in rest_sanitize_request_arg(value, params, name):
            if location not in registered:
                return RestError(
                    "rest_invalid_menu_location", "Invalid menu location.", {"location": location}
                )
        return True

    def registered_menu_locations(self) -> list[str]:
        """`get_registered_nav_menus()`: block themes such as Twenty Twenty-Five declare none."""
        return []


# -- registration ---------------------------------------------------------------------------


def controller_for(app: App, taxonomy: Taxonomy) -> TermsController | None:
    """`WP_Taxonomy::get_rest_controller()` for the controllers pressbox has."""
    if taxonomy.rest_controller == MENUS_CONTROLLER:
        return MenusController(app, taxonomy)
    if taxonomy.rest_controller == TERMS_CONTROLLER:
        return TermsController(app, taxonomy)
    return None


def register_terms_routes(app: App) -> None:
    """Register the term routes of every REST taxonomy in WordPress's order (after the
    taxonomies controller, before users)."""
    for taxonomy in app.taxonomies.in_rest():
        controller = controller_for(app, taxonomy)
        if controller is None:
            continue
        app.controllers[f"taxonomy:{taxonomy.name}"] = controller
        for spec in terms_routes(taxonomy, controller.schema):
            app.routes.register(
                spec["namespace"],
                spec["route"],
                spec_endpoints(controller, spec),
                schema=controller.get_public_item_schema,
                allow_batch=spec.get("allow_batch"),
            )
