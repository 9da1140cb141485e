"""Near-duplicate search through band hashes in the store: the same decisions as the in-memory LSH,
without holding every signature, and for articles stored before the band table existed."""

from __future__ import annotations

import json
import random
from pathlib import Path

from sitrep.config import Settings
from sitrep.ingest.dedup import (
    _WORD,
    LSH_PARAMS,
    NearDuplicateIndex,
    lsh_params,
    normalise_text,
    shingle_hashes,
)
from sitrep.ingest.pipeline import ingest_paths, prepare
from sitrep.store import Store

WORDS = ("the army said rebels shelled town near border killing civilians while officials denied reports of an "
         "attack on the market and the hospital after talks failed in the capital during the night").split()


def corpus(path: Path, n: int = 160, seed: int = 3) -> Path:
    """Articles, a third of them copies of an earlier one with a few words changed (wire copy)."""
    rng = random.Random(seed)
    texts: list[str] = []
    for i in range(n):
        if texts and i % 3 == 0:
            words = rng.choice(texts).split()
            for _ in range(rng.choice((1, 2, 4, 12, 40))):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            texts.append(" ".join(words))
        else:
            texts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 160))) + f" Story {i}.")
    with path.open("w") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": f"n{i:03d}", "date": "2017-06-01", "text": t}) + "\n")
    return path


def in_memory_decisions(path: Path) -> dict[str, str | None]:
    """What the in-memory datasketch LSH decides, article by article in input order."""
    settings = Settings(process_events=False)
    articles, _ = prepare([path], settings)
    index = NearDuplicateIndex(settings.near_duplicate_threshold, settings.minhash_perm)
    out: dict[str, str | None] = {}
    for art in articles:
        mh = index.signature(art.text)
        dup = index.query(mh)
        if dup is None:
            index.add(art.article_id, mh)
        out[art.article_id] = dup
    return out


def stored_decisions(store: Store) -> dict[str, str | None]:
    return {r[0]: r[1] for r in store.conn.execute("SELECT article_id, duplicate_of FROM articles")}


def test_store_bands_decide_as_the_in_memory_lsh(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c.jsonl")
    want = in_memory_decisions(src)
    assert 10 < sum(v is not None for v in want.values()) < len(want) - 50  # copies found, and not everything
    store = Store(tmp_path / "s.db")
    ingest_paths([src], store, Settings(process_events=False))
    assert stored_decisions(store) == want
    kept = sum(v is None for v in want.values())
    assert store.conn.execute("SELECT COUNT(DISTINCT article_id) FROM near_dup_bands").fetchone()[0] == kept


def test_articles_stored_before_the_band_table_are_indexed_from_their_signatures(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c.jsonl", n=120, seed=5)
    lines = src.read_text().splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:60]) + "\n")
    second.write_text("\n".join(lines[60:]) + "\n")
    store = Store(tmp_path / "s.db")
    ingest_paths([first], store, Settings(process_events=False))
    with store.transaction():
        store.conn.execute("DELETE FROM near_dup_bands")  # as a store written before migration 011
    ingest_paths([second], store, Settings(process_events=False))
    assert stored_decisions(store) == in_memory_decisions(src)


def test_lsh_params_table_is_what_datasketch_computes() -> None:
    from datasketch.lsh import _optimal_param

    for (threshold, num_perm), params in LSH_PARAMS.items():
        assert _optimal_param(threshold, num_perm, 0.5, 0.5) == params
    assert lsh_params(0.7, 32) == _optimal_param(0.7, 32, 0.5, 0.5)  # not in the table: computed


def test_signature_is_datasketch_affine32_minhash() -> None:
    from datasketch import MinHash

    rng = random.Random(7)
    index = NearDuplicateIndex(0.8, 64)
    texts = ["", "one", "a b c d"] + [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 300)))
                                      for _ in range(40)]
    for text in texts:
        mh = MinHash(num_perm=64, hashfunc=int, scheme="affine32")
        mh.update_batch(shingle_hashes(_WORD.findall(normalise_text(text))).tolist())
        assert NearDuplicateIndex.serialise(index.signature(text)) == mh.hashvalues.astype("uint32").tobytes()
