"""The block parser: a port of WordPress's `WP_Block_Parser` (`parse_blocks()`).

Faithful to PHP's behaviour, including its handling of malformed input: unclosed blocks at the
end of the document are flushed one by one to the top level, a stray closer at the top level
turns the rest of the document into freeform HTML, and attributes that are not valid JSON
decode to nothing. PHP works on bytes and Python on code points; every delimiter the grammar
looks for is ASCII, so offsets agree character for character.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pressbox.content.blocks.types import Block

__all__ = ["decode_attrs", "parse_blocks"]

# WP_Block_Parser::next_token()'s pattern. `re.ASCII` makes `\s` PCRE's byte-mode `\s`
# (space, \t, \n, \v, \f, \r); the possessive `*+` needs Python 3.11.
_TOKEN = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<namespace>[a-z][a-z0-9_-]*/)?(?P<name>[a-z][a-z0-9_-]*)\s+"
    r"(?P<attrs>\{(?:(?:[^}]+|\}+(?=\})|(?!\}\s+/?-->).)*+)?\}\s+)?(?P<void>/)?-->",
    re.DOTALL | re.ASCII,
)
# A `\uD800`–`\uDFFF` escape: the only way Python's json accepts what PHP's json_decode rejects
# (an unpaired surrogate), checked only when one is present.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _reject_constant(name: str) -> Any:
    # PHP's json_decode knows no NaN / Infinity literals.
    raise ValueError(name)


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def decode_attrs(text: str) -> dict[str, Any] | None:
    """`json_decode($text, true)` for a block's attribute object; None when PHP returns null."""
    try:
        value = _DECODER.decode(text)
    except (ValueError, RecursionError):
        return None
    if _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            return None
    return value if isinstance(value, dict) else None


@dataclass
class _Frame:
    """WP_Block_Parser_Frame: an open block and where its pieces start."""

    block: Block
    token_start: int
    token_length: int
    prev_offset: int
    leading_html_start: int | None


def _php_empty(html: str) -> bool:
    # PHP's empty() is true for "" and for "0".
    return html == "" or html == "0"


def _freeform(html: str) -> Block:
    return Block(None, {}, [], html, [html])


def parse_blocks(document: str) -> list[Block]:
    """Parse a post's content into top-level blocks, as `parse_blocks()`.

    Invalid attribute JSON gives `{}` (PHP gives `null`; both render the same way).
    """
    output: list[Block] = []
    stack: list[_Frame] = []
    offset = 0
    doc_len = len(document)
    search = _TOKEN.search

    def add_inner_block(
        block: Block, token_start: int, token_length: int, last: int | None
    ) -> None:
        parent = stack[-1]
        parent.block.inner_blocks.append(block)
        html = document[parent.prev_offset : token_start]
        if not _php_empty(html):
            parent.block.inner_html += html
            parent.block.inner_content.append(html)
        parent.block.inner_content.append(None)
        parent.prev_offset = last if last else token_start + token_length

    def add_block_from_stack(end_offset: int | None) -> None:
        top = stack.pop()
        html = (
            document[top.prev_offset : end_offset]
            if end_offset is not None
            else document[top.prev_offset :]
        )
        if not _php_empty(html):
            top.block.inner_html += html
            top.block.inner_content.append(html)
        if top.leading_html_start is not None:
            output.append(_freeform(document[top.leading_html_start : top.token_start]))
        output.append(top.block)

    while True:
        match = search(document, offset)
        depth = len(stack)
        if match is None:
            # no-more-tokens
            if depth == 0:
                if doc_len - offset:
                    output.append(_freeform(document[offset:]))
            else:
                while stack:
                    add_block_from_stack(None)
            return output

        start = match.start()
        length = match.end() - start
        leading_html_start = offset if start > offset else None
        name = (match.group("namespace") or "core/") + match.group("name")
        raw_attrs = match.group("attrs")
        is_void = match.group("void") is not None

        if match.group("closer") is not None and not is_void:
            if depth == 0:
                # A closer without an opener: the rest of the document is HTML soup.
                if doc_len - offset:
                    output.append(_freeform(document[offset:]))
                return output
            if depth == 1:
                add_block_from_stack(start)
                offset = start + length
                continue
            top = stack.pop()
            html = document[top.prev_offset : start]
            top.block.inner_html += html
            top.block.inner_content.append(html)
            top.prev_offset = start + length
            add_inner_block(top.block, top.token_start, top.token_length, start + length)
            offset = start + length
            continue

        attrs: dict[str, Any] = {}
        if raw_attrs is not None:
            attrs = decode_attrs(raw_attrs) or {}

        if is_void:
            block = Block(name, attrs, [], "", [])
            if depth == 0:
                if leading_html_start is not None:
                    output.append(_freeform(document[leading_html_start:start]))
                output.append(block)
            else:
                add_inner_block(block, start, length, None)
            offset = start + length
            continue

        # block-opener
        stack.append(
            _Frame(
                Block(name, attrs, [], "", []), start, length, start + length, leading_html_start
            )
        )
        offset = start + length
