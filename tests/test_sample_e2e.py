"""End to end on the bundled Raqqa sample: ingest -> reports -> incidents -> control."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.events import rows
from sitrep.events.control import control_at
from sitrep.events.process import process_articles
from sitrep.ingest.pipeline import ingest_paths
from sitrep.records import Incident
from sitrep.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "raqqa"


@pytest.fixture(scope="module", params=["all at once", "one by one, undated first"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Store:
    if not EXAMPLES.exists():
        pytest.skip("examples/raqqa is not available")
    s = Store(tmp_path_factory.mktemp("e2e") / "sample.db")
    if request.param == "all at once":
        ingest_paths([str(EXAMPLES)], s)
        process_articles(s)
    else:  # incremental: later articles merge into the incidents of earlier ones
        for path in sorted(EXAMPLES.glob("*.txt"), key=lambda p: (not p.name.startswith("001"), p.name)):
            ingest_paths([str(path)], s)
            process_articles(s)
    return s


def _articles_of(store: Store, inc: Incident) -> set[str]:
    reports = {r.report_id: extra["external_id"] for r, extra in rows.iter_report_rows(store.conn)}
    return {reports[rid] for rid in inc.reports}


def test_24_civilians_reports_are_one_incident_with_the_earlier_toll_kept(store: Store) -> None:
    dated, undated = "000_7877058c78c30102", "001_28ec2edaad0477fd"
    strikes = [i for i in rows.load_incidents(store.conn)
               if i.sub_event_type == "Air/drone strike" and i.fatalities_conservative == 24 and not i.cumulative]
    assert len(strikes) == 1, [i.notes for i in strikes]
    inc = strikes[0]
    assert {dated, undated} <= _articles_of(store, inc)
    assert len(inc.reports) == 2  # the undated article states the toll twice: one claim, both sentences kept
    assert inc.n_sources >= 2
    fat = next(c for c in inc.conflicts if c.field == "fatalities")
    assert {v["value"] for v in fat.values} >= {13, 24}
    assert inc.date_begin is not None and inc.date_begin <= dt.date(2017, 6, 10) <= inc.date_end  # type: ignore[operator]


def test_mashlab_capture_reported_by_both_articles_is_one_incident(store: Store) -> None:
    captures = [i for i in rows.load_incidents(store.conn)
                if i.sub_event_type == "Non-state actor overtakes territory" and i.place_name == "Mashlab"]
    assert len(captures) == 1
    assert {"000_7877058c78c30102", "001_28ec2edaad0477fd"} <= _articles_of(store, captures[0])


def test_control_of_mashlab_and_nahda(store: Store) -> None:
    changes = rows.load_control_changes(store.conn)
    by_name = {c.place_name: c for c in control_at(changes, dt.date(2017, 6, 13)).values()}
    assert by_name["Mashlab"].to_actor == "Syrian Democratic Forces"
    by_name = {c.place_name: c for c in control_at(changes, dt.date(2017, 10, 15)).values()}
    nahda = next(c for name, c in by_name.items() if name and "Nahda" in name)
    assert nahda.to_actor == "Syrian Democratic Forces"
    assert by_name["Mashlab"].to_actor == "Syrian Democratic Forces"


def test_cumulative_tally_kept_out_of_the_strike(store: Store) -> None:
    tallies = [i for i in rows.load_incidents(store.conn) if i.cumulative]
    assert any(i.fatalities_conservative == 58 for i in tallies)


def test_rerun_is_idempotent(store: Store) -> None:
    before = [i.to_dict() for i in rows.load_incidents(store.conn)]
    summary = process_articles(store)
    assert summary.articles == 0 and summary.reports == 0
    assert [i.to_dict() for i in rows.load_incidents(store.conn)] == before
