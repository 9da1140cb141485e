"""Incidents: reports of the same event across sentences and articles merged into one record.

Blocking: a report can only join an incident of the same type group (an air strike and a shelling
are one group, the two territory-capture types are one), with the same background/cumulative flags,
at the same place or at a place that contains (or is contained by) the incident's place, and with a
compatible date (intervals overlapping or within ``DATE_SLACK`` days). Then evidence decides:

* the report's date must be compatible with the date of every report already in the incident (so
  daily shelling of one city does not chain into one month-long incident);
* same place and both dates precise (an interval of at most ``PRECISE_DAYS`` days): merge, unless
  the actors contradict and the counts do not agree;
* a vague or unknown date ("in the past week", an undated article) or a containing place needs
  positive evidence: the same death toll (24 vs 24, or 24 vs "up from an earlier toll of 13"), or,
  for territory changes, the same actor taking the same place.

Reports without a date use their article's publication window (vague). Background history and
cumulative tallies ("a total of 58 since June 6") never join current incidents; they form their
own incidents, flagged, which the casualty ledger keeps out of the totals.

An incident's id is a hash of the fields that created it (type, place, first date, first report) and
never changes when later reports merge in; every other field is recomputed from its reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from sitrep.records import Conflict, Incident, Report

STAGE_VERSION = "sitrep.events.merge.v1"

DATE_SLACK = 2  # days between two intervals that still count as the same time
PRECISE_DAYS = 3  # an interval at most this long is a precise date
WINDOW_LOOKBACK = 7  # an undated report happened at most this many days before publication
MAX_WINDOW_DAYS = 31  # a wider publication window says nothing about when an undated report happened
KEY_FIELDS = frozenset({"fatalities", "sub_event_type"})  # disagreement on these makes an incident contested
_TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
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


def _count_values(report: Report) -> set[int]:
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


# --------------------------------------------------------------------------- clusters


@dataclass
class _Cluster:
    incident_id: str
    members: list[Report] = field(default_factory=list)
    background: bool = False
    cumulative: bool = False
    group: str = ""
    fallback: Incident | None = None  # an existing incident whose reports were not supplied
    seq: int = 0
    changed: bool = False
    hull: tuple[dt.date, dt.date] | None = None  # earliest begin .. latest end of its reports' intervals
    deleted: bool = False

    def places(self) -> list[str | None]:
        if not self.members and self.fallback:
            return [self.fallback.place_id]
        return [r.place_id for r in self.members]


def _ancestors(place_id: str, parent_of: ParentOf | None) -> list[str]:
    out: list[str] = []
    cur: str | None = place_id
    while parent_of is not None and cur is not None and len(out) < 5:
        cur = parent_of(cur)
        if cur is None or cur in out or cur == place_id:
            break
        out.append(cur)
    return out


def _place_relation(a: str | None, b: str | None, parent_of: ParentOf | None) -> str | None:
    """'same', 'contains' (either way, or a missing place) or None (different places)."""
    if a == b:
        return "same" if a is not None else "contains"
    if a is None or b is None:
        return "contains"
    if b in _ancestors(a, parent_of) or a in _ancestors(b, parent_of):
        return "contains"
    return None


def _gap(a: Interval, b: Interval) -> int:
    return (max(a.begin, b.begin) - min(a.end, b.end)).days


class _Merger:
    def __init__(self, articles: Mapping[str, ArticleInfo], parent_of: ParentOf | None,
                 actor_parent: ParentOf | None = None) -> None:
        self.articles = articles
        self.parent_of = parent_of
        self.actor_parent = actor_parent
        self._families: dict[str, frozenset[str]] = {}
        self.clusters: list[_Cluster] = []
        self.index: dict[tuple[str, str], list[_Cluster]] = {}
        self._intervals: dict[str, Interval | None] = {}

    def family(self, actor: str) -> frozenset[str]:
        """The actor and the groups it belongs to (YPG -> Syrian Democratic Forces)."""
        if actor not in self._families:
            self._families[actor] = frozenset([actor, *_ancestors(actor, self.actor_parent)])
        return self._families[actor]

    def same_actor(self, a: str, others: set[str]) -> bool:
        fa = self.family(a)
        return any(o in fa or a in self.family(o) for o in others)

    def info(self, r: Report) -> ArticleInfo | None:
        return self.articles.get(r.article_id)

    def register(self, c: _Cluster, place_id: str | None) -> None:
        keys = [place_id or ""] + (_ancestors(place_id, self.parent_of) if place_id else [])
        for k in keys:
            bucket = self.index.setdefault((c.group, k), [])
            if not bucket or bucket[-1] is not c:
                bucket.append(c)

    def candidates(self, r: Report, group: str) -> list[_Cluster]:
        keys = [r.place_id or ""] + (_ancestors(r.place_id, self.parent_of) if r.place_id else [])
        if r.place_id:
            keys.append("")
        seen: dict[int, _Cluster] = {}
        for k in keys:
            for c in self.index.get((group, k), ()):
                if not c.deleted:
                    seen.setdefault(id(c), c)
        return sorted(seen.values(), key=lambda c: c.seq)

    def interval(self, r: Report) -> Interval | None:
        if r.report_id not in self._intervals:
            self._intervals[r.report_id] = report_interval(r, self.info(r))
        return self._intervals[r.report_id]

    def widen(self, c: _Cluster, r: Report) -> None:
        iv = self.interval(r)
        if iv is not None:
            c.hull = (min(c.hull[0], iv.begin), max(c.hull[1], iv.end)) if c.hull else (iv.begin, iv.end)

    def score(self, r: Report, c: _Cluster) -> float | None:
        ri = self.interval(r)
        if ri is not None and c.hull is not None and (
                (ri.begin - c.hull[1]).days > DATE_SLACK or (c.hull[0] - ri.end).days > DATE_SLACK):
            return None  # far from the earliest or the latest report: cheap rejection
        place = None
        for p in c.places():
            rel = _place_relation(r.place_id, p, self.parent_of)
            if rel == "same" or (rel == "contains" and place is None):
                place = rel
        if place is None:
            return None
        date = "unknown"
        if ri is not None:
            ivs = [self.interval(m) for m in c.members]
            known = [iv for iv in ivs if iv is not None]
            if known:
                if any(_gap(ri, iv) > DATE_SLACK for iv in known):  # every report, so incidents do not chain
                    return None
                date = "precise" if ri.precise and any(iv.precise for iv in known) else "vague"
        r_counts = _count_values(r)
        c_counts = set().union(*(_count_values(m) for m in c.members)) if c.members else set()
        count_match = bool(r_counts & c_counts)
        count_clash = bool(r_counts and c_counts and not count_match)
        c_actors = {a for m in c.members for a in (m.actor1, m.actor2) if a}
        c_actor1 = {m.actor1 for m in c.members if m.actor1}
        actor_match = bool(r.actor1 and self.same_actor(r.actor1, c_actor1))
        actor_clash = bool(r.actor1 and c_actor1 and not self.same_actor(r.actor1, c_actors))
        territory_same = c.group == "territory" and place == "same" and actor_match
        if place == "same" and date == "precise":
            ok_merge = count_match or not actor_clash
        elif place == "same":
            ok_merge = count_match or territory_same
        elif date == "precise":
            ok_merge = (count_match or actor_match) and not count_clash and not actor_clash
        else:
            ok_merge = count_match and not actor_clash
        if not ok_merge:
            return None
        return (2.0 if place == "same" else 0.0) + (1.0 if date == "precise" else 0.0) \
            + 2.0 * count_match + 1.0 * actor_match

    def add(self, r: Report) -> _Cluster:
        group = type_group(r.sub_event_type)
        cum = is_cumulative(r)
        best: tuple[float, _Cluster] | None = None
        for c in self.candidates(r, group):
            if c.background != r.background or c.cumulative != cum:
                continue
            s = self.score(r, c)
            if s is not None and (best is None or s > best[0]):
                best = (s, c)
        if best is not None:
            c = best[1]
        else:
            c = _Cluster(new_incident_id(r, self.info(r)), background=r.background, cumulative=cum, group=group,
                         seq=len(self.clusters))
            self.clusters.append(c)
        c.members.append(r)
        self.widen(c, r)
        c.changed = True
        self.register(c, r.place_id)
        return c


def new_incident_id(report: Report, info: ArticleInfo | None = None) -> str:
    """Stable id from the fields that create an incident: type, place, first date, first report."""
    iv = report_interval(report, info)
    first = iv.begin.isoformat() if iv else ""
    key = f"{report.sub_event_type}|{report.place_id or report.place_name or ''}|{first}|{report.report_id}"
    return "inc_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class IncidentMerger:
    """Incremental merging: holds the incidents and adds (or removes) reports batch by batch.

    ``existing`` incidents come with their reports in ``prior_reports``; ``articles`` (outlet and
    publication window per article id) is read when needed, so the caller may add entries to it.
    """

    def __init__(self, existing: Iterable[Incident] = (), *, prior_reports: Mapping[str, Report] | None = None,
                 articles: Mapping[str, ArticleInfo] | None = None, parent_of: ParentOf | None = None,
                 actor_parent: ParentOf | None = None) -> None:
        prior = prior_reports or {}
        self._m = _Merger(articles if articles is not None else {}, parent_of, actor_parent)
        self._built: dict[int, Incident] = {}
        self._seen: set[str] = set()
        for inc in existing:
            members = [prior[rid] for rid in inc.reports if rid in prior]
            c = _Cluster(inc.incident_id, members, inc.background, inc.cumulative,
                         type_group(members[0].sub_event_type if members else inc.sub_event_type),
                         None if members else inc, seq=len(self._m.clusters))
            for m in members:
                self._m.widen(c, m)
            self._m.clusters.append(c)
            for p in {m.place_id for m in members} or {inc.place_id}:
                self._m.register(c, p)
            self._built[c.seq] = inc
            self._seen.update(inc.reports)

    def add(self, reports: Iterable[Report]) -> list[Incident]:
        """Merge reports in (those already merged are skipped); returns the incidents they created or changed."""
        touched: dict[int, _Cluster] = {}
        for r in reports:
            if r.report_id in self._seen:
                continue
            self._seen.add(r.report_id)
            c = self._m.add(r)
            touched[c.seq] = c
        return [self._build(c) for c in sorted(touched.values(), key=lambda c: c.seq)]

    def remove(self, report_ids: Iterable[str]) -> tuple[list[Incident], list[str]]:
        """Take reports out (re-processed articles): (incidents rebuilt, ids of incidents left empty)."""
        gone = set(report_ids)
        rebuilt: list[Incident] = []
        deleted: list[str] = []
        for c in self._m.clusters:
            if c.deleted or not any(m.report_id in gone for m in c.members):
                continue
            c.members = [m for m in c.members if m.report_id not in gone]
            c.hull = None
            for m in c.members:
                self._m.widen(c, m)
            if c.members:
                rebuilt.append(self._build(c))
            else:
                c.deleted = True
                self._built.pop(c.seq, None)
                deleted.append(c.incident_id)
        self._seen -= gone
        return rebuilt, deleted

    def incidents(self) -> list[Incident]:
        """Every incident, in creation order."""
        return [self._built[c.seq] for c in self._m.clusters if not c.deleted]

    def _build(self, c: _Cluster) -> Incident:
        m = self._m
        inc = build_incident(c.incident_id, c.members, m.articles, m.parent_of, c.background, c.cumulative)
        if c.fallback is not None:  # reports we were not given stay listed
            inc.reports = c.fallback.reports + inc.reports
            inc.n_sources = max(inc.n_sources, c.fallback.n_sources)
        self._built[c.seq] = inc
        return inc


def merge_reports(
    reports: Iterable[Report],
    existing: Iterable[Incident] = (),
    *,
    prior_reports: Mapping[str, Report] | None = None,
    articles: Mapping[str, ArticleInfo] | None = None,
    parent_of: ParentOf | None = None,
    actor_parent: ParentOf | None = None,
) -> list[Incident]:
    """Merge new ``reports`` into ``existing`` incidents (whose reports are in ``prior_reports``).

    Returns every incident (existing ones first, updated; then new ones), in a deterministic order.
    ``articles`` gives each report's outlet and publication window; ``parent_of`` maps a place id to
    the place containing it (e.g. from the gazetteer) so a report in a city and one in a neighbourhood
    of it can be compared; ``actor_parent`` maps an actor to the group it belongs to, so YPG and the
    Syrian Democratic Forces do not contradict each other. Reports already in an existing incident are
    not added twice. For batch after batch, keep one ``IncidentMerger``.
    """
    merger = IncidentMerger(existing, prior_reports=prior_reports, articles=articles, parent_of=parent_of,
                            actor_parent=actor_parent)
    merger.add(reports)
    return merger.incidents()


# --------------------------------------------------------------------------- incident fields


def _majority(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    if not present:
        return None
    counts = Counter(present)
    top = max(counts.values())
    return next(v for v in present if counts[v] == top)


def _finest_place(members: list[Report], parent_of: ParentOf | None) -> Report | None:
    placed = [r for r in members if r.place_id]
    if not placed:
        return next((r for r in members if r.place_name), None)
    ids = {r.place_id for r in placed}
    coarse = {a for pid in ids for a in _ancestors(pid, parent_of)}  # type: ignore[arg-type]
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


def build_incident(incident_id: str, members: list[Report], articles: Mapping[str, ArticleInfo],
                   parent_of: ParentOf | None = None, background: bool = False,
                   cumulative: bool = False) -> Incident:
    """An incident's fields from its reports (everything but the id is derived)."""
    sub = _majority([r.sub_event_type for r in members]) or members[0].sub_event_type
    event_type = next(r.event_type for r in members if r.sub_event_type == sub)
    place = _finest_place(members, parent_of)
    begin, end = _dates(members, articles)
    deaths = [(report_deaths(r), r.report_id) for r in members]
    figures = [(d, rid) for d, rid in deaths if d is not None]
    conflicts: list[Conflict] = []
    death_pairs: list[tuple[object, str]] = [(d[0], rid) for d, rid in figures]
    current = {d[0] for d, _ in figures}
    earlier = [(v, r.report_id) for r in members for v in earlier_deaths(r) if v not in current]
    fat = _value_conflict("fatalities", death_pairs + earlier)  # type: ignore[arg-type]
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
        actor1=_majority([r.actor1 for r in members]), actor2=_majority([r.actor2 for r in members]),
        place_id=place.place_id if place else None, place_name=place.place_name if place else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        date_begin=begin, date_end=end, time_precision=_precision(begin, end),
        reports=[r.report_id for r in members], n_sources=len(outlets),
        fatalities_min=min((d[0] for d, _ in figures), default=None),
        fatalities_max=max((d[1] for d, _ in figures), default=None),
        fatalities_conservative=min((d[0] for d, _ in figures), default=None),
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
