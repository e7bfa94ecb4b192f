"""Stream the records of a WXR 1.0–1.2 file with bounded memory, refusing unsafe XML.

The reader is lxml's `iterparse`: each top-level element of the channel (`wp:author`,
`wp:category`, `wp:tag`, `wp:term`, `item`) becomes a record as soon as it ends, and is then
cleared and detached, so memory holds one item at a time whatever the file's size.

A WXR file never declares a DTD (WordPress's `export_wp()` writes none), while a DTD is how
XML external entities (XXE) and entity-expansion bombs ("billion laughs") get in. libxml2
expands entities in attribute values even with `resolve_entities=False`, so the prolog is
checked before lxml sees the document: any `<!DOCTYPE` is refused with `UnsafeXMLError`.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import IO, Any

from lxml import etree  # type: ignore[import-untyped]  # no stubs in the dev set

from pressbox.wxr.records import Author, Comment, Item, ItemTerm, Meta, Record, SiteInfo, Term

__all__ = ["UnsafeXMLError", "WXRError", "check_prolog", "read_wxr"]

_WP_EXPORT = "http://wordpress.org/export/"
_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
_WXR_VERSIONS = ("1.0", "1.1", "1.2")
# Channel children that describe the site, by the SiteInfo field they fill.
_SITE_FIELDS = {
    "wp:wxr_version": "wxr_version",
    "title": "title",
    "link": "link",
    "description": "description",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
}
# The prolog (XML declaration, comments) is short; a DOCTYPE hidden deeper is still refused
# by the check on lxml's own view of the document.
_RECORDS = ("item", "wp:author", "wp:category", "wp:tag", "wp:term")
# The elements iterparse reports: only channel-level ones (nested ones are read from their
# item), which spares Python an event per field. `title`, `link` and `description` also
# occur inside items; those events are told apart by their parent.
_REPORTED = tuple(
    f"{{{_WP_EXPORT}{version}/}}{name[3:]}" if name.startswith("wp:") else name
    for version in _WXR_VERSIONS
    for name in (*_SITE_FIELDS, *_RECORDS)
)
_PROLOG_LIMIT = 1 << 20
_PROLOG_CHUNK = 1 << 14


class WXRError(ValueError):
    """The file is not a WXR file lxml can read."""


class UnsafeXMLError(WXRError):
    """The file declares a DTD, the carrier of XXE and entity-expansion attacks."""


def _refuse(path: str) -> UnsafeXMLError:
    return UnsafeXMLError(
        f"{path}: the file declares a DTD (<!DOCTYPE …>); WXR files have none, and DTD "
        "entities allow XXE and entity-expansion (billion laughs) attacks: refusing to read it"
    )


def _sniff_encoding(head: bytes) -> str:
    """The codec that shows the prolog's markup: from the byte-order mark, else latin-1
    (every ASCII-compatible encoding, UTF-8 included, spells markup in ASCII)."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            return codec
    if head.startswith(b"<\0?\0"):
        return "utf-16-le"
    if head.startswith(b"\0<\0?"):
        return "utf-16-be"
    return "latin-1"


_PROLOG_TOKEN = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->)?", re.S)
_DOCTYPE = "<!DOCTYPE"


def check_prolog(path: str | os.PathLike[str]) -> None:
    """Raise `UnsafeXMLError` if the document declares a DTD before its root element."""
    name = os.fspath(path)
    with open(name, "rb") as fh:
        head = fh.read(_PROLOG_CHUNK)
        decoder = codecs.getincrementaldecoder(_sniff_encoding(head))("replace")
        text = decoder.decode(head)
        pos = 0
        while True:
            # Skip whitespace, the XML declaration, processing instructions and comments.
            while (m := _PROLOG_TOKEN.match(text, pos)) is not None and m.end() > pos:
                pos = m.end()
            start = text[pos : pos + len(_DOCTYPE)]
            if start.upper() == _DOCTYPE:
                raise _refuse(name)
            # Stop at the root element, unless the chunk ended inside the prolog.
            cut_short = len(start) < len(_DOCTYPE) or start.startswith(("<?", "<!--"))
            if not cut_short:
                return
            chunk = fh.read(_PROLOG_CHUNK)
            if not chunk or len(text) > _PROLOG_LIMIT:
                return
            text += decoder.decode(chunk)


@lru_cache(maxsize=256)
def _short(tag: str) -> str:
    """`{namespace}local` → `prefix:local`, whatever the WXR version's namespace URI."""
    if not tag.startswith("{"):
        return tag
    ns, _, local = tag[1:].partition("}")
    if ns.startswith(_WP_EXPORT):
        return ("excerpt:" if ns.endswith("/excerpt/") else "wp:") + local
    prefix = _NAMESPACES.get(ns)
    return f"{prefix}:{local}" if prefix else local


_LEADING_INT = re.compile(r"\s*([+-]?\d+)")


def _int(text: str | None) -> int:
    """PHP's `(int)` cast of exported text: leading digits, else 0."""
    if text is None:
        return 0
    if text.isdigit():  # the usual case, cheaply
        return int(text)
    m = _LEADING_INT.match(text)
    return int(m.group(1)) if m else 0


def _id(text: str | None) -> int | None:
    value = _int(text)
    return value if value > 0 else None


def _fields(elem: Any) -> tuple[dict[str, str], list[Any]]:
    """The text of each simple child by short name, and the children that have children."""
    fields: dict[str, str] = {}
    nested: list[Any] = []
    for child in elem:
        if not isinstance(child.tag, str):
            continue
        if len(child):
            nested.append(child)
        else:
            fields[_short(child.tag)] = child.text or ""
    return fields, nested


def _meta_of(elems: list[Any], kind: str) -> tuple[Meta, ...]:
    found = []
    for elem in elems:
        if _short(elem.tag) == kind:
            fields, _ = _fields(elem)
            found.append(Meta(fields.get("wp:meta_key", ""), fields.get("wp:meta_value", "")))
    return tuple(found)


def _author(elem: Any) -> Author:
    f, _ = _fields(elem)
    return Author(
        id=_id(f.get("wp:author_id")),
        login=f.get("wp:author_login", ""),
        email=f.get("wp:author_email", ""),
        display_name=f.get("wp:author_display_name", ""),
        first_name=f.get("wp:author_first_name", ""),
        last_name=f.get("wp:author_last_name", ""),
    )


def _term(elem: Any, kind: str) -> Term:
    f, nested = _fields(elem)
    # Each element kind names its fields differently; wp:term carries its taxonomy.
    if kind == "wp:category":
        taxonomy, slug, name, parent, desc = (
            "category",
            f.get("wp:category_nicename", ""),
            f.get("wp:cat_name", ""),
            f.get("wp:category_parent", ""),
            f.get("wp:category_description", ""),
        )
    elif kind == "wp:tag":
        taxonomy, slug, name, parent, desc = (
            "post_tag",
            f.get("wp:tag_slug", ""),
            f.get("wp:tag_name", ""),
            "",
            f.get("wp:tag_description", ""),
        )
    else:
        taxonomy, slug, name, parent, desc = (
            f.get("wp:term_taxonomy", ""),
            f.get("wp:term_slug", ""),
            f.get("wp:term_name", ""),
            f.get("wp:term_parent", ""),
            f.get("wp:term_description", ""),
        )
    return Term(
        id=_id(f.get("wp:term_id")),
        taxonomy=taxonomy,
        slug=slug,
        name=name,
        parent_slug=parent,
        description=desc,
        meta=_meta_of(nested, "wp:termmeta"),
    )


def _comment(elem: Any) -> Comment:
    f, nested = _fields(elem)
    return Comment(
        id=_id(f.get("wp:comment_id")),
        author=f.get("wp:comment_author", ""),
        author_email=f.get("wp:comment_author_email", ""),
        author_url=f.get("wp:comment_author_url", ""),
        author_ip=f.get("wp:comment_author_IP", ""),
        date=f.get("wp:comment_date", ""),
        date_gmt=f.get("wp:comment_date_gmt", ""),
        content=f.get("wp:comment_content", ""),
        approved=f.get("wp:comment_approved", "1"),
        type=f.get("wp:comment_type", ""),
        parent=_int(f.get("wp:comment_parent")),
        user_id=_int(f.get("wp:comment_user_id")),
        meta=_meta_of(nested, "wp:commentmeta"),
    )


def _item(elem: Any) -> Item:
    f: dict[str, str] = {}
    terms: list[ItemTerm] = []
    meta: list[Meta] = []
    comments: list[Comment] = []
    for child in elem:
        if not isinstance(child.tag, str):
            continue
        name = _short(child.tag)
        if name == "category":
            # Like the Importer, only categories with a nicename are terms (WXR 1.0 also
            # repeats them without one); WXR 1.0 called tags "tag".
            nicename = child.get("nicename")
            if nicename is not None:
                domain = child.get("domain", "category")
                taxonomy = "post_tag" if domain == "tag" else domain
                terms.append(ItemTerm(taxonomy, nicename, child.text or ""))
        elif name == "wp:postmeta":
            fields, _ = _fields(child)
            meta.append(Meta(fields.get("wp:meta_key", ""), fields.get("wp:meta_value", "")))
        elif name == "wp:comment":
            comments.append(_comment(child))
        else:
            f[name] = child.text or ""
    return Item(
        id=_id(f.get("wp:post_id")),
        title=f.get("title", ""),
        link=f.get("link", ""),
        guid=f.get("guid", ""),
        creator=f.get("dc:creator", ""),
        content=f.get("content:encoded", ""),
        excerpt=f.get("excerpt:encoded", ""),
        date=f.get("wp:post_date", ""),
        date_gmt=f.get("wp:post_date_gmt", ""),
        modified=f.get("wp:post_modified", ""),
        modified_gmt=f.get("wp:post_modified_gmt", ""),
        comment_status=f.get("wp:comment_status", "open"),
        ping_status=f.get("wp:ping_status", "open"),
        name=f.get("wp:post_name", ""),
        status=f.get("wp:status", "publish"),
        parent=_int(f.get("wp:post_parent")),
        menu_order=_int(f.get("wp:menu_order")),
        type=f.get("wp:post_type", "post"),
        password=f.get("wp:post_password", ""),
        is_sticky=_int(f.get("wp:is_sticky")) == 1,
        attachment_url=f.get("wp:attachment_url", ""),
        terms=tuple(terms),
        meta=tuple(meta),
        comments=tuple(comments),
    )


def _records(fh: IO[bytes], name: str) -> Iterator[Record]:
    context = etree.iterparse(
        fh,
        events=("end",),
        tag=sorted(set(_REPORTED)),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    site: dict[str, str] = {}
    site_sent = False
    first = True
    for _, elem in context:
        if first:
            first = False
            docinfo = elem.getroottree().docinfo
            if docinfo.internalDTD is not None or docinfo.doctype:
                raise _refuse(name)
        parent = elem.getparent()
        if parent is None or parent.tag != "channel":
            continue
        kind = _short(elem.tag) if isinstance(elem.tag, str) else ""
        if kind in _SITE_FIELDS:
            site[_SITE_FIELDS[kind]] = (elem.text or "").strip()
        elif kind in _RECORDS:
            if not site_sent:
                yield _site(site, name)
                site_sent = True
            if kind == "item":
                yield _item(elem)
            elif kind == "wp:author":
                yield _author(elem)
            else:
                yield _term(elem, kind)
        # Bounded memory: drop what has been read, and the siblings before it.
        elem.clear()
        while elem.getprevious() is not None:
            del parent[0]
    if not site_sent:
        yield _site(site, name)


def _site(fields: dict[str, str], name: str) -> SiteInfo:
    if not fields.get("wxr_version"):
        # The Importer's own test: without a version this is a plain RSS feed, not an export.
        raise WXRError(f"{name}: not a WXR file (no wp:wxr_version in the channel)")
    return SiteInfo(**fields)


def read_wxr(path: str | os.PathLike[str]) -> Iterator[Record]:
    """Yield the file's `SiteInfo` first, then its authors, terms and items in file order."""
    name = os.fspath(path)
    check_prolog(name)
    with open(name, "rb") as fh:
        try:
            yield from _records(fh, name)
        except etree.XMLSyntaxError as exc:
            raise WXRError(f"{name}: malformed XML: {exc}") from exc
