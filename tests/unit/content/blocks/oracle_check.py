"""Dev tool (not a test): compare block rendering with the oracle's `content.rendered`.

    python -m tests.unit.content.blocks.oracle_check                 # every post/page, summary
    python -m tests.unit.content.blocks.oracle_check 1837 51 -v      # some posts, with diffs
    python -m tests.unit.content.blocks.oracle_check --pipeline pkg.mod:the_content

Without `--pipeline` only `do_blocks` runs, so both sides are normalised for what later steps
do (texturize, smilies, autop, shortcodes, `wp_filter_content_tags`): entities decoded, curly
punctuation folded, and the attributes content tags add to `<img>` removed. With a pipeline
(`(text, ctx) -> str`) the comparison is exact. Posts without blocks are skipped unless a
pipeline is given.
"""

from __future__ import annotations

import argparse
import difflib
import html
import importlib
import json
import re
import sys
from collections.abc import Callable
from typing import Any

from pressbox.content.blocks import do_blocks
from pressbox.content.context import RenderContext
from pressbox.content.counters import Counters

from .oracle_data import ORACLE
from .oracle_site import OracleSite

_IMG_ADDED = re.compile(
    r' (?:loading="lazy"|decoding="async"|fetchpriority="[a-z]+"|srcset="[^"]*"|sizes="[^"]*")'
)
_IMG_SIZE = re.compile(r'(<img[^>]*?) width="\d+" height="\d+"')
_FOLD = str.maketrans(
    {
        "🙂": ":)",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "—": "--",
        "–": "-",
        "…": "...",
        "×": "x",
        "″": '"',
        "′": "'",
    }
)


def expected_renders() -> dict[int, list[str]]:
    """`content.rendered` of every post/page answer in exchanges.jsonl, by id (distinct values)."""
    out: dict[int, list[str]] = {}
    with (ORACLE / "exchanges.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            ex = json.loads(line)
            path = ex["request"]["path"]
            if not re.fullmatch(r"/wp-json/wp/v2/(posts|pages|blocks)(/\d+)?", path):
                continue
            try:
                body = json.loads(ex["response"]["body"] or "null")
            except ValueError:
                continue
            for item in body if isinstance(body, list) else [body]:
                if (
                    isinstance(item, dict)
                    and isinstance(item.get("content"), dict)
                    and "rendered" in item["content"]
                ):
                    renders = out.setdefault(int(item["id"]), [])
                    if item["content"]["rendered"] not in renders:
                        renders.append(item["content"]["rendered"])
    return out


def normalise(text: str) -> str:
    text = _IMG_ADDED.sub("", text)
    text = _IMG_SIZE.sub(r"\1", text)
    text = text.replace(" />", "/>").replace("<br />", "<br>")
    text = html.unescape(text).translate(_FOLD)
    text = re.sub(
        r"(wp-block-gallery-|is-style-[a-z-]+--|wp-duotone-[0-9a-f-]+-|gallery-)\d+", r"\1N", text
    )
    text = re.sub(r"</?p>", "", text)
    return re.sub(r"\s+", " ", text).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("ids", nargs="*", type=int)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--pipeline", help="module:callable taking (text, ctx)")
    args = parser.parse_args(argv)
    pipeline: Callable[[str, RenderContext], str] | None = None
    if args.pipeline:
        mod, _, name = args.pipeline.partition(":")
        pipeline = getattr(importlib.import_module(mod), name)
    site = OracleSite()
    expected = expected_renders()
    ids = args.ids or sorted(expected)
    passed = failed = skipped = 0
    for post_id in ids:
        post = site.post(post_id)
        if post is None or post_id not in expected:
            skipped += 1
            continue
        if pipeline is None and "<!-- wp:" not in post.post_content:
            skipped += 1
            continue
        state: dict[str, Any] = {}
        ctx = RenderContext(post=post, data=site, state=state, request_url="")
        ours = Counters().resolve((pipeline or do_blocks)(post.post_content, ctx))
        theirs = expected[post_id]
        if pipeline is None:
            ok = any(normalise(ours) == normalise(t) for t in theirs)
        else:
            ok = ours in theirs
        if ok:
            passed += 1
            if args.verbose:
                print(f"PASS {post_id}")
            continue
        failed += 1
        print(f"FAIL {post_id} {post.post_title[:50]!r}")
        if args.verbose:
            a = normalise(theirs[0]) if pipeline is None else theirs[0]
            b = normalise(ours) if pipeline is None else ours
            a_lines = re.sub(r">\s*<", ">\n<", a).splitlines()
            b_lines = re.sub(r">\s*<", ">\n<", b).splitlines()
            for line in difflib.unified_diff(a_lines, b_lines, "oracle", "ours", lineterm="", n=1):
                print("   ", line[:300])
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
