"""The ``sitrep`` command line: a thin layer over the library.

Each command parses its arguments, calls one library function and turns the
library's exceptions into a clean message and exit status (0 = done, 1 = the
command failed, 2 = bad usage).
"""

from __future__ import annotations

import json
import logging
import sys
from importlib import import_module

import click

from sitrep import __version__
from sitrep.store import DEFAULT_DB, Store, StoreError

DB_HELP = f"SQLite database file (default: ./{DEFAULT_DB})."


def db_option(f):  # type: ignore[no-untyped-def]
    return click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help=DB_HELP)(f)


def open_store(db_path: str, *, create: bool = False) -> Store:
    try:
        return Store(db_path, create=create)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """sitrep: turn conflict news reports into a dated, placed, sourced situation picture."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--no-process", is_flag=True, help="Only store articles; skip the event pipeline.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
def ingest(paths: tuple[str, ...], db_path: str, no_process: bool, quiet: bool) -> None:
    """Read articles from PATHS (files or folders: .txt .html .jsonl .json .csv, optionally .gz).

    Prints a summary: documents read, articles stored, duplicates, rejections by
    code (see 'sitrep rejections'). Exit status 0 when everything readable was
    stored, even if some inputs were rejected.
    """
    from sitrep.ingest.pipeline import ingest_paths

    store = open_store(db_path, create=True)

    def progress(s) -> None:  # type: ignore[no-untyped-def]
        if not quiet:
            rate = s.read / s.seconds if s.seconds else 0.0
            click.echo(f"... {s.read} documents read, {s.stored} stored ({rate:.0f}/s)", err=True)

    summary = ingest_paths(paths, store, progress=progress)
    for line in summary.lines():
        click.echo(line)
    if not no_process:
        _process(store, summary.new_article_ids, quiet)
    store.close()


def _process(store: Store, article_ids: list[str], quiet: bool) -> None:
    try:
        process = import_module("sitrep.events.process")
    except ImportError:
        return
    result = process.process_articles(store, None, progress=None if quiet else _echo_err)
    for line in getattr(result, "lines", lambda: [str(result)])():
        click.echo(line)


def _echo_err(message: object) -> None:
    click.echo(f"... {message}", err=True)


ARTICLE_COLUMNS = ("external_id", "published_at", "published_source", "outlet", "title")


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="jsonl: one Article per line with every field, including the clean text.")
@click.option("--include-duplicates/--no-duplicates", default=True, show_default=True,
              help="Include articles marked as near-duplicates.")
def articles(db_path: str, fmt: str, include_duplicates: bool) -> None:
    """List stored articles."""
    store = open_store(db_path)
    rows = store.iter_articles(include_duplicates=include_duplicates)
    if fmt == "jsonl":
        for art in rows:
            click.echo(json.dumps(art.to_dict(), ensure_ascii=False))
        return
    table = [[_cell(getattr(a, c)) for c in ARTICLE_COLUMNS] + [a.duplicate_of or ""] for a in rows]
    click.echo(format_table(list(ARTICLE_COLUMNS) + ["duplicate_of"], table))


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def rejections(db_path: str, fmt: str) -> None:
    """List inputs that were not taken, with their code and reason."""
    store = open_store(db_path)
    rows = store.conn.execute(
        "SELECT code, reason, raw_path, external_id, detail FROM rejections ORDER BY rejection_id"
    ).fetchall()
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(dict(r), ensure_ascii=False))
        return
    click.echo(format_table(["code", "reason", "raw_path", "external_id", "detail"],
                            [[_cell(v) for v in r] for r in rows]))


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(db_path: str, fmt: str) -> None:
    """Counts: articles, near-duplicates, rejections by code, how articles were dated."""
    store = open_store(db_path)
    counts = store.counts()
    for table in ("reports", "incidents", "control_changes"):
        try:
            counts[table] = store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        except Exception:  # table not there (older database or pipeline not installed)
            pass
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
        return
    for key, value in counts.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{k}: {v}" for k, v in value.items()) or "none"
            click.echo(f"{key}: {inner}")
        else:
            click.echo(f"{key}: {value}")


def _cell(value: object, width: int = 60) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=False)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) for row in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _mount_optional() -> None:
    """Commands from the stage packages, mounted when those stages are installed."""
    try:
        main.add_command(import_module("sitrep.places.cli").gazetteer)
    except (ImportError, AttributeError):
        pass
    try:
        for command in import_module("sitrep.events.cli").COMMANDS:
            main.add_command(command)
    except (ImportError, AttributeError):
        pass
    # --- summaries (issue 11): sitrep timeline, sitrep brief
    for command in import_module("sitrep.summaries.cli").COMMANDS:
        main.add_command(command)
    # web: sitrep serve, sitrep export
    for command in import_module("sitrep.web.cli").COMMANDS:
        main.add_command(command)


_mount_optional()

if __name__ == "__main__":  # pragma: no cover
    main()
