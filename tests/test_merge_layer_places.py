"""The merge's place containment knows a conflict-country layer village whether or not this process has
geoparsed it: the layer copies villages into the gazetteer only when geoparsing meets them, so a merge
in the main process while workers did the geoparsing (``--workers 2``) saw no parent for them and kept
reports of one shelling apart that one worker merged."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.events.merge import ArticleInfo, merge_reports
from sitrep.events.process import parent_lookup
from sitrep.places.gazetteer import LAYER_PATH, _load
from sitrep.records import QuantityMention, Report

pytestmark = pytest.mark.skipif(not LAYER_PATH.exists(), reason="no conflict-country layer")

VILLAGE = "wof:421190421"  # Ma'arrat an-Nu'man: in the layer, not in the shipped gazetteer
IDLIB = "169387"  # Idlib governorate (admin1)


@pytest.fixture()
def fresh_gazetteer():  # type: ignore[no-untyped-def]
    """A gazetteer that has geoparsed nothing (what the main process has when workers do the analysis)."""
    return _load.__wrapped__(None)


def report(rid: str, article: str, place_id: str, name: str) -> Report:
    day = dt.date(2017, 2, 6)
    return Report(report_id=rid, article_id=article, sentence_index=0, event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack", actor1="Syrian government forces", actor2=None,
                  place_id=place_id, place_name=name, date_begin=day, date_end=day, time_precision=1,
                  fatalities=[QuantityMention(0, 9, "14 people", value=14, category="civilians", status="killed")],
                  text=f"Government shelling killed 14 people in {name} on Monday.")


def test_a_layer_village_has_its_governorate_as_parent_before_any_geoparsing(fresh_gazetteer) -> None:  # type: ignore[no-untyped-def]
    assert fresh_gazetteer.get(VILLAGE) is None  # not copied in yet
    parent_of = parent_lookup(fresh_gazetteer)
    assert parent_of is not None
    assert parent_of(VILLAGE) == IDLIB
    assert parent_of("174319") == IDLIB  # a GeoNames id of the layer
    assert parent_of(IDLIB) is None or parent_of(IDLIB) != IDLIB
    assert parent_of("no-such-place") is None and parent_of("wof:0") is None


def test_reports_at_a_village_and_its_governorate_merge_without_geoparsing_first(fresh_gazetteer) -> None:  # type: ignore[no-untyped-def]
    reports = [report("r1", "a1", VILLAGE, "Ma'arrat an-Nu'man"), report("r2", "a2", IDLIB, "Idlib")]
    infos = {a: ArticleInfo(o, (dt.date(2017, 2, 6),) * 2, a) for a, o in (("a1", "Reuters"), ("a2", "BBC"))}
    incidents = merge_reports(reports, articles=infos, parent_of=parent_lookup(fresh_gazetteer))
    assert [i.reports for i in incidents] == [["r1", "r2"]]
    assert incidents[0].place_id == VILLAGE  # the finer place
