"""The events scorer's matching rules (shared/dev/events/README.md, "How to score") on hand-built records."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval_events import (  # noqa: E402
    Scored,
    actors_ok,
    best_pairing,
    held_aside,
    matches,
    merge_scores,
    overlap,
    same_place,
    score_doc,
)
from sitrep.records import QuantityMention, Report  # noqa: E402

D = dt.date
DAY = dt.date(2018, 2, 20)


def _report(rid: str = "r1", sub: str = "Air/drone strike", place: str | None = "Douma", begin: D | None = DAY,
            end: D | None = DAY, actor1: str | None = "Syrian government forces",
            actor2: str | None = "Civilians", killed: int | None = None, background: bool = False) -> Report:
    fats = [QuantityMention(0, 1, "x", value=killed)] if killed is not None else []
    return Report(report_id=rid, article_id="a", sentence_index=0, event_type="x", sub_event_type=sub, actor1=actor1,
                  actor2=actor2, place_name=place, date_begin=begin, date_end=end, fatalities=fats,
                  background=background)


def _gold(gid: str = "doc/e01", sub: str = "Air/drone strike", location: str | None = "Duma", begin: str = "2018-02-19",
          end: str = "2018-02-19", core: bool = True, **extra: object) -> dict:
    return {"id": gid, "doc": gid.split("/")[0], "core": core, "sub_event_type": sub, "location": location,
            "date_begin": begin, "date_end": end, "actor1": "Civilians", "actor2": "Syrian government forces",
            "fatalities": None, "evidence": "e", **extra}


def test_places_match_across_transliterations_and_generic_words() -> None:
    assert same_place("Douma", "Duma")
    assert same_place("al-Qaboun district", "Qaboun")
    assert same_place("Deir ez-Zor governorate", "Deir ez-Zor")
    assert not same_place("Homs", "Hama")


def test_dates_overlap_with_one_day_either_side_and_open_bounds() -> None:
    assert overlap(D(2018, 2, 20), D(2018, 2, 20), D(2018, 2, 19), D(2018, 2, 19))
    assert not overlap(D(2018, 2, 22), D(2018, 2, 22), D(2018, 2, 19), D(2018, 2, 20))
    assert overlap(None, None, D(2018, 2, 19), D(2018, 2, 19))


def test_alternative_types_places_and_null_gold_place_are_accepted() -> None:
    shelling = _report(sub="Shelling/artillery/missile attack")
    assert not matches(shelling, _gold(), None)
    assert matches(shelling, _gold(alt_sub_event_types=["Shelling/artillery/missile attack"]), None)
    assert matches(_report(place="Harasta"), _gold(alt_locations=["Harasta"]), None)
    assert matches(_report(place="Anywhere"), _gold(location=None), None)


def test_both_actors_are_an_unordered_pair_with_ypg_as_sdf() -> None:
    assert actors_ok(_report(), _gold())
    sdf = _report(actor1="People's Protection Units", actor2="Islamic State")
    assert actors_ok(sdf, {"actor1": "Islamic State", "actor2": "Syrian Democratic Forces"})
    assert not actors_ok(_report(actor2=None), _gold())


def test_repeats_of_a_matched_claim_are_neutral_and_background_gold_is_not_matched() -> None:
    out = Scored()
    preds = [_report("r1", killed=5), _report("r2"), _report("r3", place="Homs")]
    golds = [_gold(fatalities={"killed": 5}), _gold("doc/e02", location="Ghouta", core=False)]
    score_doc("doc", preds, golds, None, out)
    assert (out.counts.tp, out.counts.fp, out.counts.fn, out.counts.repeats) == (1, 1, 0, 1)
    assert out.matched[0][1].report_id == "r1"  # the report with the right toll is preferred


def test_pairing_maximises_matches_before_agreement() -> None:
    # g0 can only pair with r0; r0 agrees better with g1, which could also take r1: two matches beat agreement.
    valid = [[True, False], [True, True]]
    no_evidence = [[False, False], [False, False]]
    assert best_pairing(valid, no_evidence, [[0, 0], [2, 0]]) == {0: 0, 1: 1}


def test_pairing_prefers_the_report_that_states_the_gold_evidence_over_agreement() -> None:
    # r1 states g0's evidence; r0 only happens to agree with g0's attributes.
    valid = [[True, True], [True, True]]
    evidence = [[False, True], [False, False]]
    assert best_pairing(valid, evidence, [[2, 0], [0, 0]]) == {0: 1, 1: 0}


def test_pairing_is_optimal_where_augmenting_paths_in_preference_order_are_not() -> None:
    # r0 states g0's toll and actors (agreement 2) and only g1's toll (1); r1 agrees with neither. Taking r0 for
    # g0 first and then moving g0 to r1 when g1 asks for r0 (augmenting paths) scores 1; the optimum scores 2.
    g0 = _gold("doc/e01", fatalities={"killed": 5}, actor1="Syrian government forces", actor2="Civilians")
    g1 = _gold("doc/e02", fatalities={"killed": 5}, actor1="Islamic State", actor2="Civilians")
    r0, r1 = _report("r0", killed=5), _report("r1", actor1=None, actor2=None)
    out = Scored()
    score_doc("doc", [r0, r1], [g0, g1], None, out)
    assert {g["id"]: r.report_id for g, r in out.matched} == {"doc/e01": "r0", "doc/e02": "r1"}


def test_background_reports_are_not_scored() -> None:
    out = Scored()
    score_doc("doc", [_report(background=True)], [_gold()], None, out)
    assert (out.counts.tp, out.counts.fp, out.counts.fn) == (0, 0, 1)


def test_merge_pairs_follow_same_incident_links_through_a_shared_target() -> None:
    g1, g2, g3 = _gold("a/e01"), _gold("b/e01", same_incident_as="a/e01"), _gold("c/e01", same_incident_as="a/e01")
    r1, r2, r3 = _report("r1"), _report("r2"), _report("r3")
    scores = merge_scores([(g1, r1), (g2, r2), (g3, r3)], {"r1": "i1", "r2": "i1", "r3": "i2"})
    assert scores["merge_gold_pairs"] == 3  # a-b, a-c, and b-c through the shared target
    assert scores["merge_precision"] == 1.0
    assert abs(scores["merge_recall"] - 1 / 3) < 1e-3


def test_held_aside_split_is_fixed_and_about_thirty_percent() -> None:
    ids = [str(i) for i in range(2000)]
    share = sum(held_aside("H1N1_reuters", i) for i in ids) / len(ids)
    assert 0.25 < share < 0.35
    assert [held_aside("bpoil_bbc", i) for i in ids[:50]] == [held_aside("bpoil_bbc", i) for i in ids[:50]]


def test_a_gold_toll_of_zero_is_matched_by_a_report_without_deaths() -> None:
    from bench.eval_events import deaths_ok

    assert deaths_ok(_report(), _gold(fatalities={"killed": 0, "injured": 10}))
    assert not deaths_ok(_report(), _gold(fatalities={"killed": 3}))
    assert not deaths_ok(_report(killed=2), _gold(fatalities={"killed": 0}))
    assert deaths_ok(_report(killed=3), _gold(fatalities={"killed": 3}))
