"""PostgreSQL as an optional server store (``--db postgresql://...``), with the same schema as SQLite.

The store's SQL is written once, in SQLite's dialect; :class:`PgConnection` gives it the part of the
``sqlite3.Connection`` interface the store uses (``execute``, ``executemany``, ``in_transaction``,
rows readable by index and by name) and translates the few SQLite-only forms:

* ``?`` placeholders -> ``%s``; ``PRAGMA`` statements are skipped;
* ``BEGIN IMMEDIATE`` -> ``BEGIN`` + a transaction-level advisory lock, so writers queue one after the
  other as they do on SQLite (a second ingest waits, it never interleaves half batches);
* ``INSERT OR IGNORE`` -> ``ON CONFLICT DO NOTHING``; ``INSERT OR REPLACE`` -> ``ON CONFLICT (key) DO
  UPDATE`` (the key of each table that uses it is listed in ``_KEYS``);
* migrations: ``INTEGER PRIMARY KEY`` -> ``BIGSERIAL PRIMARY KEY``, ``BLOB`` -> ``BYTEA``, ``REAL`` ->
  ``DOUBLE PRECISION``, and a ``rowid`` column (creation order) on the tables read in that order.

psycopg is imported only when a ``postgresql://`` store is opened (``pip install 'sitrep[postgres]'``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

WRITE_LOCK = 0x5173_7265  # the advisory lock every sitrep writer takes ("sitre")

_KEYS = {"reports": "report_id", "processed_articles": "article_id"}
_ROWID_TABLES = ("reports", "incidents")
_REPLACE = re.compile(r"^\s*INSERT OR REPLACE INTO (\w+)\s*\(([^)]*)\)", re.S | re.I)


def is_postgres_url(path: str) -> bool:
    return path.startswith(("postgresql://", "postgres://"))


class PgRow(tuple):  # type: ignore[type-arg]
    """A row readable by position and by column name (as ``sqlite3.Row``); ``dict(row)`` works."""

    _names: tuple[str, ...]

    def __new__(cls, values: Sequence[Any], names: tuple[str, ...]) -> PgRow:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    names = tuple(d.name for d in cursor.description or ())
    return lambda values: PgRow(values, names)


def translate(sql: str, params: bool = True) -> list[str]:
    """SQLite-dialect statement -> the PostgreSQL statements that do the same (``params``: it has some)."""
    text = sql.strip()
    upper = text.upper()
    if upper.startswith("PRAGMA"):
        return []
    if upper == "BEGIN IMMEDIATE":
        return ["BEGIN", f"SELECT pg_advisory_xact_lock({WRITE_LOCK})"]
    if params:
        text = text.replace("%", "%%").replace("?", "%s")
    if upper.startswith("INSERT OR IGNORE"):
        text = "INSERT" + text[len("INSERT OR IGNORE"):] + " ON CONFLICT DO NOTHING"
    m = _REPLACE.match(text)
    if m:
        table, cols = m.group(1), [c.strip() for c in m.group(2).split(",")]
        key = _KEYS[table]
        updates = ", ".join(f"{c}=EXCLUDED.{c}" for c in cols if c != key)
        text = "INSERT" + text[len("INSERT OR REPLACE"):] + f" ON CONFLICT ({key}) DO UPDATE SET {updates}"
    return [text]


def translate_ddl(statement: str) -> list[str]:
    """A migration statement (SQLite DDL) in PostgreSQL's types, plus the rowid columns."""
    text = re.sub(r"\bINTEGER PRIMARY KEY\b", "BIGSERIAL PRIMARY KEY", statement)
    text = re.sub(r"\bBLOB\b", "BYTEA", text)
    text = re.sub(r"\bREAL\b", "DOUBLE PRECISION", text)
    out = [text]
    m = re.match(r"\s*CREATE TABLE (?:IF NOT EXISTS )?(\w+)", text, re.I)
    if m and m.group(1) in _ROWID_TABLES:
        out.append(f"ALTER TABLE {m.group(1)} ADD COLUMN rowid BIGSERIAL")
    return out


class _NoRows:
    rowcount = 0

    def fetchone(self) -> None:
        return None

    def fetchall(self) -> list[Any]:
        return []

    def __iter__(self) -> Any:
        return iter(())


class PgConnection:
    """The part of ``sqlite3.Connection`` the store uses, over a psycopg connection."""

    def __init__(self, url: str, timeout: float = 60.0) -> None:
        import psycopg

        self.raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory, connect_timeout=int(timeout))
        self.raw.execute(f"SET lock_timeout = '{int(timeout)}s'")

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        statements = translate(sql, params is not None)
        cur: Any = _NoRows()
        for i, stmt in enumerate(statements):
            last = i == len(statements) - 1
            cur = self.raw.execute(stmt, list(params) if params is not None and last else None)
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        (stmt,) = translate(sql)
        cur = self.raw.cursor()
        cur.executemany(stmt, [list(r) for r in rows])
        return cur

    def execute_ddl(self, statement: str) -> None:
        for stmt in translate_ddl(statement):
            self.raw.execute(stmt)

    def tables(self) -> set[str]:
        return {r[0] for r in self.raw.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def close(self) -> None:
        self.raw.close()
