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
