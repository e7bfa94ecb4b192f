"""Import throughput and peak memory for WXR and SQL dumps of a generated site.

    python bench/import_bench.py --posts 100000

Generates the site (bench/generate.py) unless it exists, then imports each file into a fresh
SQLite database in a child process and prints posts/s and the child's peak RSS.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


# Runs the CLI in a child that reports its own peak RSS (ru_maxrss of RUSAGE_SELF).
CHILD = (
    "import resource, sys; from pressbox.cli import cli\n"
    "try:\n    cli(sys.argv[1:], standalone_mode=False)\n"
    "finally:\n    print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def measure(args: list[str]) -> tuple[float, float]:
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    elapsed = time.monotonic() - start
    peak_kb = max(
        int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK")
    )
    return elapsed, peak_kb / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/pressbox-bench"))
    args = ap.parse_args()
    wxr, sql = args.out / "site.wxr", args.out / "site.sql"
    if not wxr.exists() or not sql.exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                "--posts",
                str(args.posts),
                "--out",
                str(args.out),
            ],
            check=True,
        )
    for name, source in (("WXR", wxr), ("SQL", sql)):
        target = args.out / f"import-{name.lower()}.db"
        target.unlink(missing_ok=True)
        # Each import runs in its own child so peak RSS is that import's alone.
        elapsed, peak_mb = measure(["import", str(source), "--database", f"sqlite:///{target}"])
        print(
            f"{name} import: {args.posts} posts in {elapsed:.1f} s = {args.posts / elapsed:,.0f} posts/s, "
            f"peak RSS {peak_mb:.0f} MB ({source.stat().st_size / 1e6:.0f} MB file)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
