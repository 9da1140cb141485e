"""Events rows in the store (migration 003_events.sql): write and read Reports, Incidents, ControlChanges.

List-valued fields are JSON text; dates are ISO strings. Readers take a ``sqlite3.Connection`` (the
store's ``conn``) so the CLI, the web app and ``process`` share them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.events.merge import ArticleInfo
from sitrep.records import Conflict, ControlChange, Incident, QuantityMention, Report

_REPORT_COLS = ("report_id", "article_id", "sentence_index", "event_type", "sub_event_type", "actor1", "actor2",
                "assoc_actors", "place_id", "place_name", "lat", "lon", "admin1", "country", "geo_precision",
                "date_begin", "date_end", "time_precision", "fatalities", "attributed_to", "hedged", "background",
                "text", "stage_version", "repeats", "status", "place_inferred", "place_surface", "confidence")
_INCIDENT_COLS = ("incident_id", "event_type", "sub_event_type", "actor1", "actor2", "place_id", "place_name",
                  "lat", "lon", "date_begin", "date_end", "time_precision", "n_sources", "fatalities_min",
                  "fatalities_max", "fatalities_conservative", "conflicts", "grade", "notes", "background",
                  "cumulative", "stage_version")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _report_values(r: Report) -> tuple[Any, ...]:
    return (r.report_id, r.article_id, r.sentence_index, r.event_type, r.sub_event_type, r.actor1, r.actor2,
            json.dumps(r.assoc_actors, ensure_ascii=False), r.place_id, r.place_name, r.lat, r.lon, r.admin1,
            r.country, r.geo_precision, _iso(r.date_begin), _iso(r.date_end), r.time_precision,
            json.dumps([q.to_dict() for q in r.fatalities], ensure_ascii=False), r.attributed_to, int(r.hedged),
            int(r.background), r.text, r.stage_version, json.dumps(r.repeats, ensure_ascii=False), r.status,
            int(r.place_inferred), r.place_surface, r.confidence)


def insert_reports(conn: sqlite3.Connection, reports: Iterable[Report]) -> int:
    rows = [_report_values(r) for r in reports]
    conn.executemany(f"INSERT OR REPLACE INTO reports ({', '.join(_REPORT_COLS)}) "
                     f"VALUES ({', '.join('?' * len(_REPORT_COLS))})", rows)
    return len(rows)


def row_to_report(row: sqlite3.Row) -> Report:
    return Report(
        report_id=row["report_id"], article_id=row["article_id"], sentence_index=row["sentence_index"],
        event_type=row["event_type"], sub_event_type=row["sub_event_type"], actor1=row["actor1"],
        actor2=row["actor2"], assoc_actors=json.loads(row["assoc_actors"]), place_id=row["place_id"],
        place_name=row["place_name"], lat=row["lat"], lon=row["lon"], admin1=row["admin1"], country=row["country"],
        geo_precision=row["geo_precision"], date_begin=_day(row["date_begin"]), date_end=_day(row["date_end"]),
        time_precision=row["time_precision"],
        fatalities=[QuantityMention(**q) for q in json.loads(row["fatalities"])],
        attributed_to=row["attributed_to"], hedged=bool(row["hedged"]), background=bool(row["background"]),
        text=row["text"], stage_version=row["stage_version"], repeats=json.loads(row["repeats"] or "[]"),
        status=row["status"], place_inferred=bool(row["place_inferred"]), place_surface=row["place_surface"],
        confidence=row["confidence"],
    )


def load_reports(conn: sqlite3.Connection, article_ids: list[str] | None = None) -> list[Report]:
    """Reports in article publication order (as ``process`` merges them), then sentence order."""
    sql = "SELECT r.* FROM reports r JOIN articles a ON a.article_id = r.article_id"
    args: list[str] = []
    if article_ids is not None:
        sql += f" WHERE r.article_id IN ({','.join('?' * len(article_ids))})"
        args = list(article_ids)
    sql += (" ORDER BY a.published_at IS NULL, a.published_at, a.external_id, a.article_id, r.sentence_index,"
            " r.rowid")
    return [row_to_report(r) for r in conn.execute(sql, args)]


def iter_report_rows(conn: sqlite3.Connection) -> Iterator[tuple[Report, dict[str, Any]]]:
    """Reports in date order with their article's external_id, outlet, title and publication date."""
    sql = ("SELECT r.*, a.external_id AS a_external_id, a.outlet AS a_outlet, a.title AS a_title, "
           "a.published_at AS a_published_at, ir.incident_id AS a_incident_id FROM reports r "
           "JOIN articles a ON a.article_id = r.article_id "
           "LEFT JOIN incident_reports ir ON ir.report_id = r.report_id "
           "ORDER BY r.date_begin IS NULL, r.date_begin, a.external_id, r.sentence_index, r.rowid")
    for row in conn.execute(sql):
        extra = {"external_id": row["a_external_id"], "outlet": row["a_outlet"], "title": row["a_title"],
                 "published_at": row["a_published_at"], "incident_id": row["a_incident_id"]}
        yield row_to_report(row), extra


def delete_reports(conn: sqlite3.Connection, report_ids: Iterable[str]) -> None:
    conn.executemany("DELETE FROM reports WHERE report_id=?", [(r,) for r in report_ids])


def save_incidents(conn: sqlite3.Connection, incidents: Iterable[Incident]) -> int:
    n = 0
    for inc in incidents:
        d = inc.to_dict()
        values = [d[c] for c in _INCIDENT_COLS]
        values[_INCIDENT_COLS.index("conflicts")] = json.dumps(d["conflicts"], ensure_ascii=False)
        values[_INCIDENT_COLS.index("background")] = int(inc.background)
        values[_INCIDENT_COLS.index("cumulative")] = int(inc.cumulative)
        updates = ", ".join(f"{c}=excluded.{c}" for c in _INCIDENT_COLS[1:])
        conn.execute(f"INSERT INTO incidents ({', '.join(_INCIDENT_COLS)}) VALUES "
                     f"({', '.join('?' * len(_INCIDENT_COLS))}) ON CONFLICT(incident_id) DO UPDATE SET {updates}",
                     values)
        conn.execute("DELETE FROM incident_reports WHERE incident_id=?", (inc.incident_id,))
        conn.executemany("INSERT INTO incident_reports (incident_id, report_id, position) VALUES (?,?,?)",
                         [(inc.incident_id, rid, i) for i, rid in enumerate(inc.reports)])
        n += 1
    return n


def delete_incidents(conn: sqlite3.Connection, incident_ids: Iterable[str]) -> None:
    conn.executemany("DELETE FROM incidents WHERE incident_id=?", [(i,) for i in incident_ids])


def row_to_incident(row: sqlite3.Row, report_ids: list[str]) -> Incident:
    return Incident(
        incident_id=row["incident_id"], event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        actor1=row["actor1"], actor2=row["actor2"], place_id=row["place_id"], place_name=row["place_name"],
        lat=row["lat"], lon=row["lon"], date_begin=_day(row["date_begin"]), date_end=_day(row["date_end"]),
        time_precision=row["time_precision"], reports=report_ids, n_sources=row["n_sources"],
        fatalities_min=row["fatalities_min"], fatalities_max=row["fatalities_max"],
        fatalities_conservative=row["fatalities_conservative"],
        conflicts=[Conflict(c["field"], c["values"]) for c in json.loads(row["conflicts"])],
        grade=row["grade"], notes=row["notes"], stage_version=row["stage_version"],
        background=bool(row["background"]), cumulative=bool(row["cumulative"]),
    )


def load_incidents(conn: sqlite3.Connection) -> list[Incident]:
    """Every incident, in creation order (rowid), with its report ids in merge order."""
    members: dict[str, list[str]] = {}
    for r in conn.execute("SELECT incident_id, report_id FROM incident_reports ORDER BY incident_id, position"):
        members.setdefault(r[0], []).append(r[1])
    return [row_to_incident(row, members.get(row["incident_id"], []))
            for row in conn.execute("SELECT * FROM incidents ORDER BY rowid")]


def replace_control_changes(conn: sqlite3.Connection, changes: Iterable[ControlChange]) -> int:
    conn.execute("DELETE FROM control_changes")
    rows = [(c.place_id, c.place_name, _iso(c.date), c.from_actor, c.to_actor, c.claimed_by, c.incident_id,
             c.report_id, c.n_reports, c.n_articles, c.n_sources, int(c.background)) for c in changes]
    conn.executemany("INSERT INTO control_changes (place_id, place_name, date, from_actor, to_actor, claimed_by,"
                     " incident_id, report_id, n_reports, n_articles, n_sources, background)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    return len(rows)


def load_control_changes(conn: sqlite3.Connection) -> list[ControlChange]:
    return [ControlChange(place_id=r["place_id"], place_name=r["place_name"], date=_day(r["date"]),
                          from_actor=r["from_actor"], to_actor=r["to_actor"], claimed_by=r["claimed_by"],
                          incident_id=r["incident_id"], report_id=r["report_id"], n_reports=r["n_reports"],
                          n_articles=r["n_articles"], n_sources=r["n_sources"], background=bool(r["background"]))
            for r in conn.execute("SELECT * FROM control_changes ORDER BY date IS NULL, date, change_id")]


def article_infos(conn: sqlite3.Connection) -> dict[str, ArticleInfo]:
    """Outlet and publication window of every stored article (inferred windows included)."""
    out: dict[str, ArticleInfo] = {}
    for r in conn.execute("SELECT a.article_id, external_id, outlet, published_at, published_begin, published_end,"
                          " p.window_begin, p.window_end FROM articles a"
                          " LEFT JOIN processed_articles p ON p.article_id = a.article_id"):
        pub = _day(r["published_at"])
        window: tuple[dt.date, dt.date] | None = None
        if pub:
            window = (pub, pub)
        elif r["published_begin"] and r["published_end"]:
            window = (_day(r["published_begin"]), _day(r["published_end"]))  # type: ignore[assignment]
        elif r["window_begin"] and r["window_end"]:
            window = (_day(r["window_begin"]), _day(r["window_end"]))  # type: ignore[assignment]
        out[r["article_id"]] = ArticleInfo(r["outlet"], window, r["external_id"])
    return out


def get_state(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM events_state WHERE key=?", (key,)).fetchone()
    return row[0] if row else None


def set_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO events_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                 (key, value))


def select_incidents(incidents: Iterable[Incident], *, since: dt.date | None = None, until: dt.date | None = None,
                     place: str | None = None, event_type: str | None = None) -> list[Incident]:
    """Incidents overlapping [since, until], whose place name contains ``place`` and whose event or
    sub-event type contains ``event_type`` (case-insensitive); undated incidents only without dates."""
    out = []
    for inc in incidents:
        if (since or until) and inc.date_begin is None:
            continue
        if since and (inc.date_end or inc.date_begin) < since:  # type: ignore[operator]
            continue
        if until and inc.date_begin and inc.date_begin > until:
            continue
        if place and place.casefold() not in (inc.place_name or "").casefold():
            continue
        if event_type and event_type.casefold() not in f"{inc.event_type} | {inc.sub_event_type}".casefold():
            continue
        out.append(inc)
    return out
