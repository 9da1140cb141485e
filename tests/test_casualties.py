"""Casualty ledger: per-source claims per period, running tallies apart, totals under both rules."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.events.casualties import ledger, period_key
from sitrep.events.merge import ArticleInfo, merge_reports
from sitrep.records import QuantityMention, Report

D = dt.date


def killed(n: int, **kw) -> QuantityMention:
    return QuantityMention(0, 1, str(n), value=n, category="civilians", status="killed", **kw)


def strike(rid: str, article: str, day: D, deaths: list[QuantityMention], attributed: str | None = None,
           place: str = "raqqa") -> Report:
    return Report(report_id=rid, article_id=article, sentence_index=0, event_type="Explosions/Remote violence",
                  sub_event_type="Air/drone strike", actor1="US-led coalition", actor2="Civilians", place_id=place,
                  date_begin=day, date_end=day, fatalities=deaths, attributed_to=attributed)


ARTICLES = {"a1": ArticleInfo("Al Jazeera"), "a2": ArticleInfo("AFP"), "a3": ArticleInfo("AP")}


def test_ledger_per_source_and_totals() -> None:
    reports = [
        strike("r1", "a1", D(2017, 6, 10), [killed(24)], "SOHR"),
        strike("r2", "a2", D(2017, 6, 10), [killed(13)], "Raqqa activists"),
        strike("r3", "a2", D(2017, 6, 10), [killed(24)], "SOHR"),  # SOHR repeated by another outlet: once
        strike("r4", "a3", D(2017, 6, 20), [killed(5)], None, place="tabqa"),
        strike("t", "a1", D(2017, 6, 12), [killed(58, cumulative=True, qualifier="total since")], "SOHR"),
        strike("r5", "a3", D(2017, 7, 1), [killed(3)], None, place="mayadin"),
        strike("r6", "a1", D(2017, 7, 9), [killed(4)], "SOHR; activists", place="deir"),
    ]
    incidents = merge_reports(reports, articles=ARTICLES)
    rows = ledger(reports, incidents, "month", articles=ARTICLES)
    by = {(r.period, r.source): r for r in rows}
    june_total = by[("2017-06", None)]
    assert june_total.conservative == 13 + 5
    assert (june_total.range_min, june_total.range_max) == (13 + 5, 24 + 5)
    assert by[("2017-06", "SOHR")].claimed == 24
    assert by[("2017-06", "SOHR")].cumulative_claims == [{"value": 58, "report": "t", "date": "2017-06-12"}]
    assert by[("2017-06", "Raqqa activists")].claimed == 13
    assert by[("2017-06", "AP")].claimed == 5  # no attribution: the outlet
    assert by[("2017-07", None)].conservative == 3 + 4
    assert by[("2017-07", "SOHR")].claimed == by[("2017-07", "activists")].claimed == 4
    assert by[("2017-07", "AP")].claimed == 3
    assert [r.period for r in rows] == sorted(r.period for r in rows)
    assert rows[0].source is None  # the totals row leads its period


def test_periods() -> None:
    day = D(2017, 6, 12)
    assert period_key(day, "month") == "2017-06"
    assert period_key(day, "week") == "2017-W24"
    assert period_key(day, "day") == "2017-06-12"
    assert period_key(None, "day") == "unknown"
    with pytest.raises(ValueError, match="unknown period"):
        ledger([], [], "year")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- specific events only (issue 8)

def from_sentence(rid: str, article: str, day: D, sentence: str, **kw) -> Report:
    from sitrep.events.quantities import find_quantities

    r = strike(rid, article, day, find_quantities(sentence), **kw)
    r.text = sentence
    return r


PUBLISHED = {"g1": ArticleInfo("The Guardian", (D(2018, 2, 20), D(2018, 2, 20))),
             "g2": ArticleInfo("BBC", (D(2018, 2, 21), D(2018, 2, 21)))}


def month_total(reports: list[Report], month: str = "2018-02"):
    incidents = merge_reports(reports, articles=PUBLISHED)
    return {(r.period, r.source): r for r in ledger(reports, incidents, "month", articles=PUBLISHED)}.get((month, None))


def test_counts_of_airstrikes_are_not_deaths_in_the_ledger() -> None:
    r = from_sentence("r", "g1", D(2018, 2, 19), "Almost 200 civilians have been killed in dozens of airstrikes and "
                      "shelling in eastern Ghouta.")
    total = month_total([r])
    assert total is not None and total.conservative == 200 and (total.range_min, total.range_max) == (200, 200)


def test_a_massacre_mentioned_in_passing_is_not_counted() -> None:
    today = strike("now", "g1", D(2018, 2, 19), [killed(20)])
    srebrenica = strike("old", "g1", D(1995, 7, 11), [killed(8000)])  # dated: far before the article
    undated_history = strike("bg", "g2", D(2018, 2, 21), [killed(300)])
    undated_history.background = True  # "the 1982 Hama massacre, in which thousands died"
    rows = ledger([today, srebrenica, undated_history],
                  merge_reports([today, srebrenica, undated_history], articles=PUBLISHED), articles=PUBLISHED)
    assert [(r.period, r.source, r.conservative or r.claimed) for r in rows] == [
        ("2018-02", None, 20), ("2018-02", "The Guardian", 20)]


def test_hypothetical_and_generic_claims_are_not_counted_but_hedged_are() -> None:
    firm = strike("a", "g1", D(2018, 2, 19), [killed(10)], place="douma")
    hedged = strike("b", "g2", D(2018, 2, 18), [killed(7)], place="harasta")
    hedged.status = "hedged"
    threat = strike("c", "g2", D(2018, 2, 21), [killed(500)], place="idlib")
    threat.status = "hypothetical"  # "an offensive could kill 500"
    generic = strike("d", "g1", D(2018, 2, 20), [killed(40)], place="hama")
    generic.status = "generic"
    total = month_total([firm, hedged, threat, generic])
    assert total is not None and total.conservative == 17 and sorted(total.reports) == ["a", "b"]


def test_running_totals_stay_apart_from_the_sums() -> None:
    event = strike("e", "g1", D(2018, 2, 19), [killed(30)], "SOHR")
    tally = strike("t", "g2", D(2018, 2, 20), [killed(500, cumulative=True, qualifier="total")], "SOHR")
    incidents = merge_reports([event, tally], articles=PUBLISHED)
    by = {(r.period, r.source): r for r in ledger([event, tally], incidents, articles=PUBLISHED)}
    assert by[("2018-02", None)].conservative == 30
    assert by[("2018-02", "SOHR")].claimed == 30
    assert by[("2018-02", "SOHR")].cumulative_claims == [{"value": 500, "report": "t", "date": "2018-02-20"}]


def test_running_totals_read_from_text_stay_out_of_the_totals() -> None:
    from sitrep.events.quantities import find_quantities

    day = D(2017, 6, 10)
    reports = [
        strike("r1", "a1", day, [killed(9)], "SOHR"),
        strike("t1", "a1", day, find_quantities("The monitor said the uprising, in which 7,000 people have been "
                                                "killed, goes on."), "SOHR", place="idlib"),
        strike("t2", "a2", day, find_quantities("Since the army began its assault in March, 350 have died."),
               "SOHR", place="hama"),
    ]
    incidents = merge_reports(reports, articles=ARTICLES)
    by = {(r.period, r.source): r for r in ledger(reports, incidents, "month", articles=ARTICLES)}
    assert by[("2017-06", None)].conservative == 9
    assert sorted(c["value"] for c in by[("2017-06", "SOHR")].cumulative_claims) == [350, 7000]


def test_a_toll_across_a_whole_country_is_listed_apart_not_summed() -> None:
    country = strike("c", "a1", D(2017, 6, 10), [killed(40)], "SOHR", place="syria")
    country.geo_precision = 3  # resolved to the country itself: no province
    town = strike("t", "a2", D(2017, 6, 10), [killed(7)], "SOHR", place="tabqa")
    town.geo_precision, town.admin1 = 1, "Raqqa"
    province = strike("p", "a3", D(2017, 6, 11), [killed(5)], None, place="raqqa-province")
    province.geo_precision, province.admin1 = 3, "Raqqa"
    reports = [country, town, province]
    rows = ledger(reports, merge_reports(reports, articles=ARTICLES), "month", articles=ARTICLES)
    by = {(r.period, r.source): r for r in rows}
    assert by[("2017-06", None)].conservative == 7 + 5
    assert by[("2017-06", "SOHR")].claimed == 7
    assert [c["value"] for c in by[("2017-06", "SOHR")].cumulative_claims] == [40]


def test_one_toll_given_to_two_places_is_counted_once() -> None:
    # "another 20 were killed in A and B": the same count, in the same sentence, on the report of each place
    a = strike("a", "a1", D(2017, 8, 3), [killed(20)], "activists", place="badu")
    b = strike("b", "a1", D(2017, 8, 3), [killed(20)], "activists", place="takana")
    other = strike("o", "a1", D(2017, 8, 3), [killed(20)], "activists", place="tabqa")
    other.sentence_index = 4  # the same figure in another sentence is another toll
    reports = [a, b, other]
    rows = ledger(reports, merge_reports(reports, articles=ARTICLES), "month", articles=ARTICLES)
    by = {(r.period, r.source): r for r in rows}
    assert by[("2017-08", None)].conservative == 40
    assert by[("2017-08", "activists")].claimed == 40


def test_the_first_place_of_a_shared_toll_keeps_it() -> None:
    # the same 20 told earlier for Badu alone, then "20 were killed in Badu and Takana": Badu's incident holds it
    earlier = strike("m", "a1", D(2017, 8, 3), [killed(20)], "activists", place="badu")
    first = strike("z", "a1", D(2017, 8, 3), [QuantityMention(5, 7, "20", value=20, category="civilians")],
                   "activists", place="badu")
    second = strike("a", "a1", D(2017, 8, 3), [QuantityMention(5, 7, "20", value=20, category="civilians")],
                    "activists", place="takana")
    first.sentence_index = second.sentence_index = 1
    reports = [earlier, first, second]
    rows = ledger(reports, merge_reports(reports, articles=ARTICLES), "month", articles=ARTICLES)
    assert {(r.period, r.source): r for r in rows}[("2017-08", None)].conservative == 20
