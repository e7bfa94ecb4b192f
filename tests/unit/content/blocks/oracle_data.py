"""Test helpers: the oracle's posts (from `wordpress.sql`) and WordPress's PHP from the mirror.

Nothing here is committed WordPress code: PHP files are read from the bare git mirror at test
time into a temporary folder, and tests skip when the mirror, php-cli or the oracle is absent.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from tests.php_cli import php_folder, require, run_php, wp_files

ORACLE = Path(os.environ.get("PRESSBOX_ORACLE", "/work/shared/oracle"))
# PRESSBOX_ORACLE names the oracle's folder, or the dump itself.
ORACLE_SQL = ORACLE if ORACLE.is_file() else ORACLE / "wordpress.sql"
# The columns of `wp_posts`, in the dump's order (`ID` named as PostData names it).
POST_COLUMNS = (
    "id", "post_author", "post_date", "post_date_gmt", "post_content", "post_title", "post_excerpt",
    "post_status", "comment_status", "ping_status", "post_password", "post_name", "to_ping",
    "pinged", "post_modified", "post_modified_gmt", "post_content_filtered", "post_parent", "guid",
    "menu_order", "post_type", "post_mime_type", "comment_count",
)  # fmt: skip

_ESC = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "Z": "\x1a", "b": "\b"}
_INSERT = re.compile(r"INSERT INTO `(\w+)` VALUES\s*")
_FIELD = re.compile(r"'((?:[^'\\]|\\.|'')*)'|NULL|-?[\d.]+(?:[eE][-+]?\d+)?", re.S)
_UNESCAPE = re.compile(r"\\(.)|''", re.S)


def _unescape(raw: str) -> str:
    return _UNESCAPE.sub(
        lambda m: "'" if m.group(1) is None else _ESC.get(m.group(1), m.group(1)), raw
    )


def _rows(values: str) -> Iterator[list[Any]]:
    pos, n = 0, len(values)
    while pos < n:
        if values[pos] != "(":
            pos += 1
            continue
        pos += 1
        row: list[Any] = []
        while True:
            m = _FIELD.match(values, pos)
            if m is None:
                raise ValueError(f"bad SQL near {values[pos : pos + 40]!r}")
            text = m.group(0)
            if m.group(1) is not None:
                row.append(_unescape(m.group(1)))
            elif text == "NULL":
                row.append(None)
            else:
                row.append(float(text) if "." in text or "e" in text.lower() else int(text))
            pos = m.end()
            if values[pos] == ",":
                pos += 1
                continue
            pos += 1  # ")"
            break
        yield row


@cache
def sql_tables() -> dict[str, list[list[Any]]]:
    """Every `INSERT` row of the oracle's SQL dump, by table (one statement per table)."""
    sql = ORACLE_SQL.read_text(encoding="utf-8")
    tables: dict[str, list[list[Any]]] = {}
    for m in _INSERT.finditer(sql):
        end = sql.index(";\n", m.end())
        tables.setdefault(m.group(1), []).extend(_rows(sql[m.end() : end]))
    return tables


def oracle_available() -> bool:
    return ORACLE_SQL.is_file()


_WP_FILES = (
    "class-wp-block-parser.php",
    "class-wp-block-parser-block.php",
    "class-wp-block-parser-frame.php",
    "class-wp-token-map.php",
    "html-api/html5-named-character-references.php",
    "html-api/class-wp-html-attribute-token.php",
    "html-api/class-wp-html-span.php",
    "html-api/class-wp-html-text-replacement.php",
    "html-api/class-wp-html-decoder.php",
    "html-api/class-wp-html-tag-processor.php",
    "html-api/class-wp-html-doctype-info.php",
    "utf8.php",
    "compat-utf8.php",
    "compat.php",
    "kses.php",
    "formatting.php",
)
# Functions of wp-includes/functions.php the harness defines (the whole file needs too much).
_EXTRACTED = {
    "functions.php": (
        "_wp_to_kebab_case",
        "wp_unique_id_from_values",
        "wp_json_encode",
        "_wp_json_sanity_check",
        "mbstring_binary_safe_encoding",
        "reset_mbstring_encoding",
    )
}


@cache
def php_sources() -> Path | str:
    """A folder holding the WordPress files the harnesses need, or why there is none."""
    return php_folder("blocks", lambda: wp_files(_WP_FILES, _EXTRACTED))


# Just enough of WordPress's environment for the HTML API and the escaping functions.
_PHP_PRELUDE = r"""
define('ABSPATH', $argv[1] . '/');
define('WPINC', 'wp-includes');
function __($t, $d = 'default') { return $t; }
function _doing_it_wrong($f, $m, $v) {}
function apply_filters($hook, $value, ...$args) { return $value; }
function get_option($name) { return $name === 'blog_charset' ? 'UTF-8' : false; }
function wp_allowed_protocols() { return array('http', 'https', 'ftp', 'ftps', 'mailto', 'news',
  'irc', 'irc6', 'ircs', 'gopher', 'nntp', 'feed', 'telnet', 'mms', 'rtsp', 'sms', 'svn', 'tel',
  'fax', 'xmpp', 'webcal', 'urn'); }
function wp_parse_url($url, $c = -1) { return parse_url($url, $c); }
function is_admin() { return false; }
function get_locale() { return 'en_US'; }
function is_utf8_charset($c = null) { return true; }
function _canonical_charset($c) { return 'UTF-8'; }
function wp_load_alloptions() { return array(); }
require ABSPATH . 'wp-includes/compat.php';
require ABSPATH . 'wp-includes/utf8.php';
require ABSPATH . 'wp-includes/class-wp-token-map.php';
require ABSPATH . 'wp-includes/html-api/html5-named-character-references.php';
require ABSPATH . 'wp-includes/html-api/class-wp-html-attribute-token.php';
require ABSPATH . 'wp-includes/html-api/class-wp-html-span.php';
require ABSPATH . 'wp-includes/html-api/class-wp-html-text-replacement.php';
require ABSPATH . 'wp-includes/html-api/class-wp-html-decoder.php';
require ABSPATH . 'wp-includes/html-api/class-wp-html-doctype-info.php';
require ABSPATH . 'wp-includes/html-api/class-wp-html-tag-processor.php';
require ABSPATH . 'wp-includes/kses.php';
require ABSPATH . 'wp-includes/formatting.php';
require ABSPATH . 'extracted.php';
"""


def php_run(body: str, payload: Any) -> Any:
    """Run PHP `body` after the prelude; `$in` holds `payload`, the script echoes JSON."""
    script = _PHP_PRELUDE + "$in = json_decode(stream_get_contents(STDIN), true);\n" + body
    options = ["-d", "memory_limit=1G", "-d", "error_reporting=E_ALL & ~E_DEPRECATED"]
    return run_php([*options, "-r", script, str(require(php_sources()))], payload)


_PHP_PARSE = r"""
define('ABSPATH', $argv[1] . '/');
require $argv[1] . '/wp-includes/class-wp-block-parser.php';
$docs = json_decode(stream_get_contents(STDIN), true);
$out = array();
$parser = new WP_Block_Parser();
foreach ($docs as $doc) { $out[] = $parser->parse($doc); }
echo json_encode($out, JSON_FORCE_OBJECT | JSON_PRESERVE_ZERO_FRACTION);
"""


def php_parse_blocks(documents: list[str]) -> list[Any]:
    """WordPress's own parser on each document, as JSON with every array forced to an object."""
    folder = str(require(php_sources()))
    result = run_php(["-d", "memory_limit=1G", "-r", _PHP_PARSE, folder], documents)
    return list(result.values())
