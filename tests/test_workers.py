"""One machine, several workers: identical rows, and a killed ingest resumed equals an uninterrupted one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.pipeline import RunOptions, run_ingest
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synthetic import paragraphs, read_texts, write_corpus  # noqa: E402

# every derived table, without the columns that record when or by which run a row was written
TABLES = {
    "articles": "SELECT article_id, external_id, published_at, outlet, text, duplicate_of, stage_version FROM "
                "articles ORDER BY article_id",
    "rejections": "SELECT code, raw_path, external_id, detail FROM rejections ORDER BY 1, 2, 3",
    "reports": "SELECT * FROM reports ORDER BY report_id",
    "incidents": "SELECT * FROM incidents ORDER BY incident_id",
    "incident_reports": "SELECT * FROM incident_reports ORDER BY incident_id, report_id",
    "control_changes": "SELECT place_id, date, from_actor, to_actor, claimed_by, incident_id, report_id FROM "
                       "control_changes ORDER BY 1, 2, 6, 7",
    "processed": "SELECT article_id, versions, n_reports, status, window_begin, window_end FROM processed_articles "
                 "ORDER BY article_id",
}


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {name: [tuple(r) for r in conn.execute(sql)] for name, sql in TABLES.items()}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    examples = ROOT / "examples" / "raqqa"
    out = tmp_path_factory.mktemp("corpus") / "synthetic.jsonl"
    return write_corpus(paragraphs(read_texts(examples)), 24, out, seed=7)


def ingest(db: Path, corpus: Path, workers: int) -> None:
    store = Store(db)
    try:
        result = run_ingest([corpus], store, options=RunOptions(workers=workers, batch_size=4))
    finally:
        store.close()
    assert result.ingest.stored == 24 and result.process.articles > 0


def test_two_worker_processes_give_the_same_rows_as_one(tmp_path: Path, corpus: Path) -> None:
    ingest(tmp_path / "one.db", corpus, 1)
    ingest(tmp_path / "two.db", corpus, 2)
    one, two = dump(tmp_path / "one.db"), dump(tmp_path / "two.db")
    assert one["reports"] and one["incidents"]
    for table in TABLES:
        assert one[table] == two[table], table


def test_ingest_killed_mid_run_and_resumed_equals_an_uninterrupted_run(tmp_path: Path, corpus: Path) -> None:
    ingest(tmp_path / "whole.db", corpus, 1)
    db = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "sitrep.cli", "ingest", str(corpus), "--db", str(db), "--quiet", "--workers", "1",
           "--batch-size", "2"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:  # wait for some committed batches, then kill -9
        time.sleep(0.05)
        try:
            conn = sqlite3.connect(db, timeout=0.1)
            done = conn.execute("SELECT COUNT(*) FROM processed_articles").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            continue
        if done >= 4:
            break
    assert proc.poll() is None, "the ingest finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 4 <= done < 24
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    resumed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert "stored 0 new article(s)" in resumed.stdout and "already stored 24" in resumed.stdout
    whole, again = dump(tmp_path / "whole.db"), dump(db)
    for table in TABLES:
        assert whole[table] == again[table], table
    conn = sqlite3.connect(db)  # the killed run is recorded as interrupted, the resumed one as done
    assert [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY run_id")] == ["interrupted", "done"]
    conn.close()


SHELLING = [  # one shelling, told at a layer village (Ma'arrat an-Nu'man) and at its governorate (Idlib)
    ("idlib-1", "2017-02-06", "BEIRUT, Feb 6 (Reuters) - Syrian government shelling killed 14 people in the town of "
     "Maarat al-Numan in Idlib province on Monday, the Syrian Observatory for Human Rights said. The shelling hit a "
     "market in the town."),
    ("idlib-2", "2017-02-06", "Government forces shelled Idlib province on Monday, killing 14 people, activists "
     "said. Rescue workers said the toll could rise."),
    ("idlib-3", "2017-02-07", "Syrian army shelling killed 14 people in Idlib on Monday, according to the Syrian "
     "Observatory for Human Rights. Residents of Maarat al-Numan said the strikes hit a market."),
]


def test_workers_in_fresh_processes_merge_layer_villages_as_one_process_does(tmp_path: Path) -> None:
    """Each run in its own process, as the CLI runs: with 2 workers the main process geoparses nothing, so
    the merge must find a village's governorate without the places the analysis copied in."""
    import json

    corpus = tmp_path / "idlib.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "date": d, "text": t}) + "\n" for i, d, t in SHELLING))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for workers in (1, 2):
        cmd = [sys.executable, "-m", "sitrep.cli", "ingest", str(corpus), "--db", str(tmp_path / f"w{workers}.db"),
               "--quiet", "--workers", str(workers), "--batch-size", "1"]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    one, two = dump(tmp_path / "w1.db"), dump(tmp_path / "w2.db")
    assert len(one["reports"]) >= 2
    assert len(one["incidents"]) < len(one["reports"])  # the village and the governorate reports merged
    for table in TABLES:
        assert one[table] == two[table], table
