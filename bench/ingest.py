"""Ingest throughput (articles/s, MB/s) and peak memory, on one core.

Usage: python bench/ingest.py [--data DIR] [--limit N]

Default data: the Timeline17 dev articles in ../shared/dev/timeline17
(808 articles in three topics). The articles are written out as a
Timeline17-style folder tree (InputDocs/YYYY-MM-DD/ID.htm.txt) in a temporary
directory first, so the benchmark also measures reading files and dating them
from the path; it then reports how many got exactly their folder date.
Runs `ingest_paths` without the event pipeline into a fresh SQLite file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import pin_one_core  # noqa: E402
from sitrep.config import Settings  # noqa: E402
from sitrep.ingest.pipeline import ingest_paths  # noqa: E402
from sitrep.store import Store  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "dev" / "timeline17"


def write_tree(data: Path, out: Path, limit: int | None) -> tuple[int, int, dict[str, str]]:
    n = size = 0
    truth: dict[str, str] = {}
    for gz in sorted(data.glob("*/articles.jsonl.gz")):
        topic = gz.parent.name
        with gzip.open(gz, "rt") as fh:
            for line in fh:
                rec = json.loads(line)
                folder = out / topic / "InputDocs" / rec["time"]
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / f"{rec['id']}.htm.txt"
                path.write_text(rec["text"])
                truth[str(path)] = rec["time"]
                n += 1
                size += len(rec["text"].encode())
                if limit and n >= limit:
                    return n, size, truth
    return n, size, truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"no data at {args.data}")
    pin_one_core()
    with tempfile.TemporaryDirectory() as tmp:
        n, size, truth = write_tree(args.data, Path(tmp) / "t17", args.limit)
        store = Store(Path(tmp) / "bench.db")
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0, c0 = time.perf_counter(), time.process_time()
        summary = ingest_paths([Path(tmp) / "t17"], store, Settings())
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        got = {a.raw_path: a for a in store.iter_articles()}
        exact = sum(1 for p, d in truth.items() if p in got and got[p].published_at
                    and got[p].published_at.isoformat()[:10] == d)
    stored = summary.stored
    print(f"# sitrep ingest benchmark  {dt.date.today()}  {platform.node()}  {platform.processor() or platform.machine()}")
    print(f"python {platform.python_version()}, one core")
    print("| metric | value |")
    print("|---|---|")
    print(f"| documents | {n} ({size / 1e6:.2f} MB text) |")
    print(f"| stored / near-dup / rejected | {stored} / {summary.near_duplicates} / {sum(summary.rejected.values())} |")
    print(f"| seconds | {secs:.2f} |")
    print(f"| CPU seconds | {cpu:.2f} |")
    print(f"| articles/s (wall) | {n / secs:.0f} |")
    print(f"| articles per CPU-second | {n / cpu:.0f} |")
    print(f"| MB/s | {size / 1e6 / secs:.2f} |")
    print(f"| peak RSS MB | {peak:.0f} (at start {rss0:.0f}) |")
    print(f"| folder date exact | {exact}/{len(truth)} = {100 * exact / max(1, len(truth)):.1f}% |")
    print(f"| rejections | {dict(summary.rejected)} |")


if __name__ == "__main__":
    main()
