"""Timeline summarisation on Timeline17-style topics, scored the way news-tls does (tilse).

    python bench/eval_timeline.py --dataset ../shared/dev/timeline17 --out /tmp/tl.jsonl [--check]

DATASET has one folder per topic with ``articles.jsonl`` or ``articles.jsonl.gz`` (``id``, ``time``
= publication date, ``text``), ``timelines.jsonl`` (one gold timeline per line, a list of
``[date, [sentence, ...]]``) and ``keywords.json`` (the topic's query terms). For each gold
timeline, sitrep builds a timeline with the field's standard protocol (news-tls, T17): the
keywords as query; the articles published between the gold's first and last date; as many dates
as the gold; round(mean gold sentences per date) sentences per date; dates within the gold's
first and last date. One line per timeline goes to OUT:
``{"topic": ..., "timeline": [[date, [sentences]], ...]}``.

Scores: alignment-based ROUGE-1/ROUGE-2 F1 ("align+ m:1",
``TimelineRougeEvaluator.evaluate_align_date_content_costs_many_to_one``) and date F1, per
timeline and over all timelines (precision and recall averaged, then F1, as news-tls does).
ROUGE is the original ROUGE-1.5.5 that tilse ships (Perl; needs XML::Parser, Debian
``libxml-parser-perl``); ``--rouge reimpl`` uses tilse's Python approximation instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import gate  # noqa: E402
from sitrep.summaries.timeline import SourceArticle, timeline_from_articles  # noqa: E402

STAGE = "timeline"
GATED = ("ar1_f", "ar2_f", "date_f")


@dataclass
class Topic:
    name: str
    articles: list[dict[str, Any]]
    timelines: list[list[tuple[dt.date, list[str]]]]
    keywords: list[str]


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


def load_dataset(root: Path) -> list[Topic]:
    if not root.is_dir():
        raise SystemExit(f"no dataset folder at {root}")
    topics = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        plain, packed = folder / "articles.jsonl", folder / "articles.jsonl.gz"
        if plain.exists():
            lines = plain.read_text(encoding="utf-8").splitlines()
        elif packed.exists():
            with gzip.open(packed, "rt", encoding="utf-8") as fh:
                lines = fh.read().splitlines()
        else:
            raise SystemExit(f"{folder}: no articles.jsonl(.gz)")
        articles = [json.loads(line) for line in lines if line.strip()]
        timelines = []
        for line in (folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                tl = [(_day(d), [str(s) for s in sents]) for d, sents in json.loads(line)]
                timelines.append(sorted(tl, key=lambda p: p[0]))
        kw_path = folder / "keywords.json"
        keywords = json.loads(kw_path.read_text(encoding="utf-8")) if kw_path.exists() else []
        topics.append(Topic(folder.name, articles, timelines, [str(k) for k in keywords]))
    if not topics:
        raise SystemExit(f"{root}: no topic folders")
    return topics


def protocol_articles(topic: Topic, gold: list[tuple[dt.date, list[str]]]) -> list[SourceArticle]:
    """The topic's articles published between the gold timeline's first and last date."""
    first, last = gold[0][0], gold[-1][0]
    return [SourceArticle(str(a["id"]), str(a["id"]), a["text"], _day(a["time"]))
            for a in topic.articles if first <= _day(a["time"]) <= last]


def predict(topic: Topic, gold: list[tuple[dt.date, list[str]]],
            model: dict[str, Any] | None = None) -> tuple[list[tuple[str, list[str]]], float]:
    """sitrep's timeline for one gold timeline under the T17 protocol; (timeline, seconds)."""
    first, last = gold[0][0], gold[-1][0]
    n_dates = len(gold)
    k = max(1, round(sum(len(s) for _, s in gold) / n_dates))
    arts = protocol_articles(topic, gold)
    t0 = time.perf_counter()
    tl = timeline_from_articles(arts, n_dates=n_dates, sentences_per_date=k, query=topic.keywords,
                                date_from=first, date_to=last, model=model)
    return tl.as_pairs(), time.perf_counter() - t0


def _prf(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(pred: list[tuple[str, list[str]]], gold: list[tuple[dt.date, list[str]]], evaluator: Any) -> dict[str, float]:
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline

    ref = TilseTimeline({d: list(s) for d, s in gold})
    sys_tl = TilseTimeline({_day(d): list(s) for d, s in pred})
    r = evaluator.evaluate_align_date_content_costs_many_to_one(sys_tl, GroundTruth([ref]))
    pd, gd = set(sys_tl.get_dates()), set(ref.get_dates())
    dp = len(pd & gd) / len(pd) if pd else 0.0
    dr = len(pd & gd) / len(gd) if gd else 0.0
    return {"ar1_p": r["rouge_1"]["precision"], "ar1_r": r["rouge_1"]["recall"], "ar1_f": r["rouge_1"]["f_score"],
            "ar2_p": r["rouge_2"]["precision"], "ar2_r": r["rouge_2"]["recall"], "ar2_f": r["rouge_2"]["f_score"],
            "date_p": dp, "date_r": dr, "date_f": _prf(dp, dr)}


def mean_scores(rows: list[dict[str, float]]) -> dict[str, float]:
    """news-tls's average: mean precision and recall, F1 of the means."""
    out: dict[str, float] = {}
    for m in ("ar1", "ar2", "date"):
        p = sum(r[f"{m}_p"] for r in rows) / len(rows)
        rc = sum(r[f"{m}_r"] for r in rows) / len(rows)
        out[f"{m}_p"], out[f"{m}_r"], out[f"{m}_f"] = p, rc, _prf(p, rc)
    return out


def evaluate(dataset: Path, out: Path | None = None, rouge: str = "original", verbose: bool = True,
             models: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """Score every gold timeline; ``models`` maps a topic to the date ranker to use for it (cross-validation)."""
    from tilse.evaluation import rouge as tilse_rouge

    evaluator = tilse_rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=rouge)
    topics = load_dataset(dataset)
    rows: list[dict[str, Any]] = []
    lines = []
    for topic in topics:
        for i, gold in enumerate(topic.timelines):
            pred, seconds = predict(topic, gold, (models or {}).get(topic.name))
            lines.append(json.dumps({"topic": topic.name, "timeline": [[d, s] for d, s in pred]}, ensure_ascii=False))
            s = score(pred, gold, evaluator)
            s.update(topic=topic.name if len(topic.timelines) == 1 else f"{topic.name}#{i}", seconds=seconds)
            rows.append(s)
            if verbose:
                print(f"{s['topic']:<24} AR-1 {s['ar1_f']:.3f}  AR-2 {s['ar2_f']:.3f}  date F1 {s['date_f']:.3f}"
                      f"  ({len(pred)} dates, {seconds:.1f} s)", flush=True)
    if out is not None:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mean = mean_scores(rows)
    if verbose:
        print(f"{'mean':<24} AR-1 {mean['ar1_f']:.3f}  AR-2 {mean['ar2_f']:.3f}  date F1 {mean['date_f']:.3f}")
    return {**mean, "timelines": len(rows), "per_timeline": rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", type=Path, default=ROOT.parent / "shared" / "dev" / "timeline17")
    ap.add_argument("--out", type=Path, default=None, help="write the predicted timelines here (JSON Lines)")
    ap.add_argument("--rouge", choices=["original", "reimpl"], default="original",
                    help="ROUGE-1.5.5 (Perl, the field's standard) or tilse's Python reimplementation")
    gate.add_arguments(ap)
    args = ap.parse_args(argv)
    result = evaluate(args.dataset, args.out, args.rouge)
    return gate.apply(STAGE, {k: round(result[k], 4) for k in GATED}, args)


if __name__ == "__main__":
    sys.exit(main())
