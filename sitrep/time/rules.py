"""Rule handlers: a regex match in context -> a resolved TIMEX3 (or None to reject it).

Deictic expressions (weekdays, "yesterday", "last week", "two days ago") resolve
against the anchor (publication date); anaphoric ones ("the previous day",
"a day earlier", "a year earlier", "that year") against the last calendar
point the text mentioned (:class:`~sitrep.time.context.Ctx`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from sitrep.time import normalise as N
from sitrep.time.context import Ctx, next_word, norm, parse_num, prev_word, tense
from sitrep.time.normalise import Res
from sitrep.time.patterns import MONTHS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS

Out = tuple[Res, int, int] | None
Handler = Callable[[re.Match[str], Ctx], Out]

_UNRES = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX",
          "half": "XXXX-HX", "season": "XXXX-XX", "decade": "XXX", "century": "XX"}
_GRAN = {"day": "day", "night": "day", "week": "week", "weekend": "week", "month": "month", "quarter": "quarter",
         "year": "year", "fiscal year": "year", "decade": "decade", "century": "century", "half": "half"}
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
                 "least", "only", "just", "total", "$", "no.", "number", "#", "of-"}


def _span(m: re.Match[str]) -> tuple[int, int]:
    return m.start(), m.end()


def _ok(res: Res, m: re.Match[str]) -> Out:
    return (res, m.start(), m.end())


def _month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _unres(gran: str, type_: str = "DATE") -> Res:
    return Res(type_, _UNRES.get(gran, "XXXX-XX-XX"))


def _direction(m: re.Match[str], ctx: Ctx) -> str | None:
    pw = prev_word(ctx.text, m.start())
    if pw in ("until", "till", "by", "before"):
        left = ctx.text[max(0, m.start() - 80):m.start()]
        if not re.search(r"\b(?:had|was|were|did)\b", left.rsplit(".", 1)[-1]):
            return "future"
    return tense(ctx.text, m.start(), m.end())


def h_iso(m: re.Match[str], ctx: Ctx) -> Out:
    d = N.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _ok(N.day_res(d), m) if d else None


def h_slash(m: re.Match[str], ctx: Ctx) -> Out:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y > 40 else 2000
    mo, da = int(m["m"]), int(m["d"])
    if mo > 12 >= da:
        mo, da = da, mo  # 14/10/2017: day first
    d = N.safe_date(y, mo, da)
    return _ok(N.day_res(d), m) if d else None


def h_mdy(m: re.Match[str], ctx: Ctx) -> Out:
    mon = _month_num(m["mon"])
    day = int(re.match(r"\d+", m["d"]).group())  # type: ignore[union-attr]
    if m["mon"] in ("May", "MAY", "March", "MARCH") and m.re.pattern.startswith("(?:(?P<wd>") and False:
        return None
    if m["y"]:
        d = N.safe_date(int(m["y"]), mon, day)
        return _ok(N.day_res(d), m) if d else None
    anchor = ctx.anchor
    if anchor is None:
        wd = m["wd"]
        return _ok(Res("DATE", f"XXXX-{mon:02d}-{day:02d}"), m) if N.safe_date(2000, mon, day) and not wd else (
            _ok(Res("DATE", f"XXXX-{mon:02d}-{day:02d}"), m))
    if m["wd"]:
        wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
        for y in (anchor.year, anchor.year - 1, anchor.year + 1):
            d = N.safe_date(y, mon, day)
            if d and d.weekday() == wd:
                return _ok(N.day_res(d), m)
    direction = _direction(m, ctx)
    if direction == "past":
        ahead = N.safe_date(anchor.year, mon, day)
        if ahead is not None and 0 < (ahead - anchor).days <= 45:
            direction = None  # "invited them to a ceremony on March 12": a date just ahead is the coming one
    y = N.pick_year(anchor, mon, day, direction)
    d = N.safe_date(y, mon, day)
    return _ok(N.day_res(d), m) if d else None


def h_month(m: re.Match[str], ctx: Ctx) -> Out:
    mon_s = m["mon"]
    mon = _month_num(mon_s)
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
        return _ok(Res("DATE", f"XXXX-{mon:02d}"), m)
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
        direction = "past" if since else _direction(m, ctx)
        if not since and mon == anchor.month % 12 + 1:
            direction = "future"  # last year's "March" would be "last March"
        res = N.month_res(N.pick_year(anchor, mon, None, direction, forward_cost=4), mon)
    return _ok(N.modify(res, mod, anchor), m)


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
        if re.match(r"\s*(?:-|to)\s*\d", after) and y > 1990 and re.match(r"\s*-\s*\d{2}\b", after) is None:
            pass
        if y > 2099 or y < 1500:
            return None
        if y < 1800 and pw not in ("in", "since", "of", "by", "until", "from", "to", "before", "after", "during"):
            return None
    if fiscal and norm(fiscal) in ("year", "the year") and False:
        return None
    return _ok(N.modify(N.year_res(y), m["mod"], ctx.anchor), m)


def h_fy(m: re.Match[str], ctx: Ctx) -> Out:
    yy = int(m["yy"])
    return _ok(N.year_res(1900 + yy if yy > 40 else 2000 + yy), m)


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
    return _ok(N.modify(N.decade_res(y), m["mod"]), m)


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
    return _ok(N.modify(N.century_res(n - 1), m["mod"] if m["mod"] else None), m)


def _pod_suffix(pod: str | None, pre: str | None = None) -> str:
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


def h_weekday(m: re.Match[str], ctx: Ctx) -> Out:
    wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
    rel = norm(m["rel"] or "")
    suffix = _pod_suffix(m["pod"], m["pre"])
    start = m.start()
    if rel in ("past",) and not ctx.text[max(0, start - 4):start].lower().endswith("the "):
        pass
    anchor = ctx.anchor
    if rel in ("the previous", "the following", "the next"):
        base = ctx.base_day()
        if base is None:
            return _ok(Res("TIME" if suffix else "DATE", f"XXXX-WXX-{wd + 1}{suffix}"), m)
        d = N.weekday_near(base, wd, "strict_past" if rel == "the previous" else "strict_future")
    elif anchor is None:
        return _ok(Res("TIME" if suffix else "DATE", f"XXXX-WXX-{wd + 1}{suffix}"), m)
    elif rel in ("last", "past", "this past", "previous"):
        d = N.weekday_near(anchor, wd, "strict_past")
    elif rel == "next":
        d = N.weekday_near(anchor, wd, "strict_future")
    elif rel in ("this", "coming", "this coming"):
        d = N.weekday_near(anchor, wd, "future")
    elif ctx.text.startswith("'s", m.end()):
        d = N.weekday_near(anchor, wd, "past")  # "Wednesday's ruling" has happened
    else:
        d = N.weekday_near(anchor, wd, "future" if _direction(m, ctx) == "future" else "past")
    return _ok(N.day_res(d, suffix), m)


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
            return _ok(Res("TIME", "XXXX-XX-XX" + clock), m)
        base = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
    elif m["wd"]:
        if ctx.anchor is None:
            return _ok(Res("TIME", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower().rstrip('.')] + 1}{clock}"), m)
        wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
        base = N.weekday_near(ctx.anchor, wd, "future" if _direction(m, ctx) == "future" else "past")
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
            return _ok(Res("TIME", "XXXX-XX-XX" + clock), m)
    res = N.day_res(base, clock)
    return _ok(res, m)


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2}


def h_deictic(m: re.Match[str], ctx: Ctx) -> Out:
    w = norm(m["word"])
    if w == "overnight":
        # the night before the reference day; "overnight" in "won overnight support" is not a time
        if m["pod"] or m["pre"] or next_word(ctx.text, m.end()) in ("success", "sensation", "star", "stay", "stays"):
            return None
        base = ctx.base_day()
        if base is None:
            return _ok(Res("TIME", "XXXX-XX-XXTNI"), m)
        return _ok(N.day_res(base - dt.timedelta(days=1), "TNI"), m)
    suffix = _pod_suffix(m["pod"]) or ("TNI" if w == "tonight" else "")
    if ctx.anchor is None:
        return _ok(Res("TIME" if suffix else "DATE", "XXXX-XX-XX" + suffix), m)
    d = ctx.anchor + dt.timedelta(days=_DEICTIC[w])
    start = m.start("word") if m["pre"] and norm(m["pre"]) in ("later", "earlier") else m.start()
    return (N.day_res(d, suffix), start, m.end())


def h_pod(m: re.Match[str], ctx: Ctx) -> Out:
    rel = norm(m["rel"])
    suffix = _pod_suffix(m["pod"])
    if rel in ("this", "last", "yesterday", "tomorrow"):
        base = ctx.anchor
        shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
        if rel == "last" and suffix not in ("TNI",):
            shift = -1
    else:
        base = ctx.base_day()
        shift = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
    if base is None:
        return _ok(Res("TIME", "XXXX-XX-XX" + suffix), m)
    return _ok(N.day_res(base + dt.timedelta(days=shift), suffix), m)


def _season_pick(anchor: dt.date, s: str, direction: str | None) -> Res:
    cands = [N.season_res(y, s) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction == "strict_past":
        return max((c for c in cands if c.end is not None and c.end < anchor), key=lambda c: c.value)
    if direction == "future":
        return min((c for c in cands if c.end is not None and c.end >= anchor), key=lambda c: c.value)
    if direction == "strict_future":
        return min((c for c in cands if c.begin is not None and c.begin > anchor), key=lambda c: c.value)
    if s == "WI" and anchor.month <= 2:
        return N.season_res(anchor.year - 1, s)
    if direction == "past":
        return max((c for c in cands if c.begin is not None and c.begin <= anchor), key=lambda c: c.value)
    return N.season_res(anchor.year, s)


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
            return _ok(_unres("day"), m)
        off = {"the previous": -1, "the prior": -1, "the preceding": -1, "the following": 1, "the next": 1}.get(rel, 0)
        return _ok(N.day_res(base + dt.timedelta(days=off)), m)
    if rel in ("the past", "the last") and unit in ("decade", "century"):
        return _ok(Res("DURATION", "P10Y" if unit == "decade" else "P100Y"), m)
    if unit in SEASONS:
        if anchor is None:
            return _ok(Res("DATE", "XXXX-" + SEASONS[unit]), m)
        s = SEASONS[unit]
        if rel in ("last", "the past", "this past", "the last", "the previous"):
            res = _season_pick(anchor, s, "strict_past")
        elif rel in ("next", "the coming", "the next", "this coming", "the upcoming", "the following"):
            res = _season_pick(anchor, s, "strict_future")
        else:
            res = _season_pick(anchor, s, None)
        return _ok(N.modify(res, mod, anchor), m)
    gran = _GRAN.get(unit, "year")
    if anaphoric:
        point_res = ctx.ref_any if rel != "the same" or ctx.ref_any else None
        if point_res is None or point_res.point is None:
            if anchor is None:
                return _ok(_unres(gran), m)
            base = anchor
        else:
            base = point_res.point
    else:
        if anchor is None:
            return _ok(_unres(gran), m)
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
        if off == 0 and base.weekday() < 5 and _direction(m, ctx) != "future":
            off = -1 if rel != "this" else 0
        res = N.weekend_res(monday + dt.timedelta(days=7 * off))
    else:
        if rel == "the latest" and gran == "quarter":
            off = -1  # the latest reported quarter is the last completed one
        res = N.shift(gran, base, off)
    if rel == "so far this":
        mod = "earlier"
    return _ok(N.modify(res, mod, anchor), m)


def h_inthe(m: re.Match[str], ctx: Ctx) -> Out:
    """"the end of the month", "earlier in the year": the anchor's (or the narrative's) unit, narrowed."""
    unit = norm(m["unit"])
    mod = norm(m["mod"]).replace(" in", "")
    gran = _GRAN[unit]
    base = ctx.base_day() if unit == "day" else ctx.anchor
    if base is None:
        return _ok(_unres(gran), m)
    res = N.shift(gran, base, 0)
    if unit == "day":
        # TimeML tags "the day" in "later in the day"
        return (res, m.end() - len(m.group().split()[-1]) - 4, m.end())
    return _ok(N.modify(res, mod, ctx.anchor), m)


def h_theyear(m: re.Match[str], ctx: Ctx) -> Out:
    """"the year ended Sept. 30" (a duration), "for the full year" / "the fiscal year" (the anchor's year)."""
    kind = norm(m["kind"] or "")
    nxt = next_word(ctx.text, m.end())
    if nxt in ("ended", "ending", "to", "through"):
        return _ok(Res("DURATION", "P1Y"), m)
    if not kind:
        pw = prev_word(ctx.text, m.start())
        if pw not in ("for", "of", "during", "throughout") or nxt in (
                "of", "before", "after", "that", "when", "in", "earlier", "ago", "and", "which", "he", "she", "they"):
            return None
    if ctx.anchor is None:
        return _ok(_unres("year"), m)
    return _ok(N.year_res(ctx.anchor.year), m)


def h_weekend(m: re.Match[str], ctx: Ctx) -> Out:
    anchor = ctx.anchor
    if anchor is None:
        return _ok(Res("DATE", "XXXX-WXX-WE"), m)
    fut = _direction(m, ctx) == "future"
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if anchor.weekday() >= 5 or fut:
        return _ok(N.weekend_res(monday), m)
    return _ok(N.weekend_res(monday - dt.timedelta(days=7)), m)


def h_anaday(m: re.Match[str], ctx: Ctx) -> Out:
    w = norm(m["w"] or m["w2"] or m["w3"])
    if m["w"]:
        off = -1 if norm(m["dir"]) in ("before", "earlier", "prior") else 1
        unit = w
    else:
        rel = norm(m["rel"] or "that")
        off = {"previous": -1, "preceding": -1, "prior": -1, "following": 1, "next": 1}.get(rel, 0)
        unit = "day"
    suffix = _pod_suffix(w) if w in ("night", "morning", "evening", "afternoon") else ""
    if unit in ("day", "night"):
        base = ctx.base_day()
        if base is None:
            return _ok(Res("TIME" if suffix else "DATE", "XXXX-XX-XX" + suffix), m)
        return _ok(N.day_res(base + dt.timedelta(days=off), suffix), m)
    gran = _GRAN[unit]
    ref = ctx.ref_any
    base2 = ref.point if ref is not None and ref.point else ctx.anchor
    if base2 is None:
        return _ok(_unres(gran), m)
    return _ok(N.shift(gran, base2, off), m)


def _is_set_context(ctx: Ctx, start: int) -> bool:
    before = ctx.text[max(0, start - 40):start]
    return bool(re.search(r"(?i:\b(?:once|twice|thrice|times)|\d[\d,.]*%?(?:\s+\w+){0,2}|\$[\d,.]+\s*\w*|\bcents?|\bdollars?"
                          r"|\bpounds?|\beuros?|\bbarrels|\btons|\btonnes|\bshares|\bpercent)\s+$", before))


_KEEP_APPROX = {"nearly", "almost", "more than", "less than", "no more than", "up to", "over", "under",
                "fewer than", "well over"}


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
    if m["num2"]:
        n2 = parse_num(m["num2"])
        n = None if n is None or n2 is None else None
    start = m.start()
    det = norm(m["det"] or "")
    rel = norm(m["rel"] or "")
    approx = norm(m["approx"] or "")
    if rel == "last" and not det and approx:
        return None  # "last over a week": the verb
    if approx and approx not in _KEEP_APPROX:
        if not det and not rel:
            start = m.start("num")
    if det == "the" and not rel and "-" in ctx.text[m.start("num"):m.start("unit")]:
        start = m.start("num")  # "the 14-day deadline": the determiner belongs to the noun
    if num_s in ("a", "an") and not det and not rel and not m["approx"] and _is_set_context(ctx, start):
        u = unit.rstrip("s")
        return _ok(Res("SET", N.duration_value(1, u)), m)
    # a bare count ("24 hours") preceded by a plain number is a list, not a duration
    value = N.duration_value(n, unit)
    res = Res("DURATION", value)
    anchor = ctx.anchor
    if anchor is not None and n is not None and rel in ("past", "last", "previous", "recent"):
        res = Res("DURATION", value, N.back(anchor, n, unit), anchor)
    elif anchor is not None and n is not None and rel in ("next", "coming", "following"):
        res = Res("DURATION", value, anchor, N.forward(anchor, n, unit))
    if ctx.text[start:start + 4].lower() == "over" and norm(m["num"]) not in ("a", "an"):
        start = m.start("num")
    return (res, start, m.end())


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
    past = d in ("ago", "earlier", "before", "previously", "back")
    if d in ("later", "after"):
        # TimeML tags "three days" in "three days later" as a duration ("later" is a signal);
        # the interval still carries the day it points to
        approx = norm(m["approx"] or "")
        start = m.start("num") if approx and approx not in _KEEP_APPROX else m.start()
        target = h_ago_point(m, ctx, n, unit, past=False, deictic=False)
        begin, end = (target.begin, target.end) if target is not None else (None, None)
        return (Res("DURATION", N.duration_value(n, unit), begin, end), start, m.end("unit"))
    deictic = d in ("ago", "from now", "hence", "back")
    if n is None:
        return _ok(Res("DATE", "PAST_REF" if past else "FUTURE_REF"), m)
    res2 = h_ago_point(m, ctx, n, unit, past, deictic)
    return None if res2 is None else _ok(res2, m)


def h_ago_point(m: re.Match[str], ctx: Ctx, n: float | None, unit: str, past: bool, deictic: bool) -> Res | None:
    if n is None:
        return None
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
        return _unres(gran)
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
        return _ok(Res("SET", _SET_ADV[adv]), m)
    if m["wd"] or m["pl"]:
        w = (m["wd"] or m["pl"][:-1]).lower().rstrip(".")
        return _ok(Res("SET", f"XXXX-WXX-{WEEKDAYS[w] + 1}"), m)
    unit = m["unit"].lower()
    if unit in PARTS_OF_DAY:
        return _ok(Res("SET", "XXXX-XX-XXT" + PARTS_OF_DAY[unit]), m)
    if unit in SEASONS:
        return _ok(Res("SET", "XXXX-" + SEASONS[unit]), m)
    n = parse_num(m["num"]) if m["num"] else 1
    if m["other"] and m["other"].lower() == "other":
        n = 2
    if m["other"] and m["other"].lower() == "single":
        n = 1
    if unit == "weekend":
        return _ok(Res("SET", "XXXX-WXX-WE"), m)
    return _ok(Res("SET", N.duration_value(n, unit)), m)


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
    if not ordn:
        if unit == "half" or not (whens or has_the):
            return None
        if re.match(r"\s+of\b", nxt) and not y:
            return None
        if not whens and has_the and text_l != "the quarter":
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
            return _ok(N.half_res(int(y), h), m)
        if anchor is None:
            return _ok(Res("DATE", f"XXXX-H{h}"), m)
        yy = anchor.year - (1 if any(w in ("last year's", "year-earlier", "year-ago") for w in whens) else 0)
        return _ok(N.half_res(yy, h), m)
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}.get(ordn)
    if y:
        if q is None:
            ref = ctx.ref_any
            if ref is None or ref.gran != "quarter" or ref.point is None:
                return None
            q = N.quarter_of(ref.point)  # "the 1988 quarter": the quarter being reported, in 1988
        return _ok(N.quarter_res(int(y), q), m)
    if anchor is None:
        return _ok(Res("DATE", f"XXXX-Q{q or 'X'}"), m)
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
        return _ok(res, m)
    yy = anchor.year + yoff
    if not yoff and "this year's" not in whens and q > aq and _direction(m, ctx) != "future":
        yy -= 1
    return _ok(N.quarter_res(yy, q), m)


def h_yearago(m: re.Match[str], ctx: Ctx) -> Out:
    w = norm(m["w"])
    anchor = ctx.anchor
    if "end" in w:
        if anchor is None:
            return _ok(Res("DATE", "XXXX"), m)
        return _ok(N.modify(N.year_res(anchor.year), "the end of"), m)
    ref = ctx.ref_any
    if w.startswith("the month") or w.startswith("month"):
        base = ref.point if ref and ref.point else anchor
        if base is None:
            return _ok(_unres("month"), m)
        p = N.add_months(base, -1)
        return _ok(N.month_res(p.year, p.month), m)
    if "nine months" in w or "six months" in w:
        return _ok(Res("DURATION", "P9M" if "nine" in w else "P6M"), m)
    if ref is not None and ref.point is not None and ref.gran in ("quarter", "month", "half"):
        steps = {"quarter": 4, "month": 12, "half": 2}[ref.gran]
        return _ok(N.shift(ref.gran, ref.point, -steps), m)
    base = ref.point if ref is not None and ref.point else anchor
    if base is None:
        return _ok(_unres("year"), m)
    return _ok(N.year_res(base.year - 1), m)


def h_season(m: re.Match[str], ctx: Ctx) -> Out:
    s = SEASONS[m["s"].lower()]
    rel = norm(m["rel"] or "")
    mod = m["mod"]
    if m["y"]:
        return _ok(N.modify(N.season_res(int(m["y"]), s), mod), m)
    if not rel and not mod:
        if prev_word(ctx.text, m.start()) not in ("in", "during", "by", "until", "since", "over", "through", "this",
                                                  "next", "last", "late", "early", "before", "after", "till"):
            return None
    if rel == "the" and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
        return None
    anchor = ctx.anchor
    if anchor is None:
        return _ok(Res("DATE", "XXXX-" + s), m)
    if rel in ("that",) and ctx.ref_any is not None and ctx.ref_any.point is not None:
        return _ok(N.modify(N.season_res(ctx.ref_any.point.year, s), mod), m)
    if rel in ("last", "this past", "the past"):
        res = _season_pick(anchor, s, "strict_past")
    elif rel in ("next", "the coming"):
        res = _season_pick(anchor, s, "strict_future")
    elif rel == "this":
        res = _season_pick(anchor, s, None)
    else:
        d = _direction(m, ctx)
        res = _season_pick(anchor, s, "past" if d != "future" else "future")
    return _ok(N.modify(res, mod, anchor), m)


def h_holiday(m: re.Match[str], ctx: Ctx) -> Out:
    name = m["h"]
    if m["y"]:
        d = N.holiday(name, int(m["y"]))
        return _ok(N.day_res(d), m) if d else None
    anchor = ctx.anchor
    if anchor is None:
        return None
    direction = _direction(m, ctx)
    cands = [c for c in (N.holiday(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if c]
    if not cands:
        return None
    if direction == "future":
        pick = min((c for c in cands if c >= anchor), key=lambda c: c)
    else:
        pick = max((c for c in cands if c <= anchor), key=lambda c: c)
    return _ok(N.day_res(pick), m)


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def h_spelled_year(m: re.Match[str], ctx: Ctx) -> Out:
    if m["c"]:
        c = 1900 if m["c"].lower() == "nineteen" else 2000
        rest = m["rest"].lower().replace("-", " ").split()
        if rest == ["hundred"]:
            return _ok(N.year_res(1900), m) if c == 1900 else None
        if c == 2000 and not norm(m.group()).startswith("the year"):
            return None
        val = _TENS[rest[0]] + (_ONES[rest[1]] if len(rest) > 1 else 0)
        return _ok(N.year_res(c + val), m)
    small = m["small"]
    return _ok(N.year_res(2000 + (_ONES[small.lower()] if small else 0)), m)


HANDLERS: dict[str, Handler] = {
    "iso": h_iso, "slash": h_slash, "mdy": h_mdy, "dmy": h_mdy, "month": h_month, "year": h_year, "fy": h_fy,
    "decade": h_decade, "century": h_century, "weekday": h_weekday, "time": h_time, "deictic": h_deictic,
    "pod": h_pod, "relunit": h_relunit, "weekend": h_weekend, "inthe": h_inthe, "theyear": h_theyear, "anaday": h_anaday, "ago": h_ago,
    "duration": h_duration, "vague": h_vague, "ref": h_ref, "set": h_set, "quarter": h_quarter,
    "yearago": h_yearago, "season": h_season, "holiday": h_holiday, "spelled_year": h_spelled_year,
}

__all__ = ["HANDLERS", "UNITS"]
