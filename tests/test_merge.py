"""Incident merge: blocking, evidence, conflicts, grades, cumulative tallies, stable ids."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.events.merge import ArticleInfo, merge_reports, report_deaths
from sitrep.records import QuantityMention, Report

D = dt.date
JUNE_10 = D(2017, 6, 10)
RAQQA, MASHLAB, MANBIJ, ADM1 = "172955", "sitrep:raqqa:mashlab", "167357", "sitrep:adm1:SY.04"
PARENTS = {MASHLAB: RAQQA, RAQQA: ADM1, MANBIJ: ADM1}


def parent_of(place_id: str) -> str | None:
    return PARENTS.get(place_id)


def killed(n: int, category: str = "civilians", **kw) -> QuantityMention:
    return QuantityMention(0, 1, str(n), value=n, category=category, status="killed", **kw)  # type: ignore[arg-type]


def report(rid: str, article: str, *, sub: str = "Air/drone strike", place: str | None = RAQQA,
           begin: D | None = JUNE_10, end: D | None = None, actor1: str | None = "US-led coalition",
           actor2: str | None = "Civilians", deaths: list[QuantityMention] | None = None,
           attributed: str | None = None, background: bool = False) -> Report:
    etype = {"Air/drone strike": "Explosions/Remote violence", "Armed clash": "Battles"}.get(sub, "Battles")
    return Report(report_id=rid, article_id=article, sentence_index=0, event_type=etype, sub_event_type=sub,
                  actor1=actor1, actor2=actor2, place_id=place, place_name=place,
                  date_begin=begin, date_end=end or begin, fatalities=deaths or [], attributed_to=attributed,
                  background=background, text=f"sentence of {rid}")


ARTICLES = {
    "a1": ArticleInfo("Al Jazeera", (D(2017, 6, 12), D(2017, 6, 12))),
    "a2": ArticleInfo("AFP", (D(2017, 6, 11), D(2017, 6, 11))),
    "a3": ArticleInfo(None, (D(2017, 6, 12), D(2017, 6, 13))),
}


def strike_reports() -> list[Report]:
    return [
        report("r1", "a1", begin=D(2017, 6, 10), deaths=[killed(24, qualifier="at least")], attributed="SOHR"),
        report("r2", "a2", begin=D(2017, 6, 9), deaths=[killed(24)], attributed="Raqqa activists"),
        report("r3", "a3", begin=D(2017, 6, 10), deaths=[killed(24, earlier_value=13)], attributed="SOHR"),
    ]


def test_same_strike_from_two_outlets_and_a_revision_is_one_incident() -> None:
    incs = merge_reports(strike_reports()[:2], articles=ARTICLES, parent_of=parent_of)
    assert len(incs) == 1
    inc = incs[0]
    assert inc.reports == ["r1", "r2"] and inc.n_sources == 2
    assert inc.grade == "corroborated"
    assert inc.fatalities_conservative == inc.fatalities_min == inc.fatalities_max == 24
    assert not inc.conflicts


def test_earlier_toll_is_kept_as_a_disagreement() -> None:
    incs = merge_reports(strike_reports(), articles=ARTICLES, parent_of=parent_of)
    assert len(incs) == 1
    inc = incs[0]
    assert inc.n_sources == 3 and len(inc.reports) == 3
    fat = next(c for c in inc.conflicts if c.field == "fatalities")
    values = {v["value"]: v for v in fat.values}
    assert values[13]["reports"] == ["r3"] and values[13].get("earlier_toll")
    assert values[24]["reports"] == ["r1", "r2", "r3"]
    assert inc.fatalities_conservative == 24  # the revised toll supersedes the earlier one
    assert inc.grade == "corroborated"


def test_sources_disagreeing_on_the_toll_make_it_contested() -> None:
    reps = [report("r1", "a1", deaths=[killed(24)]), report("r2", "a2", deaths=[killed(13)])]
    inc = merge_reports(reps, articles=ARTICLES)[0]
    assert len(inc.reports) == 2
    assert inc.grade == "contested"
    assert inc.fatalities_conservative == 13 and (inc.fatalities_min, inc.fatalities_max) == (13, 24)
    assert "13" in inc.notes or "range 13-24" in inc.notes


def test_different_places_or_types_stay_apart() -> None:
    reps = [report("r1", "a1", deaths=[killed(24)]), report("r2", "a2", place=MANBIJ, deaths=[killed(24)]),
            report("r3", "a2", sub="Armed clash", actor2="Islamic State")]
    assert len(merge_reports(reps, articles=ARTICLES, parent_of=parent_of)) == 3


def test_dates_too_far_apart_stay_apart() -> None:
    reps = [report("r1", "a1", begin=D(2017, 6, 1)), report("r2", "a2", begin=D(2017, 6, 10))]
    assert len(merge_reports(reps, articles=ARTICLES)) == 2


def test_two_days_apart_merge() -> None:
    reps = [report("r1", "a1", begin=D(2017, 6, 8)), report("r2", "a2", begin=D(2017, 6, 10))]
    assert len(merge_reports(reps, articles=ARTICLES)) == 1


def test_vague_date_needs_evidence() -> None:
    week = report("r1", "a1", begin=D(2017, 6, 5), end=D(2017, 6, 11))  # "in the past week"
    day = report("r2", "a1", begin=D(2017, 6, 10), deaths=[killed(24)])
    assert len(merge_reports([week, day], articles=ARTICLES)) == 2


def test_undated_report_uses_window_and_needs_matching_count() -> None:
    dated = report("r1", "a1", deaths=[killed(24)])
    undated_same = report("r2", "a3", begin=None, deaths=[killed(24)])
    undated_other = report("r3", "a3", begin=None)
    incs = merge_reports([dated, undated_same, undated_other], articles=ARTICLES)
    assert [i.reports for i in incs] == [["r1", "r2"], ["r3"]]
    assert incs[0].date_begin == D(2017, 6, 10)


def test_city_and_neighbourhood_capture_merge_when_actors_agree() -> None:
    sub = "Non-state actor overtakes territory"
    a = report("r1", "a1", sub=sub, place=MASHLAB, begin=D(2017, 6, 6), end=D(2017, 6, 12),
               actor1="Syrian Democratic Forces", actor2="Islamic State")
    b = report("r2", "a3", sub=sub, place=MASHLAB, begin=None, actor1="Syrian Democratic Forces", actor2=None)
    c = report("r3", "a1", sub=sub, place=RAQQA, begin=D(2017, 6, 12), actor1="Syrian Democratic Forces",
               actor2="Islamic State")
    d = report("r4", "a1", sub=sub, place=MASHLAB, begin=D(2017, 6, 12), actor1="Islamic State", actor2=None)
    incs = merge_reports([a, b, c, d], articles=ARTICLES, parent_of=parent_of)
    first = incs[0]
    assert first.reports[:2] == ["r1", "r2"] and first.place_id == MASHLAB
    assert not any("r4" in i.reports and "r1" in i.reports for i in incs)  # contradicting actor1


def test_cumulative_tally_is_its_own_flagged_incident() -> None:
    tally = report("t", "a3", begin=D(2017, 6, 6), end=D(2017, 6, 12),
                   deaths=[killed(58, qualifier="total since", cumulative=True)])
    incs = merge_reports(strike_reports() + [tally], articles=ARTICLES)
    assert len(incs) == 2
    strike, total = incs
    assert "t" not in strike.reports and strike.fatalities_conservative == 24
    assert total.cumulative and total.reports == ["t"]


def test_background_not_merged_into_current() -> None:
    old = report("b", "a1", sub="Non-state actor overtakes territory", begin=D(2017, 6, 10), background=True,
                 actor1="Islamic State", actor2=None)
    new = report("n", "a2", sub="Non-state actor overtakes territory", begin=D(2017, 6, 10), actor1="Islamic State",
                 actor2=None)
    incs = merge_reports([old, new], articles=ARTICLES)
    assert len(incs) == 2 and incs[0].background and not incs[1].background


def test_ids_stable_across_reruns_and_incremental_arrivals() -> None:
    reps = strike_reports()
    once = merge_reports(reps, articles=ARTICLES)
    again = merge_reports(reps, articles=ARTICLES)
    assert [i.incident_id for i in once] == [i.incident_id for i in again]
    first = merge_reports(reps[:2], articles=ARTICLES)
    prior = {r.report_id: r for r in reps[:2]}
    later = merge_reports([reps[2]], first, prior_reports=prior, articles=ARTICLES)
    assert [i.incident_id for i in later] == [i.incident_id for i in first] == [once[0].incident_id]
    assert later[0].reports == ["r1", "r2", "r3"]
    # reports already merged are not added twice
    assert merge_reports(reps, later, prior_reports={r.report_id: r for r in reps}, articles=ARTICLES) == later


def test_dozens_counts_as_twelve() -> None:
    q = QuantityMention(0, 6, "dozens", value=12, min=12, max=99, status="killed")
    assert report_deaths(report("r", "a1", deaths=[q])) == (12, 99)


@settings(max_examples=40, deadline=None)
@given(st.permutations(list(range(4))), st.integers(min_value=1, max_value=3))
def test_incremental_batches_keep_ids(order: list[int], split: int) -> None:
    reps = strike_reports() + [report("x", "a1", place=MANBIJ, deaths=[killed(5)])]
    reps = [reps[i] for i in order]
    first = merge_reports(reps[:split], articles=ARTICLES)
    later = merge_reports(reps[split:], first, prior_reports={r.report_id: r for r in reps}, articles=ARTICLES)
    ids_first = [i.incident_id for i in first]
    assert [i.incident_id for i in later][: len(ids_first)] == ids_first
    assert sorted(r for i in later for r in i.reports) == sorted(r.report_id for r in reps)


def test_member_group_does_not_contradict_its_alliance() -> None:
    sub = "Non-state actor overtakes territory"
    a = report("r1", "a1", sub=sub, place=MASHLAB, begin=D(2017, 6, 6), end=D(2017, 6, 12),
               actor1="Syrian Democratic Forces", actor2="Islamic State")
    b = report("r2", "a3", sub=sub, place=MASHLAB, begin=None, actor1="YPG", actor2=None)
    apart = merge_reports([a, b], articles={})
    assert len(apart) == 2
    together = merge_reports([a, b], articles={}, actor_parent={"YPG": "Syrian Democratic Forces"}.get)
    assert len(together) == 1 and together[0].actor1 == "Syrian Democratic Forces"


def test_hedged_figure_is_not_the_conservative_one_when_a_firm_one_exists() -> None:
    firm = report("r1", "a1", deaths=[killed(24)])
    hedged = report("r2", "a2", deaths=[killed(9)])
    hedged.hedged = True
    inc = merge_reports([firm, hedged], articles=ARTICLES)[0]
    assert (inc.fatalities_conservative, inc.fatalities_min, inc.fatalities_max) == (24, 9, 24)
    assert inc.grade == "contested"


def test_same_sentence_in_an_undated_copy_is_the_same_claim() -> None:
    text = "Government warplanes pounded rebel positions in the old city overnight, activists said."
    dated = report("r1", "a1")
    dated.text = text
    copy = report("r2", "a3", begin=None)
    copy.text = text.replace("overnight", "overnight on Sunday")
    other = report("r3", "a3", begin=None)
    other.text = "Coalition jets struck a bakery queue in the east of the city."
    incs = merge_reports([dated, copy, other], articles=ARTICLES)
    assert [i.reports for i in incs] == [["r1", "r2"], ["r3"]]


def test_qualified_actor_name_is_not_a_contradiction() -> None:
    a = report("r1", "a1", actor1="Syrian government forces", deaths=[killed(5)])
    b = report("r2", "a2", actor1="Government forces", deaths=[killed(7)])
    c = report("r3", "a2", actor1="Syrian Democratic Forces", deaths=[killed(9)])
    incs = merge_reports([a, b, c], articles=ARTICLES)
    assert [i.reports for i in incs] == [["r1", "r2"], ["r3"]]


def test_incident_actor_is_the_group_when_a_member_group_is_also_named() -> None:
    sub = "Non-state actor overtakes territory"
    b = report("r2", "a3", sub=sub, place=MASHLAB, begin=None, actor1="YPG", actor2=None)
    a = report("r1", "a1", sub=sub, place=MASHLAB, begin=D(2017, 6, 6), end=D(2017, 6, 12),
               actor1="Syrian Democratic Forces", actor2="Islamic State")
    (inc,) = merge_reports([b, a], articles={}, actor_parent={"YPG": "Syrian Democratic Forces"}.get)
    assert inc.actor1 == "Syrian Democratic Forces" and inc.reports == ["r2", "r1"]


def test_incident_dated_only_by_its_publication_window_has_precision_3() -> None:
    (inc,) = merge_reports([report("r", "a3", begin=None)], articles=ARTICLES)
    assert (inc.date_begin, inc.date_end, inc.time_precision) == (D(2017, 6, 5), D(2017, 6, 13), 3)


def test_same_unresolved_place_name_counts_as_the_same_place() -> None:
    a = report("r1", "a1", place=None)
    a.place_name = "Kafr Nabudah"
    b = report("r2", "a2", place=None)
    b.place_name = "kafr nabudah"
    c = report("r3", "a2", place=None)
    c.place_name = "Tell Rifaat"
    incs = merge_reports([a, b, c], articles=ARTICLES)
    assert [i.reports for i in incs] == [["r1", "r2"], ["r3"]]
