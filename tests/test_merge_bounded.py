"""The merge holds only the open date window in memory and finds older incidents in the store: the
incidents are the same as the unbounded in-memory merge's, however small the window."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

import pytest

from sitrep.events import process, rows
from sitrep.events.merge import IncidentMerger, merge_reports
from sitrep.events.process import process_articles
from sitrep.ingest.dedup import content_id
from sitrep.records import Article, QuantityMention, Report
from sitrep.store import Store
from sitrep.store.merge_state import MergeState

PARENT = {"raqqa_city": "raqqa_gov", "tabqa": "raqqa_gov", "raqqa_gov": "SY", "aleppo_city": "aleppo_gov",
          "aleppo_gov": "SY", "manbij": "aleppo_gov"}
TYPES = ("Air/drone strike", "Armed clash", "Shelling/artillery/missile attack", "Non-state actor overtakes territory")
START = dt.date(2017, 1, 1)


class Gazetteer:
    def parent_id_of(self, place_id: str) -> str | None:
        return PARENT.get(place_id)


@dataclass
class Analysis:
    reports: list[Report]
    seconds: dict[str, float] = field(default_factory=dict)


def analyse(article: Article, gazetteer: Any = None) -> Analysis:
    """Random reports seeded by the article: most dated near publication, some long before (an old event
    retold), some undated; places with parents, some unresolved."""
    rng = random.Random(article.external_id)
    pub = article.published_at if isinstance(article.published_at, dt.date) else None
    out = []
    for i in range(rng.randint(0, 4)):
        base = pub or START + dt.timedelta(days=rng.randint(0, 300))
        back = rng.choice((0, 0, 1, 2, 3, 6, 40, 200))
        begin = base - dt.timedelta(days=back)
        end = begin + dt.timedelta(days=rng.choice((0, 0, 0, 2, 20)))
        if rng.random() < 0.12:
            begin = end = None  # the article's window, or nothing
        k = rng.randint(1, 9)
        out.append(Report(
            report_id=f"{article.article_id[:10]}-{i}", article_id=article.article_id, sentence_index=i,
            event_type="x", sub_event_type=rng.choice(TYPES),
            actor1=rng.choice(("SDF", "Islamic State", "US-led coalition", None)), actor2=None,
            place_id=rng.choice((*PARENT, None)), place_name=rng.choice(("Raqqa", "Tabqa", "Kobane")),
            date_begin=begin, date_end=end, time_precision=1,
            fatalities=[QuantityMention(0, 1, str(k), value=k, category="civilians", status="killed")],
            text=f"strike {rng.choice(('hit', 'struck', 'pounded'))} the town killing {k} people on day {i % 3}"))
    return Analysis(out)


def add_articles(store: Store, n: int, offset: int = 0) -> None:
    with store.transaction():
        for i in range(offset, offset + n):
            day = START + dt.timedelta(days=i // 3) if i % 10 else None  # 3 a day; some undated
            text = f"Article {i} about the war, published {day}."
            store.insert_article(Article(
                article_id=content_id(text), external_id=f"a{i:04d}", raw_path="x", text=text,
                outlet=f"Outlet{i % 4}", published_at=day, published_precision="day" if day else "unknown",
                published_source="metadata" if day else "none"), minhash=None, stage_version="test")


def reference(store: Store) -> list[dict[str, object]]:
    """The unbounded merge: every stored report, in publication order, into one in-memory merger."""
    state = MergeState(store.conn)
    reports = rows.load_reports(store.conn)
    infos = {r.article_id: state.article_info(r.article_id) for r in reports}
    return [i.to_dict() for i in merge_reports(reports, articles=infos, parent_of=PARENT.get)]  # type: ignore[arg-type]


def stored(store: Store) -> list[dict[str, object]]:
    return [i.to_dict() for i in rows.load_incidents(store.conn)]


@pytest.mark.parametrize("weeks", [0, 2])
def test_a_small_window_gives_the_incidents_of_the_unbounded_merge(tmp_path, monkeypatch, weeks: int) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(process, "WINDOW_WEEKS", weeks)
    store = Store(tmp_path / "s.db")
    add_articles(store, 360)
    evicted: list[int] = []
    real_evict = process.IncidentMerger.evict

    def counting(self, lo):  # type: ignore[no-untyped-def]
        n = real_evict(self, lo)
        evicted.append(n)
        return n

    monkeypatch.setattr(process.IncidentMerger, "evict", counting)
    summary = process_articles(store, analyse=analyse, gazetteer=Gazetteer(), batch_size=7)
    assert summary.reports > 300 and sum(evicted) > 50  # the window really dropped incidents
    want = reference(store)
    assert len(want) > 100 and any(len(i["reports"]) > 1 for i in want)  # type: ignore[arg-type]
    assert stored(store) == want
    assert summary.incidents_total == len(want)


def test_day_after_day_with_a_small_window_equals_the_unbounded_merge(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(process, "WINDOW_WEEKS", 1)
    store = Store(tmp_path / "s.db")
    parts = []
    for part in range(3):  # three ingests, each adding a later stretch of articles
        known = {r[0] for r in store.conn.execute("SELECT article_id FROM articles")}
        add_articles(store, 90, offset=90 * part)
        parts.append(sorted({r[0] for r in store.conn.execute("SELECT article_id FROM articles")} - known))
        process_articles(store, analyse=analyse, gazetteer=Gazetteer(), batch_size=11)
    # the reference: one unbounded merger fed each run's reports in that run's (publication) order
    state = MergeState(store.conn)
    merger = IncidentMerger(articles=InfoOf(state), parent_of=PARENT.get)
    for ids in parts:
        merger.add(rows.load_reports(store.conn, ids))
    assert stored(store) == [i.to_dict() for i in merger.incidents()]


class InfoOf(dict):  # type: ignore[type-arg]
    def __init__(self, state: MergeState) -> None:
        super().__init__()
        self.state = state

    def get(self, key, default=None):  # type: ignore[no-untyped-def]
        return self.state.article_info(key)


def test_a_new_merge_version_rebuilds_every_incident_window_by_window(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(process, "WINDOW_WEEKS", 1)
    store = Store(tmp_path / "s.db")
    add_articles(store, 200)
    process_articles(store, analyse=analyse, gazetteer=Gazetteer(), batch_size=9)
    before = stored(store)
    with store.transaction():
        rows.set_state(store.conn, "merge_versions", "an older merge")
    summary = process_articles(store, analyse=analyse, gazetteer=Gazetteer(), batch_size=9)
    assert summary.remerged
    assert stored(store) == before == reference(store)
