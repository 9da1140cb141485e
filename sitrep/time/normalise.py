"""Calendar arithmetic and TIMEX3 value construction.

A resolved expression is a :class:`Res`: TIMEX3 ``type`` and ``value`` plus
the inclusive interval of days it denotes and its granularity (``day``,
``week``, ``month``, ``quarter``, ``half``, ``season``, ``year``, ``decade``,
``century``) when it is a calendar point; the granularity lets anaphoric
expressions ("a year earlier", "the previous day") be resolved against it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

Date = dt.date


class DateOutOfRange(ValueError):
    """Calendar arithmetic left the years 1..9999 ("7000 years ago", "the last 2100 decades")."""


def out_of_range(exc: Exception) -> bool:
    """Whether ``exc`` is date arithmetic leaving the calendar (then the expression is rejected)."""
    if isinstance(exc, (DateOutOfRange, OverflowError)):
        return True
    # datetime's own messages: "year -4989 is out of range", "date value out of range",
    # "day is out of range for month", "month must be in 1..12"
    return isinstance(exc, ValueError) and ("out of range" in str(exc) or "must be in" in str(exc))


@dataclass(frozen=True)
class Res:
    type: str
    value: str
    begin: Date | None = None
    end: Date | None = None
    gran: str | None = None  # granularity of a calendar point; None for durations/sets/refs
    point: Date | None = None  # a representative day for re-anchoring (the first day, or the day itself)


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def add_months(d: Date, n: int) -> Date:
    total = d.year * 12 + (d.month - 1) + n
    y, m = divmod(total, 12)
    return Date(y, m + 1, min(d.day, last_day(y, m + 1)))


def add_years(d: Date, n: int) -> Date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def day_res(d: Date, suffix: str = "", type_: str = "DATE") -> Res:
    return Res(type_ if not suffix else "TIME", d.isoformat() + suffix, d, d, "day", d)


def week_res(d: Date) -> Res:
    y, w, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return Res("DATE", f"{y}-W{w:02d}", monday, monday + dt.timedelta(days=6), "week", monday)


def weekend_res(d: Date) -> Res:
    y, w, _ = d.isocalendar()
    sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return Res("DATE", f"{y}-W{w:02d}-WE", sat, sat + dt.timedelta(days=1), "week", sat)


def month_res(y: int, m: int) -> Res:
    b = Date(y, m, 1)
    return Res("DATE", f"{y:04d}-{m:02d}", b, Date(y, m, last_day(y, m)), "month", b)


def quarter_res(y: int, q: int) -> Res:
    b = Date(y, 3 * q - 2, 1)
    e = Date(y, 3 * q, last_day(y, 3 * q))
    return Res("DATE", f"{y:04d}-Q{q}", b, e, "quarter", b)


def half_res(y: int, h: int) -> Res:
    b = Date(y, 1 if h == 1 else 7, 1)
    e = Date(y, 6, 30) if h == 1 else Date(y, 12, 31)
    return Res("DATE", f"{y:04d}-H{h}", b, e, "half", b)


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def season_res(y: int, s: str) -> Res:
    m1, m2 = _SEASON_MONTHS[s]
    b = Date(y, m1, 1)
    e = Date(y + 1, m2, last_day(y + 1, m2)) if s == "WI" else Date(y, m2, last_day(y, m2))
    return Res("DATE", f"{y:04d}-{s}", b, e, "season", b)


def year_res(y: int) -> Res:
    return Res("DATE", f"{y:04d}", Date(y, 1, 1), Date(y, 12, 31), "year", Date(y, 1, 1))


def decade_res(start_year: int) -> Res:
    d = start_year // 10
    return Res("DATE", f"{d:03d}", Date(d * 10, 1, 1), Date(d * 10 + 9, 12, 31), "decade", Date(d * 10, 1, 1))


def century_res(c: int) -> Res:
    """``c`` is the TIMEX3 century prefix: 19 for the 20th century (1900-1999)."""
    return Res("DATE", f"{c:02d}", Date(max(c * 100, 1), 1, 1), Date(c * 100 + 99, 12, 31), "century",
               Date(max(c * 100, 1), 1, 1))


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def modify(res: Res, mod: str | None, anchor: Date | None = None) -> Res:
    """Narrow a point's interval for "early/mid/late/earlier this/later this/the end of ..."."""
    if not mod or res.begin is None or res.end is None:
        return res
    m = " ".join(mod.lower().replace("-", " ").split())
    b, e = res.begin, res.end
    span = (e - b).days + 1
    if m in ("early", "the beginning of", "the start of", "the first half of"):
        e = b + dt.timedelta(days=max(span // 3 if m != "the first half of" else span // 2, 1) - 1)
    elif m in ("late", "the end of", "the second half of"):
        b = e - dt.timedelta(days=max(span // 3 if m != "the second half of" else span // 2, 1) - 1)
    elif m in ("mid", "the middle of"):
        b, e = b + dt.timedelta(days=span // 3), e - dt.timedelta(days=span // 3)
    elif m == "earlier" and anchor is not None and b <= anchor <= e:
        e = anchor
    elif m in ("later", "the rest of", "the remainder of") and anchor is not None and b <= anchor <= e:
        b = anchor
    return Res(res.type, res.value, b, e, res.gran, res.point)


def shift(res_gran: str, point: Date, n: int) -> Res:
    """The calendar unit of granularity ``res_gran`` containing ``point`` moved by ``n`` units."""
    if res_gran == "day":
        return day_res(point + dt.timedelta(days=n))
    if res_gran == "week":
        return week_res(point + dt.timedelta(days=7 * n))
    if res_gran == "month":
        p = add_months(point, n)
        return month_res(p.year, p.month)
    if res_gran == "quarter":
        idx = point.year * 4 + quarter_of(point) - 1 + n
        return quarter_res(idx // 4, idx % 4 + 1)
    if res_gran == "half":
        idx = point.year * 2 + (0 if point.month <= 6 else 1) + n
        return half_res(idx // 2, idx % 2 + 1)
    if res_gran == "decade":
        return decade_res(point.year + 10 * n)
    if res_gran == "century":
        return century_res(point.year // 100 + n)
    return year_res(point.year + n)


def weekday_near(ref: Date, wd: int, direction: str) -> Date:
    """The day with weekday ``wd`` nearest ``ref``: on/before for past, on/after for future.

    The same weekday as ``ref`` is ``ref`` itself ("early on Monday" in Monday's paper).
    """
    delta = wd - ref.weekday()
    if direction == "future":
        return ref + dt.timedelta(days=delta % 7)
    if direction == "strict_past":
        return ref - dt.timedelta(days=(-delta) % 7 or 7)
    if direction == "strict_future":
        return ref + dt.timedelta(days=delta % 7 or 7)
    return ref - dt.timedelta(days=(-delta) % 7)


def pick_year(anchor: Date, month: int, day: int | None, direction: str | None, forward_cost: int = 2) -> int:
    """Year for a month (and day) given without a year, news semantics."""
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = safe_date(y, month, day or 1)
        if d is None:
            d = Date(y, month, 28)
        if day is None:
            lo, hi = Date(y, month, 1), Date(y, month, last_day(y, month))
        else:
            lo = hi = d
        cands.append((y, lo, hi))
    if direction == "future":
        ok = [c for c in cands if c[2] >= anchor]
        return min(ok, key=lambda c: (c[1] - anchor).days)[0]
    if direction == "past":
        ok = [c for c in cands if c[1] <= anchor]
        return max(ok, key=lambda c: c[1])[0]

    def dist(c: tuple[int, Date, Date]) -> int:
        if c[1] <= anchor <= c[2]:
            return 0
        gap = (c[1] - anchor).days if c[1] > anchor else (anchor - c[2]).days
        return gap * forward_cost if c[1] > anchor else gap  # news looks back more often than forward

    return min(cands, key=dist)[0]


def easter(y: int) -> Date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return Date(y, month, day + 1)


def nth_weekday(y: int, month: int, wd: int, n: int) -> Date:
    """n-th (1-based; -1 = last) weekday ``wd`` of a month."""
    if n > 0:
        first = Date(y, month, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = Date(y, month, last_day(y, month))
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def holiday(name: str, y: int) -> Date | None:
    n = " ".join(name.lower().split())
    table = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
        "independence day": (7, 4), "valentine's day": (2, 14), "boxing day": (12, 26),
    }
    if n in table:
        return Date(y, *table[n])
    if n.startswith("thanksgiving"):
        return nth_weekday(y, 11, 3, 4)
    if n.startswith("easter"):
        return easter(y)
    if n == "memorial day":
        return nth_weekday(y, 5, 0, -1)
    if n == "labor day":
        return nth_weekday(y, 9, 0, 1)
    if n == "election day":  # US: the Tuesday after the first Monday of November
        return nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)
    return None


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P3D``, ``PT48H``, ``PXY`` (n None = unspecified)."""
    u = unit.lower().rstrip("s")
    if u in ("centurie", "centuries"):
        u = "century"
    if u.startswith("millenni"):
        u = "millennium"
    if n is not None and not float(n).is_integer():
        frac = {"hour": ("PT{}H{}M", 60), "day": ("P{}DT{}H", 24), "year": ("P{}Y{}M", 12), "month": ("P{}M{}D", 30),
                "week": ("P{}W{}D", 7), "minute": ("PT{}M{}S", 60)}.get(u)
        if frac:
            return frac[0].format(int(n), round((n - int(n)) * frac[1]))
    if u == "decade" and n is not None:
        return f"P{int(10 * n)}Y"
    if u in ("century", "centurie") and n is not None:
        return f"P{int(100 * n)}Y"
    num = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    if u in ("hour", "minute", "second"):
        return f"PT{num}{u[0].upper()}"
    if u == "fortnight":
        return "PX W" if n is None else f"P{int(2 * n)}W"
    code = {"day": "D", "night": "D", "week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y",
            "decade": "DE", "century": "CE", "millennium": "ML"}.get(u, "D")
    if code == "Q" and n is not None:
        return f"P{int(3 * n)}M" if float(3 * n).is_integer() else f"P{num}Q"
    return f"P{num}{code}"


def duration_delta(n: float, unit: str) -> tuple[int, int]:
    """(days, months) a duration spans, for intervals like "the past 48 hours"."""
    u = unit.lower().rstrip("s")
    if u in ("hour",):
        return (max(1, round(n / 24)), 0)
    if u in ("minute", "second"):
        return (0, 0)
    if u in ("day", "night"):
        return (int(n), 0)
    if u in ("week", "fortnight"):
        return (int(n * (14 if u == "fortnight" else 7)), 0)
    if u == "month":
        return (0, int(n))
    if u == "quarter":
        return (0, int(3 * n))
    if u == "year":
        return (0, int(12 * n))
    if u == "decade":
        return (0, int(120 * n))
    return (0, int(1200 * n))


def back(anchor: Date, n: float, unit: str) -> Date:
    days, months = duration_delta(n, unit)
    return add_months(anchor, -months) - dt.timedelta(days=days)


def forward(anchor: Date, n: float, unit: str) -> Date:
    days, months = duration_delta(n, unit)
    return add_months(anchor, months) + dt.timedelta(days=days)
