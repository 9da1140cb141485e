"""Runs: one error policy for ingest and process, degraded stages as coded warnings shown by stats."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.events.mentions import ModelUnavailable
from sitrep.store import Store


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


def model_missing() -> Any:
    raise ModelUnavailable("mentions_model.npz: No such file or directory")


def blast_articles(folder: Path) -> Path:
    """Articles with event sentences (a blast killing people), which the mention model must decide."""
    folder.mkdir()
    for i, place in enumerate(("Raqqa", "Tabqa", "Deir ez-Zor")):
        (folder / f"blast{i}.txt").write_text(
            f"June {10 + i}, 2017\n\nAn explosion hit a crowded market in {place} on Sunday, killing {5 + i} "
            f"people, activists said. The blast destroyed several shops and wounded dozens more, according to "
            f"a local monitoring group.\n")
    return folder


def test_a_model_that_cannot_load_is_a_coded_warning_not_silent_no_events(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "s.db")
    src = blast_articles(tmp_path / "in")
    monkeypatch.setattr("sitrep.events.analyse.load_model", model_missing)
    result = invoke("ingest", str(src), "--db", db, "--quiet", "--workers", "1")
    assert result.exit_code == 0, result.output
    found = re.search(r"warning W001: stage 'mentions' ran degraded on (\d+) article\(s\); they are not marked "
                      r"processed and will be analysed again \(see 'sitrep stats'\)", result.output)
    assert found, result.output
    n = int(found.group(1))
    assert n == 3
    stats = invoke("stats", "--db", db)
    assert "last run: ingest #1 degraded" in stats.output
    assert (f"warning W001 [mentions]: a stage ran degraded (a model or resource could not be loaded); its articles "
            f"are retried next run: unavailable: mentions_model.npz: No such file or directory "
            f"({n} article(s))") in stats.output
    monkeypatch.undo()  # the model is back: the degraded articles are analysed again, the others are not
    again = invoke("process", "--db", db, "--quiet", "--workers", "1")
    assert again.exit_code == 0
    assert f"processed {n} article(s)" in again.output  # the degraded articles, and only they, are analysed again
    assert re.search(r"reports [1-9]", again.output), again.output  # now with their events
    assert "last run: process #2 done" in invoke("stats", "--db", db).output


def test_on_error_raise_stops_at_a_degraded_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "s.db")
    src = blast_articles(tmp_path / "in")
    monkeypatch.setattr("sitrep.events.analyse.load_model", model_missing)
    result = invoke("ingest", str(src), "--db", db, "--quiet", "--workers", "1", "--on-error", "raise")
    assert result.exit_code == 1
    assert re.search(r"Error: W001: stage 'mentions' ran degraded on \S+: unavailable: mentions_model.npz",
                     result.output), result.output
    store = Store(db, create=False)
    assert store.runs(1)[0]["status"] == "failed"


def test_on_error_raise_stops_ingest_at_the_first_rejected_document(tmp_path: Path, examples: Path) -> None:
    (tmp_path / "in").mkdir()
    good = sorted(examples.iterdir())[0]
    (tmp_path / "in" / "a.txt").write_text(good.read_text())
    (tmp_path / "in" / "b.txt").write_text("")
    db = str(tmp_path / "s.db")
    result = invoke("ingest", str(tmp_path / "in"), "--db", db, "--quiet", "--no-process", "--on-error", "raise")
    assert result.exit_code == 1
    assert result.output == (f"Error: E005: no article text (empty, or nothing left after removing "
                             f"boilerplate): {tmp_path / 'in' / 'b.txt'} (file is empty)\n")
    assert [a.external_id for a in Store(db, create=False).iter_articles()] == ["a"]  # what came before is kept
    recorded = invoke("ingest", str(tmp_path / "in"), "--db", db, "--quiet", "--no-process")
    assert recorded.exit_code == 0 and "rejected E005: 1" in recorded.output


def test_process_on_error_raise_names_the_failing_article(tmp_path: Path, examples: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "s.db")
    assert invoke("ingest", str(examples), "--db", db, "--quiet", "--no-process").exit_code == 0

    def broken(*args: Any, **kw: Any) -> Any:
        raise ValueError("bad offsets")

    monkeypatch.setattr("sitrep.events.analyse.extract_reports", broken)
    result = invoke("process", "--db", db, "--quiet", "--workers", "1", "--on-error", "raise")
    assert result.exit_code == 1
    assert re.fullmatch(r"Error: E013: analysis failed on \S+ \(\S+\): ValueError: bad offsets\n", result.output)
    recorded = invoke("process", "--db", db, "--quiet", "--workers", "1")
    assert recorded.exit_code == 0
    assert "analysis failed on 4 article(s): see 'sitrep rejections' (E013)" in recorded.output


def test_a_stage_that_cannot_be_imported_fails_the_command_loudly(tmp_path: Path, examples: Path) -> None:
    """As when a dependency is missing: the stage module's import fails, ingest must not exit 0 with no events."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    block = tmp_path / "block"
    block.mkdir()
    (block / "sitecustomize.py").write_text("import sys\nsys.modules['sitrep.places.gazetteer'] = None\n")
    env = {**os.environ, "PYTHONPATH": f"{block}{os.pathsep}{root}"}
    db = tmp_path / "s.db"
    result = subprocess.run([sys.executable, "-m", "sitrep.cli", "ingest", str(examples), "--db", str(db),
                             "--quiet", "--workers", "1"], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Error: P001: stage 'places' cannot be loaded: sitrep.places: ModuleNotFoundError: " \
           "import of sitrep.places.gazetteer halted; None in sys.modules" in result.stderr
    assert not db.exists() or Store(db, create=False).count("articles") == 0


def test_a_run_killed_with_sigkill_is_shown_and_recorded_as_interrupted(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    db = tmp_path / "s.db"
    Store(db).close()
    code = ("import sys, time; from sitrep.store import Store; s = Store(sys.argv[1]); "
            "print(s.start_run('ingest', engine='local', workers=1, on_error='record', versions={}), flush=True); "
            "time.sleep(120)")
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(root)})
    assert proc.stdout is not None
    run_id = int(proc.stdout.readline())
    assert "last run: ingest #1 running" in invoke("stats", "--db", str(db)).output  # alive: still running
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    shown = invoke("stats", "--db", str(db)).output
    assert f"last run: ingest #{run_id} interrupted" in shown and "interrupted_runs: 1" in shown
    store = Store(db)
    assert store.stale_runs() == [run_id]
    new = store.start_run("process", engine="local", workers=1, on_error="record", versions={})
    rows = {r["run_id"]: r for r in store.runs(5)}
    assert rows[run_id]["status"] == "interrupted" and rows[run_id]["finished_at"]
    assert rows[new]["status"] == "running" and store.stale_runs() == []  # this process is alive
    store.close()


def test_a_running_run_of_a_pid_recycled_by_a_later_process_is_stale(tmp_path: Path) -> None:
    import os

    store = Store(tmp_path / "s.db")
    run_id = store.start_run("ingest", engine="local", workers=1, on_error="record", versions={})
    with store.transaction():  # the same pid, but the run started long before this process did
        store.conn.execute("UPDATE runs SET started_at='2001-01-01T00:00:00+00:00', pid=? WHERE run_id=?",
                           (os.getpid(), run_id))
    assert store.stale_runs() == [run_id]
    store.close()
