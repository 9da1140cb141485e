"""Temporal tagging on TimeML documents, scored the way the TempEval-3 scorer does (task A).

Usage: python bench/eval_time.py [--gold DIR] [--out OUTDIR] [--check] [--update-baseline [--allow-lower]]
                                 [--errors N]

For every ``.tml`` under DIR (default ../shared/dev/tempeval3, recursively): the text inside
``<TEXT>`` with every tag removed is tagged with ``sitrep.time.tag`` anchored at the DCT, and the
document is written to OUTDIR under the same file name with sitrep's ``<TIMEX3 tid type value>``
tags (the DCT element kept, EVENT/SIGNAL tags and links dropped), ready for the official
``TE3-evaluation.py GOLD_DIR OUTDIR``. Scores printed (micro over all documents): strict and
relaxed span P/R/F1; value F1 and type F1 = accuracy over relaxed-matched gold x relaxed F1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import gate  # noqa: E402
from sitrep.time import tag  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "dev" / "tempeval3"
_TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.S)
_TAG = re.compile(r"<[^>]+>")
_TIMEX_OPEN = re.compile(r"<TIMEX3\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})")
_LINKS = re.compile(r"^\s*<(?:MAKEINSTANCE|TLINK|SLINK|ALINK)\b[^\n]*\n?", re.M)


@dataclass
class Span:
    start: int
    end: int
    type: str
    value: str
    text: str


def parse(doc: str, name: str = "") -> tuple[str, list[Span], dt.date | None, re.Match[str]]:
    """Plain TEXT content (tags removed, entities kept) and the gold TIMEX3 spans in it."""
    m = _TEXT.search(doc)
    if m is None:
        raise ValueError("no <TEXT> element")
    raw = m.group(2)
    plain: list[str] = []
    spans: list[Span] = []
    open_: tuple[int, dict[str, str]] | None = None
    pos = 0
    length = 0
    for t in _TAG.finditer(raw):
        chunk = raw[pos:t.start()]
        plain.append(chunk)
        length += len(chunk)
        tag_s = t.group()
        if tag_s.startswith("<TIMEX3"):
            open_ = (length, dict(_ATTR.findall(tag_s)))
        elif tag_s.startswith("</TIMEX3") and open_ is not None:
            s0, attrs = open_
            spans.append(Span(s0, length, attrs.get("type", ""), attrs.get("value", ""), ""))
            open_ = None
        pos = t.end()
    plain.append(raw[pos:])
    text = "".join(plain)
    for sp in spans:
        sp.text = text[sp.start:sp.end]
    return text, spans, document_date(doc, name), m


def document_date(doc: str, name: str = "") -> dt.date | None:
    """The DCT value; failing that a yyyymmdd in the DOCID or file name; else None (relative values unresolved)."""
    dm = _DCT.search(doc)
    candidates = [dm.group(1).replace("-", "")] if dm else []
    docid = re.search(r"<DOCID>([^<]*)</DOCID>", doc)
    for s in ((docid.group(1) if docid else ""), name):
        candidates += re.findall(r"(?<!\d)((?:19|20)\d{6})(?!\d)", s)
    for c in candidates:
        try:
            return dt.date(int(c[:4]), int(c[4:6]), int(c[6:8]))
        except ValueError:
            continue
    return None


def render(doc: str, m: re.Match[str], text: str, spans: list[Span]) -> str:
    parts = []
    pos = 0
    for i, sp in enumerate(spans, start=1):
        parts.append(text[pos:sp.start])
        parts.append(f'<TIMEX3 tid="t{i}" type="{sp.type}" value="{html.escape(sp.value)}">'
                     f"{text[sp.start:sp.end]}</TIMEX3>")
        pos = sp.end
    parts.append(text[pos:])
    out = doc[:m.start(2)] + "".join(parts) + doc[m.end(2):]
    return _LINKS.sub("", out)


def system_spans(text: str, anchor: dt.date | None) -> list[Span]:
    return [Span(t.start, t.end, t.type, t.value, t.surface) for t in tag(text, anchor)]


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold_dir: Path, out_dir: Path | None, errors: int = 0) -> dict[str, float]:
    files = sorted(gold_dir.rglob("*.tml"))
    n_gold = n_sys = strict = rel_sys = rel_gold = val_ok = typ_ok = n_docs = 0
    words = 0
    elapsed = 0.0
    miss: list[str] = []
    for f in files:
        doc = f.read_text(encoding="utf-8")
        try:
            text, gold, dct, m = parse(doc, f.name)
        except ValueError as exc:
            print(f"skipped {f.name}: {exc}", file=sys.stderr)
            continue
        n_docs += 1
        t0 = time.perf_counter()
        sys_spans = system_spans(text, dct)
        elapsed += time.perf_counter() - t0
        words += len(text.split())
        if out_dir is not None:
            (out_dir / f.name).write_text(render(doc, m, text, sys_spans), encoding="utf-8")
        n_gold += len(gold)
        n_sys += len(sys_spans)
        for s in sys_spans:
            if any(g.start < s.end and s.start < g.end for g in gold):
                rel_sys += 1
            elif errors:
                miss.append(f"FP  {f.name}  {s.text!r} {s.type} {s.value}  | {ctx(text, s)}")
        for g in gold:
            hits = [s for s in sys_spans if g.start < s.end and s.start < g.end]
            if not hits:
                if errors:
                    miss.append(f"FN  {f.name}  {g.text!r} {g.type} {g.value}  | {ctx(text, g)}")
                continue
            rel_gold += 1
            s = hits[0]
            strict += any(h.start == g.start and h.end == g.end for h in hits)
            val_ok += s.value == g.value
            typ_ok += s.type == g.type
            if errors and s.value != g.value:
                miss.append(f"VAL {f.name}  {g.text!r} gold {g.type} {g.value} sys {s.text!r} {s.type} {s.value}  "
                            f"dct {dct} | {ctx(text, g)}")
            elif errors and not (s.start == g.start and s.end == g.end):
                miss.append(f"SPAN {f.name}  gold {g.text!r} sys {s.text!r}")
    sp, sr, sf = prf(strict, n_sys, strict, n_gold)
    rp, rr, rf = prf(rel_sys, n_sys, rel_gold, n_gold)
    vacc = val_ok / rel_gold if rel_gold else 0.0
    tacc = typ_ok / rel_gold if rel_gold else 0.0
    for line in miss[:errors]:
        print(line)
    words_per_s = speed([parse(f.read_text(encoding="utf-8"), f.name) for f in files if "<TEXT>" in f.read_text(encoding="utf-8")])
    return {
        "strict_p": sp, "strict_r": sr, "strict_f1": sf, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "value_f1": vacc * rf, "type_f1": tacc * rf, "value_acc": vacc, "docs": n_docs, "gold": n_gold,
        "system": n_sys, "words": words, "words_per_s": max(words_per_s, words / elapsed if elapsed else 0.0),
    }


def speed(docs: list[tuple[str, list[Span], dt.date | None, re.Match[str]]], repeats: int = 3) -> float:
    """Words per second of ``tag`` alone, best of ``repeats`` passes (the machine may be shared)."""
    words = sum(len(d[0].split()) for d in docs)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for text, _gold, dct, _m in docs:
            tag(text, dct)
        best = min(best, time.perf_counter() - t0)
    return words / best if best else 0.0


def ctx(text: str, s: Span) -> str:
    return " ".join(text[max(0, s.start - 60):s.end + 40].split())


GATED = ("value_f1", "relaxed_f1", "strict_f1")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT)
    ap.add_argument("--out", type=Path, default=None, help="write system .tml files here")
    ap.add_argument("--check", action="store_true", help="exit 1 if a gated score regressed")
    ap.add_argument("--update-baseline", action="store_true")
    ap.add_argument("--allow-lower", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses (FN/FP/VAL/SPAN)")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"no gold data at {args.gold}", file=sys.stderr)
        return 2
    out = args.out
    if out is None:
        out = Path(tempfile.mkdtemp(prefix="sitrep-time-"))
    out.mkdir(parents=True, exist_ok=True)
    s = evaluate(args.gold, out, args.errors)
    print(f"docs {s['docs']}  gold timexes {s['gold']}  system {s['system']}  output {out}")
    print(f"{'':10}{'P':>8}{'R':>8}{'F1':>8}")
    print(f"{'strict':10}{100 * s['strict_p']:8.2f}{100 * s['strict_r']:8.2f}{100 * s['strict_f1']:8.2f}")
    print(f"{'relaxed':10}{100 * s['relaxed_p']:8.2f}{100 * s['relaxed_r']:8.2f}{100 * s['relaxed_f1']:8.2f}")
    print(f"value F1 {100 * s['value_f1']:.2f} (accuracy {100 * s['value_acc']:.2f})  type F1 {100 * s['type_f1']:.2f}")
    print(f"speed {s['words_per_s']:,.0f} words/s ({s['words']:,} words)")
    scores = {k: round(s[k], 4) for k in GATED}
    if args.update_baseline:
        print("baseline:", gate.update("time", scores, allow_lower=args.allow_lower))
    if args.check:
        problems = gate.check("time", scores)
        for p in problems:
            print("REGRESSION", p, file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
