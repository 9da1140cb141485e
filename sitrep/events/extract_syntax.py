"""The parse's view of one trigger, in the extractor's terms: mentions instead of spans.

``SentenceParse`` wraps the spaCy Doc of a candidate sentence; ``TriggerView`` is what the predicate of one
trigger says: its status, the actor mentions in its agent and patient, the place mentions in its own
locatives, the time mentions in its own clause, and the places the sentence uses for a government.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.events import syntax
from sitrep.events.extract_context import ARMED_INTER, participant
from sitrep.records import ActorMention, PlaceMention, TimeMention

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class TriggerView:
    status: syntax.Status
    agent: ActorMention | None
    patient: ActorMention | None
    passive: bool
    places: tuple[PlaceMention, ...]  # usable places inside the predicate's locatives, in text order
    times: tuple[TimeMention, ...]  # time mentions inside the predicate's clause
    agent_text: str = ""  # the agent phrase as written ("rockets, artillery and mortar rounds")
    object_text: str = ""  # the patient phrase as written ("the town", "10,000 barrels")
    object_has_place: bool = False  # a place mention lies inside the patient phrase
    agent_span: syntax.Span | None = None  # the agent and patient phrases (sentence offsets)
    patient_span: syntax.Span | None = None


def _first_in(mentions: Sequence[ActorMention], span: syntax.Span | None, base: int) -> ActorMention | None:
    if span is None:
        return None
    inside = [m for m in mentions if span[0] <= m.start - base and m.end - base <= span[1] + 1 and participant(m)]
    return min(inside, key=lambda m: m.start) if inside else None


def government_places(doc: Doc | None, places: Sequence[PlaceMention], base: int) -> set[tuple[int, int]]:
    """Article offsets of places the sentence uses for a government or a people (never event places)."""
    if doc is None:
        return set()
    spans = [(p.start - base, p.end - base) for p in places]
    return {(a + base, b + base) for a, b in syntax.government_places(doc, spans)}


def view(doc: Doc, trig_span: tuple[int, int], base: int, actors: Sequence[ActorMention],
         places: Sequence[PlaceMention], times: Sequence[TimeMention]) -> TriggerView:
    """The trigger's predicate in mention terms (``trig_span`` in sentence offsets)."""
    roles = syntax.roles_of(doc, trig_span)
    armed = [a for a in actors if a.inter in ARMED_INTER]
    loc = syntax.locative_spans(doc, trig_span)
    clause = syntax.clause_span(doc, trig_span)
    in_loc = tuple(p for p in places if syntax.inside((p.start - base, p.end - base), loc))
    in_clause = tuple(t for t in times if syntax.inside((t.start - base, t.end - base), clause))
    agent_text = doc.text[roles.agent[0]:roles.agent[1]] if roles.agent else ""
    object_text = doc.text[roles.patient[0]:roles.patient[1]] if roles.patient else ""
    pat = roles.patient
    object_place = pat is not None and any(p.start - base < pat[1] and pat[0] < p.end - base for p in places)
    return TriggerView(syntax.status_of(doc, trig_span), _first_in(armed, roles.agent, base),
                       _first_in(actors, roles.patient, base), roles.passive, in_loc, in_clause, agent_text,
                       object_text, object_place, roles.agent, roles.patient)
