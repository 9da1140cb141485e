"""The embedded store: one SQLite file, WAL, foreign keys, recorded migrations.

Migrations are the numbered ``migrations/NNN_name.sql`` files shipped with the
package; each is applied once, in order, inside a transaction, and recorded in
``schema_migrations``. Writes go through :meth:`Store.transaction`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.records import Article, Rejection
from sitrep.store.pg import PgConnection, is_postgres_url

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


_COUNTABLE = frozenset({"articles", "rejections", "reports", "incidents", "incident_reports", "control_changes",
                        "processed_articles", "runs"})


class Store:
    """A sitrep database file. ``Store(":memory:")`` works for tests."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True, timeout: float = 60.0) -> None:
        """Open (``create``: or create) a sitrep store.

        A file that exists but is not a sitrep store (another program's SQLite database, or not SQLite
        at all) is refused before anything is written to it. A second process opening the same new file
        waits for the first one's migrations (up to ``timeout`` seconds) instead of failing.
        """
        self.path = str(path)
        self.dialect = "postgresql" if is_postgres_url(self.path) else "sqlite"
        if self.dialect == "postgresql":
            self._open_postgres(create, timeout)
            return
        memory = self.path == ":memory:"
        if not memory:
            _check_sitrep_file(Path(self.path), create=create)
        try:
            self.conn: Any = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                             timeout=timeout)
        except sqlite3.Error as exc:  # pragma: no cover - depends on the file system
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError(f"{self.path} is busy: another sitrep command is writing to it ({exc}); "
                                 "try again when it has finished") from exc
            raise StoreError(f"{self.path} is not a sitrep database: {exc}") from exc

    def _open_postgres(self, create: bool, timeout: float) -> None:
        shown = _hide_password(self.path)
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("a postgresql:// store needs psycopg: pip install 'sitrep[postgres]'") from exc
        try:
            self.conn = PgConnection(self.path, timeout)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {shown}: {str(exc).strip()}") from exc
        try:
            tables = self.conn.tables()
            if "schema_migrations" not in tables:
                if tables:
                    listed = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
                    raise StoreError(f"{shown} is not a sitrep database (it holds other tables: {listed}); "
                                     "sitrep leaves it untouched")
                if not create:
                    raise StoreError(f"{shown} is not a sitrep database (it holds no sitrep tables; "
                                     "run 'sitrep ingest' first)")
            self.migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"{shown}: {str(exc).strip()}") from exc
        except StoreError:
            self.conn.close()
            raise

    # ------------------------------------------------------------------ schema
    def migrate(self) -> list[str]:
        """Apply pending migrations, all in one write transaction (a concurrent opener waits for it)."""
        applied: list[str] = []
        names = {name for name, _ in _migrations()}
        if self._has_table("schema_migrations"):
            if names <= {r[0] for r in self.conn.execute("SELECT name FROM schema_migrations")}:
                return applied  # up to date: no write lock taken
        with self.transaction():
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {r[0] for r in self.conn.execute("SELECT name FROM schema_migrations")}
            for name, sql in _migrations():
                if name in done:
                    continue
                for statement in _statements(sql):
                    if self.dialect == "postgresql":
                        self.conn.execute_ddl(statement)
                    else:
                        self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?)", (name, dt.datetime.now(dt.UTC).isoformat())
                )
                applied.append(name)
        return applied

    def _has_table(self, name: str) -> bool:
        if self.dialect == "postgresql":
            return name in self.conn.tables()
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE name=?", (name,)).fetchone() is not None

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

    def begin(self) -> None:
        """Start a write transaction (for callers that commit in batches: :meth:`commit` then begin again)."""
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def count(self, table: str) -> int:
        """Rows in one of sitrep's tables."""
        if table not in _COUNTABLE:
            raise ValueError(f"not a sitrep table: {table}")
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ articles
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE article_id=?", (article_id,)).fetchone() is not None

    def insert_article(self, article: Article, *, minhash: bytes | None, stage_version: str,
                       run_id: int | None = None) -> None:
        interval = article.published_interval
        self.conn.execute(
            """INSERT INTO articles (article_id, external_id, raw_path, url, outlet, outlet_source, title,
                published_at, published_precision, published_source, published_begin, published_end,
                published_evidence, language, text, duplicate_of, metadata, removed_lines, minhash,
                stage_version, ingested_at, run_id)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                article.article_id, article.external_id, article.raw_path, article.url, article.outlet,
                article.outlet_source, article.title,
                article.published_at.isoformat() if article.published_at else None,
                article.published_precision, article.published_source,
                interval[0].isoformat() if interval else None, interval[1].isoformat() if interval else None,
                article.published_evidence, article.language, article.text, article.duplicate_of,
                json.dumps(article.metadata, ensure_ascii=False, default=str), article.removed_lines, minhash,
                stage_version, dt.datetime.now(dt.UTC).isoformat(), run_id,
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

    def near_duplicate_candidates(self, bands: list[bytes]) -> list[str]:
        """Kept articles sharing one of these LSH bands (band i = the i-th key)."""
        if not bands:
            return []
        sql = " UNION ".join(["SELECT article_id FROM near_dup_bands WHERE band=? AND hash=?"] * len(bands))
        args: list[Any] = [v for i, b in enumerate(bands) for v in (i, b)]
        return [r[0] for r in self.conn.execute(sql, args)]

    def add_near_duplicate_bands(self, article_id: str, bands: list[bytes]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO near_dup_bands (band, hash, article_id) VALUES (?,?,?)",
                              [(i, b, article_id) for i, b in enumerate(bands)])

    def index_near_duplicate_bands(self, bands_of: Any) -> int:
        """Index the kept articles that have a signature but no bands yet (stored before migration 011);
        ``bands_of(blob)`` gives the bands of a stored signature. Returns how many were indexed."""
        todo = [r[0] for r in self.conn.execute(
            "SELECT article_id FROM articles a WHERE minhash IS NOT NULL AND duplicate_of IS NULL AND NOT EXISTS"
            " (SELECT 1 FROM near_dup_bands b WHERE b.article_id = a.article_id)")]
        if not todo:
            return 0
        with self.transaction():
            for start in range(0, len(todo), 500):
                chunk = todo[start:start + 500]
                rows = self.conn.execute(f"SELECT article_id, minhash FROM articles WHERE article_id IN "
                                         f"({','.join('?' * len(chunk))})", chunk).fetchall()
                for article_id, blob in rows:
                    self.add_near_duplicate_bands(article_id, bands_of(bytes(blob)))
        return len(todo)

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

    def find_article(self, article_id: str) -> tuple[str, str] | None:
        """(external_id, raw_path) of a stored article, or None."""
        row = self.conn.execute("SELECT external_id, raw_path FROM articles WHERE article_id=?",
                                (article_id,)).fetchone()
        return (row[0], row[1]) if row is not None else None

    def rejections(self) -> list[Rejection]:
        """Every recorded rejection, oldest first."""
        return [Rejection(code=r[0], reason=r[1], raw_path=r[2], external_id=r[3] or None, detail=r[4])
                for r in self.conn.execute("SELECT code, reason, raw_path, external_id, detail FROM rejections "
                                           "ORDER BY rejection_id")]

    def stats(self) -> dict[str, Any]:
        """Counts of everything stored, and the last run with its warnings."""
        out = self.counts()
        for table in ("reports", "incidents", "control_changes"):
            out[table] = self.count(table)
        out["processed"] = {r[0]: r[1] for r in self.conn.execute(
            "SELECT status, COUNT(*) FROM processed_articles GROUP BY status ORDER BY status")}
        interrupted = self.conn.execute("SELECT COUNT(*) FROM runs WHERE status='interrupted'").fetchone()[0] \
            + len(self.stale_runs())
        if interrupted:
            out["interrupted_runs"] = interrupted  # killed or crashed: their committed batches are kept
        last = self.runs(1)
        if last:
            out["last_run"] = last[0]
        return out

    # ------------------------------------------------------------------ processing state and runs
    def has_gazetteer_extra(self) -> bool:
        """Imported GeoNames rows (SQLite stores only: the gazetteer reads them from the file)."""
        if self.dialect != "sqlite":
            return False
        return self.conn.execute("SELECT 1 FROM gazetteer_extra LIMIT 1").fetchone() is not None

    def pending_article_ids(self, versions: str, article_ids: list[str] | None = None) -> list[str]:
        """Ids of stored articles not processed by ``versions``, in publication order."""
        sql = ("SELECT a.article_id FROM articles a LEFT JOIN processed_articles p ON p.article_id = a.article_id "
               "WHERE (p.versions IS NULL OR p.versions != ?)")
        args: list[Any] = [versions]
        if article_ids is not None:
            sql += f" AND a.article_id IN ({','.join('?' * len(article_ids))})"
            args.extend(article_ids)
        sql += " ORDER BY a.published_at IS NULL, a.published_at, a.external_id, a.article_id"
        return [r[0] for r in self.conn.execute(sql, args)]

    def mark_processed(self, rows: list[ProcessedRow]) -> None:
        """Record which versions processed each article (inside the caller's transaction)."""
        now = dt.datetime.now(dt.UTC).isoformat()
        self.conn.executemany(
            "INSERT OR REPLACE INTO processed_articles (article_id, versions, n_reports, status, window_begin,"
            " window_end, processed_at, run_id) VALUES (?,?,?,?,?,?,?,?)",
            [(r.article_id, r.versions, r.n_reports, r.status, _iso(r.window, 0), _iso(r.window, 1), now, r.run_id)
             for r in rows])

    def start_run(self, command: str, *, engine: str, workers: int, on_error: str,
                  versions: dict[str, str]) -> int:
        """Record a new run (its process and host, for :meth:`stale_runs`); runs left "running" by a
        process that is gone (kill -9, a crash, a power cut) are marked ``interrupted`` first."""
        now = dt.datetime.now(dt.UTC).isoformat()
        with self.transaction():
            stale = self.stale_runs()
            self.conn.executemany("UPDATE runs SET status='interrupted', finished_at=? WHERE run_id=?",
                                  [(now, run_id) for run_id in stale])
            row = self.conn.execute(
                "INSERT INTO runs (command, started_at, status, engine, workers, on_error, versions, pid, host,"
                " heartbeat_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING run_id",
                (command, now, "running", engine, workers, on_error, json.dumps(versions, sort_keys=True),
                 os.getpid(), socket.gethostname(), now)).fetchone()
        return int(row[0])

    def heartbeat(self, run_id: int) -> None:
        """The run is alive (called with every committed batch, inside the caller's transaction)."""
        self.conn.execute("UPDATE runs SET heartbeat_at=? WHERE run_id=?", (dt.datetime.now(dt.UTC).isoformat(),
                                                                            run_id))

    def stale_runs(self) -> list[int]:
        """Runs still marked running whose process is gone: on this host, no process has its pid (or the
        process with it started after the run did); on another host, no heartbeat for ``STALE_AFTER``;
        without a recorded process (a run of a version before migration 011), always."""
        out = []
        now = dt.datetime.now(dt.UTC)
        host = socket.gethostname()
        for r in self.conn.execute("SELECT run_id, pid, host, started_at, heartbeat_at FROM runs"
                                   " WHERE status='running'").fetchall():
            if r["pid"] is None:
                out.append(int(r["run_id"]))
            elif r["host"] == host:
                if not _process_alive(int(r["pid"]), dt.datetime.fromisoformat(r["started_at"])):
                    out.append(int(r["run_id"]))
            else:
                beat = dt.datetime.fromisoformat(r["heartbeat_at"] or r["started_at"])
                if now - beat > STALE_AFTER:
                    out.append(int(r["run_id"]))
        return out

    def add_warning(self, run_id: int, code: str, message: str, *, stage: str = "", articles: int = 1) -> None:
        """A coded warning of a run; repeated warnings of one (code, stage) add up their article counts."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO run_warnings (run_id, code, stage, message, articles) VALUES (?,?,?,?,?) "
                "ON CONFLICT(run_id, code, stage) DO UPDATE SET articles = articles + excluded.articles",
                (run_id, code, stage, message, articles))

    def finish_run(self, run_id: int, status: str, summary: dict[str, Any]) -> None:
        with self.transaction():
            self.conn.execute("UPDATE runs SET finished_at=?, status=?, summary=? WHERE run_id=?",
                              (dt.datetime.now(dt.UTC).isoformat(), status,
                               json.dumps(summary, sort_keys=True, default=str), run_id))

    def runs(self, limit: int = 10) -> list[dict[str, Any]]:
        """The latest runs, newest first, each with its warnings (a run whose process is gone shows as
        ``interrupted`` even before the next run records it)."""
        out = []
        stale = set(self.stale_runs())
        for r in self.conn.execute("SELECT * FROM runs ORDER BY run_id DESC LIMIT ?", (limit,)).fetchall():
            d = dict(r)
            if d["run_id"] in stale:
                d["status"] = "interrupted"
            d["versions"] = json.loads(d["versions"])
            d["summary"] = json.loads(d["summary"])
            d["warnings"] = [dict(w) for w in self.conn.execute(
                "SELECT code, stage, message, articles FROM run_warnings WHERE run_id=? ORDER BY code, stage",
                (r["run_id"],))]
            out.append(d)
        return out


STALE_AFTER = dt.timedelta(minutes=30)  # a run on another host with no heartbeat for this long is gone


def _process_alive(pid: int, started: dt.datetime) -> bool:
    """Is there a process with this pid on this host that may be the run's (not started after it)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        pass
    began = _process_start(pid)  # a recycled pid: the process now holding it started after the run did
    return began is None or began <= started + dt.timedelta(seconds=2)


def _process_start(pid: int) -> dt.datetime | None:
    """When a process started (Linux /proc: boot time + its start in clock ticks); None elsewhere."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        ticks = int(stat[stat.rindex(")") + 2:].split()[19])  # field 22, starttime
        boot = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
        return dt.datetime.fromtimestamp(boot + ticks / os.sysconf("SC_CLK_TCK"), dt.UTC)
    except (OSError, ValueError, IndexError, StopIteration):
        return None


@dataclass(frozen=True)
class ProcessedRow:
    """One article's processing state: the stage versions that processed it and the outcome."""

    article_id: str
    versions: str
    n_reports: int
    status: str  # processed | skipped-duplicate | degraded
    window: tuple[dt.date, dt.date] | None
    run_id: int | None = None


def _iso(window: tuple[dt.date, dt.date] | None, k: int) -> str | None:
    return window[k].isoformat() if window else None


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _check_sitrep_file(path: Path, *, create: bool) -> None:
    """Refuse, without writing anything, a path that is not (and may not become) a sitrep store."""
    if not path.exists():
        if not create:
            raise StoreError(f"no sitrep database at {path} (run 'sitrep ingest' first)")
        return
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a sitrep database")
    if path.stat().st_size == 0:
        if not create:
            raise StoreError(f"{path} is an empty file, not a sitrep database (run 'sitrep ingest' first)")
        return
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            ours = "schema_migrations" in tables and probe.execute(
                "SELECT 1 FROM schema_migrations WHERE name LIKE '001_%'").fetchone() is not None
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a sitrep database: {exc}") from exc
    if tables and not ours:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(f"{path} is not a sitrep database (it holds other tables: {shown}); "
                         "sitrep leaves it untouched")
    if not ours and not create:
        raise StoreError(f"{path} is not a sitrep database (it holds no sitrep tables)")


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
