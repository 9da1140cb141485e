"""Timeline speed from raw text: one Timeline17 topic (sentence split, time tagging, ranking, selection).

    python bench/timeline_speed.py [--topic DIR] [--dates 10] [--sentences 2]

Prints the article count, CPU and wall seconds and the peak resident memory, pinned to one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.machine import pin_one_core  # noqa: E402
from sitrep.summaries.timeline import SourceArticle, timeline_from_articles  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topic", type=Path, default=ROOT.parent / "shared" / "dev" / "timeline17" / "SyrianCrisis_bbc")
    ap.add_argument("--dates", type=int, default=10)
    ap.add_argument("--sentences", type=int, default=2)
    args = ap.parse_args(argv)
    pin_one_core()
    path = args.topic / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") if path.exists() else open(args.topic / "articles.jsonl") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    keywords = json.loads((args.topic / "keywords.json").read_text()) if (args.topic / "keywords.json").exists() else []
    arts = [SourceArticle(str(r["id"]), str(r["id"]), r["text"], dt.date.fromisoformat(r["time"][:10])) for r in rows]
    c0, w0 = time.process_time(), time.perf_counter()
    tl = timeline_from_articles(arts, n_dates=args.dates, sentences_per_date=args.sentences, query=keywords)
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(arts)} articles, {len(tl.entries)} dates: {cpu:.2f} CPU s, {wall:.2f} wall s, peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
