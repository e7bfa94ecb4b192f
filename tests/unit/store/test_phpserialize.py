"""PHP serialize: table-driven cases, differential checks against php-cli, oracle round-trips."""

from __future__ import annotations

import base64
import math
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressbox.store.phpserialize import (
    PHPCustomObject,
    PHPEnum,
    PHPObject,
    PHPReference,
    PHPSerializeError,
    dumps,
    format_float,
    is_list,
    is_serialized,
    loads,
    maybe_serialize,
    maybe_unserialize,
)

ROUND_TRIPS: list[tuple[str, Any]] = [
    ("N;", None),
    ("b:1;", True),
    ("b:0;", False),
    ("i:0;", 0),
    ("i:-42;", -42),
    ("i:9223372036854775807;", 2**63 - 1),
    ("d:0.5;", 0.5),
    ("d:1;", 1.0),
    ("d:-0;", -0.0),
    ("d:0.1;", 0.1),
    ("d:1.0E+25;", 1e25),
    ("d:1.5E-7;", 1.5e-7),
    ("d:0.0001;", 0.0001),
    ("d:1.0E-5;", 1e-5),
    ("d:10000000000000000;", 1e16),
    ("d:1.0E+17;", 1e17),
    ("d:12345678901234568;", 12345678901234567.0),
    ("d:0.3333333333333333;", 1 / 3),
    ("d:INF;", math.inf),
    ("d:-INF;", -math.inf),
    ('s:0:"";', ""),
    ('s:5:"hello";', "hello"),
    ('s:6:"héllo";', "héllo"),  # lengths count UTF-8 bytes
    ('s:4:"😀";', "😀"),
    ('s:7:"a";b:1;";', 'a";b:1;'),  # quotes and semicolons inside are data
    ('s:2:"\n\x00";', "\n\x00"),
    ("a:0:{}", {}),
    ('a:2:{i:0;s:1:"a";i:1;s:1:"b";}', {0: "a", 1: "b"}),
    ('a:2:{s:3:"key";i:1;i:7;a:1:{i:0;N;}}', {"key": 1, 7: {0: None}}),
    ('a:1:{s:1:"5";i:1;}', {"5": 1}),  # key types are kept, for byte-exact round-trips
    ('O:8:"stdClass":1:{s:1:"x";d:0.5;}', PHPObject("stdClass", {"x": 0.5})),
    (
        'O:1:"A":2:{s:4:"\x00A\x00x";i:1;s:4:"\x00*\x00y";i:2;}',
        PHPObject("A", {"\x00A\x00x": 1, "\x00*\x00y": 2}),
    ),
    ('C:3:"Foo":5:{ab;cd}', PHPCustomObject("Foo", "ab;cd")),
    ('E:11:"Suit:Hearts";', PHPEnum("Suit", "Hearts")),
    ("a:2:{i:0;a:0:{}i:1;r:2;}", {0: {}, 1: PHPReference(2, by_reference=False)}),
    ("a:2:{i:0;i:1;i:1;R:2;}", {0: 1, 1: PHPReference(2)}),
]


@pytest.mark.parametrize(("text", "value"), ROUND_TRIPS)
def test_loads_and_dumps(text: str, value: Any) -> None:
    assert loads(text) == value
    assert dumps(value) == text
    assert dumps(loads(text)) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i:+5;", 5),
        ("d:.5;", 0.5),
        ("d:5.;", 5.0),
        ("d:1e5;", 100000.0),
        ("d:-.5E-3;", -0.0005),
        ("d:0.10000000000000001;", 0.1),  # PHP < 7.1 wrote 17 digits
    ],
)
def test_loads_accepts_what_php_accepts(text: str, value: Any) -> None:
    assert loads(text) == value


def test_nan() -> None:
    assert math.isnan(loads("d:NAN;"))
    assert dumps(math.nan) == "d:NAN;"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "N",
        "b:2;",
        "i:;",
        "i:1_0;",
        "i: 1;",
        "d:1e;",
        "d:inf;",
        's:3:"ab";',
        's:1:"ab";',
        's:2:"ab"',
        "a:1:{}",
        "a:1:{i:0;}",
        "a:1:{d:0.5;i:1;}",
        "a:0:{",
        'O:8:"stdClass":1:{}',
        "i:5;xx",
        'C:3:"Foo":9:{ab}',
        "Q:1;",
    ],
)
def test_loads_rejects_malformed(text: str) -> None:
    with pytest.raises(PHPSerializeError):
        loads(text)


def test_lists_and_tuples_serialize_as_arrays() -> None:
    assert dumps(["a", ("b",)]) == 'a:2:{i:0;s:1:"a";i:1;a:1:{i:0;s:1:"b";}}'
    assert dumps(b"\xff") == 's:1:"\xff";'.encode("latin-1").decode("utf-8", "surrogateescape")


def test_invalid_utf8_round_trips_byte_exactly() -> None:
    text = 's:1:"\xc3";'.encode("latin-1").decode("utf-8", "surrogateescape")
    # A two-byte character cut in half by an old byte-length truncation.
    raw = b's:1:"\xc3";'
    assert dumps(loads(raw)) == text
    assert dumps(loads(raw)).encode("utf-8", "surrogateescape") == raw


@pytest.mark.parametrize(
    ("value", "expected"),
    [({}, True), ({0: "a", 1: "b"}, True), ({1: "a"}, False), ({"0": "a"}, False)],
)
def test_is_list(value: dict[Any, Any], expected: bool) -> None:
    assert is_list(value) is expected


@pytest.mark.parametrize(
    ("text", "strict", "expected"),
    [
        ("N;", True, True),
        ("  a:0:{}\n", True, True),
        ('s:1:"a";', True, True),
        ('s:1:"a"', True, False),
        ("b:1;", True, True),
        ("i:12;", True, True),
        ("d:0.5;", True, True),
        ('E:3:"A:B";', True, True),
        ('C:3:"Foo":0:{}', True, False),  # WordPress does not treat C: as serialized
        ("hello", True, False),
        ("a:", True, False),
        ("i:1;x", True, False),
        ("i:1;x", False, True),
        ('s:1:"a";x', False, True),
        ("a:x:{}", True, False),
    ],
)
def test_is_serialized(text: str, strict: bool, expected: bool) -> None:
    assert is_serialized(text, strict) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text", "plain text"),
        ("", ""),
        ("a:1:{i:0;i:5;}", {0: 5}),
        (" b:0; ", False),
        ("a:2:{i:0;i:5;", "a:2:{i:0;i:5;"),  # not serialized: kept
        ('s:5:"abc";', 's:5:"abc";'),  # malformed: kept, never raises
        ('s:1:"a";s:1:"b";', 's:1:"a";s:1:"b";'),  # trailing data: kept
    ],
)
def test_maybe_unserialize(text: str, expected: Any) -> None:
    assert maybe_unserialize(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({0: 1}, "a:1:{i:0;i:1;}"),
        ("text", "text"),
        ("a:0:{}", 's:6:"a:0:{}";'),  # double-serialized, as WordPress does
        (True, "1"),
        (False, ""),
        (None, ""),
        (3, "3"),
        (0.1 + 0.2, "0.3"),
    ],
)
def test_maybe_serialize(value: Any, expected: str) -> None:
    assert maybe_serialize(value) == expected


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        (1e15, 14, "1.0E+15"),
        (1e14, 14, "1.0E+14"),
        (1 / 3, 14, "0.33333333333333"),
        (1e15, -1, "1000000000000000"),
    ],
)
def test_format_float_precision(value: float, precision: int, expected: str) -> None:
    assert format_float(value, precision) == expected


# --------------------------------------------------------------------------- properties

_INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
# PHP turns canonical decimal string keys into integer keys; generate other strings only.
_CANONICAL_INT = re.compile(r"(0|-?[1-9][0-9]*)\Z")
_KEYS = st.one_of(_INT64, _TEXT.filter(lambda s: _CANONICAL_INT.match(s) is None))
_IDENT = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}", fullmatch=True)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    _INT64,
    st.floats(allow_nan=False),
    _TEXT,
)


def _containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(_KEYS, children, max_size=5),
        st.builds(
            PHPObject,
            st.sampled_from(["stdClass", "WP_Thing", "Foo_Bar"]),
            st.dictionaries(_IDENT, children, max_size=4),
        ),
    )


VALUES = st.recursive(_SCALARS, _containers, max_leaves=25)


def _as_php(value: Any) -> Any:
    """What `loads(dumps(value))` gives: PHP arrays are dicts, lists included."""
    if isinstance(value, list | tuple):
        return {i: _as_php(v) for i, v in enumerate(value)}
    if isinstance(value, dict):
        return {k: _as_php(v) for k, v in value.items()}
    if isinstance(value, PHPObject):
        return PHPObject(value.class_name, {k: _as_php(v) for k, v in value.properties.items()})
    return value


@given(VALUES)
def test_round_trip_in_python(value: Any) -> None:
    text = dumps(value)
    assert loads(text) == _as_php(value)
    assert dumps(loads(text)) == text


@given(st.floats(allow_nan=False))
def test_floats_round_trip(value: float) -> None:
    decoded = loads(dumps(value))
    assert decoded == value and math.copysign(1, decoded) == math.copysign(1, value)


# --------------------------------------------------------------------------- php-cli

_PHP_LOOP = r"""
while (($line = fgets(STDIN)) !== false) {
    $in = base64_decode(trim($line));
    $v = @unserialize($in);
    echo ($v === false && $in !== 'b:0;') ? "!" : base64_encode(serialize($v)), "\n";
    flush();
}
"""


class PHP:
    """A php-cli process that unserializes and re-serializes lines it is sent."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            ["php", "-d", "serialize_precision=-1", "-r", _PHP_LOOP],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def reserialize(self, text: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        raw = text.encode("utf-8", "surrogateescape")
        self.proc.stdin.write(base64.b64encode(raw) + b"\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().strip()
        assert answer != b"!", f"PHP could not unserialize {text!r}"
        return base64.b64decode(answer).decode("utf-8", "surrogateescape")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def php() -> Iterator[PHP]:
    if shutil.which("php") is None:
        pytest.skip("php-cli is not installed")
    proc = PHP()
    yield proc
    proc.close()


@pytest.mark.php
@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_php_reserializes_our_output_identically(php: PHP, value: Any) -> None:
    text = dumps(value)
    assert php.reserialize(text) == text


# Table entries that PHP itself re-serializes differently, and why.
_PHP_DIFFERS = {
    'a:1:{s:1:"5";i:1;}': "PHP turns the numeric string key into i:5; we keep the stored bytes",
    'C:3:"Foo":5:{ab;cd}': "needs a class implementing Serializable",
    'E:11:"Suit:Hearts";': "needs the enum to be declared",
    'O:1:"A":2:{s:4:"\x00A\x00x";i:1;s:4:"\x00*\x00y";i:2;}': "needs class A declared",
    "a:2:{i:0;i:1;i:1;R:2;}": "PHP resolves references to their values",
    "a:2:{i:0;a:0:{}i:1;r:2;}": "PHP resolves references to their values",
}


@pytest.mark.php
@pytest.mark.parametrize("text", [t for t, _ in ROUND_TRIPS if t not in _PHP_DIFFERS])
def test_php_agrees_with_table(php: PHP, text: str) -> None:
    assert php.reserialize(text) == text


@pytest.mark.php
def test_php_generated_values_round_trip() -> None:
    """PHP serializes random doubles (raw bits) and nested arrays; we must reproduce them."""
    if shutil.which("php") is None:
        pytest.skip("php-cli is not installed")
    script = r"""
mt_srand(7);
for ($i = 0; $i < 3000; $i++) {
    $d = unpack('d', random_bytes(8))[1];
    if (is_nan($d)) { continue; }
    echo base64_encode(serialize($d)), "\n";
}
foreach ([0.1 + 0.2, 1e22, 1e-300, 2 ** 53, -1.5e-10, 255 / 256] as $d) {
    echo base64_encode(serialize($d)), "\n";
}
$a = ['x' => [1, 2.5, 'ü' => "é\0"], 3 => null, 'o' => (object) ['p' => true, 'q' => [-7]]];
echo base64_encode(serialize($a)), "\n";
"""
    out = subprocess.run(["php", "-r", script], capture_output=True, check=True).stdout
    lines = out.split()
    assert len(lines) > 2900
    for line in lines:
        text = base64.b64decode(line).decode("utf-8", "surrogateescape")
        assert dumps(loads(text)) == text


# --------------------------------------------------------------------------- the oracle

_META_TABLES = ("wp_options", "wp_postmeta", "wp_usermeta", "wp_termmeta")


def _oracle_strings(oracle: Path) -> Iterator[str]:
    from pressbox.store.sqldump import iter_statements, parse_values

    for stmt in iter_statements(oracle / "wordpress.sql"):
        for table in _META_TABLES:
            head = f"INSERT INTO `{table}` VALUES"
            if stmt.startswith(head):
                for row in parse_values(stmt, len(head)):
                    yield from (v for v in row if isinstance(v, str))


def test_oracle_serialized_values_round_trip(oracle: Path) -> None:
    checked = 0
    for value in _oracle_strings(oracle):
        if is_serialized(value):
            assert dumps(loads(value)) == value
            checked += 1
    assert checked > 100
