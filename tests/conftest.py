from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "raqqa"


@pytest.fixture
def shared_dev() -> Path:
    path = SHARED / "dev"
    if not path.exists():
        pytest.skip("../shared/dev is not available")
    return path


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
