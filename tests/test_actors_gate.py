"""Quality gate: actors and sources of the seeds gold must not regress (bench/baselines/actors.json)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "samples" / "raqqa-seeds" / "gold.jsonl"


def test_actors_and_sources_gate() -> None:
    if not GOLD.exists():
        pytest.skip("../shared/samples/raqqa-seeds is not available")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bench import gate
    from bench.eval_actors import DEFAULT_DATA, evaluate

    scores = evaluate(DEFAULT_DATA, GOLD)
    assert gate.check("actors", scores) == []
    assert scores["actors_recall"] >= 0.85
    assert scores["sources_recall"] >= 0.9
