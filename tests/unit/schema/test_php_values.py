"""PHP's reading of values: casts, numeric strings, array keys, number and list formatting."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.schema import _php


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, 0),
        (True, 1),
        (False, 0),
        (7, 7),
        (1.9, 1),
        (-1.9, -1),
        (1e30, 5076964154930102272),  # out of range floats wrap
        (-1e19, 8446744073709551616),
        ("12abc", 12),
        ("abc", 0),
        ("", 0),
        (" 12", 12),
        ("\n 12", 12),
        ("+5", 5),
        ("1e3", 1000),
        ("1.9e1x", 19),
        (".5", 0),
        ("0x1A", 0),
        ("9999999999999999999", 2**63 - 1),  # out of range strings saturate
        ("-9999999999999999999", -(2**63)),
        ("1e30", 2**63 - 1),
        ("1e999", 0),
        ([], 0),
        ([0], 1),
        ({"a": 1}, 1),
    ],
)
def test_to_int(value: Any, expected: int) -> None:
    assert _php.to_int(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.5abc", 1.5),
        (" .5", 0.5),
        ("-.5e-2x", -0.005),
        ("1e", 1.0),
        ("abc", 0.0),
        ("0x1A", 0.0),
        (True, 1.0),
        (None, 0.0),
        (3, 3.0),
    ],
)
def test_to_float(value: Any, expected: float) -> None:
    assert _php.to_float(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", True),
        (" 5", True),
        ("5 ", True),
        ("5\n", True),
        ("\x0b5", True),
        ("1.", True),
        (".1", True),
        ("1e5", True),
        ("-1.5E-3", True),
        (".", False),
        ("1e", False),
        ("0x1A", False),
        ("", False),
        ("\x005", False),
        ("١٢", False),  # only ASCII digits
        (True, False),
        (None, False),
        (3, True),
        (1.5, True),
        ([1], False),
    ],
)
def test_is_numeric(value: Any, expected: bool) -> None:
    assert _php.is_numeric(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.1, "0.1"),
        (1.0, "1"),
        (-0.0, "-0"),
        (1e15, "1.0E+15"),
        (1e14, "1.0E+14"),
        (1e13, "10000000000000"),
        (0.0001, "0.0001"),
        (0.00001, "1.0E-5"),
        (-1.5e-7, "-1.5E-7"),
        (123456789012345678.0, "1.2345678901235E+17"),
        (0.1 + 0.2, "0.3"),
        (float("inf"), "INF"),
        (float("nan"), "NAN"),
    ],
)
def test_float_to_str(value: float, expected: str) -> None:
    assert _php.float_to_str(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), (True, "1"), (False, ""), (12, "12"), (2.50, "2.5"), ("x", "x"), ([1], "Array")],
)
def test_to_str(value: Any, expected: str) -> None:
    assert _php.to_str(value) == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [("0", 0), ("12", 12), ("-3", -3), ("01", "01"), ("-0", "-0"), (" 1", " 1"), ("1.5", "1.5"),
     ("9223372036854775808", "9223372036854775808"), ("a", "a")],
)  # fmt: skip
def test_php_key(key: str, expected: str | int) -> None:
    assert _php.php_key(key) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [([], True), ([1, 2], True), ({}, True), ({"0": 1, "5": 2}, True), ({"a": 1}, False),
     ({"0": 1, "01": 2}, False), ("1,2", False), (None, False)],
)  # fmt: skip
def test_is_numeric_array(value: Any, expected: bool) -> None:
    assert _php.is_numeric_array(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, "1"), (1000, "1,000"), (1234567, "1,234,567"), (-1000, "-1,000"), (2.5, "3"), (1.4, "1")],
)
def test_number_format(value: int | float, expected: str) -> None:
    assert _php.number_format(value) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [(["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b, and c"), ([], "")],
)
def test_sprintf_list(items: list[str], expected: str) -> None:
    assert _php.sprintf_list(items) == expected


def test_sprintf_positional_arguments_are_not_rescanned() -> None:
    assert _php.sprintf("%1$s is %2$s.", "%2$s", "x") == "%2$s is x."


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "one"), (1.5, "one"), ("1", "one"), (0, "many"), (2, "many")]
)
def test_plural_is_singular_only_for_one(count: Any, expected: str) -> None:
    assert _php.n_("one", "many", count) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, []), ({"0": "a", "x": "b"}, ["a", "b"]), ([1, 2], [1, 2]), ("", [""]), (0, [0])],
)
def test_to_array(value: Any, expected: list[Any]) -> None:
    assert _php.to_array(value) == expected


@pytest.mark.parametrize(
    ("page", "per_page", "expected"),
    [
        (1, 10, 0),
        (3, 10, 20),
        (0, 10, 10),  # absint()
        # (PHP_INT_MAX - 1) * 10 leaves the integer range: (int) of the float wraps to 0,
        # as `php -r 'var_dump((int)((PHP_INT_MAX - 1) * 10));'` prints.
        (_php.PHP_INT_MAX, 10, 0),
        # 2**63 wraps to PHP_INT_MIN, whose abs() is a float past the range: the largest int.
        (2**62 + 1, 2, _php.PHP_INT_MAX),
        # (2**62 - 1) * 3 as a float, wrapped: PHP prints 4611686018427387904 for it.
        (2**62, 3, 4611686018427387904),
    ],
)
def test_page_offset(page: int, per_page: int, expected: int) -> None:
    assert _php.page_offset(page, per_page) == expected
