"""Incremental ingest: day N+1 analyses only its own articles, writes only the incidents it creates or
joins, and ends with the rows a single run over both days gives."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sitrep.pipeline import RunOptions, run_ingest
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synthetic import paragraphs, read_texts, synthetic_articles  # noqa: E402
from tests.test_workers import TABLES, dump  # noqa: E402


def write(path: Path, records: list[dict[str, str]]) -> Path:
    import json

    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def ingest(db: Path, *paths: Path):  # type: ignore[no-untyped-def]
    store = Store(db)
    try:
        return run_ingest(list(paths), store, options=RunOptions(workers=1, batch_size=4))
    finally:
        store.close()


def incident_rows(db: Path) -> dict[str, tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return {r[0]: tuple(r) for r in conn.execute("SELECT * FROM incidents")}
    finally:
        conn.close()


def test_day_n_plus_1_touches_only_its_articles_and_incidents(tmp_path: Path) -> None:
    pool = paragraphs(read_texts(ROOT / "examples" / "raqqa"))
    records = list(synthetic_articles(pool, 16, seed=11))  # dated in order through one year
    day_n = write(tmp_path / "day_n.jsonl", records[:12])
    day_n1 = write(tmp_path / "day_n1.jsonl", records[12:])

    db = tmp_path / "incremental.db"
    first = ingest(db, day_n)
    assert first.process.articles == 12
    before = incident_rows(db)
    second = ingest(db, day_n, day_n1)  # the old files again, and the new day
    assert (second.ingest.stored, second.ingest.already_stored) == (4, 12)
    assert second.process.articles == 4 and second.process.reprocessed == 0  # day N is not analysed again
    after = incident_rows(db)
    changed = {i for i in after if i in before and after[i] != before[i]}
    new = set(after) - set(before)
    assert len(new) == second.process.incidents_new
    assert len(changed) <= second.process.incidents_updated
    assert not set(before) - set(after)  # nothing of day N disappeared

    whole = tmp_path / "whole.db"
    ingest(whole, day_n, day_n1)
    a, b = dump(db), dump(whole)
    for table in TABLES:
        assert a[table] == b[table], table
