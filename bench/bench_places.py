"""Places stage speed and memory on one core: start-up, peak RSS, geoparsing articles/s.

    PYTHONPATH=. .venv/bin/python bench/bench_places.py [--data FILE.jsonl.gz] [--limit N]

Default data: the Timeline17 SyrianCrisis_bbc articles (308 BBC articles about
Syria: the conflict-country layer is searched for most of them) followed by the
LGL articles (US local news). Start-up is importing ``sitrep.places`` and loading
the gazetteer; articles/s is over ``geoparse`` of every text, wall clock and CPU
time of this process (the machine may be shared). Peak RSS is read at the end,
with the shipped gazetteer loaded and the layer opened. Goals (issue 12): start-up
under 3 s, under 1 GB, at least 100 articles/s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import pin_one_core  # noqa: E402

SHARED = ROOT.parent / "shared" / "dev"
DEFAULTS = (SHARED / "timeline17" / "SyrianCrisis_bbc" / "articles.jsonl.gz", SHARED / "geo" / "lgl.jsonl")


def _texts(path: Path) -> list[str]:
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    out = []
    for line in raw.decode("utf-8").split("\n"):
        if line.strip():
            doc = json.loads(line)
            out.append(doc.get("text") or "")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, action="append", help="JSONL(.gz) with a 'text' field (repeatable)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles of each file")
    args = ap.parse_args()
    pin_one_core()
    texts: list[str] = []
    for path in args.data or DEFAULTS:
        got = _texts(path)
        texts += got[: args.limit] if args.limit else got
    t0, c0 = time.perf_counter(), time.process_time()
    from sitrep.places import geoparse, load_gazetteer

    gaz = load_gazetteer()
    startup, startup_cpu = time.perf_counter() - t0, time.process_time() - c0
    t1, c1 = time.perf_counter(), time.process_time()
    n_places = sum(len(geoparse(t, gaz)) for t in texts)
    wall, cpu = time.perf_counter() - t1, time.process_time() - c1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles            {len(texts)} ({sum(map(len, texts)) / 1e6:.1f} M characters), {n_places} places")
    print(f"start-up            {startup:.2f} s wall, {startup_cpu:.2f} s CPU")
    print(f"geoparse            {len(texts) / wall:.1f} articles/s wall, {len(texts) / cpu:.1f} articles/s CPU")
    print(f"peak RSS            {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
