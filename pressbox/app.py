"""The application: one site's database, registries, controllers and REST server.

Everything that can be built before the first request is built here, once: the route table,
the schemas, the render pipelines. Nothing here changes while requests are served.
"""

from __future__ import annotations

from typing import Any

from pressbox.auth.users import Authorizer
from pressbox.config import Settings
from pressbox.content.render import Renderer
from pressbox.endpoints import core_routes
from pressbox.endpoints.application_passwords import register_application_passwords_routes
from pressbox.endpoints.batch import register_batch_routes
from pressbox.endpoints.comments import register_comments_routes
from pressbox.endpoints.index import IndexController
from pressbox.endpoints.oembed import OEmbedController
from pressbox.endpoints.posts import PostsController
from pressbox.endpoints.revisions import AutosavesController, RevisionsController
from pressbox.endpoints.routes_posts import register_post_routes
from pressbox.endpoints.search import register_search_routes
from pressbox.endpoints.settings import register_settings_routes
from pressbox.endpoints.site_health import register_site_health_routes
from pressbox.endpoints.statuses import register_statuses_routes
from pressbox.endpoints.taxonomies import register_taxonomies_routes
from pressbox.endpoints.terms import register_terms_routes
from pressbox.endpoints.types import register_types_routes
from pressbox.endpoints.users import register_users_routes
from pressbox.registry import core_registries
from pressbox.rest.message import PreServe
from pressbox.rest.routes import Registry
from pressbox.rest.server import Server
from pressbox.schema.site_schemas import SiteSchemas
from pressbox.store.db import Database
from pressbox.store.posts_store import PostsStore
from pressbox.store.site import Site
from pressbox.store.terms_store import TermsStore

# The post types whose routes this version serves.
SERVED_POST_TYPES = ("post", "page")


class App:
    """One site, ready to serve."""

    def __init__(self, settings: Settings, db: Database | None = None) -> None:
        self.settings = settings
        self.db = db or Database(settings.database_url, settings.table_prefix)
        self.db.analyze(only_if_never=True)
        self.site = Site(self.db, settings.site_url)
        self.registries = core_registries()
        self.post_types = self.registries.post_types
        self.post_statuses = self.registries.statuses
        self.taxonomies = self.registries.taxonomies
        self.site.builtin_post_types = frozenset(t.name for t in self.post_types if t.builtin)
        self.schemas = SiteSchemas(self)
        self.auth = Authorizer()
        self.renderer = Renderer(self)
        self.posts_store = PostsStore(self.db)
        self.terms = TermsStore(self.db)
        self.routes = Registry()
        self.server = Server(self.routes, self.site.home_url() + "/wp-json")
        self.controllers: dict[str, Any] = {}
        # `rest_pre_serve_request` filters, in registration order (oEmbed's XML answers).
        self.pre_serve_filters: list[PreServe] = []
        self._register_routes()

    def _register_routes(self) -> None:
        index = IndexController(self)
        index.register()
        register_batch_routes(self)
        index.register_namespace("oembed/1.0")
        OEmbedController(self).register()
        index.register_namespace("wp/v2")
        for post_type in self.post_types.in_rest():
            if post_type.name not in SERVED_POST_TYPES:
                core_routes.register_post_type_routes(self, post_type)
                continue
            controller = PostsController(self, post_type)
            self.controllers[post_type.name] = controller
            register_post_routes(
                self,
                post_type,
                {
                    "WP_REST_Posts_Controller": controller,
                    "WP_REST_Revisions_Controller": RevisionsController(self, controller),
                    "WP_REST_Autosaves_Controller": AutosavesController(self, controller),
                },
            )

        register_types_routes(self)
        register_statuses_routes(self)
        register_taxonomies_routes(self)
        register_terms_routes(self)
        register_users_routes(self)
        register_application_passwords_routes(self)
        register_comments_routes(self)
        register_search_routes(self)
        core_routes.register_block_routes(self)
        register_settings_routes(self)
        core_routes.register_theme_routes(self)

        index.register_namespace("wp-site-health/v1")
        register_site_health_routes(self)
        core_routes.register_editor_routes(self)

    def rest_base_for(self, post_type: str) -> str:
        pt = self.post_types.get(post_type)
        if pt is None:
            return f"wp/v2/{post_type}"
        return f"{pt.rest_namespace or 'wp/v2'}/{pt.rest_base or pt.name}"

    def authentication_index(self) -> dict[str, Any]:
        return {
            "application-passwords": {
                "endpoints": {
                    "authorization": self.site.site_url() + "/wp-admin/authorize-application.php"
                }
            }
        }

    def site_icon_url(self) -> str:
        return ""

    def authenticate(self, request: Any) -> None:
        """Resolve the request's user (anonymous until application passwords are wired)."""
        request.user = None

    def site_handler(self) -> Any:
        """The WSGI handler for everything outside the REST API."""
        from pressbox.site_http import SiteHandler

        return SiteHandler(self)
