"""Registers the routes of post types from their declarative specs (schema/posts_routes.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import spec_endpoints
from pressbox.schema.posts_routes import post_type_routes

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.post_types import PostType


def _constant(schema: dict[str, Any]) -> Callable[[], dict[str, Any]]:
    return lambda: schema


def register_post_routes(app: App, post_type: PostType, controllers: dict[str, Any]) -> None:
    """Register every route of `post_type`, dispatching each spec to its controller."""
    for spec in post_type_routes(post_type, app.registries, app.server.rest_url):
        controller = controllers.get(spec["controller"])
        if controller is None:
            continue
        app.routes.register(
            spec["namespace"],
            spec["route"],
            spec_endpoints(controller, spec),
            schema=_constant(spec["schema"]),
            permission_key=getattr(controller, "permission_key", None)
            if "(?P<id>" in spec["route"]
            else None,
            allow_batch=spec.get("allow_batch"),
        )
