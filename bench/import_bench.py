"""Import throughput and peak memory for WXR and SQL dumps of a generated site.

    python bench/import_bench.py --posts 100000

Generates the site (bench/generate.py) unless it exists, then imports each file into a fresh
SQLite database in a child process and prints posts/s and the child's peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(cmd: list[str]) -> tuple[float, float]:
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/pressbox-bench"))
    args = ap.parse_args()
    wxr, sql = args.out / "site.wxr", args.out / "site.sql"
    if not wxr.exists() or not sql.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--posts", str(args.posts), "--out", str(args.out)], check=True)
    exe = str(Path(sys.executable).with_name("pressbox"))
    for name, source in (("WXR", wxr), ("SQL", sql)):
        target = args.out / f"import-{name.lower()}.db"
        target.unlink(missing_ok=True)
        # Each import runs in its own child so peak RSS is that import's alone.
        elapsed, peak_mb = measure([exe, "import", str(source), "--database", f"sqlite:///{target}"])
        print(f"{name} import: {args.posts} posts in {elapsed:.1f} s = {args.posts / elapsed:,.0f} posts/s, "
              f"peak RSS {peak_mb:.0f} MB ({source.stat().st_size / 1e6:.0f} MB file)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
