"""HTTP throughput of `pressbox serve` under wrk, the way production runs it.

    python bench/http_bench.py --database sqlite:////tmp/pressbox-oracle.db [--duration 10]

Starts `pressbox serve` (granian, 2 workers, one blocking thread each) on a free loopback
port, warms it, then runs wrk at 16 and 64 connections against each path and prints req/s
with the p50/p99 latencies wrk reports (`--repeat N`: the best run and the median of N). A
calibration loop before and after shows how fast the machine was during the runs. The response cache does not exist; rendered fields
are cached in-process, which is part of the design.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

DEFAULT_PATHS = [
    "/wp-json/wp/v2/posts",
    "/wp-json/wp/v2/posts/12269?_embed",
    "/wp-json/wp/v2/posts?search=block",
    "/wp-json/wp/v2/media",
    "/wp-json/wp/v2/categories?hide_empty=true",
    "/wp-json/wp/v2/comments?post=1836",
    "/wp-json/wp/v2/users",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer {url}")


def _ms(value: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)", value)
    if not m:
        return float("nan")
    number, unit = float(m.group(1)), m.group(2)
    return number / 1000 if unit == "us" else number * 1000 if unit == "s" else number


def run_wrk(url: str, connections: int, duration: int) -> tuple[float, float, float, int]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"(?m)^\s+50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"(?m)^\s+99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    return rps, p50, p99, errors


def calibration_ms(rounds: int = 3) -> float:
    """The best time of a fixed pure-Python loop: how fast this machine is right now.

    Machines of one kind differ, and a shared host's speed drifts (the same build measured
    900 and 1,300 req/s an hour apart on one machine); this figure puts a run in context.
    """
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        total = 0
        for i in range(5_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--database",
        default=os.environ.get("PRESSBOX_DATABASE_URL", "sqlite:////tmp/pressbox-oracle.db"),
    )
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", default="16,64")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--repeat", type=int, default=1, help="runs per path and load; the best and the median"
    )
    ap.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2
    port = free_port()
    exe = Path(sys.executable).with_name("pressbox")
    server = subprocess.Popen(
        [
            str(exe),
            "serve",
            "--database",
            args.database,
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_ready(base + "/wp-json/wp/v2/posts?per_page=1")
        print(f"pressbox serve, {args.workers} workers, {args.database}")
        print(f"calibration: 5M-step Python loop in {calibration_ms():.0f} ms (lower is faster)")
        print(
            f"{'path':48} {'conns':>5} {'req/s':>9} {'median':>9} {'p50 ms':>8} {'p99 ms':>8}"
            f" {'non-2xx':>8}"
        )
        for path in args.paths:
            run_wrk(base + path, 4, 2)  # warm every worker's caches
            for conns in (int(c) for c in args.connections.split(",")):
                runs = sorted(
                    (run_wrk(base + path, conns, args.duration) for _ in range(args.repeat)),
                    reverse=True,
                )
                rps, p50, p99, errors = runs[0]
                median = runs[len(runs) // 2][0]
                print(
                    f"{path:48} {conns:>5} {rps:>9.0f} {median:>9.0f} {p50:>8.2f} {p99:>8.2f}"
                    f" {errors:>8}"
                )
        print(f"calibration after: {calibration_ms():.0f} ms")
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
