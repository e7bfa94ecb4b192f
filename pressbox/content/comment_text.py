"""The `comment_text` filters: how a comment's content becomes `content.rendered`.

WordPress counterparts: the `comment_text` hooks of default-filters.php (`make_clickable` 9,
`wptexturize` and `convert_chars` 10, `convert_smilies` 20, `force_balance_tags` 25, `wpautop`
30, `capital_P_dangit` 31) and `make_clickable()` with its callbacks (formatting.php).

`make_clickable()`'s patterns run on bytes in PHP (no `u` flag): `\\w`, `\\s` and `\\S` are ASCII
classes there, and every byte of a multibyte character counts as `\\x80-\\xff`. The Python
patterns spell those classes out, with every non-ASCII character standing for its bytes.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

from pressbox.content.autop import wpautop
from pressbox.content.context import RenderContext
from pressbox.content.escaping import ALLOWED_PROTOCOLS, esc_attr, esc_url
from pressbox.content.formatting import (
    capital_P_dangit,
    convert_chars,
    convert_smilies,
    force_balance_tags,
)
from pressbox.content.pipeline import Pipeline
from pressbox.content.texturize import wptexturize

# PCRE's byte-mode classes.
_WS = " \t\n\x0b\f\r"
_W = "A-Za-z0-9_"
_HIGH = "\x80-\U0010ffff"
# A URL's non-punctuation characters.
_URL_CHAR = rf"[{_W}{_HIGH}#%~/@\[\]*(+=&$-]"

_SPLIT_TAGS = re.compile(r"(<[^<>]+>)")
_CODE_OPEN = re.compile(r"^<(?:code|pre|script|style)[\s>]", re.IGNORECASE)
_CODE_CLOSE = frozenset({"</code>", "</pre>", "</script>", "</style>"})
_TAG_WITH_URL = re.compile(rf"^<[{_WS}]*[{_W}]{{1,20}}+://")
_URL_CLICKABLE = re.compile(
    rf"""
    ([{_WS}(<.,;:!?])                      # 1: leading whitespace or punctuation
    (                                      # 2: the URL
        [{_W}]{{1,20}}+://                 # scheme
        (?=[^{_WS}]{{1,2000}}[{_WS}])      # shorter than about 2000 characters
        {_URL_CHAR}*+
        (?:[\'.,;:!?)]{_URL_CHAR}++)*      # punctuation only when more URL follows
    )
    (\)?)                                  # 3: a closing parenthesis, balanced later
    (\.[{_W}]{{2,6}})?                     # 4: a file extension
    """,
    re.VERBOSE,
)
_WEB_FTP_CLICKABLE = re.compile(
    rf"([{_WS}>])((www|ftp)\.[{_W}{_HIGH}#$%&~/.\-;:=,?@\[\]+]+)", re.IGNORECASE | re.DOTALL
)
_EMAIL_CLICKABLE = re.compile(
    rf"([{_WS}>])([.0-9a-z_+-]+)@(([0-9a-z-]+\.)+[0-9a-z]{{2,}})", re.IGNORECASE
)
_NESTED_LINKS = re.compile(r"(<a([ \r\n\t]+[^>]+?>|>))<a [^>]+?>([^>]+?)</a></a>", re.IGNORECASE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_NOFOLLOW_SCHEMES = tuple(p for p in ALLOWED_PROTOCOLS if p in ("https", "http"))


def parse_url(url: str) -> tuple[str, str] | None:
    """The scheme and host PHP's `parse_url()` finds, or None where it fails.

    It fails on an authority with an empty host (`http://`, `http://:80`) or a port that is
    not a number up to 65535 (`http://a:b`), which make_clickable() meets in odd text.
    """
    m = _SCHEME.match(url)
    scheme = m.group(1) if m else ""
    rest = url[m.end() :] if m else url
    if not rest.startswith("//"):
        return scheme, ""
    authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
    host = authority.rpartition("@")[2]
    if not host.startswith("["):
        host, colon, port = host.rpartition(":") if ":" in host else (host, "", "")
        if colon and port and (not port.isascii() or not port.isdigit() or len(port) > 5):
            return None
        if colon and port and int(port) > 65535:
            return None
    if not host:
        return None
    return scheme, host


def _scheme(url: str) -> str:
    parts = parse_url(url)
    return parts[0].lower() if parts else ""


def wp_is_internal_link(link: str, home_url: str) -> bool:
    """`wp_is_internal_link()`: an allowed scheme and the home URL's host."""
    parts = parse_url(link.lower())
    if parts is None or parts[0] not in ALLOWED_PROTOCOLS:
        return False
    home = parse_url(home_url)
    return home is not None and parts[1] == home[1].lower()


def _rel_attr(url: str, home_url: str, in_comment: bool) -> str:
    """`_make_clickable_rel_attr()`: `nofollow` for external web links, `ugc` in comments."""
    parts: list[str] = []
    if not wp_is_internal_link(url, home_url) and _scheme(url) in _NOFOLLOW_SCHEMES:
        parts.append("nofollow")
    if in_comment:
        parts.append("ugc")
    rel = " ".join(parts)
    return f' rel="{esc_attr(rel)}"' if rel else ""


def _url_link(m: re.Match[str], home_url: str, in_comment: bool) -> str:
    """`_make_url_clickable_cb()`."""
    url = m.group(2)
    if m.group(3) == ")" and url.find("(") > 0:
        url += m.group(3)
        suffix = ""
    else:
        suffix = m.group(3)
    if m.group(4):
        url += m.group(4)
    while url.count("(") < url.count(")"):
        cut = url.rfind(")")
        suffix = url[cut:] + suffix
        url = url[:cut]
    url = esc_url(url)
    if not url:
        return m.group(0)
    return f'{m.group(1)}<a href="{url}"{_rel_attr(url, home_url, in_comment)}>{url}</a>{suffix}'


def _web_ftp_link(m: re.Match[str], home_url: str, in_comment: bool) -> str:
    """`_make_web_ftp_clickable_cb()`: `www.`/`ftp.` addresses get `http://`."""
    dest = "http://" + m.group(2)
    after = ""
    if dest[-1] in ".,;:)":
        after = dest[-1]
        dest = dest[:-1]
    dest = esc_url(dest)
    if not dest:
        return m.group(0)
    rel = _rel_attr(dest, home_url, in_comment)
    return f'{m.group(1)}<a href="{dest}"{rel}>{dest}</a>{after}'


def _email_link(m: re.Match[str]) -> str:
    email = f"{m.group(2)}@{m.group(3)}"
    return f'{m.group(1)}<a href="mailto:{email}">{email}</a>'


def split_by_whitespace(text: str, goal: int) -> list[str]:
    """`_split_str_by_whitespace()`: chunks of about `goal` characters ending in whitespace."""
    chunks: list[str] = []
    while goal < len(text):
        pos = max(text.rfind(ch, 0, goal + 1) for ch in _WS)
        if pos == -1:
            found = [p for p in (text.find(ch, goal + 1) for ch in _WS) if p != -1]
            if not found:
                break
            pos = min(found)
        chunks.append(text[: pos + 1])
        text = text[pos + 1 :]
    if text:
        chunks.append(text)
    return chunks


def make_clickable(text: str, home_url: str, in_comment: bool = False) -> str:
    """`make_clickable()`: URLs, `www.` addresses and e-mail addresses become links, except
    inside tags and `<code>`, `<pre>`, `<script>`, `<style>`."""
    out: list[str] = []
    nested = 0
    for piece in _SPLIT_TAGS.split(text):
        if _CODE_OPEN.match(piece):
            nested += 1
        elif nested and piece.lower() in _CODE_CLOSE:
            nested -= 1
        if nested or not piece or (piece[0] == "<" and not _TAG_WITH_URL.match(piece)):
            out.append(piece)
            continue
        if len(piece.encode()) > 10000:
            for chunk in split_by_whitespace(piece, 2100):
                too_big = len(chunk.encode()) > 2101
                out.append(chunk if too_big else make_clickable(chunk, home_url, in_comment))
            continue
        padded = f" {piece} "
        padded = _URL_CLICKABLE.sub(lambda m: _url_link(m, home_url, in_comment), padded)
        padded = _WEB_FTP_CLICKABLE.sub(lambda m: _web_ftp_link(m, home_url, in_comment), padded)
        padded = _EMAIL_CLICKABLE.sub(_email_link, padded)
        out.append(padded[1:-1])
    return _NESTED_LINKS.sub(r"\1\3</a>", "".join(out))


def _make_clickable_step(text: str, ctx: RenderContext) -> str:
    # Inside `comment_text` WordPress adds `ugc` to every link make_clickable() makes.
    return make_clickable(text, ctx.data.home_url(), in_comment=True)


def _force_balance_tags_step(text: str, ctx: RenderContext) -> str:
    return force_balance_tags(text)


COMMENT_TEXT = Pipeline.build(
    "comment_text",
    [
        (31, capital_P_dangit),
        (10, wptexturize),
        (10, convert_chars),
        (9, _make_clickable_step),
        (25, _force_balance_tags_step),
        (20, convert_smilies),
        (30, wpautop),
    ],
)
CACHE_SIZE = 4096


class CommentTextRenderer:
    """`apply_filters( 'comment_text', $content )`, cached by content and the site options
    the steps read (home URL, `siteurl`, `use_smilies`)."""

    def __init__(self, pipeline: Pipeline = COMMENT_TEXT) -> None:
        self.pipeline = pipeline
        self._cache: OrderedDict[tuple[str, ...], str] = OrderedDict()
        self._lock = threading.Lock()

    def render(self, content: str, ctx: RenderContext) -> str:
        data = ctx.data
        key = (
            content,
            data.home_url(),
            str(data.option("siteurl", "")),
            str(data.option("use_smilies", "1")),
        )
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        html = self.pipeline(content, ctx)
        with self._lock:
            self._cache[key] = html
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return html
