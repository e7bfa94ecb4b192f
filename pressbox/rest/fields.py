"""`_fields`: keep only the requested (possibly nested) keys (rest_filter_response_fields)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

Tree = dict[str, Any]  # a key maps to True (keep whole) or to a sub-tree


def parse_fields(value: Any) -> Tree:
    """Turn `id,title.rendered` into `{"id": True, "title": {"rendered": True}}`."""
    if isinstance(value, list):
        names = [str(v) for v in value]
    elif isinstance(value, dict):
        names = [str(v) for v in value.values()]
    else:
        names = [p for p in re.split(r"[\s,]+", str(value)) if p]
    tree: Tree = {}
    for name in (n.strip() for n in names):
        parts = name.split(".")
        ref = tree
        while len(parts) > 1:
            head = parts.pop(0)
            if ref.get(head) is True:
                # WordPress's `break 2` here stops reading the remaining fields entirely.
                return tree
            nxt = ref.get(head)
            if not isinstance(nxt, dict):
                nxt = {}
                ref[head] = nxt
            ref = nxt
        ref[parts[0]] = True
    return tree


def _intersect(data: Any, tree: Tree) -> Any:
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for key, value in data.items():
        want = tree.get(key)
        if want is None:
            continue
        if isinstance(want, dict) and isinstance(value, dict):
            out[key] = _intersect(value, want)
        else:
            out[key] = value
    # An empty PHP array is encoded as `[]`.
    return out if out else []


def filter_fields(data: Any, tree: Tree) -> Any:
    if isinstance(data, list):
        return [_intersect(item, tree) for item in data]
    return _intersect(data, tree)


def field_list(value: Any) -> list[str]:
    """The flat `_fields` list that controllers use to skip work (get_fields_for_response)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value]
    return [p.strip() for p in re.split(r"[\s,]+", str(value)) if p.strip()]


def is_field_included(field: str, fields: list[str]) -> bool:
    """rest_is_field_included."""
    if field in fields:
        return True
    for accepted in fields:
        if accepted.startswith(field + ".") or field.startswith(accepted + "."):
            return True
    return False


@lru_cache(maxsize=16384)
def included(field: str, fields: tuple[str, ...]) -> bool:
    """is_field_included for a field list seen before (the same few lists recur)."""
    return is_field_included(field, list(fields))


class FieldSet(dict[str, bool]):
    """`rest_is_field_included` over one request's fields, as a memoising mapping.

    `fields["title.raw"]` answers whether the field is wanted; controllers ask it for every
    item and field, so answers are computed once per request (a dict lookup afterwards).
    """

    def __init__(self, fields: list[str], hidden: frozenset[str] = frozenset()) -> None:
        """`hidden`: dotted paths of nested properties outside the request's context."""
        super().__init__(dict.fromkeys(hidden, False))
        self.fields = fields
        self._key = tuple(fields)

    def __missing__(self, field: str) -> bool:
        value = self[field] = included(field, self._key)
        return value

    def __call__(self, field: str) -> bool:
        return self[field]


_SHARED: dict[tuple[tuple[str, ...], frozenset[str]], FieldSet] = {}
_SHARED_LIMIT = 1024


def field_set(fields: list[str], hidden: frozenset[str] = frozenset()) -> FieldSet:
    """The FieldSet for these fields, shared across requests (its answers never change)."""
    key = (tuple(fields), hidden)
    found = _SHARED.get(key)
    if found is None:
        if len(_SHARED) >= _SHARED_LIMIT:
            _SHARED.clear()
        found = _SHARED[key] = FieldSet(fields, hidden)
    return found
