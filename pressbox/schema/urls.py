"""URL sanitizing as the REST API's `uri` format does it.

Counterparts: `sanitize_url()`/`esc_url_raw()` (`esc_url()` in its `db` context),
`wp_kses_bad_protocol()` and its helpers, `wp_allowed_protocols()`, and `wp_parse_url()` with
the part of PHP's `parse_url()` that finds a URL's scheme, user, password, host and port.
"""

from __future__ import annotations

import re

from pressbox.schema import _php

_PHP_TRIM = " \t\n\r\0\x0b"

ALLOWED_PROTOCOLS = (
    "http", "https", "ftp", "ftps", "mailto", "news", "irc", "irc6", "ircs", "gopher", "nntp",
    "feed", "telnet", "mms", "rtsp", "sms", "svn", "tel", "fax", "xmpp", "webcal", "urn",
)  # fmt: skip


def _kses_no_null(text: str) -> str:
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)
    return re.sub(r"\\+0+", "", text)


def _decode_entities(text: str) -> str:
    text = re.sub(r"&#([0-9]+);", lambda m: chr(int(m.group(1)) % 256), text)
    return re.sub(r"&#[Xx]([0-9A-Fa-f]+);", lambda m: chr(int(m.group(1), 16) % 256), text)


def _bad_protocol_once2(scheme: str, protocols: tuple[str, ...]) -> str:
    scheme = _decode_entities(scheme)
    scheme = re.sub(r"[ \t\n\x0b\x0c\r]", "", scheme)
    scheme = _php.strtolower(_kses_no_null(scheme))
    return f"{scheme}:" if any(_php.strtolower(p) == scheme for p in protocols) else ""


def _bad_protocol_once(text: str, protocols: tuple[str, ...], count: int = 1) -> str:
    text = re.sub(
        r"(&#0*58(?![;0-9])|&#x0*3a(?![;a-f0-9]))", r"\1;", text, flags=re.IGNORECASE | re.ASCII
    )
    parts = re.split(
        r":|&#0*58;|&#x0*3a;|&colon;", text, maxsplit=1, flags=re.IGNORECASE | re.ASCII
    )
    if len(parts) == 2 and not re.search(r"/\?", parts[0]):
        text = parts[1].strip(_PHP_TRIM)
        protocol = _bad_protocol_once2(parts[0], protocols)
        if protocol == "feed:":
            if count > 2:
                return ""
            text = _bad_protocol_once(text, protocols, count + 1)
            if _php.is_empty(text):
                return text
        text = protocol + text
    return text


def wp_kses_bad_protocol(text: str, protocols: tuple[str, ...] = ALLOWED_PROTOCOLS) -> str:
    """Remove disallowed URL schemes (repeatedly, as nested schemes can hide one another)."""
    text = _kses_no_null(text)
    if (text.startswith("https://") and "https" in protocols) or (
        text.startswith("http://") and "http" in protocols
    ):
        return text
    for _ in range(6):
        original = text
        text = _bad_protocol_once(text, protocols)
        if text == original:
            return text
    return ""


def sanitize_url(url: str, protocols: tuple[str, ...] | None = None) -> str:
    """`sanitize_url()` (`esc_url_raw()`): a URL cleaned for storage, "" when unsafe."""
    if url == "":
        return url
    url = url.lstrip(_PHP_TRIM).replace(" ", "%20")
    url = re.sub(
        r"[^a-z0-9\-~+_.?#=!&;,/:%@$|*'()\[\]\x80-\U0010ffff]",
        "",
        url,
        flags=re.IGNORECASE | re.ASCII,
    )
    if url == "":
        return url
    if not _php.strtolower(url).startswith("mailto:"):
        while True:
            stripped = re.sub("%0d|%0a|%0D|%0A", "", url)
            if stripped == url:
                break
            url = stripped
    url = url.replace(";//", "://")
    if (
        ":" not in url
        and url[0] not in "/#?"
        and not re.match(r"^[a-z0-9-]+?\.php", url, re.IGNORECASE | re.ASCII)
    ):
        scheme = "https://" if protocols and protocols[0] == "https" else "http://"
        url = scheme + url
    if "[" in url or "]" in url:
        url = _encode_brackets(url)
    if url[0] == "/":
        return url
    good = wp_kses_bad_protocol(url, protocols if protocols is not None else ALLOWED_PROTOCOLS)
    return good if _php.strtolower(good) == _php.strtolower(url) else ""


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


def _wp_parse_url(url: str) -> dict[str, str] | None:
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


def _encode_brackets(url: str) -> str:
    # Brackets are only allowed in the host part of a URL (IPv6 literals).
    parsed = _wp_parse_url(url) or {}
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


esc_url_raw = sanitize_url
