"""The Abilities API `/wp-abilities/v1` (WP_REST_Abilities_V1_Categories_Controller,
WP_REST_Abilities_V1_Run_Controller, WP_REST_Abilities_V1_List_Controller).

Listing needs the `read` capability (any logged-in user), so anonymous readers get
`rest_forbidden`. Core registers two categories and three read-only abilities; running one
checks, in WordPress's order, that it exists, the method (GET for read-only abilities), the
input against its schema, then the ability's own permission. The categories are served;
describing and running abilities is not (501 past the checks).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import forbid, register_specs
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request, Response
from pressbox.rest.phpquery import add_query_arg, urlencode_deep
from pressbox.schema.abilities import NAMESPACE, abilities_routes
from pressbox.schema.validate import rest_validate_value_from_schema

if TYPE_CHECKING:
    from pressbox.app import App


@dataclass(frozen=True)
class AbilityCategory:
    slug: str
    label: str
    description: str


@dataclass(frozen=True)
class Ability:
    """A registered ability: what the REST checks read of it."""

    name: str
    category: str
    fields: tuple[str, ...]  # the values its input's `fields` may list
    permission: str  # a capability, or "logged_in"
    readonly: bool = True
    show_in_rest: bool = True

    def input_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {
                "fields": {
                    "type": "array",
                    "items": {"type": "string", "enum": list(self.fields)},
                }
            },
            "additionalProperties": False,
            "default": [],
        }


# wp_register_core_ability_categories() and wp_register_core_abilities().
CORE_CATEGORIES = (
    AbilityCategory(
        "site", "Site", "Abilities that retrieve or modify site information and settings."
    ),
    AbilityCategory(
        "user", "User", "Abilities that retrieve or modify user information and settings."
    ),
)
CORE_ABILITIES: Mapping[str, Ability] = {
    a.name: a
    for a in (
        Ability(
            "core/get-site-info",
            "site",
            (
                "name",
                "description",
                "url",
                "wpurl",
                "admin_email",
                "charset",
                "language",
                "version",
            ),
            "manage_options",
        ),
        Ability(
            "core/get-user-info",
            "user",
            (
                "id",
                "display_name",
                "user_nicename",
                "user_login",
                "roles",
                "locale",
                "first_name",
                "last_name",
                "nickname",
                "description",
                "user_url",
            ),
            "logged_in",
        ),
        Ability(
            "core/get-environment-info",
            "site",
            ("environment", "php_version", "db_server_info", "wp_version"),
            "manage_options",
        ),
    )
}


class _ReadersOnly:
    def __init__(self, app: App) -> None:
        self.app = app

    def get_items_permissions_check(self, request: Request) -> bool:
        """`current_user_can( 'read' )`: False becomes `rest_forbidden`."""
        return self.app.auth.can(request.user, "read")

    def get_item_permissions_check(self, request: Request) -> bool:
        return self.app.auth.can(request.user, "read")


class AbilityCategoriesController(_ReadersOnly):
    """WP_REST_Abilities_V1_Categories_Controller."""

    def _prepare(self, category: AbilityCategory, request: Request) -> Any:
        data = {
            "slug": category.slug,
            "label": category.label,
            "description": category.description,
            "meta": [],  # an empty PHP array
        }
        if (request.get("context") or "view") == "embed":
            data = {k: v for k, v in data.items() if k in ("slug", "label")}
        response = Response(data=data)
        url = self.app.server.rest_url
        response.add_link("self", url(f"{NAMESPACE}/categories/{category.slug}"))
        response.add_link("collection", url(f"{NAMESPACE}/categories"))
        response.add_link("abilities", url(f"{NAMESPACE}/abilities?category={category.slug}"))
        return self.app.server.response_to_data(response, request, False)

    def get_items(self, request: Request) -> Response:
        page, per_page = int(request.get("page") or 1), int(request.get("per_page") or 50)
        total = len(CORE_CATEGORIES)
        max_pages = math.ceil(total / per_page)
        data: list[Any] = []
        if request.method != "HEAD":
            chosen = CORE_CATEGORIES[(page - 1) * per_page : page * per_page]
            data = [self._prepare(c, request) for c in chosen]
        response = Response(data=data)
        # WordPress sets these two as strings here.
        response.headers["X-WP-Total"] = str(total)
        response.headers["X-WP-TotalPages"] = str(max_pages)
        query = (
            request.params.sources.get("GET", request.query) if request.params else request.query
        )
        base = add_query_arg(
            urlencode_deep(query), self.app.server.rest_url(f"{NAMESPACE}/categories")
        )
        if page > 1:
            response.link_header("prev", add_query_arg({"page": page - 1}, base))
        if page < max_pages:
            response.link_header("next", add_query_arg({"page": page + 1}, base))
        return response

    def get_item(self, request: Request) -> Response:
        slug = str(request.get("slug"))
        for category in CORE_CATEGORIES:
            if category.slug == slug:
                return Response(data=self._prepare(category, request))
        raise RestException("rest_ability_category_not_found", "Ability category not found.", 404)


class AbilitiesListController(_ReadersOnly):
    """WP_REST_Abilities_V1_List_Controller: permission checks."""


class AbilityRunController:
    """WP_REST_Abilities_V1_Run_Controller: the checks before running an ability."""

    def __init__(self, app: App) -> None:
        self.app = app

    def sanitize_input_for_ability(self, value: Any, params: Any, name: str) -> Any:
        # Coercing to the schema only changes valid input; the checks below see the same.
        return value

    def _input(self, request: Request) -> Any:
        if request.method in ("GET", "HEAD", "DELETE"):
            query = (
                request.params.sources.get("GET", request.query)
                if request.params
                else request.query
            )
            return query.get("input")
        return (request.json or {}).get("input")

    def check_ability_permissions(self, request: Request) -> bool:
        ability = CORE_ABILITIES.get(str(request.get("name")))
        if ability is None or not ability.show_in_rest:
            raise RestException("rest_ability_not_found", "Ability not found.", 404)
        method = "GET" if request.method == "HEAD" else request.method
        expected = "GET" if ability.readonly else "POST"
        if method != expected:
            message = (
                "Read-only abilities require GET method."
                if expected == "GET"
                else "Abilities that perform updates require POST method."
            )
            raise RestException("rest_ability_invalid_method", message, 405)
        value = self._input(request)
        schema = ability.input_schema()
        if value is None:
            value = schema["default"]
        valid = rest_validate_value_from_schema(value, schema, "input")
        if valid is not True:
            reason = getattr(valid, "message", "")
            raise RestException(
                "ability_invalid_input",
                f'Ability "{ability.name}" has invalid input. Reason: {reason}',
                400,
            )
        user = request.user
        if ability.permission == "logged_in":
            allowed = user is not None and bool(user.id)
        else:
            allowed = self.app.auth.can(user, ability.permission)
        if not allowed:
            raise forbid(
                self.app,
                request,
                "rest_ability_cannot_execute",
                "Sorry, you are not allowed to execute this ability.",
            )
        return True


def register_abilities_routes(app: App) -> None:
    """The `wp-abilities/v1` namespace: categories, run, then the abilities list."""
    controllers: dict[str, object] = {
        "WP_REST_Abilities_V1_Categories_Controller": AbilityCategoriesController(app),
        "WP_REST_Abilities_V1_Run_Controller": AbilityRunController(app),
        "WP_REST_Abilities_V1_List_Controller": AbilitiesListController(app),
    }
    for spec in abilities_routes():
        register_specs(app, controllers[spec["controller"]], [spec])
