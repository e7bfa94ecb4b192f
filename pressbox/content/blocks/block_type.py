"""Block types as `WP_Block_Type`: supports, context, attribute defaults and validation.

Core block metadata (`core_blocks.json`) is a digest of WordPress 7.1's `block.json` files made
by `tests/unit/content/blocks/gen_block_types.py`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from pressbox.content.blocks.types import BlockRenderer

__all__ = ["BlockType", "core_block_metadata", "php_empty", "php_is_numeric"]


def php_empty(value: Any) -> bool:
    """PHP's `empty()`."""
    if isinstance(value, str):
        return value in ("", "0")
    if isinstance(value, float) and math.isnan(value):
        return False
    return not value


_NUMERIC = re.compile(r"[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*")


def php_is_numeric(value: Any) -> bool:
    """PHP's `is_numeric()`."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and _NUMERIC.fullmatch(value) is not None


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if not php_is_numeric(value):
        return False
    number = float(value)
    return math.isfinite(number) and number == round(number)


def _is_boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, str):
        return value.lower() in ("false", "true", "0", "1")
    return isinstance(value, int) and value in (0, 1)


def _valid_type(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "number":
        return php_is_numeric(value)
    if kind == "integer":
        return _is_integer(value)
    if kind == "boolean":
        return _is_boolean(value)
    if kind == "null":
        return value is None
    if kind == "array":
        return isinstance(value, list | dict | str | int | float) and not isinstance(value, bool)
    if kind == "object":
        return isinstance(value, dict | list) or value == ""
    return True


def _valid(value: Any, schema: Mapping[str, Any]) -> bool:
    """A subset of `rest_validate_value_from_schema()`: type (or types) and enum."""
    kind = schema.get("type")
    if isinstance(kind, list):
        if not any(_valid_type(value, k) for k in kind):
            return False
    elif isinstance(kind, str) and not _valid_type(value, kind):
        return False
    enum = schema.get("enum")
    return not (isinstance(enum, list) and value not in enum)


@dataclass(frozen=True)
class BlockType:
    """A registered block type; `render` makes it dynamic."""

    name: str
    attributes: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    supports: Mapping[str, Any] = field(default_factory=dict)
    uses_context: Sequence[str] = ()
    provides_context: Mapping[str, str] = field(default_factory=dict)
    selectors: Mapping[str, Any] = field(default_factory=dict)
    render: BlockRenderer | None = None
    skip_inner_blocks: bool = False

    @property
    def is_dynamic(self) -> bool:
        return self.render is not None

    def support(self, *path: str, default: Any = None) -> Any:
        """The raw value at `supports[path…]`, or `default`."""
        data: Any = self.supports
        for key in path:
            if not isinstance(data, Mapping) or key not in data:
                return default
            data = data[key]
        return data

    def has_support(self, *path: str, default: bool = False) -> bool:
        """`block_has_support()`: true when the flag is `true` or an object/array."""
        value = self.support(*path, default=default)
        return value is True or isinstance(value, Mapping | list)

    def skips_serialization(self, feature_set: str, feature: str | None = None) -> bool:
        """`wp_should_skip_block_supports_serialization()`."""
        skip = self.support(feature_set, "__experimentalSkipSerialization", default=False)
        if isinstance(skip, list):
            return feature in skip
        return not php_empty(skip)

    def prepare_attributes(self, attrs: Mapping[str, Any]) -> dict[str, Any]:
        """`prepare_attributes_for_render()`: drop invalid values, fill in defaults."""
        out = dict(attrs)
        if not self.attributes:
            return out
        for name, value in attrs.items():
            schema = self.attributes.get(name)
            if schema is not None and not _valid(value, schema):
                del out[name]
        for name, schema in self.attributes.items():
            if name not in out and schema.get("default") is not None:
                out[name] = schema["default"]
        return out


@cache
def core_block_metadata() -> Mapping[str, Mapping[str, Any]]:
    """WordPress 7.1's core block metadata, by block name."""
    text = (
        resources.files("pressbox.content.blocks").joinpath("core_blocks.json").read_text("utf-8")
    )
    data: dict[str, Mapping[str, Any]] = json.loads(text)
    return data
