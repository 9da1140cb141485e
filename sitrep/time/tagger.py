"""Recognition: run every rule, keep the leftmost-longest accepted matches, resolve in text order."""

from __future__ import annotations

import datetime as dt
import heapq
import logging
import re

from sitrep.records import TimeMention
from sitrep.time.context import Ctx
from sitrep.time.normalise import Res, out_of_range
from sitrep.time.patterns import (
    COMPILED,
    FULL_SCAN,
    MONTHS,
    SINCE_BEFORE,
    TIME_TRIGGER,
    TOKEN,
    TRIGGERS_CI,
    TRIGGERS_CS,
    WEEKDAYS,
    YEAR_TOKEN_RULES,
)
from sitrep.time.rules import HANDLERS
from sitrep.time.rules_common import Out

log = logging.getLogger(__name__)

_WORDCH = re.compile(r"\w")
# rules tried first when two candidates have the same span
_PRIORITY = {name: i for i, (name, _) in enumerate(COMPILED)}
_RULES = dict(COMPILED)
_BEFORE, _AFTER = 90, 60  # window around a trigger token in which a rule is run
# A wire dateline opening a line: the city (and a country or state), the date, the agency in parentheses or a city in
# capitals, then the dash that opens the story ("KANO, Nigeria, March 9, 2024 (Reuters) -"). Its date is the
# document's creation time (TimeML's DCT, functionInDocument=CREATION_TIME), not an expression of the story: it is
# read for context (the year of a later "March 5") but not returned, so that the lede's own "on Thursday" is the
# nearest date to its event.
_DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Za-z.'’-]*(?:[ -][A-Za-z.'’-]+){0,3}?)(?:\s*,\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Za-z.'’-]+){0,4}?)?"
    r"\s*,\s*(?P<date>(?=[A-Za-z0-9., ]{0,32}\d)[A-Za-z0-9., ]{5,32}?)\s*(?P<agency>\(\s*[A-Z][A-Za-z.&'’ -]{0,40}?\s*\)|-LRB-[^\n]{0,40}?-RRB-)?"
    r"\s*(?:--?|[–—])(?=\s)", re.MULTILINE)


def _dateline_dates(text: str) -> list[tuple[int, int]]:
    """Spans of the dates of wire datelines in ``text`` (a city in capitals when no agency follows)."""
    out = []
    for m in _DATELINE.finditer(text):
        if m.group("agency") or m.group("city").isupper():
            out.append((m.start("date"), m.end("date")))
    return out


def _candidates(text: str) -> list[tuple[int, int, int, int, str, re.Match[str]]]:
    hits: dict[str, list[int]] = {}
    for m in TOKEN.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            if len(tok) == 4 and "1500" <= tok <= "2099":
                rules: tuple[str, ...] = YEAR_TOKEN_RULES + (("decade",) if tok[3] == "0" else ())
            elif len(tok) == 2 and tok[1] == "0":
                rules = ("decade",)
            else:
                continue
        else:
            rules = TRIGGERS_CS.get(tok, ()) + TRIGGERS_CI.get(tok.lower(), ())
            if not rules:
                continue
        s = m.start()
        for r in rules:
            hits.setdefault(r, []).append(s)
    for m in TIME_TRIGGER.finditer(text):
        hits.setdefault("time", []).append(m.start())
    cands: list[tuple[int, int, int, int, str, re.Match[str]]] = []
    n = len(text)
    for name, rx in COMPILED:
        if name in FULL_SCAN:
            windows = [(0, n)]
        elif name in hits:
            windows = []
            for p in sorted(hits[name]):
                lo, hi = max(0, p - _BEFORE), min(n, p + _AFTER)
                if windows and lo <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], hi)
                else:
                    windows.append((lo, hi))
        else:
            continue
        for lo, hi in windows:
            for m in rx.finditer(text, lo, hi):
                s, e = m.span()
                if e <= s:
                    continue
                if not _whole_word(text, s, e):
                    continue
                cands.append((s, -(e - s), _PRIORITY[name], len(cands), name, m))
    return cands


def _whole_word(text: str, s: int, e: int) -> bool:
    if s > 0 and _WORDCH.match(text[s - 1]) and _WORDCH.match(text[s]):
        return False
    return not (e < len(text) and _WORDCH.match(text[e]) and _WORDCH.match(text[e - 1]))


_QUOTE_BEFORE = re.compile(r"(?:\"|“|``|')\s?$")
_CAP = re.compile(r"(?<=\s)[A-Z][a-z]+")
_NAMES = MONTHS.keys() | WEEKDAYS.keys()


def _title(text: str, start: int, end: int) -> bool:
    """A quoted title such as ABC's "This Week" or "60 Minutes": not a time expression."""
    if not _QUOTE_BEFORE.search(text, max(0, start - 3), start):
        return False
    return any(w.group().lower() not in _NAMES for w in _CAP.finditer(text, start + 1, end))


_AND_DAY = re.compile(r"\s*(?:-|–|and|or|to|through|until)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?![,.]?\d|\s*(?:%|percent|per|-)|\s+(?:people|persons|men|women|children|soldiers|times|years|days|months"
    r"|weeks|hours|minutes|million|billion|[a-z]+s)\b)")


def _second_day(text: str, end: int, res: Res, anchor: dt.date | None) -> TimeMention | None:
    """"April 24 and 25", "June 10-11": the second day number is a date of the same month."""
    if res.point is None or res.gran != "day":
        return None
    m = _AND_DAY.match(text, end)
    if m is None:
        return None
    d2 = int(m.group(1))
    if not res.point.day < d2 <= 31:
        return None
    try:
        day = res.point.replace(day=d2)
    except ValueError:
        return None
    return TimeMention(start=m.start(1), end=m.end(1), surface=m.group(1), type="DATE", value=day.isoformat(),
                       begin=day, end_date=day, anchor=anchor)


def _since(text: str, start: int, res: Res, anchor: dt.date | None) -> Res:
    """"since X" denotes the interval from X to the anchor."""
    if anchor is None or res.begin is None:
        return res
    m = SINCE_BEFORE.search(text, max(0, start - 60), start)
    if not m or (m.group("w") or m.group("w2")).lower() != "since" or res.begin > anchor:
        return res
    return Res(res.type, res.value, res.begin, anchor, res.gran, res.point)


def _run(name: str, m: re.Match[str], ctx: Ctx) -> Out:
    """The rule's handler; date arithmetic that leaves the calendar rejects the expression.

    "7000 years ago", "the last 2100 decades", "99999 days later": the expression is real but no
    ``datetime.date`` can hold it, so it is not a time mention (the rest of the article is kept).
    Any other error is a bug and propagates.
    """
    try:
        return HANDLERS[name](m, ctx)
    except (ValueError, OverflowError) as exc:
        if not out_of_range(exc):
            raise
        log.debug("time expression %r (%s) leaves the calendar: %s", m.group(), name, exc)
        return None


def tag_text(text: str, anchor: dt.date | None) -> list[TimeMention]:
    ctx = Ctx(text=text, anchor=anchor)
    out: list[TimeMention] = []
    taken_end = -1
    queue = _candidates(text)
    heapq.heapify(queue)
    n = len(text)
    pushed = 0
    seen = {(c[4], c[0]) for c in queue}
    while queue:
        s, _neg, prio, _seq, name, m = heapq.heappop(queue)
        if s < taken_end:
            continue
        got = _run(name, m, ctx)
        if got is None:
            # a rejected match may hide a shorter one of the same rule inside it ("last over a week")
            nxt = _RULES[name].search(text, s + 1, min(n, m.end() + _AFTER))
            if nxt is not None and nxt.start() < m.end() and nxt.end() > nxt.start() \
                    and (name, nxt.start()) not in seen and _whole_word(text, nxt.start(), nxt.end()):
                seen.add((name, nxt.start()))
                pushed += 1
                heapq.heappush(queue, (nxt.start(), -(nxt.end() - nxt.start()), prio, -pushed, name, nxt))
            continue
        res, start, end = got
        if start < taken_end or end <= start:
            continue
        if name != "holiday" and _title(text, start, end):
            continue
        surface = text[start:end]
        stripped = surface.rstrip(" ,")
        end -= len(surface) - len(stripped)
        surface = stripped
        ctx.note(res, name)
        res = _since(text, start, res, anchor)
        out.append(TimeMention(start=start, end=end, surface=surface, type=res.type,  # type: ignore[arg-type]
                               value=res.value, begin=res.begin, end_date=res.end, anchor=anchor))
        taken_end = end
        second = _second_day(text, end, res, anchor) if name == "mdy" else None
        if second is not None:
            out.append(second)
            taken_end = second.end
    datelines = _dateline_dates(text) if out else []
    return [t for t in out if not any(s <= t.start and t.end <= e for s, e in datelines)]
