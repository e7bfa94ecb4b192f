"""Dev tool (not a test): regenerate `pressbox/content/blocks/core_blocks.json` from the mirror.

    python -m tests.unit.content.blocks.gen_block_types

Keeps, per core block, only what server rendering reads: attribute types, enums and defaults,
`supports`, `usesContext`, `providesContext` and `selectors`. Key order is WordPress's.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.php_cli import MIRROR, WP_TAG, wp_include

OUT = Path(__file__).resolve().parents[4] / "pressbox" / "content" / "blocks" / "core_blocks.json"


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={MIRROR}", *args], capture_output=True, check=True, text=True
    ).stdout


def main() -> None:
    names = [
        n
        for n in _git("ls-tree", "-r", "--name-only", WP_TAG, "wp-includes/blocks").splitlines()
        if n.endswith("/block.json")
    ]
    out: dict[str, Any] = {}
    for path in sorted(names):
        meta = json.loads(wp_include(path.removeprefix("wp-includes/")))
        attrs = {}
        for key, schema in meta.get("attributes", {}).items():
            attrs[key] = {k: schema[k] for k in ("type", "enum", "default") if k in schema}
        entry: dict[str, Any] = {"attributes": attrs, "supports": meta.get("supports", {})}
        for key in ("usesContext", "providesContext", "selectors"):
            if key in meta:
                entry[key] = meta[key]
        out[meta["name"]] = entry
    OUT.write_text(
        json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{len(out)} block types -> {OUT}")


if __name__ == "__main__":
    main()
