"""`_oembed_create_xml()`: values through esc_html(), SimpleXML's addChild() and asXML()."""

from __future__ import annotations

from typing import Any

import pytest

from pressbox.endpoints.oembed_xml import oembed_create_xml, xml_text
from pressbox.schema import _php

HEAD = '<?xml version="1.0"?>\n'


def one(value: Any) -> str | None:
    """The serialized `<t>` element WordPress writes for `array( 't' => $value )`."""
    xml = oembed_create_xml({"t": value})
    assert xml is not None
    assert xml.startswith(HEAD + "<oembed>") and xml.endswith("</oembed>\n")
    return xml[len(HEAD + "<oembed>") : -len("</oembed>\n")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain", "<t>plain</t>"),
        # esc_html() makes entities, addChild() parses them back, asXML() escapes the text.
        ("a < b > c", "<t>a &lt; b &gt; c</t>"),
        ("Tom & Jerry", "<t>Tom &amp; Jerry</t>"),
        ("&amp; &#038; &#38;", "<t>&amp; &amp; &amp;</t>"),
        ("\"double\" 'single'", "<t>\"double\" 'single'</t>"),
        # Character references and non-ASCII text come out as uppercase hex references.
        ("&#8220;quoted&#8221; &#8212; site", "<t>&#x201C;quoted&#x201D; &#x2014; site</t>"),
        ("café", "<t>caf&#xE9;</t>"),
        ("smile 😀", "<t>smile &#x1F600;</t>"),
        ("tab\tnew\nline\rend", "<t>tab\tnew\nline&#xD;end</t>"),
        # A named entity XML does not predefine stays a reference node.
        ("a&nbsp;b", "<t>a&nbsp;b</t>"),
        ("&hellip;", "<t>&hellip;</t>"),
        # Text that is not an HTML entity is escaped by esc_html() first.
        ("&bogus; &", "<t>&amp;bogus; &amp;</t>"),
        ("<a href=\"x?a=1&b=2\">", '<t>&lt;a href="x?a=1&amp;b=2"&gt;</t>'),
        # Scalars as PHP casts them to strings; an empty text gives no child at all.
        ("", "<t/>"),
        (None, "<t/>"),
        (False, "<t/>"),
        (True, "<t>1</t>"),
        (0, "<t>0</t>"),
        (404, "<t>404</t>"),
        (1.5, "<t>1.5</t>"),
        # Nested arrays: list positions (numeric keys) are named `oembed`.
        ({"status": 400, "params": ["url"]}, "<t><status>400</status><params><oembed>url</oembed></params></t>"),
        ({"0": "a", "1.5": "b", "x": "c"}, "<t><oembed>a</oembed><oembed>b</oembed><x>c</x></t>"),
        ([], "<t/>"),
        ({}, "<t/>"),
        # libxml2 drops a text node holding a character XML 1.0 cannot carry.
        ("bad\x01char", "<t></t>"),
        ("kept&nbsp;bad\x01", "<t>kept&nbsp;</t>"),
    ],
)  # fmt: skip
def test_values(value: Any, expected: str) -> None:
    assert one(value) == expected


def test_document_keeps_key_order() -> None:
    data = {"version": "1.0", "type": "rich", "width": 600, "html": "<p>x</p>"}
    assert oembed_create_xml(data) == (
        '<?xml version="1.0"?>\n<oembed><version>1.0</version><type>rich</type>'
        "<width>600</width><html>&lt;p&gt;x&lt;/p&gt;</html></oembed>\n"
    )


def test_top_level_list_items_are_oembed_elements() -> None:
    assert oembed_create_xml(["a", "b"]) == (
        '<?xml version="1.0"?>\n<oembed><oembed>a</oembed><oembed>b</oembed></oembed>\n'
    )


@pytest.mark.parametrize("data", [{}, [], "text", 1, None])
def test_no_document_for_anything_but_a_non_empty_array(data: Any) -> None:
    assert oembed_create_xml(data) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (True, "1"),
        (False, ""),
        (-3, "-3"),
        (1.0, "1"),
        (0.1, "0.1"),
        (-0.0, "-0"),
        (1e20, "1.0E+20"),
        (1.5e-7, "1.5E-7"),
        (float("inf"), "INF"),
        ("x", "x"),
    ],
)
def test_values_print_as_php_strings(value: Any, expected: str) -> None:
    # What the XML document prints for a scalar: esc_html( (string) $value ).
    assert _php.to_str(value) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", None),
        ("&lt;&gt;&amp;&quot;&apos;", "&lt;&gt;&amp;\"'"),
        ("&#x41;&#66;", "AB"),
        ("&;", None),
        ("&#0;&#X41;&#x;&#1_0;", None),
        ("a&copy;b&reg;", "a&copy;b&reg;"),
    ],
)
def test_xml_text_of_escaped_content(content: str, expected: str | None) -> None:
    assert xml_text(content) == expected
