"""Quality gate: timeline summarisation on the Timeline17 dev topics (tilse alignment ROUGE-1/2 F1 and
date F1, news-tls protocol) must not drop below bench/baselines/timeline.json."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
T17 = ROOT.parent / "shared" / "dev" / "timeline17"


def test_timeline17_gate(tmp_path: Path) -> None:
    if not T17.exists():
        pytest.skip("../shared/dev/timeline17 absent")
    from bench import gate
    from bench.eval_timeline import GATED, evaluate

    out = tmp_path / "timelines.jsonl"
    result = evaluate(T17, out, verbose=False)
    problems = gate.check("timeline", {k: result[k] for k in GATED})
    assert not problems, problems
    assert result["timelines"] == 3
    assert len(out.read_text().splitlines()) == 3
    assert all(r["seconds"] < 20 for r in result["per_timeline"])  # each topic from raw text well under 20 s
