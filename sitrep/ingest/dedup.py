"""Content-hash ids and MinHash near-duplicate detection.

``article_id`` is the SHA-1 of the normalised clean text (NFKC, casefolded,
whitespace collapsed), so the same article ingested twice gets the same id and
is stored once. Near-duplicates (the same wire story on several sites) are found
with MinHash over word 5-shingles and an LSH index (datasketch); the later copy
keeps its row, with ``duplicate_of`` pointing at the first one stored.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

STAGE_VERSION = "sitrep.dedup.v1"
_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5
SCHEME = "affine32"  # datasketch 2.x permutation scheme; stored signatures depend on it


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def content_id(text: str) -> str:
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:16]


class NearDuplicateIndex:
    """MinHash LSH over the articles kept so far."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 64) -> None:
        from datasketch import MinHashLSH

        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)

    def signature(self, text: str):  # -> datasketch.MinHash
        from datasketch import MinHash

        words = _WORD.findall(normalise_text(text))
        if len(words) < SHINGLE:
            shingles = [" ".join(words).encode("utf-8")]
        else:
            shingles = [" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]
        mh = MinHash(num_perm=self.num_perm, scheme=SCHEME)
        mh.update_batch(shingles)
        return mh

    def query(self, mh) -> str | None:
        """The id of a kept article this one nearly duplicates, if any (deterministic: smallest id)."""
        hits = self.lsh.query(mh)
        return min(hits) if hits else None

    def add(self, article_id: str, mh) -> None:
        if article_id not in self.lsh.keys:
            self.lsh.insert(article_id, mh)

    def add_serialised(self, article_id: str, blob: bytes) -> None:
        from datasketch import MinHash

        values = np.frombuffer(blob, dtype=np.uint32)
        if len(values) == self.num_perm:
            self.add(article_id, MinHash(num_perm=self.num_perm, hashvalues=values, scheme=SCHEME))

    @staticmethod
    def serialise(mh) -> bytes:
        return np.asarray(mh.hashvalues).astype(np.uint32).tobytes()
