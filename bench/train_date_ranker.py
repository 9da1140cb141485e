"""Train the timeline's date ranker on Timeline17-style topics, with leave-one-topic-out figures.

    python bench/train_date_ranker.py --dataset ../shared/dev/timeline17 [--write]

A logistic regression over the date features of ``sitrep.summaries.timeline`` (log counts scaled
per topic), label = the date is in the gold timeline, candidates = the dates the timeline would
rank under the T17 protocol. Cross-validation holds out each topic in turn: the ranker trained on
the others builds that topic's timeline, scored with ``bench/eval_timeline.py`` (date F1 and
alignment ROUGE). ``--write`` fits on all topics and writes ``sitrep/summaries/data/date_ranker.json``
with the CV figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval_timeline import Topic, evaluate, load_dataset, protocol_articles  # noqa: E402
from sitrep.summaries.timeline import FEATURES, RANKER_FILE, date_features, feature_matrix, prepare  # noqa: E402


def topic_rows(topic: Topic) -> tuple[list[list[float]], list[int]]:
    X: list[list[float]] = []
    y: list[int] = []
    for gold in topic.timelines:
        first, last = gold[0][0], gold[-1][0]
        query = [k.lower() for k in topic.keywords]
        feats = date_features(prepare(protocol_articles(topic, gold)), query)
        dates = sorted(d for d in feats if first <= d <= last and (feats[d][0] > 0 or feats[d][6] > 0))
        gold_dates = {d for d, _ in gold}
        X += feature_matrix(feats, dates)
        y += [int(d in gold_dates) for d in dates]
    return X, y


def fit(X: list[list[float]], y: list[int], c: float) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    clf.fit(X, y)
    return {"features": list(FEATURES), "weights": [round(float(w), 5) for w in clf.coef_[0]],
            "bias": round(float(clf.intercept_[0]), 5)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", type=Path, default=ROOT.parent / "shared" / "dev" / "timeline17")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--rouge", choices=["original", "reimpl"], default="original")
    ap.add_argument("--write", action="store_true", help="fit on all topics and write the shipped ranker")
    args = ap.parse_args(argv)
    topics = load_dataset(args.dataset)
    rows = {t.name: topic_rows(t) for t in topics}
    models = {}
    for t in topics:
        X = [x for n, (xs, _) in rows.items() if n != t.name for x in xs]
        y = [v for n, (_, ys) in rows.items() if n != t.name for v in ys]
        models[t.name] = fit(X, y, args.c)
        print(f"held out {t.name}: weights {models[t.name]['weights']} bias {models[t.name]['bias']}")
    print("leave-one-topic-out:")
    cv = evaluate(args.dataset, rouge=args.rouge, models=models)
    if args.write:
        X = [x for xs, _ in rows.values() for x in xs]
        y = [v for _, ys in rows.values() for v in ys]
        model = fit(X, y, args.c)
        model["trained_on"] = sorted(rows)
        model["c"] = args.c
        model["cv_leave_one_topic_out"] = {
            "ar1_f": round(cv["ar1_f"], 4), "ar2_f": round(cv["ar2_f"], 4), "date_f": round(cv["date_f"], 4),
            "per_topic": {r["topic"]: {k: round(r[k], 4) for k in ("ar1_f", "ar2_f", "date_f")}
                          for r in cv["per_timeline"]}}
        RANKER_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print("wrote", RANKER_FILE, model["weights"], model["bias"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
