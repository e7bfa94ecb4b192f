"""Registers a controller's declarative route specs (`register_rest_route()` for one controller).

Each spec names its handler and permission check by WordPress's method name; they resolve to
the controller's methods here, once, at start-up. A missing permission check fails closed
(`rest_forbidden`); a missing handler answers `rest_not_implemented` (501).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from pressbox.rest.errors import RestException
from pressbox.rest.message import Request
from pressbox.rest.routes import Endpoint
from pressbox.schema.args import CALLBACKS
from pressbox.schema.controller_args import JSONSchema, RouteSpec

if TYPE_CHECKING:
    from pressbox.app import App


def not_implemented(name: str) -> Callable[[Request], Any]:
    """A handler for what pressbox does not serve yet (reachable only past the permission)."""

    def handler(_request: Request) -> Any:
        raise RestException("rest_not_implemented", f"{name} is not available yet.", 501)

    return handler


def _deny(_request: Request) -> bool:
    return False


def bind_callbacks(args: dict[str, Any], controller: object) -> dict[str, Any]:
    """Callbacks named after controller methods become the bound methods."""
    out: dict[str, Any] = {}
    for name, arg in args.items():
        arg = dict(arg)
        for key in ("sanitize_callback", "validate_callback"):
            callback = arg.get(key)
            if isinstance(callback, str) and callback not in CALLBACKS:
                method = getattr(controller, callback, None)
                if method is None and hasattr(controller, "parent_controller"):
                    # Autosaves take the parent controller's args, callbacks included.
                    method = getattr(controller.parent_controller, callback, None)
                if method is None:
                    raise LookupError(f"{type(controller).__name__} has no callback {callback!r}")
                arg[key] = method
        out[name] = arg
    return out


def _schema_getter(schema: JSONSchema | None) -> Callable[[], JSONSchema] | None:
    # An empty schema stands for a route registered without one.
    if not schema:
        return None
    return lambda: schema


def ensure_namespace(app: App, namespace: str) -> None:
    """The namespace's index route, which WordPress adds with its first route."""
    if namespace not in app.routes.namespaces:
        from pressbox.endpoints.index import IndexController

        IndexController(app).register_namespace(namespace)


def spec_endpoints(controller: object, spec: RouteSpec) -> list[Endpoint]:
    """The endpoints of `spec`, their handlers, permission checks and callbacks resolved to
    `controller`'s methods."""
    endpoints = []
    for ep in spec["endpoints"]:
        callback = getattr(controller, ep["callback"], None) or not_implemented(ep["callback"])
        permission = getattr(controller, ep["permission_callback"], None) or _deny
        endpoints.append(
            Endpoint(
                tuple(ep["methods"]),
                callback,
                permission,
                args=bind_callbacks(ep["args"], controller),
            )
        )
    return endpoints


def register_specs(app: App, controller: object, specs: Iterable[RouteSpec]) -> None:
    """Register `specs` in order, dispatching each endpoint to `controller`."""
    for spec in specs:
        ensure_namespace(app, spec["namespace"])
        app.routes.register(
            spec["namespace"],
            spec["route"],
            spec_endpoints(controller, spec),
            schema=_schema_getter(spec["schema"]),
            allow_batch=spec.get("allow_batch"),
        )


def route(
    namespace: str,
    path: str,
    controller: str,
    endpoints: list[Any],
    schema: JSONSchema | None = None,
    allow_batch: dict[str, bool] | None = None,
) -> RouteSpec:
    """A RouteSpec; `schema` None for a route registered without one."""
    spec: RouteSpec = {
        "namespace": namespace,
        "route": path,
        "controller": controller,
        "endpoints": endpoints,
        "schema": schema or {},
    }
    if allow_batch is not None:
        spec["allow_batch"] = allow_batch
    return spec


def can_edit_any_post_type(app: App, request: Request) -> bool:
    """`current_user_can( 'edit_posts' )`, or the `edit_posts` cap of any REST post type:
    the check of the read-only editor endpoints (block types, menus, active theme)."""
    if app.auth.can(request.user, "edit_posts"):
        return True
    return any(app.auth.can(request.user, pt.cap["edit_posts"]) for pt in app.post_types.in_rest())


def forbid(app: App, request: Request, code: str, message: str) -> RestException:
    """A permission error with `rest_authorization_required_code()` (401 anonymous, 403 else)."""
    return RestException(code, message, app.server.authorization_required_code(request))
