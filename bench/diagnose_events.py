"""Why each dev-set miss and false alarm happened: a cause table for the event extractor.

For every core gold event the extractor did not match (FN), the cause is the first that applies:

* ``wrong place`` / ``wrong date`` / ``wrong sub-type``: a report from a sentence holding the
  gold evidence differs from the gold event in only that respect (sub-type confusions are listed);
* ``several wrong``: a report from an evidence sentence, wrong in more than one respect;
* ``model rejected``: an evidence sentence has a trigger the mention model scored below its
  threshold, ``status rejected``: one it read as planned / generic / negated;
* ``dropped later``: a kept trigger that produced no report (plausibility, absorption, roles);
* ``no candidate``: no trigger in any evidence sentence (the predicate kinds are then read by hand,
  ``-v`` prints the sentences).

False alarms (FP) are split into ``wrong sub-type`` (a gold event of another sub-type at the same
sentence, place and date), ``wrong place``/``wrong date`` (same sub-type, a gold event in the same
sentence), ``background`` (the sentence holds a non-core gold record) and ``no gold`` (not an event
the annotators coded). Run: ``PYTHONPATH=$PWD python bench/diagnose_events.py [-v]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_events as ev  # noqa: E402

from sitrep.events import extract  # noqa: E402
from sitrep.events.mentions import EVENT_THRESHOLD  # noqa: E402

Record = dict[str, Any]


def _install_probes(log: list[Record]) -> None:
    """Record every candidate trigger with its mention decision and arbitrated sub-type."""
    orig_classify, orig_retype = extract._classify, extract.retype

    def classify(per, found, docs, ref, decide, *rest):  # type: ignore[no-untyped-def]
        out = orig_classify(per, found, docs, ref, decide, *rest)
        for s, trigs, decs in zip(per, found, out, strict=True):
            for t, d in zip(trigs, decs, strict=True):
                log.append({"start": s.sentence.start, "end": s.sentence.end, "text": s.sentence.text,
                            "surface": t.surface, "rule_sub": t.sub_event_type, "p": d.p_event,
                            "status": d.status, "model_sub": d.sub_event_type})
        return out

    def retype(texts, found):  # type: ignore[no-untyped-def]
        out = orig_retype(texts, found)
        by_text = {}
        for text, before, after in zip(texts, found, out, strict=True):
            for b, a in zip(before, after, strict=True):
                by_text[(text, b.start)] = a.sub_event_type
        for rec in log:
            if "arb_sub" not in rec:
                for (text, _), sub in by_text.items():
                    if text == rec["text"]:
                        rec["arb_sub"] = sub
        return out

    extract._classify = classify
    extract.retype = retype


def _evidence_spans(g: Record, text: str) -> list[tuple[int, int]]:
    spans = []
    for piece in g["evidence"].split(" || "):
        i = text.find(piece.strip())
        if i >= 0:
            spans.append((i, i + len(piece.strip())))
    return spans


def _hits(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] < end and start < span[1]


def classify_misses(verbose: bool) -> None:
    log: list[Record] = []
    _install_probes(log)
    rows = ev.read_gold(ev.DEFAULT_GOLD)
    docs = {r["doc"] for r in rows}
    articles = ev.load_articles(ev.DEFAULT_ARTICLES)
    coords = ev.GoldCoords()
    fn_causes: Counter[str] = Counter()
    fp_causes: Counter[str] = Counter()
    confusions: Counter[str] = Counter()
    fp_confusions: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    from sitrep.events.analyse import analyse_article

    for art in articles:
        start_len = len(log)
        an = analyse_article(art)
        doc = ev.doc_id(art, docs)
        cands = log[start_len:]
        golds = [r for r in rows if r["doc"] == doc]
        core = [g for g in golds if g.get("core")]
        preds = [r for r in an.reports if not r.background]
        out = ev.Scored()
        ev.score_doc(doc, preds, golds, coords, out)
        matched_ids = {g.get("id") for g, _ in out.matched}
        matched_reports = {id(r) for _, r in out.matched}
        text = art.text
        sent_span = {se.index: (se.start, se.end) for se in an.sentences}

        def rspan(r: Any, spans: dict[int, tuple[int, int]] = sent_span) -> tuple[int, int]:
            return spans.get(r.sentence_index, (-1, -1))
        gspans = {g["id"]: _evidence_spans(g, text) for g in golds}
        for g in core:
            if g["id"] in matched_ids:
                continue
            spans = gspans[g["id"]]
            near = [r for r in preds if any(_hits(s, *rspan(r)) for s in spans)]
            gb, ge = ev._date(g.get("date_begin")), ev._date(g.get("date_end"))
            cause = None
            for r in near:
                t_ok, p_ok = ev.type_ok(r, g), ev.place_ok(r, g, coords)
                d_ok = ev.overlap(r.date_begin, r.date_end, gb, ge)
                if t_ok and p_ok and d_ok:
                    cause = "matchable, report used by another gold"
                elif t_ok and d_ok:
                    cause = cause or "wrong place"
                elif t_ok and p_ok:
                    cause = cause or "wrong date"
                elif p_ok and d_ok:
                    if cause is None:
                        cause = "wrong sub-type"
                        confusions[f"{g['sub_event_type']} <- {r.sub_event_type}"] += 1
            if cause is None and near:
                cause = "several wrong"
            if cause is None:
                sc = [c for c in cands if any(_hits(s, c["start"], c["end"]) for s in spans)]
                if not spans:
                    cause = "evidence not found"
                elif not sc:
                    cause = "no candidate"
                elif all(c["p"] < EVENT_THRESHOLD for c in sc):
                    cause = "model rejected"
                elif all(c["p"] < EVENT_THRESHOLD or c["status"] not in ("asserted", "hedged") for c in sc):
                    cause = "status rejected"
                else:
                    cause = "dropped later"
            fn_causes[cause] += 1
            detail = ""
            if cause == "wrong place":
                got = sorted({str(r.place_name) for r in near if ev.type_ok(r, g)})
                detail = f" | gold={g.get('location')} got={', '.join(got)}"
            elif cause == "several wrong":
                got = sorted({f"{r.sub_event_type}@{r.place_name} {r.date_begin}" for r in near})
                detail = f" | gold={g['sub_event_type']}@{g.get('location')} {g.get('date_begin')} got={'; '.join(got)}"
            if cause in ("no candidate", "model rejected", "status rejected", "dropped later"):
                sc = [c for c in cands if any(_hits(s, c["start"], c["end"]) for s in spans)]
                detail = " | " + "; ".join(f"{c['surface']}:{c['rule_sub']}->{c.get('arb_sub')} p={c['p']:.2f} "
                                           f"{c['status']}" for c in sc)
            examples.setdefault(cause, []).append(f"{doc} {g['id']} {g['sub_event_type']} :: "
                                                  f"{g['evidence'][:160]}{detail}")
        for r in preds:
            if id(r) in matched_reports:
                continue
            if any(ev.matches(r, g, coords) for g, _ in out.matched if g["doc"] == doc):
                continue
            same = [g for g in golds if any(_hits(s, *rspan(r)) for s in gspans[g["id"]])]
            cause = "no gold"
            for g in same:
                if not g.get("core"):
                    cause = "background" if cause == "no gold" else cause
                    continue
                gb, ge = ev._date(g.get("date_begin")), ev._date(g.get("date_end"))
                t_ok, p_ok = ev.type_ok(r, g), ev.place_ok(r, g, coords)
                d_ok = ev.overlap(r.date_begin, r.date_end, gb, ge)
                if p_ok and d_ok and not t_ok:
                    cause = "wrong sub-type"
                    fp_confusions[f"{g['sub_event_type']} <- {r.sub_event_type}"] += 1
                    break
                if t_ok:
                    cause = "wrong place/date"
                elif cause in ("no gold", "background"):
                    cause = "gold in sentence, other type+place/date"
            fp_causes[cause] += 1
            where = f" @{r.place_name}" if cause == "wrong place/date" else ""
            examples.setdefault("FP " + cause, []).append(f"{doc} {r.sub_event_type} [{r.status}]{where} :: "
                                                          f"{r.text[:160]}")
    print("FN causes:", sum(fn_causes.values()))
    for k, v in fn_causes.most_common():
        print(f"  {v:4d} {k}")
    print("FN sub-type confusions (gold <- reported):")
    for k, v in confusions.most_common():
        print(f"  {v:4d} {k}")
    print("FP causes:", sum(fp_causes.values()))
    for k, v in fp_causes.most_common():
        print(f"  {v:4d} {k}")
    print("FP sub-type confusions (gold <- reported):")
    for k, v in fp_confusions.most_common():
        print(f"  {v:4d} {k}")
    if verbose:
        for k, lines in sorted(examples.items()):
            print(f"\n== {k} ({len(lines)})")
            for line in lines:
                print("  " + line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    classify_misses(args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
