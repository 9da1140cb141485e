"""Geoparsing evaluation on LGL-format JSONL (see ../shared/dev/README.md section 3).

    .venv/bin/python bench/eval_geo.py --data ../shared/dev/geo/lgl.jsonl --out /tmp/pred.jsonl --gold-spans

With ``--gold-spans`` each gold toponym is resolved; without it the system
recognises toponyms itself and a gold toponym counts as predicted when a
predicted span overlaps it. Resolution metrics are over gold toponyms with
coordinates (missing prediction = 20,039 km): Acc@161, exact GeoNames id
match, AUC of the log error curve, mean error. End-to-end mode also prints
recognition precision/recall/F1 (exact span match).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import gate  # noqa: E402
from sitrep.places import geoparse, load_gazetteer, resolve_spans  # noqa: E402

MAX_KM = 20039.0
STAGE = "geo"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def evaluate(docs: list[dict], *, gold_spans: bool, out: Path | None = None) -> dict[str, float]:
    gaz = load_gazetteer()
    errors: list[float] = []
    exact = 0
    tp = n_pred = n_gold = 0
    lines: list[str] = []
    t0 = time.perf_counter()
    for doc in docs:
        gold = doc["toponyms"]
        if gold_spans:
            preds = resolve_spans(doc["text"], [(t["start"], t["end"]) for t in gold], gaz)
        else:
            preds = geoparse(doc["text"], gaz)
        for p in preds:
            gid = p.place_id if p.place_id and p.place_id.isdigit() else None
            lines.append(json.dumps({"id": doc["id"], "start": p.start, "end": p.end, "geonameid": gid,
                                     "place_id": p.place_id, "lat": p.lat, "lon": p.lon}))
        spans = {(p.start, p.end) for p in preds}
        n_pred += len(preds)
        n_gold += len(gold)
        tp += sum(1 for t in gold if (t["start"], t["end"]) in spans)
        for t in gold:
            if t.get("lat") is None:
                continue
            match = next((p for p in preds if p.start < t["end"] and t["start"] < p.end and p.lat is not None), None)
            if match is None:
                errors.append(MAX_KM)
                continue
            errors.append(distance_km(t["lat"], t["lon"], match.lat, match.lon))  # type: ignore[arg-type]
            exact += int(match.place_id == t.get("geonameid"))
    elapsed = time.perf_counter() - t0
    if out:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = len(errors)
    scores = {
        "acc161": round(100 * sum(e <= 161 for e in errors) / n, 2),
        "exact": round(100 * exact / n, 2),
        "auc": round(sum(math.log(1 + e) / math.log(MAX_KM) for e in errors) / n, 4),
        "mean_km": round(sum(errors) / n, 1),
        "n": n,
        "docs_per_s": round(len(docs) / elapsed, 1),
    }
    if not gold_spans:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        scores.update({"rec_p": round(100 * p, 2), "rec_r": round(100 * r, 2),
                       "rec_f1": round(200 * p * r / (p + r), 2) if p + r else 0.0})
    return scores


def gate_scores(scores: dict[str, float]) -> dict[str, float]:
    """Scores the ratchet guards (higher is better for each)."""
    return {"acc161": scores["acc161"], "exact": scores["exact"], "auc_lower": scores["auc"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--gold-spans", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--check", action="store_true", help="exit 1 when below the baseline (bench/baselines/geo.json)")
    ap.add_argument("--update-baseline", action="store_true")
    ap.add_argument("--allow-lower", action="store_true")
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in args.data.read_text(encoding="utf-8").split("\n") if line.strip()]
    if args.limit:
        docs = docs[: args.limit]
    t0 = time.perf_counter()
    load_gazetteer()
    load_s = time.perf_counter() - t0
    scores = evaluate(docs, gold_spans=args.gold_spans, out=args.out)
    mode = "gold spans" if args.gold_spans else "end to end"
    print(f"{args.data.name} ({mode}, {len(docs)} docs, {scores['n']} toponyms with coordinates)")
    print(f"  gazetteer load     {load_s:.2f} s")
    for k, v in scores.items():
        print(f"  {k:<18} {v}")
    stage = STAGE if args.gold_spans else STAGE + "_e2e"
    if args.update_baseline:
        gate.update(stage, gate_scores(scores), allow_lower=args.allow_lower)
        print(f"baseline {stage} updated")
    if args.check:
        problems = gate.check(stage, gate_scores(scores), tolerance=0.05)
        if problems:
            print("quality gate: FAILED\n  " + "\n  ".join(problems))
            return 1
        print("quality gate: ok")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
