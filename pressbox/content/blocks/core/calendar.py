"""The calendar block: `render_block_core_calendar()` with `get_calendar()`.

The month shown is the block's `month`/`year` or the current month: `ctx.state["now"]` (an
aware `datetime`) when set, else the clock in the site's timezone — WordPress's output changes
with the date too. Days with posts come from `ctx.data.post_days(year, month)` and the
previous/next months from `ctx.data.monthly_archives()` (`SiteData`).
"""

from __future__ import annotations

import calendar as pycalendar
from datetime import datetime
from typing import Any

from pressbox.content.blocks.core.archives import month_link
from pressbox.content.blocks.css import style_engine_get_styles
from pressbox.content.blocks.data import site_method
from pressbox.content.blocks.phpdate import _DAYS, _MONTHS, site_timezone
from pressbox.content.blocks.registry import BlockModule
from pressbox.content.blocks.types import Block
from pressbox.content.context import RenderContext
from pressbox.content.escaping import esc_attr

__all__ = ["MODULE", "get_calendar"]

# `WP_Locale` weekdays, Sunday first.
_WEEKDAYS = (_DAYS[6], *_DAYS[:6])


def _week_mod(num: int) -> int:
    return num - 7 * (num // 7)


def _now(ctx: RenderContext) -> datetime:
    now = ctx.state.get("now")
    if isinstance(now, datetime):
        return now
    return datetime.now(site_timezone(ctx.data.option))


def _day_link(ctx: RenderContext, year: int, month: int, day: int) -> str:
    home = ctx.data.home_url()
    if ctx.data.option("permalink_structure", ""):
        return f"{home}/{year}/{month:02d}/{day:02d}/"
    return f"{home}/?m={year}{month:02d}{day:02d}"


def get_calendar(ctx: RenderContext, year: int, month: int) -> str:
    """`get_calendar( true, false )` for a month (initials, post type `post`)."""
    months_query = site_method(ctx, "monthly_archives")
    months = list(months_query("post")) if callable(months_query) else []
    previous = next(((m.year, m.month) for m in months if (m.year, m.month) < (year, month)), None)
    following = [(m.year, m.month) for m in months if (m.year, m.month) > (year, month)]
    nxt = min(following) if following else None
    days_query = site_method(ctx, "post_days")
    with_posts = set(days_query(year, month)) if callable(days_query) else set()
    week_begins = int(ctx.data.option("start_of_week", 0) or 0)
    now = _now(ctx)

    out = (
        '<table id="wp-calendar" class="wp-calendar-table">\n'
        f"\t<caption>{_MONTHS[month - 1]} {year}</caption>\n\t<thead>\n\t<tr>"
    )
    for i in range(7):
        name = _WEEKDAYS[(i + week_begins) % 7]
        out += f'\n\t\t<th scope="col" aria-label="{esc_attr(name)}">{name[0]}</th>'
    out += "\n\t</tr>\n\t</thead>\n\t<tbody>\n\t<tr>"
    first_weekday = (pycalendar.weekday(year, month, 1) + 1) % 7  # 0 = Sunday, as PHP's 'w'
    pad = _week_mod(first_weekday - week_begins)
    if pad > 0:
        out += f'\n\t\t<td colspan="{esc_attr(str(pad))}" class="pad">&nbsp;</td>'
    days = pycalendar.monthrange(year, month)[1]
    newrow = False
    for day in range(1, days + 1):
        if newrow:
            out += "\n\t</tr>\n\t<tr>\n\t\t"
        newrow = False
        today = (now.year, now.month, now.day) == (year, month, day)
        out += '<td id="today">' if today else "<td>"
        if day in with_posts:
            label = f"Posts published on {_MONTHS[month - 1]} {day}, {year}"
            out += f'<a href="{_day_link(ctx, year, month, day)}" aria-label="{esc_attr(label)}">{day}</a>'
        else:
            out += str(day)
        out += "</td>"
        weekday = (pycalendar.weekday(year, month, day) + 1) % 7
        if _week_mod(weekday - week_begins) == 6:
            newrow = True
    after = (pycalendar.weekday(year, month, days) + 2) % 7  # the day after the last one
    pad = 7 - _week_mod(after - week_begins)
    if 0 < pad < 7:
        out += f'\n\t\t<td class="pad" colspan="{esc_attr(str(pad))}">&nbsp;</td>'
    out += "\n\t</tr>\n\t</tbody>\n\t</table>"
    out += '<nav aria-label="Previous and next months" class="wp-calendar-nav">'
    if previous:
        out += (
            f'\n\t\t<span class="wp-calendar-nav-prev"><a href="{month_link(ctx, *previous)}">'
            f"&laquo; {_MONTHS[previous[1] - 1][:3]}</a></span>"
        )
    else:
        out += '\n\t\t<span class="wp-calendar-nav-prev">&nbsp;</span>'
    out += '\n\t\t<span class="pad">&nbsp;</span>'
    if nxt:
        out += (
            f'\n\t\t<span class="wp-calendar-nav-next"><a href="{month_link(ctx, *nxt)}">'
            f"{_MONTHS[nxt[1] - 1][:3]} &raquo;</a></span>"
        )
    else:
        out += '\n\t\t<span class="wp-calendar-nav-next">&nbsp;</span>'
    return out + "\n\t</nav>"


def render_calendar(block: Block, content: str, ctx: RenderContext) -> str:
    from pressbox.content.blocks.wrapper import get_block_wrapper_attributes

    a: dict[str, Any] = block.attrs
    months_query = site_method(ctx, "monthly_archives")
    if not callable(months_query) or not list(months_query("post")):
        return ""  # no published posts (an anonymous request gets nothing)
    now = _now(ctx)
    year, month = now.year, now.month
    structure = str(ctx.data.option("permalink_structure", "") or "")
    if (
        a.get("month") is not None
        and a.get("year") is not None
        and "%monthnum%" in structure
        and "%year%" in structure
    ):
        year, month = int(a["year"]), int(a["month"])
    styles: dict[str, Any] = {
        "text": f"var:preset|color|{a['textColor']}"
        if "textColor" in a
        else _dig(a, "style", "color", "text"),
        "background": (
            f"var:preset|color|{a['backgroundColor']}"
            if "backgroundColor" in a
            else _dig(a, "style", "color", "background")
        ),
    }
    result = style_engine_get_styles({"color": styles}, convert_vars_to_classnames=True)
    inline = f' style="{esc_attr(result.css)}"' if result.css else ""
    classes = f" {esc_attr(result.classnames)}" if result.classnames else ""
    if _dig(a, "style", "elements", "link", "color", "text") is not None:
        classes += " has-link-color"
    table = get_calendar(ctx, year, month).replace("<table", "<table" + inline)
    table = table.replace('class="wp-calendar-table', 'class="wp-calendar-table' + classes)
    return f"<div {get_block_wrapper_attributes(ctx)}>{table}</div>"


def _dig(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


MODULE = BlockModule(renderers={"core/calendar": render_calendar})
