"""Readers: files, gzip, directories, JSON Lines, JSON, CSV, text and HTML into RawDocuments.

Each reader yields ``RawDocument`` or ``Rejection``; nothing raises for bad
input, so a batch goes on past one bad document and records why it was
rejected. Records keep the input's own identifier as ``external_id`` and any
unknown columns as ``metadata``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.config import Settings
from sitrep.ingest.errors import reject
from sitrep.records import RawDocument, Rejection

STAGE_VERSION = "sitrep.readers.v1"

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv", ".tsv"}

# Column names understood in JSON/CSV records (first present wins); the rest go to metadata.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "document_id", "article_id", "uid", "guid", "key"),
    "url": ("url", "link", "source_url", "href"),
    "title": ("title", "headline", "heading"),
    "published": ("published", "published_at", "publish_date", "pubdate", "date", "datetime",
                  "time", "timestamp", "publication_date", "created_at", "dltime"),
    "text": ("text", "body", "content", "article", "maintext", "story", "full_text", "snippet"),
    "outlet": ("outlet", "source", "source_name", "publisher", "site", "site_name", "sitename", "domain",
               "media", "newspaper"),
    "html": ("html", "raw_html"),
}

Item = RawDocument | Rejection
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def read_paths(paths: Iterable[str | Path], settings: Settings | None = None, *,
               exclude: Iterable[str | Path] = ()) -> Iterator[Item]:
    settings = settings or Settings()
    skip = frozenset(Path(x).resolve() for x in exclude)
    for path in paths:
        yield from read_path(path, settings, exclude=skip)


def read_path(path: str | Path, settings: Settings | None = None, *,
              exclude: frozenset[Path] = frozenset()) -> Iterator[Item]:
    """Read a file or a directory (recursively, in sorted order), skipping the ``exclude`` files."""
    settings = settings or Settings()
    p = Path(path)
    if not p.exists():
        yield reject("E001", str(p))
        return
    if p.is_dir():
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                f = Path(root) / name
                if not name.startswith(".") and f.resolve() not in exclude:
                    yield from read_file(f, settings)
        return
    yield from read_file(p, settings)


def _suffixes(p: Path) -> tuple[str, bool]:
    """Format suffix and whether the file is gzip-compressed ('x.jsonl.gz' -> '.jsonl', True)."""
    name = p.name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    suffix = Path(name).suffix
    return suffix, gz


def read_file(p: Path, settings: Settings) -> Iterator[Item]:
    path = str(p)
    suffix, gz = _suffixes(p)
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES and suffix != "":
        yield reject("E009", path, detail=f"suffix {suffix!r}; sitrep reads .txt .html .htm .jsonl .json .csv (optionally .gz)")
        return
    if suffix in RECORD_SUFFIXES:
        try:
            stream = _open_text_stream(p, gz)
        except OSError as exc:
            yield reject("E002", path, detail=str(exc))
            return
        reader = {".jsonl": _read_jsonl, ".ndjson": _read_jsonl, ".json": _read_json, ".csv": _read_csv,
                  ".tsv": _read_csv}[suffix]
        try:
            with stream:
                yield from reader(stream, path, settings)
        except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield reject("E011" if gz else "E002", path, detail=str(exc))
        except UnicodeDecodeError as exc:
            yield reject("E004", path, detail=str(exc))
        return
    # single-document files
    try:
        if not gz and p.stat().st_size > settings.max_file_bytes:
            yield reject("E006", path, external_id=p.name,
                         detail=f"{p.stat().st_size} bytes > max_file_bytes {settings.max_file_bytes}")
            return
        data = _read_bytes(p, gz, settings.max_file_bytes + 1)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield reject("E011" if gz else "E002", path, external_id=p.name, detail=str(exc))
        return
    ext_id = _external_id_from_name(p)
    if len(data) > settings.max_file_bytes:
        yield reject("E006", path, external_id=ext_id, detail=f"more than {settings.max_file_bytes} bytes")
        return
    decoded = decode_bytes(data)
    if isinstance(decoded, tuple):
        code, detail = decoded
        yield reject(code, path, external_id=ext_id, detail=detail)
        return
    is_html = suffix in HTML_SUFFIXES or (suffix == "" and decoded.lstrip()[:15].lower().startswith(("<!doctype html", "<html")))
    yield RawDocument(raw_path=path, external_id=ext_id, text=decoded, is_html=is_html)


def _external_id_from_name(p: Path) -> str:
    name = p.name
    for ext in (".gz", ".txt", ".text", ".html", ".htm", ".xhtml"):
        if name.lower().endswith(ext):
            name = name[: -len(ext)]
    return name or p.name


def _read_bytes(p: Path, gz: bool, limit: int) -> bytes:
    if gz:
        with gzip.open(p, "rb") as fh:
            return fh.read(limit)
    with open(p, "rb") as fh:
        return fh.read(limit)


def _open_text_stream(p: Path, gz: bool) -> io.TextIOBase:
    raw = gzip.open(p, "rb") if gz else open(p, "rb")  # noqa: SIM115 - closed by the caller
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")


def decode_bytes(data: bytes) -> str | tuple[str, str]:
    """Decode file bytes to text; returns (code, detail) for binary or undecodable data."""
    if not data.strip():
        return ("E005", "file is empty")
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return ("E003", "NUL bytes found")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                return ("E004", str(exc))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        legacy = _decode_legacy(data)
        if legacy is None:
            return ("E004", "not UTF-8 and no single-byte encoding fits")
        text = legacy
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > 0.05 * min(len(text), 8192):
        return ("E003", f"{controls} control characters in the first 8 KB")
    return text


def _decode_legacy(data: bytes) -> str | None:
    """Decode non-UTF-8 text: charset-normalizer's best guess, else Windows-1252."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="strict")
    except (ImportError, LookupError, UnicodeDecodeError):
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


# ---------------------------------------------------------------------------- record formats


def _pick(record: dict[str, Any], key: str) -> tuple[str | None, Any]:
    lower = {k.lower().strip(): k for k in record}
    for alias in FIELD_ALIASES[key]:
        if alias in lower and record[lower[alias]] not in (None, ""):
            return lower[alias], record[lower[alias]]
    return None, None


def record_to_doc(record: dict[str, Any], path: str, position: int, settings: Settings) -> Item:
    """Map one JSON/CSV record to a RawDocument using FIELD_ALIASES; unknown keys become metadata."""
    used = set()
    values: dict[str, Any] = {}
    for key in FIELD_ALIASES:
        col, val = _pick(record, key)
        if col is not None:
            used.add(col)
            values[key] = val
    ext_id = str(values.get("id", f"{Path(path).name}#{position}"))
    text = values.get("text")
    is_html = False
    if text is None and values.get("html"):
        text, is_html = values["html"], True
    if text is None:
        return reject("E012", path, external_id=ext_id, detail=f"record {position}: none of {FIELD_ALIASES['text']}")
    if not isinstance(text, str):
        text = str(text)
    if len(text) > settings.max_article_chars:
        return reject("E006", path, external_id=ext_id, detail=f"{len(text)} chars > max_article_chars")
    if not is_html and text.lstrip()[:1] == "<" and "</" in text[:2000]:
        is_html = True
    outlet = values.get("outlet")
    if isinstance(outlet, dict):  # e.g. {"name": ...}
        outlet = outlet.get("name") or outlet.get("title")
    meta = {k: v for k, v in record.items() if k not in used}
    return RawDocument(
        raw_path=path, external_id=ext_id, text=text, is_html=is_html,
        url=str(values["url"]) if values.get("url") else None,
        title=str(values["title"]) if values.get("title") else None,
        outlet=str(outlet) if outlet else None,
        published=str(values["published"]) if values.get("published") is not None else None,
        metadata=meta,
    )


def _read_jsonl(stream: io.TextIOBase, path: str, settings: Settings) -> Iterator[Item]:
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield reject("E007", path, external_id=f"{Path(path).name}:{lineno}", detail=f"line {lineno}: {exc}")
            continue
        if not isinstance(record, dict):
            yield reject("E007", path, external_id=f"{Path(path).name}:{lineno}",
                         detail=f"line {lineno}: expected an object, got {type(record).__name__}")
            continue
        yield record_to_doc(record, path, lineno, settings)


def _read_json(stream: io.TextIOBase, path: str, settings: Settings) -> Iterator[Item]:
    try:
        data = json.load(stream)
    except json.JSONDecodeError as exc:
        # maybe JSON Lines saved as .json
        stream.seek(0)
        first = stream.readline()
        try:
            json.loads(first)
        except json.JSONDecodeError:
            yield reject("E007", path, detail=str(exc))
            return
        stream.seek(0)
        yield from _read_jsonl(stream, path, settings)
        return
    if isinstance(data, dict):
        for key in ("articles", "documents", "docs", "items", "data", "results"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list) or (data and not any(isinstance(r, dict) for r in data)):
        kinds = sorted({type(r).__name__ for r in data}) if isinstance(data, list) else [type(data).__name__]
        what = f"a list of {', '.join(kinds)}" if isinstance(data, list) else f"a {kinds[0]}"
        yield reject("E014", path, detail=f"the JSON holds {what}, not article objects with a text field")
        return
    for i, record in enumerate(data, 1):
        if isinstance(record, dict):
            yield record_to_doc(record, path, i, settings)
        else:
            yield reject("E007", path, external_id=f"{Path(path).name}#{i}", detail="record is not an object")


def _read_csv(stream: io.TextIOBase, path: str, settings: Settings) -> Iterator[Item]:
    csv.field_size_limit(max(settings.max_article_chars * 4, 1 << 20))
    head = stream.read(65536)
    stream.seek(0)
    if not head.strip():
        yield reject("E005", path, detail="CSV file is empty")
        return
    if path.lower().rstrip(".gz").endswith(".tsv"):
        dialect: Any = csv.excel_tab
    else:
        try:
            dialect = csv.Sniffer().sniff(head.split("\n", 1)[0] + "\n", delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
    reader = csv.DictReader(stream, dialect=dialect)
    fields = [f.lower().strip() for f in (reader.fieldnames or [])]
    if not any(a in fields for a in FIELD_ALIASES["text"] + FIELD_ALIASES["html"]):
        yield reject("E008", path, detail=f"columns {reader.fieldnames}; need one of {FIELD_ALIASES['text']}")
        return
    try:
        for i, row in enumerate(reader, 1):
            row = {k: v for k, v in row.items() if k is not None}
            yield record_to_doc(row, path, i, settings)
    except csv.Error as exc:
        yield reject("E007", path, detail=f"CSV error near line {reader.line_num}: {exc}")
