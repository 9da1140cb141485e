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
  positive evidence: the same death toll (24 vs 24, or 24 vs "up from an earlier toll of 13"), the
  same sentence (word overlap, e.g. wire copy), or, for territory changes, the same actor taking the
  same place; a containing place also needs the same sub-event type.

Reports without a date use their article's publication window (vague). Background history and
cumulative tallies ("a total of 58 since June 6") never join current incidents; they form their
own incidents, flagged, which the casualty ledger keeps out of the totals.

An incident's id is a hash of the fields that created it (type, place, first date, first report) and
never changes when later reports merge in; every other field is recomputed from its reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from sitrep.events.incident import (
    DATE_SLACK,
    ArticleInfo,
    Interval,
    ParentOf,
    ancestors,
    build_incident,
    count_values,
    earlier_deaths,
    is_cumulative,
    report_deaths,
    report_interval,
    source_key,
    type_group,
)
from sitrep.records import Incident, Report

STAGE_VERSION = "sitrep.events.merge.v5"  # v5: layer villages contained in their governorate whatever was geoparsed

TEXT_SIMILARITY = 0.6  # word-set Jaccard above which two sentences count as the same claim
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset("the and for that with from said says was were has have had been are this into their they its "
                  "which who after also than more over about other some".split())

__all__ = [
    "STAGE_VERSION", "ArticleInfo", "IncidentMerger", "Interval", "ParentOf", "build_incident", "earlier_deaths",
    "is_cumulative", "merge_reports", "new_incident_id", "report_deaths", "report_interval", "source_key",
    "type_group",
]

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
    keys: list[str] = field(default_factory=list)  # the place keys it is indexed under
    slots: set[tuple[str, int | None]] = field(default_factory=set)  # (place key, week) in the time index

    def last_week(self) -> int:
        """The latest week it is indexed under (-1: none, only undated)."""
        return max((w for _, w in self.slots if w is not None), default=-1)

    def places(self) -> list[str | None]:
        if not self.members and self.fallback:
            return [self.fallback.place_id]
        return [r.place_id for r in self.members]



def _place_relation(a: str | None, b: str | None, parent_of: ParentOf | None) -> str | None:
    """'same', 'contains' (either way, or a missing place) or None (different places)."""
    if a == b:
        return "same" if a is not None else "contains"
    if a is None or b is None:
        return "contains"
    if b in ancestors(a, parent_of) or a in ancestors(b, parent_of):
        return "contains"
    return None


class MergeBacking(Protocol):
    """Where incidents that left the merger's memory are found again (``sitrep.store.merge_state``).

    Slots are the merger's index entries: (group, place key, week; -1 for no date hull), per incident.
    """

    def slot_incidents(self, group: str, keys: list[str], weeks: tuple[int, int] | None,
                       below: int | None) -> list[str]:
        """Ids of incidents with a slot at (group, one of keys) and: any week (``weeks`` None), or week -1,
        or a week in ``weeks`` that is below ``below`` (None: no bound)."""

    def incidents_since(self, week: int) -> list[str]:
        """Ids of incidents with a slot at ``week`` or later."""

    def load(self, incident_ids: list[str]) -> list[tuple[Incident, int, list[Report]]]:
        """(incident, its merge sequence number, its reports in merge order) for each stored id."""

    def incidents_of(self, report_ids: list[str]) -> list[str]:
        """Ids of the stored incidents holding these reports."""

    def merged(self, report_ids: list[str]) -> set[str]:
        """Those of these reports that are in a stored incident."""


def _week(day: dt.date) -> int:
    return day.toordinal() // 7


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
        # the same clusters by (group, place key, week of their date hull; None: no date), so that finding
        # the candidates of a dated report costs the same whatever the size of the corpus
        self.by_week: dict[tuple[str, str, int | None], list[_Cluster]] = {}
        self._intervals: dict[str, Interval | None] = {}
        self._tokens: dict[str, frozenset[str]] = {}
        self.backing: MergeBacking | None = None
        self.next_seq = 0  # creation order of clusters (ties go to the oldest)
        self.created = 0
        self.loaded: dict[str, _Cluster] = {}  # incident id -> cluster in memory (with a backing)
        self.load_cluster: Callable[[Incident, int, list[Report]], _Cluster] | None = None
        # with a backing, memory holds every cluster indexed at week >= lo (None: no such guarantee yet);
        # the backing is asked for the rest
        self.lo: int | None = None

    def family(self, actor: str) -> frozenset[str]:
        """The actor and the groups it belongs to (YPG -> Syrian Democratic Forces)."""
        if actor not in self._families:
            self._families[actor] = frozenset([actor, *ancestors(actor, self.actor_parent)])
        return self._families[actor]

    def same_actor(self, a: str, others: set[str]) -> bool:
        fa = self.family(a)
        return any(o in fa or a in self.family(o) or _name_within(a, o) for o in others)

    def info(self, r: Report) -> ArticleInfo | None:
        return self.articles.get(r.article_id)

    def register(self, c: _Cluster, place_id: str | None) -> None:
        keys = [place_id or ""] + (ancestors(place_id, self.parent_of) if place_id else [])
        for k in keys:
            bucket = self.index.setdefault((c.group, k), [])
            if not bucket or bucket[-1] is not c:
                bucket.append(c)
            if k not in c.keys:
                c.keys.append(k)
        self.index_time(c)

    def index_time(self, c: _Cluster) -> None:
        """Index the cluster under every week its date hull touches (or under None without a hull)."""
        weeks: list[int | None] = [None] if c.hull is None else \
            list(range(_week(c.hull[0]), _week(c.hull[1]) + 1))
        for k in c.keys:
            for w in weeks:
                if (k, w) not in c.slots:
                    c.slots.add((k, w))
                    self.by_week.setdefault((c.group, k, w), []).append(c)

    def candidates(self, r: Report, group: str) -> list[_Cluster]:
        keys = [r.place_id or ""] + (ancestors(r.place_id, self.parent_of) if r.place_id else [])
        if r.place_id:
            keys.append("")
        seen: dict[int, _Cluster] = {}
        ri = self.interval(r)
        if ri is None:  # an undated report may join any cluster at its place
            self.fetch(group, keys, None)
            for k in keys:
                for c in self.index.get((group, k), ()):
                    if not c.deleted:
                        seen.setdefault(id(c), c)
            return sorted(seen.values(), key=lambda c: c.seq)
        slack = dt.timedelta(days=DATE_SLACK)  # a cluster farther away than this is rejected by score()
        first, last = _week(ri.begin - slack), _week(ri.end + slack)
        self.fetch(group, keys, (first, last))
        weeks: list[int | None] = [None, *range(first, last + 1)]
        for k in keys:
            for w in weeks:
                for c in self.by_week.get((group, k, w), ()):
                    if not c.deleted:
                        seen.setdefault(id(c), c)
        return sorted(seen.values(), key=lambda c: c.seq)

    def fetch(self, group: str, keys: list[str], weeks: tuple[int, int] | None) -> None:
        """Bring into memory the stored clusters a report with these place keys and weeks could join."""
        if self.backing is None:
            return
        ids = self.backing.slot_incidents(group, keys, weeks, self.lo)
        self.bring([i for i in ids if i not in self.loaded])

    def bring(self, incident_ids: list[str]) -> None:
        if not incident_ids or self.backing is None or self.load_cluster is None:
            return
        for inc, seq, members in self.backing.load([i for i in incident_ids if i not in self.loaded]):
            if inc.incident_id not in self.loaded:
                self.load_cluster(inc, seq, members)

    def tokens(self, r: Report) -> frozenset[str]:
        if r.report_id not in self._tokens:
            self._tokens[r.report_id] = frozenset(w for w in _WORD.findall(r.text.lower()) if w not in _STOP)
        return self._tokens[r.report_id]

    def similar_text(self, r: Report, c: _Cluster) -> bool:
        """The same sentence (or nearly: wire copy, a repeated paragraph) is already in the incident."""
        mine = self.tokens(r)
        if len(mine) < 4:
            return False
        for m in c.members:
            theirs = self.tokens(m)
            if theirs and len(mine & theirs) / len(mine | theirs) >= TEXT_SIMILARITY:
                return True
        return False

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
        if place == "contains" and r.place_id is None and r.place_name:
            names = {(m.place_name or "").casefold() for m in c.members if m.place_id is None and m.place_name}
            if r.place_name.casefold() in names:
                place = "same"  # the same unresolved name
            elif names and all(m.place_id is None for m in c.members):
                return None  # two different unresolved names
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
        r_counts = count_values(r)
        c_counts = set().union(*(count_values(m) for m in c.members)) if c.members else set()
        count_match = bool(r_counts & c_counts)
        count_clash = bool(r_counts and c_counts and not count_match)
        c_actors = {a for m in c.members for a in (m.actor1, m.actor2) if a}
        c_actor1 = {m.actor1 for m in c.members if m.actor1}
        actor_match = bool(r.actor1 and self.same_actor(r.actor1, c_actor1))
        actor_clash = bool(r.actor1 and c_actor1 and not self.same_actor(r.actor1, c_actors))
        territory_same = c.group == "territory" and place == "same" and actor_match
        text_match = self.similar_text(r, c)
        same_type = any(m.sub_event_type == r.sub_event_type for m in c.members)
        if place == "same" and date == "precise":
            ok_merge = count_match or text_match or not actor_clash
        elif place == "same":
            ok_merge = count_match or text_match or territory_same
        elif not same_type:  # a city and its neighbourhood: only when the types agree
            ok_merge = False
        elif date == "precise":
            ok_merge = (count_match or actor_match or text_match) and not count_clash and not actor_clash
        else:
            ok_merge = (count_match or text_match) and not actor_clash
        if not ok_merge:
            return None
        return (2.0 if place == "same" else 0.0) + (1.0 if date == "precise" else 0.0) \
            + 2.0 * count_match + 1.0 * actor_match + 1.0 * text_match

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
                         seq=self.next_seq)
            self.next_seq += 1
            self.created += 1
            self.clusters.append(c)
            if self.backing is not None:
                self.loaded[c.incident_id] = c
        c.members.append(r)
        self.widen(c, r)
        c.changed = True
        self.register(c, r.place_id)
        return c


def _name_within(a: str, b: str) -> bool:
    """One name is the other with qualifiers: "Government forces" within "Syrian government forces"."""
    ta, tb = set(a.lower().split()), set(b.lower().split())
    small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return len(small) >= 2 and small < big


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
                 actor_parent: ParentOf | None = None, backing: MergeBacking | None = None,
                 next_seq: int = 0) -> None:
        """With a ``backing`` (the store), ``existing`` is not given: incidents are loaded from the backing
        when a report could join them and :meth:`evict` drops those that fell out of the date window, so
        memory holds the open window, not the corpus; ``next_seq`` continues the stored creation order."""
        prior = prior_reports or {}
        self._m = _Merger(articles if articles is not None else {}, parent_of, actor_parent)
        self._m.backing = backing
        self._m.load_cluster = self._load
        self._m.next_seq = next_seq
        self._built: dict[int, Incident] = {}
        self._seen: set[str] = set()
        for inc in existing:
            self._load(inc, self._m.next_seq, [prior[rid] for rid in inc.reports if rid in prior])
            self._m.next_seq += 1
            self._seen.update(inc.reports)

    def _load(self, inc: Incident, seq: int, members: list[Report]) -> _Cluster:
        c = _Cluster(inc.incident_id, members, inc.background, inc.cumulative,
                     type_group(members[0].sub_event_type if members else inc.sub_event_type),
                     None if members else inc, seq=seq)
        for m in members:
            self._m.widen(c, m)
        self._m.clusters.append(c)
        for p in dict.fromkeys([m.place_id for m in members]) or [inc.place_id]:
            self._m.register(c, p)
        self._built[c.seq] = inc
        if self._m.backing is not None:
            self._m.loaded[c.incident_id] = c
        return c

    @property
    def created(self) -> int:
        """Incidents created so far."""
        return self._m.created

    def evict(self, lo: int) -> int:
        """(With a backing.) Drop from memory the clusters indexed only before week ``lo`` (or undated):
        the backing answers for them. ``lo`` never goes back. Returns how many were dropped."""
        m = self._m
        if m.backing is None:
            return 0
        if m.lo is not None and lo <= m.lo:
            return 0
        if m.lo is None:  # memory must hold every cluster at lo or later from now on
            m.bring(m.backing.incidents_since(lo))
        m.lo = lo
        keep: list[_Cluster] = []
        for c in m.clusters:
            if c.deleted or c.last_week() < lo:
                m.loaded.pop(c.incident_id, None)
                self._built.pop(c.seq, None)
                for r in c.members:
                    m._tokens.pop(r.report_id, None)
                    m._intervals.pop(r.report_id, None)
            else:
                keep.append(c)
        dropped = len(m.clusters) - len(keep)
        if dropped:
            m.clusters = keep
            m.index = {}
            m.by_week = {}
            for c in keep:
                for k in c.keys:
                    m.index.setdefault((c.group, k), []).append(c)
                for k, w in sorted(c.slots, key=lambda s: (s[0], -2 if s[1] is None else s[1])):
                    m.by_week.setdefault((c.group, k, w), []).append(c)
        return dropped

    def slots(self, incident: Incident) -> list[tuple[str, str, int]]:
        """(group, place key, week; -1: undated) of an incident in memory: what a backing stores."""
        c = self._m.loaded.get(incident.incident_id)
        if c is None:
            return []
        return sorted({(c.group, k, -1 if w is None else w) for k, w in c.slots})

    def seq_of(self, incident: Incident) -> int | None:
        c = self._m.loaded.get(incident.incident_id)
        return c.seq if c is not None else None

    def add(self, reports: Iterable[Report]) -> list[Incident]:
        """Merge reports in (those already merged are skipped); returns the incidents they created or changed."""
        touched: dict[int, _Cluster] = {}
        if self._m.backing is not None:  # reports already merged are in the backing, not in memory
            reports = list(reports)
            self._seen = self._m.backing.merged([r.report_id for r in reports])
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
        if self._m.backing is not None:
            self._m.bring(self._m.backing.incidents_of(sorted(gone)))
        rebuilt: list[Incident] = []
        deleted: list[str] = []
        for c in self._m.clusters:
            if c.deleted or not any(m.report_id in gone for m in c.members):
                continue
            c.members = [m for m in c.members if m.report_id not in gone]
            c.hull = None
            for m in c.members:
                self._m.widen(c, m)
            self._m.index_time(c)
            if c.members:
                rebuilt.append(self._build(c))
            else:
                c.deleted = True
                self._built.pop(c.seq, None)
                deleted.append(c.incident_id)
        self._seen -= gone
        return rebuilt, deleted

    def incidents(self) -> list[Incident]:
        """Every incident (with a backing: those in memory), in creation order."""
        return [self._built[c.seq] for c in self._m.clusters if not c.deleted]

    def _build(self, c: _Cluster) -> Incident:
        m = self._m
        inc = build_incident(c.incident_id, c.members, m.articles, m.parent_of, c.background, c.cumulative,
                             m.actor_parent)
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


