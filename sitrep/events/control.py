"""Territorial control: who took which place when, and who held it on a date.

A ``ControlChange`` comes from each territory incident: a capture ("Non-state actor overtakes
territory", "Government regains territory": from actor2 to actor1), a withdrawal ("X withdrew
from Y": from X, to nobody named), a handover ("X handed Y over to Z": from X to Z) or another non-violent
transfer ("troops moved into the town after the rebels' withdrawal": from actor2 to actor1). Its date is
the end of the incident's interval: a capture reported "since Tuesday" had happened by the
publication date. Changes whose place is only approximate (geo-precision 2 or 3: near a town, part of
it such as its suburbs, a district, a region or country) and "changes" from an actor to itself are left
out: a checkpoint taken near a city or a suburb seized does not hand the city over; so are captures whose
every asserting sentence says the ground was part of the place or held for a while ("overran some districts
of Aleppo", "briefly seized Douma").

Only *asserted* reports are evidence: a hedged ("reportedly took"), hypothetical ("could fall"),
generic or negated territorial claim never moves control. Each change carries its evidence: the
asserting reports, the distinct articles and the independent sources (outlets) behind it.
Background captures ("IS captured Raqqa in 2014") are history: with a date of their own before the
article, they set control before the reported changes, but never override one; a place no reported
change is about takes its holder from history only when several articles state it.

``control_at(changes, date)`` gives, per place, the change that made its holder: the newest
well-supported reported change on or before the date, where a contrary change within
``CONTEST_DAYS`` of the standing one replaces it only when at least as many articles assert it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from sitrep.events.incident import ArticleInfo, source_key
from sitrep.records import ControlChange, Incident, Report

# v4: only precise places change hands; v5: a transfer goes to actor1; v6: sides from the asserted reports,
# partial and temporary captures hand nothing over; v7: history naming no taker sets no holder
STAGE_VERSION = "sitrep.events.control.v8"

CAPTURE_TYPES = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
TRANSFER_TYPE = "Non-violent transfer of territory"
PART_PRECISION = 2  # ACLED geo-precision of "near"/"part of" a place, a district, or coarser
CONTEST_DAYS = 30  # a contrary claim this close to the standing one needs as many articles to replace it
HISTORY_ARTICLES = 2  # history alone gives control of a place no reported change is about only when this many say it
_NOT_HOLDERS = frozenset({"Civilians", "civilians"})
_HANDOVER = re.compile(r"\bhand(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?over\b|\bhandover\b|\bceded\b|\bturned over\b",
                       re.IGNORECASE)
# the ground taken is part of the place ("overran some districts of Aleppo", "have in large part been
# liberated", "regained most areas of Damascus") or was held for a while ("briefly seized", "for a few
# hours"): the place itself did not change hands
_PARTIAL = re.compile(r"\b(?:in (?:large |good )?part|partly|partially|largely|much of|"
                      r"(?:some|several|many|most|parts?|areas?) of the (?:city|town|district|province|"
                      r"neighbou?rhood|area|village|suburb)|(?:some|several|many|most) (?:of (?:its|the) )?"
                      r"(?:districts?|neighbou?rhoods?|areas|parts|quarters?|suburbs?))\b", re.IGNORECASE)
_LISTED_PART = re.compile(r"\b(?:including|among them|such as|notably)\b", re.IGNORECASE)
_TEMPORARY = re.compile(r"\b(?:briefly|temporarily|for (?:a few|several|two|three|some|many) (?:hours|days)|"
                        r"for hours)\b", re.IGNORECASE)
_WITHDRAW = re.compile(r"\b(?:withdr[ae]w(?:n|ing|s)?|pull(?:ed|ing|s)? out|retreat(?:ed|ing|s)?|"
                       r"evacuat(?:ed|ing|es)|abandon(?:ed|ing|s)?|fled)\b", re.IGNORECASE)


def _holder(actor: str | None) -> str | None:
    return None if actor in _NOT_HOLDERS else actor


def _asserted_view(inc: Incident, members: list[Report]) -> tuple[str, str | None, str | None]:
    """(sub-type, actor1, actor2) of a territory incident as its asserted reports state it.

    The incident's majority fields when an asserted report shares its sub-type; otherwise (the majority
    came from hedged or other reports, e.g. "an officer said it had been retaken" typed the other way
    beside "activists said government troops had regained control") the asserted reports' most common
    sub-type with the actors of the first report of it.
    """
    subs = [r.sub_event_type for r in members]
    if inc.sub_event_type in subs:
        return inc.sub_event_type, inc.actor1, inc.actor2
    sub = Counter(subs).most_common(1)[0][0]
    first = next(r for r in members if r.sub_event_type == sub)
    return sub, first.actor1, first.actor2


def _sides(view: tuple[str, str | None, str | None], texts: list[str]) -> tuple[str | None, str | None] | None:
    """(from_actor, to_actor) of a territory incident's (sub-type, actor1, actor2); None when no change."""
    sub, actor1, actor2 = view
    if sub in CAPTURE_TYPES:
        return _holder(actor2), _holder(actor1)
    if sub != TRANSFER_TYPE:
        return None
    joined = " ".join(texts)
    if _HANDOVER.search(joined):
        return _holder(actor1), _holder(actor2)
    if _WITHDRAW.search(joined):
        return _holder(actor1), None
    # "troops moved into the area following the withdrawal of armed rebels", "the takeover by HTS": the
    # extractor's actor1 is who took the ground over (the dev gold's convention), actor2 who left it
    return _holder(actor2), _holder(actor1)


def _evidence(inc: Incident, reports: Mapping[str, Report]) -> list[Report]:
    """The incident's reports that can move control: asserted (not hedged, hypothetical, generic, negated).

    The hedge flag of the sentence ("reportedly", "both sides claimed") counts as hedged too.
    """
    return [r for rid in inc.reports if (r := reports.get(rid)) is not None and r.status == "asserted" and not r.hedged]


def _history_dated(change_date: dt.date, members: list[Report], articles: Mapping[str, ArticleInfo]) -> bool:
    """A background capture sets control only with a date of its own, before the article reporting it."""
    starts = [info.window[0] for r in members if (info := articles.get(r.article_id)) and info.window]
    return not starts or change_date < min(starts)


def _part_or_while(text: str) -> bool:
    """The sentence says only part of the place was taken, or the place was held for a while.

    A part listed by name ("several neighbourhoods, including Mashlab") is itself taken whole."""
    if _TEMPORARY.search(text):
        return True
    m = _PARTIAL.search(text)
    return m is not None and not _LISTED_PART.search(text, m.end())


def control_changes(incidents: Iterable[Incident], reports: Mapping[str, Report] | None = None,
                    articles: Mapping[str, ArticleInfo] | None = None) -> list[ControlChange]:
    """Control changes from territory incidents, ordered by date (undated last), then place.

    Only asserted reports are evidence (an incident with none is no change); ``articles`` (outlet and
    publication window per article id) gives the independent sources and dates background history.
    """
    reports = reports or {}
    articles = articles or {}
    out: list[ControlChange] = []
    for inc in incidents:
        if inc.place_id is None or inc.cumulative:
            continue
        members = _evidence(inc, reports) if inc.reports else []
        if not members:
            continue
        sides = _sides(_asserted_view(inc, members), [r.text for r in members])
        if sides is None or sides == (None, None) or sides[0] == sides[1]:
            continue
        precisions = [r.geo_precision for r in members if r.place_id == inc.place_id and r.geo_precision]
        if precisions and min(precisions) >= PART_PRECISION:
            continue  # "took Iraq", "seized Damascus suburbs", "near Idlib": not the place's own control
        if all(_part_or_while(r.text) for r in members):
            continue  # "overran some districts of Aleppo", "briefly seized Douma": the place kept its holder
        date = inc.date_end or inc.date_begin
        if inc.background and (date is None or not _history_dated(date, members, articles)):
            continue  # "the city, seized by the militants years ago": history with no date of its own
        if inc.background and sides[1] is None:
            continue  # "areas retaken by Assad" with the taker unknown: history that names no holder
        claims: list[str] = []
        for r in members:
            for name in (r.attributed_to or "").split(";"):
                name = name.strip()
                if name and name not in claims:
                    claims.append(name)
        out.append(ControlChange(
            place_id=inc.place_id, place_name=inc.place_name, date=date,
            from_actor=sides[0], to_actor=sides[1], claimed_by="; ".join(claims) or None,
            incident_id=inc.incident_id, report_id=members[0].report_id,
            n_reports=len(members), n_articles=len({r.article_id for r in members}),
            n_sources=len({source_key(r, articles.get(r.article_id)) for r in members}),
            background=inc.background,
        ))
    out.sort(key=lambda c: (c.date is None, c.date or dt.date.min, c.place_id, c.incident_id or ""))
    return out


def _support(change: ControlChange, claims: list[ControlChange]) -> int:
    """Articles asserting the same holder of the place within ``CONTEST_DAYS`` of ``change``."""
    return sum(c.n_articles for c in claims if c.to_actor == change.to_actor and c.date is not None
               and change.date is not None and abs((c.date - change.date).days) <= CONTEST_DAYS)


def _holder_change(news: list[ControlChange]) -> ControlChange:
    """The newest well-supported change among a place's reported (non-background) changes, oldest first.

    A change to another holder replaces the standing one unless it is contrary within ``CONTEST_DAYS``
    and asserted by fewer articles than the standing holder (e.g. one sentence calling the SDF's capture
    of a city, reported by three articles, a government capture).
    """
    cur = news[0]
    for c in news[1:]:
        if c.to_actor == cur.to_actor:
            cur = c
            continue
        if c.to_actor is None and cur.to_actor is not None and c.from_actor not in (None, cur.to_actor):
            continue  # a withdrawal by a side that no longer held the place ("IS retreated from the cities after
            # losing Deir ez-Zor to the army"): the holder stays
        close = c.date is not None and cur.date is not None and (c.date - cur.date).days <= CONTEST_DAYS
        if close and _support(c, news) < _support(cur, news):
            continue
        cur = c
    return cur


def control_at(changes: Iterable[ControlChange], date: dt.date) -> dict[str, ControlChange]:
    """Per place, the change that gave its holder on ``date`` (the holder is its ``to_actor``).

    Reported changes decide (newest well-supported one, see ``_holder_change``). Background history
    decides only where no reported change is dated on or before ``date``, so it sets the state before
    the reporting but never overrides a reported change; and only for a place whose control the
    reporting is about (it has a reported change) or when at least ``HISTORY_ARTICLES`` articles state
    it: a biography's aside ("he fled when rebels took the two cities in 1991") hands nothing over.
    """
    if isinstance(date, dt.datetime):
        date = date.date()
    changes = list(changes)
    reported = {c.place_id for c in changes if not c.background}
    by_place: dict[str, list[ControlChange]] = {}
    for c in sorted((c for c in changes if c.date is not None and c.date <= date),
                    key=lambda c: c.date or dt.date.min):  # stable: ties keep their order
        if c.background and c.place_id not in reported and c.n_articles < HISTORY_ARTICLES:
            continue
        by_place.setdefault(c.place_id, []).append(c)
    out: dict[str, ControlChange] = {}
    for place, dated in by_place.items():
        news = [c for c in dated if not c.background]
        out[place] = _holder_change(news) if news else dated[-1]
    return out
