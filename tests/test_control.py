"""Control changes from territory incidents and control at a date."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.events.control import control_at, control_changes
from sitrep.events.merge import ArticleInfo, merge_reports
from sitrep.records import ControlChange, Report

D = dt.date
SDF, IS = "Syrian Democratic Forces", "Islamic State"


def territory(rid: str, sub: str, place: str, begin: D | None, end: D | None, actor1: str | None,
              actor2: str | None, text: str = "", background: bool = False, attributed: str | None = None) -> Report:
    etype = "Strategic developments" if sub.startswith("Non-violent") else "Battles"
    return Report(report_id=rid, article_id="a" + rid, sentence_index=0, event_type=etype, sub_event_type=sub,
                  actor1=actor1, actor2=actor2, place_id=place, place_name=place.title(), date_begin=begin,
                  date_end=end, text=text or rid, background=background, attributed_to=attributed)


CAPTURE = "Non-state actor overtakes territory"


def changes(reports: list[Report]) -> list[ControlChange]:
    infos = {r.article_id: ArticleInfo(f"outlet-{r.report_id}") for r in reports}
    incidents = merge_reports(reports, articles=infos)
    return control_changes(incidents, {r.report_id: r for r in reports})


def test_capture_dated_by_the_end_of_its_interval() -> None:
    out = changes([territory("1", CAPTURE, "mashlab", D(2017, 6, 6), D(2017, 6, 12), SDF, IS,
                             "captured several neighbourhoods since Tuesday, including Mashlab",
                             attributed="SDF")])
    assert len(out) == 1
    c = out[0]
    assert (c.place_id, c.date, c.from_actor, c.to_actor, c.claimed_by) == ("mashlab", D(2017, 6, 12), IS, SDF, "SDF")
    assert c.incident_id
    assert control_at(out, D(2017, 6, 11)) == {}
    assert control_at(out, D(2017, 6, 12))["mashlab"].to_actor == SDF
    assert control_at(out, D(2017, 6, 13))["mashlab"].to_actor == SDF


def test_background_capture_sets_history_before_later_change() -> None:
    out = changes([
        territory("old", CAPTURE, "raqqa", D(2014, 1, 1), D(2014, 12, 31), IS, "Rebel groups", background=True),
        territory("new", CAPTURE, "raqqa", D(2017, 10, 17), D(2017, 10, 17), SDF, IS),
    ])
    assert [c.to_actor for c in out] == [IS, SDF]
    assert control_at(out, D(2016, 1, 1))["raqqa"].to_actor == IS
    assert control_at(out, D(2017, 10, 16))["raqqa"].to_actor == IS
    assert control_at(out, D(2017, 10, 20))["raqqa"].to_actor == SDF


def test_retreat_is_from_the_withdrawing_actor() -> None:
    out = changes([territory("w", "Non-violent transfer of territory", "tabqa", D(2017, 5, 10), D(2017, 5, 10), IS,
                             SDF, "Islamic State fighters withdrew from Tabqa on Wednesday")])
    assert len(out) == 1
    assert (out[0].from_actor, out[0].to_actor) == (IS, None)


def test_handover_goes_to_the_receiving_actor() -> None:
    out = changes([territory("h", "Non-violent transfer of territory", "manbij", D(2018, 12, 28), D(2018, 12, 28),
                             SDF, "Syrian government forces",
                             "The SDF handed the town over to Syrian government forces")])
    assert (out[0].from_actor, out[0].to_actor) == (SDF, "Syrian government forces")


def test_non_territory_incidents_and_undated_changes() -> None:
    clash = territory("c", "Armed clash", "raqqa", D(2017, 6, 6), D(2017, 6, 6), SDF, IS)
    undated = territory("u", CAPTURE, "jazra", None, None, SDF, None)
    out = changes([clash, undated])
    assert [c.place_id for c in out] == ["jazra"] and out[0].date is None
    assert control_at(out, D(2030, 1, 1)) == {}


def test_control_at_takes_last_change_per_place() -> None:
    seq = [ControlChange("p", "P", D(2017, 1, d), None, who, None, None) for d, who in ((5, "A"), (1, "B"), (9, "C"))]
    assert control_at(seq, D(2017, 1, 6))["p"].to_actor == "A"
    assert control_at(seq, dt.datetime(2017, 1, 9, 12))["p"].to_actor == "C"


def test_country_level_and_self_transfers_are_not_changes() -> None:
    coarse = territory("k", CAPTURE, "iraq", D(2012, 8, 1), D(2012, 8, 1), SDF, IS)
    coarse.geo_precision = 3
    same = territory("s", CAPTURE, "homs", D(2012, 3, 1), D(2012, 3, 1), IS, IS)
    assert changes([coarse, same]) == []


def test_a_capture_near_a_city_or_of_its_suburbs_does_not_hand_the_city_over() -> None:
    suburbs = territory("u", CAPTURE, "damascus", D(2012, 1, 31), D(2012, 1, 31), "Free Syrian Army", None,
                        text="In January, the rebel Free Syria Army briefly seized several Damascus suburbs.")
    suburbs.geo_precision = 2
    town = territory("t", CAPTURE, "zabadani", D(2012, 1, 31), D(2012, 1, 31), "Free Syrian Army", None)
    town.geo_precision = 1
    assert [c.place_id for c in changes([suburbs, town])] == ["zabadani"]


# --------------------------------------------------------------------------- what is asserted (issue 8)

GOV = "Syrian government forces"
REGAIN = "Government regains territory"


def with_status(r: Report, status: str) -> Report:
    r.status = status  # type: ignore[assignment]
    return r


def test_capture_reported_by_three_articles_beats_a_single_contrary_mention() -> None:
    fall = [territory(f"sdf{i}", CAPTURE, "raqqa", D(2017, 10, 17), D(2017, 10, 17), SDF, IS,
                      f"The SDF captured Raqqa from Islamic State ({i})") for i in range(3)]
    symbol = territory("gov", REGAIN, "raqqa", D(2017, 10, 20), D(2017, 10, 20), GOV, IS,
                       "the recapture of Raqqa was a symbol")
    out = changes(fall + [symbol])
    sdf = next(c for c in out if c.to_actor == SDF)
    assert (sdf.n_reports, sdf.n_articles, sdf.n_sources) == (3, 3, 3)
    assert control_at(out, D(2017, 10, 20))["raqqa"].to_actor == SDF
    assert control_at(out, D(2017, 11, 30))["raqqa"].to_actor == SDF


def test_a_contrary_change_with_as_much_support_or_after_the_window_wins() -> None:
    first = territory("a", CAPTURE, "manbij", D(2016, 8, 12), D(2016, 8, 12), SDF, IS)
    later = territory("b", REGAIN, "manbij", D(2016, 8, 20), D(2016, 8, 20), GOV, SDF)
    assert control_at(changes([first, later]), D(2016, 8, 21))["manbij"].to_actor == GOV  # one article each
    two = [territory(f"s{i}", CAPTURE, "manbij", D(2016, 8, 12), D(2016, 8, 12), SDF, IS) for i in range(2)]
    handover = territory("h", REGAIN, "manbij", D(2018, 12, 28), D(2018, 12, 28), GOV, SDF)
    out = changes(two + [handover])
    assert control_at(out, D(2018, 12, 27))["manbij"].to_actor == SDF
    assert control_at(out, D(2018, 12, 29))["manbij"].to_actor == GOV  # months later: a new change


def test_history_sets_the_prior_state_but_cannot_override_a_reported_change() -> None:
    out = changes([
        territory("old", CAPTURE, "raqqa", D(2014, 1, 1), D(2014, 1, 31), IS, "Syrian rebels", background=True),
        territory("new", CAPTURE, "raqqa", D(2017, 10, 17), D(2017, 10, 17), SDF, IS),
        territory("bio", CAPTURE, "raqqa", D(2018, 3, 1), D(2018, 3, 31), "Syrian rebels", SDF, background=True),
    ])
    assert [c.background for c in out] == [True, False, True]
    assert control_at(out, D(2015, 6, 1))["raqqa"].to_actor == IS
    assert control_at(out, D(2017, 10, 18))["raqqa"].to_actor == SDF
    assert control_at(out, D(2019, 1, 1))["raqqa"].to_actor == SDF


def test_history_without_a_date_before_its_article_changes_nothing() -> None:
    # "the city, seized by the militants years ago": dated only by the publication day
    seized = territory("h", CAPTURE, "mosul", D(2017, 7, 1), D(2017, 7, 1), IS, None, background=True)
    infos = {seized.article_id: ArticleInfo("outlet", (D(2017, 7, 1), D(2017, 7, 1)))}
    incidents = merge_reports([seized], articles=infos)
    assert control_changes(incidents, {seized.report_id: seized}, infos) == []


def test_hedged_hypothetical_and_negated_captures_never_change_control() -> None:
    for status in ("hedged", "hypothetical", "generic", "negated"):
        r = with_status(territory("x", CAPTURE, "idlib", D(2018, 9, 1), D(2018, 9, 1), GOV, "Syrian rebels",
                                  "the town could fall within days"), status)
        assert changes([r]) == [], status


def test_only_asserted_reports_count_as_evidence_of_a_change() -> None:
    asserted = territory("a", CAPTURE, "tabqa", D(2017, 5, 10), D(2017, 5, 10), SDF, IS, attributed="SDF")
    hedged = with_status(territory("b", CAPTURE, "tabqa", D(2017, 5, 10), D(2017, 5, 10), SDF, IS,
                                   attributed="activists"), "hedged")
    out = changes([asserted, hedged])
    assert len(out) == 1
    assert (out[0].n_reports, out[0].claimed_by, out[0].report_id) == (1, "SDF", "a")


def test_a_lone_history_aside_hands_over_no_place_the_reporting_is_not_about() -> None:
    # a biography: "he fled Basra in 1991, when rebel groups took the city"
    aside = territory("bio", CAPTURE, "basra", D(1991, 3, 1), D(1991, 3, 31), "Rebel groups", None,
                      background=True)
    assert control_at(changes([aside]), D(2017, 6, 1)) == {}
    told_twice = [territory(f"h{i}", CAPTURE, "mosul", D(2014, 6, 10), D(2014, 6, 10), IS, "Iraqi forces",
                            background=True) for i in range(2)]
    assert control_at(changes(told_twice), D(2016, 1, 1))["mosul"].to_actor == IS


def test_a_capture_flagged_as_reportedly_does_not_change_control() -> None:
    r = territory("r", CAPTURE, "aleppo", D(2012, 8, 9), D(2012, 8, 9), "Free Syrian Army", GOV,
                  "Both sides claimed to be in control of the district")
    r.hedged = True
    assert changes([r]) == []


_ACTORS = [SDF, IS, GOV, "Syrian rebels", None]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["raqqa", "tabqa"]), st.integers(0, 120), st.sampled_from(_ACTORS),
                          st.integers(1, 4), st.booleans()), max_size=12),
       st.integers(0, 130))
def test_control_at_answers_from_reported_changes_whenever_there_is_one(
        specs: list[tuple[str, int, str | None, int, bool]], day: int) -> None:
    base = D(2017, 6, 1)
    seq = [ControlChange(place, place.title(), base + dt.timedelta(days=d), None, who, None, f"i{i}",
                         n_reports=n, n_articles=n, n_sources=1, background=bg)
           for i, (place, d, who, n, bg) in enumerate(specs)]
    on = base + dt.timedelta(days=day)
    got = control_at(seq, on)
    for place, c in got.items():
        assert c in seq and c.place_id == place and c.date is not None and c.date <= on
        if any(x.place_id == place and not x.background and x.date is not None and x.date <= on for x in seq):
            assert not c.background  # history never overrides a reported change
    for c in seq:
        if not c.background and c.date is not None and c.date <= on:
            assert c.place_id in got  # a reported change always gives the place a holder


def test_moving_in_after_a_withdrawal_goes_to_the_actor_moving_in() -> None:
    out = changes([territory("m", "Non-violent transfer of territory", "homs", D(2012, 3, 1), D(2012, 3, 1),
                             "Syrian government forces", "Syrian rebels",
                             "Security forces moved into the area on Thursday following the departure of rebels")])
    assert (out[0].from_actor, out[0].to_actor) == ("Syrian rebels", "Syrian government forces")


def test_sides_come_from_the_asserted_reports_when_a_hedged_one_typed_the_incident() -> None:
    # "activists said government troops had regained control of the area" (asserted) merged with two
    # hedged reports typed the other way ("an officer said it had been retaken"): the hedged majority
    # types the incident, but only the asserted report is evidence, so its sides decide the change
    gov, rebels = "Syrian government forces", "Syrian rebels"
    regained = territory("a", "Government regains territory", "tadamon", D(2012, 8, 3), D(2012, 8, 3),
                         gov, rebels)
    hedged = [with_status(territory(rid, CAPTURE, "tadamon", D(2012, 8, 3), D(2012, 8, 3), rebels, gov),
                          "hedged") for rid in ("b", "c")]
    infos = {r.article_id: ArticleInfo(f"outlet-{r.report_id}") for r in [regained, *hedged]}
    incidents = merge_reports([regained, *hedged], articles=infos)
    assert [inc.sub_event_type for inc in incidents] == [CAPTURE]  # the premise: the hedged majority
    out = control_changes(incidents, {r.report_id: r for r in [regained, *hedged]})
    assert [(c.from_actor, c.to_actor, c.report_id) for c in out] == [(rebels, gov, "a")]


def test_partial_and_temporary_captures_hand_no_place_over() -> None:
    texts = ["The rebels overran some districts of Aleppo three weeks ago.",
             "Hama and Homs have in large part been liberated, he said.",
             "Army deserters had briefly taken control of Douma on Saturday night.",
             "Defectors seized control of Douma for a few hours."]
    for i, text in enumerate(texts):
        r = territory(f"p{i}", CAPTURE, "aleppo", D(2012, 7, 20), D(2012, 7, 20), "Syrian rebels", GOV, text)
        assert changes([r]) == [], text
    whole = territory("w", CAPTURE, "aleppo", D(2012, 7, 20), D(2012, 7, 20), "Syrian rebels", GOV,
                      "The rebels took control of the whole of Aleppo after a week of fighting.")
    partial = territory("s", CAPTURE, "aleppo", D(2012, 7, 20), D(2012, 7, 20), "Syrian rebels", GOV,
                        "The rebels seized several districts of Aleppo.")
    assert [c.to_actor for c in changes([whole, partial])] == ["Syrian rebels"]  # one full claim suffices


def test_history_that_names_no_taker_sets_no_holder() -> None:
    # "areas retaken by Assad" with the doer unresolved: the history says the place was lost, not to whom
    out = changes([
        territory("h", CAPTURE, "aleppo", D(2016, 12, 1), D(2016, 12, 31), None, "Rebel groups", background=True),
        territory("k", CAPTURE, "aleppo", D(2016, 12, 1), D(2016, 12, 31), IS, "Rebel groups", background=True),
    ])
    assert [(c.from_actor, c.to_actor) for c in out] == [("Rebel groups", IS)]


def test_a_withdrawal_by_a_side_that_no_longer_holds_the_place_changes_nothing() -> None:
    taken = territory("t", REGAIN, "deir", D(2017, 9, 8), D(2017, 9, 8), GOV, IS, "The army took Deir ez-Zor")
    later = territory("w", "Non-violent transfer of territory", "deir", D(2017, 11, 9), D(2017, 11, 9), IS, None,
                      "The group retreated from the eastern cities after losing Deir ez-Zor")
    assert control_at(changes([taken, later]), D(2017, 12, 1))["deir"].to_actor == GOV
    # the holder's own withdrawal leaves the place without one
    gone = territory("g", "Non-violent transfer of territory", "deir", D(2017, 11, 9), D(2017, 11, 9), GOV, None,
                     "Government forces withdrew from Deir ez-Zor")
    assert control_at(changes([taken, gone]), D(2017, 12, 1))["deir"].to_actor is None
