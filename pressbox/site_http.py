"""What pressbox answers outside `/wp-json/`: uploaded files and a pointer to the API."""

from __future__ import annotations

import html
import mimetypes
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pressbox.app import App

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


class SiteHandler:
    """Serves `/wp-content/uploads/…` from the uploads folder; everything else is a 404."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.uploads = app.settings.uploads_dir

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        api = self.app.server.rest_url("")
        if path.startswith("/wp-content/uploads/") and self.uploads is not None:
            served = self._upload(path[len("/wp-content/uploads/") :], start_response)
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

    def _upload(self, relative: str, start_response: StartResponse) -> Iterable[bytes] | None:
        assert self.uploads is not None
        base = self.uploads.resolve()
        target = (base / relative).resolve()
        if base not in target.parents or not target.is_file():
            return None
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        data = Path(target).read_bytes()
        start_response(
            "200 OK",
            [
                ("Content-Type", ctype),
                ("Content-Length", str(len(data))),
                ("Cache-Control", "max-age=31536000"),
            ],
        )
        return [data]
