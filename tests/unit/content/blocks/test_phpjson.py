"""PHP's `json_encode()` (pressbox.content.blocks.phpjson), by table and against php-cli."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressbox.content.blocks.phpjson import php_json_encode
from tests.php_cli import php_missing


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([1, "a/b"], '[1,"a\\/b"]'),
        ({"k": None, "t": True}, '{"k":null,"t":true}'),
        ({"0": "x", "1": "y"}, '["x","y"]'),  # PHP arrays with keys 0..n-1 are lists
        ({"1": "x"}, '{"1":"x"}'),
        ({}, "[]"),
        ("é\n<&'\"", '"\\u00e9\\n<&\'\\""'),
        ("\U0001f600", '"\\ud83d\\ude00"'),
        # serialize_precision = -1 without JSON_PRESERVE_ZERO_FRACTION
        (1.0, "1"),
        (0.0, "0"),
        (-0.0, "-0"),
        (0.1, "0.1"),
        (1e15, "1000000000000000"),
        (1e17, "1.0e+17"),
        (1e25, "1.0e+25"),
        (1e-5, "1.0e-5"),
        (2.916384702503162e16, "29163847025031620"),
    ],
)
def test_json_encode(value: Any, expected: str) -> None:
    assert php_json_encode(value) == expected


def test_flags() -> None:
    value = ["<a href='x'>&\"/é"]
    assert php_json_encode(value, hex_tag=True, hex_amp=True, hex_apos=True, hex_quot=True) == (
        '["\\u003Ca href=\\u0027x\\u0027\\u003E\\u0026\\u0022\\/\\u00e9"]'
    )
    assert php_json_encode(value, unescaped_slashes=True, unescaped_unicode=True) == (
        '["<a href=\'x\'>&\\"/é"]'
    )


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=8,
)

# PHP reads each value from JSON (floats keep their float type) and encodes it again.
_PHP = (
    "while (($line = fgets(STDIN)) !== false) {"
    ' echo json_encode(json_decode($line, true)), "\\n"; }'
)


@pytest.mark.php
@settings(max_examples=1, deadline=None, database=None)
@given(st.lists(json_values, min_size=200, max_size=200))
def test_matches_php(values: list[Any]) -> None:
    if php_missing():
        pytest.skip("php-cli with mbstring is not installed")
    # Python writes floats with a fraction or exponent, so PHP decodes them as floats too.
    lines = "".join(json.dumps(v, ensure_ascii=True) + "\n" for v in values)
    out = subprocess.run(
        ["php", "-r", _PHP], input=lines, capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()
    assert [php_json_encode(v) for v in values] == out
