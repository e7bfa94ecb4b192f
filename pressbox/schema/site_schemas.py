"""The schemas and args of one site's resources, computed once and cached."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from pressbox.schema.posts import post_item_schema
from pressbox.schema.posts_routes import post_collection_params

if TYPE_CHECKING:
    from pressbox.app import App
    from pressbox.registry.post_types import PostType


class SiteSchemas:
    def __init__(self, app: App) -> None:
        self.app = app
        self.post_item_schema = cache(self._post_item_schema)
        self.post_collection_params = cache(self._post_collection_params)
        self.registered_meta = cache(self._registered_meta)

    def _post_item_schema(self, post_type: PostType) -> dict[str, Any]:
        return post_item_schema(post_type, self.app.registries, self.app.server.rest_url)

    def _post_collection_params(self, post_type: PostType) -> dict[str, Any]:
        return post_collection_params(
            post_type, self.app.registries, self.post_item_schema(post_type)
        )

    def _registered_meta(self, post_type: PostType) -> dict[str, dict[str, Any]]:
        """Meta keys shown in REST for the type: key → {single, default}."""
        out: dict[str, dict[str, Any]] = {}
        for key, meta in self.app.registries.meta.for_rest("post", post_type.name).items():
            if not meta.show_in_rest:
                continue
            default: Any = meta.default
            if type(default).__name__ == "_Unset":
                default = {
                    "string": "",
                    "boolean": False,
                    "integer": 0,
                    "number": 0,
                    "array": [],
                    "object": {},
                }.get(meta.type, "")
            out[key] = {"single": meta.single, "default": default}
        return out
