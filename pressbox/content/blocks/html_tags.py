"""A port of the parts of `WP_HTML_Tag_Processor` that block rendering uses.

Edits (`add_class`, `set_attribute`, …) are queued and `get_updated_html()` applies them with
WordPress's exact serialization: new attributes are inserted right after the tag name (sorted by
their text when several land at the same place), a changed attribute replaces the old one in
place as `name="value"`, and class lists keep their original spacing.
"""

from __future__ import annotations

from pressbox.content.blocks.html_decode import decode_attribute
from pressbox.content.blocks.html_scan import (
    _WS,
    ASCII_LOWER,
    TAG,
    VOID_ELEMENTS,
    TagScanner,
    _cspan,
    _span,
)
from pressbox.content.escaping import URI_ATTRIBUTES, esc_url

__all__ = ["VOID_ELEMENTS", "TagProcessor", "esc_url_for_attribute"]

_ESCAPE = str.maketrans({"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;"})


def esc_url_for_attribute(value: str) -> str:
    """The URL escaping `set_attribute()` applies to URI attributes (`esc_url()`)."""
    return esc_url(value)


class TagProcessor(TagScanner):
    """Scan HTML and modify tag attributes, as WordPress's HTML tag processor."""

    def __init__(self, html: str) -> None:
        super().__init__(html)
        self._named_updates: dict[str, tuple[int, int, str]] = {}
        self._updates: list[tuple[int, int, str]] = []
        self._class_updates: dict[str, bool] = {}  # name -> add (True) / remove (False)
        self._bookmarks: dict[str, tuple[int, int]] = {}

    def _after_tag(self) -> None:
        self._class_updates_to_attribute_updates()
        for update in self._named_updates.values():
            self._updates.append(update)
        self._named_updates = {}
        super()._after_tag()

    def get_attribute(self, name: str) -> str | bool | None:
        """A decoded attribute value (queued edits included), True for a boolean attribute."""
        if self._kind != TAG:
            return None
        comparable = name.translate(ASCII_LOWER)
        if comparable == "class":
            self._class_updates_to_attribute_updates()
        if comparable in self._named_updates:
            text = self._named_updates[comparable][2]
            if text == "":
                return None
            eq = text.find("=")
            if eq == -1:
                return True
            return decode_attribute(text[eq + 2 : -1])
        return super().get_attribute(name)

    # --- modifying -----------------------------------------------------------------------

    def set_attribute(self, name: str, value: str | bool) -> bool:
        if self._kind != TAG or self._closer:
            return False
        if not name or any(c in "\"'>&</ =" or ord(c) < 0x20 for c in name):
            return False
        if value is False:
            return self.remove_attribute(name)
        comparable = name.translate(ASCII_LOWER)
        if value is True:
            updated = name
        else:
            escaped = (
                esc_url_for_attribute(value)
                if comparable in URI_ATTRIBUTES
                else value.translate(_ESCAPE)
            )
            if escaped == "" and value != "":
                return False
            updated = f'{name}="{escaped}"'
        attr = self._attrs.get(comparable)
        if attr is not None:
            self._named_updates[comparable] = (attr.start, attr.length, updated)
        else:
            self._named_updates[comparable] = (
                self._name_start + self._name_length,
                0,
                " " + updated,
            )
        if comparable == "class":
            self._class_updates = {}
        return True

    def remove_attribute(self, name: str) -> bool:
        if self._kind != TAG or self._closer:
            return False
        comparable = name.translate(ASCII_LOWER)
        if comparable == "class":
            self._class_updates = {}
        attr = self._attrs.get(comparable)
        if attr is None:
            self._named_updates.pop(comparable, None)
            return False
        self._named_updates[comparable] = (attr.start, attr.length, "")
        for start, length in self._dupes.get(comparable, []):
            self._updates.append((start, length, ""))
        return True

    def add_class(self, class_name: str) -> bool:
        if self._kind != TAG or self._closer:
            return False
        self._class_updates[class_name] = True
        return True

    def remove_class(self, class_name: str) -> bool:
        if self._kind != TAG or self._closer:
            return False
        self._class_updates[class_name] = False
        return True

    def _class_updates_to_attribute_updates(self) -> None:
        if not self._class_updates:
            return
        existing: str
        if "class" in self._named_updates:
            text = self._named_updates["class"][2]
            eq = text.find("=")
            existing = "" if text == "" or eq == -1 else decode_attribute(text[eq + 2 : -1])
        elif "class" in self._attrs:
            existing = self._decoded(self._attrs["class"])
        else:
            existing = ""
        to_remove = {name for name, add in self._class_updates.items() if not add}
        out = ""
        modified = False
        seen: list[str] = []
        at, n = 0, len(existing)
        while at < n:
            ws_at = at
            ws_length = _span(existing, _WS, ws_at)
            at += ws_length
            length = _cspan(existing, _WS, at)
            if length == 0:
                break
            name = existing[at : at + length]
            at += length
            if name in to_remove:
                modified = True
                continue
            if name in seen:
                continue
            seen.append(name)
            if out:
                out += existing[ws_at : ws_at + ws_length]
            out += name
        for name, add in self._class_updates.items():
            if add and name not in seen:
                modified = True
                out += (" " if out else "") + name
        self._class_updates = {}
        if not modified:
            return
        if out:
            self.set_attribute("class", out)
        else:
            self.remove_attribute("class")

    def remove_token(self) -> None:
        """Queue the removal of the whole current token (its text stays for elements)."""
        if self._kind is not None:
            self._updates.append((self._token_start, self._token_length, ""))

    def token_span(self) -> tuple[int, int]:
        """Start and length of the current token in the current HTML."""
        return self._token_start, self._token_length

    # --- bookmarks -----------------------------------------------------------------------

    def set_bookmark(self, name: str) -> bool:
        if self._kind is None:
            return False
        self._bookmarks[name] = (self._token_start, self._token_length)
        return True

    def seek(self, name: str) -> bool:
        """Return to a bookmarked token (flushing queued edits first)."""
        if name not in self._bookmarks:
            return False
        self.get_updated_html()
        start, _length = self._bookmarks[name]
        self._after_tag()
        self._at = start
        self._done = False
        return self.next_token()

    # --- output --------------------------------------------------------------------------

    def get_updated_html(self) -> str:
        if not self._class_updates and not self._named_updates and not self._updates:
            return self.html
        kind = self._kind
        token_start = self._token_start if kind is not None else 0
        self._class_updates_to_attribute_updates()
        updates = [*self._updates, *self._named_updates.values()]
        self._updates = []
        self._named_updates = {}
        updates.sort(key=lambda u: (u[0], u[2], u[1]))
        out: list[str] = []
        copied = 0
        shift_token = 0
        html = self.html
        for start, length, text in updates:
            shift = len(text) - length
            if start < token_start:
                shift_token += shift
            out.append(html[copied:start])
            out.append(text)
            copied = start + length
        out.append(html[copied:])
        self.html = "".join(out)
        for name, (b_start, b_length) in list(self._bookmarks.items()):
            delta = sum(len(t) - ln for st, ln, t in updates if st < b_start)
            self._bookmarks[name] = (b_start + delta, b_length)
        # Re-scan the current token so reads after an update see the new attributes.
        if kind is not None:
            self._attrs, self._dupes = {}, {}
            self._at = token_start + shift_token
            self._done = False
            self.next_token()
        return self.html

    def __str__(self) -> str:
        return self.get_updated_html()
