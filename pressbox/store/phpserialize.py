"""PHP's `serialize()` / `unserialize()` format, as WordPress stores it in meta and options.

WordPress writes arrays and objects into `meta_value` / `option_value` with PHP's `serialize()`
and reads them back with `maybe_unserialize()` (wp-includes/functions.php). PHP strings are
byte strings, so every length in the format counts UTF-8 bytes; this module works on bytes and
decodes strings with `surrogateescape`, so that any input — even a string cut inside a
multibyte character — serializes back byte for byte.

Mapping between PHP and Python:

- `N;` ↔ `None`, `b:` ↔ `bool`, `i:` ↔ `int`, `d:` ↔ `float`, `s:` ↔ `str`;
- arrays (`a:`) decode to `dict` with `int`/`str` keys in PHP's order (`is_list` tells whether
  one is a PHP "list"); `list`/`tuple` serialize as arrays keyed 0…n-1;
- objects (`O:`) ↔ `PHPObject`; `C:` (Serializable) ↔ `PHPCustomObject`; enums (`E:`) ↔
  `PHPEnum`; back-references (`r:`/`R:`) ↔ `PHPReference`, kept unresolved so that they
  re-serialize as they were.

Keys keep the type they were written with: a `str` key `"5"` stays `s:1:"5"` although PHP
would turn it into `i:5`, because the goal is byte-exact round-trips of stored data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = [
    "PHPCustomObject",
    "PHPEnum",
    "PHPObject",
    "PHPReference",
    "PHPSerializeError",
    "dumps",
    "format_float",
    "is_list",
    "is_serialized",
    "loads",
    "maybe_serialize",
    "maybe_unserialize",
]


class PHPSerializeError(ValueError):
    """The data is not well-formed output of PHP's `serialize()`."""


@dataclass(slots=True)
class PHPObject:
    """An object (`O:`): its class name and its properties in order.

    Private and protected property names keep PHP's mangling (`"\\0Class\\0name"`,
    `"\\0*\\0name"`).
    """

    class_name: str
    properties: dict[int | str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PHPCustomObject:
    """An object of a class implementing `Serializable` (`C:`): its own opaque payload."""

    class_name: str
    payload: str


@dataclass(frozen=True, slots=True)
class PHPEnum:
    """A PHP 8.1 enum case (`E:`)."""

    class_name: str
    case: str


@dataclass(frozen=True, slots=True)
class PHPReference:
    """A back-reference to the n-th value (1-based) of the same payload: `R:` or `r:`."""

    index: int
    by_reference: bool = True


# --------------------------------------------------------------------------- decoding

# PHP's unserializer grammar (ext/standard/var_unserializer.re) for `d:`: digits with an
# optional sign, fraction and exponent, or NAN / INF / -INF. Python's float() alone is laxer.
_FLOAT = re.compile(rb"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|NAN|-?INF")

_N, _B, _I, _D, _S, _A, _O, _C, _E, _R, _LR = b"NbidsaOCERr"
_SEMI, _COLON, _QUOTE, _OPEN, _CLOSE = b';:"{}'


class _Malformed(Exception):
    """Raised inside the parser; `loads` turns it (and IndexError) into PHPSerializeError."""


def _uint(data: bytes, start: int, stop: bytes) -> tuple[int, int]:
    """Read unsigned decimal digits up to `stop`; return the number and the stop index."""
    end = data.find(stop, start)
    digits = data[start:end]
    # isdigit() first: int() would also take spaces, signs and underscores.
    if end < 0 or not digits.isdigit():
        raise _Malformed(start, "expected an unsigned integer")
    return int(digits), end


def _text(data: bytes, pos: int) -> tuple[str, int]:
    """Read `N:"…"` (what follows a type letter and colon); return the text and the index
    just past the closing quote."""
    length, colon = _uint(data, pos, b":")
    start = colon + 2
    end = start + length
    if data[colon + 1] != _QUOTE or data[end] != _QUOTE:
        raise _Malformed(pos, "string length does not match")
    return data[start:end].decode("utf-8", "surrogateescape"), end + 1


def _value(data: bytes, pos: int) -> tuple[Any, int]:
    """Decode one value starting at `pos`; return it and the index after it.

    Reading past the end raises IndexError, which `loads` reports as malformed data; that
    saves a bounds check on every separator.
    """
    tag = data[pos]
    if tag == _N:
        if data[pos + 1] != _SEMI:
            raise _Malformed(pos, "bad null")
        return None, pos + 2
    if data[pos + 1] != _COLON:
        raise _Malformed(pos, "expected ':'")
    start = pos + 2
    if tag == _S:
        text, end = _text(data, start)
        if data[end] != _SEMI:
            raise _Malformed(end, "expected ';' after string")
        return text, end + 1
    if tag == _I:
        end = data.find(b";", start)
        digits = data[start:end]
        unsigned = digits[1:] if digits[:1] in (b"+", b"-") else digits
        if end < 0 or not unsigned.isdigit():
            raise _Malformed(start, "bad integer")
        return int(digits), end + 1
    if tag == _A:
        count, colon = _uint(data, start, b":")
        if data[colon + 1] != _OPEN:
            raise _Malformed(colon, "expected '{'")
        return _members(data, colon + 2, count)
    if tag == _B:
        flag = data[start : start + 2]
        if flag == b"1;":
            return True, start + 2
        if flag == b"0;":
            return False, start + 2
        raise _Malformed(pos, "bad boolean")
    if tag == _D:
        end = data.find(b";", start)
        if end < 0 or not _FLOAT.fullmatch(data, start, end):
            raise _Malformed(start, "bad float")
        return float(data[start:end]), end + 1
    if tag in (_O, _C):
        class_name, end = _text(data, start)
        count, colon = _uint(data, end + 1, b":")
        if data[end] != _COLON or data[colon + 1] != _OPEN:
            raise _Malformed(end, "bad object header")
        if tag == _C:
            close = colon + 2 + count
            if data[close] != _CLOSE:
                raise _Malformed(close, "custom object length does not match")
            payload = data[colon + 2 : close].decode("utf-8", "surrogateescape")
            return PHPCustomObject(class_name, payload), close + 1
        properties, end = _members(data, colon + 2, count)
        return PHPObject(class_name, properties), end
    if tag == _E:
        name, end = _text(data, start)
        class_name, sep, case = name.partition(":")
        if not sep or data[end] != _SEMI:
            raise _Malformed(start, "bad enum")
        return PHPEnum(class_name, case), end + 1
    if tag in (_R, _LR):
        index, end = _uint(data, start, b";")
        return PHPReference(index, tag == _R), end + 1
    raise _Malformed(pos, f"unknown type {chr(tag)!r}")


def _members(data: bytes, pos: int, count: int) -> tuple[dict[int | str, Any], int]:
    """Decode `count` key/value pairs and the closing brace of an array or object."""
    items: dict[int | str, Any] = {}
    for _ in range(count):
        if data[pos] not in (_S, _I):
            raise _Malformed(pos, "array key must be an integer or a string")
        key, pos = _value(data, pos)
        items[key], pos = _value(data, pos)
    if data[pos] != _CLOSE:
        raise _Malformed(pos, "expected '}'")
    return items, pos + 1


def loads(data: str | bytes) -> Any:
    """Decode serialized PHP; raise `PHPSerializeError` on malformed or trailing data."""
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    try:
        value, end = _value(raw, 0)
    except _Malformed as exc:
        pos, what = exc.args
        raise PHPSerializeError(f"{what} at offset {pos}") from None
    except IndexError:
        raise PHPSerializeError("unexpected end of data") from None
    except RecursionError:
        raise PHPSerializeError("nested too deeply") from None
    if end != len(raw):
        raise PHPSerializeError(f"trailing data at offset {end}")
    return value


# --------------------------------------------------------------------------- encoding


def format_float(value: float, precision: int = -1) -> str:
    """Format a float as PHP's `php_gcvt` does: `serialize()` with `serialize_precision = -1`
    by default, or `(string)` casts with `precision = 14`.

    With -1 PHP prints the shortest round-trip digits (Python's `repr`); otherwise it rounds
    to `precision` significant digits. Positional notation is used while the decimal exponent
    fits, else `1.5E+25` / `1.0E-5`.
    """
    if math.isnan(value):
        return "NAN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    if value == 0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    sign = "-" if value < 0 else ""
    if precision < 1:
        precision = 17  # php_gcvt's mode 0 threshold
        mantissa, _, exp_text = repr(abs(value)).partition("e")
    else:
        mantissa, _, exp_text = f"{abs(value):.{precision - 1}e}".partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    # decpt: the value is 0.DIGITS x 10**decpt, as zend_dtoa reports it.
    decpt = len(whole) + int(exp_text or 0)
    if whole == "0":
        decpt -= len(fraction) - len(fraction.lstrip("0")) + 1
    digits = digits.rstrip("0") or "0"
    if decpt < -3 or decpt > precision:
        head, tail = digits[0], digits[1:] or "0"
        exponent = decpt - 1
        return f"{sign}{head}.{tail}E{'+' if exponent >= 0 else '-'}{abs(exponent)}"
    if decpt <= 0:
        return f"{sign}0.{'0' * -decpt}{digits}"
    if len(digits) <= decpt:
        return sign + digits + "0" * (decpt - len(digits))
    return f"{sign}{digits[:decpt]}.{digits[decpt:]}"


def _key(key: Any, out: Callable[[bytes], Any]) -> None:
    if isinstance(key, int):  # bool keys are ints in PHP too
        out(b"i:%d;" % key)
    elif isinstance(key, str):
        raw = key.encode("utf-8", "surrogateescape")
        out(b's:%d:"%s";' % (len(raw), raw))
    else:
        raise TypeError(f"PHP array keys are int or str, not {type(key).__name__}")


def _members_out(items: dict[Any, Any], out: Callable[[bytes], Any]) -> None:
    out(b"%d:{" % len(items))
    for key, item in items.items():
        _key(key, out)
        _dump(item, out)
    out(b"}")


def _text_out(tag: bytes, text: str, out: Callable[[bytes], Any]) -> None:
    raw = text.encode("utf-8", "surrogateescape")
    out(b'%s:%d:"%s"' % (tag, len(raw), raw))


def _dump(value: Any, out: Callable[[bytes], Any]) -> None:
    if isinstance(value, str):
        raw = value.encode("utf-8", "surrogateescape")
        out(b's:%d:"%s";' % (len(raw), raw))
    elif value is None:
        out(b"N;")
    elif isinstance(value, bool):
        out(b"b:1;" if value else b"b:0;")
    elif isinstance(value, int):
        out(b"i:%d;" % value)
    elif isinstance(value, float):
        out(b"d:%s;" % format_float(value).encode())
    elif isinstance(value, dict):
        out(b"a:")
        _members_out(value, out)
    elif isinstance(value, list | tuple):
        out(b"a:")
        _members_out(dict(enumerate(value)), out)
    elif isinstance(value, bytes | bytearray):
        out(b's:%d:"%s";' % (len(value), value))
    elif isinstance(value, PHPObject):
        _text_out(b"O", value.class_name, out)
        out(b":")
        _members_out(value.properties, out)
    elif isinstance(value, PHPCustomObject):
        _text_out(b"C", value.class_name, out)
        payload = value.payload.encode("utf-8", "surrogateescape")
        out(b":%d:{%s}" % (len(payload), payload))
    elif isinstance(value, PHPEnum):
        _text_out(b"E", f"{value.class_name}:{value.case}", out)
        out(b";")
    elif isinstance(value, PHPReference):
        out(b"%s:%d;" % (b"R" if value.by_reference else b"r", value.index))
    else:
        raise TypeError(f"cannot serialize {type(value).__name__} as PHP")


def dumps(value: Any) -> str:
    """Serialize `value` exactly as PHP's `serialize()` would."""
    parts: list[bytes] = []
    _dump(value, parts.append)
    return b"".join(parts).decode("utf-8", "surrogateescape")


# --------------------------------------------------------------------------- WordPress helpers

# PHP's trim() default character set.
_PHP_TRIM = " \t\n\r\0\x0b"


def is_serialized(data: object, strict: bool = True) -> bool:
    """WordPress's `is_serialized()`: a cheap check of the shape, not of validity."""
    if not isinstance(data, str):
        return False
    data = data.strip(_PHP_TRIM)
    if data == "N;":
        return True
    if len(data) < 4 or data[1] != ":":
        return False
    if strict:
        if data[-1] not in ";}":
            return False
    else:
        semicolon, brace = data.find(";"), data.find("}")
        if (semicolon < 0 and brace < 0) or 0 <= semicolon < 3 or 0 <= brace < 4:
            return False
    token = data[0]
    if token == "s" and (data[-2] != '"' if strict else '"' not in data):
        return False
    if token in "saOE":
        return re.match(token + r":[0-9]+:", data) is not None
    if token in "bid":
        return re.match(token + r":[0-9.E+-]+;" + (r"\Z" if strict else ""), data) is not None
    return False


def maybe_unserialize(value: str) -> Any:
    """WordPress's `maybe_unserialize()`, except that it never fails: where PHP's
    `unserialize()` would return false (malformed data), the original string comes back
    untouched so that nothing is lost."""
    if not is_serialized(value):
        return value
    try:
        return loads(value.strip(_PHP_TRIM))
    except PHPSerializeError:
        return value


def maybe_serialize(value: Any) -> str:
    """WordPress's `maybe_serialize()` followed by the string cast of a database write.

    Arrays and objects are serialized, and so is a string that already looks serialized (so
    that it reads back as itself); other scalars become their PHP string form.
    """
    if isinstance(value, dict | list | tuple | PHPObject | PHPCustomObject | PHPEnum):
        return dumps(value)
    if isinstance(value, str):
        return dumps(value) if is_serialized(value, strict=False) else value
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    if isinstance(value, float):
        return format_float(value, 14)  # PHP's (string) cast follows `precision` (14)
    return str(value)


def is_list(items: dict[Any, Any]) -> bool:
    """True when a decoded PHP array is a list: keys are exactly 0, 1, …, n-1 in order."""
    return all(type(key) is int and key == n for n, key in enumerate(items))


@lru_cache(maxsize=4096)
def unserialize_shared(value: str) -> Any:
    """`maybe_unserialize()` memoised by the stored text, for hot read paths.

    The value returned is shared between callers: treat it as read-only (attachment
    metadata, read on every media item, is the case this serves).
    """
    return maybe_unserialize(value)
