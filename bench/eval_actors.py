"""Actors and sources against the seeds gold, and speed on Timeline17.

    python bench/eval_actors.py [--data DIR] [--gold FILE] [--check] [--update-baseline [--allow-lower]]
                                [--speed [--timeline17 DIR]]

For every gold row of ``gold.jsonl`` the evidence snippet is located in its
article (``--data``, default examples/raqqa) and the sentence holding it is
found with ``sitrep.text.split_sentences``.

* ``actors_recall``: share of gold (row, actor) pairs, actor1 and actor2 split
  on "; ", whose canonical name is among ``find_actors`` on the sentence, the
  two before it or the one after it (the actor of a clause is often named in
  an adjacent sentence: "The SDF, ... said. They captured ...").
* ``sources_recall``: share of gold (row, source) pairs (``attributed_to``
  split on "; ") returned for the evidence sentence by ``resolve_sources``
  over the article's sentences ("It said ...", "the press release said" are
  resolved to the source named earlier).
* ``sources_recall_sentence``: the same with ``find_sources`` on the evidence
  sentence alone.

``--speed`` times ``find_actors`` + ``find_sources`` over whole articles of
``../shared/dev/timeline17/*/articles.jsonl.gz`` (one core; best CPU time of 3 runs).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import gate  # noqa: E402
from sitrep.actors import find_actors, find_sources, resolve_sources  # noqa: E402
from sitrep.text import split_sentences  # noqa: E402

STAGE = "actors"
SHARED = ROOT.parent / "shared"
DEFAULT_DATA = ROOT / "examples" / "raqqa"
DEFAULT_GOLD = SHARED / "samples" / "raqqa-seeds" / "gold.jsonl"
DEFAULT_T17 = SHARED / "dev" / "timeline17"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _locate(sentences: list[str], evidence: str) -> int | None:
    needle = _squash(evidence)
    for i, s in enumerate(sentences):
        if needle in _squash(s):
            return i
    head = needle[:40]
    for i, s in enumerate(sentences):
        if head in _squash(s):
            return i
    return None


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def evaluate(data: Path, gold_path: Path, verbose: bool = False) -> dict[str, float]:
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs: dict[str, tuple[list[str], list[set[str]], list[set[str]], list[set[str]]]] = {}
    actor_pairs: set[tuple[str, str, str]] = set()
    actor_hits: set[tuple[str, str, str]] = set()
    source_pairs: set[tuple[str, str, str]] = set()
    source_hits: set[tuple[str, str, str]] = set()
    source_hits_sentence: set[tuple[str, str, str]] = set()
    for row in rows:
        doc = row["doc"]
        if doc not in docs:
            text = (data / doc).read_text(encoding="utf-8")
            sents = [s.text for s in split_sentences(doc, text)]
            actors = [{a.name for a in find_actors(s)} for s in sents]
            resolved = [{x.name for x in found} for found in resolve_sources(sents)]
            alone = [{x.name for x in find_sources(s)} for s in sents]
            docs[doc] = (sents, actors, resolved, alone)
        sents, actors, resolved, alone = docs[doc]
        i = _locate(sents, row["evidence"])
        key = (doc, row["evidence"])
        for name in _split(row.get("actor1")) + _split(row.get("actor2")):
            actor_pairs.add((*key, name))
            if i is not None and any(name in actors[j] for j in range(max(i - 2, 0), min(i + 2, len(sents)))):
                actor_hits.add((*key, name))
            elif verbose:
                print(f"actor miss: {name!r} | {row['evidence'][:80]!r}")
        for name in _split(row.get("attributed_to")):
            source_pairs.add((*key, name))
            if i is not None and name in resolved[i]:
                source_hits.add((*key, name))
            elif verbose:
                print(f"source miss: {name!r} | {row['evidence'][:80]!r} got {sorted(resolved[i]) if i is not None else None}")
            if i is not None and name in alone[i]:
                source_hits_sentence.add((*key, name))
    return {
        "actors_recall": len(actor_hits) / max(len(actor_pairs), 1),
        "sources_recall": len(source_hits) / max(len(source_pairs), 1),
        "sources_recall_sentence": len(source_hits_sentence) / max(len(source_pairs), 1),
    }


def speed(t17: Path, limit: int = 0, repeat: int = 3) -> tuple[int, float, float]:
    """(articles, best CPU seconds, characters per article) for find_actors + find_sources on whole texts."""
    texts: list[str] = []
    for path in sorted(t17.glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    if limit:
        texts = texts[:limit]
    find_actors("warm up"), find_sources("warm up said")
    cpu = float("inf")
    for _ in range(repeat):  # best of several runs: the machine may be shared
        t0 = time.process_time()
        for text in texts:
            find_actors(text)
            find_sources(text)
        cpu = min(cpu, time.process_time() - t0)
    return len(texts), cpu, sum(map(len, texts)) / max(len(texts), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    gate.add_arguments(ap)
    ap.add_argument("--speed", action="store_true", help="also time whole Timeline17 articles")
    ap.add_argument("--timeline17", type=Path, default=DEFAULT_T17)
    ap.add_argument("--verbose", action="store_true", help="print every miss")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    scores = evaluate(args.data, args.gold, verbose=args.verbose)
    print(f"{'metric':<28}{'score':>8}")
    for k, v in scores.items():
        print(f"{k:<28}{v:>8.4f}")
    if args.speed:
        if not args.timeline17.exists():
            print(f"timeline17 not found: {args.timeline17}", file=sys.stderr)
        else:
            n, cpu, chars = speed(args.timeline17)
            print(f"speed: {n} articles ({chars:.0f} chars avg) in {cpu:.2f} s CPU = {n / cpu:.0f} articles/s")
    return gate.apply(STAGE, scores, args)


if __name__ == "__main__":
    sys.exit(main())
