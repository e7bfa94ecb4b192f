"""Templates `/wp/v2/templates` and template parts `/wp/v2/template-parts`
(WP_REST_Templates_Controller, WP_REST_Template_Revisions_Controller,
WP_REST_Template_Autosaves_Controller).

Templates are for users who may edit posts (reading) or theme options (writing): anonymous
readers get `rest_cannot_manage_templates`. Revisions and autosaves first resolve their
template (`theme//slug`): a user-made one is a `wp_template(_part)` post of that theme, a theme
one is a file of the active theme, which can have no revisions (400).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus

from sqlalchemy import and_, select

from pressbox.content.context import PostData
from pressbox.endpoints.controller_routes import can_edit_any_post_type, forbid, register_specs
from pressbox.endpoints.revisions import DELETE_REVISIONS, VIEW_AUTOSAVES, RevisionChecks
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.schema import _php
from pressbox.schema.templates import template_schema, templates_routes

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.post_types import PostType

_CANNOT_MANAGE = "Sorry, you are not allowed to access the templates on this site."

# Twenty Twenty-Five 1.5's block template files (`templates/`, `parts/`), by post type.
TWENTYTWENTYFIVE_FILES: dict[str, frozenset[str]] = {
    "wp_template": frozenset(
        ("404", "archive", "home", "index", "page-no-title", "page", "search", "single")
    ),
    "wp_template_part": frozenset(
        (
            "footer-columns",
            "footer-newsletter",
            "footer",
            "header-large-title",
            "header",
            "sidebar",
            "vertical-header",
        )
    ),
}


@dataclass(frozen=True)
class TemplateRef:
    """What `get_block_template()` found: the template's post id (0 for a theme file)."""

    id: str
    wp_id: int


def sanitize_template_id(value: str) -> str:
    """`_sanitize_template_id()`: decoded, with the theme/slug separator doubled."""
    value = unquote_plus(value)
    last = value.rfind("/")
    if last == -1 or value[last - 1 : last] == "/":
        return value
    return value[:last] + "/" + value[last:]


class TemplatesController:
    """WP_REST_Templates_Controller for one template type."""

    def __init__(self, app: App, post_type: PostType) -> None:
        self.app = app
        self.post_type = post_type

    def _sanitize_template_id(self, value: Any, params: Any, name: str) -> str:
        return sanitize_template_id(_php.to_str(value))

    def permissions_check(self, request: Request) -> bool:
        if self.app.auth.can(request.user, "edit_theme_options"):
            return True
        raise forbid(self.app, request, "rest_cannot_manage_templates", _CANNOT_MANAGE)

    def get_items_permissions_check(self, request: Request) -> bool:
        if can_edit_any_post_type(self.app, request):
            return True
        raise forbid(self.app, request, "rest_cannot_manage_templates", _CANNOT_MANAGE)

    def get_item_permissions_check(self, request: Request) -> bool:
        return self.get_items_permissions_check(request)

    def create_item_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)

    def update_item_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)

    def delete_item_permissions_check(self, request: Request) -> bool:
        return self.permissions_check(request)

    def get_block_template(self, template_id: str) -> TemplateRef | None:
        """`get_block_template()`: the user's template post, else the active theme's file."""
        parts = template_id.split("//", 1)
        if len(parts) != 2:
            return None
        theme, slug = parts
        t = self.app.db.tables
        p, rel, tt, terms = t.posts.c, t.term_relationships.c, t.term_taxonomy.c, t.terms.c
        query = (
            select(p.ID)
            .select_from(
                t.posts.join(t.term_relationships, rel.object_id == p.ID)
                .join(t.term_taxonomy, tt.term_taxonomy_id == rel.term_taxonomy_id)
                .join(t.terms, terms.term_id == tt.term_id)
            )
            .where(
                and_(
                    p.post_type == self.post_type.name,
                    p.post_name == slug,
                    p.post_status.in_(("auto-draft", "draft", "publish", "trash")),
                    tt.taxonomy == "wp_theme",
                    terms.slug == theme,
                )
            )
            .order_by(p.ID)
            .limit(1)
        )
        post_id = self.app.site.conn.execute(query).scalar()
        if post_id:
            return TemplateRef(template_id, int(post_id))
        active = str(self.app.site.option("stylesheet", "") or "")
        if theme == active and slug in TWENTYTWENTYFIVE_FILES.get(self.post_type.name, ()):
            return TemplateRef(template_id, 0)
        return None

    def can_edit_template(self, request: Request) -> bool:
        """`edit_post` / `delete_post` on a template: mapped to `edit_theme_options`."""
        return self.app.auth.can(request.user, self.post_type.cap["edit_posts"])


class TemplateRevisionsController(RevisionChecks):
    """WP_REST_Template_Revisions_Controller: the permission checks of revisions."""

    def __init__(self, app: App, templates: TemplatesController) -> None:
        self.app = app
        self.templates = templates
        self.parent_controller = templates

    def get_parent(self, raw_id: Any) -> PostData:
        template = self.templates.get_block_template(_php.to_str(raw_id))
        if template is None:
            raise RestException("rest_post_invalid_parent", "Invalid template parent ID.", 404)
        if template.wp_id <= 0:
            raise RestException(
                "rest_invalid_template", "Templates based on theme files can't have revisions.", 400
            )
        post = self.app.site.post(template.wp_id)
        if post is None:
            raise RestException("rest_post_invalid_parent", "Invalid template parent ID.", 404)
        return post

    def can_edit_parent(self, request: Request, parent: PostData) -> bool:
        return self.templates.can_edit_template(request)

    def delete_item_permissions_check(self, request: Request) -> bool:
        parent = self.check_parent(
            request, request.get("parent"), "rest_cannot_delete", DELETE_REVISIONS
        )
        revision_id = _php.to_int(request.get("id"))
        revision = self.app.site.post(revision_id) if revision_id > 0 else None
        if revision is None or revision.post_type != "revision" or not parent:
            raise RestException("rest_post_invalid_id", "Invalid revision ID.", 404)
        return self.templates.permissions_check(request) and True


class TemplateAutosavesController:
    """WP_REST_Template_Autosaves_Controller: the permission checks of autosaves."""

    def __init__(self, app: App, revisions: TemplateRevisionsController) -> None:
        self.app = app
        self.revisions = revisions
        self.parent_controller = revisions.templates

    def get_items_permissions_check(self, request: Request) -> bool:
        self.revisions.check_parent(request, request.get("id"), "rest_cannot_read", VIEW_AUTOSAVES)
        return True

    def create_item_permissions_check(self, request: Request) -> bool:
        if _php.is_empty(request.get("id")):
            raise RestException("rest_post_invalid_id", "Invalid item ID.", 404)
        return self.parent_controller.update_item_permissions_check(request)

    def get_revision_permissions_check(self, request: Request) -> bool:
        """The autosave item route checks with the revisions controller."""
        return self.revisions.get_item_permissions_check(request)


def _register_type(app: App, name: str) -> None:
    post_type = app.post_types.get(name)
    if post_type is None or not post_type.show_in_rest:
        return
    templates = TemplatesController(app, post_type)
    revisions = TemplateRevisionsController(app, templates)
    controllers: dict[str, object] = {
        "WP_REST_Templates_Controller": templates,
        "WP_REST_Template_Revisions_Controller": revisions,
        "WP_REST_Template_Autosaves_Controller": TemplateAutosavesController(app, revisions),
    }
    schema = template_schema(name, app.registries.statuses.names(internal=False))
    for spec in templates_routes(post_type.route_base, schema):
        register_specs(app, controllers[spec["controller"]], [spec])


def register_templates_routes(app: App) -> None:
    """`wp_template`'s routes, at its place among the post types."""
    _register_type(app, "wp_template")


def register_template_parts_routes(app: App) -> None:
    """`wp_template_part`'s routes, right after the templates'."""
    _register_type(app, "wp_template_part")
