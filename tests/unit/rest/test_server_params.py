"""The server's own global parameters: `_embed` as rest_parse_embed_param() reads it."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.rest.server import parse_embed


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", True),
        ("1", True),
        ("true", True),
        ("0", True),  # `! $embed` is true for "0" in PHP: everything is embedded
        (" , ", True),  # nothing left after wp_parse_list()
        ("author", ["author"]),
        ("author, wp:term", ["author", "wp:term"]),
        (["author", "replies"], ["author", "replies"]),
        ([], True),
    ],
)
def test_parse_embed(value: Any, expected: bool | list[str]) -> None:
    assert parse_embed(value) == expected
