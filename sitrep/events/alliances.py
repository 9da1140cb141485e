"""Which actors fight on the same side (``data/alliances.tsv``, extendable by file).

The extractor consults this only when it has to guess a battle's other side
from the article's main actors: an ally (or an actor's own parent group) is
never that side.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

STAGE_VERSION = "sitrep.events.alliances.v1"
DATA = Path(__file__).resolve().parent / "data" / "alliances.tsv"


def _read(path: Path) -> set[frozenset[str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    pairs = set()
    for row in csv.DictReader(lines, delimiter="\t"):
        a, b = (row.get("actor_a") or "").strip(), (row.get("actor_b") or "").strip()
        if a and b and a != b:
            pairs.add(frozenset((a, b)))
    return pairs


@lru_cache(maxsize=4)
def alliances(extra_paths: tuple[str, ...] = ()) -> frozenset[frozenset[str]]:
    pairs = _read(DATA)
    for p in extra_paths:
        pairs |= _read(Path(p))
    return frozenset(pairs)


def allied(a: str | None, b: str | None, extra_paths: Sequence[str] = ()) -> bool:
    return bool(a and b) and frozenset((a, b)) in alliances(tuple(extra_paths))
