"""What an incident is made of: report facts (dates, deaths, sources) and the incident's fields.

``build_incident`` derives every field of an incident but its id from its reports: the type and
actors by majority, the finest place (a neighbourhood over its city), the date interval (the overlap
of the precise reports' intervals), ``n_sources`` (distinct outlets, else articles), fatalities under
the ACLED rule (the lowest credible figure: non-hedged reports first; deaths only; "dozens" = 12)
and the Airwars range (lowest .. highest), the fields the reports disagree on (``conflicts``, with
each value and its reports; an earlier toll a report revises is kept, flagged ``earlier_toll``), a
grade (contested when sources disagree on the toll or the type; corroborated when at least two
independent sources, i.e. distinct attributions or outlets, report it) and a one-sentence note.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sitrep.records import Conflict, Incident, Report

STAGE_VERSION = "sitrep.events.incident.v4"

DATE_SLACK = 2  # days between two intervals that still count as the same time
PRECISE_DAYS = 3  # an interval at most this long is a precise date
WINDOW_LOOKBACK = 7  # an undated report happened at most this many days before publication
MAX_WINDOW_DAYS = 31  # a wider publication window says nothing about when an undated report happened
KEY_FIELDS = frozenset({"fatalities", "sub_event_type"})  # disagreement on these makes an incident contested
_GROUPS = {
    "Air/drone strike": "remote", "Shelling/artillery/missile attack": "remote",
    "Non-state actor overtakes territory": "territory", "Government regains territory": "territory",
}

ParentOf = Callable[[str], "str | None"]  # place id -> containing place id; actor name -> parent actor name



@dataclass(frozen=True)
class ArticleInfo:
    """What the merge needs to know about a report's article."""

    outlet: str | None = None
    window: tuple[dt.date, dt.date] | None = None  # publication date interval
    external_id: str | None = None


@dataclass(frozen=True)
class Interval:
    begin: dt.date
    end: dt.date
    precise: bool
    explicit: bool  # from the report's own dates, not its article's publication window

# --------------------------------------------------------------------------- report facts


def report_interval(report: Report, info: ArticleInfo | None = None) -> Interval | None:
    """The report's date interval; the article's publication window (vague) when it has none."""
    begin, end = report.date_begin or report.date_end, report.date_end or report.date_begin
    if begin and end:
        if end < begin:
            begin, end = end, begin
        return Interval(begin, end, (end - begin).days <= PRECISE_DAYS, True)
    if info and info.window and (info.window[1] - info.window[0]).days <= MAX_WINDOW_DAYS:
        return Interval(info.window[0] - dt.timedelta(days=WINDOW_LOOKBACK), info.window[1], False, False)
    return None


def is_cumulative(report: Report) -> bool:
    """True when the report's death figures are all running tallies."""
    killed = [q for q in report.fatalities if q.status == "killed"]
    return bool(killed) and all(q.cumulative for q in killed)


def report_deaths(report: Report) -> tuple[int, int] | None:
    """(low, high) deaths claimed by the report (non-cumulative claims; tallies for a cumulative report)."""
    cum = is_cumulative(report)
    killed = [q for q in report.fatalities if q.status == "killed" and q.cumulative == cum]
    if not killed:
        return None
    low = high = 0
    for q in killed:
        value = q.value if q.value is not None else q.min
        if value is None:
            continue
        low += value
        high += max(value, q.max or value)
    return low, high


def earlier_deaths(report: Report) -> list[int]:
    """Earlier tolls the report says it revises ("up from an earlier toll of 13")."""
    return [q.earlier_value for q in report.fatalities if q.status == "killed" and q.earlier_value is not None]


def count_values(report: Report) -> set[int]:
    vals = {q.value for q in report.fatalities if q.status == "killed" and q.value is not None}
    deaths = report_deaths(report)
    if deaths:
        vals.add(deaths[0])
    return vals | set(earlier_deaths(report))


def source_key(report: Report, info: ArticleInfo | None) -> str:
    """Outlet, else the article (for n_sources)."""
    if info and info.outlet:
        return info.outlet
    return f"article:{report.article_id}"


def _independent_key(report: Report, info: ArticleInfo | None) -> str:
    if report.attributed_to:
        return report.attributed_to.split(";")[0].strip()
    return source_key(report, info)


def type_group(sub_event_type: str) -> str:
    return _GROUPS.get(sub_event_type, sub_event_type)


def ancestors(place_id: str, parent_of: ParentOf | None) -> list[str]:
    out: list[str] = []
    cur: str | None = place_id
    while parent_of is not None and cur is not None and len(out) < 5:
        cur = parent_of(cur)
        if cur is None or cur in out or cur == place_id:
            break
        out.append(cur)
    return out


# --------------------------------------------------------------------------- incident fields


def _dating(report: Report, articles: Mapping[str, ArticleInfo]) -> int:
    iv = report_interval(report, articles.get(report.article_id))
    return 0 if iv is None else int(iv.explicit) + int(iv.explicit and iv.precise)


def _majority(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    if not present:
        return None
    counts = Counter(present)
    top = max(counts.values())
    return next(v for v in present if counts[v] == top)


def _grouped(names: list[str | None], actor_parent: ParentOf | None) -> list[str | None]:
    """Each actor named as the widest group of it that the reports also name (YPG -> SDF when both appear)."""
    present = {n for n in names if n}
    out: list[str | None] = []
    for n in names:
        if n and actor_parent is not None:
            ups = [a for a in ancestors(n, actor_parent) if a in present]
            n = ups[-1] if ups else n
        out.append(n)
    return out


def _finest_place(members: list[Report], parent_of: ParentOf | None) -> Report | None:
    placed = [r for r in members if r.place_id]
    if not placed:
        return next((r for r in members if r.place_name), None)
    ids = {r.place_id for r in placed}
    coarse = {a for pid in ids for a in ancestors(pid, parent_of)}  # type: ignore[arg-type]
    fine = [r for r in placed if r.place_id not in coarse] or placed
    best = _majority([r.place_id for r in fine])
    return next(r for r in fine if r.place_id == best)


def _dates(members: list[Report], articles: Mapping[str, ArticleInfo]) -> tuple[dt.date | None, dt.date | None]:
    ivs = [iv for r in members if (iv := report_interval(r, articles.get(r.article_id))) is not None]
    precise = [iv for iv in ivs if iv.precise and iv.explicit] or [iv for iv in ivs if iv.precise]
    if precise:
        begin, end = max(iv.begin for iv in precise), min(iv.end for iv in precise)
        if begin <= end:
            return begin, end
        return min(iv.begin for iv in precise), max(iv.end for iv in precise)
    pool = [iv for iv in ivs if iv.explicit] or ivs
    if not pool:
        return None, None
    tight = min(pool, key=lambda iv: ((iv.end - iv.begin).days, iv.begin))
    return tight.begin, tight.end


def _precision(begin: dt.date | None, end: dt.date | None) -> int | None:
    if begin is None or end is None:
        return None
    span = (end - begin).days
    return 1 if span == 0 else 2 if span <= 7 else 3


def _value_conflict(name: str, pairs: list[tuple[object, str]]) -> Conflict | None:
    groups: dict[object, list[str]] = {}
    for value, rid in pairs:
        if value is None:
            continue
        groups.setdefault(value, [])
        if rid not in groups[value]:
            groups[value].append(rid)
    if len(groups) < 2:
        return None
    return Conflict(name, [{"value": v, "reports": rids} for v, rids in groups.items()])


def _figures(members: list[Report]) -> list[tuple[tuple[int, int], str]]:
    return [(d, r.report_id) for r in members if (d := report_deaths(r)) is not None]


def fatality_range(members: list[Report]) -> tuple[int | None, int | None, int | None]:
    """(lowest, highest, ACLED conservative) deaths the reports claim for one incident.

    The conservative figure is the lowest credible one: "reportedly" figures only when nothing firmer.
    """
    figures = _figures(members)
    hedged = {r.report_id for r in members if r.hedged or r.status == "hedged"}
    firm = [(d, rid) for d, rid in figures if rid not in hedged]
    return (min((d[0] for d, _ in figures), default=None), max((d[1] for d, _ in figures), default=None),
            min((d[0] for d, _ in (firm or figures)), default=None))


def build_incident(incident_id: str, members: list[Report], articles: Mapping[str, ArticleInfo],
                   parent_of: ParentOf | None = None, background: bool = False,
                   cumulative: bool = False, actor_parent: ParentOf | None = None) -> Incident:
    """An incident's fields from its reports (everything but the id is derived).

    Majority votes (type, actors, place) break ties in favour of the best-dated report.
    """
    ranked = sorted(members, key=lambda r: _dating(r, articles), reverse=True)
    sub = _majority([r.sub_event_type for r in ranked]) or ranked[0].sub_event_type
    event_type = next(r.event_type for r in ranked if r.sub_event_type == sub)
    place = _finest_place(ranked, parent_of)
    begin, end = _dates(members, articles)
    figures = _figures(members)
    low, high, conservative = fatality_range(members)
    conflicts: list[Conflict] = []
    death_pairs: list[tuple[object, str]] = [(d[0], rid) for d, rid in figures]
    current = {d[0] for d, _ in figures}
    earlier = [(v, r.report_id) for r in members for v in earlier_deaths(r) if v not in current]
    fat = _value_conflict("fatalities", death_pairs + list(earlier))  # type: ignore[arg-type,operator]
    if fat is not None:
        superseded = {v for v, _ in earlier}
        for item in fat.values:
            if item["value"] in superseded:
                item["earlier_toll"] = True
        conflicts.append(fat)
    for name in ("sub_event_type", "actor1", "actor2"):
        c = _value_conflict(name, [(getattr(r, name), r.report_id) for r in members])
        if c is not None:
            conflicts.append(c)
    outlets = {source_key(r, articles.get(r.article_id)) for r in members}
    independent = {_independent_key(r, articles.get(r.article_id)) for r in members}
    disputed = any(c.field in KEY_FIELDS and sum(1 for v in c.values if not v.get("earlier_toll")) > 1
                   for c in conflicts)
    grade = "contested" if disputed else "corroborated" if len(independent) >= 2 else "single source"
    inc = Incident(
        incident_id=incident_id, event_type=event_type, sub_event_type=sub,
        actor1=_majority(_grouped([r.actor1 for r in ranked], actor_parent)),
        actor2=_majority(_grouped([r.actor2 for r in ranked], actor_parent)),
        place_id=place.place_id if place else None, place_name=place.place_name if place else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        date_begin=begin, date_end=end,
        time_precision=_precision(begin, end) if any(r.date_begin or r.date_end for r in members)
        else (3 if begin else None),  # only the publication window: a guess
        reports=[r.report_id for r in members], n_sources=len(outlets),
        fatalities_min=low, fatalities_max=high, fatalities_conservative=conservative,
        conflicts=conflicts, grade=grade, stage_version=STAGE_VERSION,  # type: ignore[arg-type]
        background=background, cumulative=cumulative,
    )
    inc.notes = incident_note(inc)
    return inc


def incident_note(inc: Incident) -> str:
    """One generated sentence summarising the incident."""
    what = inc.sub_event_type
    if inc.actor1:
        what += f" by {inc.actor1}"
    if inc.actor2:
        what += f" against {inc.actor2}"
    where = f" in {inc.place_name}" if inc.place_name else ""
    if inc.date_begin and inc.date_end and inc.date_begin != inc.date_end:
        when = f" between {inc.date_begin.isoformat()} and {inc.date_end.isoformat()}"
    elif inc.date_begin:
        when = f" on {inc.date_begin.isoformat()}"
    else:
        when = " (date unknown)"
    n = len(inc.reports)
    src = f"{inc.n_sources} source{'s' if inc.n_sources != 1 else ''}"
    text = f"{what}{where}{when}, {n} report{'s' if n != 1 else ''} from {src} ({inc.grade})"
    if inc.fatalities_conservative is not None:
        kind = "running total" if inc.cumulative else "fatalities"
        text += f"; {kind} {inc.fatalities_conservative}"
        if inc.fatalities_max not in (None, inc.fatalities_min):
            text += f" (range {inc.fatalities_min}-{inc.fatalities_max})"
    disputed = [c.field for c in inc.conflicts]
    if disputed:
        text += f"; reports differ on {', '.join(disputed)}"
    if inc.background:
        text += "; mentioned as background"
    return text + "."
