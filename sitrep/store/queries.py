"""Read queries for the page, the JSON API and the exports: typed functions over the store's connection.

Everything the web layer (``sitrep.web``) and ``sitrep.export`` read goes through this module, so the
SQL lives in one place. Every function takes a ``sqlite3.Connection`` (a :class:`~sitrep.store.Store`'s
``conn``), never writes, and returns records (dataclasses with ``to_dict``) or iterators of them.

Filters (:class:`IncidentQuery`) are applied in SQL, so a store of 100,000 incidents is paged and
filtered without loading it: the list of incidents, the map points, the per-day histogram and the
exports all share one ``WHERE`` clause.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from sitrep.records import Incident, Record, Report
from sitrep.text import split_sentences

SortKey = Literal["date", "-date", "fatalities", "-fatalities", "sources"]
SORT_KEYS: tuple[str, ...] = ("date", "-date", "fatalities", "-fatalities", "sources")
_ORDER: dict[str, str] = {
    "date": "i.date_begin IS NULL, i.date_begin, i.incident_id",
    "-date": "i.date_begin IS NULL, i.date_begin DESC, i.incident_id",
    "fatalities": "i.fatalities_conservative IS NULL, i.fatalities_conservative, i.incident_id",
    "-fatalities": "i.fatalities_conservative IS NULL, i.fatalities_conservative DESC, i.incident_id",
    "sources": "i.n_sources DESC, i.date_begin IS NULL, i.date_begin, i.incident_id",
}
MAX_PAGE = 1000


class QueryError(ValueError):
    """A query asks for something that cannot be answered (bad range, unknown sort, ...)."""


@dataclass(frozen=True)
class IncidentQuery:
    """Which incidents: every given condition must hold (an empty query selects every incident).

    Dates select incidents whose interval overlaps ``[date_from, date_to]`` (undated incidents are then
    left out). ``event_types`` match the event type or the sub-event type exactly. ``actor``, ``place``
    and ``text`` are case-insensitive substrings of an actor, the place name (or the exact place id),
    and a member report's sentence. ``bbox`` is (west, south, east, north) in degrees.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_types: tuple[str, ...] = ()
    actor: str | None = None
    place: str | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    include_background: bool = True

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError(f"date_from {self.date_from} is after date_to {self.date_to}")
        if self.bbox is not None:
            west, south, east, north = self.bbox
            for name, value, limit in (("west", west, 180), ("south", south, 90), ("east", east, 180),
                                       ("north", north, 90)):
                if not -limit <= value <= limit:
                    raise QueryError(f"bbox {name} {value} is outside [-{limit}, {limit}]")
            if south > north:
                raise QueryError(f"bbox south {south} is north of north {north}")


def connect_readonly(path: str) -> sqlite3.Connection:
    """A connection that cannot write (``PRAGMA query_only``), usable from any one thread at a time."""
    conn = sqlite3.connect(path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA cache_size = -32000")
    return conn


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(q: IncidentQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if q.date_from:
        clauses.append("i.date_begin IS NOT NULL AND COALESCE(i.date_end, i.date_begin) >= ?")
        args.append(q.date_from.isoformat())
    if q.date_to:
        clauses.append("i.date_begin <= ?")
        args.append(q.date_to.isoformat())
    if q.event_types:
        marks = ",".join("?" * len(q.event_types))
        clauses.append(f"(i.event_type IN ({marks}) OR i.sub_event_type IN ({marks}))")
        args.extend(q.event_types)
        args.extend(q.event_types)
    if q.actor:
        clauses.append("(i.actor1 LIKE ? ESCAPE '\\' OR i.actor2 LIKE ? ESCAPE '\\')")
        args.extend([_like(q.actor)] * 2)
    if q.place:
        clauses.append("(i.place_name LIKE ? ESCAPE '\\' OR i.place_id = ?)")
        args.extend([_like(q.place), q.place])
    if q.text:
        clauses.append("EXISTS (SELECT 1 FROM incident_reports ir JOIN reports r ON r.report_id = ir.report_id"
                       " WHERE ir.incident_id = i.incident_id AND r.text LIKE ? ESCAPE '\\')")
        args.append(_like(q.text))
    if q.bbox is not None:
        west, south, east, north = q.bbox
        clauses.append("i.lat BETWEEN ? AND ?")
        args.extend([south, north])
        if west <= east:
            clauses.append("i.lon BETWEEN ? AND ?")
            args.extend([west, east])
        else:  # crosses the antimeridian
            clauses.append("(i.lon >= ? OR i.lon <= ?)")
            args.extend([west, east])
    if not q.include_background:
        clauses.append("i.background = 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


# --------------------------------------------------------------------------- incidents


@dataclass
class IncidentSummary(Record):
    """One row of the incident list."""

    incident_id: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    place_id: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    date_begin: str | None
    date_end: str | None
    time_precision: int | None
    n_sources: int
    n_reports: int
    fatalities_min: int | None
    fatalities_max: int | None
    fatalities_conservative: int | None
    grade: str
    disputed: list[str]
    background: bool
    cumulative: bool

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)  # every field is JSON-ready already: no deep copy


@dataclass
class Page(Record):
    total: int
    offset: int
    limit: int
    items: list[Any]

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "offset": self.offset, "limit": self.limit,
                "items": [item.to_dict() for item in self.items]}


_SUMMARY_SQL = ("SELECT i.incident_id, i.event_type, i.sub_event_type, i.actor1, i.actor2, i.place_id, i.place_name,"
                " i.lat, i.lon, i.date_begin, i.date_end, i.time_precision, i.n_sources, i.fatalities_min,"
                " i.fatalities_max, i.fatalities_conservative, i.grade, i.conflicts, i.background, i.cumulative,"
                " (SELECT COUNT(*) FROM incident_reports ir WHERE ir.incident_id = i.incident_id) AS n_reports"
                " FROM incidents i")


def _summary(row: sqlite3.Row) -> IncidentSummary:
    return IncidentSummary(
        incident_id=row["incident_id"], event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        actor1=row["actor1"], actor2=row["actor2"], place_id=row["place_id"], place_name=row["place_name"],
        lat=row["lat"], lon=row["lon"], date_begin=row["date_begin"], date_end=row["date_end"],
        time_precision=row["time_precision"], n_sources=row["n_sources"], n_reports=row["n_reports"],
        fatalities_min=row["fatalities_min"], fatalities_max=row["fatalities_max"],
        fatalities_conservative=row["fatalities_conservative"], grade=row["grade"],
        disputed=[c["field"] for c in json.loads(row["conflicts"] or "[]")],
        background=bool(row["background"]), cumulative=bool(row["cumulative"]),
    )


def _check_page(offset: int, limit: int) -> None:
    if offset < 0:
        raise QueryError(f"offset {offset} is negative")
    if not 1 <= limit <= MAX_PAGE:
        raise QueryError(f"limit {limit} is outside 1..{MAX_PAGE}")


def list_incidents(conn: sqlite3.Connection, q: IncidentQuery, *, offset: int = 0, limit: int = 50,
                   sort: str = "date", index: IncidentIndex | None = None) -> Page:
    """One page of the incidents matching ``q`` and how many match in all (``index``: the fast path)."""
    _check_page(offset, limit)
    if sort not in _ORDER:
        raise QueryError(f"unknown sort {sort!r} (expected one of {', '.join(SORT_KEYS)})")
    if index is not None:
        chosen = index.ordered(conn, q, sort)
        rowids = [int(index.rowid[k]) for k in chosen[offset:offset + limit]]
        found = _by_rowid(conn, _SUMMARY_SQL.replace("SELECT ", "SELECT i.rowid AS rid, ", 1), rowids)
        return Page(total=int(len(chosen)), offset=offset, limit=limit,
                    items=[_summary(found[r]) for r in rowids if r in found])
    where, args = _where(q)
    total = conn.execute(f"SELECT COUNT(*) FROM incidents i{where}", args).fetchone()[0]
    rows = conn.execute(f"{_SUMMARY_SQL}{where} ORDER BY {_ORDER[sort]} LIMIT ? OFFSET ?", [*args, limit, offset])
    return Page(total=total, offset=offset, limit=limit, items=[_summary(r) for r in rows])


@dataclass
class MapPoints(Record):
    """Incidents as compact map points: ``[incident_id, lat, lon, event_type, fatalities, date_begin, place_name]``.

    When more incidents match than ``limit``, the deadliest ``limit`` are given and ``truncated`` is set.
    """

    total: int
    truncated: bool
    points: list[list[Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "truncated": self.truncated, "points": self.points}


def map_points(conn: sqlite3.Connection, q: IncidentQuery, *, limit: int = 5000,
               index: IncidentIndex | None = None) -> MapPoints:
    if not 1 <= limit <= 50_000:
        raise QueryError(f"limit {limit} is outside 1..50000")
    if index is not None:
        np = index.np
        m = index.mask(conn, q) & ~np.isnan(index.lat) & ~np.isnan(index.lon)
        total = int(m.sum())
        if total > limit:
            deadliest = index.orders["-fatalities"]
            chosen = deadliest[m[deadliest]][:limit]
        else:
            chosen = np.flatnonzero(m)
        ids, types, places = index.ids, index.event_types, index.place_names
        fat = index.fatalities[chosen].tolist()
        begin = index.begin[chosen].tolist()
        type_codes = index.event_type[chosen].tolist()
        place_codes = index.place_name[chosen].tolist()
        pts = [[ids[k], la, lo, types[t], None if f < 0 else f, None if d < 0 else dt.date.fromordinal(d).isoformat(),
                None if pc < 0 else places[pc]]
               for k, la, lo, t, f, d, pc in zip(chosen.tolist(), index.lat[chosen].tolist(),
                                                 index.lon[chosen].tolist(), type_codes, fat, begin, place_codes,
                                                 strict=True)]
        return MapPoints(total=total, truncated=total > limit, points=pts)
    where, args = _where(q)
    where = (where + " AND" if where else " WHERE") + " i.lat IS NOT NULL AND i.lon IS NOT NULL"
    total = conn.execute(f"SELECT COUNT(*) FROM incidents i{where}", args).fetchone()[0]
    by = " ORDER BY i.rowid" if total <= limit else f" ORDER BY {_ORDER['-fatalities']}"
    rows = conn.execute(f"SELECT i.incident_id, i.lat, i.lon, i.event_type, i.fatalities_conservative, i.date_begin,"
                        f" i.place_name FROM incidents i{where}{by} LIMIT ?", [*args, limit])
    return MapPoints(total=total, truncated=total > limit, points=[list(r) for r in rows])


@dataclass
class DayCount(Record):
    date: str
    incidents: int
    fatalities: int

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "incidents": self.incidents, "fatalities": self.fatalities}


def histogram(conn: sqlite3.Connection, q: IncidentQuery, *, index: IncidentIndex | None = None) -> list[DayCount]:
    """Incidents and conservative fatalities per first day, for the matching dated incidents."""
    if index is not None:
        np = index.np
        m = index.mask(conn, q) & (index.begin >= 0)
        days = index.begin[m]
        if not len(days):
            return []
        lo = int(days.min())
        counts = np.bincount(days - lo)
        deaths = np.bincount(days - lo, weights=np.maximum(index.fatalities[m], 0))
        return [DayCount(dt.date.fromordinal(lo + k).isoformat(), int(c), int(deaths[k]))
                for k, c in enumerate(counts.tolist()) if c]
    where, args = _where(q)
    where = (where + " AND" if where else " WHERE") + " i.date_begin IS NOT NULL"
    rows = conn.execute(f"SELECT substr(i.date_begin, 1, 10) AS d, COUNT(*), SUM(COALESCE(i.fatalities_conservative,"
                        f" 0)) FROM incidents i{where} GROUP BY d ORDER BY d", args)
    return [DayCount(r[0], r[1], r[2]) for r in rows]


@dataclass
class Facets(Record):
    """What the filters can take: the stored date extent and event types with their counts."""

    incidents: int
    date_min: str | None
    date_max: str | None
    event_types: list[dict[str, Any]]  # [{event_type, sub_event_types: [{name, count}], count}]


def facets(conn: sqlite3.Connection) -> Facets:
    n, lo, hi = conn.execute("SELECT COUNT(*), MIN(date_begin), MAX(COALESCE(date_end, date_begin))"
                             " FROM incidents").fetchone()
    types: dict[str, dict[str, Any]] = {}
    for et, st, count in conn.execute("SELECT event_type, sub_event_type, COUNT(*) FROM incidents"
                                      " GROUP BY event_type, sub_event_type ORDER BY event_type, sub_event_type"):
        entry = types.setdefault(et, {"event_type": et, "count": 0, "sub_event_types": []})
        entry["count"] += count
        entry["sub_event_types"].append({"name": st, "count": count})
    return Facets(n, lo[:10] if lo else None, hi[:10] if hi else None, list(types.values()))


# --------------------------------------------------------------------------- columnar snapshot


class IncidentIndex:
    """A columnar snapshot (numpy) of the incidents' filter and sort fields, so that filtering, counting,
    sorting and paging 100,000 incidents takes a few milliseconds instead of a table scan per request.

    Built from one ``SELECT`` over ``incidents``; :meth:`current` rebuilds it when the store changed
    (SQLite's ``PRAGMA data_version``). Matches exactly what the SQL path (:func:`_where`) selects,
    except that substring matches fold case fully (``casefold``) where SQL's ``LIKE`` folds ASCII only.
    The ``text`` filter (member sentences) is answered by SQL and intersected.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        import numpy as np

        self.np = np
        cur = conn.cursor()
        cur.row_factory = None  # plain tuples: several times faster than sqlite3.Row for 100,000 rows
        rows = cur.execute("SELECT rowid, incident_id, event_type, sub_event_type, actor1, actor2, place_id,"
                           " place_name, lat, lon, date_begin, date_end, fatalities_conservative, n_sources,"
                           " background FROM incidents").fetchall()
        n = len(rows)
        cols: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if rows else [()] * 15
        self.ids: list[str] = list(cols[1])
        self.pos: dict[str, int] = {v: k for k, v in enumerate(self.ids)}

        def codes(col: int) -> tuple[Any, list[str]]:
            values: dict[str, int] = {}
            get = values.setdefault
            out = np.fromiter((-1 if v is None else get(v, len(values)) for v in cols[col]), dtype=np.int32,
                              count=n)
            return out, list(values)

        epoch = dt.date(1970, 1, 1).toordinal()

        def days(col: int, fallback: int | None = None) -> Any:
            values = [(v if v is not None else (cols[fallback][k] if fallback is not None else None))
                      for k, v in enumerate(cols[col])]
            parsed = np.array([v[:10] if v else "NaT" for v in values], dtype="datetime64[D]")
            out = parsed.astype(np.int64) + epoch
            out[np.isnat(parsed)] = -1
            return out

        self.rowid = np.fromiter(cols[0], dtype=np.int64, count=n)
        self.event_type, self.event_types = codes(2)
        self.sub_type, self.sub_types = codes(3)
        self.actor1, self.actors1 = codes(4)
        self.actor2, self.actors2 = codes(5)
        self.place_id, self.place_ids = codes(6)
        self.place_name, self.place_names = codes(7)
        self.lat = np.array(cols[8], dtype=np.float64) if n else np.zeros(0)  # None -> nan
        self.lon = np.array(cols[9], dtype=np.float64) if n else np.zeros(0)
        self.begin = days(10)
        self.end = days(11, fallback=10)
        self.fatalities = np.fromiter((-1 if v is None else v for v in cols[12]), dtype=np.int64, count=n)
        self.n_sources = np.fromiter(cols[13], dtype=np.int64, count=n)
        self.background = np.fromiter(cols[14], dtype=bool, count=n)
        id_rank = np.empty(n, dtype=np.int64)
        id_rank[np.argsort(np.array(self.ids, dtype=object), kind="stable")] = np.arange(n)
        undated = self.begin < 0
        nofat = self.fatalities < 0
        # the orders of _ORDER, as position arrays (np.lexsort: last key is the primary one)
        self.orders = {
            "date": np.lexsort((id_rank, self.begin, undated)),
            "-date": np.lexsort((id_rank, -self.begin, undated)),
            "fatalities": np.lexsort((id_rank, self.fatalities, nofat)),
            "-fatalities": np.lexsort((id_rank, -self.fatalities, nofat)),
            "sources": np.lexsort((id_rank, self.begin, undated, -self.n_sources)),
        }
        self.version: int | None = None

    def _isin(self, codes: Any, size: int, chosen: list[int]) -> Any:
        """codes (with -1 for NULL) in ``chosen``: a lookup table, faster than np.isin for few values."""
        table = self.np.zeros(size + 1, dtype=bool)  # the last slot is NULL's (-1) and stays False
        table[chosen] = True
        return table[codes]

    @staticmethod
    def _matching(values: list[str], needle: str) -> list[int]:
        folded = needle.casefold()
        return [k for k, v in enumerate(values) if folded in v.casefold()]

    def mask(self, conn: sqlite3.Connection, q: IncidentQuery) -> Any:
        """Boolean array over the snapshot's incidents: which match ``q``."""
        np = self.np
        m = np.ones(len(self.ids), dtype=bool)
        if q.date_from:
            m &= (self.begin >= 0) & (self.end >= q.date_from.toordinal())
        if q.date_to:
            m &= (self.begin >= 0) & (self.begin <= q.date_to.toordinal())
        if q.event_types:
            et = [k for k, v in enumerate(self.event_types) if v in q.event_types]
            st = [k for k, v in enumerate(self.sub_types) if v in q.event_types]
            m &= (self._isin(self.event_type, len(self.event_types), et)
                  | self._isin(self.sub_type, len(self.sub_types), st))
        if q.actor:
            m &= (self._isin(self.actor1, len(self.actors1), self._matching(self.actors1, q.actor))
                  | self._isin(self.actor2, len(self.actors2), self._matching(self.actors2, q.actor)))
        if q.place:
            ids = [k for k, v in enumerate(self.place_ids) if v == q.place]
            m &= (self._isin(self.place_name, len(self.place_names), self._matching(self.place_names, q.place))
                  | self._isin(self.place_id, len(self.place_ids), ids))
        if q.bbox is not None:
            west, south, east, north = q.bbox
            with np.errstate(invalid="ignore"):
                m &= (self.lat >= south) & (self.lat <= north)
                m &= ((self.lon >= west) & (self.lon <= east)) if west <= east else ((self.lon >= west)
                                                                                   | (self.lon <= east))
        if not q.include_background:
            m &= ~self.background
        if q.text:
            hits = np.zeros(len(self.ids), dtype=bool)
            for (incident_id,) in conn.execute(
                    "SELECT DISTINCT ir.incident_id FROM reports r JOIN incident_reports ir ON ir.report_id ="
                    " r.report_id WHERE r.text LIKE ? ESCAPE '\\'", (_like(q.text),)):
                k = self.pos.get(incident_id)
                if k is not None:
                    hits[k] = True
            m &= hits
        return m

    def ordered(self, conn: sqlite3.Connection, q: IncidentQuery, sort: str) -> Any:
        order = self.orders[sort]
        if q == IncidentQuery():
            return order
        m = self.mask(conn, q)
        return order[m[order]]


MAX_MEMO = 64  # whole-store views kept per store version (ledgers, timelines, briefs)


class IndexHolder:
    """One :class:`IncidentIndex` for a store, shared by threads, rebuilt when the store changes."""

    def __init__(self, path: str) -> None:
        self._conn = connect_readonly(path)
        self._lock = threading.Lock()
        self._index: IncidentIndex | None = None
        self._version: int | None = None
        self._memo: dict[Any, Any] = {}
        self._memo_lock = threading.Lock()

    def _changed(self) -> bool:
        """Whether the store changed since the last look (caller holds ``_lock``)."""
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._version = version
            self._index = None
            self._memo = {}
            return True
        return False

    def current(self) -> IncidentIndex:
        with self._lock:
            self._changed()
            if self._index is None:
                self._index = IncidentIndex(self._conn)
            return self._index

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``'s result, kept until the store changes (for whole-store views such as the ledger)."""
        with self._lock:
            self._changed()
            memo = self._memo
            if key in memo:
                return memo[key]
        with self._memo_lock:  # one computation at a time; the index stays available meanwhile
            if key not in memo:
                while len(memo) >= MAX_MEMO:  # keys come from query parameters: keep the newest only
                    del memo[next(iter(memo))]
                memo[key] = compute()
            return memo[key]

    def close(self) -> None:
        self._conn.close()


def _by_rowid(conn: sqlite3.Connection, sql: str, rowids: list[int]) -> dict[int, sqlite3.Row]:
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    return {r["rid"]: r for r in conn.execute(f"{sql} WHERE i.rowid IN ({marks})", rowids)}


# --------------------------------------------------------------------------- one incident


@dataclass
class ArticleRef(Record):
    article_id: str
    external_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published_at: str | None


@dataclass
class Evidence(Record):
    """A member report with the article it comes from."""

    report: dict[str, Any]  # Report.to_dict(); its ``text`` is the sentence
    article: ArticleRef


@dataclass
class IncidentDetail(Record):
    incident: dict[str, Any]  # Incident.to_dict()
    geo_precision: int | None
    admin1: str | None
    country: str | None
    evidence: list[Evidence]
    disagreements: list[dict[str, Any]]  # the incident's conflicts: [{field, values: [{value, reports}]}]
    control_changes: list[dict[str, Any]]


def _article_ref(row: sqlite3.Row, prefix: str = "a_") -> ArticleRef:
    return ArticleRef(row[f"{prefix}article_id"], row[f"{prefix}external_id"], row[f"{prefix}title"],
                      row[f"{prefix}url"], row[f"{prefix}outlet"], row[f"{prefix}published_at"])


_ARTICLE_COLS = ("a.article_id AS a_article_id, a.external_id AS a_external_id, a.title AS a_title, a.url AS a_url,"
                 " a.outlet AS a_outlet, a.published_at AS a_published_at")


def get_incident(conn: sqlite3.Connection, incident_id: str) -> IncidentDetail | None:
    """The incident with every member report (sentence, article), its disagreements and control changes."""
    from sitrep.events.rows import row_to_incident, row_to_report

    row = conn.execute("SELECT * FROM incidents WHERE incident_id = ?", (incident_id,)).fetchone()
    if row is None:
        return None
    members = conn.execute(f"SELECT r.*, {_ARTICLE_COLS} FROM incident_reports ir"
                           " JOIN reports r ON r.report_id = ir.report_id JOIN articles a ON a.article_id = r.article_id"
                           " WHERE ir.incident_id = ? ORDER BY ir.position", (incident_id,)).fetchall()
    reports: list[Report] = [row_to_report(m) for m in members]
    incident: Incident = row_to_incident(row, [r.report_id for r in reports])
    same_place = [r for r in reports if r.place_id == incident.place_id] or reports
    precisions = [r.geo_precision for r in same_place if r.geo_precision]
    changes = conn.execute("SELECT place_id, place_name, date, from_actor, to_actor, claimed_by, incident_id, report_id"
                           " FROM control_changes WHERE incident_id = ? ORDER BY change_id", (incident_id,))
    return IncidentDetail(
        incident=incident.to_dict(),
        geo_precision=min(precisions) if precisions else None,
        admin1=next((r.admin1 for r in same_place if r.admin1), None),
        country=next((r.country for r in same_place if r.country), None),
        evidence=[Evidence(r.to_dict(), _article_ref(m)) for r, m in zip(reports, members, strict=True)],
        disagreements=[c.to_dict() for c in incident.conflicts],
        control_changes=[dict(c) for c in changes],
    )


# --------------------------------------------------------------------------- control, casualties


@dataclass
class Holding(Record):
    """Who held a place on a date: the last change of control on or before it."""

    place_id: str
    place_name: str | None
    lat: float | None
    lon: float | None
    held_by: str | None  # None: the last change was a withdrawal to nobody named
    since: str | None
    taken_from: str | None
    claimed_by: str | None
    incident_id: str | None


def control_at(conn: sqlite3.Connection, date: dt.date) -> list[Holding]:
    """Per place, the last dated change of control on or before ``date`` (ties: the later change wins),
    as :func:`sitrep.events.control.control_at` decides it."""
    rows = conn.execute(
        "SELECT c.*, i.lat AS lat, i.lon AS lon FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY place_id"
        " ORDER BY date DESC, change_id DESC) AS rn FROM control_changes WHERE date IS NOT NULL AND date <= ?) c"
        " LEFT JOIN incidents i ON i.incident_id = c.incident_id WHERE c.rn = 1"
        " ORDER BY c.place_name, c.place_id", (date.isoformat(),))
    return [Holding(r["place_id"], r["place_name"], r["lat"], r["lon"], r["to_actor"], r["date"], r["from_actor"],
                    r["claimed_by"], r["incident_id"]) for r in rows]


@dataclass
class ControlChangeRow(Record):
    place_id: str
    place_name: str | None
    lat: float | None
    lon: float | None
    date: str | None
    from_actor: str | None
    to_actor: str | None
    claimed_by: str | None
    incident_id: str | None
    report_id: str | None


def control_changes(conn: sqlite3.Connection) -> list[ControlChangeRow]:
    """Every change of control, dated first in date order, then undated."""
    rows = conn.execute("SELECT c.*, i.lat AS lat, i.lon AS lon FROM control_changes c"
                        " LEFT JOIN incidents i ON i.incident_id = c.incident_id"
                        " ORDER BY c.date IS NULL, c.date, c.change_id")
    return [ControlChangeRow(r["place_id"], r["place_name"], r["lat"], r["lon"], r["date"], r["from_actor"],
                             r["to_actor"], r["claimed_by"], r["incident_id"], r["report_id"]) for r in rows]


def casualty_ledger(conn: sqlite3.Connection, period: str = "month") -> list[dict[str, Any]]:
    """The casualty ledger (:func:`sitrep.events.casualties.ledger`) of the whole store, as dicts."""
    from sitrep.events.casualties import PERIODS, ledger
    from sitrep.events.rows import article_infos, load_incidents, load_reports

    if period not in PERIODS:
        raise QueryError(f"unknown period {period!r} (expected one of {', '.join(PERIODS)})")
    rows = ledger(load_reports(conn), load_incidents(conn), period,  # type: ignore[arg-type]
                  articles=article_infos(conn))
    return [r.to_dict() for r in rows]


# --------------------------------------------------------------------------- articles


@dataclass
class ArticleSummary(ArticleRef):
    """An article of the list: its reference plus what the list shows about it."""

    duplicate_of: str | None
    n_reports: int


def list_articles(conn: sqlite3.Connection, *, text: str | None = None, offset: int = 0, limit: int = 50) -> Page:
    """Stored articles in publication order; ``text`` is a case-insensitive substring of title or outlet."""
    _check_page(offset, limit)
    where, args = "", []
    if text:
        where = " WHERE (a.title LIKE ? ESCAPE '\\' OR a.outlet LIKE ? ESCAPE '\\' OR a.external_id = ?)"
        args = [_like(text), _like(text), text]
    total = conn.execute(f"SELECT COUNT(*) FROM articles a{where}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT a.article_id, a.external_id, a.title, a.url, a.outlet, a.published_at, a.duplicate_of,"
        f" (SELECT COUNT(*) FROM reports r WHERE r.article_id = a.article_id) AS n FROM articles a{where}"
        " ORDER BY a.published_at IS NULL, a.published_at, a.external_id LIMIT ? OFFSET ?", [*args, limit, offset])
    return Page(total, offset, limit, [ArticleSummary(*r) for r in rows])


@dataclass
class ArticleDetail(Record):
    article: ArticleSummary
    text: str
    published_precision: str
    published_source: str
    reports: list[dict[str, Any]]  # each Report.to_dict() with its ``incident_id``
    sentences: list[tuple[int, int]] = field(default_factory=list)  # [start, end) of sentence i in ``text``


def get_article(conn: sqlite3.Connection, article_id: str) -> ArticleDetail | None:
    from sitrep.events.rows import row_to_report

    row = conn.execute("SELECT a.*, (SELECT COUNT(*) FROM reports r WHERE r.article_id = a.article_id) AS n"
                       " FROM articles a WHERE a.article_id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    reports = []
    for r in conn.execute("SELECT r.*, ir.incident_id AS incident_id FROM reports r LEFT JOIN incident_reports ir"
                          " ON ir.report_id = r.report_id WHERE r.article_id = ? ORDER BY r.sentence_index, r.rowid",
                          (article_id,)):
        d = row_to_report(r).to_dict()
        d["incident_id"] = r["incident_id"]
        reports.append(d)
    summary = ArticleSummary(row["article_id"], row["external_id"], row["title"], row["url"], row["outlet"],
                             row["published_at"], row["duplicate_of"], row["n"])
    # the offsets of sentence i, so that a citation (article, sentence index) can be shown in the text
    sentences = [(s.start, s.end) for s in split_sentences(row["article_id"], row["text"])]
    return ArticleDetail(summary, row["text"], row["published_precision"], row["published_source"], reports,
                         sentences)


# --------------------------------------------------------------------------- exports


@dataclass
class ExportRow:
    """An incident with its member reports and their articles, for the exports."""

    incident: Incident
    reports: list[Report] = field(default_factory=list)
    articles: dict[str, ArticleRef] = field(default_factory=dict)  # by article_id


def iter_export_rows(conn: sqlite3.Connection, q: IncidentQuery | None = None) -> Iterator[ExportRow]:
    """Every incident matching ``q`` (all by default) in date order, with its reports: one pass over a
    single cursor, holding one incident at a time (constant memory whatever the store's size)."""
    from sitrep.events.rows import row_to_incident, row_to_report

    where, args = _where(q or IncidentQuery())
    sql = (f"SELECT i.incident_id AS i_incident_id, i.event_type AS i_event_type,"
           f" i.sub_event_type AS i_sub_event_type, i.actor1 AS i_actor1, i.actor2 AS i_actor2,"
           f" i.place_id AS i_place_id, i.place_name AS i_place_name, i.lat AS i_lat, i.lon AS i_lon,"
           f" i.date_begin AS i_date_begin, i.date_end AS i_date_end, i.time_precision AS i_time_precision,"
           f" i.n_sources AS i_n_sources, i.fatalities_min AS i_fatalities_min,"
           f" i.fatalities_max AS i_fatalities_max, i.fatalities_conservative AS i_fatalities_conservative,"
           f" i.conflicts AS i_conflicts, i.grade AS i_grade, i.notes AS i_notes, i.background AS i_background,"
           f" i.cumulative AS i_cumulative, i.stage_version AS i_stage_version,"
           f" r.*, {_ARTICLE_COLS}"
           f" FROM incidents i LEFT JOIN incident_reports ir ON ir.incident_id = i.incident_id"
           f" LEFT JOIN reports r ON r.report_id = ir.report_id LEFT JOIN articles a ON a.article_id = r.article_id"
           f"{where} ORDER BY i.date_begin IS NULL, i.date_begin, i.incident_id, ir.position")
    current: ExportRow | None = None
    for row in conn.execute(sql, args):
        if current is None or current.incident.incident_id != row["i_incident_id"]:
            if current is not None:
                yield current
            current = ExportRow(row_to_incident(_Prefixed(row, "i_"), []))  # type: ignore[arg-type]
        if row["report_id"] is not None:
            report = row_to_report(row)
            current.reports.append(report)
            current.incident.reports.append(report.report_id)
            current.articles.setdefault(report.article_id, _article_ref(row))
    if current is not None:
        yield current


class _Prefixed:
    """Row access by the incident column names in a joined row whose incident columns carry a prefix."""

    def __init__(self, row: sqlite3.Row, prefix: str) -> None:
        self.row, self.prefix = row, prefix

    def __getitem__(self, key: str) -> Any:
        return self.row[self.prefix + key]
