"""Taxonomies `/wp/v2/taxonomies` (WP_REST_Taxonomies_Controller).

Every taxonomy registered with `show_in_rest` is listed for anyone (optionally only those of
one post type, `type`); the `edit` context needs the taxonomy's `assign_terms` capability. A
taxonomy outside REST answers `rest_forbidden`, an unknown one `rest_taxonomy_invalid`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import forbid, register_specs
from pressbox.rest.controller import fields_for_response, filter_item_by_context
from pressbox.rest.errors import RestException
from pressbox.rest.fields import is_field_included
from pressbox.rest.message import Request, Response
from pressbox.schema import _php
from pressbox.schema.taxonomies import taxonomies_routes, taxonomy_schema

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.taxonomies import Taxonomy

_CANNOT_MANAGE = "Sorry, you are not allowed to manage terms in this taxonomy."


def taxonomy_items_route(taxonomy: Taxonomy | None) -> str:
    """`rest_get_route_for_taxonomy_items()`: `/wp/v2/categories`, or '' outside REST."""
    if taxonomy is None or not taxonomy.show_in_rest:
        return ""
    return f"/{taxonomy.namespace}/{taxonomy.route_base}"


class TaxonomiesController:
    """WP_REST_Taxonomies_Controller."""

    namespace = "wp/v2"
    rest_base = "taxonomies"

    def __init__(self, app: App) -> None:
        self.app = app
        self.schema = taxonomy_schema()

    def _candidates(self, request: Request) -> Iterable[Taxonomy]:
        """`get_object_taxonomies( type )` when a type is asked for, else every taxonomy."""
        post_type = request.get("type")
        if not _php.is_empty(post_type):
            return self.app.taxonomies.for_object_type(str(post_type))
        return iter(self.app.taxonomies)

    def _can_assign(self, request: Request, taxonomy: Taxonomy) -> bool:
        return self.app.auth.can(request.user, taxonomy.cap["assign_terms"])

    # -- permissions ------------------------------------------------------------------------

    def get_items_permissions_check(self, request: Request) -> bool:
        if request.get("context") != "edit":
            return True
        for taxonomy in self._candidates(request):
            if taxonomy.show_in_rest and self._can_assign(request, taxonomy):
                return True
        raise forbid(self.app, request, "rest_cannot_view", _CANNOT_MANAGE)

    def get_item_permissions_check(self, request: Request) -> bool:
        taxonomy = self.app.taxonomies.get(str(request.get("taxonomy")))
        if taxonomy is None:
            return True  # get_item() answers rest_taxonomy_invalid
        if not taxonomy.show_in_rest:
            return False
        if request.get("context") == "edit" and not self._can_assign(request, taxonomy):
            raise forbid(self.app, request, "rest_forbidden_context", _CANNOT_MANAGE)
        return True

    # -- handlers ---------------------------------------------------------------------------

    def get_items(self, request: Request) -> Response:
        if request.method == "HEAD":
            return Response(data=[])
        edit = request.get("context") == "edit"
        data = {
            t.name: self.prepare_item_for_response(t, request)
            for t in self._candidates(request)
            if t.show_in_rest and (not edit or self._can_assign(request, t))
        }
        # An empty result is still a JSON object (`(object) array()`).
        return Response(data=data)

    def get_item(self, request: Request) -> Response:
        taxonomy = self.app.taxonomies.get(str(request.get("taxonomy")))
        if taxonomy is None:
            raise RestException("rest_taxonomy_invalid", "Invalid taxonomy.", 404)
        if request.method == "HEAD":
            return Response(data=[])
        return Response(data=self.prepare_item_for_response(taxonomy, request))

    # -- prepare ----------------------------------------------------------------------------

    def prepare_item_for_response(self, taxonomy: Taxonomy, request: Request) -> Any:
        fields = fields_for_response(self.schema, request)
        data: dict[str, Any] = {}
        # `in_array( $field, $fields )`: only whole top-level names count here.
        if "name" in fields:
            data["name"] = taxonomy.label
        if "slug" in fields:
            data["slug"] = taxonomy.name
        if "capabilities" in fields:
            data["capabilities"] = taxonomy.cap.as_dict()
        if "description" in fields:
            data["description"] = taxonomy.description
        if "labels" in fields:
            data["labels"] = dict(taxonomy.labels)
        if "types" in fields:
            data["types"] = list(taxonomy.object_type)
        if "show_cloud" in fields:
            data["show_cloud"] = taxonomy.show_tagcloud
        if "hierarchical" in fields:
            data["hierarchical"] = taxonomy.hierarchical
        if "rest_base" in fields:
            data["rest_base"] = taxonomy.route_base
        if "rest_namespace" in fields:
            data["rest_namespace"] = taxonomy.rest_namespace
        if "visibility" in fields:
            data["visibility"] = {
                "public": bool(taxonomy.public),
                "publicly_queryable": bool(taxonomy.publicly_queryable),
                "show_admin_column": bool(taxonomy.show_admin_column),
                "show_in_nav_menus": bool(taxonomy.show_in_nav_menus),
                "show_in_quick_edit": bool(taxonomy.show_in_quick_edit),
                "show_ui": bool(taxonomy.show_ui),
            }
        data = filter_item_by_context(data, self.schema, request.get("context") or "view")
        response = Response(data=data)
        if is_field_included("_links", fields) or is_field_included("_embedded", fields):
            url = self.app.server.rest_url
            response.add_link("collection", url(f"{self.namespace}/{self.rest_base}"))
            response.add_link("https://api.w.org/items", url(taxonomy_items_route(taxonomy)))
        return self.app.server.response_to_data(response, request, False)


def register_taxonomies_routes(app: App) -> None:
    """Registered after the statuses' route, before the terms of each taxonomy."""
    register_specs(app, TaxonomiesController(app), taxonomies_routes())
