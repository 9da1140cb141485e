"""The same store on PostgreSQL: a real server on loopback, started by the test in a temporary directory."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.events import rows
from sitrep.pipeline import RunOptions, run_ingest
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.pgserver import Unavailable, create_database, postgres_server  # noqa: E402

psycopg = pytest.importorskip("psycopg")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    try:
        with postgres_server() as url:
            yield url
    except Unavailable as exc:
        pytest.skip(f"no PostgreSQL server can be started here: {exc}")


def everything(store: Store) -> dict[str, list[dict[str, object]]]:
    """Every article, report, incident and control change, as plain dicts (backend independent)."""
    return {
        "articles": sorted((a.to_dict() for a in store.iter_articles()), key=lambda d: str(d["article_id"])),
        "reports": sorted((r.to_dict() for r in rows.load_reports(store.conn)), key=lambda d: str(d["report_id"])),
        "incidents": sorted((i.to_dict() for i in rows.load_incidents(store.conn)),
                            key=lambda d: str(d["incident_id"])),
        "control": [c.to_dict() for c in rows.load_control_changes(store.conn)],
        "rejections": [r.to_dict() for r in store.rejections()],
    }


def test_postgres_store_gives_the_same_rows_as_sqlite(tmp_path: Path, server: str, examples: Path) -> None:
    url = create_database(server, "same_rows")
    results = {}
    for name, db in (("sqlite", str(tmp_path / "s.db")), ("postgresql", url)):
        store = Store(db)
        try:
            run = run_ingest([examples, tmp_path / "missing.txt"], store, options=RunOptions(workers=1))
            assert run.ingest.stored == 4 and run.process.reports > 0
            results[name] = everything(store)
            assert store.runs(1)[0]["status"] == "done"
        finally:
            store.close()
    assert results["sqlite"] == results["postgresql"]
    again = Store(url)  # a re-run adds nothing
    try:
        rerun = run_ingest([examples], again, options=RunOptions(workers=1))
        assert (rerun.ingest.stored, rerun.process.articles) == (0, 0)
    finally:
        again.close()


def test_cli_reads_a_postgres_store_and_refuses_a_foreign_database(server: str, examples: Path) -> None:
    url = create_database(server, "cli")
    runner = CliRunner()
    ingest = runner.invoke(main, ["ingest", str(examples), "--db", url, "--quiet", "--workers", "1"])
    assert ingest.exit_code == 0, ingest.output
    stats = runner.invoke(main, ["stats", "--db", url])
    assert stats.exit_code == 0 and "articles: 4" in stats.output
    foreign = create_database(server, "other_app")
    with psycopg.connect(foreign, autocommit=True) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    refused = runner.invoke(main, ["incidents", "--db", foreign])
    assert refused.exit_code == 1
    assert refused.output == (f"Error: {foreign} is not a sitrep database (it holds other tables: contacts); "
                              "sitrep leaves it untouched\n")
    with psycopg.connect(foreign) as conn:
        tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables "
                                             "WHERE table_schema = 'public'")}
    assert tables == {"contacts"}
    empty = create_database(server, "empty")
    missing = runner.invoke(main, ["stats", "--db", empty])
    assert missing.exit_code == 1
    assert missing.output == (f"Error: {empty} is not a sitrep database (it holds no sitrep tables; "
                              "run 'sitrep ingest' first)\n")


def test_two_first_ingests_into_one_postgres_store_both_succeed(server: str, examples: Path) -> None:
    import os
    import subprocess

    url = create_database(server, "concurrent")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "sitrep.cli", "ingest", str(examples), "--db", url, "--quiet", "--no-process",
           "--workers", "1"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    stored = sorted(int(next(line for line in out.splitlines() if line.startswith("stored")).split()[1])
                    for out, _ in outs)
    assert stored == [0, 4]
    store = Store(url, create=False)
    try:
        assert store.count("articles") == 4
    finally:
        store.close()
