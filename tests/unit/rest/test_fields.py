import pytest

from pressbox.rest.fields import filter_fields, is_field_included, parse_fields


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("id,title", {"id": True, "title": True}),
        ("id,title.rendered", {"id": True, "title": {"rendered": True}}),
        (["a.b.c", "a.d"], {"a": {"b": {"c": True}, "d": True}}),
        # WordPress stops reading the list when a parent is already included whole.
        ("title,title.rendered,id", {"title": True}),
        (" id , slug ", {"id": True, "slug": True}),
    ],
)
def test_parse_fields(value: object, expected: dict[str, object]) -> None:
    assert parse_fields(value) == expected


def test_filter_fields_nested_and_list() -> None:
    data = [{"id": 1, "title": {"raw": "r", "rendered": "x"}, "slug": "s"}]
    assert filter_fields(data, parse_fields("id,title.rendered")) == [
        {"id": 1, "title": {"rendered": "x"}}
    ]


@pytest.mark.parametrize(
    ("field", "fields", "included"),
    [
        ("title", ["title"], True),
        ("title", ["title.rendered"], True),
        ("title.raw", ["title"], True),
        ("title.raw", ["title.rendered"], False),
        ("content", ["id"], False),
    ],
)
def test_is_field_included(field: str, fields: list[str], included: bool) -> None:
    assert is_field_included(field, fields) is included
