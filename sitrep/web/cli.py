"""``sitrep serve`` and ``sitrep export``: thin commands over :mod:`sitrep.web.server` and :mod:`sitrep.export`.

Mounted by ``sitrep.cli`` from ``COMMANDS``.
"""

from __future__ import annotations

import os
import sys

import click

from sitrep.store import DEFAULT_DB, StoreError


@click.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. The default serves this machine only; 0.0.0.0 exposes the page "
                   "(read-only, no authentication) to the network.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0: any free port).")
@click.option("--tile-url", default=None, metavar="URL",
              help="XYZ tile server for a base map, e.g. http://localhost:8080/{z}/{x}/{y}.png "
                   "(default: the shipped country and province outlines only; or set SITREP_TILE_URL).")
def serve(db_path: str, host: str, port: int, tile_url: str | None) -> None:
    """Serve the situation page and its read-only JSON API for the store (Ctrl-C stops)."""
    from sitrep.config import Settings, SettingsError
    from sitrep.web.server import ServerConfig
    from sitrep.web.server import serve as run

    try:
        settings = Settings(tile_url=tile_url or os.environ.get("SITREP_TILE_URL") or None)
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc

    def ready(url: str) -> None:
        click.echo(f"sitrep: serving {db_path} at {url}  (open it in a browser; Ctrl-C stops)")

    try:
        run(ServerConfig(db_path, tile_url=settings.tile_url), host, port, ready=ready)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    except KeyboardInterrupt:
        click.echo("sitrep: stopped", err=True)


@click.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "geojson", "jsonl"]), required=True,
              help="acled-csv: ACLED's columns and codes; geojson: RFC 7946 points with the evidence; "
                   "jsonl: one incident per line with every field and report.")
@click.option("--out", "out_path", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Output file ('-' = standard output).")
def export(db_path: str, fmt: str, out_path: str) -> None:
    """Export every incident with its evidence (streams: constant memory)."""
    from sitrep.cli import open_store
    from sitrep.export import export as run

    store = open_store(db_path)
    try:
        if out_path == "-":
            run(store.conn, fmt, sys.stdout)
        else:
            with open(out_path, "w", encoding="utf-8", newline="") as out:
                run(store.conn, fmt, out)
    except BrokenPipeError:  # the reader stopped (e.g. '| head'): not an error, and nothing left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as exc:
        raise click.ClickException(f"cannot write {out_path}: {exc.strerror or exc}") from exc
    finally:
        store.close()


COMMANDS = [serve, export]
