"""process_articles: store round trip, idempotent re-runs, incremental merging, re-processing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import pytest

from sitrep.events import rows
from sitrep.events.process import process_articles
from sitrep.ingest.dedup import content_id
from sitrep.records import Article, QuantityMention, Report
from sitrep.store import Store


@dataclass
class FakeAnalysis:
    reports: list[Report]
    seconds: dict[str, float] = field(default_factory=dict)


def fake_analyse(article: Article, gazetteer: Any = None) -> FakeAnalysis:
    """One air strike report per sentence "strike in PLACE killed N" (the real analysis is tested elsewhere)."""
    out = []
    for i, m in enumerate(re.finditer(r"strike in (\w+) killed (\d+)(?: \(up from (\d+)\))?", article.text)):
        n, earlier = int(m.group(2)), m.group(3)
        q = QuantityMention(m.start(2), m.end(2), m.group(2), value=n, category="civilians", status="killed",
                            earlier_value=int(earlier) if earlier else None)
        day = article.published_at if isinstance(article.published_at, dt.date) else None
        out.append(Report(
            report_id=f"{article.article_id[:8]}-{i}", article_id=article.article_id, sentence_index=i,
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", actor1="US-led coalition",
            actor2="Civilians", place_id=m.group(1).lower(), place_name=m.group(1), date_begin=day, date_end=day,
            time_precision=1 if day else None, fatalities=[q], attributed_to="SOHR", text=m.group(0)))
    return FakeAnalysis(out, {"reports": 0.0})


def add(store: Store, text: str, ext: str, outlet: str | None, day: dt.date | None,
        duplicate_of: str | None = None) -> str:
    art = Article(article_id=content_id(text), external_id=ext, raw_path=ext, text=text, outlet=outlet,
                  published_at=day, published_precision="day" if day else "unknown",
                  published_source="metadata" if day else "none", duplicate_of=duplicate_of)
    with store.transaction():
        store.insert_article(art, minhash=None, stage_version="test")
    return art.article_id


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "events.db")
    add(s, "An air strike in Raqqa killed 24 civilians.", "one", "Al Jazeera", dt.date(2017, 6, 11))
    add(s, "A coalition strike in Raqqa killed 24 (up from 13) people.", "two", "AFP", dt.date(2017, 6, 12))
    add(s, "Another strike in Tabqa killed 3.", "three", "AP", dt.date(2017, 6, 12))
    return s


def run(store: Store, **kw: Any):  # type: ignore[no-untyped-def]
    return process_articles(store, analyse=fake_analyse, **kw)


def test_round_trip_and_merge(store: Store) -> None:
    summary = run(store)
    assert (summary.articles, summary.reports, summary.incidents_total) == (3, 3, 2)
    stored = rows.load_reports(store.conn)
    produced = [r for a in store.iter_articles() for r in fake_analyse(a).reports]
    assert sorted((r.to_dict() for r in stored), key=lambda d: d["report_id"]) == \
        sorted((r.to_dict() for r in produced), key=lambda d: d["report_id"])
    incidents = rows.load_incidents(store.conn)
    raqqa = next(i for i in incidents if i.place_id == "raqqa")
    assert len(raqqa.reports) == 2 and raqqa.n_sources == 2
    fat = next(c for c in raqqa.conflicts if c.field == "fatalities")
    assert {v["value"] for v in fat.values} == {13, 24}
    # every report reachable with its article's external_id and sentence
    joined = {r.report_id: extra["external_id"] for r, extra in rows.iter_report_rows(store.conn)}
    assert sorted(joined.values()) == ["one", "three", "two"]


def test_rerun_adds_nothing(store: Store) -> None:
    run(store)
    before = [i.to_dict() for i in rows.load_incidents(store.conn)]
    again = run(store)
    assert (again.articles, again.reports, again.incidents_new, again.incidents_updated) == (0, 0, 0, 0)
    assert [i.to_dict() for i in rows.load_incidents(store.conn)] == before
    assert store.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 3


def test_new_articles_merge_into_existing_incidents(store: Store) -> None:
    run(store)
    ids = {i.place_id: i.incident_id for i in rows.load_incidents(store.conn)}
    add(store, "Activists said a strike in Raqqa killed 24.", "four", "Reuters", dt.date(2017, 6, 12))
    summary = run(store)
    assert (summary.articles, summary.incidents_new, summary.incidents_updated) == (1, 0, 1)
    after = rows.load_incidents(store.conn)
    assert {i.place_id: i.incident_id for i in after} == ids
    assert next(i for i in after if i.place_id == "raqqa").n_sources == 3


def test_near_duplicates_are_recorded_not_analysed(store: Store) -> None:
    first = store.conn.execute("SELECT article_id FROM articles WHERE external_id='one'").fetchone()[0]
    add(store, "An air strike in Raqqa killed 24 civilians!", "copy", "Yahoo", dt.date(2017, 6, 11), first)
    summary = run(store)
    assert summary.skipped == 1 and summary.reports == 3
    status = store.conn.execute("SELECT status FROM processed_articles p JOIN articles a USING (article_id) "
                                "WHERE external_id='copy'").fetchone()[0]
    assert status == "skipped-duplicate"


def test_new_merge_version_rebuilds_incidents_without_reanalysis(store: Store,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    run(store)
    before = [i.to_dict() for i in rows.load_incidents(store.conn)]
    monkeypatch.setattr("sitrep.events.merge.STAGE_VERSION", "sitrep.events.merge.vTEST")
    summary = run(store)
    assert summary.remerged and summary.articles == 0 and summary.incidents_total == 2
    assert [i.to_dict() for i in rows.load_incidents(store.conn)] == before
    assert not run(store).remerged


def test_new_stage_version_reprocesses_with_stable_ids(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    run(store)
    ids = sorted(i.incident_id for i in rows.load_incidents(store.conn))
    monkeypatch.setattr("sitrep.events.analyse.STAGE_VERSION", "sitrep.events.analyse.vTEST")
    summary = run(store, batch_size=1)
    assert summary.reprocessed == 3 and summary.articles == 3
    assert sorted(i.incident_id for i in rows.load_incidents(store.conn)) == ids
    assert store.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 3
    assert store.conn.execute("SELECT COUNT(*) FROM incident_reports").fetchone()[0] == 3


def test_failing_article_is_recorded_and_the_batch_goes_on(store: Store) -> None:
    calls = {"n": 0}

    def flaky(article: Article, gazetteer: Any = None) -> FakeAnalysis:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("boom")
        return fake_analyse(article)

    summary = process_articles(store, analyse=flaky, batch_size=2)
    assert summary.failed == 1
    assert any("E013" in line for line in summary.lines())
    rej = store.conn.execute("SELECT code, detail FROM rejections").fetchall()
    assert [(r["code"], r["detail"]) for r in rej] == [("E013", "RuntimeError: boom")]
    assert store.conn.execute("SELECT COUNT(*) FROM processed_articles").fetchone()[0] == 2
    again = run(store)  # the failed article is tried again next time
    assert again.articles == 1
    assert store.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 3


def test_interrupt_mid_batch_leaves_store_consistent(store: Store) -> None:
    calls = {"n": 0}

    def interrupted(article: Article, gazetteer: Any = None) -> FakeAnalysis:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return fake_analyse(article)

    with pytest.raises(KeyboardInterrupt):
        process_articles(store, analyse=interrupted, batch_size=2)
    assert store.conn.execute("SELECT COUNT(*) FROM processed_articles").fetchone()[0] == 2
    summary = run(store)
    assert summary.articles == 1
    assert store.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 3


def test_incidents_and_control_round_trip(store: Store) -> None:
    from sitrep.events.control import control_changes

    run(store)
    incidents = rows.load_incidents(store.conn)
    reports = {r.report_id: r for r in rows.load_reports(store.conn)}
    with store.transaction():
        rows.save_incidents(store.conn, incidents)
        rows.replace_control_changes(store.conn, control_changes(incidents, reports))
    assert [i.to_dict() for i in rows.load_incidents(store.conn)] == [i.to_dict() for i in incidents]
    assert rows.load_control_changes(store.conn) == control_changes(incidents, reports)


@pytest.fixture
def changed_file(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make one shipped file look changed to the pipeline's digests (as an edited dictionary would)."""
    from sitrep import pipeline

    real = pipeline.file_digest

    def change(name: str) -> None:
        monkeypatch.setattr(pipeline, "file_digest",
                            lambda path: "changed" if path.name == name else real(path))
        pipeline.stage_digest.cache_clear()

    yield change
    pipeline.stage_digest.cache_clear()


def test_changed_dictionary_file_reanalyses_without_a_version_bump(store: Store, changed_file) -> None:
    run(store)
    changed_file("actors.tsv")
    summary = run(store)
    assert summary.reprocessed == 3 and summary.articles == 3 and not summary.remerged
    assert run(store).articles == 0


def test_changed_merge_code_rebuilds_incidents_only(store: Store, changed_file) -> None:
    run(store)
    changed_file("merge.py")
    summary = run(store)
    assert summary.remerged and summary.articles == 0
