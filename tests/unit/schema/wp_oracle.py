"""WordPress's own REST validation functions, run by php-cli, for differential tests.

The WordPress sources it loads (whole files that only define functions or classes, single
functions extracted from files that would pull in too much), a bootstrap of minimal stubs
(`__`, `_n`, `get_option`, …) and the functions it exposes; `tests.php_cli` reads the sources
from the mirror and runs the `php` process. `require_php()` skips the calling test, with the
reason, when php, git or the mirror is absent.

Values cross the pipe as JSON, so PHP sees what `json_decode( $body, true )` gives WordPress.
Errors come back as `{"__error": {"code", "message", "data"}}`, non-finite floats as
`{"__float": "INF"}`, and a PHP exception as `{"__throw": class}`.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

from pressbox.schema import RestError
from tests.php_cli import PhpProcess, extract_function, php_array, require, start_php, wp_include

_WHOLE = (
    "plugin.php",
    "class-wp-hook.php",
    "class-wp-filter-sentinel.php",
    "class-wp-error.php",
    "utf8.php",
    "formatting.php",
    "kses.php",
    "rest-api.php",
    "class-wp-http-response.php",
    "rest-api/class-wp-rest-response.php",
    "rest-api/class-wp-rest-request.php",
)
_FUNCTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "functions.php": tuple(
        (n, "")
        for n in (
            "wp_parse_list",
            "wp_is_numeric_array",
            "wp_is_uuid",
            "number_format_i18n",
            "wp_allowed_protocols",
            "_canonical_charset",
        )
    ),
    "load.php": (("absint", ""), ("is_wp_error", ""), ("wp_is_json_media_type", "")),
    "http.php": (
        ("wp_parse_url", ""),
        ("_get_component_from_parsed_url_array", ""),
        ("_wp_translate_php_url_constant_to_key", ""),
    ),
    "compat.php": (("array_any", "\t"), ("array_all", "\t"), ("array_first", "\t")),
}

_BOOTSTRAP = r"""<?php
error_reporting( E_ALL & ~E_DEPRECATED & ~E_NOTICE & ~E_WARNING );
ini_set( 'display_errors', 'stderr' );
date_default_timezone_set( 'UTC' );
define( 'ABSPATH', __DIR__ . '/' );
define( 'WPINC', 'wp-includes' );
function get_option( $name, $default_value = false ) {
	$options = array( 'blog_charset' => 'UTF-8', 'permalink_structure' => '/%postname%/' );
	return $options[ $name ] ?? $default_value;
}
function __( $text, $domain = 'default' ) { return $text; }
function _x( $text, $context, $domain = 'default' ) { return $text; }
// NOOP_Translations::translate_plural(), what an en_US site answers.
function _n( $single, $plural, $number, $domain = 'default' ) { return 1 === (int) $number ? $single : $plural; }
function is_utf8_charset( $charset = null ) { return true; }
function wp_json_encode( $value, $flags = 0, $depth = 512 ) { return json_encode( $value, $flags, $depth ); }
function wp_trigger_error( ...$args ) {}
function _deprecated_function( ...$args ) {}
function _deprecated_argument( ...$args ) {}
function _doing_it_wrong( ...$args ) {}
class WP_Http { const BAD_REQUEST = 400; }
class WP_REST_Server {
	const READABLE = 'GET';
	const CREATABLE = 'POST';
	const EDITABLE = 'POST, PUT, PATCH';
	const DELETABLE = 'DELETE';
	const ALLMETHODS = 'GET, POST, PUT, PATCH, DELETE';
}
require __DIR__ . '/extracted.php';
foreach ( %FILES% as $h_file ) { require_once __DIR__ . '/wp-includes/' . $h_file; }
require __DIR__ . '/ipv6_stubs.php';
require __DIR__ . '/ipv6.php';
add_filter( 'wp_sprintf', 'wp_sprintf_l', 10, 2 );

function h_out( $value ) {
	if ( is_wp_error( $value ) ) {
		return array( '__error' => array( 'code' => $value->get_error_code(), 'message' => $value->get_error_message(), 'data' => h_out( $value->get_error_data() ) ) );
	}
	if ( is_float( $value ) && ! is_finite( $value ) ) {
		return array( '__float' => is_nan( $value ) ? 'NAN' : ( $value > 0 ? 'INF' : '-INF' ) );
	}
	if ( is_array( $value ) ) {
		foreach ( $value as $k => $v ) {
			$value[ $k ] = h_out( $v );
		}
	}
	return $value;
}

// WP_REST_Server::match_request_to_handler() then dispatch(): defaults, validate, sanitize.
function h_request( $method, $args, $query, $form, $json, $url ) {
	$request = new WP_REST_Request( $method, '/h' );
	$request->set_query_params( $query );
	$request->set_body_params( $form );
	if ( null !== $json ) {
		$request->set_header( 'content-type', 'application/json' );
		$request->set_body( json_encode( $json, JSON_PRESERVE_ZERO_FRACTION ) );
	}
	$request->set_url_params( $url );
	$request->set_attributes( array( 'args' => $args ) );
	$defaults = array();
	foreach ( $args as $arg => $options ) {
		if ( isset( $options['default'] ) ) {
			$defaults[ $arg ] = $options['default'];
		}
	}
	$request->set_default_params( $defaults );
	$valid = $request->has_valid_params();
	if ( is_wp_error( $valid ) ) {
		return array( 'error' => $valid );
	}
	$sanitized = $request->sanitize_params();
	if ( is_wp_error( $sanitized ) ) {
		return array( 'error' => $sanitized );
	}
	return array( 'params' => $request->get_params() );
}

function h_call( $fn, $args ) {
	switch ( $fn ) {
		case 'int': return (int) $args[0];
		case 'float': return (float) $args[0];
		case 'string': return (string) $args[0];
		case 'is_numeric': return is_numeric( $args[0] );
		case 'request': return h_request( ...$args );
		default: return $fn( ...$args );
	}
}

while ( false !== ( $h_line = fgets( STDIN ) ) ) {
	$h_out = array();
	foreach ( json_decode( $h_line, true ) as $h_req ) {
		try {
			$h_out[] = h_out( h_call( $h_req[0], $h_req[1] ) );
		} catch ( Throwable $e ) {
			$h_out[] = array( '__throw' => get_class( $e ) );
		}
	}
	echo json_encode( $h_out, JSON_PRESERVE_ZERO_FRACTION | JSON_INVALID_UTF8_SUBSTITUTE ), "\n";
	fflush( STDOUT );
}
"""

# Requests' Ipv6 class with the two helpers it names for argument checks.
_IPV6_STUBS = r"""<?php
namespace WpOrg\Requests\Utility { class InputValidator { public static function is_string_or_stringable( $v ) { return is_string( $v ); } } }
namespace WpOrg\Requests\Exception { class InvalidArgument extends \Exception { public static function create( ...$a ) { return new self( 'invalid' ); } } }
"""

_ALLOWED = frozenset(
    {
        "rest_validate_value_from_schema", "rest_sanitize_value_from_schema", "rest_is_boolean",
        "rest_is_integer", "rest_is_array", "rest_is_object", "rest_sanitize_boolean",
        "rest_get_best_type_for_value", "rest_parse_date", "rest_is_ip_address", "is_email",
        "wp_is_uuid", "wp_parse_list", "absint", "sanitize_text_field", "sanitize_textarea_field",
        "sanitize_key", "sanitize_email", "sanitize_url", "strip_tags", "esc_html",
        "rest_get_endpoint_args_for_schema", "int", "float", "string", "is_numeric", "request",
    }
)  # fmt: skip


def _extracted(source: str, name: str, indent: str) -> str:
    """The function; an indented one is a PHP polyfill, kept behind its `function_exists()`."""
    text = extract_function(source, name, indent)
    if indent:
        return f"if ( ! function_exists( '{name}' ) ) {{\n{text}\n}}"
    return text


def _files() -> dict[str, str]:
    """The oracle's folder: WordPress's files, the functions extracted, Ipv6, our bootstrap."""
    files = {f"wp-includes/{f}": wp_include(f) for f in _WHOLE}
    extracted = ["<?php"]
    for file, names in _FUNCTIONS.items():
        text = wp_include(file)
        extracted += [_extracted(text, n, indent) for n, indent in names]
    files["extracted.php"] = "\n\n".join(extracted) + "\n"
    files["ipv6.php"] = wp_include("Requests/src/Ipv6.php")
    files["ipv6_stubs.php"] = _IPV6_STUBS
    required = php_array(f for f in _WHOLE if f != "class-wp-hook.php")
    files["bootstrap.php"] = _BOOTSTRAP.replace("%FILES%", required)
    return files


@cache
def _start() -> PhpProcess | str:
    """The oracle, or why it cannot run."""
    return start_php(
        "oracle",
        _files,
        _ALLOWED,
        lambda php: php.call("rest_is_integer", "12") is True,
        ("-d", "pcre.jit=0"),
    )


def require_php() -> PhpProcess:
    """The running oracle; skips the calling test when it cannot run."""
    return require(_start())


def to_wire(value: Any) -> Any:
    """A Python result in the oracle's JSON form, PHP arrays as PHP's json_encode writes them."""
    if isinstance(value, RestError):
        return {"__error": value.to_response_data() | {"data": to_wire(value.data)}}
    if isinstance(value, float) and not math.isfinite(value):
        return {"__float": "NAN" if math.isnan(value) else ("INF" if value > 0 else "-INF")}
    if isinstance(value, list):
        return [to_wire(v) for v in value]
    if isinstance(value, dict):
        if list(map(str, value)) == [str(i) for i in range(len(value))]:
            return [to_wire(v) for v in value.values()]
        return {str(k): to_wire(v) for k, v in value.items()}
    return value


def dump(value: Any) -> str:
    """JSON text that tells int from float and keeps key order, for exact comparison."""
    return json.dumps(value, ensure_ascii=False)
