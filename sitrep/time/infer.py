"""Publication-date inference for undated articles (placeholder, filled below)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class InferredDate:
    begin: dt.date
    end: dt.date
    evidence: str


def infer_published(text: str) -> InferredDate | None:
    return None
