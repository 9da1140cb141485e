"""``sitrep timeline`` and ``sitrep brief``: thin commands over ``sitrep.summaries``.

Mounted by ``sitrep.cli`` from ``COMMANDS``. Bad dates (not YYYY-MM-DD, or --from after --to) exit
with status 2 and a message; a store without articles or events exits with status 1.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from sitrep.events.cli import DateParam

DB = click.option("--db", "db_path", default="sitrep.db", show_default=True, help="SQLite database file.")
FORMAT = click.option("--format", "fmt", type=click.Choice(["md", "jsonl"]), default="md", show_default=True,
                      help="md: Markdown with footnote citations; jsonl: one JSON object per line with citations.")


FROM = click.option("--from", "date_from", type=DateParam(), default=None, help="First day (YYYY-MM-DD).")
TO = click.option("--to", "date_to", type=DateParam(), default=None, help="Last day (YYYY-MM-DD).")


def _check_period(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise click.UsageError(f"--from {date_from} is after --to {date_to}")


def _open(db_path: str) -> Any:
    from sitrep.cli import open_store

    return open_store(db_path)


@click.command()
@DB
@FROM
@TO
@click.option("--dates", "n_dates", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many dates the timeline keeps.")
@click.option("--sentences", "per_date", type=click.IntRange(min=1), default=3, show_default=True,
              help="Items per date (incidents and control changes of the day come first).")
@FORMAT
def timeline(db_path: str, date_from: dt.date | None, date_to: dt.date | None, n_dates: int, per_date: int,
             fmt: str) -> None:
    """The dates that matter and what happened on each, every line cited."""
    from sitrep.summaries.timeline import TimelineError, build_timeline, timeline_jsonl, timeline_markdown

    _check_period(date_from, date_to)
    store = _open(db_path)
    try:
        tl = build_timeline(store, date_from, date_to, n_dates, sentences_per_date=per_date)
    except TimelineError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    _emit(fmt, timeline_jsonl(tl) if fmt == "jsonl" else timeline_markdown(tl))


@click.command()
@DB
@FROM
@TO
@click.option("--place", default=None, help="Only incidents and control changes whose place name contains this.")
@click.option("--actor", default=None, help="Only incidents and control changes involving this actor.")
@FORMAT
def brief(db_path: str, date_from: dt.date | None, date_to: dt.date | None, place: str | None, actor: str | None,
          fmt: str) -> None:
    """A short situation brief: what changed, who controls what, casualty figures and their sources."""
    from sitrep.summaries.brief import BriefError, brief_jsonl, brief_markdown, build_brief

    _check_period(date_from, date_to)
    store = _open(db_path)
    try:
        result = build_brief(store, date_from, date_to, place=place, actor=actor)
    except BriefError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    _emit(fmt, brief_jsonl(result) if fmt == "jsonl" else brief_markdown(result))


def _emit(fmt: str, out: Any) -> None:
    """JSON lines (one object a line) or the Markdown text, as the command's --format says."""
    if fmt == "jsonl":
        for row in out:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        click.echo(out, nl=False)


COMMANDS = [timeline, brief]
