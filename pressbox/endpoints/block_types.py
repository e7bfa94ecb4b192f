"""Block types `/wp/v2/block-types` (WP_REST_Block_Types_Controller) and the block renderer
`/wp/v2/block-renderer/{name}` (WP_REST_Block_Renderer_Controller).

Both serve the block editor: they need the right to edit posts of some type, so anonymous
readers get `rest_block_type_cannot_view` / `block_cannot_read`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressbox.content.blocks.registry import BlockRegistry, default_registry
from pressbox.content.blocks.render import render_block
from pressbox.content.blocks.types import Block
from pressbox.content.context import PostData
from pressbox.endpoints.controller_routes import can_edit_any_post_type, forbid, register_specs
from pressbox.rest.errors import RestException
from pressbox.rest.message import Request, Response
from pressbox.schema import _php
from pressbox.schema.block_types import block_renderer_routes, block_types_routes
from pressbox.schema.sanitize import rest_sanitize_value_from_schema
from pressbox.schema.validate import rest_validate_value_from_schema

if TYPE_CHECKING:
    from pressbox.app import App


class BlockTypesController:
    """WP_REST_Block_Types_Controller: permissions and lookups; answering a block type needs
    the full `block.json` metadata, which pressbox does not carry yet (501)."""

    def __init__(self, app: App, registry: BlockRegistry | None = None) -> None:
        self.app = app
        self.registry = registry or default_registry()

    def check_read_permission(self, request: Request) -> bool:
        if can_edit_any_post_type(self.app, request):
            return True
        raise forbid(
            self.app,
            request,
            "rest_block_type_cannot_view",
            "Sorry, you are not allowed to manage block types.",
        )

    def get_items_permissions_check(self, request: Request) -> bool:
        return self.check_read_permission(request)

    def get_item_permissions_check(self, request: Request) -> bool:
        self.check_read_permission(request)
        self.get_block(f"{request.get('namespace')}/{request.get('name')}")
        return True

    def get_block(self, name: str) -> Any:
        block_type = self.registry.get(name)
        if block_type is None:
            raise RestException("rest_block_type_invalid", "Invalid block type.", 404)
        return block_type


class BlockRendererController:
    """WP_REST_Block_Renderer_Controller: renders a dynamic block with the given attributes."""

    def __init__(self, app: App, registry: BlockRegistry | None = None) -> None:
        self.app = app
        self.registry = registry or default_registry()

    def _attributes_schema(self, params: Any) -> dict[str, Any] | None:
        block = self.registry.get(str(params.get_param("name") or ""))
        if block is None:
            return None
        properties = {k: dict(v) for k, v in block.attributes.items()}
        return {"type": "object", "properties": properties, "additionalProperties": False}

    def validate_attributes(self, value: Any, params: Any, name: str) -> Any:
        schema = self._attributes_schema(params)
        if schema is None:
            return True  # an unknown block is refused by get_item()
        return rest_validate_value_from_schema(value, schema, name)

    def sanitize_attributes(self, value: Any, params: Any, name: str) -> Any:
        schema = self._attributes_schema(params)
        if schema is None:
            return True  # as WordPress: the value becomes `true`, get_item() refuses anyway
        return rest_sanitize_value_from_schema(value, schema, name)

    def get_item_permissions_check(self, request: Request) -> bool:
        post_id = _php.to_int(request.get("post_id"))
        if post_id > 0:
            post = self.app.site.post(post_id)
            if post is None or not self.app.auth.can_edit_post(request.user, post):
                raise forbid(
                    self.app,
                    request,
                    "block_cannot_read",
                    "Sorry, you are not allowed to read blocks of this post.",
                )
        elif not self.app.auth.can(request.user, "edit_posts"):
            raise forbid(
                self.app,
                request,
                "block_cannot_read",
                "Sorry, you are not allowed to read blocks as this user.",
            )
        return True

    def get_item(self, request: Request) -> Response:
        name = str(request.get("name"))
        block_type = self.registry.get(name)
        if block_type is None or not block_type.is_dynamic:
            raise RestException("block_invalid", "Invalid block.", 404)
        post_id = _php.to_int(request.get("post_id"))
        post = self.app.site.post(post_id) if post_id > 0 else None
        attributes = request.get("attributes")
        block = Block(name, attributes if isinstance(attributes, dict) else {})
        ctx = self.app.renderer._ctx(post or PostData(id=0), request)
        # Without a global post, render_block() gives the block no post context.
        context: dict[str, Any] | None = None if post is not None else {}
        return Response(data={"rendered": render_block(block, ctx, context=context)})


def register_block_renderer_routes(app: App) -> None:
    """Registered after the search route."""
    register_specs(app, BlockRendererController(app), block_renderer_routes())


def register_block_types_routes(app: App) -> None:
    """Registered after the block renderer route."""
    register_specs(app, BlockTypesController(app), block_types_routes())
