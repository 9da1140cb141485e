"""The incident merge on gold input: how well ``merge_reports`` links reports of one incident across articles.

``bench/eval_events.py`` scores the merge over the reports the extractor matched, which with today's
recall are a dozen pairs. This script isolates the merge: every gold record of the dev set becomes a
report carrying the gold fields (sub-type, actors, place resolved through the gazetteer, dates,
fatalities, attribution, hedging, evidence text, background = not core), articles carry their outlet
and publication date, and the merge's incidents are scored pairwise against ``same_incident_as``
(two records are one incident when linked directly or through a shared target) over pairs of
records in different articles.

    PYTHONPATH=$PWD python bench/eval_merge_gold.py [--gold FILE --articles FILE] [--core-only] [-v]

The figures are an upper bound on what the merge can do with perfect extraction, and the list of
missed and wrong pairs (``-v``) shows which rule decides them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitrep.events.merge import ArticleInfo, merge_reports  # noqa: E402
from sitrep.events.process import actor_parent_lookup, parent_lookup  # noqa: E402
from sitrep.places import geoparse, load_gazetteer  # noqa: E402
from sitrep.records import QuantityMention, Report  # noqa: E402

DEV = ROOT.parent / "shared" / "dev" / "events"
if not DEV.exists():
    DEV = ROOT.parents[1] / "shared" / "dev" / "events"


def _day(v: Any) -> dt.date | None:
    return dt.date.fromisoformat(v) if v else None


def gold_report(g: dict[str, Any], gaz: Any) -> Report:
    place_id = None
    name = g.get("location")
    if name:
        found = [m for m in geoparse(name, gaz) if m.place_id]
        place_id = found[0].place_id if found else "name:" + name.lower()
    fat = g.get("fatalities") or {}
    deaths = [QuantityMention(0, 1, str(fat["killed"]), value=fat["killed"], category=fat.get("category", "unknown"),
                              status="killed", cumulative=bool(fat.get("cumulative")))] if fat.get("killed") else []
    return Report(report_id=g["id"], article_id=g["doc"], sentence_index=0, event_type=g["event_type"],
                  sub_event_type=g["sub_event_type"], actor1=g.get("actor1"), actor2=g.get("actor2"),
                  place_id=place_id, place_name=name, date_begin=_day(g.get("date_begin")),
                  date_end=_day(g.get("date_end")), fatalities=deaths, attributed_to=g.get("attributed_to"),
                  hedged=bool(g.get("hedged")), background=not g.get("core"),
                  text=(g.get("evidence") or "").split(" || ")[0])


def score(gold: list[dict[str, Any]], incident_of: dict[str, str], verbose: bool) -> dict[str, float]:
    def root(g: dict[str, Any]) -> str:
        return str(g.get("same_incident_as") or g["id"])

    tp = fp = fn = 0
    for i, g1 in enumerate(gold):
        for g2 in gold[i + 1:]:
            if g1["doc"] == g2["doc"]:
                continue
            same = root(g1) == root(g2)
            pred = incident_of[g1["id"]] == incident_of[g2["id"]]
            tp += same and pred
            fp += pred and not same
            fn += same and not pred
            if verbose and same != pred:
                print(f"{'FP' if pred else 'FN'} {g1['id']} ~ {g2['id']}: {g1['sub_event_type']} @ {g1.get('location')} "
                      f"{g1.get('date_begin')}..{g1.get('date_end')} [{g1['core']}] | {g2['sub_event_type']} @ "
                      f"{g2.get('location')} {g2.get('date_begin')}..{g2.get('date_end')} [{g2['core']}]")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"pairs_gold": tp + fn, "pairs_pred": tp + fp, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEV / "gold.jsonl")
    ap.add_argument("--articles", type=Path, default=DEV / "articles.jsonl")
    ap.add_argument("--core-only", action="store_true", help="only core records (what eval_events can match)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    gold = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    if args.core_only:
        core = {g["id"] for g in gold if g["core"]}
        gold = [dict(g, same_incident_as=g["same_incident_as"] if g.get("same_incident_as") in core else None)
                for g in gold if g["core"]]
    infos: dict[str, ArticleInfo] = {}
    for line in args.articles.open(encoding="utf-8"):
        a = json.loads(line)
        day = _day(a.get("date"))
        infos[a["id"]] = ArticleInfo(a.get("outlet"), (day, day) if day else None, a["id"])
    gaz = load_gazetteer()
    reports = [gold_report(g, gaz) for g in gold]
    incidents = merge_reports(reports, articles=infos, parent_of=parent_lookup(gaz),
                              actor_parent=actor_parent_lookup())
    incident_of = {rid: inc.incident_id for inc in incidents for rid in inc.reports}
    print(json.dumps(score(gold, incident_of, args.verbose)))


if __name__ == "__main__":
    main()
