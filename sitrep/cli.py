"""The ``sitrep`` command line: a thin layer over the library.

Each command parses its arguments, calls one library function and turns the
library's exceptions into a clean message and exit status (0 = done, 1 = the
command failed, 2 = bad usage).
"""

from __future__ import annotations

import json
import logging
import sys

import click

from sitrep import __version__
from sitrep.pipeline import PipelineError, RunOptions, run_ingest
from sitrep.store import DEFAULT_DB, Store, StoreError

DB_HELP = f"SQLite database file (default: ./{DEFAULT_DB})."


def db_option(f):  # type: ignore[no-untyped-def]
    return click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help=DB_HELP)(f)


def open_store(db_path: str, *, create: bool = False) -> Store:
    try:
        return Store(db_path, create=create)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


_BROKEN: list[PipelineError] = []  # a stage that cannot be loaded: every command fails with its code


class _Main(click.Group):
    def resolve_command(self, ctx: click.Context, args: list[str]):  # type: ignore[no-untyped-def]
        if _BROKEN:
            raise click.ClickException(f"{_BROKEN[0].code}: {_BROKEN[0]}")
        return super().resolve_command(ctx, args)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """sitrep: turn conflict news reports into a dated, placed, sourced situation picture."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def run_options(f):  # type: ignore[no-untyped-def]
    """--workers, --engine, --scheduler, --on-error: shared by ingest and process."""
    f = click.option("--on-error", "on_error", type=click.Choice(["record", "raise"]), default="record",
                     show_default=True,
                     help="record: a failing document is recorded with its code and the run goes on; "
                          "raise: stop at the first one (exit 1).")(f)
    f = click.option("--scheduler", default=None, metavar="ADDRESS",
                     help="Dask scheduler address for --engine dask (e.g. tcp://10.0.0.5:8786).")(f)
    f = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where the per-article stages run: this machine, or the workers of a Dask cluster.")(f)
    f = click.option("--batch-size", type=click.IntRange(min=1), default=50, show_default=True,
                     help="Articles merged and committed per transaction (an interrupted run keeps its batches).")(f)
    return click.option("--workers", type=click.IntRange(min=1), default=None,
                        help="Worker processes on this machine (default: the number of cores; 1 = no workers).")(f)


def make_run_options(workers: int | None, engine: str, scheduler: str | None, on_error: str, batch_size: int = 50,
                     process: bool = True) -> RunOptions:
    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS")
    return RunOptions(workers=workers, engine=engine, scheduler=scheduler, on_error=on_error, process=process,
                      batch_size=batch_size)


def run_command(call):  # type: ignore[no-untyped-def]
    """Run a pipeline call, turning its errors into a clean message and exit status 1."""
    try:
        return call()
    except PipelineError as exc:
        raise click.ClickException(f"{exc.code}: {exc}") from exc
    except (StoreError, ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--no-process", is_flag=True, help="Only store articles; skip the event pipeline.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
@run_options
def ingest(paths: tuple[str, ...], db_path: str, no_process: bool, quiet: bool, workers: int | None,
           batch_size: int, engine: str, scheduler: str | None, on_error: str) -> None:
    """Read articles from PATHS (files or folders: .txt .html .jsonl .json .csv, optionally .gz).

    Prints a summary: documents read, articles stored, duplicates, rejections by
    code (see 'sitrep rejections'), then runs the event stages on the new articles.
    Exit status 0 when something was stored, even if some inputs were rejected;
    1 when every input was rejected or a stage could not be loaded.
    """
    options = make_run_options(workers, engine, scheduler, on_error, batch_size, not no_process)
    store = open_store(db_path, create=True)

    def progress(s) -> None:  # type: ignore[no-untyped-def]
        if not quiet:
            rate = s.read / s.seconds if s.seconds else 0.0
            click.echo(f"... {s.read} documents read, {s.stored} stored ({rate:.0f}/s)", err=True)

    try:
        result = run_command(lambda: run_ingest(paths, store, options=options, progress=progress,
                                                process_progress=None if quiet else _echo_err))
    finally:
        store.close()
    for line in result.lines():
        click.echo(line)
    if result.ingest.all_rejected:
        n = result.ingest.read
        raise click.ClickException(f"nothing was ingested: all {n} input(s) were rejected (see 'sitrep rejections')"
                                   if n else "nothing was ingested: no input documents found")


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
    rows = store.rejections()
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps({"code": r.code, "reason": r.reason, "raw_path": r.raw_path,
                                   "external_id": r.external_id or "", "detail": r.detail}, ensure_ascii=False))
        return
    click.echo(format_table(["code", "reason", "raw_path", "external_id", "detail"],
                            [[_cell(v) for v in (r.code, r.reason, r.raw_path, r.external_id, r.detail)]
                             for r in rows]))


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(db_path: str, fmt: str) -> None:
    """Counts: articles, near-duplicates, rejections by code, how articles were dated, events, and the
    last run with its warnings (a stage that ran degraded is shown here)."""
    store = open_store(db_path)
    counts = store.stats()
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2, default=str))
        return
    last = counts.pop("last_run", None)
    for key, value in counts.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{k}: {v}" for k, v in value.items()) or "none"
            click.echo(f"{key}: {inner}")
        else:
            click.echo(f"{key}: {value}")
    if last is not None:
        click.echo(f"last run: {last['command']} #{last['run_id']} {last['status']} "
                   f"(started {last['started_at']}, engine {last['engine']})")
        for w in last["warnings"]:
            where = f" [{w['stage']}]" if w["stage"] else ""
            click.echo(f"warning {w['code']}{where}: {w['message']}"
                       + (f" ({w['articles']} article(s))" if w["articles"] else ""))


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


def _mount() -> None:
    """Commands of the stage packages, once every stage has loaded (else each command fails with the code)."""
    from sitrep.pipeline import build_pipeline

    try:
        build_pipeline()
    except PipelineError as exc:
        _BROKEN.append(exc)
        return
    from sitrep.events.cli import COMMANDS
    from sitrep.places.cli import gazetteer
    from sitrep.runner_cli import stages
    from sitrep.summaries.cli import COMMANDS as SUMMARY_COMMANDS
    from sitrep.web.cli import COMMANDS as WEB_COMMANDS

    main.add_command(gazetteer)
    for command in (*COMMANDS, *SUMMARY_COMMANDS, *WEB_COMMANDS):  # events; timeline, brief; serve, export
        main.add_command(command)
    main.add_command(stages)  # issue 9: the pipeline runner


_mount()

if __name__ == "__main__":  # pragma: no cover
    main()
