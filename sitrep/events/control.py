"""Territorial control: who took which place when, and who held it on a date.

A ``ControlChange`` comes from each territory incident: a capture ("Non-state actor overtakes
territory", "Government regains territory": from actor2 to actor1), a withdrawal ("X withdrew
from Y": from X, to nobody named) or a handover ("X handed Y over to Z": from X to Z). Its date is
the end of the incident's interval: a capture reported "since Tuesday" had happened by the
publication date. Changes at a region or country (geo-precision 3) and "changes" from an actor to
itself are left out. Background captures ("IS captured Raqqa in 2014") are history: they set control
before the later changes.

``control_at(changes, date)`` gives, per place, the last change on or before the date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from sitrep.records import ControlChange, Incident, Report

STAGE_VERSION = "sitrep.events.control.v2"

CAPTURE_TYPES = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
TRANSFER_TYPE = "Non-violent transfer of territory"
COARSE_PRECISION = 3  # ACLED geo-precision of a region or larger
_NOT_HOLDERS = frozenset({"Civilians", "civilians"})
_HANDOVER = re.compile(r"\bhand(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?over\b|\bhandover\b|\bceded\b|\bturned over\b",
                       re.IGNORECASE)
_WITHDRAW = re.compile(r"\b(?:withdr[ae]w(?:n|ing|s)?|pull(?:ed|ing|s)? out|retreat(?:ed|ing|s)?|"
                       r"evacuat(?:ed|ing|es)|abandon(?:ed|ing|s)?|fled)\b", re.IGNORECASE)


def _holder(actor: str | None) -> str | None:
    return None if actor in _NOT_HOLDERS else actor


def _sides(inc: Incident, texts: list[str]) -> tuple[str | None, str | None] | None:
    """(from_actor, to_actor) of a territory incident; None when it is not a change of control."""
    if inc.sub_event_type in CAPTURE_TYPES:
        return _holder(inc.actor2), _holder(inc.actor1)
    if inc.sub_event_type != TRANSFER_TYPE:
        return None
    joined = " ".join(texts)
    if _HANDOVER.search(joined):
        return _holder(inc.actor1), _holder(inc.actor2)
    if _WITHDRAW.search(joined):
        return _holder(inc.actor1), None
    return _holder(inc.actor1), _holder(inc.actor2)


def control_changes(incidents: Iterable[Incident], reports: Mapping[str, Report] | None = None
                    ) -> list[ControlChange]:
    """Control changes from territory incidents, ordered by date (undated last), then place."""
    reports = reports or {}
    out: list[ControlChange] = []
    for inc in incidents:
        if inc.place_id is None or inc.cumulative:
            continue
        members = [reports[r] for r in inc.reports if r in reports]
        sides = _sides(inc, [r.text for r in members])
        if sides is None or sides == (None, None) or sides[0] == sides[1]:
            continue
        precisions = [r.geo_precision for r in members if r.place_id == inc.place_id and r.geo_precision]
        if precisions and min(precisions) >= COARSE_PRECISION:
            continue  # "took Iraq": a country or province is not a place whose control changes in one event
        claims: list[str] = []
        for r in members:
            for name in (r.attributed_to or "").split(";"):
                name = name.strip()
                if name and name not in claims:
                    claims.append(name)
        out.append(ControlChange(
            place_id=inc.place_id, place_name=inc.place_name, date=inc.date_end or inc.date_begin,
            from_actor=sides[0], to_actor=sides[1], claimed_by="; ".join(claims) or None,
            incident_id=inc.incident_id, report_id=inc.reports[0] if inc.reports else None,
        ))
    out.sort(key=lambda c: (c.date is None, c.date or dt.date.min, c.place_id, c.incident_id or ""))
    return out


def control_at(changes: Iterable[ControlChange], date: dt.date) -> dict[str, ControlChange]:
    """Per place, the last change on or before ``date`` (the holder is its ``to_actor``)."""
    if isinstance(date, dt.datetime):
        date = date.date()
    out: dict[str, ControlChange] = {}
    dated = [c for c in changes if c.date is not None and c.date <= date]
    for c in sorted(dated, key=lambda c: c.date or dt.date.min):  # stable: ties keep their order
        out[c.place_id] = c
    return out
