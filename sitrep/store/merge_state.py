"""The merge's state in the store: incidents found again by place and week, so the merge keeps only the
open date window in memory (:class:`sitrep.events.merge.MergeBacking`; table ``merge_slots``,
migration 011)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sitrep.events.incident import ArticleInfo
from sitrep.records import Incident, Report

_CHUNK = 500  # ids per IN (...) query


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


class MergeState:
    """Reads and writes the merge's index of stored incidents, inside the caller's transactions."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def slot_incidents(self, group: str, keys: list[str], weeks: tuple[int, int] | None,
                       below: int | None) -> list[str]:
        marks = ",".join("?" * len(keys))
        sql = f"SELECT DISTINCT incident_id FROM merge_slots WHERE grp = ? AND place_key IN ({marks})"
        args: list[Any] = [group, *keys]
        if weeks is not None:
            high = weeks[1] if below is None else min(weeks[1], below - 1)
            sql += " AND (week = -1 OR week BETWEEN ? AND ?)"
            args += [weeks[0], high]
        return [r[0] for r in self.conn.execute(sql, args)]

    def incidents_since(self, week: int) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT incident_id FROM merge_slots WHERE week >= ?",
                                                (week,))]

    def load(self, incident_ids: list[str]) -> list[tuple[Incident, int, list[Report]]]:
        from sitrep.events.rows import row_to_incident, row_to_report

        out: list[tuple[Incident, int, list[Report]]] = []
        for chunk in _chunks(sorted(set(incident_ids))):
            marks = ",".join("?" * len(chunk))
            members: dict[str, list[str]] = {}
            for r in self.conn.execute(f"SELECT incident_id, report_id FROM incident_reports WHERE incident_id IN "
                                       f"({marks}) ORDER BY incident_id, position", chunk):
                members.setdefault(r[0], []).append(r[1])
            reports: dict[str, Report] = {}
            for rid_chunk in _chunks([rid for ids in members.values() for rid in ids]):
                rmarks = ",".join("?" * len(rid_chunk))
                for row in self.conn.execute(f"SELECT * FROM reports WHERE report_id IN ({rmarks})", rid_chunk):
                    reports[row["report_id"]] = row_to_report(row)
            for row in self.conn.execute(f"SELECT * FROM incidents WHERE incident_id IN ({marks})", chunk):
                ids = members.get(row["incident_id"], [])
                out.append((row_to_incident(row, ids), int(row["merge_seq"] or 0),
                            [reports[rid] for rid in ids if rid in reports]))
        out.sort(key=lambda t: t[1])
        return out

    def incidents_of(self, report_ids: list[str]) -> list[str]:
        out: set[str] = set()
        for chunk in _chunks(report_ids):
            marks = ",".join("?" * len(chunk))
            out.update(r[0] for r in self.conn.execute(
                f"SELECT incident_id FROM incident_reports WHERE report_id IN ({marks})", chunk))
        return sorted(out)

    def merged(self, report_ids: list[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(report_ids):
            marks = ",".join("?" * len(chunk))
            out.update(r[0] for r in self.conn.execute(
                f"SELECT report_id FROM incident_reports WHERE report_id IN ({marks})", chunk))
        return out

    def next_seq(self) -> int:
        row = self.conn.execute("SELECT MAX(merge_seq) FROM incidents").fetchone()
        return int(row[0]) + 1 if row and row[0] is not None else 0

    def save(self, incidents: list[tuple[str, int | None, list[tuple[str, str, int]]]]) -> None:
        """(incident id, merge sequence number, its slots) of incidents just saved: replaces their index."""
        for incident_id, seq, slots in incidents:
            self.conn.execute("UPDATE incidents SET merge_seq = ? WHERE incident_id = ?", (seq, incident_id))
            self.conn.execute("DELETE FROM merge_slots WHERE incident_id = ?", (incident_id,))
            self.conn.executemany("INSERT INTO merge_slots (grp, place_key, week, incident_id) VALUES (?,?,?,?)",
                                  [(g, k, w, incident_id) for g, k, w in slots])

    def needs_rebuild(self) -> bool:
        """Incidents stored without their merge index (by a version before migration 011)."""
        return self.conn.execute("SELECT 1 FROM incidents WHERE merge_seq IS NULL LIMIT 1").fetchone() is not None

    def articles_with_reports(self) -> list[str]:
        """Ids of the articles that have reports, in the order the merge takes them (publication order)."""
        return [r[0] for r in self.conn.execute(
            "SELECT a.article_id FROM articles a WHERE EXISTS (SELECT 1 FROM reports r WHERE r.article_id ="
            " a.article_id) ORDER BY a.published_at IS NULL, a.published_at, a.external_id, a.article_id")]

    def reports_of(self, article_ids: list[str]) -> list[str]:
        out: list[str] = []
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            out.extend(r[0] for r in self.conn.execute(
                f"SELECT report_id FROM reports WHERE article_id IN ({marks}) ORDER BY report_id", chunk))
        return out

    def incidents_of_types(self, sub_event_types: list[str]) -> list[str]:
        marks = ",".join("?" * len(sub_event_types))
        return [r[0] for r in self.conn.execute(
            f"SELECT incident_id FROM incidents WHERE sub_event_type IN ({marks})", sub_event_types)]

    def article_info(self, article_id: str) -> ArticleInfo | None:
        """Outlet and publication window of a stored article: the window its processing recorded (the
        publication date, or the time stage's guess when the article has none), else its own."""
        r = self.conn.execute(
            "SELECT a.external_id, a.outlet, a.published_at, a.published_begin, a.published_end, p.window_begin,"
            " p.window_end FROM articles a LEFT JOIN processed_articles p ON p.article_id = a.article_id"
            " WHERE a.article_id = ?", (article_id,)).fetchone()
        if r is None:
            return None
        window: tuple[dt.date, dt.date] | None = None
        if r["window_begin"] and r["window_end"]:
            window = (_day(r["window_begin"]), _day(r["window_end"]))
        elif r["published_at"]:
            window = (_day(r["published_at"]),) * 2
        elif r["published_begin"] and r["published_end"]:
            window = (_day(r["published_begin"]), _day(r["published_end"]))
        return ArticleInfo(r["outlet"], window, r["external_id"])


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])
