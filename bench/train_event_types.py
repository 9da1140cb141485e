"""Train the shipped event typing model from a CASE 2021 task 2 TSV.

    .venv/bin/python bench/train_event_types.py [--data ../shared/dev/case2021/dev.tsv]

Writes ``sitrep/events/typing_data/event_types_model.json.gz``. Deterministic:
the solver is seeded and the features do not depend on row order. Also used by
``bench/eval_event_types.py --cv K`` (train on K-1 folds, predict the last).
Needs scikit-learn (a development dependency, not a run-time one).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np

from sitrep.events import typing as et
from sitrep.events import typing_embed, typing_rules
from sitrep.events.typing_features import fit_vocabulary

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "dev" / "case2021" / "dev.tsv"

# Hyper-parameters chosen by 5-fold cross-validation on the dev half (cue weight 0.25 for both
# models: CV5 full 84.3 vs 83.0 ACLED weighted F1 at 0.5, 80.8 at 0.125).
PARAMS = {"C": 100.0, "min_df": 2, "cue_weight": 0.25, "embed_weight": 1.0, "class_weight": "balanced",
          "seed_weight": 0.5, "tol": 1e-3}
#: The fast model: same features without the sentence embedding.
FAST_PARAMS = {"use_embedding": False, "cue_weight": 0.25, "seed_weight": 1.0}
SEEDS = ROOT / "sitrep" / "events" / "typing_data" / "seed_examples.tsv"
SEED = 20261129


def read_tsv(path: Path) -> tuple[list[str], list[str], list[str]]:
    """(ids, snippets, labels) of a CASE task 2 file; labels empty when the file has none."""
    ids, texts, labels = [], [], []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        col = {name: i for i, name in enumerate(header)}
        for row in reader:
            if not row:
                continue
            ids.append(row[col["id"]])
            texts.append(row[col["EventSnippet"]])
            labels.append(row[col["SubType"]] if "SubType" in col and len(row) > col["SubType"] else "")
    return ids, texts, labels


def read_seeds(path: Path = SEEDS) -> tuple[list[str], list[str]]:
    """Hand-written example sentences per label (from ACLED's codebook definitions)."""
    texts, labels = [], []
    with path.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            if line.strip():
                label, text = line.rstrip("\n").split("\t")
                texts.append(text)
                labels.append(label)
    return texts, labels


def embed(texts: list[str]) -> np.ndarray:
    return typing_embed.encoder().encode(texts)


@lru_cache(maxsize=1)
def _seed_embeddings() -> np.ndarray:
    return embed(read_seeds()[0])


def train(texts: list[str], labels: list[str], embeddings: np.ndarray | None = None,
          params: dict | None = None) -> dict:
    """Fit the model; returns the JSON-able dict that :class:`TypingModel` loads."""
    from sklearn.linear_model import LogisticRegression

    p = {**PARAMS, **(params or {})}
    use_embedding = bool(p.get("use_embedding", True))
    if embeddings is None:
        embeddings = embed(texts) if use_embedding else np.zeros((len(texts), 0), dtype=np.float32)
    weights = [1.0] * len(texts)
    if p["seed_weight"] > 0:
        seed_texts, seed_labels = read_seeds()
        seed_emb = _seed_embeddings() if use_embedding else np.zeros((len(seed_texts), 0), dtype=np.float32)
        embeddings = np.vstack([embeddings, seed_emb])
        texts, labels = [*texts, *seed_texts], [*labels, *seed_labels]
        weights += [float(p["seed_weight"])] * len(seed_texts)
    vocab, idf = fit_vocabulary(texts, min_df=int(p["min_df"]))
    index = {t: i for i, t in enumerate(vocab)}
    x = et.build_features(texts, index, np.asarray(idf, dtype=np.float32), p["cue_weight"],
                          p["embed_weight"], embeddings if use_embedding else None)
    clf = LogisticRegression(C=p["C"], max_iter=5000, tol=p["tol"], class_weight=p["class_weight"], random_state=SEED)
    clf.fit(x.astype(np.float64), labels, sample_weight=np.asarray(weights))
    return {
        "version": et.STAGE_VERSION,
        "embed_version": typing_embed.EMBED_VERSION,
        "rules_version": typing_rules.RULES_VERSION,
        "params": p,
        "labels": [str(c) for c in clf.classes_],
        "vocab": vocab,
        "idf": [round(v, 5) for v in idf],
        "cue_names": [name for name, _, _ in typing_rules.CUES],
        "cue_weight": p["cue_weight"],
        "embed_weight": p["embed_weight"],
        "use_embedding": use_embedding,
        "coef": [[round(float(v), 5) for v in row] for row in clf.coef_],
        "intercept": [round(float(v), 5) for v in clf.intercept_],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=et.MODEL_PATH)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no training data at {args.data}", file=sys.stderr)
        return 2
    _, texts, labels = read_tsv(args.data)
    for out, params in ((args.out, {}), (args.out.with_name(et.FAST_MODEL_PATH.name), FAST_PARAMS)):
        data = train(texts, labels, params=params)
        out.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
            json.dump(data, fh, separators=(",", ":"))
        print(f"trained on {len(texts)} snippets, {len(data['labels'])} labels, "
              f"{len(data['vocab'])} terms -> {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
