"""Quality gate: TempEval-3 dev scores (value F1, relaxed and strict span F1) must not drop below
bench/baselines/time.json."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
TE3 = ROOT.parent / "shared" / "dev" / "tempeval3"


def test_time_tempeval3_gate(tmp_path: Path) -> None:
    if not TE3.exists():
        pytest.skip("../shared/dev/tempeval3 absent")
    from bench import gate
    from bench.eval_time import GATED, evaluate

    scores = evaluate(TE3, tmp_path)
    problems = gate.check("time", {k: scores[k] for k in GATED})
    assert not problems, problems
    assert scores["docs"] == 256
