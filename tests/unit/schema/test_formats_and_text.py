"""Format checks (dates, emails, IPs, UUIDs, colors) and the string sanitizers."""

from __future__ import annotations

import pytest

from pressbox.content.escaping import esc_html
from pressbox.content.formatting import strip_tags, wp_strip_all_tags
from pressbox.schema import (
    is_email,
    rest_is_ip_address,
    rest_parse_date,
    rest_parse_hex_color,
    sanitize_email,
    sanitize_hex_color,
    sanitize_key,
    sanitize_text_field,
    sanitize_textarea_field,
    sanitize_url,
    wp_is_uuid,
    wp_parse_list,
)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2020-01-01T10:00:00", 1577872800),
        ("2020-01-01t10:00:00", 1577872800),
        ("2020-01-01 10:00:00Z", 1577872800),
        ("2020-01-01T10:00:00.999+05", 1577854800),
        ("2020-01-01T10:00:00-12:30", 1577917800),
        ("2020-01-01T10:00:00+24:00", 1577786400),
        ("2020-01-01T10:00:00+99", 1577872800 - 99 * 3600),
        ("2020-00-00T00:00:00", 1575072000),  # month and day 0 step back
        ("2021-02-31T00:00:00", 1614729600),  # rolls over into March
        ("2020-01-01T24:00:00", 1577923200),
        ("2020-01-01T10:59:60", 1577876400),
        ("0000-01-01T00:00:00", -62167219200),
        ("2020-01-01T10:00:00\n", 1577872800),
        ("2020-13-01T00:00:00", None),
        ("2020-01-32T00:00:00", None),
        ("2020-01-01T25:00:00", None),
        ("2020-01-01T10:60:00", None),
        ("2020-01-01T10:59:61", None),
        ("2020-01-01T10:00:00+25:00", None),
        ("2020-01-01T10:00:00+00:60", None),
        ("2020-01-01", None),
        ("2020-01-01T10:00", None),
        ("2020-01-01T10:00:00z", None),
        ("20-01-01T10:00:00", None),
    ],
)
def test_rest_parse_date(date: str, expected: int | None) -> None:
    assert rest_parse_date(date) == expected


def test_rest_parse_date_force_utc() -> None:
    assert rest_parse_date("2020-01-01T10:00:00+05:00", force_utc=True) == 1577872800


@pytest.mark.parametrize(
    ("email", "valid"),
    [("a@example.com", True), ("a.b+c@sub.example.co", True), ("a@b.c", False), ("a@b", False),
     ("@example.com", False), ("a b@example.com", False), ("a@exa..mple.com", False), ("a@.example.com", False),
     ("a@-example.com", False), ("a@ex_ample.com", False), ("é@example.com", False), ("a@example.com\n", False)],
)  # fmt: skip
def test_is_email(email: str, valid: bool) -> None:
    assert (is_email(email) == email) is valid


@pytest.mark.parametrize(
    ("ip", "valid"),
    [("127.0.0.1", True), ("255.255.255.255", True), ("256.0.0.1", False), ("1.2.3", False), ("01.2.3.4", True),
     ("1.2.3.4\n", True), ("::1", True), ("::", True), ("2001:db8::8a2e:370:7334", True), ("::ffff:1.2.3.4", True),
     ("::ffff:1.2.3.04", False), ("1::2::3", False), ("12345::1", False), ("g::1", False), ("1:2:3:4:5:6:7:8", True),
     ("1:2:3:4:5:6:7::8:9", False), ("fe80::1%eth0", False)],
)  # fmt: skip
def test_rest_is_ip_address(ip: str, valid: bool) -> None:
    assert (rest_is_ip_address(ip) == ip) is valid


def test_uuid_and_colors() -> None:
    assert wp_is_uuid("123e4567-e89b-12d3-a456-426614174000")
    assert not wp_is_uuid("123e4567-e89b-12d3-a456-426614174000", 4)
    assert wp_is_uuid("123e4567-e89b-42d3-a456-426614174000", 4)
    assert not wp_is_uuid(12)
    assert rest_parse_hex_color("#abc") == "#abc"
    assert rest_parse_hex_color("#abcd") is None
    assert sanitize_hex_color("") == ""
    assert sanitize_hex_color("#ABCDEF") == "#ABCDEF"
    assert sanitize_hex_color("red") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("a,b c", ["a", "b", "c"]), (" , ", []), ("", []), (5, ["5"]), (True, ["1"]), (False, []),
     ([1, [2], None, "x"], [1, "x"]), ({"a": 1, "b": {}}, [1])],
)  # fmt: skip
def test_wp_parse_list(value: object, expected: list[object]) -> None:
    assert wp_parse_list(value) == expected


TEXT_FIELD = [
    ("  a   b\tc\n", "a b c"),
    ("<b>bold</b> text", "bold text"),
    ("a < b", "a &lt; b"),
    ("a <b", "a &lt;b"),
    ("x<y>z", "xz"),
    ("<script>alert(1)</script>after", "after"),
    ("100%20off %41", "100off"),
    ("%%4141", ""),
    ("a &amp; b", "a &amp; b"),
    ("<p>a\nb</p>", "a b"),
    ("<!-- c -->x", "x"),
    (["array"], ""),
    (12, "12"),
    (None, ""),
]


@pytest.mark.parametrize(("value", "expected"), TEXT_FIELD)
def test_sanitize_text_field(value: object, expected: str) -> None:
    assert sanitize_text_field(value) == expected


def test_sanitize_textarea_field_keeps_newlines() -> None:
    assert sanitize_textarea_field(" a\n\tb  \n") == "a\n\tb"
    assert sanitize_textarea_field("<b>x</b>\n<i>y</i>") == "x\ny"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("a<b>c</b>d", "acd"),
        ("a < b", "a < b"),
        ("<a href='>'>x</a>", "x"),
        ('<a title="a>b">x', "x"),
        ("<?php echo 1; ?>x", "x"),
        ("<!DOCTYPE html>x", "x"),
        ("<!-- a > b -->x", "x"),
        ("a<b<c>>d", "ad"),
        ("x>y", "x>y"),
        ("a\0b", "ab"),
    ],
)
def test_strip_tags(html: str, expected: str) -> None:
    assert strip_tags(html) == expected


def test_wp_strip_all_tags_removes_script_and_style_contents() -> None:
    assert wp_strip_all_tags(" <style>p{}</style><SCRIPT a>x</script>text ") == "text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a & b", "a &amp; b"), ("&amp;", "&amp;"), ("&foo;", "&amp;foo;"), ("&#9;", "&#009;"),
     ("&#x3A;", "&#x3A;"), ("&#0;", "&amp;#0;"), ("\"'<>", "&quot;&#039;&lt;&gt;"), ("&apos;", "&amp;apos;"),
     ("plain", "plain")],
)  # fmt: skip
def test_esc_html(text: str, expected: str) -> None:
    assert esc_html(text) == expected


@pytest.mark.parametrize(
    ("key", "expected"), [("View", "view"), ("a-b_c!", "a-b_c"), ("İx", "x"), (12, "12"), ([1], "")]
)
def test_sanitize_key(key: object, expected: str) -> None:
    assert sanitize_key(key) == expected


@pytest.mark.parametrize(
    ("email", "expected"),
    [("a b@exam ple.com", "ab@example.com"), ("a@b", ""), ("a@-b-.c-", "a@b.c"), ("@ab.com", ""),
     ("x!@a..b.com", "x!@ab.com")],
)  # fmt: skip
def test_sanitize_email(email: str, expected: str) -> None:
    assert sanitize_email(email) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://example.com/a b", "http://example.com/a%20b"),
        ("example.com", "http://example.com"),
        ("/relative/path", "/relative/path"),
        ("#frag", "#frag"),
        ("index.php?x=1", "index.php?x=1"),
        ("javascript:alert(1)", ""),
        ("mailto:a@b.c", "mailto:a@b.c"),
        ("feed:http://x.org", "feed:http://x.org"),
        ("http://x.org/<script>", "http://x.org/script"),
        ("http://x.org/%0d%0aSet-Cookie", "http://x.org/Set-Cookie"),
        ("http://[::1]:80/a[b]", "http://[::1]:80/a%5Bb%5D"),
        ("", ""),
    ],
)
def test_sanitize_url(url: str, expected: str) -> None:
    assert sanitize_url(url) == expected


def test_sanitize_url_protocols() -> None:
    assert sanitize_url("example.com", ("https", "http")) == "https://example.com"
    assert sanitize_url("ftp://x.org", ("http",)) == ""
