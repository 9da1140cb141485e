"""Content-hash ids and MinHash near-duplicate detection.

``article_id`` is the SHA-1 of the normalised clean text (NFKC, casefolded,
whitespace collapsed), so the same article ingested twice gets the same id and
is stored once. Near-duplicates (the same wire story on several sites) are found
with MinHash over word 5-shingles and an LSH index; the later copy keeps its row,
with ``duplicate_of`` pointing at the first one stored. Signatures and bands are
datasketch's (affine32 scheme), computed here in numpy: importing datasketch pulls
in scipy (~0.6 s per run), so only the in-memory index imports it, on first use.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from typing import Any

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


# The LSH's (bands, rows) for a (threshold, permutations) pair: what datasketch's ``MinHashLSH`` computes for it
# (``datasketch.lsh._optimal_param`` with equal weights, ``tests/test_dedup_store.py`` checks the table). Known
# pairs are looked up: computing one integrates with scipy, whose import alone costs ~0.6 s of every ingest.
LSH_PARAMS = {(0.8, 64): (5, 11)}
# datasketch's affine32 scheme: the MurmurHash3 32-bit finalizer's constants (shift, multiplier, shift, ...)
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_SEED = 1  # datasketch's default permutation seed


def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) of the LSH index for this threshold and number of permutations."""
    known = LSH_PARAMS.get((threshold, num_perm))
    if known is not None:
        return known
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)  # type: ignore[no-any-return]


def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations ``h -> a * h + b`` (mod 2**32) of datasketch's affine32 scheme, seed 1."""
    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


@dataclass(frozen=True)
class Signature:
    """A text's MinHash: one uint32 minimum per permutation (datasketch's ``MinHash.hashvalues``)."""

    hashvalues: np.ndarray


def _minhash(hashes: np.ndarray, perms: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """datasketch ``MinHash(scheme="affine32", hashfunc=int).update_batch(hashes)``: each input hash pre-mixed
    with the finalizer, then the minimum of every affine permutation (uint32 arithmetic wraps: mod 2**32)."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hashes.astype(np.uint32).reshape(-1, 1)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = perms
    return (hv * a + b).min(axis=0)  # type: ignore[no-any-return]


class NearDuplicateIndex:
    """MinHash LSH over the articles kept so far (datasketch's in-memory index, made on first use)."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 64) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        bands, rows = lsh_params(threshold, num_perm)
        self.hashranges = [(i * rows, (i + 1) * rows) for i in range(bands)]
        self._permutations = permutations(num_perm)  # computed once, reused by every signature
        self._lsh: Any = None

    @property
    def lsh(self) -> Any:  # datasketch.MinHashLSH
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        return self._lsh

    def _datasketch(self, sig: Signature) -> Any:  # -> datasketch.MinHash
        from datasketch import MinHash

        return MinHash(num_perm=self.num_perm, hashfunc=int, scheme=SCHEME, permutations=np.array(self._permutations),
                       hashvalues=sig.hashvalues)

    def signature(self, text: str) -> Signature:
        words = _WORD.findall(normalise_text(text))
        return Signature(_minhash(shingle_hashes(words), self._permutations))

    def query(self, mh: Signature) -> str | None:
        """The id of a kept article this one nearly duplicates, if any (deterministic: smallest id)."""
        hits = self.lsh.query(self._datasketch(mh))
        return min(hits) if hits else None

    def add(self, article_id: str, mh: Signature) -> None:
        if article_id not in self.lsh.keys:
            self.lsh.insert(article_id, self._datasketch(mh))

    def add_serialised(self, article_id: str, blob: bytes) -> None:
        values = np.frombuffer(blob, dtype=np.uint32)
        if len(values) == self.num_perm:
            self.add(article_id, Signature(values))

    @staticmethod
    def serialise(mh: Signature) -> bytes:
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
        return [values[start:end].tobytes() for start, end in self.hashranges]

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
