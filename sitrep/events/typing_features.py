"""Bag-of-words features for event typing (a small, dependency-free TF-IDF).

The same code builds the vocabulary at training time
(``bench/train_event_types.py``) and the vectors at run time, so the two can
never drift apart. Tokens: lower-cased words of two or more characters;
terms: unigrams and bigrams; weights: ``1 + log(tf)`` times smoothed idf,
then L2-normalised (scikit-learn's ``sublinear_tf`` + ``smooth_idf``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

_TOKEN = re.compile(r"\b\w\w+\b")


def terms(text: str) -> list[str]:
    """Unigrams and bigrams of ``text`` (lower-cased; digits folded to 0)."""
    toks = _TOKEN.findall(re.sub(r"\d", "0", text.lower()))
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


def fit_vocabulary(texts: Iterable[str], min_df: int = 2) -> tuple[list[str], list[float]]:
    """Terms seen in at least ``min_df`` texts, sorted, with their smoothed idf."""
    df: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        df.update(set(terms(text)))
    vocab = sorted(t for t, c in df.items() if c >= min_df)
    idf = [math.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab]
    return vocab, idf


def tfidf(texts: Sequence[str], index: Mapping[str, int], idf: np.ndarray) -> np.ndarray:
    """Dense TF-IDF matrix (len(texts), len(index)), rows L2-normalised."""
    out = np.zeros((len(texts), len(index)), dtype=np.float32)
    for r, text in enumerate(texts):
        counts = Counter(t for t in terms(text) if t in index)
        for term, c in counts.items():
            j = index[term]
            out[r, j] = (1.0 + math.log(c)) * idf[j]
        norm = float(np.linalg.norm(out[r]))
        if norm > 0:
            out[r] /= norm
    return out
