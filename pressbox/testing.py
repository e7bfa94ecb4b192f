"""An in-process client for the WSGI app: tests and internal tools call it without sockets."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import orjson

WSGICallable = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


@dataclass
class Result:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        values = [v for k, v in self.headers if k.lower() == name.lower()]
        return ", ".join(values) if values else None

    def json(self) -> Any:
        return orjson.loads(self.body)


class Client:
    """Calls a WSGI app directly, as an HTTP server would."""

    def __init__(self, app: WSGICallable, host: str = "127.0.0.1:8080") -> None:
        self.app = app
        self.host = host

    def request(
        self,
        method: str,
        target: str,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> Result:
        parts = urlsplit(target)
        environ: dict[str, Any] = {
            "REQUEST_METHOD": method.upper(),
            "PATH_INFO": unquote(parts.path).encode("utf-8").decode("latin-1"),
            "QUERY_STRING": parts.query,
            "SERVER_NAME": self.host.split(":")[0],
            "SERVER_PORT": self.host.split(":")[1] if ":" in self.host else "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": self.host,
            "wsgi.input": io.BytesIO(body or b""),
            "wsgi.url_scheme": "http",
            "wsgi.errors": io.StringIO(),
            "CONTENT_LENGTH": str(len(body)) if body else "",
        }
        for name, value in (headers or {}).items():
            key = name.upper().replace("-", "_")
            if key == "CONTENT_TYPE":
                environ["CONTENT_TYPE"] = value
            elif key != "HOST":
                environ["HTTP_" + key] = value
        captured: dict[str, Any] = {}

        def start_response(
            status: str, response_headers: list[tuple[str, str]], exc_info: Any = None
        ) -> None:
            captured["status"] = int(status.split(" ", 1)[0])
            captured["headers"] = response_headers

        chunks = self.app(environ, start_response)
        data = b"".join(chunks)
        return Result(captured["status"], captured["headers"], data)

    def get(self, target: str, headers: dict[str, str] | None = None) -> Result:
        return self.request("GET", target, headers)
