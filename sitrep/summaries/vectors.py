"""Bag-of-words TF-IDF vectors for sentences, as sparse dicts (no scikit-learn at run time).

Lower-cased word tokens minus English function words; smoothed idf ``ln((1+N)/(1+df)) + 1`` and
L2-normalised rows, as scikit-learn's ``TfidfVectorizer`` does by default, so cosine similarity is a
dot product.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

Vector = dict[int, float]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Function words and reporting fillers that carry no topic (close to the usual English stop lists).
STOPWORDS = frozenset("""
a about above after again against all almost also although am among an and another any are around as at
be became because become been before being below between both but by can cannot could did do does doing
down during each either else even ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less like made make many may
me might more most much must my myself neither no nor not now of off often on once one only or other
others otherwise our ours ourselves out over own per perhaps rather same she should since so some still
such than that the their theirs them themselves then there therefore these they this those though through
thus to too under until up upon us very via was we well were what whatever when where whether which while
who whom whose why will with within without would yet you your yours yourself yourselves s t ll ve re d m
said says say told lrb rrb lsb rsb mr mrs ms
""".split())


def tokens(text: str) -> list[str]:
    """Content words of ``text``, lower-cased."""
    return [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in STOPWORDS and not w.isdigit()]


class Vectorizer:
    """TF-IDF over a fixed collection of texts (the sentences of one topic)."""

    def __init__(self, docs: Iterable[Sequence[str]]) -> None:
        self.vocab: dict[str, int] = {}
        df: Counter[int] = Counter()
        n = 0
        for toks in docs:
            n += 1
            ids = set()
            for t in toks:
                i = self.vocab.get(t)
                if i is None:
                    i = self.vocab[t] = len(self.vocab)
                ids.add(i)
            df.update(ids)
        self.n_docs = n
        self.idf = [0.0] * len(self.vocab)
        for i, c in df.items():
            self.idf[i] = math.log((1 + n) / (1 + c)) + 1.0

    def transform(self, toks: Sequence[str]) -> Vector:
        counts: Counter[int] = Counter()
        for t in toks:
            i = self.vocab.get(t)
            if i is not None:
                counts[i] += 1
        vec = {i: c * self.idf[i] for i, c in counts.items()}
        return normalise(vec)


def normalise(vec: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {i: v / norm for i, v in vec.items()} if norm > 0 else {}


def dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(i, 0.0) for i, v in a.items())


def add_into(acc: dict[int, float], vec: Vector, weight: float = 1.0) -> None:
    for i, v in vec.items():
        acc[i] = acc.get(i, 0.0) + weight * v
