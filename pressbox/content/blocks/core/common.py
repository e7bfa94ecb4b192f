"""Small helpers the theme block renderers share."""

from __future__ import annotations

from typing import Any

from pressbox.content.context import RenderContext

__all__ = ["as_dict", "has_link_color", "human_time_diff", "kses_post", "now_timestamp"]


def as_dict(value: Any) -> dict[str, Any]:
    """`value` when it is a JSON object, else an empty one (PHP's `?? array()` reads)."""
    return value if isinstance(value, dict) else {}


def has_link_color(attrs: dict[str, Any]) -> bool:
    """`isset( $attributes['style']['elements']['link']['color']['text'] )`."""
    link = as_dict(as_dict(as_dict(attrs.get("style")).get("elements")).get("link"))
    return as_dict(link.get("color")).get("text") is not None


def kses_post(ctx: RenderContext, html: str) -> str:
    """`wp_kses_post()` through `ctx.state["wp_kses_post"]` (unfiltered without it)."""
    kses = ctx.state.get("wp_kses_post")
    return str(kses(html)) if callable(kses) else html


def _php_round(value: float) -> int:
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


def human_time_diff(start: float, end: float) -> str:
    """`human_time_diff()`: the distance between two timestamps in the largest fitting unit."""
    diff = int(abs(end - start))
    units = (
        (365 * 86400, "year", "years"),
        (30 * 86400, "month", "months"),
        (7 * 86400, "week", "weeks"),
        (86400, "day", "days"),
        (3600, "hour", "hours"),
        (60, "min", "mins"),
    )
    for size, one, many in units:
        if diff >= size:
            count = max(_php_round(diff / size), 1)
            return f"{count} {one if count == 1 else many}"
    seconds = max(diff, 1)
    return f"{seconds} {'second' if seconds == 1 else 'seconds'}"


def now_timestamp(ctx: RenderContext) -> float:
    """The current time (`ctx.state["now"]` when a test or caller fixes it)."""
    from datetime import UTC, datetime

    now = ctx.state.get("now")
    return (now if isinstance(now, datetime) else datetime.now(UTC)).timestamp()
