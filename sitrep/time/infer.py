"""Publication-date inference for undated articles.

The text is tagged without an anchor; what it treats as past (or states without
a tense cue, for full dates) bounds the publication date from below:

* a full date ("4 June 2016", "14/10/2017"): published on or after it;
* a year ("since 2014"): on or after 1 January of the latest such year;
* a day and month without a year ("launched on June 6") or a bare month ("in
  December"): it lies in the publication year or the one before, so the certain
  bound is that day in the year before the base year (the latest year named, or
  ``year_hint``); the day in the base year itself feeds ``likely``;
* a weekday in a reporting clause ("said Sunday") names one of the six days before
  publication; it moves ``likely`` to the first such weekday on or after the
  yearless date it follows up on (not used when a full date is given).

The text says nothing reliable about how late the article is, so ``end`` is
``not_after`` (the crawl or file date, when the caller has one), 31 December of
``year_hint``, or today: wide but true. ``likely`` is a best guess for display; it
is None when the text does not establish the year (no full date, no ``year_hint``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitrep.time.context import tense
from sitrep.time.tagger import tag_text

_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MD = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^XXXX-(\d{2})$")
_WD = re.compile(r"^XXXX-WXX-(\d)$")


@dataclass(frozen=True)
class InferredDate:
    begin: dt.date
    end: dt.date
    evidence: str
    likely: dt.date | None = None


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def infer_published(
    text: str, *, year_hint: int | None = None, not_after: dt.date | None = None
) -> InferredDate | None:
    """Interval containing the publication date of an undated article, or None without evidence.

    ``year_hint``: the year the article is known to come from (e.g. a dated collection), used to
    place days and months given without a year. ``not_after``: a date it cannot be later than.
    """
    upper = not_after or dt.date.today()
    full: list[tuple[dt.date, str]] = []
    md: list[tuple[int, int, str]] = []
    years: list[tuple[int, str]] = []
    months: list[tuple[int, str]] = []
    weekdays: list[tuple[int, str]] = []
    for m in tag_text(text, None):
        when = tense(text, m.start, m.end)
        before = text[max(0, m.start - 12):m.start].lower()
        past = when == "past" or "since" in before
        if when == "future":
            continue
        v = m.value
        if (g := _FULL.match(v)) and (past or when is None):
            d = _safe(int(g[1]), int(g[2]), int(g[3]))
            if d and d <= upper:
                full.append((d, m.surface))
        elif (g := _MD.match(v)) and past:
            md.append((int(g[1]), int(g[2]), m.surface))
        elif (g := _YEAR.match(v)) and (past or when is None) and int(g[1]) <= upper.year:
            years.append((int(g[1]), m.surface))
        elif (g := _MONTH.match(v)) and past:
            months.append((int(g[1]), m.surface))
        elif (g := _WD.match(v)) and past:
            weekdays.append((int(g[1]) - 1, m.surface))
    evidence: list[str] = []
    lower: dt.date | None = None  # certain lower bound
    guess: dt.date | None = None  # lower bound reading yearless dates in the base year

    def raise_to(d: dt.date, why: str, certain: bool = True) -> None:
        nonlocal lower, guess
        if certain and (lower is None or d > lower):
            lower = d
        if guess is None or d > guess:
            guess = d
        evidence.append(why)

    base_year = year_hint
    if years:
        y, s = max(years)
        raise_to(dt.date(y, 1, 1), f"mentions {s!r} as past")
        if year_hint is None:
            base_year = y
    if full:
        d, s = max(full)
        raise_to(d, f"mentions {s!r} as past")
        if year_hint is None:
            base_year = max(base_year or d.year, d.year)
    if base_year is not None:
        # a yearless day or month the text treats as past lies in the publication year or the one before
        for mon, day, s in md:
            d0, d1 = _safe(base_year - 1, mon, day), _safe(base_year, mon, day)
            if d0 and d1:
                raise_to(d0, f"mentions {s!r} as past", True)
                likely_day = d1 if d1 <= upper else d0
                raise_to(likely_day, f"likely {likely_day.isoformat()}", False)
        for mon, s in months:
            raise_to(dt.date(base_year - 1, mon, 1), f"mentions {s!r} as past", True)
    if lower is None:
        if year_hint is None:
            return None
        lower = dt.date(year_hint, 1, 1)
        evidence.append(f"year hint {year_hint}")
    if year_hint is not None and not_after is None:
        upper = dt.date(year_hint, 12, 31)
    if lower > upper:
        upper = lower
    likely = max(guess or lower, lower)
    explicit = bool(full) and max(full)[0] >= likely
    if weekdays and not explicit:
        # a reported weekday is after the yearless date it follows up on and in the six days before
        # publication: the earliest such day
        wds = {w for w, _ in weekdays}
        evidence.append("weekday(s) " + ", ".join(sorted({s for _, s in weekdays})) + " within the last 6 days")
        for k in range(7):
            cand = likely + dt.timedelta(days=k)
            if cand.weekday() in wds:
                likely = cand
                break
    likely = min(likely, upper)
    if not full and year_hint is None:
        # the year itself is unknown ("since 2014" does not say which later year the article is from)
        return InferredDate(begin=lower, end=upper, evidence="; ".join(evidence), likely=None)
    return InferredDate(begin=lower, end=upper, evidence="; ".join(evidence), likely=likely)
