"""Server-side processing of Interactivity API directives (`WP_Interactivity_API`).

When the root interactive block (one whose type supports `interactivity`) has rendered,
WordPress runs `wp_interactivity_process_directives()` over its HTML: `data-wp-bind--attr`
sets or removes attributes and `data-wp-class--name` adds or removes classes from the value
a reference (`state.x`, `context.y`, `!state.z`) has in the store's state or in the nearest
`data-wp-context`. Core blocks register no server state for what they bind, so most bindings
evaluate to null and remove the attribute (the navigation's `aria-expanded="false"`).

Known gap: `data-wp-style`, `data-wp-text`, `data-wp-each` and `data-wp-router-region` are not
processed (no core block of the oracle uses them on the server); their markup is left as is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pressbox.content.blocks.html_scan import VOID_ELEMENTS
from pressbox.content.blocks.html_tags import TagProcessor

__all__ = ["process_directives"]

# The server-side processors in WordPress's order (`$directive_processors`).
_PROCESSORS = (
    "data-wp-interactive",
    "data-wp-router-region",
    "data-wp-context",
    "data-wp-bind",
    "data-wp-class",
    "data-wp-style",
    "data-wp-text",
    "data-wp-each",
)
_HANDLED = frozenset({"data-wp-interactive", "data-wp-context", "data-wp-bind", "data-wp-class"})
_NO_CLOSER_VISIT = frozenset(
    {"SCRIPT", "IFRAME", "NOEMBED", "NOFRAMES", "STYLE", "TEXTAREA", "TITLE", "XMP"}
)
_VALID_NAME = re.compile(r"^[a-zA-Z0-9\-_]+$")
_NAMESPACED = re.compile(r"^([\w\-_/]+)::.")
_NAMESPACE = re.compile(r"^([\w\-_/]+)")


@dataclass(frozen=True)
class _Directive:
    prefix: str
    suffix: str | None
    unique_id: str | None


@dataclass
class _Stacks:
    state: Mapping[str, Any]
    namespaces: list[Any] = field(default_factory=list)
    contexts: list[dict[str, Any]] = field(default_factory=list)


def parse_directive_name(name: str) -> _Directive | None:
    """`parse_directive_name()`: prefix, `--suffix` and `---unique-id` of `data-wp-…`."""
    rest = name[8:]
    if not _VALID_NAME.match(rest):
        return None
    at = rest.find("--")
    if at == 0 or rest[0] == "-":
        return None
    if at == -1:
        return _Directive(rest, None, None)
    prefix, remaining = rest[:at], rest[at:]
    dashes = len(remaining) - len(remaining.lstrip("-"))
    if dashes == 3:
        uid = remaining[3:]
        return _Directive(prefix, None, uid or None)
    suffix = remaining[2:]
    uid_at = suffix.find("---")
    if uid_at != -1 and suffix[uid_at + 3 : uid_at + 4] != "-":
        uid = suffix[uid_at + 3 :]
        suffix = suffix[:uid_at]
        return _Directive(prefix, suffix or None, uid or None)
    return _Directive(prefix, suffix or None, None)


def _extract_value(value: str | bool, default_namespace: Any) -> tuple[Any, Any]:
    """`extract_directive_value()`: (namespace, reference path or decoded JSON)."""
    if value is True or value is False or value == "":
        return default_namespace, None
    if _NAMESPACED.match(value):
        default_namespace, value = value.split("::", 1)
    try:
        decoded = json.loads(value)
    except ValueError:
        return default_namespace, value
    return default_namespace, (decoded if decoded is not None or value == "null" else value)


def _entries(p: TagProcessor, stacks: _Stacks, prefix: str) -> list[tuple[Any, Any, _Directive]]:
    names = p.get_attribute_names_with_prefix("data-wp-" + prefix) or []
    default = stacks.namespaces[-1] if stacks.namespaces else None
    if not isinstance(default, str):
        default = None
    out: list[tuple[Any, Any, _Directive]] = []
    for name in names:
        parsed = parse_directive_name(name)
        if parsed is None or parsed.prefix != prefix:
            continue
        raw = p.get_attribute(name)
        if raw is None:
            continue
        namespace, value = _extract_value(raw, default)
        out.append((namespace, value, parsed))
    out.sort(key=lambda e: (e[2].suffix or "", e[2].unique_id or ""))
    return out


def _evaluate(stacks: _Stacks, namespace: Any, path: Any) -> Any:
    if not namespace or not isinstance(path, str) or not path:
        return None
    context = stacks.contexts[-1] if stacks.contexts else {}
    state = stacks.state.get(namespace, {})
    current: Any = {"state": state, "context": context.get(namespace, {})}
    negate = path.startswith("!")
    if negate:
        path = path[1:]
    for segment in path.split("."):
        if segment == "length" and isinstance(current, list):
            current = len(current)
            break
        if segment == "length" and isinstance(current, str):
            current = len(current.encode())
            break
        if isinstance(current, Mapping) and current.get(segment) is not None:
            current = current[segment]
        elif isinstance(current, list) and segment.isdigit() and int(segment) < len(current):
            current = current[int(segment)]
        else:
            current = None
            break
    return (not current) if negate else current


def _interactive(p: TagProcessor, stacks: _Stacks, mode: str) -> None:
    if mode == "exit":
        if stacks.namespaces:
            stacks.namespaces.pop()
        return
    value = p.get_attribute("data-wp-interactive")
    namespace: Any = None
    if isinstance(value, str) and value:
        try:
            decoded = json.loads(value)
        except ValueError:
            decoded = None
        namespace = decoded.get("namespace") if isinstance(decoded, dict) else value
    if namespace and isinstance(namespace, str) and _NAMESPACE.match(namespace):
        stacks.namespaces.append(namespace)
    else:
        stacks.namespaces.append(stacks.namespaces[-1] if stacks.namespaces else False)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`array_replace_recursive()` for JSON objects."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _context(p: TagProcessor, stacks: _Stacks, mode: str) -> None:
    if mode == "exit":
        if stacks.contexts:
            stacks.contexts.pop()
        return
    context = stacks.contexts[-1] if stacks.contexts else {}
    for namespace, value, directive in _entries(p, stacks, "context"):
        if directive.suffix is not None or namespace is None:
            continue
        context = _merge(context, {namespace: value if isinstance(value, dict) else {}})
    stacks.contexts.append(context)


def _json_number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    return json.dumps(value)


def _bind(p: TagProcessor, stacks: _Stacks, mode: str) -> None:
    if mode != "enter":
        return
    for namespace, value, directive in _entries(p, stacks, "bind"):
        suffix = directive.suffix
        if not suffix or directive.unique_id is not None or suffix.startswith("on"):
            continue
        result = _evaluate(stacks, namespace, value)
        if result is not None and not isinstance(result, str | bool | int | float):
            result = None
        elif isinstance(result, int | float) and not isinstance(result, bool):
            result = _json_number(result)
        aria_or_data = len(suffix) > 5 and suffix[4] == "-"
        if result is not None and (result is not False or aria_or_data):
            if isinstance(result, bool) and aria_or_data:
                result = "true" if result else "false"
            p.set_attribute(suffix, result)
        else:
            p.remove_attribute(suffix)


def _class(p: TagProcessor, stacks: _Stacks, mode: str) -> None:
    if mode != "enter":
        return
    for namespace, value, directive in _entries(p, stacks, "class"):
        if not directive.suffix:
            continue
        name = directive.suffix
        if directive.unique_id:
            name = f"{name}---{directive.unique_id}"
        if _evaluate(stacks, namespace, value):
            p.add_class(name)
        else:
            p.remove_class(name)


_RUN = {
    "data-wp-interactive": _interactive,
    "data-wp-context": _context,
    "data-wp-bind": _bind,
    "data-wp-class": _class,
}


def _skip_foreign(p: TagProcessor, name: str) -> None:
    """`skip_to_tag_closer()`: past the matching closer of an SVG or MATH element."""
    depth = 1
    while depth and p.next_tag(name, tag_closers=True):
        depth += -1 if p.is_tag_closer() else 1


def process_directives(html: str, state: Mapping[str, Any] | None = None) -> str:
    """`wp_interactivity_process_directives()`; the HTML unchanged when tags are unbalanced."""
    if "data-wp-" not in html:
        return html
    stacks = _Stacks(state or {})
    p = TagProcessor(html)
    tag_stack: list[tuple[str, list[str]]] = []
    while p.next_tag(tag_closers=True):
        tag = p.get_tag() or ""
        if tag in ("SVG", "MATH"):
            if not p.has_self_closing_flag():
                _skip_foreign(p, tag)
            continue
        visits_closer = tag not in VOID_ELEMENTS and tag not in _NO_CLOSER_VISIT
        if p.is_tag_closer():
            if not tag_stack or tag_stack[-1][0] != tag:
                return html
            prefixes = tag_stack.pop()[1]
        else:
            prefixes = []
            for name in p.get_attribute_names_with_prefix("data-wp-") or []:
                parsed = parse_directive_name(name)
                if parsed is not None and f"data-wp-{parsed.prefix}" in _PROCESSORS:
                    prefixes.append(f"data-wp-{parsed.prefix}")
            if visits_closer:
                tag_stack.append((tag, prefixes))
        if not prefixes:
            continue
        modes = (
            ("enter", not p.is_tag_closer()),
            ("exit", p.is_tag_closer() or not visits_closer),
        )
        for mode, run in modes:
            if not run:
                continue
            order = _PROCESSORS if mode == "enter" else tuple(reversed(_PROCESSORS))
            for prefix in order:
                if prefix in prefixes and prefix in _HANDLED:
                    _RUN[prefix](p, stacks, mode)
    if tag_stack:
        return html
    return p.get_updated_html()
