"""PHP's `date()` format characters (English), for dates blocks print (`mysql2date()`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

__all__ = ["format_date", "parse_mysql_date", "site_timezone"]

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def site_timezone(options: Any) -> tzinfo:
    """`wp_timezone()` from the `timezone_string` / `gmt_offset` options (`options(name)`)."""
    name = options("timezone_string", "") or ""
    if name:
        try:
            return ZoneInfo(str(name))
        except (ValueError, KeyError):
            pass
    try:
        offset = float(options("gmt_offset", 0) or 0)
    except (TypeError, ValueError):
        offset = 0.0
    return timezone(timedelta(hours=offset)) if offset else UTC


def parse_mysql_date(value: str, tz: tzinfo) -> datetime | None:
    """A `Y-m-d H:i:s` local date in the site's timezone; None for the zero date."""
    try:
        naive = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return naive.replace(tzinfo=tz)


def _suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _offset(d: datetime, colon: bool) -> str:
    delta = d.utcoffset() or timedelta(0)
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}" if colon else f"{sign}{hours:02d}{mins:02d}"


def format_date(fmt: str, d: datetime) -> str:
    """`date( $fmt )` / `wp_date()` for a timezone-aware datetime (English names)."""
    out: list[str] = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        i += 1
        if c == "\\" and i < len(fmt):
            out.append(fmt[i])
            i += 1
            continue
        out.append(_char(c, d))
    return "".join(out)


def _char(c: str, d: datetime) -> str:
    if c == "d":
        return f"{d.day:02d}"
    if c == "D":
        return _DAYS[d.weekday()][:3]
    if c == "j":
        return str(d.day)
    if c == "l":
        return _DAYS[d.weekday()]
    if c == "N":
        return str(d.isoweekday())
    if c == "S":
        return _suffix(d.day)
    if c == "w":
        return str(d.isoweekday() % 7)
    if c == "z":
        return str(d.timetuple().tm_yday - 1)
    if c == "W":
        return f"{d.isocalendar()[1]:02d}"
    if c == "F":
        return _MONTHS[d.month - 1]
    if c == "m":
        return f"{d.month:02d}"
    if c == "M":
        return _MONTHS[d.month - 1][:3]
    if c == "n":
        return str(d.month)
    if c == "t":
        nxt = d.replace(day=28) + timedelta(days=4)
        return str((nxt - timedelta(days=nxt.day)).day)
    if c == "L":
        y = d.year
        return "1" if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else "0"
    if c == "o":
        return str(d.isocalendar()[0])
    if c == "Y":
        return str(d.year)
    if c == "y":
        return f"{d.year % 100:02d}"
    if c == "a":
        return "am" if d.hour < 12 else "pm"
    if c == "A":
        return "AM" if d.hour < 12 else "PM"
    if c == "g":
        return str(d.hour % 12 or 12)
    if c == "G":
        return str(d.hour)
    if c == "h":
        return f"{d.hour % 12 or 12:02d}"
    if c == "H":
        return f"{d.hour:02d}"
    if c == "i":
        return f"{d.minute:02d}"
    if c == "s":
        return f"{d.second:02d}"
    if c == "u":
        return f"{d.microsecond:06d}"
    if c == "v":
        return f"{d.microsecond // 1000:03d}"
    if c == "e":
        return str(getattr(d.tzinfo, "key", None) or _offset(d, True))
    if c == "I":
        dst = d.dst()
        return "1" if dst else "0"
    if c == "O":
        return _offset(d, False)
    if c == "P":
        return _offset(d, True)
    if c == "T":
        name = d.tzname() or ""
        return (
            name
            if name and name[0].isalpha() and name != "UTC"
            else ("UTC" if name == "UTC" else _offset(d, True))
        )
    if c == "Z":
        return str(int((d.utcoffset() or timedelta(0)).total_seconds()))
    if c == "c":
        return format_date("Y-m-d\\TH:i:sP", d)
    if c == "r":
        return format_date("D, d M Y H:i:s O", d)
    if c == "U":
        return str(int(d.timestamp()))
    return c
