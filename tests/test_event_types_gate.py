"""Quality gate for event typing: cross-validated CASE 2021 scores of what the pipeline runs must not regress."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "dev" / "case2021" / "dev.tsv"


def test_event_types_quality_gate() -> None:
    if not DEV.exists():
        pytest.skip("../shared/dev/case2021 is not available")
    pytest.importorskip("sklearn")
    from bench import gate
    from bench.eval_event_types import GATED_MODES, STAGE, evaluate

    _ids, _pred, scores = evaluate(DEV, cv=5, modes=GATED_MODES)
    gated = {k: v for k, v in scores.items() if k.startswith("cv") and "f1" in k}
    problems = gate.check(STAGE, gated)
    assert not problems, problems
