"""Resolution context: anchor, narrative reference points, tense and number readers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitrep.time.normalise import Res
from sitrep.time.patterns import FUTURE_CUE, NUMBERS, PAST_CUE, SENT_BREAK, VAGUE_NUMBERS

_WS = re.compile(r"\s+")
# "will be paid Dec. 14", "to be held on": a participle after these is not past tense. "to have surrendered"
# (a perfect infinitive, "are believed to have surrendered in late August") is past.
_PASSIVE_FUTURE = re.compile(r"\b(?:(?:will|would|shall|'ll)\s+(?:be|have)|to\s+be)\s+$")


@dataclass
class Ctx:
    """Per-document state while tagging (not shared between calls)."""

    text: str
    anchor: dt.date | None
    ref_day: Res | None = None  # last day-level point mentioned ("the previous day" is relative to it)
    ref_any: Res | None = None  # last calendar point of any granularity ("a year earlier")

    def base_day(self) -> dt.date | None:
        if self.ref_day is not None and self.ref_day.point is not None:
            return self.ref_day.point
        return self.anchor

    def note(self, res: Res, rule: str = "") -> None:
        if res.gran is None or res.point is None:
            return
        if rule in ("yearago", "ago", "anaday") and res.gran != "day":
            return  # "a year earlier" compares with the reference; it does not move it
        self.ref_any = res
        if res.gran == "day":
            self.ref_day = res


def norm(s: str) -> str:
    return _WS.sub(" ", s.strip().lower())


def parse_num(s: str | None) -> float | None:
    """Number in digits or words; None for vague quantities ("several")."""
    if s is None:
        return None
    t = norm(s).replace("-", " ")
    if t in VAGUE_NUMBERS:
        return None
    half = 0.0
    if t.endswith(" 1/2"):
        t, half = t[:-4], 0.5
    if t.endswith("half"):
        half = 0.5
        t = re.sub(r"\s+(?:and\s+)?(?:a\s+)?half$", "", t)
        if t in ("", "a"):
            return 0.5
    try:
        return float(t) + half
    except ValueError:
        pass
    if t in NUMBERS:
        return NUMBERS[t] + half
    total = 0
    for part in t.split():
        if part not in NUMBERS:
            return None
        total += NUMBERS[part]
    return total + half


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    left = lo
    for m in SENT_BREAK.finditer(text, lo, start):
        left = m.end()
    m2 = SENT_BREAK.search(text, end, min(len(text), end + 300))
    right = m2.start() + 1 if m2 else min(len(text), end + 300)
    return left, right


def tense(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None from the tense cue nearest the expression in its sentence."""
    left, right = sentence_bounds(text, start, end)
    lo, hi = max(left, start - 120), min(right, end + 80)
    best: tuple[int, str] | None = None
    for pat, label in ((FUTURE_CUE, "future"), (PAST_CUE, "past")):
        for m in pat.finditer(text, lo, hi):
            if start <= m.start() < end:
                continue
            lab = label
            if lab == "past" and _PASSIVE_FUTURE.search(text, max(0, m.start() - 14), m.start()):
                lab = "future"  # "will be paid Dec. 14"
            dist = start - m.end() if m.end() <= start else m.start() - end
            # a cue before the expression (its verb) counts a little more than one after it
            dist = dist if m.end() <= start else dist + 15
            if lab == "future" and m.end() <= start:
                dist //= 2  # future markers are rarer and more telling than past tense
            if best is None or dist < best[0]:
                best = (dist, lab)
    return best[1] if best else None


def prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z$%'.]+|\d[\d,.]*)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def next_word(text: str, end: int) -> str:
    m = re.match(r"\W*([A-Za-z$%]+|\d+)", text[end:end + 30])
    return m.group(1).lower() if m else ""
