import pytest

from pressbox.rest.phpquery import add_query_arg, parse_query, urlencode_deep


@pytest.mark.parametrize(
    ("qs", "expected"),
    [
        ("", {}),
        ("a=1&b=2", {"a": "1", "b": "2"}),
        ("a=1&a=2", {"a": "2"}),
        ("a[]=1&a[]=2", {"a": ["1", "2"]}),
        ("a[x]=1&a[y]=2", {"a": {"x": "1", "y": "2"}}),
        (
            "categories[terms]=198&categories[include_children]=true",
            {"categories": {"terms": "198", "include_children": "true"}},
        ),
        ("s=hello+world", {"s": "hello world"}),
        ("s=caf%C3%A9", {"s": "café"}),
        ("a.b=1", {"a_b": "1"}),
        ("a%20b=1", {"a_b": "1"}),
        ("_embed", {"_embed": ""}),
        ("a[0]=x&a[2]=y", {"a": {"0": "x", "2": "y"}}),
        ("a[][]=1", {"a": [["1"]]}),
        ("=x&b=1", {"b": "1"}),
    ],
)
def test_parse_query_matches_php(qs: str, expected: dict[str, object]) -> None:
    assert parse_query(qs) == expected


@pytest.mark.parametrize(
    ("params", "url", "expected"),
    [
        ({"page": 2}, "http://x/wp-json/wp/v2/posts", "http://x/wp-json/wp/v2/posts?page=2"),
        ({"page": 3}, "http://x/p?page=2&per_page=5", "http://x/p?page=3&per_page=5"),
        ({"page": 2}, "http://x/p?_envelope=&per_page=2", "http://x/p?_envelope&per_page=2&page=2"),
        ({"exclude": ["1", "2"]}, "http://x/p", "http://x/p?exclude%5B0%5D=1&exclude%5B1%5D=2"),
    ],
)
def test_add_query_arg(params: dict[str, object], url: str, expected: str) -> None:
    assert add_query_arg(params, url) == expected


def test_urlencode_deep_encodes_like_php() -> None:
    assert urlencode_deep({"s": "a b/c~"}) == {"s": "a+b%2Fc%7E"}


@pytest.mark.parametrize("qs", ["a=1&b=2", "a[]=1&a[]=2", "a[x][]=1"])
def test_parse_query_gives_each_caller_its_own_copy(qs: str) -> None:
    """Parses are memoised: changing one answer must not change the next one."""
    first = parse_query(qs)
    expected = parse_query(qs)
    first["a"] = "changed"
    first["new"] = "1"
    nested = parse_query(qs)
    for value in nested.values():
        if isinstance(value, list):
            value.append("x")
        elif isinstance(value, dict):
            value.clear()
    assert parse_query(qs) == expected


def test_parse_query_long_strings_are_parsed_too() -> None:
    qs = "&".join(f"k{i}=v{i}" for i in range(200))
    assert parse_query(qs)["k199"] == "v199"
