"""Request-wide counters (`wp_unique_id`, the gallery/audio/video instance numbers).

WordPress numbers some ids with static counters that run across a whole request, so the same
post renders `wp-block-gallery-1` alone but `wp-block-gallery-3` as the third gallery of a list.
To keep rendered HTML cacheable per post, steps emit a placeholder that records the counter and
the call order within the post; `Counters.resolve` numbers them when the response is built.

WordPress also advances some counters without printing the number (a `[gallery]` without
images, a block that renders nothing): `consume` emits a silent placeholder, which resolves to
nothing but still counts, so later numbers in the request stay right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressbox.content.context import RenderContext

_OPEN, _SEP, _SILENT, _CLOSE = "\ue000", "\ue002", "\ue003", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}([a-z_]+)([{_SEP}{_SILENT}])(\\d+){_CLOSE}")

UNIQUE_ID = "unique_id"  # wp_unique_id's counter, shared by every prefix


def _next(ctx: RenderContext, counter: str) -> int:
    seen: dict[str, int] = ctx.state.setdefault("_counters", {})
    seen[counter] = seen.get(counter, 0) + 1
    return seen[counter]


def next_number(ctx: RenderContext, counter: str = UNIQUE_ID) -> str:
    """A placeholder for the next value of `counter` (1, 2, …) in this request."""
    return f"{_OPEN}{counter}{_SEP}{_next(ctx, counter)}{_CLOSE}"


def consume(ctx: RenderContext, counter: str = UNIQUE_ID) -> str:
    """Advance `counter` without printing: a placeholder that resolves to ''."""
    return f"{_OPEN}{counter}{_SILENT}{_next(ctx, counter)}{_CLOSE}"


def silence(placeholder: str) -> str:
    """The silent form of a `next_number` placeholder: counted, printed as ''."""
    return placeholder.replace(_SEP, _SILENT)


def unique_id(ctx: RenderContext, prefix: str = "") -> str:
    """wp_unique_id($prefix)."""
    return prefix + next_number(ctx, UNIQUE_ID)


def has_placeholders(text: str) -> bool:
    return _OPEN in text


@dataclass
class Counters:
    """The counters of one request; resolves the placeholders of each rendered field in turn."""

    values: dict[str, int] = field(default_factory=dict)

    def resolve(self, text: str) -> str:
        if _OPEN not in text:
            return text
        used: dict[str, int] = {}

        def number(m: re.Match[str]) -> str:
            name, local = m.group(1), int(m.group(3))
            used[name] = max(used.get(name, 0), local)
            if m.group(2) == _SILENT:
                return ""
            return str(self.values.get(name, 0) + local)

        out = _PLACEHOLDER.sub(number, text)
        for name, count in used.items():
            self.values[name] = self.values.get(name, 0) + count
        return out
