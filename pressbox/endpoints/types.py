"""Post types `/wp/v2/types` (WP_REST_Post_Types_Controller).

Every post type registered with `show_in_rest` is listed for anyone; the `edit` context needs
the type's `edit_posts` capability (the collection then keeps only the types the user may
edit). The data comes from the post type registry as it is: nothing is read from the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import forbid, register_specs
from pressbox.rest.controller import fields_for_response, filter_item_by_context
from pressbox.rest.errors import RestException
from pressbox.rest.fields import field_set
from pressbox.rest.message import Request, Response
from pressbox.schema.types import post_type_schema, types_routes

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.post_types import PostType

_CANNOT_EDIT = "Sorry, you are not allowed to edit posts in this post type."


def post_type_items_route(post_type: PostType | None) -> str:
    """`rest_get_route_for_post_type_items()`: `/wp/v2/posts`, or '' outside REST."""
    if post_type is None or not post_type.show_in_rest:
        return ""
    return f"/{post_type.namespace}/{post_type.route_base}"


class PostTypesController:
    """WP_REST_Post_Types_Controller."""

    namespace = "wp/v2"
    rest_base = "types"

    def __init__(self, app: App) -> None:
        self.app = app
        self.schema = post_type_schema()

    # -- permissions ------------------------------------------------------------------------

    def _can_edit(self, request: Request, post_type: PostType) -> bool:
        return self.app.auth.can(request.user, post_type.cap["edit_posts"])

    def get_items_permissions_check(self, request: Request) -> bool:
        if request.get("context") != "edit":
            return True
        if any(self._can_edit(request, t) for t in self.app.post_types.in_rest()):
            return True
        raise forbid(self.app, request, "rest_cannot_view", _CANNOT_EDIT)

    def allow_anyone(self, _request: Request) -> bool:
        """The single type's permission callback is `__return_true`."""
        return True

    # -- handlers ---------------------------------------------------------------------------

    def get_items(self, request: Request) -> Response:
        if request.method == "HEAD":
            return Response(data=[])
        edit = request.get("context") == "edit"
        data = {
            t.name: self.prepare_item_for_response(t, request)
            for t in self.app.post_types.in_rest()
            if not edit or self._can_edit(request, t)
        }
        return Response(data=data if data else [])  # an empty PHP array

    def get_item(self, request: Request) -> Response:
        post_type = self.app.post_types.get(str(request.get("type")))
        if post_type is None:
            raise RestException("rest_type_invalid", "Invalid post type.", 404)
        if not post_type.show_in_rest:
            raise forbid(self.app, request, "rest_cannot_read_type", "Cannot view post type.")
        if request.get("context") == "edit" and not self._can_edit(request, post_type):
            raise forbid(self.app, request, "rest_forbidden_context", _CANNOT_EDIT)
        if request.method == "HEAD":
            return Response(data=[])
        return Response(data=self.prepare_item_for_response(post_type, request))

    # -- prepare ----------------------------------------------------------------------------

    def prepare_item_for_response(self, post_type: PostType, request: Request) -> Any:
        """The type as data with its links, as `prepare_response_for_collection()` leaves it."""
        inc = field_set(fields_for_response(self.schema, request))
        data: dict[str, Any] = {}
        # WordPress's order of assignment, which is not the schema's.
        if inc("capabilities"):
            data["capabilities"] = post_type.cap.as_dict()
        if inc("description"):
            data["description"] = post_type.description
        if inc("hierarchical"):
            data["hierarchical"] = post_type.hierarchical
        if inc("has_archive"):
            data["has_archive"] = post_type.has_archive
        if inc("visibility"):
            data["visibility"] = {
                "show_in_nav_menus": bool(post_type.show_in_nav_menus),
                "show_ui": bool(post_type.show_ui),
            }
        if inc("viewable"):
            data["viewable"] = post_type.viewable
        if inc("labels"):
            data["labels"] = dict(post_type.labels)
        if inc("name"):
            data["name"] = post_type.label
        if inc("slug"):
            data["slug"] = post_type.name
        if inc("icon"):
            data["icon"] = post_type.menu_icon
        if inc("supports"):
            data["supports"] = self._supports(post_type)
        if inc("taxonomies"):
            data["taxonomies"] = [
                t.name
                for t in self.app.taxonomies.for_object_type(post_type.name, show_in_rest=True)
            ]
        if inc("rest_base"):
            data["rest_base"] = post_type.route_base
        if inc("rest_namespace"):
            data["rest_namespace"] = post_type.namespace
        if inc("template"):
            data["template"] = list(post_type.template)
        if inc("template_lock"):
            data["template_lock"] = post_type.template_lock or False
        data = filter_item_by_context(data, self.schema, request.get("context") or "view")
        response = Response(data=data)
        if inc("_links") or inc("_embedded"):
            url = self.app.server.rest_url
            response.add_link("collection", url(f"{self.namespace}/{self.rest_base}"))
            response.add_link("https://api.w.org/items", url(post_type_items_route(post_type)))
        return self.app.server.response_to_data(response, request, False)

    @staticmethod
    def _supports(post_type: PostType) -> Any:
        """`get_all_post_type_supports()`: an object, or `[]` (an empty PHP array)."""
        supports = post_type.supports_dict()
        return supports if supports else []


def register_types_routes(app: App) -> None:
    """Registered after every post type's routes, before the statuses."""
    register_specs(app, PostTypesController(app), types_routes())
