"""Gravatar URLs (`get_avatar_url()`): hashing, defaults, rating, initials."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from pressbox.content.avatars import (
    AvatarOptions,
    avatar_urls,
    email_hash,
    get_avatar_url,
    initials,
    initials_name,
)

JANE = hashlib.sha256(b"jane@example.org").hexdigest()
BASE = "https://secure.gravatar.com/avatar/"


@pytest.mark.parametrize(
    "email",
    ["jane@example.org", "  Jane@Example.ORG\n", "\tJANE@EXAMPLE.ORG\x00"],
)
def test_hash_is_sha256_of_trimmed_lowercased_email(email: str) -> None:
    assert email_hash(email) == JANE


def test_lowercasing_is_ascii_only_like_php8() -> None:
    # strtolower() leaves non-ASCII letters alone, so "É" keeps its case in the hash.
    assert email_hash("É@x.org") == hashlib.sha256("É@x.org".encode()).hexdigest()
    assert email_hash("É@x.org") != hashlib.sha256("é@x.org".encode()).hexdigest()


@pytest.mark.parametrize(
    ("options", "size", "query"),
    [
        (AvatarOptions("mystery", "G"), 24, "s=24&d=mm&r=g"),
        (AvatarOptions("mm", "PG"), 48, "s=48&d=mm&r=pg"),
        (AvatarOptions("mysteryman", "g"), 96, "s=96&d=mm&r=g"),
        (AvatarOptions("identicon", "X"), 96, "s=96&d=identicon&r=x"),
        # gravatar_default is `false`, and array_filter() drops it; so does an empty rating.
        (AvatarOptions("gravatar_default", ""), 96, "s=96"),
        (AvatarOptions("blank", "G"), 0, "s=96&d=blank&r=g"),  # size 0 means 96
        (
            AvatarOptions("https://x.test/a b.png", "G"),
            24,
            "s=24&d=https%3A%2F%2Fx.test%2Fa%20b.png&r=g",
        ),
    ],
)
def test_query_arguments(options: AvatarOptions, size: int, query: str) -> None:
    assert get_avatar_url("jane@example.org", size, options) == f"{BASE}{JANE}?{query}"


def test_empty_email_gives_an_empty_hash() -> None:
    assert get_avatar_url("", 24, AvatarOptions("mystery", "G")) == f"{BASE}?s=24&d=mm&r=g"


def test_initials_default_adds_the_initials() -> None:
    url = get_avatar_url("jane@example.org", 24, AvatarOptions("initials", "G"), name="Jane Doe")
    assert url == f"{BASE}{JANE}?s=24&d=initials&r=g&initials=JD"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jane Doe", "JD"),
        ("Jane van Doe", "JD"),
        ("Jane", "Ja"),
        ("J", "J"),
        ("山田 太郎", "山田"),  # CJK: the first two characters
        # strrpos() counts bytes, mb_substr() characters: "É" (2 bytes) shifts the pick by one.
        ("Émile Zola", "Éo"),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("Display", "First", "Last", "login"), "Display"),
        (("", "First", "Last", "login"), "First Last"),
        (("", "First", "", "login"), "login"),
    ],
)
def test_initials_name(parts: tuple[str, str, str, str], expected: str) -> None:
    assert initials_name(*parts) == expected


def test_rest_sizes_are_json_object_keys() -> None:
    urls = avatar_urls("jane@example.org", AvatarOptions("mystery", "G"))
    assert list(urls) == ["24", "48", "96"]
    assert urls["48"].endswith("?s=48&d=mm&r=g")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {"avatar_default": "mystery", "avatar_rating": "G", "show_avatars": "1"},
            AvatarOptions("mystery", "G", True),
        ),
        ({"show_avatars": "0"}, AvatarOptions("mystery", "", False)),
        ({"show_avatars": ""}, AvatarOptions("mystery", "", False)),
        ({"avatar_default": "", "show_avatars": 1}, AvatarOptions("mystery", "", True)),
    ],
)
def test_options_from_site(values: dict[str, Any], expected: AvatarOptions) -> None:
    assert AvatarOptions.from_options(lambda name, default: values.get(name, default)) == expected
