"""Replay oracle exchanges in-process and print per-group pass counts (a developer tool).

    python tests/conformance/oracle_report.py [GROUP_REGEX] [ID_REGEX] [-v] [--auth] [--update-passing]

Builds (once) a SQLite copy of the oracle's wordpress.sql under /tmp and replays the GET
exchanges sent without credentials (with `--auth`, every exchange of the read file).
"""

from __future__ import annotations

import collections
import json
import re
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The repository root, so `tests` imports as a package (tests/http must not shadow `http`).
sys.path.insert(0, str(HERE.parent.parent))

from pressbox.app import App  # noqa: E402
from pressbox.config import Settings  # noqa: E402
from pressbox.rest.wsgi import WSGIApp  # noqa: E402
from pressbox.store.db import Database  # noqa: E402
from pressbox.store.sqldump import load_dump  # noqa: E402
from pressbox.testing import Client  # noqa: E402
from tests.conformance.replay import exchanges, load_compare, replay  # noqa: E402
from tests.conftest import oracle_dir  # noqa: E402


def build_db(oracle: Path, path: Path) -> str:
    url = f"sqlite:///{path}"
    if not path.exists() or path.stat().st_mtime < (oracle / "wordpress.sql").stat().st_mtime:
        path.unlink(missing_ok=True)
        db = Database(url)
        load_dump(oracle / "wordpress.sql", db.engine, db.tables)
        db.close()
    return url


def main(argv: list[str]) -> int:
    oracle = oracle_dir()
    if oracle is None:
        print("oracle absent")
        return 2
    args = [a for a in argv if not a.startswith("-")]
    groups = args[0] if args else ".*"
    only = args[1] if len(args) > 1 else None
    verbose = "-v" in argv
    with_auth = "--auth" in argv
    url = build_db(oracle, Path("/tmp/pressbox-oracle.db"))
    compare = load_compare(oracle)
    creds = json.loads((oracle / "credentials.json").read_text())["users"]
    client = Client(WSGIApp(App(Settings(database_url=url, uploads_dir=oracle / "uploads"))))
    update = "--update-passing" in argv
    passing: list[str] = []
    stats: collections.Counter[str] = collections.Counter()
    fails: collections.Counter[str] = collections.Counter()
    for rec in exchanges(oracle):
        req = rec["request"]
        if not re.fullmatch(groups, rec["group"]):
            continue
        if not with_auth and (req["auth"] is not None or "Authorization" in req["headers"]):
            continue
        if only and not re.search(only, rec["id"]):
            continue
        try:
            problems = replay(client, compare, rec, creds)
        except Exception as exc:  # a crash is a failure to report, not to hide
            problems = [f"exception {exc!r}"]
            if verbose:
                traceback.print_exc()
        stats[rec["group"]] += 1
        if problems:
            fails[rec["group"]] += 1
            print("FAIL", rec["id"], *(problems[:4] if verbose else [problems[0][:240]]))
        else:
            passing.append(rec["id"])
            if verbose:
                print("PASS", rec["id"])
    print({g: f"{stats[g] - fails[g]}/{stats[g]}" for g in stats})
    if update and not with_auth:
        listed = HERE / "passing.txt"
        known = [line for line in listed.read_text().splitlines() if line.strip()]
        new = [i for i in passing if i not in known]
        listed.write_text("\n".join(known + new) + "\n")
        print(f"passing.txt: {len(new)} ids added")
    total, failed = sum(stats.values()), sum(fails.values())
    print(f"{total - failed} passed, {failed} failed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
