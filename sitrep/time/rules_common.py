"""Shared pieces of the rule handlers: result type, small helpers, direction (tense) of an expression."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from sitrep.time import normalise as N
from sitrep.time.context import Ctx, norm, prev_word, sentence_bounds, tense
from sitrep.time.normalise import Res
from sitrep.time.patterns import MONTHS, PARTS_OF_DAY

Out = tuple[Res, int, int] | None


Handler = Callable[[re.Match[str], Ctx], Out]


UNRES = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX",
          "half": "XXXX-HX", "season": "XXXX-XX", "decade": "XXX", "century": "XX"}


GRAN = {"day": "day", "night": "day", "week": "week", "weekend": "week", "month": "month", "quarter": "quarter",
         "year": "year", "fiscal year": "year", "decade": "decade", "century": "century", "half": "half"}


def ok(res: Res, m: re.Match[str]) -> Out:
    return (res, m.start(), m.end())


def month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def unresolved(gran: str, type_: str = "DATE") -> Res:
    return Res(type_, UNRES.get(gran, "XXXX-XX-XX"))


_AHEAD_OF = re.compile(r"(?i:\bahead\s+of\s+(?:the\s+)?)$")


def direction_of(m: re.Match[str], ctx: Ctx) -> str | None:
    pw = prev_word(ctx.text, m.start())
    if pw in ("until", "till", "by", "before") or _AHEAD_OF.search(ctx.text, max(0, m.start() - 14), m.start()):
        lo, hi = sentence_bounds(ctx.text, m.start(), m.end())
        around = ctx.text[max(lo, m.start() - 80):m.start()] + " " + ctx.text[m.end():min(hi, m.end() + 60)]
        if not re.search(r"\b(?:had|was|were|did)\b", around):
            return "future"
    return tense(ctx.text, m.start(), m.end())


def pod_suffix(pod: str | None, pre: str | None = None) -> str:
    if pre:
        p = norm(pre).replace("-", "")
        if p in ("noon", "midday"):
            return "T12:00"
        if p == "midnight":
            return "T24:00"
        if p in ("midmorning",):
            return "TMO"
        if p in ("midafternoon",):
            return "TAF"
    if not pod:
        return ""
    return "T" + PARTS_OF_DAY.get(norm(pod), "DT")


def season_pick(anchor: dt.date, s: str, direction: str | None) -> Res:
    # two years either side: "last winter" in February is the winter that ended a year ago, which
    # began two calendar years back; a year the calendar cannot hold (before 1, after 9999) is skipped
    cands = [N.season_res(y, s) for y in range(anchor.year - 2, anchor.year + 3) if 1 <= y and y + 1 <= 9999]
    if direction == "strict_past":
        return _pick(max, [c for c in cands if c.end is not None and c.end < anchor])
    if direction == "future":
        return _pick(min, [c for c in cands if c.end is not None and c.end >= anchor])
    if direction == "strict_future":
        return _pick(min, [c for c in cands if c.begin is not None and c.begin > anchor])
    if s == "WI" and anchor.month <= 2:
        return N.season_res(anchor.year - 1, s)
    if direction == "past":
        return _pick(max, [c for c in cands if c.begin is not None and c.begin <= anchor])
    return N.season_res(anchor.year, s)


def _pick(which: Callable[..., Res], cands: list[Res]) -> Res:
    if not cands:  # only at the ends of the calendar (an anchor in year 1 or 9999)
        raise N.DateOutOfRange("no season of that name within the calendar")
    return which(cands, key=lambda c: c.value)


KEEP_APPROX = {"nearly", "almost", "more than", "less than", "no more than", "up to", "over", "under", "at least",
                "fewer than", "well over"}

