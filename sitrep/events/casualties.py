"""Casualty ledger: what each source claimed, per period, and the totals under two rules.

Only specific events count: reports the mention classifier calls asserted or hedged (not hypothetical,
generic or negated), not background, and not dated far outside their article's publication window
(a 1995 massacre mentioned in a 2018 article). Their death figures are counts of people: a number of
strikes or buildings never becomes a toll (``sitrep.events.quantities``).

Per source (each source in the report's ``attributed_to``, else the article's outlet) and per period (month, ISO
week or day of the event), a row gives the deaths the source claimed: for each incident, the
source's highest current figure across its reports (a source repeating or revising its own toll is
counted once), summed. Running tallies ("a total of 58 since June 6") are listed separately and
never summed, and so are tolls placed at a whole country ("89 people were killed across Syria on
Saturday", "at least 95 were killed on Monday alone" with no place of its own): an aggregate over the
located events of those days, not one more event. One sentence's toll carried by the reports of several
places ("another 20 were killed in A and B") is counted once, in the first incident that holds it. Per period, a totals row (``source`` = None) gives the ACLED conservative total (per
incident the lowest credible figure, summed) and the Airwars range (sum of per-incident minima ..
sum of per-incident maxima), from the incident's counted reports only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sitrep.events.incident import fatality_range
from sitrep.events.merge import ArticleInfo, report_deaths, report_interval
from sitrep.records import Incident, Record, Report

STAGE_VERSION = "sitrep.events.casualties.v4"  # v3: country-wide tolls are aggregates; v4: one toll counted once

COUNTED_STATUSES = frozenset({"asserted", "hedged"})
FAR_BEFORE_DAYS = 365  # an event dated this long before its article is a passing mention of history
FAR_AFTER_DAYS = 31  # ... and one dated this long after it is not a death that has happened

Period = Literal["month", "week", "day"]
PERIODS: tuple[str, ...] = ("month", "week", "day")
UNKNOWN = "unknown"


@dataclass
class LedgerRow(Record):
    period: str
    source: str | None  # None = the totals row of the period
    claimed: int | None = None  # source rows: sum of the source's per-incident claims
    cumulative_claims: list[dict[str, Any]] = field(default_factory=list)  # [{value, report, date}]
    conservative: int | None = None  # totals rows: ACLED rule
    range_min: int | None = None  # totals rows: Airwars rule
    range_max: int | None = None
    incidents: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)


def period_key(day: dt.date | None, period: Period = "month") -> str:
    if day is None:
        return UNKNOWN
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if period == "week":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if period == "day":
        return day.isoformat()
    raise ValueError(f"unknown period {period!r} (expected one of {', '.join(PERIODS)})")


def report_sources(report: Report, info: ArticleInfo | None = None) -> list[str]:
    """Who makes the claim: each attributed source ("A; B" credits both), else the outlet."""
    named = [n.strip() for n in (report.attributed_to or "").split(";") if n.strip()]
    if named:
        return list(dict.fromkeys(named))
    if info and info.outlet:
        return [info.outlet]
    return ["unknown source"]


def counts_in_ledger(report: Report, info: ArticleInfo | None = None) -> bool:
    """A specific, actual event of the article's time: asserted or hedged, not background, dated near the article."""
    if report.status not in COUNTED_STATUSES or report.background:
        return False
    iv = report_interval(report, info)
    if iv is None or not iv.explicit or info is None or info.window is None:
        return True
    begin, end = info.window
    return (begin - iv.end).days <= FAR_BEFORE_DAYS and (iv.begin - end).days <= FAR_AFTER_DAYS


def country_wide(report: Report) -> bool:
    """The report is placed at a whole country (resolved, no province, ACLED precision 3): its toll is a count
    across the country, which overlaps the located events of the same days."""
    return report.place_id is not None and report.admin1 is None and report.geo_precision == 3


TollKey = tuple[str, int, int, int, int | None]


def _toll_keys(report: Report) -> frozenset[TollKey]:
    """Each death count of the report, as the sentence and span that state it and its value."""
    return frozenset((report.article_id, report.sentence_index, q.start, q.end, q.value)
                     for q in report.fatalities if q.status == "killed")


def _restated(reports: Iterable[Report], by_report: Mapping[str, Incident]) -> set[str]:
    """Reports whose every death count is one sentence's toll already held by a report of another incident:
    one combined toll given to each of several places ("another 20 were killed in A and B"), or to each place
    a placeless toll inherits. The deaths happened once; the first incident keeps them."""
    owner: dict[TollKey, str] = {}
    out: set[str] = set()
    for r in sorted(reports, key=lambda r: (r.article_id, r.sentence_index)):  # stable: the first place first
        keys = _toll_keys(r)
        inc = by_report[r.report_id].incident_id if r.report_id in by_report else r.report_id
        if keys and all(owner.get(k, inc) != inc for k in keys):
            out.add(r.report_id)
            continue
        for k in keys:
            owner.setdefault(k, inc)
    return out


def ledger(reports: Iterable[Report], incidents: Iterable[Incident], period: Period = "month", *,
           articles: Mapping[str, ArticleInfo] | None = None) -> list[LedgerRow]:
    """Ledger rows ordered by period, then the totals row, then sources by name."""
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r} (expected one of {', '.join(PERIODS)})")
    articles = articles or {}
    incidents = list(incidents)
    counted = {r.report_id: r for r in reports if counts_in_ledger(r, articles.get(r.article_id))}
    by_report = {rid: inc for inc in incidents for rid in inc.reports}
    restated = _restated(counted.values(), by_report)
    counted = {rid: r for rid, r in counted.items() if rid not in restated}
    rows: dict[tuple[str, str | None], LedgerRow] = {}

    def row(p: str, source: str | None) -> LedgerRow:
        return rows.setdefault((p, source), LedgerRow(p, source))

    # per source: its highest figure per incident
    best: dict[tuple[str, str, str], tuple[int, str]] = {}
    for r in counted.values():
        deaths = report_deaths(r)
        if deaths is None:
            continue
        info = articles.get(r.article_id)
        inc = by_report.get(r.report_id)
        iv = report_interval(r, info)
        day = inc.date_begin if inc and inc.date_begin else (iv.begin if iv else None)
        p = period_key(day, period)
        cumulative = (inc is not None and inc.cumulative) or (
            inc is None and all(q.cumulative for q in r.fatalities if q.status == "killed")) or country_wide(r)
        for source in report_sources(r, info):
            row(p, source).reports.append(r.report_id)
            if cumulative:
                row(p, source).cumulative_claims.append(
                    {"value": deaths[0], "report": r.report_id, "date": day.isoformat() if day else None})
                continue
            key = (p, source, inc.incident_id if inc else r.report_id)
            if key not in best or deaths[0] > best[key][0]:
                best[key] = (deaths[0], r.report_id)
    for (p, source, inc_key), (value, _rid) in best.items():
        target = row(p, source)
        target.claimed = (target.claimed or 0) + value
        if inc_key not in target.incidents:
            target.incidents.append(inc_key)
    for inc in incidents:
        if inc.cumulative or inc.background:
            continue
        members = [counted[rid] for rid in inc.reports if rid in counted and not country_wide(counted[rid])]
        low, high, conservative = fatality_range(members)
        if conservative is None:
            continue
        total = row(period_key(inc.date_begin, period), None)
        total.conservative = (total.conservative or 0) + conservative
        total.range_min = (total.range_min or 0) + (low or 0)
        total.range_max = (total.range_max or 0) + (high or 0)
        total.incidents.append(inc.incident_id)
        total.reports.extend(r.report_id for r in members)
    return sorted(rows.values(), key=lambda x: (x.period == UNKNOWN, x.period, x.source is not None,
                                                x.source or ""))
