import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressbox.rest.jsonenc import encode


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"a": "http://x/y"}, b'{"a":"http:\\/\\/x\\/y"}'),
        ("caf\u00e9", b'"caf\\u00e9"'),
        ("\u2019", b'"\\u2019"'),
        ("\U0001f600", b'"\\ud83d\\ude00"'),
        ([], b"[]"),
        ({}, b"{}"),
        ({"n": None, "t": True, "i": 3, "f": 1.5}, b'{"n":null,"t":true,"i":3,"f":1.5}'),
        ("tab\there", b'"tab\\there"'),
        ("del\x7f", b'"del\x7f"'),
    ],
)
def test_encode_like_wp_json_encode(value: object, expected: bytes) -> None:
    assert encode(value) == expected


def test_encode_round_trips() -> None:
    value = {"title": "Español “smart” \U0001f600 </script>", "list": [1, 2.25, "x/y"]}
    assert json.loads(encode(value)) == value


def test_pretty_uses_four_spaces() -> None:
    assert encode({"a": [1]}, pretty=True) == b'{\n    "a": [\n        1\n    ]\n}'


@pytest.mark.parametrize(
    "value",
    [
        "é\\xe9 \\\\xe9 \\\\\\xé",  # literal backslashes next to escaped code points
        "😀 \\U0001f600",
        "a\\\\x41é",
        "\x00\x1f\u2028",
        {"k/é": ["ü", 1.25, None]},
    ],
)
def test_matches_json_ensure_ascii(value: object) -> None:
    expected = (
        json.dumps(value, separators=(",", ":"), ensure_ascii=True).replace("/", "\\/").encode()
    )
    assert encode(value) == expected


@pytest.mark.parametrize("size", [1, 1000])
def test_long_text_with_every_kind_of_code_point(size: int) -> None:
    """Latin-1, BMP and astral characters between literal backslashes, at length."""
    value = {"content": ("\\x é\u00a0“q”\u2014 \\\\U 😀 \\" * size)}
    expected = (
        json.dumps(value, separators=(",", ":"), ensure_ascii=True).replace("/", "\\/").encode()
    )
    assert encode(value) == expected


_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f"))


@given(st.recursive(_TEXT, lambda inner: st.lists(inner) | st.dictionaries(_TEXT, inner)))
def test_any_text_encodes_as_json_with_ensure_ascii(value: object) -> None:
    """As Python's ASCII-only JSON (DEL aside: PHP leaves it as it is, Python escapes it)."""
    expected = (
        json.dumps(value, separators=(",", ":"), ensure_ascii=True).replace("/", "\\/").encode()
    )
    assert encode(value) == expected
