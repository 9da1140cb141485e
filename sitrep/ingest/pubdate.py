"""Publication date of an article: metadata, then the text's header, then the path, then inference.

Never a confident wrong date. A text date is only taken from the header area
(the first few lines) and only in shapes that mark a publication date: a line
that is nothing but a date/time/byline ("Saturday 04 June 2016 05:00 EDT",
"14/10/2017 04:35 by admin"), a labelled date ("date 2017-06-12",
"Published: 3 May 2017"), or a date followed by a clock time (the wire
header "WASHINGTON | Mon Mar 2 , 2009 4:23 pm EST"), or a wire dateline with a
year opening a header line and followed by the agency or the story's dash
("KYIV, Ukraine, March 14, 2023 (AP) —", "GAZA, 5 May 2019 -LRB- Reuters -RRB- -").
A dateline without a year ("BEIRUT, June 12 (Reuters) -") is only used when
the metadata supplies the year. Dates in prose ("On 20 April 2010 a well exploded") are never taken.

Precision: ``exact`` for a timezone-aware datetime, ``day`` for a calendar
date, ``inferred`` for an interval (content inference, or an ambiguous
``05/06/2017`` with no locale cue), ``unknown`` when nothing was found.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from typing import Any, Literal

STAGE_VERSION = "sitrep.pubdate.v5"  # v3: wire datelines with a year; v4: a country of up to five words; v5: also without a year

Precision = Literal["exact", "day", "inferred", "unknown"]
Source = Literal["metadata", "text", "filename", "inferred", "none"]

HEADER_LINES = 8
HEADER_CHARS = 600


@dataclass(frozen=True)
class PublishedDate:
    value: dt.date | dt.datetime | None
    precision: Precision
    source: Source
    interval: tuple[dt.date, dt.date] | None = None
    evidence: str | None = None

    @property
    def day(self) -> dt.date | None:
        """The calendar date of ``value`` (local to the article), if any."""
        if isinstance(self.value, dt.datetime):
            return self.value.date()
        return self.value


UNKNOWN = PublishedDate(None, "unknown", "none")

# --------------------------------------------------------------------------- date shapes

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?:(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+)"

# Timezone abbreviations with one unambiguous meaning in news headers (hours east of UTC).
_TZ_HOURS: dict[str, float] = {
    "utc": 0, "gmt": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
    "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    "et": -5, "aest": 10, "aedt": 11, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8,
}
_US_TZ = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et"}
_DAY_FIRST_TZ = {"gmt", "bst", "cet", "cest", "eet", "eest", "msk", "aest", "aedt"}

_TZ = r"(?P<tz>(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|" + "|".join(
    sorted((k for k in _TZ_HOURS if k != "z"), key=len, reverse=True)
) + r")\b"
_TIME = (
    r"(?:\s*,?\s*(?:at\s+|-\s*|\|\s*)?(?P<hh>\d{1,2})[:.h](?P<mi>[0-5]\d)(?!\d)(?::(?P<ss>[0-5]\d))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\b\.?)?(?:\s*\(?" + _TZ + r"\)?)?)?"
)

_ISO = r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<ihh>\d{2}):(?P<imi>\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?P<itz>Z|[+-]\d{2}(?::?\d{2})?)?)?"
_DMY_NUM = r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d{2})"
_YMD_NUM = r"(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"
_DMY = _WD + r"?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(?P<y>(?:19|20)\d{2})"
_MDY = _WD + r"?" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?P<y>(?:19|20)\d{2})"

_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(r"(?<![\w/.:-])" + body + (_TIME if name != "iso" else "") + r"(?![\w/])", re.I))
    for name, body in (("iso", _ISO), ("ymd", _YMD_NUM), ("num", _DMY_NUM), ("dmy", _DMY), ("mdy", _MDY))
)

_LABEL = re.compile(
    r"^\W*(?P<label>date|dated|published(?:\s+on)?|first\s+published(?:\s+on)?|posted(?:\s+on)?|"
    r"publication\s+date|last\s+updated|updated(?:\s+on)?|created)\b\s*[:\-]?\s*",
    re.I,
)
# Words that may sit on a date/byline line without making it prose.
_HEADER_FILLER = re.compile(
    r"\b(?:by|on|at|published|posted|updated|last|first|modified|date|dated|am|pm|local|time|hrs|"
    r"admin|staff|editor|correspondent|reporter|news|desk)\b|[|•·,:;()\-–—/]",
    re.I,
)
_YEARLESS_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40}?(?:\s*,\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Za-z.'’-]+){0,4}?)?"  # "KHARTOUM, Sudan,"
    r"\s*,\s*(?i:" + _MON + r")\s+(?P<d>\d{1,2})\s*(?:\(|-LRB-)",
)
# A wire dateline with a year, at the start of a header line: the city (and a country or state: "KYIV, Ukraine,",
# "GOMA, Democratic Republic of the Congo,"),
# the date, then the agency in parentheses ("(Reuters)", "-LRB- AP -RRB-") or the dash that opens the story;
# or the agency first and the date after it ("WASHINGTON (Reuters) March 14, 2023 -"). Without an agency the
# city must be in capitals ("KYIV, March 14, 2023 -"), so that a sentence opening "On Tuesday, March 14, 2023 -"
# is no dateline.
_DL_CITY = r"(?P<city>[A-Z][A-Za-z.'’-]*(?:\s+[A-Za-z.'’-]+){0,3}?)(?:\s*,\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Za-z.'’-]+){0,4}?)?"
_DL_AGENCY = r"(?:\(\s*[A-Z][A-Za-z.&'’ -]{0,40}?\s*\)|-LRB-\s*[A-Z][A-Za-z.&'’ -]{0,40}?\s*-RRB-)"
_DL_DASH = r"\s*(?:--?|[–—])(?=[\s\"“'‘A-Z]|$)"
_DATED_DATELINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(r"^" + _DL_CITY + lead + r"(?i:" + date + r")" + tail)
    for date in (_MDY, _DMY)
    for lead, tail in ((r"\s*,\s*", r"\s*(?P<agency>" + _DL_AGENCY + r")"),
                       (r"\s*,\s*", r"(?P<dash>" + _DL_DASH + r")"),
                       (r"\s*(?P<agency>" + _DL_AGENCY + r")\s*(?:,\s*)?", _DL_DASH))
)
_PATH_DATE = re.compile(
    r"(?<![0-9a-z])(?P<y>(?:19|20)\d{2})(?P<sep>[-_./]?)(?P<m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>0[1-9]|[12]\d|3[01])(?![0-9])"
)


@dataclass(frozen=True)
class _Found:
    value: dt.date | dt.datetime | None
    precision: Precision
    evidence: str
    interval: tuple[dt.date, dt.date] | None = None
    has_time: bool = False
    label: str | None = None


def _tzinfo(tz: str | None) -> dt.tzinfo | None:
    if not tz:
        return None
    t = tz.lower().replace(" ", "")
    if t in _TZ_HOURS:
        return dt.timezone(dt.timedelta(hours=_TZ_HOURS[t]))
    m = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?", t)
    if not m:
        return None
    sign = -1 if m.group(1) == "-" else 1
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return dt.timezone(sign * dt.timedelta(minutes=minutes))


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _day_first_cue(context: str, separator: str = "/") -> bool | None:
    """True: day/month order; False: month/day order; None: no cue."""
    if separator == ".":  # 03.11.2019: dotted numeric dates are day-first where they are used
        return True
    for tz in re.findall(r"\b([a-z]{2,4})\b", context.lower()):
        if tz in _US_TZ:
            return False
        if tz in _DAY_FIRST_TZ:
            return True
    if re.search(r"\d\s*[ap]\.?m\b", context, re.I):
        return False
    return None


def _from_match(name: str, m: re.Match[str], context: str) -> _Found | None:
    g = m.groupdict()
    evidence = m.group(0).strip()
    if name == "num":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        if a > 12 and b <= 12:
            day, month = a, b
        elif b > 12 and a <= 12:
            day, month = b, a
        elif a == b:
            day, month = a, b
        else:
            cue = _day_first_cue(context, "." if "." in m.group(0)[:6] else "/")
            if cue is None:
                d1, d2 = _safe_date(y, b, a), _safe_date(y, a, b)
                if d1 is None or d2 is None:
                    return None
                return _Found(None, "inferred", evidence, interval=(min(d1, d2), max(d1, d2)))
            day, month = (a, b) if cue else (b, a)
    elif name in ("dmy", "mdy"):
        day, month, y = int(g["d"]), _MONTHS[g["mon"].lower().rstrip(".")], int(g["y"])
    else:
        day, month, y = int(g["d"]), int(g["m"]), int(g["y"])
    date = _safe_date(y, month, day)
    if date is None:
        return None
    hh, mi = g.get("hh") or g.get("ihh"), g.get("mi") or g.get("imi")
    if hh is None or mi is None:
        return _Found(date, "day", evidence)
    hour = int(hh)
    ampm = (g.get("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    tz = _tzinfo(g.get("tz") or g.get("itz"))
    if hour > 23 or tz is None:
        return _Found(date, "day", evidence, has_time=hour <= 23)
    value = dt.datetime(date.year, date.month, date.day, hour, int(mi), tzinfo=tz)
    return _Found(value, "exact", evidence, has_time=True)


_YEAR = re.compile(r"(?:19|20)\d\d")
# "| Mon Apr 27 , 2009 7:16 am EDT HONG KONG -LRB- Reuters -RRB-": a wire dateline right after the stamp
_WIRE_AFTER = re.compile(r"\s*[A-Z][A-Za-z .,'-]{0,50}?\s*(?:\(|-LRB-\s*)[A-Z][A-Za-z]{1,10}(?:\)|\s*-RRB-)\s*[-—–]")
_MARKUP = re.compile(r"\s*(?:<!doctype|<html|<\?xml|<head|<body|<div|<article|<meta)", re.I)


def _search(text: str, context: str | None = None) -> list[tuple[re.Match[str], _Found]]:
    found: list[tuple[re.Match[str], _Found]] = []
    if not _YEAR.search(text):  # every shape has a four-digit year
        return found
    taken: list[tuple[int, int]] = []
    for name, pattern in _SHAPES:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            f = _from_match(name, m, context or text)
            if f is not None:
                found.append((m, f))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda x: x[0].start())
    return found


# --------------------------------------------------------------------------- metadata


def parse_date_string(value: str) -> PublishedDate | None:
    """Parse a metadata date string (ISO 8601, RFC 2822, '3 May 2017', epoch seconds, ...)."""
    s = value.strip()[:200]
    if not s:
        return None
    evidence = s[:80]
    if re.fullmatch(r"\d{8}", s):
        d = _safe_date(int(s[:4]), int(s[4:6]), int(s[6:]))
        return PublishedDate(d, "day", "metadata", evidence=evidence) if d else None
    if re.fullmatch(r"1[0-9]{9}(?:\.\d+)?|1[0-9]{12}", s):  # epoch seconds or milliseconds
        seconds = float(s) / (1000 if len(s) == 13 else 1)
        value_dt = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
        return PublishedDate(value_dt, "exact", "metadata", evidence=evidence)
    iso = s.replace("Z", "+00:00") if s.endswith("Z") else s
    named = re.fullmatch(r"(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*([A-Za-z]{1,5})", iso)
    if named and _tzinfo(named.group(2)) is not None:  # "2017-06-12 10:00:00 UTC"
        base = dt.datetime.fromisoformat(named.group(1))
        return PublishedDate(base.replace(tzinfo=_tzinfo(named.group(2))), "exact", "metadata", evidence=evidence)
    if re.fullmatch(r"[+-]?\d{4}-\d{2}-\d{2}([T ].*)?|\d{8}T\d{4,6}(?:[+-]\d{2}:?\d{2})?", iso):
        try:
            parsed = dt.datetime.fromisoformat(re.sub(r"([+-]\d{2})$", r"\1:00", iso))
        except ValueError:
            parsed = None
        if parsed is not None:
            if parsed.tzinfo is not None:
                return PublishedDate(parsed, "exact", "metadata", evidence=evidence)
            return PublishedDate(parsed.date(), "day", "metadata", evidence=evidence)
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", s):
        try:
            rfc = email.utils.parsedate_to_datetime(s)
        except (TypeError, ValueError):
            rfc = None
        if rfc is not None:
            if rfc.tzinfo is not None:
                return PublishedDate(rfc, "exact", "metadata", evidence=evidence)
            return PublishedDate(rfc.date(), "day", "metadata", evidence=evidence)
    hits = _search(s)
    if hits:
        f = hits[0][1]
        return PublishedDate(f.value, f.precision, "metadata", interval=f.interval, evidence=evidence)
    return _coarse(s)


def _coarse(s: str) -> PublishedDate | None:
    """A month or a year only ("June 2017", "2017-06", "2017"): an interval, not a day."""
    m = re.fullmatch(r"(?i:" + _MON + r")\s*,?\s*(?P<y>(?:19|20)\d{2})|(?P<y2>(?:19|20)\d{2})-(?P<m2>0[1-9]|1[0-2])", s)
    if m:
        year = int(m.group("y") or m.group("y2"))
        month = _MONTHS[m.group("mon").lower().rstrip(".")] if m.group("mon") else int(m.group("m2"))
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        return PublishedDate(None, "inferred", "metadata", interval=(dt.date(year, month, 1), last), evidence=s[:80])
    if re.fullmatch(r"(?:19|20)\d{2}", s):
        year = int(s)
        return PublishedDate(None, "inferred", "metadata", interval=(dt.date(year, 1, 1), dt.date(year, 12, 31)),
                             evidence=s)
    return None


# --------------------------------------------------------------------------- text header


def header_lines(raw_text: str) -> list[str]:
    """The header area: the first HEADER_LINES non-empty lines, at most HEADER_CHARS characters.

    Page chrome above the headline (notification prompts, appeals, navigation) does not use up
    the budget, so a date line below a long masthead is still in the header area.
    """
    from sitrep.ingest.boilerplate import score_line  # lazy: boilerplate is a sibling module

    out: list[str] = []
    used = prose = 0
    for scanned, line in enumerate(raw_text[: HEADER_CHARS * 8].splitlines()):
        line = line.strip()
        if not line:
            continue
        if used >= HEADER_CHARS or len(out) >= HEADER_LINES or scanned >= 4 * HEADER_LINES or prose >= 2:
            break  # (two body paragraphs in: the header is over)
        n = len(line.split())
        if n < 25 and not _YEAR.search(line) and score_line(line, 0.0)[0] >= 3.0:
            continue  # chrome: skipped, and it does not count
        out.append(line)
        used += len(line)
        prose += n >= 25
    return out


def last_timestamp_span(text: str) -> tuple[int, int] | None:
    """Span of the last date-with-clock-time in ``text`` ("Mon Mar 2 , 2009 4:23 pm EST"), if any."""
    stamps = [m for m, f in _search(text) if f.has_time]
    return (stamps[-1].start(), stamps[-1].end()) if stamps else None


def is_date_line(line: str) -> bool:
    """A line that is nothing but a date (with time, weekday, byline or label): header, not prose."""
    if len(line) > 120:
        return False
    hits = _search(line)
    if not hits:
        return False
    rest = line
    for m, _ in reversed(hits):
        rest = rest[: m.start()] + " " + rest[m.end():]
    rest = _HEADER_FILLER.sub(" ", rest)
    return len(rest.split()) <= 4


def _text_candidate(lines: list[str]) -> _Found | None:
    context = " ".join(lines)
    labelled: list[_Found] = []
    plain: list[_Found] = []
    used = 0
    for full in lines:
        line = full[: max(80, HEADER_CHARS - used)]
        used += len(full)
        lab = _LABEL.match(line)
        if lab:
            hits = _search(line[lab.end():], context)
            if hits and hits[0][0].start() <= 2:
                f = hits[0][1]
                label = re.sub(r"\s+", " ", lab.group("label").lower())
                labelled.append(_Found(f.value, f.precision, line[:120], f.interval, f.has_time, label))
                continue
        hits = _search(line, context)
        if not hits:
            continue
        if is_date_line(full):
            plain.append(_Found(hits[0][1].value, hits[0][1].precision, line[:120], hits[0][1].interval,
                                hits[0][1].has_time))
            continue
        for m, f in hits:
            # a date followed by a clock time, with a short header-like lead ("By X, CITY |"):
            # a wire header, not prose
            lead = _HEADER_FILLER.sub(" ", line[: m.start()]).split()
            framed = line[: m.start()].rstrip().endswith("|") or _WIRE_AFTER.match(line, m.end()) is not None
            if f.has_time and (framed or (len(lead) <= 8 and sum(w.islower() for w in lead) <= 2)):
                plain.append(_Found(f.value, f.precision, m.group(0).strip(), f.interval, f.has_time))
                break
    published = [f for f in labelled if "updat" not in (f.label or "")]
    for group in (published, plain, labelled):
        if group:
            return group[0]
    return None


def _yearless_dateline(lines: list[str], year: int) -> _Found | None:
    for line in lines[:3]:
        m = _YEARLESS_DATELINE.match(line)
        if m:
            d = _safe_date(year, _MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d")))
            if d:
                return _Found(d, "day", line[:120])
    return None


def _dated_dateline(lines: list[str]) -> _Found | None:
    """A wire dateline with a year opening a header line ("KYIV, March 14, 2023 (Reuters) -")."""
    for line in lines:
        for pattern in _DATED_DATELINES:
            m = pattern.match(line)
            if m is None or (m.group("dash") if "dash" in pattern.groupindex else None) is not None \
                    and any(c.islower() for c in m.group("city")):
                continue  # no agency: only a city in capitals makes it a dateline
            d = _safe_date(int(m.group("y")), _MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d")))
            if d is not None:
                return _Found(d, "day", m.group(0).strip()[:120])
    return None


# --------------------------------------------------------------------------- path and inference


def date_from_path(path: str) -> tuple[dt.date, str] | None:
    """A date in a folder or file name (``InputDocs/2011-04-21/x.htm.txt``, ``2017/06/12``)."""
    found: tuple[dt.date, str] | None = None
    for m in _PATH_DATE.finditer(path.replace("\\", "/")):
        d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d is not None:
            found = (d, m.group(0))  # the innermost (last) date wins
    return found


def _coerce_interval(result: Any) -> tuple[dt.date, dt.date] | None:
    if result is None:
        return None
    for attr in ("interval",):
        if hasattr(result, attr):
            return _coerce_interval(getattr(result, attr))
    if hasattr(result, "begin") and hasattr(result, "end"):
        return _coerce_interval((result.begin, result.end))
    if isinstance(result, (tuple, list)) and len(result) == 2:
        a, b = (x.date() if isinstance(x, dt.datetime) else x for x in result)
        if isinstance(a, dt.date) and isinstance(b, dt.date) and a <= b:
            return (a, b)
    return None


def _inferred(raw_text: str) -> PublishedDate | None:
    try:
        import sitrep.time as time_stage

        infer = time_stage.infer_published  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        return None
    try:
        from sitrep.ingest.clean import clean_text  # lazy: clean imports this module

        # reader comments and page furniture are written later than the article: infer from the article only
        result = infer(clean_text(raw_text).text or raw_text)
        interval = _coerce_interval(result)
    except Exception:  # noqa: BLE001 - inference is best effort; a failure means "unknown"
        return None
    if interval is None:
        return None
    why = getattr(result, "evidence", None)
    evidence = f"inferred from content: {why}" if isinstance(why, str) and why else "inferred from content"
    return PublishedDate(None, "inferred", "inferred", interval=interval, evidence=evidence[:300])


# --------------------------------------------------------------------------- entry point


def find_published(*, metadata_date: str | None, raw_text: str, path: str | None) -> PublishedDate:
    """Publication date: metadata, then header/dateline text, then path, then inference, else unknown."""
    meta_year: int | None = None
    ambiguous: PublishedDate | None = None
    if metadata_date and metadata_date.strip():
        parsed = parse_date_string(metadata_date)
        if parsed is not None and parsed.value is not None:
            return parsed
        if parsed is not None:
            ambiguous = parsed
        y = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", metadata_date)
        meta_year = int(y.group(1)) if y else None

    # markup has no header lines to read (its date comes from the HTML metadata, see clean_text's meta)
    lines = [] if _MARKUP.match(raw_text) else header_lines(raw_text)
    found = _text_candidate(lines)
    if found is None or found.value is None:
        found = _dated_dateline(lines) or found
    if found is None and meta_year is not None:
        found = _yearless_dateline(lines, meta_year)
    if found is not None:
        result = PublishedDate(found.value, found.precision, "text", found.interval, found.evidence)
        if found.value is not None:
            return result
        ambiguous = ambiguous or result

    if path:
        from_path = date_from_path(path)
        if from_path is not None:
            return PublishedDate(from_path[0], "day", "filename", evidence=from_path[1])

    if ambiguous is not None:
        return ambiguous
    inferred = _inferred(raw_text)
    return inferred if inferred is not None else UNKNOWN
