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
import zlib

import numpy as np

STAGE_VERSION = "sitrep.dedup.v2"
_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5
SCHEME = (
    "affine32"  # datasketch 2.x permutation scheme; with crc32 shingle hashes, stored signatures depend on it
)


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
        self._permutations = None  # computed once, reused by every signature

    def _new(self, hashvalues=None):  # -> datasketch.MinHash
        from datasketch import MinHash

        mh = MinHash(
            num_perm=self.num_perm,
            hashfunc=int,
            scheme=SCHEME,
            permutations=self._permutations,
            hashvalues=hashvalues,
        )
        self._permutations = mh.permutations
        return mh

    def signature(self, text: str):  # -> datasketch.MinHash
        words = _WORD.findall(normalise_text(text))
        mh = self._new()
        mh.update_batch(shingle_hashes(words).tolist())
        return mh

    def query(self, mh) -> str | None:
        """The id of a kept article this one nearly duplicates, if any (deterministic: smallest id)."""
        hits = self.lsh.query(mh)
        return min(hits) if hits else None

    def add(self, article_id: str, mh) -> None:
        if article_id not in self.lsh.keys:
            self.lsh.insert(article_id, mh)

    def add_serialised(self, article_id: str, blob: bytes) -> None:
        values = np.frombuffer(blob, dtype=np.uint32)
        if len(values) == self.num_perm:
            self.add(article_id, self._new(hashvalues=values))

    @staticmethod
    def serialise(mh) -> bytes:
        return np.asarray(mh.hashvalues).astype(np.uint32).tobytes()


class StoreNearDuplicateIndex(NearDuplicateIndex):
    """The same decisions as the in-memory LSH, with the band hashes of the kept articles in the store
    (table ``near_dup_bands``) instead of every MinHash in memory: a new article asks the store for the
    articles sharing one of its bands (what ``MinHashLSH.query`` returns), so memory does not grow with
    the corpus. Articles stored before the table existed are indexed from their stored signatures."""

    def __init__(self, store, threshold: float = 0.8, num_perm: int = 64) -> None:  # store: sitrep.store.Store
        super().__init__(threshold, num_perm)
        self.store = store
        self.store.index_near_duplicate_bands(self.bands_of_blob)

    def bands(self, hashvalues) -> list[bytes]:
        """The LSH band keys of a signature (datasketch's bands: equal bytes = same bucket)."""
        values = np.asarray(hashvalues).astype(np.uint32)
        return [values[start:end].tobytes() for start, end in self.lsh.hashranges]

    def bands_of_blob(self, blob: bytes) -> list[bytes]:
        values = np.frombuffer(blob, dtype=np.uint32)
        return self.bands(values) if len(values) == self.num_perm else []

    def query(self, mh) -> str | None:
        hits = self.store.near_duplicate_candidates(self.bands(mh.hashvalues))
        return min(hits) if hits else None

    def add(self, article_id: str, mh) -> None:
        self.store.add_near_duplicate_bands(article_id, self.bands(mh.hashvalues))


_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1], dtype=np.uint64)


def shingle_hashes(words: list[str]) -> np.ndarray:
    """32-bit hashes of the word 5-shingles: crc32 per word, mixed positionally in numpy."""
    if not words:
        return np.zeros(1, dtype=np.uint64)
    w = np.fromiter((zlib.crc32(x.encode("utf-8")) for x in words), dtype=np.uint64, count=len(words))
    k = min(SHINGLE, len(w))
    n = len(w) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(k):
        acc = (acc ^ (w[i : i + n] * _MIX[i])) & np.uint64(0xFFFFFFFF)
    return np.unique(acc)
