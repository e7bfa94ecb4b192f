"""The JSON-schema `format` checks of WordPress's REST API.

Counterparts: `rest_parse_date()` (with PHP's `strtotime()` for the RFC 3339 shapes it accepts),
`rest_parse_hex_color()`, `is_email()`, `rest_is_ip_address()` (with Requests' `Ipv6::check_ipv6`)
and `wp_is_uuid()`. PHP's `$` (end, or before a final newline) is kept: Python's `re` agrees.
"""

from __future__ import annotations

import re

_DATE = re.compile(
    r"^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]+)?"
    r"(Z|[+-][0-9]{2}(?::[0-9]{2})?)?$"
)
_FORCE_UTC = re.compile(r"[+-][0-9]+:?[0-9]+$")
_HEX_COLOR = re.compile(r"^#([A-Fa-f0-9]{3}){1,2}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
_IPV4 = re.compile(
    r"^(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$"
)
_EMAIL_LOCAL = re.compile(r"^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_EMAIL_SUB = re.compile(r"^[a-z0-9-]+$", re.IGNORECASE | re.ASCII)
_PHP_TRIM = " \t\n\r\0\x0b"


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (any year, month 1..12)."""
    year -= month <= 2
    era = (year if year >= 0 else year - 399) // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def rest_parse_date(date: str, force_utc: bool = False) -> int | None:
    """Unix timestamp of an RFC 3339 date as WordPress reads it, or None (PHP's false).

    Dates without an offset are UTC (WordPress runs PHP in UTC). As `strtotime()` does, month 0
    and day 0 step back, day 31 of a short month rolls over, 24:00:00 and second 60 are allowed.
    """
    if force_utc:
        date = _FORCE_UTC.sub("+00:00", date, count=1)
    m = _DATE.match(date)
    if m is None:
        return None
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    if month > 12 or day > 31 or hour > 24 or minute > 59 or second > 60:
        return None
    offset = 0
    zone = m.group(7)
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        hours = int(zone[1:3])
        if len(zone) > 3:
            minutes = int(zone[4:6])
            if hours > 24 or minutes > 59:
                return None
            offset = sign * (hours * 3600 + minutes * 60)
        else:
            offset = sign * hours * 3600
    y, m0 = divmod(year * 12 + month - 1, 12)
    days = _days_from_civil(y, m0 + 1, 1) + day - 1
    return days * 86400 + hour * 3600 + minute * 60 + second - offset


def rest_parse_hex_color(color: str) -> str | None:
    """The color when it is `#` and 3 or 6 hex digits, else None."""
    return color if _HEX_COLOR.match(color) else None


def wp_is_uuid(uuid: object, version: int | None = None) -> bool:
    """Whether `uuid` is a lowercase UUID (any version, or v4 when asked)."""
    if not isinstance(uuid, str):
        return False
    if version is not None and version != 4:
        return False
    return bool((_UUID4 if version == 4 else _UUID).match(uuid))


def is_email(email: str) -> str | None:
    """WordPress's `is_email()`: a deliberately simple check, not RFC 5322."""
    if len(email.encode("utf-8", "surrogatepass")) < 6:
        return None
    if email.find("@", 1) == -1:
        return None
    local, domain = email.split("@", 1)
    if not _EMAIL_LOCAL.match(local):
        return None
    if ".." in domain:
        return None
    if domain.strip(_PHP_TRIM + ".") != domain:
        return None
    subs = domain.split(".")
    if len(subs) < 2:
        return None
    for sub in subs:
        if sub.strip(_PHP_TRIM + "-") != sub or not _EMAIL_SUB.match(sub):
            return None
    return email


def _uncompress_ipv6(ip: str) -> str | None:
    if ip.count("::") != 1:
        return ip
    ip1, ip2 = ip.split("::", 1)
    c1 = -1 if ip1 == "" else ip1.count(":")
    c2 = -1 if ip2 == "" else ip2.count(":")
    if "." in ip2:
        c2 += 1
    if c1 == -1 and c2 == -1:
        return "0:0:0:0:0:0:0:0"
    if c1 == -1:
        fill = "0:" * (7 - c2)
    elif c2 == -1:
        fill = ":0" * (7 - c1)
    else:
        count = 6 - c2 - c1
        if count < 0:
            # str_repeat() throws on a negative count: PHP gives up on such an address.
            return None
        fill = ":" + "0:" * count
    return ip.replace("::", fill)


def check_ipv6(ip: str) -> bool:
    """`WpOrg\\Requests\\Ipv6::check_ipv6()`."""
    full = _uncompress_ipv6(ip)
    if full is None:
        return False
    if "." in full:
        pos = full.rfind(":")
        v6, v4 = (full[:pos], full[pos + 1 :]) if pos >= 0 else ("", full)
    else:
        v6, v4 = full, ""
    parts6 = v6.split(":")
    parts4 = v4.split(".")
    if not ((len(parts6) == 8 and len(parts4) == 1) or (len(parts6) == 6 and len(parts4) == 4)):
        return False
    for part in parts6:
        if part == "" or len(part.encode("utf-8", "surrogatepass")) > 4:
            return False
        digits = part.lstrip("0") or "0"
        # hexdec() skips non-hex characters, so dechex() of it round-trips only for pure hex.
        if not re.fullmatch(r"[0-9a-fA-F]+", digits):
            return False
    if len(parts4) == 4:
        for part in parts4:
            if not re.fullmatch(r"0|[1-9][0-9]{0,2}", part) or int(part) > 255:
                return False
    return True


def rest_is_ip_address(ip: str) -> str | None:
    """The address when it is a valid IPv4 or IPv6 address, else None."""
    if not _IPV4.match(ip) and not check_ipv6(ip):
        return None
    return ip
