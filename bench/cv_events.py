"""Cross-validated dev-set event scores: the mention model retrained without each fold's dev articles.

The shipped mention model is trained on the dev set, so ``bench/eval_events.py`` on the dev set is in-sample
for it. Here the dev articles are split into ``--folds`` folds (alternating in sorted id order, so both outlets
are in every fold); for each fold the model is retrained by ``bench/train_event_mentions.py``'s own code on
all its training data except that fold's dev rows, and the whole extractor is run on the fold's articles with
it. The scores are the scorer's (``bench/eval_events.py``), summed over folds.

    PYTHONPATH=$PWD python bench/cv_events.py [--folds 2] [--work /tmp/sitrep-cv-events]

Slow (about 2 minutes to parse the training data, 1.5 minutes per fold model, then one dev run); the parsed
rows and fold models are kept in ``--work`` and reused when present (delete it after a change to training).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import eval_events as ev  # noqa: E402


def _fold_models(work: Path, folds: int, fold_of: dict[str, int]) -> list[Any]:
    import numpy as np
    import train_event_mentions as train

    from sitrep.events import mentions

    cache = work / "rows.pkl"
    if cache.exists():
        with cache.open("rb") as fh:
            rows, blocks = pickle.load(fh)
    else:
        np.random.seed(train.SEED)
        rows = train.load_rows()
        blocks = train.featurise(rows)
        with cache.open("wb") as fh:
            pickle.dump((rows, blocks), fh)
    models = []
    for k in range(folds):
        out = work / f"fold{k}"
        if not (out / mentions.MODEL_PATH.name).exists():
            keep = [i for i, r in enumerate(rows) if not (r.source == "dev" and fold_of.get(r.group) == k)]
            train.export([rows[i] for i in keep], [blocks[i] for i in keep], out, {}, float(mentions.EVENT_THRESHOLD))
        models.append(mentions.read_model(out / mentions.MODEL_PATH.name, out / mentions.MANIFEST_PATH.name))
    return models


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--work", type=Path, default=Path("/tmp/sitrep-cv-events"))
    args = ap.parse_args(argv)
    import sitrep.events.analyse as analyse
    import sitrep.events.extract as extract

    t0 = time.perf_counter()
    args.work.mkdir(parents=True, exist_ok=True)
    gold = ev.read_gold(ev.DEFAULT_GOLD)
    docs = sorted({g["doc"] for g in gold})
    fold_of = {d: i % args.folds for i, d in enumerate(docs)}
    models = _fold_models(args.work, args.folds, fold_of)
    articles = ev.load_articles(ev.DEFAULT_ARTICLES)
    coords = ev.GoldCoords()
    out = ev.Scored()
    for k, model in enumerate(models):
        analyse.load_model = extract.load_model = lambda m=model: m  # type: ignore[assignment,misc]
        for a in articles:
            d = ev.doc_id(a, docs)
            if fold_of.get(d) == k:
                ev.score_doc(d, analyse.analyse_article(a).reports, [g for g in gold if g["doc"] == d], coords, out)
    per: dict[str, ev.Counts] = {}
    for d, c in out.by_doc.items():
        per.setdefault(ev.outlet_of(d), ev.Counts()).add(c)
    p, r, f1 = out.counts.prf()
    print(f"{args.folds}-fold cross-validated dev core events: P {p:.3f} R {r:.3f} F1 {f1:.3f} {vars(out.counts)}")
    for o, c in sorted(per.items()):
        print(f"  {o:<10} F1 {c.prf()[2]:.3f} {vars(c)}")
    print(f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
