"""API latency under load: the incident list with filters on a generated store of 100,000 incidents.

Usage: python bench/api.py [--incidents 100000] [--requests 2000] [--concurrency 8] [--db FILE] [--keep]

Generates a store (articles, reports, incidents, links: written with plain INSERTs in one transaction,
a few seconds), starts ``sitrep serve`` on 127.0.0.1 (an ephemeral port) in its own process, then a bounded local client (``--concurrency`` threads, ``--requests`` requests in all, a
time cap) asks for incident-list pages under mixed filters (date ranges, types, actor, place, bbox,
paging, sorts). Prints one line ``p95 N ms`` and the p50, p99, throughput and errors (any non-200
answer is an error). Target (issue 10): p95 under 100 ms, no errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Strategic developments", "Looting/property destruction")]
ACTORS = ["Islamic State", "Syrian Democratic Forces", "Syrian government forces", "Civilians",
          "US-led coalition", "Rebel groups", "Protesters"]
DAY0 = dt.date(2015, 1, 1)
DAYS = 1500


def generate_store(path: str | Path, n: int, *, seed: int = 7) -> None:
    """A sitrep store of ``n`` generated incidents, each with one report; one article per 10 reports."""
    from sitrep.store import Store

    rng = random.Random(seed)
    store = Store(path)  # creates the schema through the real migrations
    conn: sqlite3.Connection = store.conn
    with store.transaction():
        n_art = max(1, n // 10)
        conn.executemany(
            "INSERT INTO articles (article_id, external_id, raw_path, url, outlet, title, published_at,"
            " published_precision, published_source, language, text, metadata, stage_version, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((f"art{k:07d}", f"ext{k}", f"gen/{k}.txt", f"https://example.org/{k}", f"Wire {k % 7}",
              f"Generated article {k}", (DAY0 + dt.timedelta(days=k % DAYS)).isoformat(), "day", "metadata", "en",
              f"Generated text {k}.", "{}", "bench", "2026-01-01") for k in range(n_art)))

        def rows() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[tuple[object, ...]]]:
            reps, incs, links = [], [], []
            for k in range(n):
                et, st = rng.choice(TYPES)
                day = (DAY0 + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
                lat, lon = 32 + rng.random() * 5, 36 + rng.random() * 6
                a1, a2 = rng.choice(ACTORS), rng.choice(ACTORS)
                deaths = rng.choice([None, None, 0, 1, 2, 3, 5, 12, 40])
                place = f"Place {k % 997}"
                sentence = f"Report {k}: {a1} and {a2} fought in {place}; {deaths or 0} killed."
                reps.append((f"r{k:07d}", f"art{k % n_art:07d}", k % 40, et, st, a1, a2, f"p{k % 997}", place, lat,
                             lon, "Adm", "SY", 1, day, day, 1, sentence, "bench"))
                incs.append((f"inc_{k:07d}", et, st, a1, a2, f"p{k % 997}", place, lat, lon, day, day, 1, 1, deaths,
                             deaths, deaths, "single source", "bench"))
                links.append((f"inc_{k:07d}", f"r{k:07d}", 0))
            return reps, incs, links

        reps, incs, links = rows()
        conn.executemany("INSERT INTO reports (report_id, article_id, sentence_index, event_type, sub_event_type,"
                         " actor1, actor2, place_id, place_name, lat, lon, admin1, country, geo_precision,"
                         " date_begin, date_end, time_precision, text, stage_version)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", reps)
        conn.executemany("INSERT INTO incidents (incident_id, event_type, sub_event_type, actor1, actor2, place_id,"
                         " place_name, lat, lon, date_begin, date_end, time_precision, n_sources, fatalities_min,"
                         " fatalities_max, fatalities_conservative, grade, stage_version)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", incs)
        conn.executemany("INSERT INTO incident_reports (incident_id, report_id, position) VALUES (?,?,?)", links)
    store.conn.execute("ANALYZE")
    store.close()


def random_query(rng: random.Random, endpoint: str = "incidents") -> str:
    """A request as the page makes them: a filter or two, a page, sometimes a sort (list only)."""
    parts = []
    if rng.random() < 0.6:
        start = DAY0 + dt.timedelta(days=rng.randrange(DAYS - 60))
        parts += [f"from={start}", f"to={start + dt.timedelta(days=rng.choice([7, 30, 60]))}"]
    if rng.random() < 0.4:
        parts.append("type=" + rng.choice(TYPES)[rng.randrange(2)].replace(" ", "+").replace("/", "%2F"))
    if rng.random() < 0.2:
        parts.append("actor=" + rng.choice(ACTORS).split()[0])
    if rng.random() < 0.2:
        parts.append(f"place=Place+{rng.randrange(997)}")
    if rng.random() < 0.3:
        w, s = 36 + rng.random() * 4, 32 + rng.random() * 3
        parts.append(f"bbox={w:.3f},{s:.3f},{w + 1.5:.3f},{s + 1.5:.3f}")
    if endpoint != "incidents":
        return f"/api/incidents/{endpoint}?" + "&".join(parts)
    if rng.random() < 0.3:
        parts.append(f"offset={rng.choice([50, 100, 500])}")
    if rng.random() < 0.2:
        parts.append("sort=" + rng.choice(["-date", "-fatalities"]))
    parts.append("limit=50")
    return "/api/incidents?" + "&".join(parts)


def load(port: int, n_requests: int, concurrency: int, seconds: float, seed: int = 1, endpoint: str = "incidents"
         ) -> tuple[list[float], int, float]:
    """(latencies in ms, errors, wall seconds) of ``n_requests`` GETs from ``concurrency`` client threads."""
    rng = random.Random(seed)
    paths = [random_query(rng, endpoint) for _ in range(n_requests)]
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    it = iter(paths)

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                path = next(it, None)
            if path is None:
                break
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                res = conn.getresponse()
                res.read()
                ok = res.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                latencies.append(ms)
                errors[0] += 0 if ok else 1
        conn.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors[0], time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=120.0, help="time cap of the load phase")
    ap.add_argument("--db", default=None, help="store to use (generated when missing)")
    ap.add_argument("--endpoint", choices=["incidents", "points", "histogram"], default="incidents",
                    help="incidents: the list (the issue's target); points / histogram: the map and the time brush")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "api-bench.db")
        if not Path(db).exists():
            t0 = time.perf_counter()
            generate_store(db, args.incidents)
            print(f"generated {args.incidents:,} incidents in {time.perf_counter() - t0:.1f}s ({db})", file=sys.stderr)
        server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", db, "--port", "0"],
                                  stdout=subprocess.PIPE, text=True)
        try:
            line = server.stdout.readline() if server.stdout else ""
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if not found:
                raise SystemExit(f"the server did not start: {line!r}")
            port = int(found.group(1))
            load(port, min(50, args.requests), 2, 30.0, seed=99)  # warm-up (builds the incident index)
            lat, errors, wall = load(port, args.requests, args.concurrency, args.seconds, endpoint=args.endpoint)
        finally:
            server.terminate()
            server.wait(timeout=30)
    lat.sort()
    q = statistics.quantiles(lat, n=100) if len(lat) >= 2 else lat * 99
    what = {"incidents": "incident list", "points": "map points", "histogram": "time histogram"}[args.endpoint]
    print(f"{what} with filters, {len(lat)} requests, {args.concurrency} concurrent clients, "
          f"{args.incidents:,} incidents")
    print(f"p50 {q[49]:.1f} ms")
    print(f"p95 {q[94]:.1f} ms")
    print(f"p99 {q[98]:.1f} ms")
    print(f"throughput {len(lat) / wall:.0f} requests/s")
    print(f"errors {errors}")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
