"""The store as a new user meets it: foreign files, missing paths, concurrent first ingests, bad inputs."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main

ROOT = Path(__file__).resolve().parents[1]


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


def digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def foreign_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada', '123')")
    conn.commit()
    conn.close()
    return path


def test_read_command_on_someone_elses_sqlite_file_refuses_and_leaves_it_untouched(tmp_path: Path) -> None:
    db = foreign_db(tmp_path / "other.sqlite")
    before = digest(db)
    for command in ("incidents", "articles", "stats", "reports", "control", "rejections"):
        result = invoke(command, "--db", str(db))
        assert result.exit_code == 1, command
        assert result.output == (f"Error: {db} is not a sitrep database (it holds other tables: contacts); "
                                 "sitrep leaves it untouched\n")
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]  # no -wal/-shm either


def test_ingest_into_someone_elses_sqlite_file_refuses_too(tmp_path: Path, examples: Path) -> None:
    db = foreign_db(tmp_path / "other.sqlite")
    before = digest(db)
    result = invoke("ingest", str(examples), "--db", str(db), "--quiet", "--no-process", "--workers", "1")
    assert result.exit_code == 1
    assert "is not a sitrep database (it holds other tables: contacts)" in result.output
    assert digest(db) == before


def test_read_command_on_a_missing_path_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    result = invoke("incidents", "--db", str(db))
    assert result.exit_code == 1
    assert result.output == f"Error: no sitrep database at {db} (run 'sitrep ingest' first)\n"
    assert list(tmp_path.iterdir()) == []


def test_read_command_on_an_empty_file_refuses(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    db.touch()
    result = invoke("stats", "--db", str(db))
    assert result.exit_code == 1
    assert result.output == f"Error: {db} is an empty file, not a sitrep database (run 'sitrep ingest' first)\n"
    assert db.stat().st_size == 0


def test_json_list_of_strings_is_not_an_article_file(tmp_path: Path) -> None:
    src = tmp_path / "names.json"
    src.write_text(json.dumps(["Raqqa", "Mosul", "Aleppo"]))
    db = tmp_path / "s.db"
    result = invoke("ingest", str(src), "--db", str(db), "--quiet", "--no-process", "--workers", "1")
    assert result.exit_code == 1
    assert "rejected E014: 1" in result.output
    listing = invoke("rejections", "--db", str(db), "--format", "jsonl")
    row = json.loads(listing.output)
    assert (row["code"], row["reason"]) == ("E014", "not an article file (JSON that holds no article records)")
    assert row["detail"] == "the JSON holds a list of str, not article objects with a text field"


def test_ingest_of_an_empty_folder_fails(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    result = invoke("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "s.db"), "--quiet", "--no-process")
    assert result.exit_code == 1
    assert result.output.endswith("Error: nothing was ingested: no input documents found\n")


def test_two_first_ingests_into_a_new_store_both_succeed(tmp_path: Path, examples: Path) -> None:
    db = tmp_path / "new.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "sitrep.cli", "ingest", str(examples), "--db", str(db), "--quiet", "--no-process",
           "--workers", "1"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    stored = sorted(int(next(line for line in out.splitlines() if line.startswith("stored")).split()[1])
                    for out, _ in outs)
    assert stored == [0, 4]  # one stored them, the other found them already there
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 4
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
