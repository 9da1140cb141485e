"""Whole pipeline (ingest -> reports -> incidents -> control) throughput and peak memory, on one core.

Usage: python bench/pipeline.py [--data FILE.jsonl.gz] [--limit N] [--db FILE] [--workers N]

Default data: the Timeline17 SyrianCrisis_bbc articles (../shared/dev/timeline17/SyrianCrisis_bbc/
articles.jsonl.gz, 308 BBC articles). Ingests them into a fresh SQLite file (reading, cleaning,
dating, de-duplication), then runs ``process_articles`` (sentences, time, places, actors, parse,
mention model, reports, merge, store) through the pipeline runner (``sitrep.pipeline.run_ingest``, as
``sitrep ingest`` does) and prints a table: articles/s over the whole run (start-up included and excluded),
peak RSS (every model and the gazetteer loaded; with workers, the largest process) and where the
time goes per stage (with workers, stage seconds are summed over the workers).
Goal (issue 5): at least 20 articles/s, under 2 GB. ``--workers 1`` (default) pins one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import pin_one_core  # noqa: E402
from sitrep.events import extract as extract_mod  # noqa: E402
from sitrep.events import mentions as mentions_mod  # noqa: E402
from sitrep.events import parse as parse_mod  # noqa: E402
from sitrep.events import process as process_mod  # noqa: E402
from sitrep.pipeline import RunOptions, run_ingest  # noqa: E402
from sitrep.store import Store  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "dev" / "timeline17" / "SyrianCrisis_bbc" / "articles.jsonl.gz"


def _timed(module: Any, name: str, stage: str, seconds: dict[str, float]) -> None:
    """Count the time of ``module.name`` (a function or method) as its own stage."""
    inner = getattr(module, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - t

    setattr(module, name, timed)


def _time_event_models(seconds: dict[str, float]) -> None:
    """The dependency parse and the mention model apart from the rest of report extraction."""
    _timed(extract_mod, "parse_candidates", "parse", seconds)
    _timed(mentions_mod.MentionModel, "decide", "mention model", seconds)


def _load_models() -> tuple[float, float]:
    """Load the spaCy parser and the mention model up front: start-up, not per-article work."""
    t, c = time.perf_counter(), time.process_time()
    parse_mod.load_parser()
    mentions_mod.load_model()
    return time.perf_counter() - t, time.process_time() - c


def run(data: Path, db: Path, limit: int | None, workers: int = 1) -> dict[str, Any]:
    src = data
    if limit:
        import gzip
        src = db.parent / "subset.jsonl"
        opener: Any = gzip.open if data.suffix == ".gz" else open
        with opener(data, "rt") as fh, src.open("w") as out:
            for i, line in enumerate(fh):
                if i >= limit:
                    break
                out.write(line)
    model_secs: dict[str, float] = {}
    if workers == 1:
        _time_event_models(model_secs)
    store = Store(db)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    t_models, _ = _load_models()
    t1 = time.perf_counter()
    gaz = process_mod.load_gazetteer_for(store)  # the runner's own load is then a cache hit
    t_gaz = time.perf_counter() - t1
    result = run_ingest([src], store, options=RunOptions(workers=workers))
    summary, processed = result.ingest, result.process
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0 + _children_cpu()
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    stages = {"models load": t_models, "ingest": summary.seconds, "gazetteer load": t_gaz, **processed.seconds}
    for name, secs in model_secs.items():
        stages[name] = secs
        stages["reports"] = stages.get("reports", 0.0) - secs
    n_rep = store.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
    n_inc = store.conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]
    n_multi = store.conn.execute("SELECT COUNT(*) FROM (SELECT incident_id FROM incident_reports GROUP BY "
                                 "incident_id HAVING COUNT(*) > 1)").fetchone()[0]
    store.close()
    del gaz
    return {"articles": summary.stored, "read": summary.read, "processed": processed.articles, "wall": wall,
            "cpu": cpu, "gazetteer": t_gaz, "models": t_models, "rss0": rss0, "peak": peak, "stages": stages,
            "reports": n_rep, "incidents": n_inc, "multi": n_multi, "control": processed.control_changes}


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--db", type=Path, default=None, help="keep the database here (default: a temporary file)")
    ap.add_argument("--workers", type=int, default=1, help="worker processes (1: this process, pinned to one core)")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"no data at {args.data}")
    if args.workers == 1:
        pin_one_core()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "pipeline.db"
        if args.db and db.exists():
            sys.exit(f"{db} exists; give a new file")
        r = run(args.data, db, args.limit, args.workers)
    n = r["articles"]
    print(f"# sitrep pipeline benchmark  {dt.date.today()}  {platform.node()}  "
          f"{platform.processor() or platform.machine()}")
    cores = "one core" if args.workers == 1 else f"{args.workers} worker processes"
    print(f"python {platform.python_version()}, {cores}, data {args.data.name} ({args.data.parent.name})")
    print("| metric | value |")
    print("|---|---|")
    print(f"| articles stored / processed | {n} / {r['processed']} (read {r['read']}) |")
    print(f"| reports / incidents / with >1 report / control changes | {r['reports']} / {r['incidents']} / "
          f"{r['multi']} / {r['control']} |")
    print(f"| wall seconds (all) | {r['wall']:.2f} |")
    print(f"| CPU seconds (all) | {r['cpu']:.2f} |")
    print(f"| articles/s, whole run | {n / r['wall']:.1f} |")
    print(f"| articles per CPU-second (wall time is noisy on a shared machine) | {n / r['cpu']:.1f} |")
    print(f"| articles/s, excluding one-off start-up (gazetteer, models) | "
          f"{n / max(1e-9, r['wall'] - r['gazetteer'] - r['models'] - r['stages'].get('load', 0.0)):.1f} |")
    print(f"| peak RSS MB | {r['peak']:.0f} (at start {r['rss0']:.0f}) |")
    print()
    print("| stage | seconds | ms/article | share |")
    print("|---|---|---|---|")
    total = sum(r["stages"].values())
    for stage, secs in sorted(r["stages"].items(), key=lambda kv: -kv[1]):
        print(f"| {stage} | {secs:.2f} | {1000 * secs / max(1, n):.1f} | {100 * secs / max(1e-9, total):.0f}% |")


if __name__ == "__main__":
    main()
