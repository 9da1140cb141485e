"""Rule handlers: a regex match in context -> a resolved TIMEX3 (or None to reject it).

Deictic expressions (weekdays, "yesterday", "last week", "two days ago") resolve
against the anchor (publication date); anaphoric ones ("the previous day",
"a day earlier", "a year earlier", "that year") against the last calendar
point the text mentioned (:class:`~sitrep.time.context.Ctx`). Calendar
expressions are in :mod:`sitrep.time.rules_calendar`, relative ones in
:mod:`sitrep.time.rules_relative`.
"""

from __future__ import annotations

from sitrep.time.rules_calendar import (
    h_century,
    h_decade,
    h_fy,
    h_holiday,
    h_iso,
    h_mdy,
    h_month,
    h_quarter,
    h_season,
    h_slash,
    h_spelled_year,
    h_theyear,
    h_weekof,
    h_year,
    h_yearago,
)
from sitrep.time.rules_common import Handler
from sitrep.time.rules_relative import (
    h_ago,
    h_anaday,
    h_deictic,
    h_duration,
    h_inthe,
    h_ordday,
    h_pod,
    h_ref,
    h_relunit,
    h_set,
    h_thepod,
    h_time,
    h_vague,
    h_weekday,
    h_weekend,
)

HANDLERS: dict[str, Handler] = {
    "iso": h_iso, "slash": h_slash, "mdy": h_mdy, "dmy": h_mdy, "month": h_month, "year": h_year, "fy": h_fy,
    "decade": h_decade, "century": h_century, "weekday": h_weekday, "time": h_time, "deictic": h_deictic,
    "pod": h_pod, "relunit": h_relunit, "weekend": h_weekend, "weekof": h_weekof, "ordday": h_ordday, "thepod": h_thepod, "inthe": h_inthe, "theyear": h_theyear,
    "anaday": h_anaday, "ago": h_ago, "duration": h_duration, "vague": h_vague, "ref": h_ref, "set": h_set,
    "quarter": h_quarter, "yearago": h_yearago, "season": h_season, "holiday": h_holiday,
    "spelled_year": h_spelled_year,
}

__all__ = ["HANDLERS"]
