"""The parse's view of one trigger, in the extractor's terms: mentions instead of spans.

``SentenceParse`` wraps the spaCy Doc of a candidate sentence; ``TriggerView`` is what the predicate of one
trigger says: its status, the actor mentions in its agent and patient, the place mentions in its own
locatives, the time mentions in its own clause, and the places the sentence uses for a government.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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
    describes_doer: bool = False  # a relative clause telling what its head noun did ("fighters who overran ...")
    past_before_past: bool = False  # the sentence's main verb is pluperfect ("had been showcased")
    long_span: bool = False  # the predicate is measured over years ("has waged an insurgency for decades")


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
    countries = [(p.start - base, p.end - base) for p in places if p.feature == "country"]
    # "clashes between Iran and Israel": countries as the sides of a fight are its actors, not its place
    found = syntax.government_places(doc, spans) | syntax.between_parties(doc, countries)
    return {(a + base, b + base) for a, b in found}


def landmarks(doc: Doc | None, places: Sequence[PlaceMention], base: int) -> list[PlaceMention]:
    """Landmarks a place owns ("Aleppo's international airport"), as unresolved places in that place's
    admin context, named as written without the possessive."""
    if doc is None:
        return []
    out = []
    for p in places:
        if p.feature in ("country", "admin1", "region", "water") or p.place_id is None:
            continue
        sp = syntax.landmark_of(doc, (p.start - base, p.end - base))
        if sp is None:
            continue
        rest = syntax.doc_text(doc)[p.end - base:sp[1]]
        name = f"{p.surface} {rest.split(None, 1)[1] if len(rest.split(None, 1)) > 1 else rest.strip()}"
        out.append(PlaceMention(p.start, sp[1] + base, syntax.doc_text(doc)[sp[0]:sp[1]], None, name,
                                feature="landmark",
                                admin1=p.admin1, country=p.country, parent_id=p.place_id))
    return out


def place_parts(doc: Doc | None, places: Sequence[PlaceMention], base: int) -> list[PlaceMention]:
    """ "Damascus and its suburbs": the part as an unresolved place named "<place> <part>" ("Damascus suburbs")
    in its place's admin context."""
    if doc is None:
        return []
    by_span = {(p.start - base, p.end - base): p for p in places if p.feature not in ("country", "water")}
    out = []
    for (a, b), owner_span, noun in syntax.own_parts(doc, list(by_span)):
        owner = by_span[owner_span]
        out.append(PlaceMention(a + base, b + base, syntax.doc_text(doc)[a:b], None, f"{owner.surface} {noun}",
                                feature="neighbourhood", admin1=owner.admin1, country=owner.country,
                                parent_id=owner.place_id))
    return out


def modifier_places(doc: Doc | None, places: Sequence[PlaceMention], base: int) -> set[tuple[int, int]]:
    """Article offsets of places that only name another thing ("the Aleppo road")."""
    if doc is None:
        return set()
    spans = [(p.start - base, p.end - base) for p in places]
    return {(a + base, b + base) for a, b in syntax.modifier_places(doc, spans)}


def coordinated_places(doc: Doc | None, places: Sequence[PlaceMention], base: int,
                       taken: Sequence[tuple[int, int]]) -> list[PlaceMention]:
    """Unresolved places: proper names the parse coordinates with a known place ("bombed Sakhur and Hananu"),
    kept as written (no gazetteer entry) unless they overlap an actor or source span (``taken``)."""
    if doc is None:
        return []
    by_span = {(p.start - base, p.end - base): p for p in places}
    out = []
    for (a, b), partner_span in syntax.coordinated_names(doc, list(by_span)):
        s0, e0 = a + base, b + base
        if any(x < e0 and s0 < y for x, y in taken):
            continue
        partner, name = by_span[partner_span], syntax.doc_text(doc)[a:b]
        if partner.feature in ("country", "admin1", "region", "water"):
            continue  # "Syria and Assad", "Idlib and Hayat Tahrir al-Sham": a peer of a country need not be a place
        out.append(PlaceMention(s0, e0, name, None, name, feature=partner.feature, admin1=partner.admin1,
                                country=partner.country, parent_id=partner.parent_id))
    return out


def coordination(doc: Doc | None, base: int) -> Callable[[PlaceMention, PlaceMention], bool] | None:
    """Whether the parse coordinates two place mentions (article offsets); None without a parse."""
    if doc is None:
        return None
    parsed = doc

    def linked(a: PlaceMention, b: PlaceMention) -> bool:
        return syntax.coordinated(parsed, (a.start - base, a.end - base), (b.start - base, b.end - base))
    return linked


_OF_GROUP = re.compile(r"\s+of\s+(?:the\s+)?")


def _member_of(armed: Sequence[ActorMention], span: syntax.Span | None, base: int, text: str
               ) -> ActorMention | None:
    """The group an agent noun belongs to ("separatists of the Balochistan Liberation Army", "fighters of the
    Islamic State"): the parse's agent phrase ends before its "of" tail."""
    if span is None:
        return None
    m = _OF_GROUP.match(text, span[1])
    return next((a for a in armed if m is not None and a.start - base == m.end()), None)


def view(doc: Doc, trig_span: tuple[int, int], base: int, actors: Sequence[ActorMention],
         places: Sequence[PlaceMention], times: Sequence[TimeMention],
         all_places: Sequence[PlaceMention] = ()) -> TriggerView:
    """The trigger's predicate in mention terms (``trig_span`` in sentence offsets). ``places`` are the usable
    places; ``all_places`` every place mention of the sentence (a name in it is never an unresolved place)."""
    roles = syntax.roles_of(doc, trig_span)
    armed = [a for a in actors if a.inter in ARMED_INTER]
    loc = syntax.locative_spans(doc, trig_span)
    clause = syntax.clause_span(doc, trig_span)
    in_loc = tuple(p for p in places if syntax.inside((p.start - base, p.end - base), loc))
    if not in_loc:  # the predicate's locative names a place the gazetteer lacks: keep it as written
        taken = [(m.start - base, m.end - base) for m in (*places, *all_places)] + \
            [(m.start - base, m.end - base) for m in actors]
        text = syntax.doc_text(doc)
        in_loc = tuple(PlaceMention(a + base, b + base, text[a:b], None, text[a:b], feature="village")
                       for a, b in syntax.locative_names(doc, trig_span, taken))
    in_clause = tuple(t for t in times if syntax.inside((t.start - base, t.end - base), clause))
    modifiers = syntax.modifier_times(doc, [(t.start - base, t.end - base) for t in in_clause])
    own_times = tuple(t for t in in_clause if (t.start - base, t.end - base) not in modifiers)
    in_clause = own_times or in_clause  # "On 3 June, after Friday prayers, ...": the date is 3 June
    agent_text = syntax.doc_text(doc)[roles.agent[0]:roles.agent[1]] if roles.agent else ""
    object_text = syntax.doc_text(doc)[roles.patient[0]:roles.patient[1]] if roles.patient else ""
    pat = roles.patient
    object_place = pat is not None and any(p.start - base < pat[1] and pat[0] < p.end - base for p in places)
    agent = _first_in(armed, roles.agent, base) or _member_of(armed, roles.agent, base, syntax.doc_text(doc))
    return TriggerView(syntax.status_of(doc, trig_span), agent,
                       _first_in(actors, roles.patient, base), roles.passive, in_loc, in_clause, agent_text,
                       object_text, object_place, roles.agent, roles.patient, syntax.describes_doer(doc, trig_span) or syntax.alleged_deed(doc, trig_span),
                       syntax.past_before_past(doc, trig_span), syntax.long_span(doc, trig_span))
