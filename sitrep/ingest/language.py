"""A small language guess: English function-word share (the event stages read English only)."""

from __future__ import annotations

import re

STAGE_VERSION = "sitrep.language.v1"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_EN = frozenset(
    "the of and to in a is that for on was with as by at it from he said his be are have has an were "
    "not but they their this which who had been its or will after more also would than".split()
)


def detect_language(text: str, sample_words: int = 400) -> str:
    """'en' when English function words are frequent, else 'und' (undetermined)."""
    words = _WORD.findall(text[:6000])[:sample_words]
    if len(words) < 5:
        return "und"
    share = sum(1 for w in words if w.lower() in _EN) / len(words)
    return "en" if share >= 0.15 else "und"
