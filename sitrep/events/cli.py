"""``sitrep reports|incidents|control|casualties|process``: thin commands over the events library.

Each reads the store (``--db``), calls one library function and prints a readable table (default) or
JSON Lines (``--format jsonl``, every field, with each report's article ``external_id`` and sentence).
Mounted by ``sitrep.cli`` from ``COMMANDS``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from sitrep.records import ControlChange, Incident, Report

FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
                      help="table: readable columns; jsonl: one JSON object per line with every field.")
DB = click.option("--db", "db_path", default="sitrep.db", show_default=True, help="SQLite database file.")


class DateParam(click.ParamType):
    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not a date (expected YYYY-MM-DD)", param, ctx)


def _open(db_path: str) -> Any:
    from sitrep.cli import open_store

    return open_store(db_path)


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    from sitrep.cli import _cell, format_table

    return format_table(headers, [[_cell(v, 48) for v in row] for row in rows])


def _deaths(r: Report) -> str:
    from sitrep.events.merge import report_deaths

    d = report_deaths(r)
    if d is None:
        return ""
    text = str(d[0]) if d[0] == d[1] else f"{d[0]}-{d[1]}"
    return text + (" (total)" if all(q.cumulative for q in r.fatalities if q.status == "killed") else "")


def _dates(begin: dt.date | None, end: dt.date | None) -> str:
    if begin is None:
        return ""
    return begin.isoformat() if end in (None, begin) else f"{begin.isoformat()}..{end.isoformat()}"  # type: ignore[union-attr]


def _report_json(r: Report, extra: dict[str, Any]) -> dict[str, Any]:
    d = r.to_dict()
    d["sentence"] = d.pop("text")
    d.update(extra)
    return d


@click.command()
@DB
@FORMAT
@click.option("--incident", "incident_id", default=None, help="Only the reports of this incident.")
def reports(db_path: str, fmt: str, incident_id: str | None) -> None:
    """List event reports: one claim in one sentence of one article."""
    from sitrep.events.rows import iter_report_rows

    store = _open(db_path)
    items = [(r, extra) for r, extra in iter_report_rows(store.conn)
             if incident_id is None or extra["incident_id"] == incident_id]
    if fmt == "jsonl":
        for r, extra in items:
            click.echo(json.dumps(_report_json(r, extra), ensure_ascii=False))
        return
    click.echo(_table(
        ["date", "sub_event_type", "place", "actor1", "actor2", "deaths", "attributed_to", "article", "sentence"],
        [[_dates(r.date_begin, r.date_end), r.sub_event_type + (" (background)" if r.background else ""),
          r.place_name, r.actor1, r.actor2, _deaths(r), r.attributed_to, extra["external_id"], r.text]
         for r, extra in items]))


def _incident_json(inc: Incident, details: dict[str, tuple[Report, dict[str, Any]]]) -> dict[str, Any]:
    d = inc.to_dict()
    d["report_details"] = [_report_json(*details[rid]) for rid in inc.reports if rid in details]
    return d


@click.command()
@DB
@FORMAT
@click.option("--since", type=DateParam(), default=None, help="Only incidents on or after this date (YYYY-MM-DD).")
@click.option("--until", type=DateParam(), default=None, help="Only incidents on or before this date (YYYY-MM-DD).")
@click.option("--place", default=None, help="Only incidents whose place name contains this text.")
@click.option("--type", "event_type", default=None,
              help="Only incidents whose event or sub-event type contains this text (e.g. 'strike').")
def incidents(db_path: str, fmt: str, since: dt.date | None, until: dt.date | None, place: str | None,
              event_type: str | None) -> None:
    """List incidents: reports of the same event merged, with sources, fatalities and disagreements."""
    from sitrep.events.rows import iter_report_rows, load_incidents, select_incidents

    store = _open(db_path)
    chosen = select_incidents(load_incidents(store.conn), since=since, until=until, place=place,
                              event_type=event_type)
    items = sorted(chosen, key=lambda i: (i.date_begin is None, i.date_begin or dt.date.min, i.incident_id))
    if fmt == "jsonl":
        details = {r.report_id: (r, extra) for r, extra in iter_report_rows(store.conn)}
        for inc in items:
            click.echo(json.dumps(_incident_json(inc, details), ensure_ascii=False))
        return
    rows = []
    for inc in items:
        fat = "" if inc.fatalities_conservative is None else str(inc.fatalities_conservative)
        if inc.fatalities_max not in (None, inc.fatalities_min):
            fat += f" ({inc.fatalities_min}-{inc.fatalities_max})"
        flags = ", ".join(f for f, on in (("background", inc.background), ("running total", inc.cumulative)) if on)
        rows.append([inc.incident_id, _dates(inc.date_begin, inc.date_end), inc.sub_event_type, inc.place_name,
                     inc.actor1, inc.actor2, len(inc.reports), inc.n_sources, fat, inc.grade,
                     ", ".join(c.field for c in inc.conflicts), flags])
    click.echo(_table(["incident_id", "date", "sub_event_type", "place", "actor1", "actor2", "reports", "sources",
                       "fatalities", "grade", "disputed", "flags"], rows))


@click.command()
@DB
@FORMAT
@click.option("--date", "on", type=DateParam(), default=None,
              help="Who held each place on this date (YYYY-MM-DD); without it, every change of control.")
def control(db_path: str, fmt: str, on: dt.date | None) -> None:
    """Territorial control: changes of control, or the holder of each place on --date."""
    from sitrep.events.control import control_at
    from sitrep.events.rows import load_control_changes

    store = _open(db_path)
    changes = load_control_changes(store.conn)
    items = sorted(control_at(changes, on).values(), key=lambda c: (c.place_name or "", c.place_id)) \
        if on is not None else changes
    if fmt == "jsonl":
        for c in items:
            d = c.to_dict()
            if on is not None:
                d["as_of"] = on.isoformat()
                d["held_by"] = c.to_actor
            click.echo(json.dumps(d, ensure_ascii=False))
        return
    if on is not None:
        click.echo(_table(["place", "place_id", "held_by", "since", "taken_from", "claimed_by", "evidence",
                           "incident_id"],
                          [[c.place_name, c.place_id, c.to_actor or "(withdrawn)", c.date, c.from_actor, c.claimed_by,
                            _evidence(c), c.incident_id] for c in items]))
        return
    click.echo(_table(["date", "place", "place_id", "from_actor", "to_actor", "claimed_by", "evidence", "incident_id"],
                      [[c.date or "(undated)", c.place_name, c.place_id, c.from_actor, c.to_actor, c.claimed_by,
                        _evidence(c), c.incident_id] for c in items]))


def _evidence(c: ControlChange) -> str:
    """"3 reports, 2 articles, 1 source" (and "history" for a background change)."""
    parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in
             ((c.n_reports, "report"), (c.n_articles, "article"), (c.n_sources, "source"))]
    return ", ".join(parts) + ("; history" if c.background else "")


@click.command()
@DB
@FORMAT
@click.option("--period", type=click.Choice(["month", "week", "day"]), default="month", show_default=True,
              help="Group claims by the month, ISO week or day of the event.")
def casualties(db_path: str, fmt: str, period: str) -> None:
    """Casualty ledger: deaths claimed per source and period, and totals (ACLED conservative, Airwars range)."""
    from sitrep.events.casualties import ledger
    from sitrep.events.rows import article_infos, load_incidents, load_reports

    store = _open(db_path)
    rows = ledger(load_reports(store.conn), load_incidents(store.conn), period,  # type: ignore[arg-type]
                  articles=article_infos(store.conn))
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
        return
    table = []
    for row in rows:
        if row.source is None:
            rng = "" if row.range_min is None else f"{row.range_min}-{row.range_max}"
            table.append([row.period, "TOTAL (all sources)", "", "", row.conservative, rng, len(row.incidents)])
        else:
            cum = ", ".join(str(c["value"]) for c in row.cumulative_claims)
            table.append([row.period, row.source, "" if row.claimed is None else row.claimed, cum, "", "",
                          len(row.incidents)])
    click.echo(_table(["period", "source", "claimed", "running totals", "conservative", "range", "incidents"],
                      table))


@click.command()
@DB
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
def process(db_path: str, quiet: bool) -> None:
    """Run the event pipeline on stored articles not yet processed (reports, incidents, control)."""
    from sitrep.events.process import process_articles

    store = _open(db_path)

    def progress(message: str) -> None:
        click.echo(f"... {message}", err=True)

    summary = process_articles(store, progress=None if quiet else progress)
    for line in summary.lines():
        click.echo(line)
    store.close()


COMMANDS = [reports, incidents, control, casualties, process]
