"""The per-article stages on a real Dask cluster (worker processes started here) give the single-machine rows."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.pipeline import RunOptions, run_ingest
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synthetic import paragraphs, read_texts, write_corpus  # noqa: E402
from tests.test_workers import TABLES, dump  # noqa: E402

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as local:
        yield local.scheduler_address


def test_dask_cluster_run_equals_the_single_machine_run(tmp_path: Path, cluster: str) -> None:
    corpus = write_corpus(paragraphs(read_texts(ROOT / "examples" / "raqqa")), 16, tmp_path / "c.jsonl", seed=3)
    for name, options in (("local", RunOptions(workers=1, batch_size=4)),
                          ("dask", RunOptions(engine="dask", scheduler=cluster, batch_size=4))):
        store = Store(tmp_path / f"{name}.db")
        try:
            result = run_ingest([corpus], store, options=options)
        finally:
            store.close()
        assert result.ingest.stored == 16 and result.process.articles > 0
    local, dask = dump(tmp_path / "local.db"), dump(tmp_path / "dask.db")
    assert local["reports"] and local["incidents"]
    for table in TABLES:
        assert local[table] == dask[table], table
    runs = Store(tmp_path / "dask.db", create=False).runs(1)
    assert (runs[0]["engine"], runs[0]["status"]) == ("dask", "done")


def test_dask_engine_needs_a_scheduler_address(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(ROOT / "examples" / "raqqa"), "--db", str(tmp_path / "s.db"),
                                       "--engine", "dask"])
    assert result.exit_code == 2
    assert "Error: --engine dask needs --scheduler ADDRESS" in result.output
    assert not (tmp_path / "s.db").exists()
