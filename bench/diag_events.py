"""Why the dev-set events miss: classify misses and false alarms by the attribute that fails.

For each core gold record no report matched, the reports of the same sentence(s) (a report whose
sentence contains a piece of the gold evidence) are compared attribute by attribute: which of
sub-type, place and date fail on the best of them. False alarms are classified the same way against
the gold records of their sentence (core or background), or as "no gold in the sentence".

    PYTHONPATH=$PWD python bench/diag_events.py [--show place|date|type|...]

Uses the scorer's own matching (``bench/eval_events.py``), so the classes add up to its counts.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_events as ev  # noqa: E402


def _pieces(g: dict) -> list[str]:
    return [p.strip() for p in (g.get("evidence") or "").split(" || ") if len(p.strip()) >= 12]


def _in_sentence(r: Any, g: dict) -> bool:
    text = " ".join(r.text.split())
    return any(" ".join(p.split()) in text or (len(text) > 30 and text in " ".join(p.split())) for p in _pieces(g))


def _fails(r: Any, g: dict, coords: Any) -> tuple[str, ...]:
    out = []
    if not ev.type_ok(r, g):
        out.append("type")
    if not ev.place_ok(r, g, coords):
        out.append("place")
    if not ev.overlap(r.date_begin, r.date_end, ev._date(g.get("date_begin")), ev._date(g.get("date_end"))):
        out.append("date")
    return tuple(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="append", default=[], help="print the cases of this class")
    args = ap.parse_args(argv)
    rows = ev.read_gold(ev.DEFAULT_GOLD)
    docs = {r["doc"] for r in rows}
    analyses, _ = ev.analyse_all(ev.load_articles(ev.DEFAULT_ARTICLES))
    pred = {ev.doc_id(an.article, docs): [r for r in an.reports if not r.background] for an in analyses}
    coords = ev.GoldCoords()
    miss: collections.Counter[str] = collections.Counter()
    fa: collections.Counter[str] = collections.Counter()
    shown: list[str] = []
    for doc in sorted(docs):
        golds = [g for g in rows if g["doc"] == doc]
        core = [g for g in golds if g.get("core")]
        preds = pred.get(doc, [])
        cand = {gi: [pi for pi, r in enumerate(preds) if ev.matches(r, g, coords)] for gi, g in enumerate(core)}
        pairing = ev.max_matching(cand)
        used = set(pairing.values())
        for gi, g in enumerate(core):
            if gi in pairing:
                continue
            same = [r for r in preds if _in_sentence(r, g)]
            if not same:
                cls = "no report in sentence"
                best = None
            else:
                best = min(same, key=lambda r: (len(_fails(r, g, coords)), _fails(r, g, coords)))
                fails = _fails(best, g, coords)
                cls = "+".join(fails) if fails else "taken by another gold"
            miss[cls] += 1
            if any(s in cls for s in args.show):
                got = (f"{best.sub_event_type} @ {best.place_name} [{best.place_surface}"
                       f"{' inferred' if best.place_inferred else ''}] {best.date_begin}..{best.date_end}"
                       if best else "-")
                shown.append(f"MISS {cls:<18} {g['id']} {g['sub_event_type']} @ {g.get('location')} "
                             f"{g.get('date_begin')}..{g.get('date_end')}\n    got {got}\n    :: {g['evidence'][:160]}")
        matched_gold = [core[gi] for gi in pairing]
        for pi, r in enumerate(preds):
            if pi in used or any(ev.matches(r, g, coords) for g in matched_gold):
                continue
            same = [g for g in golds if _in_sentence(r, g)]
            if not same:
                cls = "no gold in sentence"
            elif not any(g.get("core") for g in same):
                cls = "background gold"
            else:
                g = min((g for g in same if g.get("core")), key=lambda g: len(_fails(r, g, coords)))
                cls = "+".join(_fails(r, g, coords)) or "gold matched elsewhere"
            fa[cls] += 1
            if any(s in cls for s in args.show):
                shown.append(f"FA   {cls:<18} {doc} {r.sub_event_type} @ {r.place_name} [{r.place_surface}"
                             f"{' inferred' if r.place_inferred else ''}] {r.date_begin}..{r.date_end}"
                             f"\n    :: {' '.join(r.text.split())[:160]}")
    print("misses (core gold not matched), by what fails on the best report of the same sentence:")
    for k, v in miss.most_common():
        print(f"  {v:4d}  {k}")
    print("false alarms, by what fails against the gold of the same sentence:")
    for k, v in fa.most_common():
        print(f"  {v:4d}  {k}")
    for line in shown:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
