"""The `meta` field of REST objects: the registered meta keys shown in REST, as a schema.

WordPress counterparts: `WP_REST_Meta_Fields::get_registered_fields()` and
`get_field_schema()`, and `rest_default_additional_properties_to_false()`. The schema keeps the
field's `arg_options` (`get_public_item_schema()` drops them).
"""

from __future__ import annotations

from pressbox.registry.meta import UNSET, MetaRegistry, RestMetaOptions
from pressbox.schema.controller_args import JSONSchema, clone


def _empty_value(type_: object) -> object:
    """`WP_REST_Meta_Fields::get_empty_value_for_type()`."""
    empty: dict[object, object] = {
        "string": "",
        "boolean": False,
        "integer": 0,
        "number": 0.0,
        "array": [],
        "object": [],  # PHP's array(): JSON `[]`
    }
    return empty.get(type_)


def default_additional_properties_to_false(schema: JSONSchema) -> JSONSchema:
    """`rest_default_additional_properties_to_false()`: objects get `additionalProperties: false`."""
    raw_type = schema.get("type")
    types = raw_type if isinstance(raw_type, list) else [] if raw_type is None else [raw_type]
    if "object" in types:
        for keyword in ("properties", "patternProperties"):
            if isinstance(schema.get(keyword), dict):
                schema[keyword] = {
                    k: default_additional_properties_to_false(v) for k, v in schema[keyword].items()
                }
        if schema.get("additionalProperties") is None:
            schema["additionalProperties"] = False
    if "array" in types and isinstance(schema.get("items"), dict):
        schema["items"] = default_additional_properties_to_false(schema["items"])
    return schema


def meta_field_schema(meta: MetaRegistry, object_type: str, object_subtype: str) -> JSONSchema:
    """`WP_REST_Meta_Fields::get_field_schema()` (public part) for one object subtype."""
    properties: JSONSchema = {}
    for key, registered in meta.for_rest(object_type, object_subtype).items():
        if not registered.show_in_rest:
            continue
        options = (
            registered.show_in_rest
            if isinstance(registered.show_in_rest, RestMetaOptions)
            else RestMetaOptions()
        )
        default = None if registered.default is UNSET else registered.default
        schema: JSONSchema = {
            "type": registered.type or None,
            "title": registered.label,
            "description": registered.description,
            "default": default,
        }
        schema.update(clone(dict(options.schema)))
        type_ = schema["type"] or registered.type or None
        if schema["default"] is None:
            schema["default"] = _empty_value(type_)
        schema = default_additional_properties_to_false(schema)
        if type_ not in ("string", "boolean", "integer", "number", "array", "object"):
            continue
        if not registered.single:
            schema = {"type": "array", "items": schema}
        properties[options.name or key] = schema
    return {
        "description": "Meta fields.",
        "type": "object",
        "context": ["view", "edit"],
        "properties": properties,
        "arg_options": {"sanitize_callback": None, "validate_callback": "check_meta_is_array"},
    }
