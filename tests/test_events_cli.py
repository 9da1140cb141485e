"""Events CLI: exact messages and exit codes on bad input; table and jsonl output."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_process import add, fake_analyse  # tests/ is on sys.path under pytest

from sitrep.cli import main
from sitrep.events.process import process_articles
from sitrep.store import Store


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "cli.db"
    store = Store(path)
    add(store, "An air strike in Raqqa killed 24 civilians.", "one", "Al Jazeera", dt.date(2017, 6, 11))
    add(store, "A coalition strike in Raqqa killed 24 (up from 13) people.", "two", "AFP", dt.date(2017, 6, 12))
    process_articles(store, analyse=fake_analyse)
    with store.transaction():
        store.conn.execute("INSERT INTO control_changes (place_id, place_name, date, from_actor, to_actor, claimed_by)"
                           " VALUES ('mashlab', 'Mashlab', '2017-06-12', 'Islamic State', 'SDF', 'SDF')")
    store.close()
    return str(path)


@pytest.mark.parametrize("command", ["reports", "incidents", "control", "casualties", "process"])
def test_missing_database(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(main, [command, "--db", str(missing)])
    assert result.exit_code == 1
    assert result.output == f"Error: no sitrep database at {missing} (run 'sitrep ingest' first)\n"
    assert not missing.exists()


@pytest.mark.parametrize("bad", ["2017-13-01", "yesterday", ""])
def test_bad_date_is_a_usage_error(db: str, bad: str) -> None:
    result = CliRunner().invoke(main, ["control", "--db", db, "--date", bad])
    assert result.exit_code == 2
    assert result.output.endswith(f"Error: Invalid value for '--date': {bad!r} is not a date (expected YYYY-MM-DD)\n")


def test_bad_period_and_format(db: str) -> None:
    result = CliRunner().invoke(main, ["casualties", "--db", db, "--period", "year"])
    assert result.exit_code == 2 and "Invalid value for '--period'" in result.output
    result = CliRunner().invoke(main, ["incidents", "--db", db, "--format", "csv"])
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.output


def test_reports_jsonl_has_article_and_sentence(db: str) -> None:
    result = CliRunner().invoke(main, ["reports", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert sorted(x["external_id"] for x in lines) == ["one", "two"]
    assert all(x["sentence"].startswith("strike in Raqqa") and x["incident_id"] for x in lines)


def test_incidents_table_and_jsonl(db: str) -> None:
    table = CliRunner().invoke(main, ["incidents", "--db", db])
    # two outlets, both citing SOHR: one independent source
    assert table.exit_code == 0 and "single source" in table.output and table.output.rstrip().endswith("(1 row)")
    result = CliRunner().invoke(main, ["incidents", "--db", db, "--format", "jsonl"])
    (inc,) = [json.loads(x) for x in result.output.splitlines()]
    assert inc["n_sources"] == 2 and len(inc["report_details"]) == 2
    assert {d["external_id"] for d in inc["report_details"]} == {"one", "two"}
    assert {v["value"] for v in inc["conflicts"][0]["values"]} == {13, 24}


def test_control_at_date(db: str) -> None:
    before = CliRunner().invoke(main, ["control", "--db", db, "--date", "2017-06-11", "--format", "jsonl"])
    assert before.exit_code == 0 and before.output == ""
    after = CliRunner().invoke(main, ["control", "--db", db, "--date", "2017-06-13", "--format", "jsonl"])
    (row,) = [json.loads(x) for x in after.output.splitlines()]
    assert (row["place_id"], row["held_by"], row["as_of"]) == ("mashlab", "SDF", "2017-06-13")
    table = CliRunner().invoke(main, ["control", "--db", db])
    assert "Mashlab" in table.output and "(1 row)" in table.output


def test_casualties_and_process(db: str) -> None:
    result = CliRunner().invoke(main, ["casualties", "--db", db, "--format", "jsonl"])
    rows = [json.loads(x) for x in result.output.splitlines()]
    total = next(r for r in rows if r["source"] is None)
    assert (total["period"], total["conservative"], total["range_min"], total["range_max"]) == ("2017-06", 24, 24, 24)
    table = CliRunner().invoke(main, ["casualties", "--db", db, "--period", "week"])
    assert table.exit_code == 0 and "2017-W23" in table.output and "TOTAL" in table.output


def test_filters(db: str) -> None:
    runner = CliRunner()
    assert "(1 row)" in runner.invoke(main, ["incidents", "--db", db, "--since", "2017-06-10", "--place", "raq",
                                             "--type", "strike"]).output
    assert "(0 rows)" in runner.invoke(main, ["incidents", "--db", db, "--until", "2017-06-01"]).output
    assert "(0 rows)" in runner.invoke(main, ["incidents", "--db", db, "--type", "protest"]).output
    bad = runner.invoke(main, ["incidents", "--db", db, "--since", "June"])
    assert bad.exit_code == 2 and "Invalid value for '--since': 'June' is not a date (expected YYYY-MM-DD)" in bad.output
    inc = json.loads(runner.invoke(main, ["incidents", "--db", db, "--format", "jsonl"]).output)
    only = runner.invoke(main, ["reports", "--db", db, "--incident", inc["incident_id"], "--format", "jsonl"])
    assert len(only.output.splitlines()) == 2
    assert runner.invoke(main, ["reports", "--db", db, "--incident", "nope"]).output.rstrip().endswith("(0 rows)")
