"""One claim repeated in several sentences of one article is one report.

Articles restate their main claim ("…which killed 24 people, including five
minors" … "air strikes the previous day killed 24 civilians, up from an earlier
toll of 13"). Counting each sentence as a report would make one article look
like two sources, so repeats are collapsed: the most informative sentence
stands for the claim, details the others add (attribution, a breakdown, an
earlier toll, a date) are folded in, and every sentence is kept in
``Report.repeats`` so each figure still links back to its sentence.

Two reports of one article are repeats when they have the same sub-event type,
background flag, place and sides, overlapping dates, and the same death toll;
or, when both are dated and from the same source, one of them has no toll. One victim each, described
differently by different sources, are two people.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sitrep.records import QuantityMention, Report

STAGE_VERSION = "sitrep.events.repeats.v2"
DATA_FILES: tuple[Path, ...] = ()  # rules only: nothing loaded from disk


def _overlap(a: Report, b: Report) -> bool:
    lo1, hi1 = a.date_begin or dt.date.min, a.date_end or a.date_begin or dt.date.max
    lo2, hi2 = b.date_begin or dt.date.min, b.date_end or b.date_begin or dt.date.max
    return lo1 <= hi2 and lo2 <= hi1


def _killed(r: Report) -> int | None:
    killed = [q for q in r.fatalities if q.status == "killed" and not q.cumulative]
    if not killed:
        return None
    return sum((q.value if q.value is not None else (q.min or 0)) for q in killed)


def _same_sides(a: Report, b: Report) -> bool:
    return a.actor1 == b.actor1 or (a.actor2 is not None and {a.actor1, a.actor2} == {b.actor1, b.actor2})


def _same_place(a: Report, b: Report) -> bool:
    if a.place_id or b.place_id:
        return a.place_id == b.place_id
    return (a.place_name or "").casefold() == (b.place_name or "").casefold()


def _sources(r: Report) -> frozenset[str]:
    return frozenset(p.strip().casefold() for p in (r.attributed_to or "").split(";") if p.strip())


def _victim(r: Report) -> str:
    """The head noun of a report's only victim ("anaesthetist", "volunteer")."""
    killed = [q for q in r.fatalities if q.status == "killed" and not q.cumulative]
    words = killed[0].surface.casefold().split() if len(killed) == 1 else []
    return words[-1].removesuffix("s") if words else ""


def _cumulative(r: Report) -> bool:
    return any(q.cumulative for q in r.fatalities)


def is_repeat(a: Report, b: Report) -> bool:
    if a.article_id != b.article_id or a.sub_event_type != b.sub_event_type or a.background != b.background:
        return False
    if _cumulative(a) != _cumulative(b):  # a running total is not the incident it sums up
        return False
    if not (_same_sides(a, b) and _same_place(a, b) and _overlap(a, b)):
        return False
    ka, kb = _killed(a), _killed(b)
    if ka == kb == 1 and _sources(a) != _sources(b) and _victim(a) != _victim(b):
        return False  # "an anaesthetist was killed", "one of its volunteers died": two people, told by two sources
    if ka == kb:
        return True
    return (None in (ka, kb) and a.date_begin is not None and b.date_begin is not None
            and _sources(a) == _sources(b))


def _richness(r: Report) -> tuple[int, ...]:
    q = [x for x in r.fatalities if x.status == "killed"]
    return (int(bool(q)), int(r.date_begin is not None), int(bool(r.attributed_to)),
            sum(int(bool(x.breakdown)) + int(x.earlier_value is not None) for x in q), -r.sentence_index)


def _fold_quantities(kept: list[QuantityMention], other: list[QuantityMention]) -> list[QuantityMention]:
    out = []
    for q in kept:
        twin = next((o for o in other if o.status == q.status and o.value == q.value), None)
        if twin is not None:
            q = dataclasses.replace(
                q,
                breakdown=q.breakdown or dict(twin.breakdown),
                earlier_value=q.earlier_value if q.earlier_value is not None else twin.earlier_value,
                category=q.category if q.category != "unknown" else twin.category,
            )
        out.append(q)
    return out


def _combine(kept: Report, other: Report) -> Report:
    repeats = list(kept.repeats) + [{"sentence_index": other.sentence_index, "text": other.text}]
    repeats += [x for x in other.repeats if x not in repeats]
    return dataclasses.replace(
        kept,
        attributed_to=kept.attributed_to or other.attributed_to,
        date_begin=kept.date_begin or other.date_begin,
        date_end=kept.date_end or other.date_end if kept.date_begin is None else kept.date_end,
        time_precision=kept.time_precision if kept.date_begin is not None else other.time_precision,
        fatalities=_fold_quantities(kept.fatalities, other.fatalities),
        assoc_actors=kept.assoc_actors + [a for a in other.assoc_actors if a not in kept.assoc_actors],
        repeats=sorted(repeats, key=lambda x: x["sentence_index"]),
    )


def collapse_repeats(reports: list[Report]) -> list[Report]:
    """Collapse repeats of one claim within each article; order of first appearance is kept."""
    out: list[Report] = []
    for r in reports:
        for i, o in enumerate(out):
            if is_repeat(o, r):
                best, rest = (r, o) if _richness(r) > _richness(o) else (o, r)
                out[i] = _combine(best, rest)
                break
        else:
            out.append(r)
    return out
