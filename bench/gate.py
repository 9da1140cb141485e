"""Quality ratchet shared by every stage's evaluation.

Baselines live in ``bench/baselines/<stage>.json`` as ``{"metric": value}``
(higher is better unless the metric name ends in ``_lower``). ``check`` fails
when a score drops below its baseline by more than ``tolerance``; ``update``
raises baselines, and lowering one needs ``allow_lower=True``
(``--allow-lower`` on the command line of each bench script).
"""

from __future__ import annotations

import json
from pathlib import Path

BASELINES = Path(__file__).resolve().parent / "baselines"


def load(stage: str) -> dict[str, float]:
    path = BASELINES / f"{stage}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text())


def check(stage: str, scores: dict[str, float], tolerance: float = 0.005) -> list[str]:
    """Return a list of human-readable regressions (empty = gate passes)."""
    problems = []
    for metric, base in load(stage).items():
        if metric not in scores:
            problems.append(f"{stage}.{metric}: not measured (baseline {base})")
            continue
        got = scores[metric]
        lower_better = metric.endswith("_lower")
        worse = got > base + tolerance if lower_better else got < base - tolerance
        if worse:
            problems.append(f"{stage}.{metric}: {got:.4f} vs baseline {base:.4f}")
    return problems


def update(stage: str, scores: dict[str, float], allow_lower: bool = False) -> dict[str, float]:
    """Ratchet the baseline to ``scores``; refuses to lower one unless allowed."""
    current = load(stage)
    new = dict(current)
    for metric, got in scores.items():
        base = current.get(metric)
        lower_better = metric.endswith("_lower")
        better = base is None or (got < base if lower_better else got > base)
        if better or allow_lower:
            new[metric] = round(float(got), 4)
    BASELINES.mkdir(parents=True, exist_ok=True)
    (BASELINES / f"{stage}.json").write_text(json.dumps(new, indent=2, sort_keys=True) + "\n")
    return new


def add_arguments(parser) -> None:  # argparse.ArgumentParser
    """The ratchet options every evaluation script takes."""
    parser.add_argument("--check", action="store_true", help="exit 1 if a gated score fell below its baseline")
    parser.add_argument("--update-baseline", action="store_true", help="raise the baseline to these scores")
    parser.add_argument("--allow-lower", action="store_true", help="with --update-baseline: allow lowering it")


def apply(stage: str, scores: dict[str, float], args) -> int:  # args: argparse.Namespace
    """Act on ``--update-baseline`` and ``--check``; the exit status for the script."""
    import sys

    if args.update_baseline:
        print("baseline:", update(stage, scores, allow_lower=args.allow_lower))
    if args.check:
        problems = check(stage, scores)
        for p in problems:
            print("REGRESSION", p, file=sys.stderr)
        return 1 if problems else 0
    return 0
