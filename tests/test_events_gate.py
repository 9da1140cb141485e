"""Quality gate for event extraction: seeds gold P/R/F1, fatality and attribution accuracy."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "samples" / "raqqa-seeds" / "gold.jsonl"


def test_events_quality_gate() -> None:
    if not GOLD.exists():
        pytest.skip("../shared/samples/raqqa-seeds is not available")
    from bench import gate
    from bench.eval_events import DEFAULT_DATA, STAGE, evaluate

    scores, _info = evaluate(DEFAULT_DATA, GOLD)
    problems = gate.check(STAGE, scores)
    assert not problems, problems
