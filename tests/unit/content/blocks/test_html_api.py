"""The tag processor, character-reference decoding and escaping, against WordPress's PHP."""

from __future__ import annotations

import random
from typing import Any

import pytest

from pressbox.content.blocks.html_decode import decode_attribute
from pressbox.content.blocks.html_tags import TagProcessor
from pressbox.content.escaping import esc_attr, esc_html, esc_url

from .oracle_data import php_run, php_sources

needs_php = pytest.mark.skipif(
    isinstance(php_sources(), str),
    reason="php-cli (with mbstring) or the WordPress mirror is absent",
)


@pytest.mark.parametrize(
    ("html", "ops", "expected"),
    [
        ('<div class="a">x</div>', [("add_class", "b")], '<div class="a b">x</div>'),
        ("<div>x</div>", [("add_class", "b")], '<div class="b">x</div>'),
        ("<div class='a  a\tb'>", [("add_class", "c")], '<div class="a\tb c">'),
        ('<div class="a b">', [("remove_class", "a")], '<div class="b">'),
        ('<div class="a">', [("remove_class", "a")], "<div >"),
        (
            "<img src=x>",
            [("set_attribute", "data-id", "1"), ("set_attribute", "alt", "a&b")],
            '<img alt="a&amp;b" data-id="1" src=x>',
        ),
        ('<p id="x" ID="y">', [("set_attribute", "id", "z")], '<p id="z" ID="y">'),
        ('<p hidden class="a">', [("remove_attribute", "hidden")], '<p  class="a">'),
        ("<!-- <div> --><div>", [("add_class", "c")], '<!-- <div> --><div class="c">'),
        (
            "<script><div></script><div>",
            [("add_class", "c")],
            '<script class="c"><div></script><div>',
        ),
        ("<div", [("add_class", "c")], "<div"),
    ],
)
def test_first_tag_edits(html: str, ops: list[tuple[Any, ...]], expected: str) -> None:
    p = TagProcessor(html)
    if p.next_tag():
        for op, *args in ops:
            getattr(p, op)(*args)
    assert p.get_updated_html() == expected


def test_get_attribute_decodes_and_sees_queued_edits() -> None:
    p = TagProcessor('<a href="?a=1&amp;b=2&notin=3" download class="x">')
    assert p.next_tag("a")
    assert p.get_attribute("href") == "?a=1&b=2&notin=3"
    assert p.get_attribute("download") is True
    assert p.get_attribute("missing") is None
    p.add_class("y")
    assert p.get_attribute("class") == "x y"


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        ("&amp;", "&"),
        ("&ampx", "&ampx"),
        ("&amp=", "&amp="),
        ("&amp ", "& "),
        ("&#x41;&#65", "AA"),
        ("&#0;", "\ufffd"),
        ("&#128;", "€"),
        ("&notit;", "&notit;"),
        ("&notin;", "∉"),
    ],
)
def test_decode_attribute(raw: str, decoded: str) -> None:
    assert decode_attribute(raw) == decoded


# --- differential ---------------------------------------------------------------------------

_PIECES = [
    "<div>",
    "</div>",
    '<p class="a b">',
    "<p class='a'>",
    "<img src=x.png alt=>",
    "text",
    " & ",
    "<!-- c -->",
    "<!-->",
    "<br/>",
    "<textarea><b></textarea>",
    "<a href='#'>",
    '<i data-x="&quot;">',
    '<span class="  a  a b ">',
    "</>",
    "<?php x ?>",
    "<!DOCTYPE html>",
    "<b class=x class=y>",
    "<svg viewBox='0 0 1 1'>",
    "<title><p></title>",
    "< notatag",
    '<em\tclass="q"\n>',
]


def _random_docs(n: int) -> list[str]:
    rnd = random.Random(7)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 8))) for _ in range(n)]


_PHP_WALK = r"""
$out = array();
foreach ($in as $doc) {
  $p = new WP_HTML_Tag_Processor($doc);
  $seen = array();
  $i = 0;
  while ($p->next_tag(array('tag_closers' => 'visit'))) {
    $seen[] = array($p->get_tag(), $p->is_tag_closer(), $p->get_attribute('class'));
    if (!$p->is_tag_closer()) {
      if ($i % 2 === 0) { $p->add_class('n' . $i); $p->remove_class('a'); }
      if ($i % 3 === 0) { $p->set_attribute('data-i', "v<$i>'"); }
      if ($i % 5 === 4) { $p->remove_attribute('class'); }
    }
    $i++;
  }
  $out[] = array($seen, $p->get_updated_html());
}
echo json_encode($out);
"""


def _py_walk(doc: str) -> list[Any]:
    p = TagProcessor(doc)
    seen: list[Any] = []
    i = 0
    while p.next_tag(tag_closers=True):
        seen.append([p.get_tag(), p.is_tag_closer(), p.get_attribute("class")])
        if not p.is_tag_closer():
            if i % 2 == 0:
                p.add_class(f"n{i}")
                p.remove_class("a")
            if i % 3 == 0:
                p.set_attribute("data-i", f"v<{i}>'")
            if i % 5 == 4:
                p.remove_attribute("class")
        i += 1
    return [seen, p.get_updated_html()]


@pytest.mark.php
@needs_php
def test_tag_processor_matches_php() -> None:
    docs = _random_docs(400)
    expected = php_run(_PHP_WALK, docs)
    for doc, php in zip(docs, expected, strict=True):
        assert _py_walk(doc) == php, doc


_ESCAPE_INPUTS = [
    "plain",
    "a & b",
    "a &amp; b",
    "&lt;tag&gt;",
    "\"q\" 'a'",
    "&#39; &#x27; &#0; &#xD800;",
    "&apos; &nbsp; &bogus; &copy",
    "<script>",
    "ü &eacute;",
    "&#65;&#x41;&#000065;",
]
_URLS = [
    "http://example.com/a b",
    "https://x.y/?a=1&b='2'",
    "javascript:alert(1)",
    "example.com",
    "/relative?x=1&y=2",
    "#frag",
    "mailto:a@b.c",
    "http://[::1]/a[b]",
    "feed:http://x",
    "index.php",
    "  http://lead.space",
    "http://x.y/%0d%0a",
    "tel:+1",
    "ftp://f",
    "data:text/html,x",
    "",
]


@pytest.mark.php
@needs_php
def test_escaping_matches_php() -> None:
    body = r"""
    $out = array();
    foreach ($in[0] as $t) { $out[] = array(esc_html($t), esc_attr($t)); }
    foreach ($in[1] as $u) { $out[] = array(esc_url($u), esc_url($u, null, 'db')); }
    echo json_encode($out);
    """
    expected = php_run(body, [_ESCAPE_INPUTS, _URLS])
    ours = [[esc_html(t), esc_attr(t)] for t in _ESCAPE_INPUTS]
    ours += [[esc_url(u), esc_url(u, context="db")] for u in _URLS]
    assert ours == expected


_REFS = [
    "&amp;",
    "&ampx",
    "&amp=",
    "&amp ",
    "&#x41;&#65",
    "&#0;",
    "&#128;",
    "&notit;",
    "&notin;",
    "&#xD800;",
    "&#x110000;",
    "&#99999999;",
    "&#x;",
    "&#;",
    "&NotNestedGreaterGreater;",
    "&Aacute",
    "&aacutex",
    "a&b",
    "&",
    "&#00;",
    "&#x00041;",
    "&lt&gt",
]


@pytest.mark.php
@needs_php
def test_decoding_matches_php() -> None:
    body = r"""
    $out = array();
    foreach ($in as $t) { $out[] = array(WP_HTML_Decoder::decode_attribute($t), WP_HTML_Decoder::decode_text_node($t)); }
    echo json_encode($out);
    """
    from pressbox.content.blocks.html_decode import decode_text

    assert [[decode_attribute(t), decode_text(t)] for t in _REFS] == php_run(body, _REFS)
