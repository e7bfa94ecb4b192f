"""WordPress's own REST validation functions, run by php-cli, for differential tests.

At test time the WordPress sources are read from the bare git mirror (never copied into the
repository) into a temporary folder: whole files that only define functions or classes, single
functions extracted from files that would pull in too much, and a bootstrap of minimal stubs
(`__`, `_n`, `get_option`, …). One long-lived `php` process answers JSON requests line by line.
`require_php()` skips the calling test, with the reason, when php, git or the mirror is absent.

Values cross the pipe as JSON, so PHP sees what `json_decode( $body, true )` gives WordPress.
Errors come back as `{"__error": {"code", "message", "data"}}`, non-finite floats as
`{"__float": "INF"}`, and a PHP exception as `{"__throw": class}`.
"""

from __future__ import annotations

import atexit
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pressbox.schema import RestError
from tests.php_cli import php_missing

MIRROR = os.environ.get("PRESSBOX_WP_MIRROR", "/work/.mirror/johnpbloch+wordpress-core/repo")
WP_TAG = os.environ.get("PRESSBOX_WP_TAG", "7.1.0")

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


def _git_show(path: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={MIRROR}", "show", f"{WP_TAG}:wp-includes/{path}"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout


def _extract_function(source: str, name: str, indent: str) -> str:
    """The text of `function name(` up to its closing brace at the same indentation."""
    m = re.search(rf"^{indent}function {re.escape(name)}\(", source, re.M)
    if m is None:
        raise LookupError(name)
    end = source.index(f"\n{indent}}}\n", m.start())
    text = source[m.start() : end + len(indent) + 3]
    if indent:
        return f"if ( ! function_exists( '{name}' ) ) {{\n{text}\n}}"
    return text


class PhpOracle:
    """A `php` process answering calls of WordPress functions."""

    def __init__(self, folder: Path) -> None:
        self._stderr = (folder / "stderr.log").open("w+")
        self._proc = subprocess.Popen(
            ["php", "-d", "pcre.jit=0", str(folder / "bootstrap.php")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
        )

    def call_many(self, calls: list[tuple[str, list[Any]]]) -> list[Any]:
        for fn, _ in calls:
            if fn not in _ALLOWED:
                raise ValueError(f"not exposed by the oracle: {fn}")
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps([[fn, args] for fn, args in calls]) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            self._stderr.seek(0)
            raise RuntimeError(f"php stopped: {self._stderr.read()[-2000:]}")
        result: list[Any] = json.loads(line)
        return result

    def call(self, fn: str, *args: Any) -> Any:
        return self.call_many([(fn, list(args))])[0]

    def close(self) -> None:
        if self._proc.poll() is None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            self._proc.wait(timeout=10)
        self._stderr.close()


@cache
def _start() -> PhpOracle | str:
    """The oracle, or why it cannot run."""
    if php_missing():
        return "php-cli (with mbstring) is not installed"
    if shutil.which("git") is None:
        return "git is not installed"
    if not Path(MIRROR).is_dir():
        return f"the WordPress git mirror is absent ({MIRROR})"
    try:
        whole = {f: _git_show(f) for f in _WHOLE}
        extracted = ["<?php"]
        for file, names in _FUNCTIONS.items():
            text = _git_show(file)
            extracted += [_extract_function(text, n, indent) for n, indent in names]
        ipv6 = _git_show("Requests/src/Ipv6.php")
    except (subprocess.CalledProcessError, LookupError, ValueError) as exc:
        return f"WordPress {WP_TAG} sources unavailable from {MIRROR}: {exc}"
    folder = Path(tempfile.mkdtemp(prefix="pressbox-schema-wp-"))
    atexit.register(shutil.rmtree, folder, True)
    for name, text in whole.items():
        path = folder / "wp-includes" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "extracted.php").write_text("\n\n".join(extracted) + "\n", encoding="utf-8")
    (folder / "ipv6_stubs.php").write_text(_IPV6_STUBS, encoding="utf-8")
    (folder / "ipv6.php").write_text(ipv6, encoding="utf-8")
    files = "array(" + ", ".join(f"'{f}'" for f in _WHOLE if f != "class-wp-hook.php") + ")"
    (folder / "bootstrap.php").write_text(_BOOTSTRAP.replace("%FILES%", files), encoding="utf-8")
    oracle = PhpOracle(folder)
    atexit.register(oracle.close)
    try:
        if oracle.call("rest_is_integer", "12") is not True:
            return "the PHP oracle answered unexpectedly"
    except (RuntimeError, OSError, json.JSONDecodeError) as exc:
        return f"the PHP oracle failed to start: {exc}"
    return oracle


def require_php() -> PhpOracle:
    """The running oracle; skips the calling test when it cannot run."""
    oracle = _start()
    if isinstance(oracle, str):
        pytest.skip(oracle)
    return oracle


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
