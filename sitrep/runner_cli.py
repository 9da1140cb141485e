"""``sitrep stages``: the registered pipeline stages, their contracts and version keys."""

from __future__ import annotations

import json

import click


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def stages(fmt: str) -> None:
    """List every pipeline stage in order: phase, what it requires and assigns, its version key
    (STAGE_VERSION + a digest of its code and data; a change re-analyses the affected articles)."""
    from sitrep.cli import _cell, format_table, run_command
    from sitrep.pipeline import build_pipeline

    rows = run_command(lambda: build_pipeline().describe())
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row))
        return
    click.echo(format_table(["stage", "phase", "requires", "assigns", "key"],
                            [[_cell(r["name"]), r["phase"], _cell(", ".join(r["requires"]), 40),
                              _cell(", ".join(r["assigns"]), 40), r["key"]] for r in rows]))
