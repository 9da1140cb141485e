"""Quality gate: geo resolution on the LGL dev set (gold spans) must not drop below bench/baselines/geo.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
LGL = ROOT.parent / "shared" / "dev" / "geo" / "lgl.jsonl"


def test_geo_gold_spans_gate() -> None:
    if not LGL.exists():
        pytest.skip("../shared/dev/geo absent")
    from bench import gate
    from bench.eval_geo import evaluate, gate_scores

    docs = [json.loads(line) for line in LGL.read_text(encoding="utf-8").split("\n") if line.strip()]
    scores = evaluate(docs, gold_spans=True)
    problems = gate.check("geo", gate_scores(scores), tolerance=0.05)
    assert not problems, problems
