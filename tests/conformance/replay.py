"""Replays recorded WordPress exchanges against the in-process app, with the oracle's own checks.

The comparison (`check`, origin mapping, volatile masks) is the one in the oracle's
`compare.py`, loaded from the oracle folder so both judge an answer the same way.
"""

from __future__ import annotations

import base64
import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from pressbox.testing import Client

TEST_HOST = "127.0.0.1:8080"


def load_compare(oracle: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("oracle_compare", oracle / "compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exchanges(oracle: Path, name: str = "exchanges.jsonl") -> Iterator[dict[str, Any]]:
    with (oracle / name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def replay(
    client: Client, compare: ModuleType, record: dict[str, Any], creds: dict[str, Any]
) -> list[str]:
    """The problems of one exchange (empty when it passes)."""
    req = record["request"]
    target = req["path"] + ("?" + req["query"] if req["query"] else "")
    headers: dict[str, str] = {}
    for name, value in req["headers"].items():
        if name.lower() == "host":
            continue
        if name.lower() == "authorization" and req.get("auth"):
            c = creds[req["auth"]]
            token = base64.b64encode(
                f"{c['username']}:{c['application_password']}".encode()
            ).decode()
            value = "Basic " + token
        headers[name] = value
    body = None
    if req.get("body") is not None:
        body = (
            base64.b64decode(req["body"])
            if req.get("body_encoding") == "base64"
            else req["body"].encode()
        )
    result = client.request(req["method"], target, headers, body)
    origins = compare.Origins(compare.ORIGIN, f"http://{TEST_HOST}")
    problems: list[str] = compare.check(
        record,
        result.status,
        [[k, v] for k, v in result.headers],
        result.body,
        origins,
        compare.DEFAULT_HEADERS,
        False,
        True,
    )
    return problems
