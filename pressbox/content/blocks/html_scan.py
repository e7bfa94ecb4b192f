"""HTML tokenizing as `WP_HTML_Tag_Processor` does it: the read-only half of `TagProcessor`.

Text, comments, doctypes, processing instructions and the raw-text elements (SCRIPT, STYLE,
TEXTAREA, TITLE, …, whose content is skipped) are recognised as WordPress's processor does, so
that `next_tag()` stops on the same tags.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pressbox.content.blocks.html_decode import decode_attribute

__all__ = ["ASCII_LOWER", "ASCII_UPPER", "TAG", "VOID_ELEMENTS", "Attr", "TagScanner"]

_WS = " \t\f\r\n"
_ALPHA = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALPHA_CHARS = "".join(sorted(_ALPHA))
_TAG_START = _ALPHA | frozenset("!/?")
_RAW_ELEMENTS = frozenset({"TEXTAREA", "TITLE", "IFRAME", "NOEMBED", "NOFRAMES", "STYLE", "XMP"})
VOID_ELEMENTS = frozenset(
    [
        "AREA",
        "BASE",
        "BASEFONT",
        "BGSOUND",
        "BR",
        "COL",
        "EMBED",
        "FRAME",
        "HR",
        "IMG",
        "INPUT",
        "KEYGEN",
        "LINK",
        "META",
        "PARAM",
        "SOURCE",
        "TRACK",
        "WBR",
    ]
)
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _span(text: str, chars: str, at: int) -> int:
    """PHP's strspn."""
    i, n = at, len(text)
    while i < n and text[i] in chars:
        i += 1
    return i - at


def _cspan(text: str, chars: str, at: int) -> int:
    """PHP's strcspn."""
    i, n = at, len(text)
    while i < n and text[i] not in chars:
        i += 1
    return i - at


@dataclass(slots=True)
class Attr:
    name: str
    value_start: int
    value_length: int
    start: int
    length: int
    is_true: bool


# Token kinds
TAG, _TEXT, _COMMENT, _OTHER = "#tag", "#text", "#comment", "#other"


class TagScanner:
    """Tokenizes HTML as `WP_HTML_Tag_Processor` does and reads tags and attributes."""

    def __init__(self, html: str) -> None:
        self.html = html
        self._at = 0  # bytes_already_parsed
        self._done = False
        self._kind: str | None = None
        self._token_start = 0
        self._token_length = 0
        self._name_start = 0
        self._name_length = 0
        self._closer = False
        self._self_closing = False
        self._attrs: dict[str, Attr] = {}
        self._dupes: dict[str, list[tuple[int, int]]] = {}

    # --- scanning ------------------------------------------------------------------------

    def next_tag(
        self,
        tag_name: str | None = None,
        *,
        class_name: str | None = None,
        tag_closers: bool = False,
        match_offset: int = 1,
    ) -> bool:
        """Advance to the next tag matching the query (tag name case-insensitive)."""
        wanted = tag_name.translate(ASCII_UPPER) if tag_name else None
        found = 0
        while True:
            if not self.next_token():
                return False
            if self._kind != TAG:
                continue
            if self._closer and not tag_closers:
                continue
            if wanted is not None and self.get_tag() != wanted:
                continue
            if class_name is not None and not self.has_class(class_name):
                continue
            found += 1
            if found >= match_offset:
                return True

    def next_token(self) -> bool:
        self._after_tag()
        if self._done:
            return False
        if self._at >= len(self.html):
            self._done = True
            self._kind = None
            return False
        was_at = self._at
        if not self._parse_next_token():
            self._kind = None
            self._done = True
            self._at = was_at
            return False
        return True

    def _parse_next_token(self) -> bool:
        html = self.html
        n = len(html)
        was_at = self._at
        at = was_at
        while at < n:
            at = html.find("<", at)
            if at == -1:
                break
            if at > was_at:
                if at + 1 < n and html[at + 1] in _TAG_START:
                    return self._text(was_at, at)
                at += 1
                continue
            self._token_start = at
            closer = at + 1 < n and html[at + 1] == "/"
            self._closer = closer
            if closer:
                at += 1
            prefix = _span(html, _ALPHA_CHARS, at + 1) if at + 1 < n else 0
            if prefix > 0:
                at += 1
                self._name_start = at
                self._name_length = prefix + _cspan(html, " \t\f\r\n/>", at + prefix)
                self._at = at + self._name_length
                return self._finish_tag()
            if at + 1 >= n:
                return False
            nxt = html[at + 1]
            if not closer and nxt == "!":
                return self._bang(at)
            if nxt == ">":
                if not closer:
                    at += 1
                    continue
                return self._other(at + 2)
            if not closer and nxt == "?":
                end = html.find(">", at + 2)
                return False if end == -1 else self._other(end + 1, _COMMENT)
            if closer:
                if at + 3 > n:
                    return False
                end = html.find(">", at + 2)
                return False if end == -1 else self._other(end + 1, _COMMENT)
            at += 1
        if n > was_at:
            return self._text(was_at, n)
        return False

    def _text(self, start: int, end: int) -> bool:
        self._kind = _TEXT
        self._token_start = start
        self._token_length = end - start
        self._at = end
        return True

    def _other(self, end: int, kind: str = _OTHER) -> bool:
        self._kind = kind
        self._token_length = end - self._token_start
        self._at = end
        return True

    def _bang(self, at: int) -> bool:
        html = self.html
        n = len(html)
        if html.startswith("--", at + 2):
            closer_at = at + 4
            if n <= closer_at:
                return False
            dashes = _span(html, "-", closer_at)
            if n <= dashes + closer_at:
                return False
            if html[closer_at + dashes] == ">":
                return self._other(closer_at + dashes + 1, _COMMENT)
            closer_at -= 1
            while True:
                closer_at += 1
                if closer_at >= n:
                    return False
                closer_at = html.find("--", closer_at)
                if closer_at == -1:
                    return False
                if closer_at + 2 < n and html[closer_at + 2] == ">":
                    return self._other(closer_at + 3, _COMMENT)
                if closer_at + 3 < n and html[closer_at + 2] == "!" and html[closer_at + 3] == ">":
                    return self._other(closer_at + 4, _COMMENT)
        if n > at + 8 and html[at + 2 : at + 9].upper() == "DOCTYPE":
            end = html.find(">", at + 9)
            return False if end == -1 else self._other(end + 1)
        end = html.find(">", at + 1)
        return False if end == -1 else self._other(end + 1, _COMMENT)

    def _finish_tag(self) -> bool:
        self._kind = TAG
        while self._parse_next_attribute():
            pass
        html = self.html
        if self._at >= len(html):
            return False
        end = html.find(">", self._at)
        if end == -1:
            return False
        self._at = end + 1
        self._token_length = self._at - self._token_start
        if self._closer:
            return True
        name = self.get_tag()
        if name == "SCRIPT" or name in _RAW_ELEMENTS:
            saved = (
                self._name_start,
                self._name_length,
                self._attrs,
                self._dupes,
                self._self_closing,
            )
            if not self._skip_to_closer(name):
                return False
            self._name_start, self._name_length, self._attrs, self._dupes, self._self_closing = (
                saved
            )
            self._closer = False
            self._kind = TAG
            self._token_length = self._at - self._token_start
        return True

    def _skip_to_closer(self, name: str) -> bool:
        # A simplification of skip_rcdata/skip_script_data: find `</name` followed by a
        # delimiter, then the end of that closing tag. Script-escaping states are ignored.
        html = self.html
        n = len(html)
        at = self._at
        length = len(name)
        while True:
            at = html.find("</", at)
            if at == -1 or at + 2 + length >= n:
                return False
            if html[at + 2 : at + 2 + length].translate(ASCII_UPPER) != name:
                at += 2
                continue
            after = at + 2 + length
            if html[after] not in " \t\f\r\n/>":
                at = after
                continue
            self._at = after
            self._attrs, self._dupes = {}, {}
            self._closer = True
            while self._parse_next_attribute():
                pass
            if self._at >= n:
                return False
            if html[self._at] == ">":
                self._at += 1
                return True
            if self._at + 1 < n and html[self._at] == "/" and html[self._at + 1] == ">":
                self._at += 2
                return True
            at = self._at

    def _parse_next_attribute(self) -> bool:
        html = self.html
        n = len(html)
        skipped = _span(html, " \t\f\r\n/", self._at)
        self._at += skipped
        if self._at >= n:
            return False
        if html[self._at] == ">":
            if skipped > 0 and html[self._at - 1] == "/":
                self._self_closing = True
            return False
        start = self._at
        if html[start] == "=":
            name_length = 1 + _cspan(html, "=/> \t\f\r\n", start + 1)
        else:
            name_length = _cspan(html, "=/> \t\f\r\n", start)
        if name_length == 0 or start + name_length >= n:
            return False
        name = html[start : start + name_length]
        self._at += name_length
        self._at += _span(html, _WS, self._at)
        if self._at >= n:
            return False
        has_value = html[self._at] == "="
        if has_value:
            self._at += 1
            self._at += _span(html, _WS, self._at)
            if self._at >= n:
                return False
            quote = html[self._at]
            if quote in "'\"":
                value_start = self._at + 1
                end_quote = html.find(quote, value_start)
                if end_quote == -1:
                    end_quote = n
                value_length = end_quote - value_start
                end = end_quote + 1
            else:
                value_start = self._at
                value_length = _cspan(html, "> \t\f\r\n", value_start)
                end = value_start + value_length
            self._at = end
        else:
            value_start, value_length, end = self._at, 0, start + name_length
        if end >= n:
            return False
        if self._closer:
            return True
        comparable = name.replace("\x00", "\ufffd").translate(ASCII_LOWER)
        if comparable not in self._attrs:
            self._attrs[comparable] = Attr(
                name, value_start, value_length, start, end - start, not has_value
            )
        else:
            self._dupes.setdefault(comparable, []).append((start, end - start))
        return True

    def _after_tag(self) -> None:
        self._attrs = {}
        self._dupes = {}
        self._self_closing = False
        self._closer = False
        self._kind = None

    # --- reading -------------------------------------------------------------------------

    def _is_tag(self) -> bool:
        return self._kind == TAG

    def get_tag(self) -> str | None:
        if self._kind != TAG:
            return None
        return self.html[self._name_start : self._name_start + self._name_length].translate(
            ASCII_UPPER
        )

    def get_token_type(self) -> str | None:
        return self._kind

    def get_token_name(self) -> str | None:
        if self._kind == TAG:
            return self.get_tag()
        return self._kind

    def is_tag_closer(self) -> bool:
        return self._kind == TAG and self._closer

    def has_self_closing_flag(self) -> bool:
        return self._kind == TAG and self._self_closing

    def get_attribute(self, name: str) -> str | bool | None:
        """A decoded attribute value, True for a boolean attribute, None when absent."""
        if self._kind != TAG:
            return None
        attr = self._attrs.get(name.translate(ASCII_LOWER))
        if attr is None:
            return None
        if attr.is_true:
            return True
        return self._decoded(attr)

    def _decoded(self, attr: Attr) -> str:
        raw = self.html[attr.value_start : attr.value_start + attr.value_length]
        raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
        return decode_attribute(raw)

    def get_attribute_names_with_prefix(self, prefix: str) -> list[str] | None:
        if self._kind != TAG or self._closer:
            return None
        lowered = prefix.translate(ASCII_LOWER)
        return [name for name in self._attrs if name.startswith(lowered)]

    def class_list(self) -> Iterator[str]:
        value = self.get_attribute("class")
        if not isinstance(value, str):
            return
        seen: list[str] = []
        at, n = 0, len(value)
        while at < n:
            at += _span(value, _WS, at)
            if at >= n:
                return
            length = _cspan(value, _WS, at)
            if length == 0:
                return
            name = value[at : at + length]
            at += length
            if name in seen:
                continue
            seen.append(name)
            yield name

    def has_class(self, wanted: str) -> bool | None:
        if self._kind != TAG:
            return None
        return any(name == wanted for name in self.class_list())
