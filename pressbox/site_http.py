"""What pressbox answers outside `/wp-json/`: uploaded files and a pointer to the API.

Uploads are served as nginx serves WordPress's `wp-content/uploads` (the oracle's front): the
file's type from WordPress's MIME table, `ETag` and `Last-Modified` validators with `304` for
conditional requests, single byte ranges (`206`, `416` when unsatisfiable), `HEAD`, and
nothing outside the uploads folder: no directory listing, no dot files, no escaping symlinks.
"""

from __future__ import annotations

import email.utils
import html
import mimetypes
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from pressbox.mime import MIME_TYPES

if TYPE_CHECKING:
    from pressbox.app import App

StartResponse = Callable[[str, list[tuple[str, str]]], Any]

UPLOADS_PREFIX = "/wp-content/uploads/"
CHUNK = 64 * 1024

_BY_EXTENSION: dict[str, str] = {}
for _exts, _mime in MIME_TYPES:
    for _ext in _exts.split("|"):
        _BY_EXTENSION.setdefault(_ext, _mime)


def content_type(name: str) -> str:
    """The MIME type WordPress gives a file of this name, else the platform's guess."""
    _, dot, ext = name.rpartition(".")
    found = _BY_EXTENSION.get(ext.lower()) if dot else None
    return found or mimetypes.guess_type(name)[0] or "application/octet-stream"


def etag_for(size: int, mtime: float) -> str:
    """nginx's strong validator: modification time and size in hex."""
    return f'"{int(mtime):x}-{size:x}"'


def _etag_matches(header: str, etag: str) -> bool:
    """If-None-Match's weak comparison against a list of tags (or `*`)."""
    if header.strip() == "*":
        return True
    tags = (t.strip() for t in header.split(","))
    return any((t[2:] if t.startswith("W/") else t) == etag for t in tags)


def _not_modified_since(header: str, mtime: float) -> bool:
    try:
        since = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return False
    if since is None or since.tzinfo is None:
        return False
    return int(mtime) <= since.timestamp()


def parse_range(header: str, size: int) -> tuple[int, int] | bool | None:
    """A `Range: bytes=…` header for a file of `size` bytes.

    Returns the inclusive (first, last) byte positions; None to ignore the header and send
    the whole file (bad syntax, another unit, or several ranges); False when unsatisfiable.
    """
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first_text, dash, last_text = spec.strip().partition("-")
    first_text, last_text = first_text.strip(), last_text.strip()
    if (
        not dash
        or not (first_text.isdigit() or first_text == "")
        or not (last_text.isdigit() or last_text == "")
    ):
        return None
    if first_text == "":
        if last_text == "":
            return None
        suffix = int(last_text)
        if suffix == 0 or size == 0:
            return False
        return max(size - suffix, 0), size - 1
    first = int(first_text)
    if last_text and int(last_text) < first:
        return None
    if first >= size:
        return False
    return first, min(int(last_text), size - 1) if last_text else size - 1


class FileBody:
    """`length` bytes of an open file from `offset`, read in chunks; closed by the server."""

    def __init__(self, handle: BinaryIO, offset: int, length: int) -> None:
        self.handle = handle
        self.offset = offset
        self.length = length

    def __iter__(self) -> Iterator[bytes]:
        self.handle.seek(self.offset)
        left = self.length
        while left > 0:
            chunk = self.handle.read(min(CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            yield chunk

    def close(self) -> None:
        self.handle.close()


def _http_date(timestamp: float) -> str:
    return email.utils.formatdate(timestamp, usegmt=True)


class SiteHandler:
    """Serves `/wp-content/uploads/…` from the uploads folder; everything else is a 404."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.uploads = app.settings.uploads_dir

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        api = self.app.server.rest_url("")
        if path.startswith(UPLOADS_PREFIX) and self.uploads is not None:
            served = self._upload(environ, path[len(UPLOADS_PREFIX) :], start_response)
            if served is not None:
                return served
        if path in ("", "/"):
            # The home page: clients discover the API from its `Link` header (WordPress
            # sends it on every page), so it must answer 200.
            name = html.escape(str(self.app.site.option("blogname", "") or "pressbox"))
            home = (
                f'<!DOCTYPE html><html><head><meta charset="UTF-8"><title>{name}</title>'
                f'<link rel="https://api.w.org/" href="{html.escape(api)}"></head>'
                f'<body><h1>{name}</h1><p>The REST API is at <a href="{html.escape(api)}">'
                f"{html.escape(api)}</a>.</p></body></html>\n"
            ).encode()
            start_response(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=UTF-8"),
                    ("Link", f'<{api}>; rel="https://api.w.org/"'),
                    ("Content-Length", str(len(home))),
                ],
            )
            return [home]
        body = f"Not found. The REST API is at {api}\n".encode()
        start_response(
            "404 Not Found",
            [
                ("Content-Type", "text/plain; charset=UTF-8"),
                ("Link", f'<{api}>; rel="https://api.w.org/"'),
                ("Content-Length", str(len(body))),
            ],
        )
        return [body]

    # -- uploads ----------------------------------------------------------------------------

    def upload_path(self, relative: str) -> Path | None:
        """The regular file `relative` names under the uploads folder, or None.

        PATH_INFO carries the URL's UTF-8 bytes as latin-1 (PEP 3333). Dot segments (`..`,
        `.htaccess`) and files reached through links that leave the folder are refused.
        """
        assert self.uploads is not None
        try:
            name = relative.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return None
        parts = [p for p in name.split("/") if p]
        if not parts or any(p.startswith(".") or "\\" in p or "\0" in p for p in parts):
            return None
        base = self.uploads.resolve()
        try:
            target = base.joinpath(*parts).resolve()
        except (OSError, ValueError):
            return None
        if base not in target.parents or not target.is_file():
            return None
        return target

    def _upload(
        self, environ: dict[str, Any], relative: str, start_response: StartResponse
    ) -> Iterable[bytes] | None:
        target = self.upload_path(relative)
        if target is None:
            return None
        method = environ.get("REQUEST_METHOD", "GET").upper()
        if method not in ("GET", "HEAD"):
            start_response(
                "405 Method Not Allowed", [("Allow", "GET, HEAD"), ("Content-Length", "0")]
            )
            return []
        try:
            handle: BinaryIO = open(target, "rb")  # noqa: SIM115 - FileBody closes it
        except OSError:
            return None
        info = os.fstat(handle.fileno())
        size, mtime = info.st_size, info.st_mtime
        etag = etag_for(size, mtime)
        validators = [("ETag", etag), ("Last-Modified", _http_date(mtime))]
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
        # If-None-Match decides when both are sent (RFC 9110 §13.2.2).
        if (if_none_match is not None and _etag_matches(if_none_match, etag)) or (
            if_none_match is None
            and if_modified_since is not None
            and _not_modified_since(if_modified_since, mtime)
        ):
            handle.close()
            start_response("304 Not Modified", validators)
            return []
        headers = [("Content-Type", content_type(target.name)), *validators]
        headers += [("Accept-Ranges", "bytes"), ("X-Content-Type-Options", "nosniff")]
        status, first, length = "200 OK", 0, size
        range_header = environ.get("HTTP_RANGE")
        if range_header and self._if_range_holds(environ.get("HTTP_IF_RANGE"), etag, mtime):
            wanted = parse_range(range_header, size)
            if wanted is False:
                handle.close()
                headers = [("Content-Range", f"bytes */{size}"), ("Content-Length", "0")]
                start_response("416 Range Not Satisfiable", headers)
                return []
            if isinstance(wanted, tuple):
                first, last = wanted
                length = last - first + 1
                status = "206 Partial Content"
                headers.append(("Content-Range", f"bytes {first}-{last}/{size}"))
        headers.append(("Content-Length", str(length)))
        start_response(status, headers)
        if method == "HEAD":
            handle.close()
            return []
        return FileBody(handle, first, length)

    @staticmethod
    def _if_range_holds(if_range: str | None, etag: str, mtime: float) -> bool:
        """A Range applies when If-Range is absent or still names this version of the file."""
        if if_range is None:
            return True
        value = if_range.strip()
        if value.startswith(('"', "W/")):
            return value == etag  # a strong comparison
        try:
            date = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return False
        return date is not None and date.tzinfo is not None and int(mtime) == date.timestamp()
