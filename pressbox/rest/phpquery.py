"""Query strings as PHP reads and writes them: `a[]=1&a[k]=2` arrays, `add_query_arg`.

WordPress sees `$_GET` as PHP parsed it, and builds its pagination links with `add_query_arg`;
both are reproduced here so that parameters and `Link` headers match byte for byte.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import Any
from urllib.parse import quote, quote_plus, unquote_plus

QueryValue = str | list[Any] | dict[str, Any]

_BRACKETS = re.compile(r"\[([^\]]*)\]")
_CACHED_QUERY_LENGTH = 512  # longer query strings are parsed each time, not kept


def _php_key(name: str) -> tuple[str, list[str]]:
    """Split `a[b][]` into `a` and `["b", ""]` the way PHP's parser does."""
    first = name.find("[")
    if first <= 0:
        base, rest = name, ""
    else:
        base, rest = name[:first], name[first:]
    # PHP turns spaces and dots in the top-level name into underscores.
    base = base.replace(".", "_").replace(" ", "_")
    subs: list[str] = []
    pos = 0
    while pos < len(rest):
        m = _BRACKETS.match(rest, pos)
        if m is None:
            break
        subs.append(m.group(1))
        pos = m.end()
    if rest and not subs:
        # An unmatched `[` is kept, with PHP's `[` → `_` replacement of the first one.
        base = base + "_" + rest[1:]
    return base, subs


def parse_query(qs: str) -> dict[str, QueryValue]:
    """Parse a raw query string into PHP's `$_GET` structure (lists for `[]`).

    The same query strings recur (links, embeds, clients' lists): parses are memoised and
    each caller gets its own copy to change.
    """
    if not qs:
        return {}
    if len(qs) > _CACHED_QUERY_LENGTH:
        return _parse_query(qs)
    parsed, flat = _parse_query_cached(qs)
    return dict(parsed) if flat else copy.deepcopy(parsed)


@lru_cache(maxsize=2048)
def _parse_query_cached(qs: str) -> tuple[dict[str, QueryValue], bool]:
    parsed = _parse_query(qs)
    return parsed, all(isinstance(v, str) for v in parsed.values())


def _parse_query(qs: str) -> dict[str, QueryValue]:
    result: dict[str, Any] = {}
    if not qs:
        return result
    for pair in qs.split("&"):
        if not pair:
            continue
        raw_key, _, raw_value = pair.partition("=")
        key = unquote_plus(raw_key)
        value = unquote_plus(raw_value)
        if not key:
            continue
        base, subs = _php_key(key)
        if not base:
            continue
        if not subs:
            result[base] = value
            continue
        container = result.get(base)
        if not isinstance(container, dict):
            container = {}
            result[base] = container
        node: dict[str, Any] = container
        for i, sub in enumerate(subs):
            last = i == len(subs) - 1
            if sub == "":
                ints: list[int] = [k for k in node if isinstance(k, int)]  # type: ignore[misc]
                sub_key: Any = (max(ints) + 1) if ints else 0
            else:
                sub_key = (
                    int(sub) if sub.isdigit() and (sub == "0" or not sub.startswith("0")) else sub
                )
            if last:
                node[sub_key] = value
            else:
                child = node.get(sub_key)
                if not isinstance(child, dict):
                    child = {}
                    node[sub_key] = child
                node = child
    return {k: _listify(v) for k, v in result.items()}


def _listify(value: Any) -> Any:
    """PHP arrays with keys 0..n-1 become lists; others stay dicts with string keys."""
    if not isinstance(value, dict):
        return value
    items = {k: _listify(v) for k, v in value.items()}
    if list(items.keys()) == list(range(len(items))):
        return list(items.values())
    return {str(k): v for k, v in items.items()}


def _php_urlencode(value: str) -> str:
    """PHP's `urlencode`: spaces as `+`, `~` encoded? No: PHP leaves `-_.` and encodes `~`."""
    return quote_plus(value, safe="-_.").replace("~", "%7E")


def _php_rawurlencode(value: str) -> str:
    return quote(value, safe="-_.~")


def urlencode_deep(value: Any) -> Any:
    if isinstance(value, list):
        return [urlencode_deep(v) for v in value]
    if isinstance(value, dict):
        return {k: urlencode_deep(v) for k, v in value.items()}
    if isinstance(value, bool):
        return "1" if value else ""
    return _php_urlencode(str(value))


def http_build_query(data: Any, key: str = "") -> list[str]:
    """WordPress's `_http_build_query` without encoding (values are already encoded)."""
    out: list[str] = []
    items = enumerate(data) if isinstance(data, list) else data.items()
    for k, v in items:
        name = f"{key}%5B{k}%5D" if key else str(k)
        if v is None:
            continue
        if v is False:
            v = "0"
        if isinstance(v, list | dict):
            out.extend(http_build_query(v, name))
        else:
            out.append(f"{name}={v}")
    return out


def add_query_arg(params: dict[str, Any], url: str) -> str:
    """WordPress's `add_query_arg(array, url)`: merge, rebuild, drop empty `=`."""
    base, _, query = url.partition("?")
    existing: dict[str, Any] = {}
    if query:
        # wp_parse_str keeps the raw (encoded) pieces for parameters already in the URL.
        for k, v in parse_query(query).items():
            existing[k] = urlencode_deep(v)
    existing.update(params)
    built = "&".join(http_build_query(existing))
    result = f"{base}?{built}" if built else base
    result = result.rstrip("?")
    return re.sub(r"=(&|$)", r"\1", result)
