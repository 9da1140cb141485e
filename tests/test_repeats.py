"""Repeats of one claim within an article collapse into one report that keeps every sentence."""

from __future__ import annotations

import datetime as dt

from sitrep.events.alliances import allied
from sitrep.events.extract_actors import backing_pairs
from sitrep.events.repeats import collapse_repeats
from sitrep.records import ActorMention, QuantityMention, Report


def report(idx: int, killed: int | None, *, attributed: str | None = None, cumulative: bool = False,
           day: dt.date | None = None, place: str = "g:1", breakdown: dict | None = None,
           earlier: int | None = None) -> Report:
    q = [QuantityMention(0, 2, "x", value=killed, category="civilians", status="killed", cumulative=cumulative,
                         breakdown=breakdown or {}, earlier_value=earlier)] if killed is not None else []
    return Report(report_id=f"r{idx}", article_id="a", sentence_index=idx, event_type="Explosions/Remote violence",
                  sub_event_type="Air/drone strike", actor1="Coalition", actor2="Civilians", place_id=place,
                  date_begin=day, date_end=day, fatalities=q, attributed_to=attributed, text=f"sentence {idx}")


def test_same_toll_twice_is_one_report_with_both_sentences_and_details() -> None:
    first = report(2, 31, breakdown={"children": 4})
    second = report(7, 31, attributed="Monitor", earlier=20, day=dt.date(2019, 3, 2))
    (one,) = collapse_repeats([first, second])
    assert one.sentence_index == 7 and one.attributed_to == "Monitor"
    assert [r["sentence_index"] for r in one.repeats] == [2]
    q = one.fatalities[0]
    assert q.breakdown == {"children": 4} and q.earlier_value == 20


def test_different_tolls_places_or_running_totals_stay_apart() -> None:
    assert len(collapse_repeats([report(1, 10), report(2, 12)])) == 2
    assert len(collapse_repeats([report(1, 10), report(2, 10, place="g:2")])) == 2
    assert len(collapse_repeats([report(1, 80, cumulative=True), report(4, None)])) == 2


def test_countless_repeat_joins_only_when_dated_and_same_source() -> None:
    d = dt.date(2019, 3, 2)
    assert len(collapse_repeats([report(1, 10, attributed="Monitor", day=d),
                                 report(3, None, attributed="Monitor", day=d)])) == 1
    assert len(collapse_repeats([report(1, 10, attributed="Monitor"), report(3, None, attributed="Monitor")])) == 2


def test_one_victim_each_described_apart_by_two_sources_are_two_people() -> None:
    import dataclasses

    def one(idx: int, who: str, source: str) -> Report:
        r = report(idx, 1, attributed=source)
        return dataclasses.replace(r, fatalities=[dataclasses.replace(r.fatalities[0], surface=who)])

    assert len(collapse_repeats([one(1, "A nurse", "Doctors"), one(4, "one of its drivers", "Red Crescent")])) == 2
    assert len(collapse_repeats([one(1, "A nurse", "Doctors"), one(4, "the nurse", "Red Crescent")])) == 1
    assert len(collapse_repeats([one(1, "A nurse", "Doctors"), one(4, "a driver", "Doctors")])) == 1


def test_backing_pairs_and_alliances() -> None:
    text = "Turkish-backed rebels attacked the town. The army, supported by Russian jets, advanced."
    def m(surface: str, name: str) -> ActorMention:
        start = text.index(surface)
        return ActorMention(start, start + len(surface), surface, name[:3], name)

    actors = [m("Turkish", "Turkish forces"), m("rebels", "Rebel groups"), m("The army", "Syrian government forces"),
              m("Russian", "Russian forces")]
    pairs = backing_pairs(text, actors)
    assert frozenset(("Turkish forces", "Rebel groups")) in pairs
    assert frozenset(("Syrian government forces", "Russian forces")) in pairs
    assert allied("US-led coalition", "Syrian Democratic Forces")
    assert not allied("Islamic State", "Syrian Democratic Forces")
