"""JSON-schema validation and sanitization of REST arguments, as WordPress's REST API does it.

The REST layer builds a `RequestParams` with `request_params()`, then calls
`has_valid_params()` and `sanitize_params()`; each returns WordPress's error on failure.
"""

from pressbox.content.escaping import sanitize_url
from pressbox.schema.args import (
    ALLMETHODS,
    CALLBACKS,
    CREATABLE,
    DELETABLE,
    EDITABLE,
    READABLE,
    RequestParams,
    default_params,
    endpoint_args_for_schema,
    get_collection_params,
    get_context_param,
    has_valid_params,
    parameter_order,
    request_params,
    sanitize_params,
)
from pressbox.schema.errors import RestError
from pressbox.schema.formats import (
    is_email,
    rest_is_ip_address,
    rest_parse_date,
    rest_parse_hex_color,
    wp_is_uuid,
)
from pressbox.schema.predicates import (
    absint,
    rest_are_values_equal,
    rest_get_best_type_for_value,
    rest_is_array,
    rest_is_boolean,
    rest_is_integer,
    rest_is_object,
    rest_sanitize_array,
    rest_sanitize_boolean,
    rest_sanitize_object,
    wp_parse_list,
)
from pressbox.schema.sanitize import (
    rest_parse_request_arg,
    rest_sanitize_request_arg,
    rest_sanitize_value_from_schema,
    rest_validate_request_arg,
)
from pressbox.schema.text import (
    sanitize_email,
    sanitize_hex_color,
    sanitize_key,
    sanitize_text_field,
    sanitize_textarea_field,
)
from pressbox.schema.validate import (
    rest_find_any_matching_schema,
    rest_find_one_matching_schema,
    rest_validate_value_from_schema,
)

__all__ = [
    "ALLMETHODS",
    "CALLBACKS",
    "CREATABLE",
    "DELETABLE",
    "EDITABLE",
    "READABLE",
    "RequestParams",
    "RestError",
    "absint",
    "default_params",
    "endpoint_args_for_schema",
    "get_collection_params",
    "get_context_param",
    "has_valid_params",
    "is_email",
    "parameter_order",
    "request_params",
    "rest_are_values_equal",
    "rest_find_any_matching_schema",
    "rest_find_one_matching_schema",
    "rest_get_best_type_for_value",
    "rest_is_array",
    "rest_is_boolean",
    "rest_is_integer",
    "rest_is_ip_address",
    "rest_is_object",
    "rest_parse_date",
    "rest_parse_hex_color",
    "rest_parse_request_arg",
    "rest_sanitize_array",
    "rest_sanitize_boolean",
    "rest_sanitize_object",
    "rest_sanitize_request_arg",
    "rest_sanitize_value_from_schema",
    "rest_validate_request_arg",
    "rest_validate_value_from_schema",
    "sanitize_email",
    "sanitize_hex_color",
    "sanitize_key",
    "sanitize_params",
    "sanitize_text_field",
    "sanitize_textarea_field",
    "sanitize_url",
    "wp_is_uuid",
    "wp_parse_list",
]
