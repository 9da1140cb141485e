"""``sitrep gazetteer ...`` commands (mounted by the main CLI)."""

from __future__ import annotations

import click

from sitrep.places.geonames_import import GeonamesImportError, import_geonames


@click.group()
def gazetteer() -> None:
    """Manage the gazetteer (extend it with a GeoNames dump)."""


@gazetteer.command("import")
@click.argument("file", type=click.Path())
@click.option("--db", "db_path", default="sitrep.db", show_default=True, help="SQLite database file.")
def import_cmd(file: str, db_path: str) -> None:
    """Import a GeoNames dump FILE (allCountries.txt, SY.txt; .zip/.gz accepted) into the database."""
    try:
        summary = import_geonames(file, db_path)
    except GeonamesImportError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"imported {summary.imported} rows into {db_path}")
    if summary.skipped:
        click.echo(f"skipped {summary.skipped} malformed lines (first: {summary.first_error})", err=True)
