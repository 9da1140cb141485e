"""Score sitrep's event typing on a CASE 2021 task 2 file (id, EventSnippet, SubType).

    .venv/bin/python bench/eval_event_types.py [--data FILE.tsv] [--out PRED.tsv] [--cv K]
                                               [--check] [--update-baseline [--allow-lower]]

``--mode pipeline`` (the default) scores the decision the pipeline runs for a sentence's sub-type
(:func:`sitrep.events.subtype.decide`: the rules' sub-type of the snippet's first trigger, arbitrated
against the ``fast`` typing model by the shipped arbitration); ``fast``, ``auto`` and ``full`` score the
typing model alone (the pipeline does not run those on their own).

Without ``--cv`` the shipped models predict every snippet (the figure for a
held-out file). With ``--cv K`` the models are retrained K times
(``bench/train_event_types.py``, and for ``pipeline`` also ``bench/train_event_subtype.py`` on inner
out-of-fold typing probabilities; stratified folds, seeded) and each fold is
predicted by models that never saw it: the honest figure on the training file.

Printed: weighted and macro F1 over all rows (CASE sub-task 3) and over rows
whose gold label is one of the 25 ACLED types (sub-task 1; predictions may
still be any label), and snippets per second. The quality gate
(``--check`` / ``--update-baseline``) uses the cross-validated scores
(``--cv 5`` unless another K is given) of the modes the product runs: ``pipeline``, and ``fast``
(the typing model inside it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import gate  # noqa: E402
from bench.train_event_types import DEFAULT_DATA, FAST_PARAMS, SEED, embed, read_tsv, train  # noqa: E402
from sitrep.events import typing as et  # noqa: E402

STAGE = "event_types"
#: ``pipeline``: the sub-type decision the extractor runs (rules x fast typing model, sitrep/events/subtype.py).
ALL_MODES = ("pipeline", *et.MODES)
#: the modes the gate measures: what the product runs
GATED_MODES = ("pipeline", "fast")


def f1_scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    """Weighted and macro F1 over the labels present in ``gold`` (scikit-learn's definitions)."""
    labels = sorted(set(gold))
    f1s, supports = [], []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        supports.append(fn + tp)
    total = sum(supports)
    return {
        "weighted_f1": sum(f * s for f, s in zip(f1s, supports, strict=True)) / total if total else 0.0,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "accuracy": sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0,
    }


def score(gold: list[str], pred: list[str]) -> dict[str, float]:
    """Sub-task 3 (all rows) and sub-task 1 (rows with an ACLED gold label) scores."""
    out = {f"all_{k}": v for k, v in f1_scores(gold, pred).items()}
    keep = [i for i, g in enumerate(gold) if g in et.ACLED_LABELS]
    acled = f1_scores([gold[i] for i in keep], [pred[i] for i in keep])
    out.update({f"acled_{k}": v for k, v in acled.items()})
    return out


def stratified_folds(labels: list[str], k: int, seed: int) -> list[int]:
    """Fold number per row: each label's rows shuffled (seeded) and dealt round-robin."""
    rng = np.random.default_rng(seed)
    fold = [0] * len(labels)
    start = 0
    for lab in sorted(set(labels)):
        rows = [i for i, g in enumerate(labels) if g == lab]
        rng.shuffle(rows)
        for j, i in enumerate(rows):
            fold[i] = (start + j) % k
        start += len(rows)
    return fold


def cross_validate(texts: list[str], labels: list[str], k: int, modes: tuple[str, ...] = ("full",),
                   seed: int = SEED) -> dict[str, list[str]]:
    """Out-of-fold predictions per mode, from models trained on the other K-1 folds."""
    pred: dict[str, list[str]] = {}
    if "pipeline" in modes:
        from bench.train_event_subtype import cross_validate as cv_stack
        from bench.train_event_subtype import dev_extra, rule_sub

        # the shipped recipe: CASE training folds plus the news dev set's matched candidates
        out = cv_stack(texts, labels, [rule_sub(t) for t in texts], k, seed, extra=dev_extra())
        pred["pipeline"] = out["stack"]
        if "fast" in modes:
            pred["fast"] = out["typing"]  # the same folds and models as the fast branch below
    modes = tuple(m for m in modes if m not in pred)
    if not modes:
        return pred
    emb = embed(texts) if set(modes) - {"fast"} else None
    fold = stratified_folds(labels, k, seed)
    pred.update({mode: [""] * len(texts) for mode in modes})
    for f in range(k):
        tr = [i for i in range(len(texts)) if fold[i] != f]
        te = [i for i in range(len(texts)) if fold[i] == f]
        tr_texts, tr_labels = [texts[i] for i in tr], [labels[i] for i in tr]
        full = et.TypingModel.from_dict(train(tr_texts, tr_labels, emb[tr])) if emb is not None else None
        fast = et.TypingModel.from_dict(train(tr_texts, tr_labels, params=FAST_PARAMS)) \
            if set(modes) - {"full"} else None
        for mode in modes:
            out = et.predict([texts[i] for i in te], full or fast, fast, mode)  # type: ignore[arg-type]
            for i, (label, _) in zip(te, out, strict=True):
                pred[mode][i] = label
    return pred


def evaluate(data: Path, cv: int | None = None, modes: tuple[str, ...] = ("full",)
             ) -> tuple[list[str], list[str], dict[str, float]]:
    """(ids, predictions of the first mode, scores of every mode).

    Score names are prefixed ``cvK_`` when cross-validated and carry the mode
    (``fast_``, ``auto_``) unless it is ``full``.
    """
    ids, texts, gold = read_tsv(data)
    scores: dict[str, float] = {}
    t0 = time.perf_counter()
    if cv:
        preds = cross_validate(texts, gold, cv, modes)
    else:
        et.model()
        et.model(fast=True)
        preds = {}
        for mode in modes:
            t0 = time.perf_counter()
            if mode == "pipeline":
                from bench.train_event_subtype import rule_sub
                from sitrep.events import subtype

                preds[mode] = subtype.decide(texts, [rule_sub(t) for t in texts])
            else:
                preds[mode] = [label for label, _ in et.classify_many(texts, mode)]
            tag = "" if mode == "full" else f"{mode}_"
            scores[f"{tag}snippets_per_s"] = len(texts) / max(time.perf_counter() - t0, 1e-9)
    for mode in modes:
        tag = ("" if mode == "full" else f"{mode}_")
        if all(gold):
            scores.update({f"cv{cv}_{tag}{k}" if cv else f"{tag}{k}": v for k, v in score(gold, preds[mode]).items()})
    if cv:
        scores["cv_seconds"] = time.perf_counter() - t0
    return ids, preds[modes[0]], scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, help="write predictions here (id<TAB>SubType)")
    ap.add_argument("--cv", type=int, help="K-fold cross-validation on --data instead of the shipped model")
    ap.add_argument("--mode", choices=ALL_MODES, default="pipeline",
                    help="pipeline (the default): the sub-type decision the extractor runs; typing model alone: "
                         "auto (fast model, full model when unsure), full (embedding model on every snippet), "
                         "fast (no embedding)")
    gate.add_arguments(ap)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    gating = args.check or args.update_baseline
    cv = args.cv or (5 if gating else None)
    modes = (args.mode, *(m for m in GATED_MODES if m != args.mode)) if gating else (args.mode,)
    ids, pred, scores = evaluate(args.data, cv, modes)
    if args.out:
        args.out.write_text("id\tSubType\n" + "".join(f"{i}\t{p}\n" for i, p in zip(ids, pred, strict=True)))
    for name, value in scores.items():
        shown = f"{value:.1f}" if name.endswith(("_per_s", "_seconds")) else f"{100 * value:.1f}"
        print(f"{name:28s} {shown}")
    gated = {k: v for k, v in scores.items() if k.startswith("cv") and "f1" in k}
    return gate.apply(STAGE, gated, args)


if __name__ == "__main__":
    raise SystemExit(main())
