"""What the benchmarks share about the machine they run on."""

from __future__ import annotations

import os


def pin_one_core() -> None:
    """Run this process on one core, as the speed targets are stated (no-op where unsupported)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
