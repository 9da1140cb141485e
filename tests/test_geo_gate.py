"""Quality gate: geo resolution on the LGL dev set (gold spans) and on the Syrian place-name set must not drop
below bench/baselines/geo.json and geo_syria.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "dev"
LGL = DEV / "geo" / "lgl.jsonl"


def test_geo_gold_spans_gate() -> None:
    if not LGL.exists():
        pytest.skip("../shared/dev/geo absent")
    from bench import gate
    from bench.eval_geo import evaluate, gate_scores

    docs = [json.loads(line) for line in LGL.read_text(encoding="utf-8").split("\n") if line.strip()]
    scores = evaluate(docs, gold_spans=True)
    problems = gate.check("geo", gate_scores(scores), tolerance=0.05)
    assert not problems, problems


def test_geo_syrian_place_names_gate() -> None:
    if not (DEV / "events" / "gold.jsonl").exists() or not (DEV / "places").exists():
        pytest.skip("../shared/dev/events or ../shared/dev/places absent")
    from bench import gate
    from bench.eval_geo import evaluate_syria, syria_gate_scores, syria_set

    docs, hoods = syria_set(DEV)
    scores = evaluate_syria(docs, hoods, gold_spans=True)
    problems = gate.check("geo_syria", syria_gate_scores(scores), tolerance=0.05)
    assert not problems, problems
