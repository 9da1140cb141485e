"""CLI: exact messages and exit codes, help text, README coverage."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_ingest_sample_then_list(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "s.db")
    result = run("ingest", str(examples), "--db", db, "--quiet", "--no-process")
    assert result.exit_code == 0, result.output
    assert "stored 4 new article(s)" in result.output
    assert "rejected 0" in result.output
    out = run("articles", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert len(rows) == 4
    assert {"article_id", "external_id", "text", "published_at", "published_precision", "published_source",
            "outlet", "duplicate_of", "language", "raw_path", "title", "url"} <= set(rows[0])
    again = run("ingest", str(examples), "--db", db, "--quiet", "--no-process")
    assert "stored 0 new article(s)" in again.output and "already stored 4" in again.output


def test_ingest_whose_every_input_was_rejected_fails_but_records_why(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "nope.txt"), "--db", db, "--quiet", "--no-process"])
    assert result.exit_code == 1
    assert "rejected E001: 1" in result.output
    assert result.output.endswith("Error: nothing was ingested: all 1 input(s) were rejected "
                                  "(see 'sitrep rejections')\n")
    listing = run("rejections", "--db", db)
    assert "E001" in listing.output and "path does not exist" in listing.output


def test_articles_on_missing_db_fails_cleanly(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["articles", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert f"Error: no sitrep database at {tmp_path / 'none.db'} (run 'sitrep ingest' first)" in result.output


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("this is not sqlite " * 100)
    result = CliRunner().invoke(main, ["stats", "--db", str(bad)])
    assert result.exit_code == 1
    assert "is not a sitrep database" in result.output


def test_ingest_needs_a_path() -> None:
    result = CliRunner().invoke(main, ["ingest"])
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.output


def test_every_command_has_help_and_is_documented() -> None:
    readme = (ROOT / "README.md").read_text()
    for name, command in main.commands.items():
        assert command.help and command.help.strip(), name
        assert f"sitrep {name}" in readme, f"'sitrep {name}' is not in the README"
        for sub in getattr(command, "commands", {}):
            assert f"sitrep {name} {sub}" in readme, f"'sitrep {name} {sub}' is not in the README"
