"""The block parser, against hand-written cases and against WordPress's own PHP parser."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.content.blocks.parser import decode_attrs, parse_blocks
from pressbox.content.blocks.types import Block

from .oracle_data import oracle_available, php_parse_blocks, php_sources, sql_tables


def shape(block: Block) -> tuple[Any, ...]:
    return (
        block.block_name,
        block.attrs,
        [shape(b) for b in block.inner_blocks],
        block.inner_html,
        block.inner_content,
    )


def free(html: str) -> tuple[Any, ...]:
    return (None, {}, [], html, [html])


CASES: list[tuple[str, str, list[tuple[Any, ...]]]] = [
    ("empty", "", []),
    ("only html", "<p>hi</p>", [free("<p>hi</p>")]),
    (
        "one block",
        "<!-- wp:paragraph -->\n<p>a</p>\n<!-- /wp:paragraph -->",
        [("core/paragraph", {}, [], "\n<p>a</p>\n", ["\n<p>a</p>\n"])],
    ),
    (
        "namespaced void with attrs",
        '<!-- wp:my-plugin/thing {"a":1,"b":[true,null]} /-->',
        [("my-plugin/thing", {"a": 1, "b": [True, None]}, [], "", [])],
    ),
    (
        "leading and trailing html",
        "x<!-- wp:more /-->y",
        [free("x"), ("core/more", {}, [], "", []), free("y")],
    ),
    (
        "nested",
        "<!-- wp:group --><div><!-- wp:p /--></div><!-- /wp:group -->",
        [
            (
                "core/group",
                {},
                [("core/p", {}, [], "", [])],
                "<div></div>",
                ["<div>", None, "</div>"],
            )
        ],
    ),
    (
        "html string '0' is dropped between inner blocks",
        "<!-- wp:a -->0<!-- wp:b /-->0<!-- /wp:a -->",
        [("core/a", {}, [("core/b", {}, [], "", [])], "", [None])],
    ),
    (
        "invalid json attrs decode to nothing",
        "<!-- wp:a {oops} /-->",
        [("core/a", {}, [], "", [])],
    ),
    (
        "attrs key order kept",
        '<!-- wp:a {"z":1,"a":{"y":2,"b":3}} /-->',
        [("core/a", {"z": 1, "a": {"y": 2, "b": 3}}, [], "", [])],
    ),
    (
        "stray top-level closer turns the rest into html",
        "a<!-- /wp:x -->b<!-- wp:y /-->",
        [free("a<!-- /wp:x -->b<!-- wp:y /-->")],
    ),
    (
        "unclosed blocks are flushed flat",
        "<!-- wp:a -->1<!-- wp:b -->2",
        [
            free("1"),
            ("core/b", {}, [], "2", ["2"]),
            ("core/a", {}, [], "1<!-- wp:b -->2", ["1<!-- wp:b -->2"]),
        ],
    ),
    (
        "closer name is not checked",
        "<!-- wp:a -->x<!-- /wp:b -->",
        [("core/a", {}, [], "x", ["x"])],
    ),
    (
        "uppercase and missing whitespace are not delimiters",
        "<!-- wp:A /--><!--wp:a /--><!-- wp:a/-->",
        [free("<!-- wp:A /--><!--wp:a /--><!-- wp:a/-->")],
    ),
    (
        "non-breaking space is not whitespace",
        "<!--\u00a0wp:a /-->",
        [free("<!--\u00a0wp:a /-->")],
    ),
    (
        "the first `} /-->` ends the attributes, even inside a JSON string",
        '<!-- wp:a {"s":"}} /--> not end"} /-->',
        [("core/a", {}, [], "", []), free(' not end"} /-->')],
    ),
    (
        "closer with attrs and void flag is a void block",
        '<!-- /wp:a {"k":1} /-->',
        [("core/a", {"k": 1}, [], "", [])],
    ),
]


@pytest.mark.parametrize(
    ("doc", "expected"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES]
)
def test_parse_blocks(doc: str, expected: list[tuple[Any, ...]]) -> None:
    assert [shape(b) for b in parse_blocks(doc)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a":1}', {"a": 1}),
        ("{}", {}),
        ('{"a":NaN}', None),
        ('{"a":Infinity}', None),
        ('{"a":"\\ud800"}', None),
        ('{"a":"\\ud83d\\ude00"}', {"a": "\U0001f600"}),
        ("[1]", None),
        ('{"a":1,}', None),
    ],
)
def test_decode_attrs_is_php_json_decode(text: str, expected: dict[str, Any] | None) -> None:
    assert decode_attrs(text) == expected


# --- differential: WordPress's own WP_Block_Parser -------------------------------------------


def forced_object(value: Any) -> Any:
    """Our parse result shaped as PHP's `json_encode(..., JSON_FORCE_OBJECT)` output."""
    if isinstance(value, Block):
        return forced_object(
            {
                "blockName": value.block_name,
                "attrs": value.attrs,
                "innerBlocks": value.inner_blocks,
                "innerHTML": value.inner_html,
                "innerContent": value.inner_content,
            }
        )
    if isinstance(value, dict):
        return {str(k): forced_object(v) for k, v in value.items()}
    if isinstance(value, list):
        return {str(i): forced_object(v) for i, v in enumerate(value)}
    if isinstance(value, float) and value.is_integer():
        return value
    return value


def php_normalised(value: Any) -> Any:
    """PHP's result with `null` attrs (invalid JSON) mapped to our `{}`."""
    if isinstance(value, dict):
        out = {k: php_normalised(v) for k, v in value.items()}
        if "blockName" in out and out.get("attrs") is None:
            out["attrs"] = {}
        return out
    return value


GENERATED = [
    "<!-- wp:a -->" * 3 + "x" + "<!-- /wp:a -->" * 2,
    "<!-- wp:a --><!-- wp:b --><!-- /wp:a -->tail<!-- /wp:b -->",
    '<!-- wp:a {"x":"--\\u003e"} -->in<!-- /wp:a -->',
    '<!-- wp:a {"x":{"y":{}}} --><!-- wp:b {"n":1.5e3} /--><!-- /wp:a -->',
    "<!-- wp:a -->\n\n<!-- wp:b -->0<!-- /wp:b -->0\n<!-- /wp:a -->",
    '<!-- wp:a {"k":"}"} /--><!-- wp:a {"k":"} /-->"} /-->',
    "<!-- wp:core/paragraph --><!-- /wp:core/paragraph -->",
    "<!-- wp:a \t\n{}\x0b/-->",
    '<!-- wp:a {"a":1,"a":2} /-->',
    "é<!-- wp:a -->日本<!-- /wp:a -->🎉",
]


needs_php = pytest.mark.skipif(
    isinstance(php_sources(), str),
    reason="php-cli (with mbstring) or the WordPress mirror is absent",
)


@pytest.mark.php
@needs_php
def test_parser_matches_php_on_generated_documents() -> None:
    expected = php_parse_blocks(GENERATED)
    for doc, php in zip(GENERATED, expected, strict=True):
        assert forced_object(parse_blocks(doc)) == php_normalised(php), doc


@pytest.mark.php
@needs_php
@pytest.mark.skipif(not oracle_available(), reason="the oracle's wordpress.sql is absent")
def test_parser_matches_php_on_every_oracle_post() -> None:
    docs = [row[4] for row in sql_tables()["wp_posts"] if row[4]]
    expected = php_parse_blocks(docs)
    for doc, php in zip(docs, expected, strict=True):
        assert forced_object(parse_blocks(doc)) == php_normalised(php), doc[:200]
