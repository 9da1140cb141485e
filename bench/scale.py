"""Throughput, peak memory and time per stage as the corpus grows, on 1 and 2 worker processes.

Usage: python bench/scale.py [--sizes 1000,10000] [--workers 1,2] [--pool FILE.jsonl[.gz] ...]

The corpus is synthetic (``bench/synthetic.py``): each article mixes paragraphs of real dev news
articles (default pool: ../shared/dev/events/articles.jsonl and the Timeline17 Syria BBC articles),
so language, places and events are real while every article is distinct; they are dated 30 a day,
so a larger corpus covers a longer period, as a growing store does. Each (size, workers) run
is a fresh subprocess ingesting into a fresh SQLite file through the pipeline runner (as ``sitrep
ingest`` does), so peak RSS is per run. Prints a table: articles/s, ms per article (wall and CPU,
workers included), peak RSS of the main process and of the largest worker, and where the time goes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synthetic import paragraphs, read_texts, write_corpus  # noqa: E402

SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
POOL = [SHARED / "dev" / "events" / "articles.jsonl",
        SHARED / "dev" / "timeline17" / "SyrianCrisis_bbc" / "articles.jsonl.gz"]


PER_ARTICLE = (15, 45)  # paragraphs per synthetic article: ~5,200 characters, like the real ones
PER_DAY = 30  # articles per publication day: the corpus grows with time, as a newsroom's does


def one(corpus: Path, workers: int) -> dict[str, Any]:
    """One run in this process (called in a fresh subprocess by ``main``)."""
    from sitrep.pipeline import RunOptions, run_ingest
    from sitrep.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "scale.db")
        t0, c0 = time.perf_counter(), time.process_time()
        result = run_ingest([corpus], store, options=RunOptions(workers=workers))
        wall = time.perf_counter() - t0
        cpu_main = time.process_time() - c0
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        n_rep = store.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        store.close()
    stages = {"ingest (prepare+store)": result.ingest.seconds, **result.process.seconds}
    return {"articles": result.ingest.stored, "processed": result.process.articles, "reports": n_rep,
            "incidents": result.process.incidents_total, "wall": wall, "cpu": cpu_main + children.ru_utime
            + children.ru_stime, "rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_worker": children.ru_maxrss / 1024, "stages": stages}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--pool", type=Path, nargs="*", default=POOL)
    ap.add_argument("--one", nargs=2, metavar=("CORPUS", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(Path(args.one[0]), int(args.one[1]))))
        return
    missing = [p for p in args.pool if not p.exists()]
    if missing:
        sys.exit(f"no pool data at {', '.join(map(str, missing))} (set SITREP_SHARED)")
    pool = paragraphs(t for p in args.pool for t in read_texts(p))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            corpus = write_corpus(pool, size, Path(tmp) / f"corpus{size}.jsonl", seed=size,
                                  per_article=PER_ARTICLE, per_day=PER_DAY)
            for workers in [int(w) for w in args.workers.split(",")]:
                out = subprocess.run([sys.executable, __file__, "--one", str(corpus), str(workers)],
                                     capture_output=True, text=True, check=True, env={**os.environ,
                                     "PYTHONPATH": str(ROOT)})
                r = json.loads(out.stdout.strip().splitlines()[-1])
                r.update(size=size, workers=workers)
                rows.append(r)
                print(f"... {size} articles, {workers} worker(s): {r['wall']:.0f}s", file=sys.stderr, flush=True)
    print(f"# sitrep scale benchmark  {dt.date.today()}  {platform.node()}  {os.cpu_count()} cores  "
          f"load average at end {os.getloadavg()[0]:.1f}")
    print(f"pool: {len(pool)} paragraphs of {', '.join(p.name for p in args.pool)}")
    print()
    print("| articles | workers | wall s | articles/s | ms/article wall | ms/article CPU | reports | incidents "
          "| peak RSS main MB | peak RSS worker MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        n = max(1, r["articles"])
        print(f"| {r['size']} | {r['workers']} | {r['wall']:.1f} | {n / r['wall']:.1f} | {1000 * r['wall'] / n:.1f} "
              f"| {1000 * r['cpu'] / n:.1f} | {r['reports']} | {r['incidents']} | {r['rss_main']:.0f} "
              f"| {r['rss_worker']:.0f} |")
    print()
    stages = sorted({s for r in rows for s in r["stages"]})
    print("| articles | workers | " + " | ".join(stages) + " |")
    print("|---|---|" + "---|" * len(stages))
    for r in rows:
        n = max(1, r["articles"])
        cells = [f"{1000 * r['stages'].get(s, 0.0) / n:.1f}" for s in stages]
        print(f"| {r['size']} | {r['workers']} | " + " | ".join(cells) + " |")
    print("\n(stage columns: ms per article; with workers, per-article stage times are summed over workers)")


if __name__ == "__main__":
    main()
