"""The merge's time index (clusters by place and week) finds the same incidents as scanning every cluster
at the place, so merging costs the same per report however large the store grows."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from sitrep.events import merge
from sitrep.events.merge import ArticleInfo, IncidentMerger
from sitrep.records import QuantityMention, Report

PARENT = {"raqqa_city": "raqqa_gov", "tabqa": "raqqa_gov", "raqqa_gov": "SY", "aleppo_city": "aleppo_gov",
          "aleppo_gov": "SY", "manbij": "aleppo_gov"}
TYPES = ("Air/drone strike", "Armed clash", "Shelling/artillery/missile attack", "Non-state actor overtakes territory")


def random_reports(n: int, seed: int) -> list[Report]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randint(0, 120))
        begin, end = day, day + dt.timedelta(days=rng.choice((0, 0, 0, 3, 20)))
        if i % 9 == 0:
            begin = end = None  # undated: the article window, or nothing
        k = rng.randint(1, 12)
        out.append(Report(
            report_id=f"r{i}", article_id=f"a{i // 3}", sentence_index=i % 3, event_type="x",
            sub_event_type=rng.choice(TYPES), actor1=rng.choice(("SDF", "Islamic State", "US-led coalition", None)),
            actor2=None, place_id=rng.choice((*PARENT, None)), place_name=rng.choice(("Raqqa", "Tabqa", "Kobane")),
            date_begin=begin, date_end=end, time_precision=1,
            fatalities=[QuantityMention(0, 1, str(k), value=k, category="civilians", status="killed")],
            text=f"strike {rng.choice(('hit', 'struck', 'pounded'))} the town killing {k} people on the day {i % 5}"))
    return out


def scan_every_cluster(self: merge._Merger, r: Report, group: str) -> list[merge._Cluster]:
    """The reference: every cluster at the report's place keys, whatever its dates."""
    keys = [r.place_id or ""] + (merge.ancestors(r.place_id, self.parent_of) if r.place_id else [])
    if r.place_id:
        keys.append("")
    seen = {id(c): c for k in keys for c in self.index.get((group, k), ()) if not c.deleted}
    return sorted(seen.values(), key=lambda c: c.seq)


def run(reports: list[Report]) -> list[dict[str, object]]:
    infos = {f"a{i}": ArticleInfo("Outlet", (dt.date(2017, 1, 1) + dt.timedelta(days=i % 90),) * 2 if i % 4 else
                                  None, f"e{i}") for i in range(len(reports))}
    m = IncidentMerger(articles=infos, parent_of=PARENT.get)
    for start in range(0, len(reports), 97):
        m.add(reports[start:start + 97])
    m.remove([r.report_id for r in reports[::11]])
    m.add(reports[:40])
    return [i.to_dict() for i in m.incidents()]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_time_index_finds_the_same_incidents_as_scanning_every_cluster(seed: int,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    reports = random_reports(1000, seed)
    indexed = run(reports)
    monkeypatch.setattr(merge._Merger, "candidates", scan_every_cluster)
    assert run(reports) == indexed
    assert any(len(i["reports"]) > 1 for i in indexed)  # the data does merge
