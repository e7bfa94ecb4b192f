"""Test helpers: the oracle's posts (from `wordpress.sql`) and WordPress's PHP from the mirror.

Nothing here is committed WordPress code: PHP files are read from the bare git mirror at test
time into a temporary folder, and tests skip when the mirror, php-cli or the oracle is absent.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from tests.php_cli import php_missing

ORACLE = Path(os.environ.get("PRESSBOX_ORACLE", "/work/shared/oracle"))
MIRROR = Path(os.environ.get("PRESSBOX_WP_MIRROR", "/work/.mirror/johnpbloch+wordpress-core/repo"))
WP_TAG = "7.1.0"

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
    sql = (ORACLE / "wordpress.sql").read_text(encoding="utf-8")
    tables: dict[str, list[list[Any]]] = {}
    for m in _INSERT.finditer(sql):
        end = sql.index(";\n", m.end())
        tables.setdefault(m.group(1), []).extend(_rows(sql[m.end() : end]))
    return tables


def oracle_available() -> bool:
    return (ORACLE / "wordpress.sql").is_file()


_WP_FILES = [
    "wp-includes/class-wp-block-parser.php",
    "wp-includes/class-wp-block-parser-block.php",
    "wp-includes/class-wp-block-parser-frame.php",
    "wp-includes/class-wp-token-map.php",
    "wp-includes/html-api/html5-named-character-references.php",
    "wp-includes/html-api/class-wp-html-attribute-token.php",
    "wp-includes/html-api/class-wp-html-span.php",
    "wp-includes/html-api/class-wp-html-text-replacement.php",
    "wp-includes/html-api/class-wp-html-decoder.php",
    "wp-includes/html-api/class-wp-html-tag-processor.php",
    "wp-includes/html-api/class-wp-html-doctype-info.php",
    "wp-includes/utf8.php",
    "wp-includes/compat-utf8.php",
    "wp-includes/compat.php",
    "wp-includes/kses.php",
    "wp-includes/formatting.php",
    "wp-includes/functions.php",
]
# Functions of wp-includes/functions.php the harness defines (the whole file needs too much).
_EXTRACTED = (
    "_wp_to_kebab_case",
    "wp_unique_id_from_values",
    "wp_json_encode",
    "_wp_json_sanity_check",
    "mbstring_binary_safe_encoding",
    "reset_mbstring_encoding",
)


def _extract_functions(source: str, names: tuple[str, ...]) -> str:
    out = []
    for name in names:
        start = source.index(f"function {name}(")
        brace = source.index("{", source.index(")", start))
        depth, i = 0, brace
        while True:
            if source[i] == "{":
                depth += 1
            elif source[i] == "}":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        out.append(source[start : i + 1])
    return "\n".join(out)


@cache
def php_sources() -> Path | None:
    """A folder holding the WordPress files the harnesses need, read from the mirror, or None."""
    if php_missing() or not MIRROR.is_dir():
        return None
    target = Path(tempfile.mkdtemp(prefix="pressbox-wp-"))
    for name in _WP_FILES:
        proc = subprocess.run(
            ["git", f"--git-dir={MIRROR}", "show", f"{WP_TAG}:{name}"],
            capture_output=True,
            check=False,
        )
        if proc.returncode != 0:
            return None
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(proc.stdout)
    functions = (target / "wp-includes/functions.php").read_text(encoding="utf-8")
    (target / "extracted.php").write_text(
        "<?php\n" + _extract_functions(functions, _EXTRACTED), encoding="utf-8"
    )
    return target


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
    src = php_sources()
    assert src is not None
    script = _PHP_PRELUDE + "$in = json_decode(stream_get_contents(STDIN), true);\n" + body
    proc = subprocess.run(
        [
            "php",
            "-d",
            "memory_limit=1G",
            "-d",
            "error_reporting=E_ALL & ~E_DEPRECATED",
            "-r",
            script,
            str(src),
        ],
        input=json.dumps(payload).encode(),
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0 or not proc.stdout:
        raise RuntimeError(proc.stdout.decode()[-2000:] + proc.stderr.decode()[-2000:])
    return json.loads(proc.stdout)


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
    src = php_sources()
    assert src is not None
    proc = subprocess.run(
        ["php", "-d", "memory_limit=1G", "-r", _PHP_PARSE, str(src)],
        input=json.dumps(documents).encode(),
        capture_output=True,
        check=True,
    )
    result: list[Any] = list(json.loads(proc.stdout).values())
    return result
