"""Import a GeoNames dump (allCountries.txt, SY.txt, ... optionally .zip/.gz) into ``gazetteer_extra``."""

from __future__ import annotations

import gzip
import io
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

N_COLUMNS = 19
BATCH = 5000


class GeonamesImportError(Exception):
    """The dump cannot be read or the database cannot be written."""


@dataclass
class ImportSummary:
    imported: int = 0
    skipped: int = 0  # lines with the wrong number of columns or bad numbers
    first_error: str | None = None


def _lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not names:
                raise GeonamesImportError(f"{path}: no .txt file inside the zip")
            with zf.open(names[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        yield from fh


def _schema() -> str:
    return (resources.files("sitrep.store") / "migrations" / "002_gazetteer.sql").read_text(encoding="utf-8")


def import_geonames(path: str | Path, db_path: str | Path) -> ImportSummary:
    """Load GeoNames rows (the standard 19 tab-separated columns) into the sitrep database.

    Lines with another column count or unparsable numbers are skipped and counted.
    Re-importing the same file replaces rows by geonameid (no duplicates).
    """
    src = Path(path)
    if not src.exists():
        raise GeonamesImportError(f"file not found: {src}")
    summary = ImportSummary()
    try:
        con = sqlite3.connect(str(db_path))
    except sqlite3.Error as exc:
        raise GeonamesImportError(f"cannot open {db_path}: {exc}") from exc
    try:
        con.executescript(_schema())
        batch: list[tuple] = []  # type: ignore[type-arg]
        sql = f"INSERT OR REPLACE INTO gazetteer_extra VALUES ({','.join('?' * N_COLUMNS)})"
        try:
            for lineno, line in enumerate(_lines(src), start=1):
                if not line.strip() or line.startswith("#"):
                    continue
                f = line.rstrip("\n").split("\t")
                try:
                    if len(f) != N_COLUMNS:
                        raise ValueError(f"{len(f)} columns, expected {N_COLUMNS}")
                    row = (int(f[0]), f[1], f[2], f[3], float(f[4]), float(f[5]), f[6], f[7], f[8], f[9], f[10],
                           f[11], f[12], f[13], int(f[14] or 0), int(f[15]) if f[15] else None,
                           int(f[16]) if f[16] else None, f[17], f[18])
                except ValueError as exc:
                    summary.skipped += 1
                    summary.first_error = summary.first_error or f"line {lineno}: {exc}"
                    continue
                batch.append(row)
                if len(batch) >= BATCH:
                    with con:
                        con.executemany(sql, batch)
                    summary.imported += len(batch)
                    batch.clear()
        except (UnicodeDecodeError, OSError, zipfile.BadZipFile) as exc:
            raise GeonamesImportError(f"{src}: cannot read ({exc})") from exc
        if batch:
            with con:
                con.executemany(sql, batch)
            summary.imported += len(batch)
    finally:
        con.close()
    return summary
