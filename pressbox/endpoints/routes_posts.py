"""Registers the routes of post types from their declarative specs (schema/posts_routes.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pressbox.endpoints.controller_routes import bind_callbacks as _bind_callbacks
from pressbox.endpoints.controller_routes import not_implemented as _not_implemented
from pressbox.rest.message import Request
from pressbox.rest.routes import Endpoint
from pressbox.schema.posts_routes import post_type_routes

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.post_types import PostType


def _method(controller: Any, name: str) -> Callable[[Request], Any]:
    method = getattr(controller, name, None)
    if method is None:
        return _not_implemented(name)
    return method  # type: ignore[no-any-return]


def _constant(schema: dict[str, Any]) -> Callable[[], dict[str, Any]]:
    return lambda: schema


def _deny(_request: Request) -> bool:
    return False


def register_post_routes(app: App, post_type: PostType, controllers: dict[str, Any]) -> None:
    """Register every route of `post_type`, dispatching each spec to its controller."""
    for spec in post_type_routes(post_type, app.registries, app.server.rest_url):
        controller = controllers.get(spec["controller"])
        if controller is None:
            continue
        endpoints = []
        for ep in spec["endpoints"]:
            permission = getattr(controller, ep["permission_callback"], None) or _deny
            endpoints.append(
                Endpoint(
                    tuple(ep["methods"]),
                    _method(controller, ep["callback"]),
                    permission,
                    args=_bind_callbacks(dict(ep["args"]), controller),
                )
            )
        app.routes.register(
            spec["namespace"],
            spec["route"],
            endpoints,
            schema=_constant(spec["schema"]),
            permission_key=getattr(controller, "permission_key", None)
            if "(?P<id>" in spec["route"]
            else None,
            allow_batch=spec.get("allow_batch"),
        )
