"""The embedded store: one SQLite file, WAL, foreign keys, recorded migrations.

Migrations are the numbered ``migrations/NNN_name.sql`` files shipped with the
package; each is applied once, in order, inside a transaction, and recorded in
``schema_migrations``. Writes go through :meth:`Store.transaction`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.records import Article

DEFAULT_DB = "sitrep.db"


class StoreError(Exception):
    """The store cannot be opened or used."""


def _migrations() -> list[tuple[str, str]]:
    folder = resources.files("sitrep.store") / "migrations"
    items = [(p.name, p.read_text(encoding="utf-8")) for p in folder.iterdir() if p.name.endswith(".sql")]
    return sorted(items)


def _date(value: str | None) -> dt.date | dt.datetime | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


class Store:
    """A sitrep database file. ``Store(":memory:")`` works for tests."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True) -> None:
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no sitrep database at {self.path} (run 'sitrep ingest' first)")
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:  # pragma: no cover - depends on the file system
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a sitrep database: {exc}") from exc

    # ------------------------------------------------------------------ schema
    def migrate(self) -> list[str]:
        """Apply pending migrations; return the names applied."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {r[0] for r in self.conn.execute("SELECT name FROM schema_migrations")}
        applied = []
        for name, sql in _migrations():
            if name in done:
                continue
            with self.transaction():
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?)", (name, dt.datetime.now(dt.UTC).isoformat())
                )
            applied.append(name)
        return applied

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception. Nests as a no-op."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ articles
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE article_id=?", (article_id,)).fetchone() is not None

    def insert_article(self, article: Article, *, minhash: bytes | None, stage_version: str) -> None:
        interval = article.published_interval
        self.conn.execute(
            """INSERT INTO articles (article_id, external_id, raw_path, url, outlet, outlet_source, title,
                published_at, published_precision, published_source, published_begin, published_end,
                published_evidence, language, text, duplicate_of, metadata, removed_lines, minhash,
                stage_version, ingested_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                article.article_id, article.external_id, article.raw_path, article.url, article.outlet,
                article.outlet_source, article.title,
                article.published_at.isoformat() if article.published_at else None,
                article.published_precision, article.published_source,
                interval[0].isoformat() if interval else None, interval[1].isoformat() if interval else None,
                article.published_evidence, article.language, article.text, article.duplicate_of,
                json.dumps(article.metadata, ensure_ascii=False, default=str), article.removed_lines, minhash,
                stage_version, dt.datetime.now(dt.UTC).isoformat(),
            ),
        )

    def insert_rejection(self, code: str, reason: str, raw_path: str, external_id: str | None,
                         detail: str | None) -> bool:
        """Record a rejection once per (code, path, id); True if it is new."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO rejections (code, reason, raw_path, external_id, detail, rejected_at)"
            " VALUES (?,?,?,?,?,?)",
            (code, reason, raw_path, external_id or "", detail, dt.datetime.now(dt.UTC).isoformat()),
        )
        return cur.rowcount > 0

    def iter_articles(self, article_ids: list[str] | None = None, *,
                      include_duplicates: bool = True) -> Iterator[Article]:
        sql = "SELECT * FROM articles"
        args: list[Any] = []
        where = []
        if article_ids is not None:
            where.append(f"article_id IN ({','.join('?' * len(article_ids))})")
            args.extend(article_ids)
        if not include_duplicates:
            where.append("duplicate_of IS NULL")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published_at IS NULL, published_at, external_id, article_id"
        for row in self.conn.execute(sql, args):
            yield row_to_article(row)

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        for row in self.conn.execute(
            "SELECT article_id, minhash FROM articles WHERE minhash IS NOT NULL AND duplicate_of IS NULL"
        ):
            yield row[0], row[1]

    def counts(self) -> dict[str, Any]:
        q = self.conn.execute
        by_code = {r[0]: r[1] for r in q("SELECT code, COUNT(*) FROM rejections GROUP BY code ORDER BY code")}
        return {
            "articles": q("SELECT COUNT(*) FROM articles").fetchone()[0],
            "near_duplicates": q("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "rejections": sum(by_code.values()),
            "rejections_by_code": by_code,
            "dated": {r[0]: r[1] for r in q(
                "SELECT published_source, COUNT(*) FROM articles GROUP BY published_source ORDER BY 1")},
        }


def row_to_article(row: sqlite3.Row) -> Article:
    begin, end = row["published_begin"], row["published_end"]
    return Article(
        article_id=row["article_id"], external_id=row["external_id"], raw_path=row["raw_path"],
        text=row["text"], title=row["title"], url=row["url"], outlet=row["outlet"],
        outlet_source=row["outlet_source"], published_at=_date(row["published_at"]),
        published_precision=row["published_precision"], published_source=row["published_source"],
        published_interval=(dt.date.fromisoformat(begin), dt.date.fromisoformat(end)) if begin and end else None,
        published_evidence=row["published_evidence"], language=row["language"],
        duplicate_of=row["duplicate_of"], metadata=json.loads(row["metadata"] or "{}"),
        removed_lines=row["removed_lines"],
    )


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements (no semicolons inside literals in our files)."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
