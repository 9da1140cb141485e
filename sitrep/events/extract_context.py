"""Shared state of the report extractor: mentions per sentence and what earlier sentences established."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sitrep.actors import canonical_actor
from sitrep.records import ActorMention, PlaceMention, Report, Sentence, SourceMention, TimeMention

ARMED_INTER = {1, 2, 3, 4, 8, None}

# "rebel-held towns", "IS-controlled areas": the mention describes ground, it does not take part in the event
_PLACE_MODIFIER = re.compile(r"-(?:held|controlled|run|occupied|besieged|dominated)$", re.IGNORECASE)


def participant(a: ActorMention) -> bool:
    """False for an actor mention that only describes a place ("rebel-held"), which is no agent or target."""
    return not _PLACE_MODIFIER.search(a.surface)

COARSE = {"country", "admin1", "region", "water"}


@dataclass


class Context:
    """What earlier sentences established (updated sentence by sentence)."""

    last_source: str | None = None
    last_agent: str | None = None
    last_places: list[PlaceMention] = field(default_factory=list)
    last_places_at: int = -10
    last_city: PlaceMention | None = None
    last_time: tuple[dt.date | None, dt.date | None, int | None] | None = None
    last_time_at: int = -10
    recent_reports: list[tuple[int, list[Report]]] = field(default_factory=list)  # (sentence index, reports)
    recent_actors: list[tuple[str, int | None]] = field(default_factory=list)  # armed actors, oldest first
    air_actors: frozenset[str] = frozenset()  # actors the article mentions next to air power
    strike_agents: list[tuple[str, str]] = field(default_factory=list)  # (sub-type, agent) of strikes named so far
    allies: frozenset[frozenset[str]] = frozenset()  # pairs the article names as backer and backed
    learned_places: list[PlaceMention] = field(default_factory=list)  # fine places named earlier (by surface)
    explicit: set[str] = field(default_factory=set)  # report ids whose place the sentence itself names
    undated: set[str] = field(default_factory=set)  # report ids dated to the reporting day for want of a date
    amended: dict[str, Report] = field(default_factory=dict)  # report id -> its newest record
    history: list[Report] = field(default_factory=list)  # every report so far (newest records), oldest first

    def recent(self, idx: int, within: int) -> Iterator[Report]:
        """Reports of the sentences at most ``within`` before sentence ``idx``, newest sentence first."""
        return (r for at, rs in reversed(self.recent_reports) if idx - at <= within for r in rs)

    def amend(self, new: Report) -> None:
        """A later sentence completed an earlier report: keep the new record (the old one is not edited)."""
        self.amended[new.report_id] = new
        self.recent_reports = [(at, [new if r.report_id == new.report_id else r for r in rs])
                               for at, rs in self.recent_reports]
        self.history = [new if r.report_id == new.report_id else r for r in self.history]


@dataclass


class SentenceMentions:
    sentence: Sentence
    times: list[TimeMention]
    places: list[PlaceMention]
    actors: list[ActorMention]
    sources: list[SourceMention]


@lru_cache(maxsize=8192)
def _group_name(surface: str) -> bool:
    actor = canonical_actor(surface) if surface else None
    return actor is not None and actor.inter in (2, 3, 4)


def focus_country(places: Sequence[object]) -> str | None:
    """The country most of the article's resolved places lie in (ISO2), if one stands out. A place that bears an
    armed group's name ("al-Shabab militants": a village Shabab in Iran) casts no vote."""
    counts: dict[str, int] = {}
    for p in places:
        country = getattr(p, "country", None)
        if getattr(p, "place_id", None) and country and not _group_name(getattr(p, "surface", "")):
            counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    top = max(sorted(counts), key=lambda c: counts[c])
    return top if counts[top] * 2 >= sum(counts.values()) else None


def by_sentence(sentences: Sequence[Sentence], mentions: Sequence) -> list[list]:
    """Mentions (article offsets) grouped by the sentence they start in, in text order."""
    starts = [s.start for s in sentences]
    buckets: list[list] = [[] for _ in sentences]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if 0 <= i < len(sentences) and m.start < sentences[i].end + 1:
            buckets[i].append(m)
    for b in buckets:
        b.sort(key=lambda m: m.start)
    return buckets
