"""Whole pipeline (ingest -> reports -> incidents -> control) throughput and peak memory, on one core.

Usage: python bench/pipeline.py [--data FILE.jsonl.gz] [--limit N] [--db FILE]

Default data: the Timeline17 SyrianCrisis_bbc articles (../shared/dev/timeline17/SyrianCrisis_bbc/
articles.jsonl.gz, 308 BBC articles). Ingests them into a fresh SQLite file (reading, cleaning,
dating, de-duplication), then runs ``process_articles`` (sentences, time, places, actors, parse,
mention model, reports, merge, store) and prints a table: articles/s over the whole run (start-up included and
excluded), peak RSS (every model and the gazetteer loaded) and where the time goes per stage.
Goal (issue 5): at least 20 articles/s, under 2 GB.
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
from sitrep.ingest.pipeline import ingest_paths  # noqa: E402
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


def run(data: Path, db: Path, limit: int | None) -> dict[str, Any]:
    src = data
    if limit:
        import gzip
        src = db.parent / "subset.jsonl"
        with gzip.open(data, "rt") as fh, src.open("w") as out:
            for i, line in enumerate(fh):
                if i >= limit:
                    break
                out.write(line)
    model_secs: dict[str, float] = {}
    _time_event_models(model_secs)
    store = Store(db)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    t_models, c_models = _load_models()
    summary = ingest_paths([src], store)
    t_ingest = time.perf_counter() - t0
    t1 = time.perf_counter()
    gaz = process_mod.load_gazetteer_for(store)
    t_gaz = time.perf_counter() - t1
    c_gaz_end = time.process_time()
    t2 = time.perf_counter()
    result = process_mod.process_articles(store, gazetteer=gaz)
    t_process = time.perf_counter() - t2
    c_process = time.process_time() - c_gaz_end
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stages = {"models load": t_models, "ingest": t_ingest - t_models, "gazetteer load": t_gaz, **result.seconds}
    for name, secs in model_secs.items():
        stages[name] = secs
        stages["reports"] = stages.get("reports", 0.0) - secs
    n_rep = store.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
    n_inc = store.conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]
    n_multi = store.conn.execute("SELECT COUNT(*) FROM (SELECT incident_id FROM incident_reports GROUP BY "
                                 "incident_id HAVING COUNT(*) > 1)").fetchone()[0]
    store.close()
    return {"articles": summary.stored, "read": summary.read, "processed": result.articles, "wall": wall, "cpu": cpu,
            "process": t_process, "gazetteer": t_gaz, "models": t_models, "cpu_process": c_process, "rss0": rss0, "peak": peak, "stages": stages,
            "reports": n_rep, "incidents": n_inc, "multi": n_multi, "control": result.control_changes}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--db", type=Path, default=None, help="keep the database here (default: a temporary file)")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"no data at {args.data}")
    pin_one_core()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "pipeline.db"
        if args.db and db.exists():
            sys.exit(f"{db} exists; give a new file")
        r = run(args.data, db, args.limit)
    n = r["articles"]
    print(f"# sitrep pipeline benchmark  {dt.date.today()}  {platform.node()}  "
          f"{platform.processor() or platform.machine()}")
    print(f"python {platform.python_version()}, one core, data {args.data.name} ({args.data.parent.name})")
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
    print(f"| articles per CPU-second, analysis and merge only (no start-up, no ingest) | "
          f"{r['processed'] / max(1e-9, r['cpu_process']):.1f} |")
    print(f"| peak RSS MB | {r['peak']:.0f} (at start {r['rss0']:.0f}) |")
    print()
    print("| stage | seconds | ms/article | share |")
    print("|---|---|---|---|")
    total = sum(r["stages"].values())
    for stage, secs in sorted(r["stages"].items(), key=lambda kv: -kv[1]):
        print(f"| {stage} | {secs:.2f} | {1000 * secs / max(1, n):.1f} | {100 * secs / max(1e-9, total):.0f}% |")


if __name__ == "__main__":
    main()
