"""Load a `mysqldump` of a WordPress database into any backend we support.

The dump is read statement by statement (streaming, bounded memory); `CREATE TABLE` statements
give the table list, column names and `AUTO_INCREMENT` counters, `INSERT INTO … VALUES` rows are
decoded from MySQL's literal syntax and inserted in batches through SQLAlchemy. WordPress's own
tables use our declared schema; any other table (a plugin's) is created with generic columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import BigInteger, Column, Connection, Engine, MetaData, Table, Text, text

from pressbox.store.tables import Tables

BATCH = 500
_INT_TYPES = frozenset({"tinyint", "smallint", "mediumint", "int", "integer", "bigint"})

_ESCAPES = {
    "0": "\0",
    "'": "'",
    '"': '"',
    "b": "\b",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "Z": "\x1a",
    "\\": "\\",
}
# Inside a quoted MySQL string: runs of plain characters, or one backslash escape.
_STRING_BODY = re.compile(r"[^'\\]+|\\(.)|''", re.S)
_TOKEN = re.compile(
    r"\s*(?:(?P<open>\()|(?P<close>\))|(?P<comma>,)|(?P<semi>;)"
    r"|(?P<str>')|(?P<null>NULL)|(?P<hex>0x[0-9A-Fa-f]*)"
    r"|(?P<num>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(?P<binary>_binary\s*'))"
)
_CREATE = re.compile(r"CREATE TABLE `(?P<name>[^`]+)` \((?P<body>.*)\)(?P<opts>[^)]*)$", re.S)
_COLUMN = re.compile(r"^\s*`(?P<name>[^`]+)` (?P<type>[a-z]+)", re.M)
_AUTO_INC = re.compile(r"AUTO_INCREMENT=(\d+)")
_INSERT = re.compile(r"INSERT INTO `(?P<name>[^`]+)`(?: \((?P<cols>[^)]*)\))? VALUES\s*", re.S)


@dataclass
class DumpStats:
    """What a load did: rows per table and the counters it set."""

    rows: dict[str, int] = field(default_factory=dict)
    auto_increment: dict[str, int] = field(default_factory=dict)


def _read_string(sql: str, pos: int) -> tuple[str, int]:
    """Decode a quoted literal whose opening quote ends just before `pos`."""
    parts: list[str] = []
    while True:
        m = _STRING_BODY.match(sql, pos)
        if m is None:
            if sql.startswith("'", pos):
                return "".join(parts), pos + 1
            raise ValueError(f"unterminated string at {pos}")
        chunk = m.group(0)
        if chunk == "''":
            parts.append("'")
        elif chunk[0] == "\\":
            c = m.group(1)
            # MySQL keeps the backslash before % and _ (they are LIKE escapes).
            parts.append(_ESCAPES.get(c, "\\" + c if c in "%_" else c))
        else:
            parts.append(chunk)
        pos = m.end()


def parse_values(sql: str, pos: int = 0) -> Iterator[tuple[Any, ...]]:
    """Yield the row tuples of a `VALUES (…),(…);` list starting at `pos`."""
    row: list[Any] = []
    in_row = False
    n = len(sql)
    while pos < n:
        m = _TOKEN.match(sql, pos)
        if m is None:
            if sql[pos:].strip() == "":
                return
            raise ValueError(f"unexpected input at {pos}: {sql[pos : pos + 40]!r}")
        pos = m.end()
        kind = m.lastgroup
        if kind == "open":
            row, in_row = [], True
        elif kind == "close":
            yield tuple(row)
            in_row = False
        elif kind in ("str", "binary"):
            value, pos = _read_string(sql, pos)
            row.append(value)
        elif kind == "null":
            row.append(None)
        elif kind == "num":
            lit = m.group("num")
            row.append(int(lit) if lit.lstrip("-").isdigit() else lit)
        elif kind == "hex":
            row.append(bytes.fromhex(m.group("hex")[2:]).decode("utf-8", "replace"))
        elif kind == "semi":
            return
        elif kind == "comma" and not in_row:
            continue
    return


def iter_statements(path: Path) -> Iterator[str]:
    """Yield the SQL statements of a dump, skipping comments; strings may hold `;` or newlines."""
    buf: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            if not buf and (line.startswith("--") or line.startswith("/*") or not line.strip()):
                continue
            buf.append(line)
            # mysqldump ends every statement with `;` at the end of a line.
            if line.rstrip("\r\n").endswith(";"):
                stmt = "".join(buf)
                if _statement_complete(stmt):
                    yield stmt.strip()
                    buf = []
    if buf and "".join(buf).strip():
        yield "".join(buf).strip()


def _statement_complete(stmt: str) -> bool:
    """True unless the trailing `;` sits inside an open string literal."""
    if not stmt.startswith("INSERT"):
        return True
    quote = False
    i = 0
    n = len(stmt)
    while i < n:
        j = stmt.find("'", i) if not quote else _next_unescaped_quote(stmt, i)
        if j < 0:
            break
        quote = not quote
        i = j + 1
    return not quote


def _next_unescaped_quote(s: str, i: int) -> int:
    while True:
        j = s.find("'", i)
        if j < 0:
            return -1
        k = j - 1
        backslashes = 0
        while k >= 0 and s[k] == "\\":
            backslashes += 1
            k -= 1
        if backslashes % 2 == 0:
            return j
        i = j + 1


def _generic_table(name: str, body: str, metadata: MetaData) -> Table:
    cols = [
        Column(m.group("name"), BigInteger if m.group("type") in _INT_TYPES else Text)
        for m in _COLUMN.finditer(body)
    ]
    return Table(name, metadata, *cols)


def load_dump(
    path: Path,
    engine: Engine,
    tables: Tables,
    progress: Callable[[int], None] | None = None,
) -> DumpStats:
    """Replace the site's tables with the dump's content (a `mysqldump` of WordPress)."""
    stats = DumpStats()
    ours = {t.name: t for t in tables.all}
    extra = MetaData()
    known: dict[str, Table] = {}
    columns: dict[str, list[str]] = {}
    with engine.begin() as conn:
        for stmt in iter_statements(path):
            if stmt.startswith("CREATE TABLE"):
                m = _CREATE.match(stmt.rstrip(";"))
                if m is None:
                    continue
                name = m.group("name")
                table = ours.get(name)
                if table is None:
                    table = _generic_table(name, m.group("body"), extra)
                table.drop(conn, checkfirst=True)
                table.create(conn)
                known[name] = table
                columns[name] = [c.group("name") for c in _COLUMN.finditer(m.group("body"))]
                auto = _AUTO_INC.search(m.group("opts"))
                if auto:
                    stats.auto_increment[name] = int(auto.group(1))
            elif stmt.startswith("INSERT INTO"):
                m = _INSERT.match(stmt)
                if m is None or m.group("name") not in known:
                    continue
                name = m.group("name")
                cols = (
                    [c.strip(" `") for c in m.group("cols").split(",")]
                    if m.group("cols")
                    else columns[name]
                )
                count = _insert_rows(conn, known[name], cols, parse_values(stmt, m.end()))
                stats.rows[name] = stats.rows.get(name, 0) + count
                if progress:
                    progress(count)
        _set_counters(conn, known, stats.auto_increment)
    return stats


def _insert_rows(
    conn: Connection, table: Table, cols: list[str], rows: Iterator[tuple[Any, ...]]
) -> int:
    batch: list[dict[str, Any]] = []
    count = 0
    stmt = table.insert()
    for row in rows:
        batch.append(dict(zip(cols, row, strict=True)))
        if len(batch) >= BATCH:
            conn.execute(stmt, batch)
            count += len(batch)
            batch = []
    if batch:
        conn.execute(stmt, batch)
        count += len(batch)
    return count


def _set_counters(conn: Connection, known: dict[str, Table], counters: dict[str, int]) -> None:
    """Carry the dump's AUTO_INCREMENT counters over, so new ids are WordPress's next ids."""
    dialect = conn.dialect.name
    for name, nxt in counters.items():
        table = known[name]
        pk = [
            c
            for c in table.primary_key.columns
            if c.autoincrement is True or c.autoincrement == "auto"
        ]
        if len(pk) != 1:
            continue
        col = pk[0].name
        if dialect == "sqlite":
            if table.kwargs.get("sqlite_autoincrement"):
                conn.execute(text("DELETE FROM sqlite_sequence WHERE name = :n"), {"n": name})
                conn.execute(
                    text("INSERT INTO sqlite_sequence (name, seq) VALUES (:n, :s)"),
                    {"n": name, "s": nxt - 1},
                )
        elif dialect == "mysql":
            conn.execute(text(f"ALTER TABLE `{name}` AUTO_INCREMENT = {int(nxt)}"))
        elif dialect == "postgresql":
            conn.execute(
                text("SELECT setval(pg_get_serial_sequence(:t, :c), :v, false)"),
                {"t": f'"{name}"', "c": col, "v": nxt},
            )
