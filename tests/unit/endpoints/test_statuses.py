"""The pure parts of the post statuses controller: who may see a status, schema, args."""

from __future__ import annotations

import pytest

from pressbox.endpoints.statuses import status_visible
from pressbox.registry import core_registries
from pressbox.schema.statuses import status_schema, statuses_routes

STATUSES = core_registries().statuses


@pytest.mark.parametrize(
    ("name", "anonymous", "editor"),
    [
        ("publish", True, True),
        ("future", False, True),
        ("draft", False, True),
        ("pending", False, True),
        ("private", False, True),
        ("trash", False, True),  # internal, but listed for editors
        ("auto-draft", False, False),
        ("inherit", False, False),
        ("request-pending", False, False),
    ],
)
def test_status_visible(name: str, anonymous: bool, editor: bool) -> None:
    status = STATUSES[name]
    assert status_visible(status, False) is anonymous
    assert status_visible(status, True) is editor


def test_schema_and_args() -> None:
    properties = status_schema()["properties"]
    assert list(properties) == [
        "name",
        "private",
        "protected",
        "public",
        "queryable",
        "show_in_list",
        "slug",
        "date_floating",
    ]
    collection, item = statuses_routes()
    assert collection["endpoints"][0]["args"]["context"]["enum"] == ["view", "embed", "edit"]
    assert list(item["endpoints"][0]["args"]) == ["status", "context"]
