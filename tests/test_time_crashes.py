"""The time tagger never loses an article (issue 8, E013): out-of-calendar arithmetic is a rejected expression."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.time import tag
from sitrep.time.normalise import DateOutOfRange, out_of_range
from sitrep.time.rules_common import season_pick

D = dt.date


def test_season_and_weekday_in_one_sentence_resolve_in_february() -> None:
    # raised "max() arg is an empty sequence": in February the last winter that has ended began two years back
    text = "He was shot last winter in the leg and died on Tuesday."
    got = {m.surface: m for m in tag(text, D(2018, 2, 20))}
    assert (got["last winter"].begin, got["last winter"].end_date) == (D(2016, 12, 1), D(2017, 2, 28))
    assert got["Tuesday"].begin == D(2018, 2, 20)


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("season", ["winter", "spring", "summer", "autumn"])
def test_last_and_next_season_resolve_in_every_month(month: int, season: str) -> None:
    anchor = D(2017, month, 15)
    last = next(m for m in tag(f"It happened last {season}.", anchor) if "last" in m.surface)
    nxt = next(m for m in tag(f"It will happen next {season}.", anchor) if "next" in m.surface)
    assert last.end_date is not None and last.end_date < anchor
    assert nxt.begin is not None and nxt.begin > anchor


def test_antiquity_is_not_a_date_and_the_rest_of_the_text_is_tagged() -> None:
    # raised "year -4989 is out of range"
    text = "People settled here 7000 years ago. The town was shelled on Monday."
    mentions = tag(text, D(2017, 6, 14))
    assert all(m.begin is None for m in mentions if "7000" in m.surface)
    assert next(m for m in mentions if m.surface == "Monday").begin == D(2017, 6, 12)


@pytest.mark.parametrize("text", [
    "The temple was built 7000 years ago.",
    "In the last 2100 decades nothing changed.",
    "It will be finished 99999 years later.",
    "The treaty expires 1000000000000 days from now.",
    "Three centuries ago, and 80 centuries before that.",
])
def test_out_of_range_arithmetic_gives_no_interval(text: str) -> None:
    for anchor in (D(2017, 6, 14), D(9999, 12, 1), D(1, 2, 1)):
        for m in tag(text, anchor):
            assert m.begin is None or D(1, 1, 1) <= m.begin <= D(9999, 12, 31)


def test_season_pick_at_the_calendar_edge_is_out_of_range_not_an_empty_max() -> None:
    with pytest.raises(DateOutOfRange):
        season_pick(D(1, 1, 5), "WI", "strict_past")


def test_only_calendar_overflow_counts_as_out_of_range() -> None:
    assert out_of_range(ValueError("year -4989 is out of range"))
    assert out_of_range(OverflowError("date value out of range"))
    assert not out_of_range(ValueError("max() arg is an empty sequence"))  # a logic bug must still surface
    assert not out_of_range(KeyError("x"))


_WORDS = ["last", "next", "this", "the previous", "the following", "that", "early", "late", "mid-", "the end of",
          "winter", "summer", "spring", "autumn", "fall", "Monday", "Tuesday", "on Sunday", "Jan.", "December",
          "February 29", "March 31", "ago", "later", "earlier", "before", "after", "from now", "years", "year",
          "months", "weeks", "days", "decades", "centuries", "century", "millennia", "quarter", "the first quarter",
          "a year and a half", "since", "until", "in", "of", "the 1990s", "the '90s", "1500", "2099", "1999",
          "the 21st century", "the year", "year-earlier", "a week", "tonight", "yesterday", "the same day",
          "the next day", "weekend", "Christmas", "Easter", "12/31/1999", "1/1/01", "2017-02-29", "9999-12-31",
          "fiscal", "FY99", "morning", ",", ".", "and", "-", "to", "shot", "was", "will", "had", "said", "on", "noon"]
_NUMBERS = st.one_of(st.integers(0, 10**15).map(str),
                     st.sampled_from(["a", "one", "seven", "a few", "dozens of", "1.5", "7000", "99999"]))
_ANCHORS = st.one_of(st.none(), st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)),
                     st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_WORDS), _NUMBERS), min_size=1, max_size=14).map(" ".join), _ANCHORS)
def test_tag_never_raises_on_date_words_numbers_and_huge_offsets(text: str, anchor: D | None) -> None:
    for m in tag(text, anchor):
        assert text[m.start:m.end] == m.surface
        assert m.begin is None or m.end_date is None or m.begin <= m.end_date
