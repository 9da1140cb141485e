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


def fit(X: list[list[float]], y: list[int], c: float, use: set[str] | None = None) -> dict[str, Any]:
    """Logistic regression on the features in ``use`` (all by default); the others get weight 0."""
    from sklearn.linear_model import LogisticRegression

    cols = [i for i, f in enumerate(FEATURES) if use is None or f in use]
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    clf.fit([[x[i] for i in cols] for x in X], y)
    weights = [0.0] * len(FEATURES)
    for i, w in zip(cols, clf.coef_[0], strict=True):
        weights[i] = round(float(w), 5)
    return {"features": list(FEATURES), "weights": weights, "bias": round(float(clf.intercept_[0]), 5)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", type=Path, default=ROOT.parent / "shared" / "dev" / "timeline17")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--rouge", choices=["original", "reimpl"], default="original")
    ap.add_argument("--write", action="store_true", help="fit on all topics and write the shipped ranker")
    ap.add_argument("--features", default=None, help="comma-separated subset of the features to use (default: all)")
    args = ap.parse_args(argv)
    use = set(args.features.split(",")) if args.features else None
    if use and not use <= set(FEATURES):
        ap.error(f"unknown features {sorted(use - set(FEATURES))}; known: {', '.join(FEATURES)}")
    topics = load_dataset(args.dataset)
    rows = {t.name: topic_rows(t) for t in topics}
    models = {}
    for t in topics:
        X = [x for n, (xs, _) in rows.items() if n != t.name for x in xs]
        y = [v for n, (_, ys) in rows.items() if n != t.name for v in ys]
        models[t.name] = fit(X, y, args.c, use)
        print(f"held out {t.name}: weights {models[t.name]['weights']} bias {models[t.name]['bias']}")
    print("leave-one-topic-out:")
    cv = evaluate(args.dataset, rouge=args.rouge, models=models)
    if args.write:
        X = [x for xs, _ in rows.values() for x in xs]
        y = [v for _, ys in rows.values() for v in ys]
        model = fit(X, y, args.c, use)
        model["trained_on"] = sorted(rows)
        model["c"] = args.c
        model["used"] = sorted(use) if use else list(FEATURES)
        model["cv_leave_one_topic_out"] = {
            "ar1_f": round(cv["ar1_f"], 4), "ar2_f": round(cv["ar2_f"], 4), "date_f": round(cv["date_f"], 4),
            "per_topic": {r["topic"]: {k: round(r[k], 4) for k in ("ar1_f", "ar2_f", "date_f")}
                          for r in cv["per_timeline"]}}
        RANKER_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print("wrote", RANKER_FILE, model["weights"], model["bias"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
