"""PHP's `parse_url()` as WordPress's `wp_parse_url()` uses it, for the URL's front part.

Only the scheme, user, password, host and port are found (the path, query and fragment are
not needed by our callers): `esc_url()` rebuilds that front part to percent-encode the
brackets after it, and batch requests compare a URL's host. Returns None where PHP's
`parse_url()` returns false.
"""

from __future__ import annotations

import re


def _parse_port(text: str) -> int | None:
    m = re.match(r"[ \t\n\x0b\x0c\r]*[+-]?[0-9]+", text)
    if m is None:
        return None
    port = int(m.group(0))
    return port if 0 <= port <= 65535 else None


def _parse_url_authority(url: str) -> dict[str, str] | None:
    """The scheme, user, pass, host and port PHP's `parse_url()` finds, or None (false)."""
    parts: dict[str, str] = {}
    s, n = 0, len(url)
    e = url.find(":")

    def relative(pos: int) -> bool:
        return url.startswith("//", pos)

    def port_after(colon: int) -> str | None:
        # "a.com:80" style: a short run of digits up to the end or a "/".
        nonlocal s
        digits = re.match(r"[0-9]{0,5}", url[colon + 1 :])
        run = digits.group(0) if digits else ""
        after = colon + 1 + len(run)
        if run and (after == n or url[after] == "/"):
            port = _parse_port(run)
            if port is None:
                return None
            parts["port"] = str(port)
            if relative(s):
                s += 2
            return "host"
        if not run and after == n:
            return None
        if relative(s):
            s += 2
            return "host"
        return "path"

    if e > 0:
        scheme = url[:e]
        if not re.fullmatch(r"[A-Za-z0-9+.-]*", scheme):
            question = url.find("?")
            if e + 1 < n and (question == -1 or e < question):
                step = port_after(e)
            elif relative(0):
                s, step = 2, "host"
            else:
                step = "path"
        elif e + 1 == n:
            return {"scheme": scheme}
        elif url[e + 1] != "/":
            digits = re.match(r"[0-9]*", url[e + 1 :])
            run = digits.group(0) if digits else ""
            p = e + 1 + len(run)
            if (p == n or url[p] == "/") and p - e < 7:
                step = port_after(e)
            else:
                parts["scheme"] = scheme
                step = "path"
        else:
            parts["scheme"] = scheme
            if e + 2 < n and url[e + 2] == "/":
                s = e + 3
                step = "host"
                if scheme.lower() == "file" and e + 3 < n and url[e + 3] == "/":
                    step = "path"
            else:
                step = "path"
    elif e == 0:
        step = port_after(e)
    elif relative(0):
        s, step = 2, "host"
    else:
        step = "path"
    if step is None:
        return None
    if step != "host":
        return parts

    end = n
    for stop in "/?#":
        found = url.find(stop, s)
        if found != -1:
            end = min(end, found)
    at = url.rfind("@", s, end)
    if at != -1:
        colon = url.find(":", s, at)
        if colon != -1:
            parts["user"], parts["pass"] = url[s:colon], url[colon + 1 : at]
        else:
            parts["user"] = url[s:at]
        s = at + 1
    # An IPv6 literal's colons are not a port.
    p = -1 if s < n and url[s] == "[" and url[end - 1] == "]" else url.rfind(":", s, end)
    if p != -1:
        if parts.get("port", "0") == "0":
            if end - (p + 1) > 5:
                return None
            if end - (p + 1) > 0:
                port = _parse_port(url[p + 1 : end])
                if port is None:
                    return None
                parts["port"] = str(port)
    else:
        p = end
    if p - s < 1:
        return None
    parts["host"] = url[s:p]
    return parts


def wp_parse_url(url: str) -> dict[str, str] | None:
    if url.startswith("//"):
        parts = _parse_url_authority("placeholder:" + url)
        unset: tuple[str, ...] = ("scheme",)
    elif url.startswith("/"):
        parts = _parse_url_authority("placeholder://placeholder" + url)
        unset = ("scheme", "host")
    else:
        parts, unset = _parse_url_authority(url), ()
    if parts is not None:
        for key in unset:
            parts.pop(key, None)
    return parts


def encode_brackets(url: str) -> str:
    """Percent-encode `[` and `]` after the scheme and authority, as esc_url() does: brackets
    belong only in a host (IPv6 literals)."""
    parsed = wp_parse_url(url) or {}
    front = ""
    if "scheme" in parsed:
        front += parsed["scheme"] + "://"
    elif url[0] == "/":
        front += "//"
    if "user" in parsed:
        front += parsed["user"]
    if "pass" in parsed:
        front += ":" + parsed["pass"]
    if "user" in parsed or "pass" in parsed:
        front += "@"
    if "host" in parsed:
        front += parsed["host"]
    if "port" in parsed:
        front += ":" + parsed["port"]
    end_dirty = url.replace(front, "") if front else url
    end_clean = end_dirty.replace("[", "%5B").replace("]", "%5D")
    return url.replace(end_dirty, end_clean) if end_dirty else url
