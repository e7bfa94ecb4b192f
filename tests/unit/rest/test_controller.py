from pressbox.rest.controller import fields_for_response
from pressbox.rest.fields import field_set
from pressbox.rest.message import Request

SCHEMA = {
    "properties": {
        "id": {"context": ["view", "edit", "embed"]},
        "title": {"context": ["view", "edit", "embed"]},
        "content": {"context": ["view", "edit"]},
        "secret": {"context": ["edit"]},
    }
}


def request(**query: str) -> Request:
    return Request(method="GET", route="/wp/v2/things", query=dict(query))


def test_fields_follow_context_and_requested_fields() -> None:
    assert fields_for_response(SCHEMA, request(context="embed")) == ["id", "title", "_links"]
    assert fields_for_response(SCHEMA, request(context="view")) == [
        "id",
        "title",
        "content",
        "_links",
    ]
    assert fields_for_response(SCHEMA, request(context="view", _embed="1"))[-1] == "_embedded"
    assert fields_for_response(SCHEMA, request(context="view", _fields="title,secret")) == [
        "title",
        "id",
    ]


def test_remembered_answers_are_not_shared_lists() -> None:
    first = fields_for_response(SCHEMA, request(context="edit"))
    first.append("polluted")
    assert "polluted" not in fields_for_response(SCHEMA, request(context="edit"))


def test_a_new_schema_is_asked_again() -> None:
    before = fields_for_response(SCHEMA, request(context="view"))
    other = {"properties": {**SCHEMA["properties"], "extra": {"context": ["view"]}}}
    assert fields_for_response(other, request(context="view")) == [*before[:-1], "extra", "_links"]


def test_shared_field_sets_answer_like_fresh_ones() -> None:
    fields = ["id", "title.rendered"]
    shared = field_set(fields)
    assert shared is field_set(list(fields))
    assert shared["title"] and shared["title.rendered"] and not shared["content"]
    assert not field_set(fields, frozenset({"title.rendered"}))["title.rendered"]
