"""Dates as the REST API reads them: RFC 3339 in, the site's MySQL datetime out."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$"
)


def site_timezone(site: Any) -> timezone:
    """wp_timezone(): a fixed offset from `gmt_offset` (named zones are not needed here)."""
    try:
        offset = float(site.option("gmt_offset", 0) or 0)
    except (TypeError, ValueError):
        offset = 0.0
    return timezone(timedelta(hours=offset))


def to_site_mysql(value: str, site: Any) -> str:
    """WP_Date_Query::build_mysql_datetime for a full date-time string."""
    tz = site_timezone(site)
    m = _RFC3339.match(value.strip())
    if m is None:
        return "1970-01-01 00:00:00"
    year, month, day, hour, minute, second = (int(m.group(i)) for i in range(1, 7))
    dt = datetime(year, month, day, hour, minute, second)
    zone = m.group(8)
    if zone:
        if zone in ("Z", "z"):
            aware = dt.replace(tzinfo=UTC)
        else:
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
            aware = dt.replace(tzinfo=timezone(sign * timedelta(hours=hours, minutes=minutes)))
        dt = aware.astimezone(tz).replace(tzinfo=None)
    return dt.strftime("%Y-%m-%d %H:%M:%S")
