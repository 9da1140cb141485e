"""Handlers for relative expressions: weekdays, clock times, deictic and anaphoric references, durations, sets."""

from __future__ import annotations

import datetime as dt
import re

from sitrep.time import normalise as N
from sitrep.time.context import Ctx, next_word, norm, parse_num, prev_word, tense
from sitrep.time.normalise import Res
from sitrep.time.patterns import MONTHS, PARTS_OF_DAY, PAST_CUE, SEASONS, WEEKDAYS
from sitrep.time.rules_common import (
    GRAN,
    KEEP_APPROX,
    Out,
    direction_of,
    ok,
    pod_suffix,
    season_pick,
    unresolved,
)

_AHEAD_OF_WD = re.compile(r"(?i:\bahead\s+of\s+)$")


def h_weekday(m: re.Match[str], ctx: Ctx) -> Out:
    wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
    rel = norm(m["rel"] or "")
    suffix = pod_suffix(m["pod"], m["pre"])
    anchor = ctx.anchor
    if rel in ("the previous", "the following", "the next"):
        base = ctx.base_day()
        if base is None:
            return ok(Res("TIME" if suffix else "DATE", f"XXXX-WXX-{wd + 1}{suffix}"), m)
        d = N.weekday_near(base, wd, "strict_past" if rel == "the previous" else "strict_future")
    elif anchor is None:
        return ok(Res("TIME" if suffix else "DATE", f"XXXX-WXX-{wd + 1}{suffix}"), m)
    elif rel in ("last", "past", "this past", "previous"):
        d = N.weekday_near(anchor, wd, "strict_past")
    elif rel == "next":
        d = N.weekday_near(anchor, wd, "strict_future")
    elif rel in ("this", "coming", "this coming"):
        d = N.weekday_near(anchor, wd, "future")
    elif ctx.text.startswith("'s", m.end()) and not (
            _AHEAD_OF_WD.search(ctx.text, max(0, m.start() - 14), m.start()) and direction_of(m, ctx) == "future"):
        d = N.weekday_near(anchor, wd, "past")  # "Wednesday's ruling" has happened; "ahead of Sunday's vote" has not
    else:
        ahead = direction_of(m, ctx) == "future" or _arrangement(ctx.text, m.start())
        d = N.weekday_near(anchor, wd, "future" if ahead else "past")
    return ok(N.day_res(d, suffix), m)


# "It is sending an envoy to Damascus on Monday": a present progressive whose clause names a weekday, with no
# past verb between them, is an arrangement (a past weekday would take the past tense), whatever its verb
_PROGRESSIVE = re.compile(r"\b(?:is|are|am)\s+(?!being\b)[a-z]+ing\b")


def _arrangement(text: str, start: int) -> bool:
    lo = max(0, start - 80, text.rfind(".", 0, start) + 1)
    ends = [p.end() for p in _PROGRESSIVE.finditer(text, lo, start)]
    return bool(ends) and PAST_CUE.search(text, ends[-1], start) is None


_ON_DAY = re.compile(r"\s+(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow)\b")


_HOURW = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12}


def _clock(m: re.Match[str]) -> str | None:
    if m["hw"]:
        hw = m["hw"].lower()
        h = int(hw) if hw.isdigit() else _HOURW[hw]
        if not 1 <= h <= 12:
            return None
        if m["hpod"] and m["hpod"].lower() in ("afternoon", "evening") and h < 12:
            h += 12
        return f"T{h:02d}:00"
    if m["word"]:
        w = m["word"].lower()
        return "T24:00" if w == "midnight" else "T12:00"
    if m["h"]:
        h = int(m["h"])
        mi = int(m["mi"] or 0)
        pm = m["ap"].lower().startswith("p")
        if h > 12 or h == 0:
            return None
        h = (h % 12) + (12 if pm else 0)
        return f"T{h:02d}:{mi:02d}"
    if m["h24"]:
        return f"T{int(m['h24']):02d}:{m['m24']}"
    if m["hhmm"]:
        return f"T{m['hhmm'][:2]}:{m['hhmm'][2:]}"
    return None


def h_time(m: re.Match[str], ctx: Ctx) -> Out:
    clock = _clock(m)
    if clock is None:
        return None
    if m["word"] and prev_word(ctx.text, m.start()) == "high":
        return None
    if m["h24"] and not m["m24"]:
        return None
    if m["h24"]:
        before = ctx.text[max(0, m.start() - 2):m.start()]
        after = ctx.text[m.end():m.end() + 2]
        if re.search(r"[\d:]", before + after):
            return None
    base: dt.date | None
    if m["day"]:
        w = m["day"].lower()
        if ctx.anchor is None:
            return ok(Res("TIME", "XXXX-XX-XX" + clock), m)
        base = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
    elif m["wd"]:
        if ctx.anchor is None:
            return ok(Res("TIME", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower().rstrip('.')] + 1}{clock}"), m)
        wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
        base = N.weekday_near(ctx.anchor, wd, "future" if direction_of(m, ctx) == "future" else "past")
    else:
        base = ctx.base_day()
        later = _ON_DAY.match(ctx.text, m.end())
        if later is not None and ctx.anchor is not None:
            # "at 3pm on Thursday": the day named next; the weekday keeps its own mention
            w = later.group(1).lower().rstrip(".")
            if w in WEEKDAYS:
                direction = tense(ctx.text, later.start(1), later.end(1))
                base = N.weekday_near(ctx.anchor, WEEKDAYS[w], "future" if direction == "future" else "past")
            else:
                base = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
        if base is None:
            return ok(Res("TIME", "XXXX-XX-XX" + clock), m)
    res = N.day_res(base, clock)
    return ok(res, m)


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2}


_GENERIC_AFTER_TODAY = re.compile(
    r"'s\s+(?:[a-z-]+\s+)?(?:world|youth|society|generation|young|children|kids|teenagers|students|standards|dollars"
    r"|economy|markets?|technology|media|consumers?|workers|families|culture|politics|environment|military|army"
    r"|china|america|europe|russia|africa|india|japan|britain|germany|france)\b", re.I)


def _generic_day(text: str, m: re.Match[str], w: str) -> bool:
    """"today's world", "the leaders of tomorrow": the present or future in general, not a day."""
    if w == "today" and _GENERIC_AFTER_TODAY.match(text, m.end()):
        return True
    return w == "tomorrow" and prev_word(text, m.start()) == "of" and not re.match(r"\s+(?:morning|night|at)\b",
                                                                                     text[m.end():m.end() + 10])


def h_deictic(m: re.Match[str], ctx: Ctx) -> Out:
    w = norm(m["word"])
    if w == "overnight":
        # the night before the reference day; "overnight" in "won overnight support" is not a time
        if m["pod"] or m["pre"] or next_word(ctx.text, m.end()) in ("success", "sensation", "star", "stay", "stays"):
            return None
        base = ctx.base_day()
        if base is not None and ctx.anchor is not None and base > ctx.anchor:
            base = ctx.anchor  # a night already past: not the night before a day still to come
        if base is None:
            return ok(Res("TIME", "XXXX-XX-XXTNI"), m)
        return ok(N.day_res(base - dt.timedelta(days=1), "TNI"), m)
    if not m["pod"] and not m["pre"] and _generic_day(ctx.text, m, w):
        return None
    suffix = pod_suffix(m["pod"]) or ("TNI" if w == "tonight" else "")
    if ctx.anchor is None:
        return ok(Res("TIME" if suffix else "DATE", "XXXX-XX-XX" + suffix), m)
    d = ctx.anchor + dt.timedelta(days=_DEICTIC[w])
    start = m.start("word") if m["pre"] and norm(m["pre"]) in ("later", "earlier") else m.start()
    return (N.day_res(d, suffix), start, m.end())


def h_pod(m: re.Match[str], ctx: Ctx) -> Out:
    rel = norm(m["rel"])
    suffix = pod_suffix(m["pod"])
    if rel in ("this", "last", "yesterday", "tomorrow"):
        base = ctx.anchor
        shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
        if rel == "last" and suffix not in ("TNI",):
            shift = -1
    else:
        base = ctx.base_day()
        shift = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
    if base is None:
        return ok(Res("TIME", "XXXX-XX-XX" + suffix), m)
    return ok(N.day_res(base + dt.timedelta(days=shift), suffix), m)


def h_relunit(m: re.Match[str], ctx: Ctx) -> Out:
    rel = norm(m["rel"])
    unit = norm(m["unit"])
    mod = m["mod"]
    anchor = ctx.anchor
    anaphoric = rel in ("the previous", "the following", "the same", "that", "the prior", "the preceding")
    if unit == "day":
        if rel not in ("that", "the same", "the previous", "the following", "the next", "the prior", "the preceding"):
            return None
        base = ctx.base_day()
        if base is None:
            return ok(unresolved("day"), m)
        off = {"the previous": -1, "the prior": -1, "the preceding": -1, "the following": 1, "the next": 1}.get(rel, 0)
        return ok(N.day_res(base + dt.timedelta(days=off)), m)
    if rel in ("the past", "the last") and unit in ("decade", "century"):
        return ok(Res("DURATION", "P10Y" if unit == "decade" else "P100Y"), m)
    if unit in SEASONS:
        if anchor is None:
            return ok(Res("DATE", "XXXX-" + SEASONS[unit]), m)
        s = SEASONS[unit]
        if rel in ("last", "the past", "this past", "the last", "the previous"):
            res = season_pick(anchor, s, "strict_past")
        elif rel in ("next", "the coming", "the next", "this coming", "the upcoming", "the following"):
            res = season_pick(anchor, s, "strict_future")
        else:
            res = season_pick(anchor, s, None)
        return ok(N.modify(res, mod, anchor), m)
    gran = GRAN.get(unit, "year")
    if anaphoric:
        point_res = ctx.ref_any if rel != "the same" or ctx.ref_any else None
        if point_res is None or point_res.point is None:
            if anchor is None:
                return ok(unresolved(gran), m)
            base = anchor
        else:
            base = point_res.point
    else:
        if anchor is None:
            return ok(unresolved(gran), m)
        base = anchor
    if rel in ("last", "the past", "the previous", "this past", "the last", "the prior", "the preceding", "last fiscal"):
        off = -1
    elif rel in ("next", "the following", "the coming", "the next", "this coming", "the upcoming", "next fiscal"):
        off = 1
    else:
        off = 0
    if unit == "weekend":
        # "this weekend" early in the week is the coming one; "last weekend" the one before the anchor
        monday = base - dt.timedelta(days=base.weekday())
        if off == 0 and base.weekday() < 5 and direction_of(m, ctx) != "future":
            off = -1 if rel != "this" else 0
        res = N.weekend_res(monday + dt.timedelta(days=7 * off))
    else:
        if rel == "the latest" and gran == "quarter":
            off = -1  # the latest reported quarter is the last completed one
        res = N.shift(gran, base, off)
    if rel == "so far this":
        mod = "earlier"
    return ok(N.modify(res, mod, anchor), m)


def h_inthe(m: re.Match[str], ctx: Ctx) -> Out:
    """"the end of the month", "earlier in the year": the anchor's (or the narrative's) unit, narrowed."""
    unit = norm(m["unit"])
    mod = norm(m["mod"]).replace(" in", "")
    gran = GRAN[unit]
    base = ctx.base_day() if unit == "day" else ctx.anchor
    if base is None:
        return ok(unresolved(gran), m)
    res = N.shift(gran, base, 0)
    if unit == "day":
        # TimeML tags "the day" in "later in the day"
        return (res, m.end() - len(m.group().split()[-1]) - 4, m.end())
    return ok(N.modify(res, mod, ctx.anchor), m)


def h_weekend(m: re.Match[str], ctx: Ctx) -> Out:
    anchor = ctx.anchor
    if anchor is None:
        return ok(Res("DATE", "XXXX-WXX-WE"), m)
    fut = direction_of(m, ctx) == "future"
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if anchor.weekday() >= 5 or fut:
        return ok(N.weekend_res(monday), m)
    return ok(N.weekend_res(monday - dt.timedelta(days=7)), m)


_DAY_AFTER_WD = re.compile(r"\s+(?:(?P<rel>last|next|this)\s+)?"
                           r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def h_anaday(m: re.Match[str], ctx: Ctx) -> Out:
    w = norm(m["w"] or m["w2"] or m["w3"])
    if m["w"]:
        off = -1 if norm(m["dir"]) in ("before", "earlier", "prior") else 1
        unit = w
    else:
        rel = norm(m["rel"] or "that")
        off = {"previous": -1, "preceding": -1, "prior": -1, "following": 1, "next": 1}.get(rel, 0)
        unit = "day"
    suffix = pod_suffix(w) if w in ("night", "morning", "evening", "afternoon") else ""
    if unit == "day" and m["w"] and norm(m["dir"]) in ("before", "after") and ctx.anchor is not None:
        nxt = _DAY_AFTER_WD.match(ctx.text, m.end())
        if nxt is not None:  # "the day before last Tuesday's hearing": that Tuesday, minus one
            wd = WEEKDAYS[nxt["wd"].lower()]
            rel = (nxt["rel"] or "").lower()
            how = {"last": "strict_past", "next": "strict_future", "this": "future"}.get(rel) or (
                "future" if tense(ctx.text, m.start(), nxt.end()) == "future" else "past")
            d = N.weekday_near(ctx.anchor, wd, how) + dt.timedelta(days=off)
            return (N.day_res(d), m.start(), nxt.end("wd"))
    suffix = pod_suffix(w) if w in ("night", "morning", "evening", "afternoon") else ""
    if unit in ("day", "night"):
        base = ctx.base_day()
        if base is None:
            return ok(Res("TIME" if suffix else "DATE", "XXXX-XX-XX" + suffix), m)
        return ok(N.day_res(base + dt.timedelta(days=off), suffix), m)
    gran = GRAN[unit]
    ref = ctx.ref_any
    base2 = ref.point if ref is not None and ref.point else ctx.anchor
    if base2 is None:
        return ok(unresolved(gran), m)
    return ok(N.shift(gran, base2, off), m)


_POD_PREP = re.compile(r"(?i:\b(?:in|during|by|until|till|into|throughout|through|since|overnight|early\s+in|late\s+in|later\s+in)\s+)$")


def h_thepod(m: re.Match[str], ctx: Ctx) -> Out:
    """"fighting broke out in the afternoon": that part of the day the text is on."""
    if not _POD_PREP.search(ctx.text, max(0, m.start() - 14), m.start()):
        return None
    suffix = pod_suffix(m["pod"].replace("mid-", "mid"), m["pod"] if m["pod"].startswith("mid") else None)
    base = ctx.base_day()
    if base is None:
        return ok(Res("TIME", "XXXX-XX-XX" + suffix), m)
    return ok(N.day_res(base, suffix), m)


def h_ordday(m: re.Match[str], ctx: Ctx) -> Out:
    """"It is the second day of the offensive": the day itself (the anchor, or the day the text is on)."""
    start = m.start("ord") if norm(m.group()).startswith(("his ", "her ", "its ", "their ")) else m.start()
    if re.search(r"(?i:\b(?:is|it's|marks?|today\s+is)\s+)$", ctx.text[max(0, m.start() - 12):m.start()]):
        base = ctx.anchor
    elif tense(ctx.text, m.start(), m.end()) == "future":
        return (unresolved("day"), start, m.end())
    else:
        base = ctx.base_day()
    if base is None:
        return (unresolved("day"), start, m.end())
    return (N.day_res(base), start, m.end())


def _is_set_context(ctx: Ctx, start: int) -> bool:
    before = ctx.text[max(0, start - 40):start]
    return bool(re.search(r"(?i:\b(?:once|twice|thrice|times)|\d[\d,.]*%?(?:\s+\w+){0,2}|\$[\d,.]+\s*\w*|\bcents?|\bdollars?"
                          r"|\bpounds?|\beuros?|\bbarrels|\btons|\btonnes|\bshares|\bpercent)\s+$", before))


def h_duration(m: re.Match[str], ctx: Ctx) -> Out:
    if m["tail"] and norm(m["tail"]).endswith("old"):
        return None
    unit = m["unit"].lower()
    num_s = norm(m["num"])
    if num_s in ("a", "an", "one") and unit == "second":
        return None
    nxt = ctx.text[m.end():m.end() + 6]
    if unit in ("quarter", "quarters") and re.match(r"\s+of\b", nxt) and num_s in ("a", "one", "three", "two"):
        return None
    if num_s in ("some", "many") and not unit.endswith("s"):
        return None
    if re.match(r"-(?:earlier|ago|end|old)\b", nxt):
        return None  # "a year-earlier loss": the comparative rule takes "year-earlier"
    n = parse_num(m["num"])
    if n is not None and 1000 <= n <= 2099 and float(n).is_integer():
        return None  # "the 1988 quarter", "1990 levels"
    if m["unit"][0].isupper() and not m["unit"].isupper() and re.match(r"['’]?s?['’]?\s+[A-Z][a-z]", ctx.text[m.end():m.end() + 8]):
        return None  # a name: "the Six-Day War", "the Thirty Years' War"
    if m["half"] and n is not None:
        n += 0.5  # "a minute and a half"
    if m["num2"]:
        n2 = parse_num(m["num2"])
        n = None if n is None or n2 is None else None
    start = m.start()
    det = norm(m["det"] or "")
    rel = norm(m["rel"] or "")
    approx = norm(m["approx"] or "")
    if rel == "last" and not det and approx:
        return None  # "last over a week": the verb
    if approx and approx not in KEEP_APPROX:
        if not det and not rel:
            start = m.start("num")
    if det == "the" and not rel and "-" in ctx.text[m.start("num"):m.start("unit")]:
        start = m.start("num")  # "the 14-day deadline": the determiner belongs to the noun
    if num_s in ("a", "an") and not det and not rel and not m["approx"] and _is_set_context(ctx, start):
        u = unit.rstrip("s")
        return ok(Res("SET", N.duration_value(1, u)), m)
    # a bare count ("24 hours") preceded by a plain number is a list, not a duration
    value = N.duration_value(n, unit)
    res = Res("DURATION", value)
    anchor = ctx.anchor
    if anchor is not None and n is not None and rel in ("past", "last", "previous", "recent"):
        res = Res("DURATION", value, N.back(anchor, n, unit), anchor)
    elif anchor is not None and n is not None and rel in ("next", "coming", "following"):
        res = Res("DURATION", value, anchor, N.forward(anchor, n, unit))
    elif anchor is not None and n is not None and not rel and not det and _OF_COMBAT.match(ctx.text, m.end()) \
            and _IN_SPAN.search(ctx.text, max(0, m.start("num") - 12), m.start("num")):
        # "523 civilians have died in two months of fighting": the span up to the reporting day
        res = Res("DURATION", value, N.back(anchor, n, unit), anchor)
    if ctx.text[start:start + 4].lower() == "over" and norm(m["num"]) not in ("a", "an"):
        start = m.start("num")
    return (res, start, m.end())


# a span of combat ("two months of fighting", "three weeks of air strikes") and the word that sets it in the text
_OF_COMBAT = re.compile(r"\s+of\s+(?:(?:heavy|fierce|intense|relentless|near-constant|constant|renewed)\s+)?(?:fighting|"
                        r"clashes|battles?|bombing|bombardments?|shelling|air ?strikes|airstrikes|siege|war|conflict|"
                        r"violence|unrest|protests?|offensive|assaults?)\b", re.IGNORECASE)
_IN_SPAN = re.compile(r"\b(?:in|during|over|after|amid)\s+$", re.IGNORECASE)


def _ago_gran(unit: str) -> str:
    u = unit.lower().rstrip("s")
    return {"day": "day", "night": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year",
            "decade": "year", "centurie": "year", "century": "year", "hour": "day", "minute": "day",
            "second": "day", "fortnight": "day"}.get(u, "year")


def h_ago(m: re.Match[str], ctx: Ctx) -> Out:
    d = norm(m["dir"])
    unit = m["unit"].lower()
    if d in ("before", "after", "back"):
        after = ctx.text[m.end():m.end() + 12]
        if re.match(r"\s*[A-Za-z0-9$]", after) and not re.match(r"\s*(?:and|but|when|that|or)\b", after):
            return None
    n = parse_num(m["num"])
    if m["half"] and n is not None:
        n += 0.5
    past = d in ("ago", "earlier", "before", "previously", "back")
    if d in ("later", "after"):
        # TimeML tags "three days" in "three days later" as a duration ("later" is a signal);
        # the interval still carries the day it points to
        approx = norm(m["approx"] or "")
        start = m.start("num") if approx and approx not in KEEP_APPROX else m.start()
        target = h_ago_point(m, ctx, n, unit, past=False, deictic=False)
        begin, end = (target.begin, target.end) if target is not None else (None, None)
        return (Res("DURATION", N.duration_value(n, unit), begin, end), start, m.end("half") if m["half"] else m.end("unit"))
    deictic = d in ("ago", "from now", "hence", "back")
    if n is None:
        return ok(Res("DATE", "PAST_REF" if past else "FUTURE_REF"), m)
    res2 = h_ago_point(m, ctx, n, unit, past, deictic)
    return None if res2 is None else ok(res2, m)


def h_ago_point(m: re.Match[str], ctx: Ctx, n: float | None, unit: str, past: bool, deictic: bool) -> Res | None:
    if n is None:
        return None
    if unit.rstrip("s") == "year" and not float(n).is_integer():
        n, unit = n * 12, "months"  # "a year and a half ago": 18 months back
    gran = _ago_gran(unit)
    u = unit.rstrip("s")
    sign = -1 if past else 1
    if deictic and not (unit.startswith("year") and ctx.ref_any is not None and ctx.ref_any.gran == "quarter"):
        base = ctx.anchor
        ref_res = None
    else:
        ref_res = ctx.ref_day if gran == "day" else ctx.ref_any
        base = ref_res.point if ref_res is not None and ref_res.point else ctx.anchor
    if base is None:
        return unresolved(gran)
    if u in ("hour", "minute", "second"):
        return (N.day_res(base))
    if u == "year" and ref_res is not None and ref_res.gran in ("quarter", "month", "half", "week", "season"):
        steps = {"quarter": 4, "month": 12, "half": 2, "week": 52, "season": 0}[ref_res.gran] * int(n)
        if ref_res.gran == "season":
            s = ref_res.value[-2:]
            return (N.season_res(base.year + sign * int(n), s))
        return (N.shift(ref_res.gran, base, sign * steps))
    if u == "week":
        point = base + dt.timedelta(days=7 * sign * n)
        return N.week_res(point)
    if u == "day" or u == "night":
        return (N.day_res(base + dt.timedelta(days=int(sign * n))))
    if u == "fortnight":
        return (N.day_res(base + dt.timedelta(days=int(sign * 14 * n))))
    if u == "month":
        p = N.add_months(base, int(sign * n))
        return (N.month_res(p.year, p.month))
    if u == "quarter":
        return (N.shift("quarter", base, int(sign * n)))
    years = {"year": 1, "decade": 10, "centurie": 100, "century": 100}.get(u, 1) * n
    return (N.year_res(base.year + int(sign * years)))


def h_vague(m: re.Match[str], ctx: Ctx) -> Out:
    pre = norm(m["pre"] or "")
    unit = m["unit"].lower()
    start, end = m.start(), m.end()
    after = ctx.text[end:end + 12]
    if re.match(r"\s+ago\b", after):
        return (Res("DATE", "PAST_REF"), start + (len(m["pre"]) + 1 if pre else 0), end + len(after) - len(after.lstrip()) + 3)
    if pre in ("recent", "in recent"):
        # TempEval-3 gold: "recent days/weeks/months" are vague durations, "recent years" a past reference
        s = start + (3 if pre.startswith("in ") else 0)
        b = ctx.anchor - dt.timedelta(days=7 if unit == "days" else 30 if unit == "weeks" else 180) if ctx.anchor else None
        e = ctx.anchor if b else None
        if unit in ("years", "decades", "centuries"):
            return (Res("DATE", "PAST_REF", b, e), s, end)
        return (Res("DURATION", N.duration_value(None, unit), b, e), s, end)
    if pre in ("coming", "the coming", "in the coming", "next", "the next", "future", "in future"):
        s = start + (3 if pre.startswith("in ") else 0)
        return (Res("DURATION", N.duration_value(None, unit)), s, end)
    if pre in ("for", "in", "within", "over", "after"):
        if pre == "in" and unit in ("minutes", "hours", "days", "weeks"):
            return None
        return (Res("DURATION", N.duration_value(None, unit)), m.start("unit"), end)
    if pre in ("past", "last", "the past", "the last", "the previous", "the following"):
        return (Res("DURATION", N.duration_value(None, unit)), start, end)
    if not pre and re.match(r"\s+of\s+(?:fighting|war|talks|negotiations|clashes|protests|violence|conflict|siege|bombing)", after):
        return (Res("DURATION", N.duration_value(None, unit)), start, end)
    return None


_REF = {"right now": "PRESENT_REF", "just now": "PRESENT_REF", "now": "PRESENT_REF", "currently": "PRESENT_REF",
        "current": "PRESENT_REF",
        "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
        "at the moment": "PRESENT_REF", "for the moment": "PRESENT_REF", "the time being": "PRESENT_REF",
        "to date": "PRESENT_REF"}


def h_ref(m: re.Match[str], ctx: Ctx) -> Out:
    w = norm(m["w"])
    start, end = m.start(), m.end()
    if w == "soon" and re.match(r"\s+as\b", ctx.text[end:end + 4]) and prev_word(ctx.text, start) == "as":
        return None
    if w == "now" and re.match(r"-", ctx.text[end:end + 1]):
        return None
    if w in ("right now", "just now"):
        start = m.end() - 3
        w = "now"
    if w == "soon" and re.match(r"\s+after", ctx.text[end:end + 7]):
        return None
    if w == "current":
        nxt = next_word(ctx.text, end)
        if ctx.text[end:end + 1] != " " or nxt in ("account", "accounts", "affairs", "flow", "flows", "of", "and",
                                                 "events", "president", "leader", "head", "chief", "members"):
            return None
    if w == "recent" and (ctx.text[end:end + 1] != " " or next_word(ctx.text, end) in ("and", "years", "days")):
        return None
    if w == "future" and (ctx.text[end:end + 1] != " " or prev_word(ctx.text, start) in ("the", "a", "its", "no")):
        return None
    if w == "at the time":
        if next_word(ctx.text, end) in ("of", "when", "that", "the", "it", "he", "she", "they"):
            return None
        start += 3
        return (Res("DATE", "PAST_REF"), start, end)
    if w.endswith(" ahead") or w.startswith("the coming "):
        unit = w.split()[1] if w.endswith(" ahead") else w.split()[-1]
        return (Res("DURATION", N.duration_value(None, unit)), start, end)
    if w.endswith("a later date"):
        start = end - len("a later date")
        return (Res("DATE", "FUTURE_REF"), start, end)
    if w in _REF:
        v = _REF[w]
    elif w in ("recently", "lately", "more recently", "most recently", "the past", "recent"):
        v = "PAST_REF"
    else:
        v = "FUTURE_REF"
    a = ctx.anchor
    if v == "PRESENT_REF":
        return (Res("DATE", v, a, a), start, end)
    if v == "PAST_REF" and w in ("recently", "lately") and a is not None:
        return (Res("DATE", v, a - dt.timedelta(days=30), a), start, end)
    return (Res("DATE", v), start, end)


_SET_ADV = {"daily": "P1D", "weekly": "P1W", "nightly": "P1D", "monthly": "P1M", "quarterly": "P3M",
            "annually": "P1Y", "yearly": "P1Y", "biweekly": "P2W", "hourly": "PT1H"}


_FIN_NOUNS = {"dividend", "dividends", "results", "loss", "losses", "profit", "profits", "earnings", "report",
              "reports", "payment", "payments", "volume", "turnover", "average", "rate", "of", "payout", "net"}


def h_set(m: re.Match[str], ctx: Ctx) -> Out:
    if m["adv"]:
        adv = m["adv"].lower()
        if adv in ("daily", "weekly", "monthly") and prev_word(ctx.text, m.start()) in ("the", "a", "an") and \
                re.match(r"\s+[A-Z]", ctx.text[m.end():m.end() + 3]):
            return None
        if next_word(ctx.text, m.end()) in _FIN_NOUNS:
            return None
        return ok(Res("SET", _SET_ADV[adv]), m)
    if m["mon"]:
        return ok(Res("SET", f"XXXX-{MONTHS[m['mon'].lower().rstrip('.')]:02d}"), m)  # "each July"
    if m["wd"] or m["pl"]:
        w = (m["wd"] or m["pl"][:-1]).lower().rstrip(".")
        return ok(Res("SET", f"XXXX-WXX-{WEEKDAYS[w] + 1}"), m)
    unit = m["unit"].lower()
    if unit in PARTS_OF_DAY:
        return ok(Res("SET", "XXXX-XX-XXT" + PARTS_OF_DAY[unit]), m)
    if unit in SEASONS:
        return ok(Res("SET", "XXXX-" + SEASONS[unit]), m)
    n = parse_num(m["num"]) if m["num"] else 1
    if m["other"] and m["other"].lower() == "other":
        n = 2
    if m["other"] and m["other"].lower() == "single":
        n = 1
    if unit == "weekend":
        return ok(Res("SET", "XXXX-WXX-WE"), m)
    return ok(Res("SET", N.duration_value(n, unit)), m)

