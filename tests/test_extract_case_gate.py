"""Quality gate: event extraction on CASE 2021 snippets (detection, sub-type, non-event specificity)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "dev" / "case2021" / "dev.tsv"


def test_extract_case_quality_gate() -> None:
    if not DEV.exists():
        pytest.skip("../shared/dev/case2021 is not available")
    from bench import gate
    from bench.eval_extract_case import GATED, STAGE, evaluate

    t0 = time.perf_counter()
    scores, details = evaluate(DEV)
    assert time.perf_counter() - t0 < 60
    assert len(details) == int(scores["n_acled"] + scores["n_non_acled"])
    problems = gate.check(STAGE, {k: scores[k] for k in GATED})
    assert not problems, problems


def test_body_sentence_punctuation() -> None:
    from bench.eval_extract_case import as_body_sentence

    assert as_body_sentence("Troops shelled the town") == "Troops shelled the town."
    assert as_body_sentence("They withdrew..") == "They withdrew."
    assert as_body_sentence("Was it shelled?") == "Was it shelled?"
