"""PHP's view of JSON-ish values: `is_numeric`, `(int)`, `(float)`, `(string)`, array keys.

WordPress validates request arguments with PHP's loose type rules; these helpers reproduce them
for the Python values a request can carry (None, bool, int, float, str, list, dict). A `list` or
a `dict` is a PHP array; dict keys that PHP would store as integers ("0", "-3") count as such.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

PHP_INT_MAX = 2**63 - 1
PHP_INT_MIN = -(2**63)

# PHP's non-UTF8 PCRE `\s` and the whitespace `is_numeric()` skips: space, \t, \n, \v, \f, \r.
WS = " \t\n\x0b\x0c\r"
_NUMERIC = re.compile(
    r"[ \t\n\x0b\x0c\r]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\x0b\x0c\r]*"
)
_NUMERIC_PREFIX = re.compile(
    r"[ \t\n\x0b\x0c\r]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
)
_INT_KEY = re.compile(r"0|-?[1-9][0-9]*")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def strtolower(text: str) -> str:
    """PHP 8.2's `strtolower()`: ASCII letters only."""
    return text.translate(_ASCII_LOWER)


def is_array(value: Any) -> bool:
    """`is_array()`: lists and dicts are both PHP arrays."""
    return isinstance(value, list | dict)


def is_scalar(value: Any) -> bool:
    """`is_scalar()`: bool, int, float and string (not null, not arrays)."""
    return isinstance(value, bool | int | float | str)


def is_numeric(value: Any) -> bool:
    """`is_numeric()` as of PHP 8: ints, floats and numeric strings (whitespace around allowed)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and _NUMERIC.fullmatch(value) is not None


def is_empty(value: Any) -> bool:
    """PHP's `empty()`: null, false, 0, 0.0, "", "0" and empty arrays."""
    if value is None or value is False:
        return True
    if isinstance(value, int | float):
        return value == 0
    if isinstance(value, str):
        return value in ("", "0")
    if isinstance(value, list | dict):
        return not value
    return False


def php_key(key: str | int) -> str | int:
    """The key PHP stores for an array key: canonical decimal strings become integers."""
    if isinstance(key, int):
        return key
    if _INT_KEY.fullmatch(key) and PHP_INT_MIN <= int(key) <= PHP_INT_MAX:
        return int(key)
    return key


def items(value: list[Any] | dict[Any, Any]) -> list[tuple[str, Any]]:
    """The (key, value) pairs of a PHP array, keys as the strings PHP would print."""
    if isinstance(value, list):
        return [(str(i), v) for i, v in enumerate(value)]
    return [(str(k), v) for k, v in value.items()]


def is_numeric_array(value: Any) -> bool:
    """`wp_is_numeric_array()`: an array whose keys are all integers."""
    if isinstance(value, list):
        return True
    if isinstance(value, dict):
        return all(isinstance(php_key(k), int) for k in value)
    return False


def as_php_array(pairs: Iterable[tuple[str, Any]], was_list: bool) -> list[Any] | dict[str, Any]:
    """Rebuild a PHP array from pairs: a list when it came from one and is still 0..n-1."""
    pairs = list(pairs)
    if was_list and all(k == str(i) for i, (k, _) in enumerate(pairs)):
        return [v for _, v in pairs]
    return dict(pairs)


def _dval_to_lval(d: float) -> int:
    """`zend_dval_to_lval`: truncation, modular for out-of-range values, 0 for NaN/INF."""
    if not math.isfinite(d):
        return 0
    if PHP_INT_MIN <= d < 2.0**63:
        return int(d)
    dmod = math.fmod(d, 2.0**64)
    if dmod < 0:
        dmod += 2.0**64
    if dmod >= 2.0**63:
        dmod -= 2.0**64
    return int(dmod)


def page_offset(page: int, per_page: int) -> int:
    """`absint( ( $page - 1 ) * $per_page )`, the offset WordPress's queries compute for a page.

    PHP's product leaves the integer range as a float, which `(int)` wraps modulo 2**64; a
    page past that range is not an error in WordPress, just some other offset.
    """
    product = (page - 1) * per_page
    if not PHP_INT_MIN <= product <= PHP_INT_MAX:
        product = _dval_to_lval(float(product))
    return min(abs(product), PHP_INT_MAX)


def _dval_to_lval_cap(d: float) -> int:
    """`zend_dval_to_lval_cap`: used for numeric strings, saturating instead of wrapping."""
    if not math.isfinite(d):
        return 0
    if d >= 2.0**63:
        return PHP_INT_MAX
    if d < -(2.0**63):
        return PHP_INT_MIN
    return int(d)


def to_int(value: Any) -> int:
    """PHP's `(int)` cast: `(int) "12abc"` is 12, `(int) "abc"` is 0, `(int) "1e3"` is 1000."""
    # The common cases first: an int, and the plain digits of an id in a URL.
    if type(value) is int:
        return value
    if type(value) is str and len(value) < 19 and value.isascii() and value.isdigit():
        return int(value)
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _dval_to_lval(value)
    if isinstance(value, str):
        m = _NUMERIC_PREFIX.match(value)
        if m is None:
            return 0
        text = m.group(1)
        if not any(c in text for c in ".eE"):
            n = int(text)
            if PHP_INT_MIN <= n <= PHP_INT_MAX:
                return n
            return PHP_INT_MAX if n > 0 else PHP_INT_MIN
        return _dval_to_lval_cap(float(text))
    if isinstance(value, list | dict):
        return 1 if value else 0
    return 1


def to_array(value: Any) -> list[Any]:
    """The values PHP's `(array)` cast gives to iterate over: a map's values, a scalar alone."""
    if value is None:
        return []
    if isinstance(value, dict):
        return list(value.values())
    if isinstance(value, list):
        return value
    return [value]


def to_float(value: Any) -> float:
    """PHP's `(float)` cast: the numeric prefix of a string, else 0.0."""
    if value is None:
        return 0.0
    if isinstance(value, bool | int | float):
        return float(value)
    if isinstance(value, str):
        m = _NUMERIC_PREFIX.match(value)
        return float(m.group(1)) if m else 0.0
    if isinstance(value, list | dict):
        return 1.0 if value else 0.0
    return 1.0


def to_number(value: Any) -> int | float:
    """The number PHP compares a numeric value as: an int when it fits, else a float."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    text = str(value).strip(WS)
    if re.fullmatch(r"[+-]?[0-9]+", text):
        n = int(text)
        if PHP_INT_MIN <= n <= PHP_INT_MAX:
            return n
    return to_float(text)


def compare(a: int | float, b: int | float) -> int:
    """PHP 8's `<=>` for two numbers (an int and a float compare as floats)."""
    if isinstance(a, int) and isinstance(b, int):
        return (a > b) - (a < b)
    fa, fb = float(a), float(b)
    return (fa > fb) - (fa < fb)


def float_to_str(value: float, precision: int = 14) -> str:
    """A float as PHP's `(string)` cast prints it (the `precision` ini setting, 14)."""
    if math.isnan(value):
        return "NAN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    if value == 0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    text = f"{value:.{precision}G}"
    if "E" not in text:
        return text
    mantissa, exponent = text.split("E")
    if "." not in mantissa:
        mantissa += ".0"
    sign = "-" if exponent.startswith("-") else "+"
    return f"{mantissa}E{sign}{int(exponent.lstrip('+-'))}"


def to_str(value: Any) -> str:
    """PHP's `(string)` cast."""
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return float_to_str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list | dict):
        return "Array"
    return str(value)


def to_bool(value: Any) -> bool:
    """PHP's `(bool)` cast."""
    return not (
        value is None
        or value is False
        or (isinstance(value, int | float) and value == 0)
        or (isinstance(value, str) and value in ("", "0"))
        or (isinstance(value, list | dict) and not value)
    )


def number_format(value: int | float) -> str:
    """`number_format_i18n()` for en_US: rounded to an integer, thousands separated by ","."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return float_to_str(value)
        value = math.floor(abs(value) + 0.5) * (1 if value >= 0 else -1)
    text = f"{abs(value):,}"
    return f"-{text}" if value < 0 else text


def n_(single: str, plural: str, count: Any) -> str:
    """`_n()` with no translation loaded: the singular only for a count of exactly 1."""
    return single if to_int(count) == 1 else plural


_DIRECTIVE = re.compile(r"%(?:(\d+)\$)?s")


def sprintf(template: str, *args: str) -> str:
    """`sprintf()` for templates made of `%s` and `%1$s` directives only."""
    position = iter(range(len(args)))

    def sub(m: re.Match[str]) -> str:
        index = int(m.group(1)) - 1 if m.group(1) else next(position)
        return args[index]

    return _DIRECTIVE.sub(sub, template)


def sprintf_list(items_: list[str]) -> str:
    """The `%l` directive of `wp_sprintf()`: "a", "a and b", "a, b, and c"."""
    if not items_:
        return ""
    if len(items_) == 2:
        return f"{items_[0]} and {items_[1]}"
    if len(items_) > 2:
        return ", ".join(items_[:-1]) + ", and " + items_[-1]
    return items_[0]
