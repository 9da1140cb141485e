"""Handlers for calendar expressions: explicit dates, months, years, decades, quarters, seasons, holidays."""

from __future__ import annotations

import re

from sitrep.time import normalise as N
from sitrep.time.context import Ctx, next_word, norm, prev_word
from sitrep.time.normalise import Res
from sitrep.time.patterns import SEASONS, WEEKDAYS
from sitrep.time.rules_common import (
    Out,
    direction_of,
    month_num,
    ok,
    season_pick,
    unresolved,
)

_PREP_MONTH = {"in", "since", "by", "until", "till", "of", "from", "to", "through", "during", "before", "after",
               "early", "late", "mid", "last", "this", "next", "end", "and", "or", "between", "on", "around", "for",
               "(", "beginning", "start", "middle", "throughout", "into", "within", "that", "each", "every"}


_COUNT_NOUNS = {"people", "men", "women", "children", "police", "personnel", "troops", "soldiers", "civilians",
                "fighters", "militants", "refugees", "families", "homes", "houses", "km", "kilometres", "kilometers",
                "miles", "metres", "meters", "feet", "tons", "tonnes", "barrels", "dollars", "euros", "pounds", "yuan",
                "rupees", "cars", "vehicles", "jobs", "workers", "residents", "votes", "points", "calories", "acres",
                "hectares", "units", "cases", "deaths", "dead", "killed", "injured", "wounded", "persons", "strong",
                "member", "members", "rounds", "rockets", "shells", "missiles", "bombs", "mines", "sorties"}


_AGE_OR_COUNT = {"about", "some", "nearly", "almost", "around", "than", "approximately", "roughly", "over", "under",
                 "least", "only", "just", "total", "$", "no.", "number", "#", "of-",
                 # identifiers that look like years: "Resolution 1973", "Flight 2012", "Windows 2000"
                 "resolution", "resolutions", "route", "highway", "flight", "windows", "model", "room", "apartment",
                 "suite", "bus", "platform", "article", "section", "paragraph", "chapter", "item", "rule", "channel",
                 "code", "exhibit", "hill", "height", "heights", "elevation", "altitude", "kilometre", "km", "mile",
                 "box", "unit", "battalion", "brigade", "division", "squadron", "regiment"}


def h_iso(m: re.Match[str], ctx: Ctx) -> Out:
    d = N.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return ok(N.day_res(d), m) if d else None


def h_slash(m: re.Match[str], ctx: Ctx) -> Out:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y > 40 else 2000
    a, b = int(m["m"]), int(m["d"])
    us, dmy = N.safe_date(y, a, b), N.safe_date(y, b, a)  # 10/14/2017 or 14/10/2017
    d = us or dmy
    if us and dmy and us != dmy and ctx.anchor is not None:
        # both readings exist: the one nearer the anchor, a date after it counting double
        anchor = ctx.anchor
        d = min((us, dmy), key=lambda x: 2 * (x - anchor).days if x > anchor else (anchor - x).days)
    return ok(N.day_res(d), m) if d else None


def h_mdy(m: re.Match[str], ctx: Ctx) -> Out:
    mon = month_num(m["mon"])
    day = int(re.match(r"\d+", m["d"]).group())  # type: ignore[union-attr]
    if m["y"]:
        d = N.safe_date(int(m["y"]), mon, day)
        return ok(N.day_res(d), m) if d else None
    anchor = ctx.anchor
    if anchor is None:
        return ok(Res("DATE", f"XXXX-{mon:02d}-{day:02d}"), m) if N.safe_date(2000, mon, day) else None
    if m["wd"]:
        wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
        for y in (anchor.year, anchor.year - 1, anchor.year + 1):
            d = N.safe_date(y, mon, day)
            if d and d.weekday() == wd:
                return ok(N.day_res(d), m)
    direction = direction_of(m, ctx)
    this_year = N.safe_date(anchor.year, mon, day)
    if direction == "past" and this_year is not None and 0 < (this_year - anchor).days <= 45:
        direction = None  # "invited them to a ceremony on March 12": a date just ahead is the coming one
    if direction == "future" and this_year is not None and 0 < (anchor - this_year).days <= 30:
        direction = None  # "aid for victims of the Aug. 7 blasts" in an Aug. 18 paper: not next year's
    y = N.pick_year(anchor, mon, day, direction)
    d = N.safe_date(y, mon, day)
    return ok(N.day_res(d), m) if d else None


def h_weekof(m: re.Match[str], ctx: Ctx) -> Out:
    """"the week of March 6": the calendar week containing that day."""
    mon = month_num(m["mon"] or m["mon2"])
    day = int(re.match(r"\d+", m["d"] or m["d2"]).group())  # type: ignore[union-attr]
    anchor = ctx.anchor
    if m["y"]:
        y = int(m["y"])
    elif anchor is None:
        return ok(Res("DATE", "XXXX-WXX"), m) if N.safe_date(2000, mon, day) else None
    else:
        y = N.pick_year(anchor, mon, day, direction_of(m, ctx))
    d = N.safe_date(y, mon, day)
    return ok(N.week_res(d), m) if d else None


def h_month(m: re.Match[str], ctx: Ctx) -> Out:
    mon_s = m["mon"]
    mon = month_num(mon_s)
    rel = norm(m["rel"] or "")
    mod = m["mod"]
    pw = prev_word(ctx.text, m.start())
    if not m["y"] and not rel and not mod:
        if mon_s.isupper() or (not mon_s.endswith(".") and len(mon_s) <= 3 and mon_s != "May"):
            return None
        if mon_s in ("May", "March") and pw not in _PREP_MONTH:
            return None
        nw = next_word(ctx.text, m.end())
        if mon_s == "May" and re.match(r"[a-z]", ctx.text[m.end() + 1:m.end() + 2] or "") and nw in (
                "be", "have", "not", "also", "well", "become", "take", "come", "go", "seem", "help", "need"):
            return None
    anchor = ctx.anchor
    if rel and re.match(r"\s+\d{1,2}\b", ctx.text[m.end():m.end() + 4]):
        return None  # "last Oct. 23": the date rule takes "Oct. 23"
    yrel = norm(m["yrel"] or "")
    if yrel and anchor is not None:
        res = N.month_res(anchor.year + {"last": -1, "next": 1}.get(yrel, 0), mon)
    elif m["y"]:
        res = N.month_res(int(m["y"]), mon)
    elif anchor is None:
        return ok(Res("DATE", f"XXXX-{mon:02d}"), m)
    elif rel in ("last", "past", "this past"):
        y = anchor.year if mon < anchor.month else anchor.year - 1
        res = N.month_res(y, mon)
    elif rel in ("next", "coming", "this coming"):
        y = anchor.year if mon > anchor.month else anchor.year + 1
        res = N.month_res(y, mon)
    elif rel == "this":
        res = N.month_res(anchor.year, mon)
    else:
        since = re.search(r"(?i:since|from)\s+(?:(?:early|late|mid)[- ]?)?$", ctx.text[max(0, m.start() - 12):m.start()])
        direction = "past" if since else direction_of(m, ctx)
        ahead = (mon - anchor.month) % 12
        if not since and direction == "past" and 1 <= ahead <= 2:
            direction = None  # a month just ahead is the coming one; last year's would be "last March"
        if not since and ahead == 1:
            direction = "future"
        res = N.month_res(N.pick_year(anchor, mon, None, direction, forward_cost=4), mon)
    return ok(N.modify(res, mod, anchor), m)


def h_year(m: re.Match[str], ctx: Ctx) -> Out:
    y = int(m["y"])
    pw = prev_word(ctx.text, m.start())
    fiscal = m["fiscal"]
    if not fiscal and not m["mod"]:
        before = ctx.text[max(0, m.start() - 5):m.start()].lower()
        if pw in _AGE_OR_COUNT or (before[-1:] in ("$", "#", "-", "/", ".") and not re.search(r"(?:post|pre|mid)-$", before)):
            return None
        if re.match(r"\.\d", ctx.text[m.end():m.end() + 2]):
            return None
        if next_word(ctx.text, m.end()) in _COUNT_NOUNS:
            return None  # "2000 people"
        after = ctx.text[m.end():m.end() + 25]
        if re.match(r"\s+[a-z]+s\b", after) and not re.match(r"\s+(?:and|was|has|is|as|this|its|his|us)\b", after):
            if pw not in ("in", "since", "of", "by", "until", "from", "to", "before", "after", "during", "and", "post",
                          "pre", "mid"):
                return None
        if y > 2099 or y < 1500:
            return None
        if y < 1800 and pw not in ("in", "since", "of", "by", "until", "from", "to", "before", "after", "during"):
            return None
    half = norm(m["mod"] or "")
    if half in ("the first half of", "the second half of"):
        return ok(N.half_res(y, 1 if "first" in half else 2), m)
    return ok(N.modify(N.year_res(y), m["mod"], ctx.anchor), m)


def h_fy(m: re.Match[str], ctx: Ctx) -> Out:
    yy = int(m["yy"])
    return ok(N.year_res(1900 + yy if yy > 40 else 2000 + yy), m)


_DECWORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
             "nineties": 9}


def h_decade(m: re.Match[str], ctx: Ctx) -> Out:
    if m["dec"]:
        y = int(m["dec"])
    elif m["dec2"]:
        d2 = int(m["dec2"])
        y = (1900 + d2) if d2 >= 30 or ctx.anchor is None or ctx.anchor.year < 2000 else (2000 + d2)
    else:
        if not norm(m.group()).startswith("the"):
            return None
        y = 1900 + 10 * _DECWORDS[m["decw"].lower()]
    return ok(N.modify(N.decade_res(y), m["mod"]), m)


_ORDW = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
         "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
         "twentieth"]


def h_century(m: re.Match[str], ctx: Ctx) -> Out:
    if m["n"]:
        n = int(m["n"])
    else:
        w = m["nw"].lower()
        n = (20 + _ORDW.index(w.split("-")[1]) + 1) if w.startswith("twenty-") else _ORDW.index(w) + 1
    if not 1 <= n <= 22:
        return None
    return ok(N.modify(N.century_res(n - 1), m["mod"] if m["mod"] else None), m)


def h_theyear(m: re.Match[str], ctx: Ctx) -> Out:
    """"the year ended Sept. 30" (a duration), "for the full year" / "the fiscal year" (the anchor's year)."""
    kind = norm(m["kind"] or "")
    nxt = next_word(ctx.text, m.end())
    if nxt in ("ended", "ending", "to", "through"):
        return ok(Res("DURATION", "P1Y"), m)
    if not kind:
        pw = prev_word(ctx.text, m.start())
        if pw not in ("for", "of", "during", "throughout") or nxt in (
                "of", "before", "after", "that", "when", "in", "earlier", "ago", "and", "which", "he", "she", "they"):
            return None
    if ctx.anchor is None:
        return ok(unresolved("year"), m)
    return ok(N.year_res(ctx.anchor.year), m)


def h_quarter(m: re.Match[str], ctx: Ctx) -> Out:
    whens = [norm(w) for w in re.findall(
        r"(?i:fiscal|current|latest|previous|last|recent|comparable|same|year-earlier|year-ago|this year's|last year's|next year's)",
        m.group()[: m.start("unit") - m.start()])]
    text_l = norm(m.group())
    unit = m["unit"].lower()
    ordn = norm(m["ord"] or "")
    y = m["y1"] or m["y2"]
    has_the = text_l.startswith("the ")
    nxt = ctx.text[m.end():m.end() + 5]
    if unit == "period" and (ordn or y or not any(w in ("latest", "current", "comparable", "recent") for w in whens)):
        return None
    if unit == "half" and not ordn and y and "last" in whens:
        ordn = "second"  # "the last half of 1989"
    if not ordn:
        if unit == "half" or not (whens or has_the):
            return None
        if re.match(r"\s+of\b", nxt) and not y:
            return None
        if not whens and has_the and text_l != "the quarter" and not m["y1"]:
            return None
    if has_the and ordn and ctx.text[m.start("unit") - 1] == "-" and not whens:
        got = h_quarter_value(m, ctx, whens, unit, ordn, y)
        return None if got is None else (got[0], m.start() + 4, m.end())
    return h_quarter_value(m, ctx, whens, unit, ordn, y)


def h_quarter_value(m: re.Match[str], ctx: Ctx, whens: list[str], unit: str, ordn: str, y: str | None) -> Out:
    anchor = ctx.anchor
    if unit == "half":
        h = 1 if ordn in ("first", "1st") else 2
        if y:
            return ok(N.half_res(int(y), h), m)
        if anchor is None:
            return ok(Res("DATE", f"XXXX-H{h}"), m)
        yy = anchor.year - (1 if any(w in ("last year's", "year-earlier", "year-ago") for w in whens) else 0)
        return ok(N.half_res(yy, h), m)
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}.get(ordn)
    if y:
        if q is None:
            ref = ctx.ref_any
            if ref is not None and ref.gran == "quarter" and ref.point is not None:
                q = N.quarter_of(ref.point)  # "the 1988 quarter": the quarter being reported, in 1988
            elif anchor is not None:
                q = (N.quarter_of(anchor) + 2) % 4 + 1  # none named yet: the last completed quarter
            else:
                return None
        return ok(N.quarter_res(int(y), q), m)
    if anchor is None:
        return ok(Res("DATE", f"XXXX-Q{q or 'X'}"), m)
    aq = N.quarter_of(anchor)
    yoff = -1 if any(w in ("last year's", "year-earlier", "year-ago") for w in whens) else (
        1 if "next year's" in whens else 0)
    if q is None:
        if "current" in whens:
            res = N.quarter_res(anchor.year, aq)
        else:
            res = N.shift("quarter", N.quarter_res(anchor.year, aq).point or anchor, -1)
        if yoff:
            res = N.shift("quarter", res.point or anchor, 4 * yoff)
        return ok(res, m)
    yy = anchor.year + yoff
    if not yoff and "this year's" not in whens and q > aq and direction_of(m, ctx) != "future":
        yy -= 1
    return ok(N.quarter_res(yy, q), m)


def h_yearago(m: re.Match[str], ctx: Ctx) -> Out:
    w = norm(m["w"])
    anchor = ctx.anchor
    if "end" in w:
        if anchor is None:
            return ok(Res("DATE", "XXXX"), m)
        return ok(N.modify(N.year_res(anchor.year), "the end of"), m)
    ref = ctx.ref_any
    if w.startswith("the month") or w.startswith("month"):
        base = ref.point if ref and ref.point else anchor
        if base is None:
            return ok(unresolved("month"), m)
        p = N.add_months(base, -1)
        return ok(N.month_res(p.year, p.month), m)
    if "nine months" in w or "six months" in w:
        return ok(Res("DURATION", "P9M" if "nine" in w else "P6M"), m)
    if ref is not None and ref.point is not None and anchor is not None:
        point = ref.point
        if point > anchor:
            ref = None  # a forecast period is not what "year-ago" compares with
        elif (anchor - point).days > 300:
            # the last period named is itself last year's ("in the 1988 period. The year-ago results")
            return ok(ref if ref.gran in ("quarter", "month", "half") else N.year_res(point.year), m)
    if ref is not None and ref.point is not None and ref.gran in ("quarter", "month", "half"):
        steps = {"quarter": 4, "month": 12, "half": 2}[ref.gran]
        return ok(N.shift(ref.gran, ref.point, -steps), m)
    base = ref.point if ref is not None and ref.point else anchor
    if base is None:
        return ok(unresolved("year"), m)
    return ok(N.year_res(base.year - 1), m)


def h_season(m: re.Match[str], ctx: Ctx) -> Out:
    s = SEASONS[m["s"].lower()]
    rel = norm(m["rel"] or "")
    mod = m["mod"]
    if m["y"]:
        return ok(N.modify(N.season_res(int(m["y"]), s), mod), m)
    if not rel and not mod:
        if prev_word(ctx.text, m.start()) not in ("in", "during", "by", "until", "since", "over", "through", "this",
                                                  "next", "last", "late", "early", "before", "after", "till"):
            return None
    if rel == "the" and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
        return None
    anchor = ctx.anchor
    if anchor is None:
        return ok(Res("DATE", "XXXX-" + s), m)
    if rel in ("that",) and ctx.ref_any is not None and ctx.ref_any.point is not None:
        return ok(N.modify(N.season_res(ctx.ref_any.point.year, s), mod), m)
    if rel in ("last", "this past", "the past"):
        res = season_pick(anchor, s, "strict_past")
    elif rel in ("next", "the coming"):
        res = season_pick(anchor, s, "strict_future")
    elif rel == "this":
        res = season_pick(anchor, s, None)
    else:
        d = direction_of(m, ctx)
        res = season_pick(anchor, s, "past" if d != "future" else "future")
    return ok(N.modify(res, mod, anchor), m)


def h_holiday(m: re.Match[str], ctx: Ctx) -> Out:
    name = m["h"]
    if m["y"]:
        d = N.holiday(name, int(m["y"]))
        return ok(N.day_res(d), m) if d else None
    anchor = ctx.anchor
    if anchor is None:
        return None
    direction = direction_of(m, ctx)
    cands = [c for c in (N.holiday(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if c]
    if not cands:
        return None
    if direction == "future":
        pick = min((c for c in cands if c >= anchor), key=lambda c: c)
    else:
        pick = max((c for c in cands if c <= anchor), key=lambda c: c)
    return ok(N.day_res(pick), m)


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def h_spelled_year(m: re.Match[str], ctx: Ctx) -> Out:
    if m["c"]:
        c = 1900 if m["c"].lower() == "nineteen" else 2000
        rest = m["rest"].lower().replace("-", " ").split()
        if rest == ["hundred"]:
            return ok(N.year_res(1900), m) if c == 1900 else None
        if c == 2000 and not norm(m.group()).startswith("the year"):
            return None
        val = _TENS[rest[0]] + (_ONES[rest[1]] if len(rest) > 1 else 0)
        return ok(N.year_res(c + val), m)
    small = m["small"]
    return ok(N.year_res(2000 + (_ONES[small.lower()] if small else 0)), m)

