"""Event claims (Reports) from the sentences of one article.

For each sentence, candidates say which events it may assert: triggers of the lexicon
(``extract_rules``), an armed agent killing people, or, where neither fires, a specific death
toll ("three were killed in Binnish", sub-type read from the sentence by the typing model). The
mention model (``mentions``) keeps the candidates that report a specific, actual event, the
sub-type arbitration (``subtype``) types them; a toll that continues the report just made joins
it instead. For each kept trigger the stage picks the event's place (the place the event predicate
governs, with coordinated places giving one claim each), its agent and target
actors, its date interval and ACLED time precision, the people counts
(``quantities``), the attribution and hedging, and whether the claim is
background history. Context from earlier sentences fills gaps: pronoun
subjects ("they", "the group"), anaphoric places ("the city", "there"),
speakers of "the press release said", and the reporting date.

Mentions come in as article-level lists (offsets into ``article.text``); they
are assigned to sentences by offset. Place choice lives in ``extract_places``,
actor roles and attribution in ``extract_actors``, shared state in
``extract_context``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, get_args

from sitrep.actors import load_actors, state_forces, state_of
from sitrep.events.alliances import alliances
from sitrep.events.extract_actors import (
    GENERIC_SOURCE,
    GENERIC_SUBJ,
    PRONOUN_SUBJ,
    SAID_THEY_ANY,
    SPEECH_SUBJ,
    UNIDENTIFIED,
    actor_roles,
    air_actors,
    associates,
    attribution,
    backing_pairs,
    generic_subject,
    in_prepositional_phrase,
    main_actors,
    resolve_generic,
)
from sitrep.events.extract_context import (
    ARMED_INTER,
    COARSE,
    Context,
    SentenceMentions,
    by_sentence,
    focus_country,
)
from sitrep.events.extract_places import (
    DEMONYMS_PATH,
    border_place,
    country_names,
    dateline_places,
    event_places,
    focus_place,
    home_country,
    last_named,
    neighbour_of,
    place_label,
    places_after,
    unresolved_toponyms,
    usable_places,
    with_level,
)
from sitrep.events.extract_rules import (
    MILITANT_CUE,
    RULES_VERSION,
    SUB_TO_TYPE,
    TERRITORY,
    TOLL,
    TOLL_PRIORITY,
    Trigger,
    agent_kill_triggers,
    find_triggers,
    is_generic,
    second_kill_triggers,
)
from sitrep.events.extract_syntax import (
    TriggerView,
    coordinated_places,
    coordination,
    government_places,
    landmarks,
    modifier_places,
    place_parts,
    view,
)
from sitrep.events.mentions import DATA_FILES as MENTIONS_DATA_FILES
from sitrep.events.mentions import EVENT_THRESHOLD, Candidate, Decision, load_model
from sitrep.events.mentions import STAGE_VERSION as MENTIONS_VERSION
from sitrep.events.parse import STAGE_VERSION as PARSE_VERSION
from sitrep.events.quantities import (
    NEXT_VICTIM,
    aggregate_scope,
    find_quantities,
    mentions_deaths,
    number_value,
    place_part,
)
from sitrep.events.quantities import STAGE_VERSION as QUANTITIES_VERSION
from sitrep.events.subtype import DATA_FILES as SUBTYPE_DATA_FILES
from sitrep.events.subtype import STAGE_VERSION as SUBTYPE_VERSION
from sitrep.events.subtype import retype
from sitrep.events.syntax import STAGE_VERSION as SYNTAX_VERSION
from sitrep.events.syntax import (
    Contrast,
    contrast_clauses,
    count_owner,
    dates_an_onset,
    frame_host,
    inside,
    parse_candidates,
    relative_clauses,
    where_antecedent,
)
from sitrep.events.taxonomy import LETHAL_TYPES, REMOTE_SUBS, TERRITORY_SUBS
from sitrep.events.vocab import ARMED_NOUN_RX, CROWD_WORD
from sitrep.records import (
    ActorMention,
    Article,
    EventStatus,
    PlaceMention,
    QuantityMention,
    Report,
    Sentence,
    SourceMention,
    TimeMention,
    VictimCategory,
)
from sitrep.text import TOPIC

if TYPE_CHECKING:
    from spacy.tokens import Doc

# the version of every report row: this module's rules plus the trigger lexicon and the quantity reader; v75: "separatists of the BLA" is the BLA; v76: an armed group's name is no event place; v77: who stopped the attacker is no perpetrator; v78-v80: general-news traps, filing city, second killings (main); v81: merged; v82: ground a side lost, deaths by accident; v83: main sides without trailing sources; v84: a hedge needs an evidential word; v85: the day of the place referred back to; v86: a day after another event; v87: repelled attacks are battles; a toll's own means first; v88: attacks on a leadership or computer systems, stormed stages; v89: a lone clash with no armed man, a market that bombed; v90: a subject hit is no agent; v91: forced into a deal, pronoun antecedents, bombs said planted, officials killed; v92: the village attacked, pupils; v93: the part of a toll no one event owns; v94: scare quotes; v95: a follow-up dates an undated lead; v96: crowds met by police; no dead for a protest without lethal force; v97: a toll revised later; v98: only a single day is taken by referring back; v99: a place carried to a pronoun subject is inferred
STAGE_VERSION = (f"sitrep.events.extract.v137+{RULES_VERSION.rsplit('.', 1)[-1]}+q{QUANTITIES_VERSION.rsplit('.', 1)[-1]}"
                 f"+{SYNTAX_VERSION.rsplit('.', 1)[-1]}+m{MENTIONS_VERSION.rsplit('.', 1)[-1]}+{PARSE_VERSION.split('+')[-1]}"
                 f"+s{SUBTYPE_VERSION.rsplit('.', 1)[-1]}")
# what the reports depend on besides code: the mention model and the demonym list of the places stage
DATA_FILES: tuple[Path, ...] = (*MENTIONS_DATA_FILES, *SUBTYPE_DATA_FILES, DEMONYMS_PATH)

BACKGROUND_DAYS = 60
VAGUE_DAYS = 14  # a date vaguer than a day ("last month", "three weeks ago") ending this long ago is context
RECENT_DAYS = 7  # a relative clause about a participant's deed is news only when it dates the deed this recently
NARROW_INTERVAL_DAYS = 31  # an inferred publication interval this narrow stands in for the date
_SAY_BEFORE = re.compile(r"\b(?:said|says|say|told [\w .]{1,40}?|announced|reported|added|claimed|stated)"
                         r"(?:\s+in\s+an?\s+(?:[\w-]+\s+)?(?:statement|press release|tweet|post|interview|briefing))?\s*$",
                         re.IGNORECASE)
_EXISTENTIAL = r"(?!\s+(?:is|are|was|were|had|has|have|will|would|could|may|might|seems?|appears?)\b)"
_ANAPHOR_PLACE = re.compile(rf"\bthere\b{_EXISTENTIAL}|\b(?:the|this)(?: same)? (?:area|region|camp|neighbou?rhood|"
                            r"district|quarter|suburb)\b", re.IGNORECASE)
_ANAPHOR_COUNTRY = re.compile(r"\b(?:in|across|throughout|around|over|to|into|inside|of)\s+the\s+country\b(?!['’]s)|"
                              r"\bnationwide\b", re.IGNORECASE)
_ANAPHOR_CITY = re.compile(r"\b(?:the|this)(?: same)? (?:city|town|village|province)(?:['’]s)?\b", re.IGNORECASE)
_ANAPHOR_TIME = re.compile(rf"^\s*(?:it|they|he|she|this|these|the fighting|the attack|the strikes?|"
                           rf"the clashes|the assault|the offensive)\b|\bthere\b{_EXISTENTIAL}", re.IGNORECASE)
_NOW = re.compile(r"\b(?:currently|now|today|on-going|ongoing|still)\b|\b(?:is|are)\s+(?:\w+ly\s+)?\w+ing\b",
                  re.IGNORECASE)
_HEADLINE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
_SAID_TAIL = re.compile(r",\s+(?:the\s+|a\s+)?(?:[\w'’.-]+\s+){0,6}?(?:said|says|reported|added|told|according)\b")


def is_headline(text: str, index: int, glued: bool = False) -> bool:
    """A title line: no final punctuation, and either the article's first line or short and in Title Case.
    A body line that lost its full stop (a caption, a scraped list item, a snippet) is still body text.
    A piece the sentence splitter cut off the start of the text it was glued to (``glued``, see ``lead_in``)
    is a headline when it reads as one: a "Topic : Headline" title, or short and in Title Case; a glued
    caption or a headline sentence ("Gunmen storm university campus") is body text."""
    if _HEADLINE_END.search(text):
        return False
    if glued and TOPIC.match(text):
        return True
    words = text.split()
    if len(words) > 20:
        return False
    if index == 0 and not glued:
        return True
    long_words = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return bool(long_words) and len(words) <= 15 and \
        sum(w[:1].isupper() for w in long_words) >= 0.6 * len(long_words)


#: at most this many unpunctuated pieces open an article as its headline, standfirst and photo captions
LEAD_IN_MAX = 4


def lead_in(sentences: Sequence[Sentence], text: str) -> frozenset[int]:
    """The pieces before the article's first punctuated sentence that the sentence splitter cut off the text
    they were glued to (no line break between): a scraped page's headline, standfirst and photo captions run
    into the lede ("Syria unrest : UN urges restraint Activists said thousands protested on Friday The UN
    has ..."). They state no event of their own (the lede and body tell it). A line of its own that lost its
    full stop is still body text (``is_headline`` decides on a first line)."""
    out: list[int] = []
    for s, nxt in zip(sentences[:LEAD_IN_MAX + 1], [*sentences[1:LEAD_IN_MAX + 1], None], strict=False):
        if _HEADLINE_END.search(s.text):
            return frozenset(out)
        if nxt is None or "\n" in text[s.end:nxt.start]:
            return frozenset()
        out.append(s.index)
    return frozenset()


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _reference_date(article: Article, times: Sequence[TimeMention]) -> dt.date | None:
    pub = _as_date(article.published_at)
    if pub:
        return pub
    iv = article.published_interval
    if iv and (iv[1] - iv[0]).days <= NARROW_INTERVAL_DAYS:
        return iv[1]
    return None


def _precision(begin: dt.date | None, end: dt.date | None) -> int | None:
    if begin is None or end is None:
        return 3 if (begin or end) else None
    span = (end - begin).days
    return 1 if span == 0 else 2 if span <= 7 else 3


# a time expression glued to the noun after it as a compound modifier ("13th-century citadel", "1990s-era")
_DESCRIBES_NOUN = re.compile(r"-(?:century|era|old|long)$", re.IGNORECASE)


def _event_time(trig: Trigger, times: Sequence[TimeMention], base: int, text: str
                ) -> tuple[dt.date | None, dt.date | None, int | None] | None:
    cands = []
    for t in times:
        if t.begin is None or t.end_date is None or (_DESCRIBES_NOUN.search(t.surface)
                                                     and re.match(r"\s+[a-z]", text[t.end - base:])):
            continue  # "Aleppo's 13th-century citadel", "a decade-old ban": the age of a thing, not the event's date
        reporting = bool(_SAY_BEFORE.search(text[max(0, t.start - base - 50):t.start - base].rstrip()
                                            .removesuffix("on").rstrip()))
        dist = abs((t.start - base) - trig.start)
        cands.append((reporting, dist, t))
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    t = cands[0][2]
    return t.begin, t.end_date, _precision(t.begin, t.end_date)


def _report_id(article_id: str, index: int, sub: str, place: str | None, actor1: str | None, n: int) -> str:
    key = f"{article_id}|{index}|{sub}|{place or ''}|{actor1 or ''}|{n}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def extract_reports(
    article: Article,
    sentences: Sequence[Sentence],
    times: Sequence[TimeMention],
    places: Sequence[PlaceMention],
    actors: Sequence[ActorMention],
    sources: Sequence[SourceMention],
    *,
    hedged: Callable[[str], bool] | None = None,
    geo_precision: Callable[[PlaceMention, str], int] | None = None,
    decide: Callable[[Sequence[Candidate]], list[Decision]] | None = None,
) -> list[Report]:
    """Event claims of one article, in sentence order.

    ``hedged`` and ``geo_precision`` default to the actors and places stages; ``classify`` (CASE label
    and probability per text, e.g. ``typing.classify_many``) is asked only about sentences whose
    triggers are all weak ("an explosion", "looting"), and vetoes those it reads as accidents,
    disasters or crime.
    """
    hedge_fn = hedged or _default_hedged()
    precision_of = geo_precision or _default_geo_precision()
    article_text = article.text

    def geo_fn(p: PlaceMention) -> int:  # the mention's offsets are the article's: its words decide "near"/"part of"
        return precision_of(p, article_text)
    per = [
        SentenceMentions(sent, t, p, _not_telling(a, so, sent.text, sent.start), so)
        for sent, t, p, a, so in zip(
            sentences, by_sentence(sentences, times), by_sentence(sentences, places),
            by_sentence(sentences, actors), by_sentence(sentences, sources), strict=True)
    ]
    ref = _reference_date(article, times)
    usable_of = [usable_places(s, s.sentence.text, s.sentence.start) for s in per]  # (read again per sentence)
    usable = [p for u in usable_of for p in u]
    # the filing city stands for the scope only when the dateline's own sentence names no other place ("NAIROBI -
    # police shot protesters after a crowd stormed parliament"); "ABUJA - gunmen killed 20 in Zamfara state"
    # is about Zamfara
    filed = [p for s, u in zip(per, usable_of, strict=True) if not u
             for p in dateline_places(s, s.sentence.text, s.sentence.start)]
    focus = focus_place(usable, filed)
    # the article's sides, not who tells its events ("..., the Iraqi military said" names no side of the war)
    main = main_actors([a for s in per for a in _not_telling(s.actors, s.sources, s.sentence.text, s.sentence.start)])
    main_inter = {a.name: a.inter for a in actors}
    ctx = Context(air_actors=air_actors(article.text, actors),
                  allies=backing_pairs(article.text, actors) | alliances())
    head = lead_in(sentences, article.text)
    found = [_candidate_triggers(s, s.sentence.index in head, u) for s, u in zip(per, usable_of, strict=True)]
    docs = _parse_candidates(per, found)
    decisions = _classify(per, found, docs, ref, decide or _default_decide(), head)
    typed = retype([s.sentence.text for s in per], found)  # the sub-type: rules x typing model (subtype.py)
    # a force moving into an area with no other event word stays a move (ACLED "Other"): the typing model reads
    # the armed men in the sentence as a battle
    found = [[o if _moves_in(o) else t for o, t in zip(orig, new, strict=True)] for orig, new in zip(found, typed, strict=True)]
    countries = {p.country: p.name or p.surface for p in places if p.feature == "country" and p.country}
    home = home_country(usable)
    scope = Scope(article, ref, focus, main, main_inter, hedge_fn, geo_fn, countries, home,
                  air_war=bool(ctx.air_actors or _AIR_WAR.search(article.text)), country=focus_country(places),
                  neighbour=neighbour_of(home.country if home else None, [p.country for p in usable if p.country]),
                  country_places=_country_places(usable))
    reports: list[Report] = []
    for s, trigs, doc, dec, u in zip(per, found, docs, decisions, usable_of, strict=True):
        reports.extend(_sentence_reports(scope, s, ctx, dec, trigs, doc, u, s.sentence.index in head))
    reports = [ctx.amended.get(r.report_id, r) for r in reports]  # later sentences' amendments, as new records
    reports = _late_specifics(reports, per, usable_of, ctx, scope)
    return _late_strike_agents(reports, ctx, scope)


# the participants of the event just told, named again with its verb ("The two men were captured in early
# January", "in Raqqa, where he died on 25 November"): the verb's family is the group
_RESTATED = re.compile(
    r"\b(?:(?:the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+|[\w-]+\s+)?(?:men|women|britons|"
    r"militants|suspects|hostages|victims?|soldiers|fighters|pair|couple)|he|she|they)\s+(?:had\s+been|have\s+been|"
    r"has\s+been|were|was)\s+(?:(?:first|reportedly|originally|later)\s+)?(?P<v1>captured|arrested|detained|seized|"
    r"abducted|kidnapped|killed|shot dead)"
    r"|\bwhere\s+(?:he|she|they)\s+(?:(?P<v2>died)|(?:was|were)\s+(?P<v3>killed|captured|arrested|detained|"
    r"abducted|kidnapped)))\b", re.IGNORECASE)
_VERB_KINDS = {"captured": ("Arrests", "Abduction/forced disappearance"), "arrested": ("Arrests",),
               "detained": ("Arrests",), "seized": ("Arrests", "Abduction/forced disappearance"),
               "abducted": ("Abduction/forced disappearance",), "kidnapped": ("Abduction/forced disappearance",)}
_LATE_SPAN_DAYS = 31  # "in early January" dates the event; "since 2014" does not


def _late_specifics(reports: list[Report], per: Sequence[SentenceMentions], usable_of: Sequence[Sequence[PlaceMention]],
                    ctx: Context, scope: Scope) -> list[Report]:
    """ "A British engineer was killed in Syria while trying to clear a booby-trapped house ... [paragraphs later]
    ... working to clear mines in Raqqa, where he died on 25 November": an article often gives the day and the
    town of its lead event only when it names the participants again with its verb. The lead event (the only
    one of its kind the article reports), undated or placed at country level, takes that later day or town (a
    new record). Only a sentence after the event's own, only its own kind (a capture for arrests, a death for
    an event with dead), only a town in the event's country."""
    out = list(reports)
    for j, s in enumerate(per):
        _serving_victim(out, s)
        m = _RESTATED.search(s.sentence.text)
        if m is None:
            continue
        verb = (m.group("v1") or m.group("v2") or m.group("v3") or "").lower()
        kinds = _VERB_KINDS.get(verb)
        fits = [i for i, r in enumerate(out) if not r.background and r.sentence_index < s.sentence.index and (
            r.sub_event_type in kinds if kinds else r.event_type in LETHAL_TYPES and any(
                q.status == "killed" for q in r.fatalities))]
        if len(fits) != 1:
            continue  # none, or several it could restate
        r = new = out[fits[0]]
        base = s.sentence.start
        coarse = r.place_inferred or (r.geo_precision == 3 and not r.admin1)
        towns = [p for p in usable_of[j] if p.feature not in COARSE and p.place_id and p.country == r.country]
        if coarse and towns:
            new = _moved(r, min(towns, key=lambda p: abs(p.start - base - m.start())), scope.geo_fn)
        if r.report_id in ctx.undated:  # the verb's own day: the time right after it, in its clause
            t = next((t for t in s.times if 0 <= t.start - base - m.end() <= 25 and t.begin and t.end_date
                      and scope.ref and t.end_date <= scope.ref and (t.end_date - t.begin).days <= _LATE_SPAN_DAYS),
                     None)
            if t is not None and t.begin and t.end_date:
                new = replace(new, date_begin=t.begin, date_end=t.end_date,
                              time_precision=1 if t.begin == t.end_date else 2)
                ctx.undated.discard(r.report_id)
        out[fits[0]] = new
    return out


# one dead named with the armed group they served ("Ollie Hall, 24, died on active service while serving with the
# Kurdistan People's Protection Units", "killed while volunteering with the militia")
_SERVING = re.compile(r"\b(?:died|killed)\b[^.;]{0,60}?\b(?:while|when)\s+(?:serving|fighting|volunteering)\s+"
                      r"(?:with|for|alongside)\s+", re.IGNORECASE)


def _serving_victim(out: list[Report], s: SentenceMentions) -> None:
    """The lone victim of the article's only deadly event with one dead, read as a civilian, was a fighter of the
    armed group a later sentence says they served with: that group is the event's target (in place)."""
    m = _SERVING.search(s.sentence.text)
    base = s.sentence.start
    unit = next((a for a in s.actors if m and a.inter in (1, 2, 3, 4, 8) and 0 <= a.start - base - m.end() <= 25),
                None) if m else None
    if unit is None:
        return
    lone = [i for i, r in enumerate(out) if not r.background and r.sentence_index < s.sentence.index
            and r.event_type in LETHAL_TYPES and [q.value for q in r.fatalities if q.status == "killed"] == [1]]
    if len(lone) == 1 and out[lone[0]].actor2 == "Civilians" and out[lone[0]].actor1 != unit.name:
        out[lone[0]] = replace(out[lone[0]], actor2=unit.name)


def _not_telling(actors: Sequence[ActorMention], sources: Sequence[SourceMention], text: str,
                 base: int) -> list[ActorMention]:
    """The sentence's actors less those that only tell it in a trailing attribution ("..., police said",
    "..., according to the army"): who reports an event is not, by being named as its source, one of its sides.
    A source that opens the sentence ("Rebel groups said the bomb had been planted") stays: it may be a side."""
    told = [x for x in sources if _TRAILING_SOURCE.search(text[:max(0, x.start - base)])
            and _SENTENCE_END.match(text[x.end - base:])]
    return [a for a in actors if not any(x.start <= a.start and a.end <= x.end for x in told)]


_SENTENCE_END = re.compile(r"[^,;:]{0,40}$")  # the source's verb and a date at most ("said on Monday.")
_TRAILING_SOURCE = re.compile(r"[,;]\s*(?:according to\s+|said\s+|says\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}$")


def _late_strike_agents(reports: list[Report], ctx: Context, scope: Scope) -> list[Report]:
    """A strike whose sentence names no agent and none named before it ("Six civilians were killed by fresh
    shelling in Homs" in the lede) takes the actor the whole article names as carrying out such strikes,
    also later on (a new record); failing that, the forces of the state the strike lies in, when the article
    names them among its main actors (who else bombs a town of its own war). A foreign state's strike with no
    target named is aimed at the forces of the state it strikes in (named among the main actors), unless allied.
    Arrests with no agent named are the home state's forces', of civilians when no target is named."""
    out = []
    for r in reports:
        if r.actor1 is None and r.sub_event_type in REMOTE_SUBS and not r.background:
            agent = _strike_agent(r.sub_event_type, r.actor2, ctx) or _home_forces(r, scope)
            if agent is not None:
                r = replace(r, actor1=agent)
        if r.sub_event_type == "Arrests" and not r.background:
            # "as many as 10,000 people have been detained": arrests are the state's, of civilians (ACLED)
            r = replace(r, actor1=r.actor1 or _home_forces(r, scope), actor2=r.actor2 or "Civilians")
        if r.actor1 is not None and r.actor2 is None and r.sub_event_type in REMOTE_SUBS and not r.background \
                and scope.main_inter.get(r.actor1) == 8 and not _people_hurt(r.fatalities):
            host = _home_forces(r, scope)  # "Israeli missiles were fired at several Syrian locations"
            if host is not None and host != r.actor1 and frozenset((r.actor1, host)) not in ctx.allies:
                r = replace(r, actor2=host)
        out.append(r)
    return out


_BOMBING = re.compile(r"bomb(?:ing|ings|ed)$", re.IGNORECASE)
# words that only an air campaign uses: an article with one of them reports one ("a bombing" there is a strike)
_AIR_WAR = re.compile(r"\b(?:air ?strikes?|airstrikes?|air raids?|warplanes?|fighter jets|jets|aircraft|helicopters?|"
                      r"barrel bombs?|air ?force|sorties)\b", re.IGNORECASE)
_GROUND_MEANS = re.compile(r"\b(?:rockets?|artillery|mortars?|shells?|shelling|tanks?|howitzers?|missiles?|guns?)\b",
                           re.IGNORECASE)
_AIR_MEANS = re.compile(r"\b(?:air|aerial|jets?|warplanes?|planes?|aircraft|helicopters?|drones?|bombers?)\b",
                        re.IGNORECASE)


def _means_from_agent(sub: str, tv: TriggerView | None) -> str:
    """ "rockets, artillery and mortar rounds pounded X": a strike verb whose subject is a ground weapon; rockets
    or missiles fired by aircraft are an air strike."""
    if sub == "Air/drone strike" and tv is not None and _GROUND_MEANS.search(tv.agent_text) \
            and not _AIR_MEANS.search(tv.agent_text):
        return "Shelling/artillery/missile attack"
    if sub == "Shelling/artillery/missile attack" and tv is not None and _AIR_MEANS.search(tv.agent_text) \
            and not _GROUND_MEANS.search(tv.agent_text):
        return "Air/drone strike"  # "attack helicopters were seen firing rockets": rockets from the air
    return sub


def _moves_in(t: Trigger) -> bool:
    return t.sub_event_type == "Other" and bool(_NEEDS_MOVER.match(t.surface)) and not t.surface.startswith("swe")


def _candidate_triggers(s: SentenceMentions, head: bool = False,
                        usable: Sequence[PlaceMention] | None = None) -> list[Trigger]:
    """Triggers of a sentence that can hold an event (not a headline or lead-in, not a generic statement);
    ``usable``: the sentence's usable places when the caller has them already."""
    text, base = s.sentence.text, s.sentence.start
    if is_headline(text, s.sentence.index, head) or is_generic(text):
        return []
    armed_at = [a.start - base for a in s.actors if a.inter in (1, 2, 3, 4, 8)]
    found = find_triggers(text)
    found = sorted(found + second_kill_triggers(text, found, armed_at), key=lambda t: t.start) if found \
        else agent_kill_triggers(text, armed_at)
    if found or not (s.times or (usable if usable is not None else usable_places(s, text, base))):
        return found  # a toll with no place or day of its own can only continue the report just made (the count
        # follow-up does that without a parse)
    return toll_triggers(text)


# deaths by accident, illness or nature ("when their truck overturned", "in a helicopter crash", "drowned when
# their boat capsized", "died of a heart attack"): a toll with no event word and one of these is no violence
_ACCIDENT_DEATH = re.compile(
    r"\b(?:accidents?|accidentally|crash(?:ed|es)?|overturned|rolled over|collided|collisions?|capsized|sank|"
    r"derailed|drowned|stampede|electrocuted|avalanche|landslides?|earthquake|floods?|flooding|lightning|"
    r"heart attack|illness|disease|cholera|heatstroke|(?:a|the) fire broke out)\b", re.IGNORECASE)


def toll_triggers(text: str) -> list[Trigger]:
    """ "At least three others were killed in Binnish on Tuesday": a specific death toll with no event word of
    its own proposes its count as a candidate (sub-type ``TOLL``, decided later by the typing model from the
    whole sentence). A running tally ("since March", "have been killed" with no event anchor) is not one, nor a
    toll of a thousand or more."""
    if not mentions_deaths(text) or _running_tally(text) or _ACCIDENT_DEATH.search(text):
        return []
    for q in find_quantities(text):
        if q.status == "killed" and not q.cumulative and 0 < (q.value or q.min or 0) < 1000:
            return [Trigger(q.start, q.end, q.surface, TOLL, TOLL_PRIORITY)]
    return []


def _toll_in_context(triggers: tuple[Trigger, ...], decided: dict[int, Decision], ctx: Context, idx: int,
                     text: str, air_war: bool, actors: Sequence[ActorMention] = ()
                     ) -> tuple[tuple[Trigger, ...], dict[int, Decision]]:
    """A death toll the typing model could not type ("Dozens of people were killed in Syria on Wednesday") that
    joins no report: of the means that killed them ("killed by bombs"), else of the kind of the violent event
    reported in the last two sentences ("another 20 were killed in X" after an air strike), else a battle when
    the sentence names two armed sides, one of them a state's ("Iraqi security forces killed a senior Islamic
    State commander in an operation in Anbar"), else no event."""
    sides = {a.name for a in actors if a.inter in (1, 2, 3, 4, 8)}
    state_side = any(a.inter in (1, 8) for a in actors)
    prior = _toll_means(text, air_war) or next(
        (r.sub_event_type for r in ctx.recent(idx, 2) if r.event_type in LETHAL_TYPES and not r.background), None) \
        or ("Armed clash" if len(sides) >= 2 and state_side else None)
    if prior is None:
        return (), decided
    if prior == "Attack" and all(_ARMED_DEAD.search(t.surface) for t in triggers if t.sub_event_type == TOLL):
        # "left more than 100 Syrian soldiers dead" after a civilian's shooting: one-sided violence against
        # civilians is no kind for armed men's deaths
        return tuple(t for t in triggers if t.sub_event_type != TOLL), decided
    typed = tuple(replace(t, sub_event_type=prior) if t.sub_event_type == TOLL else t for t in triggers)
    return typed, {**decided, **{id(n): decided[id(o)] for n, o in zip(typed, triggers, strict=True)}}


_ARMED_DEAD = re.compile(rf"\b{ARMED_NOUN_RX}", re.IGNORECASE)


# the explosive means a toll names as what killed ("killed this past week by Russian and Syrian bombs")
_KILLED_BY_MEANS = re.compile(r"\b(?:killed|died|dead|wounded|injured)\s+(?:[\w'’-]+\s+){0,4}?(?:by|in|from)\s+"
                              r"(?:[\w'’-]+\s+){0,4}?(?P<means>bombs|bombing|bombardment|bombs? dropped|shells|mortars?|"
                              r"mortar rounds|rockets|artillery|explosions?|blasts?)\b", re.IGNORECASE)


def _toll_means(text: str, air_war: bool) -> str | None:
    """The sub-type the means of a toll names: shells and rockets are shelling, bombs an air strike in an air
    war and an explosive device elsewhere; None when the sentence names no explosive means."""
    m = _KILLED_BY_MEANS.search(text)
    if m is None:
        return None
    if _GROUND_MEANS.search(m.group("means")):
        return "Shelling/artillery/missile attack"
    means = m.group("means").lower()
    return "Air/drone strike" if air_war and means.startswith("bomb") else "Remote explosive/landmine/IED"


def _parse_candidates(per: Sequence[SentenceMentions], found: Sequence[list[Trigger]]) -> list[Doc | None]:
    """The parse of every sentence with a trigger (only those: parsing is the costly step)."""
    todo = [i for i, t in enumerate(found) if t]
    docs = parse_candidates([per[i].sentence.text for i in todo]) if todo else []
    out: list[Doc | None] = [None] * len(per)
    for i, d in zip(todo, docs, strict=True):
        out[i] = d
    return out


_ATTRIBUTIVE_HEDGE = re.compile(r"\b(?:suspected|alleged)\b", re.IGNORECASE)
# a clause's participants (its subject, object, the noun set beside one); a noun after a preposition may be the
# event's cause ("injured by a suspected chlorine attack") and keeps its hedge
_PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "appos", "attr"})


def _hedge_text(st: SentenceState) -> str:
    """The sentence as its hedge cues read it: "suspected" and "alleged" that qualify the subject or object of a
    clause rather than its event ("police arrested 12 suspected al-Shabab members", "killed an alleged
    informant") blanked out. They say who the people are thought to be, not that the arrest or the killing is in
    doubt; "injured by a suspected chlorine attack" and "a suspected attack" (a trigger) keep their hedge."""
    text, doc = st.text, st.doc
    if doc is None or not _ATTRIBUTIVE_HEDGE.search(text):
        return text
    spans = [(t.start, t.end) for t in st.triggers]
    out = text
    for tok in doc:
        head = tok.head
        if tok.lower_ in ("suspected", "alleged") and tok.dep_ == "amod" and head.dep_ in _PARTICIPANT_DEPS \
                and not any(a <= head.idx < b for a, b in spans):
            out = out[:tok.idx] + " " * len(tok.text) + out[tok.idx + len(tok.text):]
    return out


def _status(tv: TriggerView | None, dec: Decision | None, hedged: bool, text: str) -> EventStatus:
    """The parse's reading when it is decisive (negation, modality, plans), else the model's. The model's "hedged"
    needs an evidential word in the sentence (a source, a report, a belief, footage): "Russian missiles struck
    Kharkiv on Monday, killing four people" states its event as fact, whoever it names."""
    status: EventStatus = "asserted"
    if tv is not None and tv.status != "asserted":
        status = tv.status
    elif dec is not None:
        status = dec.status
        if status == "hedged" and not hedged and not _EVIDENTIAL.search(text):
            status = "asserted"
    return "hedged" if status == "asserted" and hedged else status


# words that tell a claim's evidence or its teller: without one, a sentence asserts what it tells
_EVIDENTIAL = re.compile(
    r"\b(?:said|says|say|saying|told|tells|reported|reports?|reportedly|according|believed?|believes|claim(?:s|ed)?|"
    r"alleg\w*|purport\w*|unverifi\w*|unconfirmed|footage|videos?|images|pictures|seen|witness\w*|appear(?:s|ed)?|"
    r"apparent(?:ly)?|suggest\w*|estimat\w*|confirm\w*|cited|quoted|thought|suspected|feared|accused|blamed|"
    r"denied|insisted|announced|stated)\b", re.IGNORECASE)


def _classify(per: Sequence[SentenceMentions], found: Sequence[list[Trigger]], docs: Sequence[Doc | None],
              ref: dt.date | None, decide: Callable[[Sequence[Candidate]], list[Decision]],
              head: frozenset[int] = frozenset()) -> list[list[Decision]]:
    """The mention model's decision for every trigger, in one batch per article. The lede is the article's
    first sentence for the model (its position, no sentence before it) also when a lead-in (``head``) precedes it."""
    cands = [Candidate(s.sentence.text, (t.start, t.end), t.sub_event_type,
                       per[i - 1].sentence.text if i > len(head) else "", s.sentence.index - len(head), docs[i],
                       tuple(s.times), ref)
             for i, (s, trigs) in enumerate(zip(per, found, strict=True)) for t in trigs]
    flat = iter(decide(cands) if cands else [])
    return [[next(flat) for _ in trigs] for trigs in found]


def _default_decide() -> Callable[[Sequence[Candidate]], list[Decision]]:
    return load_model().decide


@dataclass(frozen=True)
class Scope:
    """What the whole article fixes for every sentence: its id, reporting date, scope place, main actors."""

    article: Article
    ref: dt.date | None
    focus: PlaceMention | None
    main: list[str]
    main_inter: dict[str, int | None]
    hedge_fn: Callable[[str], bool]
    geo_fn: Callable[[PlaceMention], int]
    country_names: dict[str, str] = field(default_factory=dict)  # ISO2 -> the name the article uses
    home: PlaceMention | None = None  # the country the article names most ("the country" in a sentence)
    air_war: bool = False  # the article reports air strikes (named aircraft or strikes in its own words)
    country: str | None = None  # the article's focus country (ISO2): whose forces "the government" are
    neighbour: str | None = None  # the foreign country the article names most (ISO2): the far side of "the border"
    country_places: dict[str, PlaceMention] = field(default_factory=dict)  # ISO2 -> the article's first mention


@dataclass(frozen=True)
class SentenceState:
    """One sentence as the passes see it; each pass returns a new state (``dataclasses.replace``)."""

    s: SentenceMentions
    triggers: tuple[Trigger, ...]
    decided: dict[int, Decision]  # id(trigger) -> the mention model's decision
    doc: Doc | None
    headline: bool = False
    usable: tuple[PlaceMention, ...] = ()
    quantities: tuple[QuantityMention, ...] = ()
    battle_after: Report | None = None  # the attack a battle in this sentence followed
    regions: tuple[tuple[int, int], ...] = ()
    views: tuple[TriggerView | None, ...] = ()
    explicit: tuple[list[PlaceMention], ...] = ()  # per trigger: the places the sentence gives it
    plausible: tuple[bool, ...] = ()
    absorb: dict[int, int] = field(default_factory=dict)  # trigger -> the trigger it repeats
    owner: tuple[int, ...] = ()  # per quantity: the trigger it belongs to
    contrasts: tuple[Contrast, ...] = ()  # "..., while another 20 were killed in X": events with no trigger

    @property
    def text(self) -> str:
        return self.s.sentence.text

    @property
    def base(self) -> int:
        return self.s.sentence.start

    @property
    def idx(self) -> int:
        return self.s.sentence.index

    def evolve(self, **changes: Any) -> SentenceState:
        """``dataclasses.replace(self, **changes)`` at a fraction of its cost (three passes per sentence make a new
        state): the same fields, the changed ones set; no field is computed at init."""
        if not changes.keys() <= _STATE_FIELDS:
            raise TypeError(f"SentenceState has no field {sorted(changes.keys() - _STATE_FIELDS)}")
        new = object.__new__(SentenceState)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new


_STATE_FIELDS = frozenset(f.name for f in fields(SentenceState))


@dataclass
class Chain:
    """What one trigger of a sentence hands to the next ("captured X and pushed into Y": the same subject)."""

    first_agent: str | None = None
    prev_agent: str | None = None
    prev_target: str | None = None
    seen: dict[tuple[str, str | None, dt.date | None, dt.date | None], int] = field(default_factory=dict)
    # (sub-type, place, dates) -> index in out


def _sentence_reports(scope: Scope, s: SentenceMentions, ctx: Context, decisions: list[Decision],
                      triggers: list[Trigger], doc: Doc | None, usable: list[PlaceMention],
                      head: bool = False) -> list[Report]:
    """The passes over one sentence: decide, places, follow-ups, structure, reports, context (``usable``: the
    sentence's ``usable_places``; ``head``: the sentence is part of the article's ``lead_in``)."""
    st = _decide_pass(s, triggers, decisions, doc, head)
    _crowd_control_follow_up(s, triggers, decisions, ctx, usable, scope)
    st = _places_pass(st, ctx, usable, scope)
    st = _follow_up_pass(st, ctx, scope)
    st = _structure_pass(st)
    out: list[Report] = []
    chain = Chain()
    first_of: dict[int, Report] = {}
    for k in range(len(st.triggers)):
        if st.absorb.get(k, k) == k and st.plausible[k]:
            n = len(out)
            out = _trigger_reports(st, k, ctx, scope, chain, out)
            if len(out) > n:
                first_of[k] = out[n]
    out = _contrast_pass(st, scope, out, first_of)
    out = _battle_after_pass(st, ctx, out)
    if not out:
        _part_toll_pass(st, ctx)
    _context_pass(st, ctx, out, chain.first_agent)
    return out


def _part_toll_pass(st: SentenceState, ctx: Context) -> None:
    """ "The Observatory said 24 people were killed across Syria on Monday, including 10 in Hama": a sentence that
    reports no event of its own gives the part of a country-wide toll stated for a place to the article's earlier
    report of deadly violence at that place on that day that has no toll yet (a new record, see ``Context.amend``)."""
    days = [(t.begin, t.end_date or t.begin) for t in st.s.times if t.begin is not None
            and ((t.end_date or t.begin) - t.begin).days <= 1]  # one day's toll, not a running total
    if not days:
        return
    for q in st.quantities:
        if q.status != "killed" or not aggregate_scope(st.text, q):
            continue
        for p in st.usable:
            part = place_part(st.text, q, p.start - st.base) if p.place_id and p.start - st.base > q.end else None
            if not part:
                continue
            host = next((r for r in reversed(ctx.history) if r.place_id == p.place_id and not r.background
                         and r.event_type in LETHAL_TYPES and r.date_begin is not None and r.date_end is not None
                         and not any(f.status == "killed" for f in r.fatalities)
                         and any(b <= r.date_end and r.date_begin <= e for b, e in days)), None)
            if host is not None:
                ctx.amend(replace(host, fatalities=[*host.fatalities, _as_part(q, part)]))


_FOLLOW_UP_FLOOR = 0.3  # a crowd-control sentence the model doubts (it cannot see the protest it continues)


def _crowd_control_follow_up(s: SentenceMentions, triggers: list[Trigger], decisions: list[Decision], ctx: Context,
                             usable: Sequence[PlaceMention], scope: Scope) -> None:
    """ "Protesters in Tel Aviv blocked a highway on Monday night. Police used water cannon to disperse them": the
    next sentence, with no place or day of its own, tells how the protest just reported was met; the mention
    model, which reads it alone, often doubts it. The protest is upgraded (a new record) to the force met."""
    if s.times or usable:
        return
    for t, d in zip(triggers, decisions, strict=True):
        if t.sub_event_type not in _PROTEST_RANK or not _FOLLOW_UP_FLOOR <= d.p_event < EVENT_THRESHOLD:
            continue
        prior = next((r for r in ctx.recent(s.sentence.index, 1) if r.sub_event_type in _PROTEST_RANK), None)
        if prior is None or _PROTEST_RANK[t.sub_event_type] <= _PROTEST_RANK[prior.sub_event_type]:
            continue
        force = next((a.name for a in s.actors if a.inter == 1), None)
        ctx.amend(_met_by(prior, t.sub_event_type, force, s.sentence.text, scope))
        return


def _met_by(prior: Report, sub: str, force: str | None, text: str, scope: Scope,
            counts: Sequence[QuantityMention] = ()) -> Report:
    """The protest just reported, upgraded to the force that met it (a new record): the force named as the
    event country's, second to any side the protest already had; ``counts`` join its toll."""
    if prior.country:
        force = _in_country(force, prior.country, text, scope)
    return replace(prior, sub_event_type=sub, event_type=SUB_TO_TYPE[sub], actor2=prior.actor2 or force,
                   fatalities=[*prior.fatalities, *counts])


def _decide_pass(s: SentenceMentions, triggers: list[Trigger], decisions: list[Decision],
                 doc: Doc | None, head: bool = False) -> SentenceState:
    """Keep the triggers the mention model reads as events."""
    decided = {id(t): d for t, d in zip(triggers, decisions, strict=True)}
    kept = tuple(t for t in triggers if decided[id(t)].p_event >= EVENT_THRESHOLD)
    return SentenceState(s, kept, decided, doc, headline=is_headline(s.sentence.text, s.sentence.index, head))


_LOCAL_LEVEL = re.compile(r"\s+(?:district|neighbou?rhood|quarter|suburb|village|town)\b", re.IGNORECASE)


def _stray_namesake(p: PlaceMention, scope: Scope, after: str = "") -> PlaceMention:
    """ "retaking the Karama district" in a Mosul story, resolved to Dubai's Al Karama: a village, small town or
    district resolved into a country the article never names, while the article has a country of its own, is the
    gazetteer's namesake. It stays as written, unresolved, in the article's country."""
    home = scope.home.country if scope.home is not None else None
    if p.place_id is None or p.feature in COARSE or not (p.feature_class == "small" or _LOCAL_LEVEL.match(after)) \
            or not p.country or home is None or p.country == home or p.country in scope.country_names:
        return p  # (a city abroad, "a bombing in Paris", is that city whether or not France is named)
    return PlaceMention(p.start, p.end, p.surface, None, p.surface, feature="village", country=home)


def _places_pass(st: SentenceState, ctx: Context, usable_here: list[PlaceMention], scope: Scope) -> SentenceState:
    """Places that can be event places: no government uses, plus names the gazetteer missed."""
    text, base = st.text, st.base
    usable = [_stray_namesake(with_level(p, text, base), scope, text[p.end - base:p.end - base + 16])
              for p in usable_here]  # "Aleppo province"
    governing = government_places(st.doc, usable, base)
    usable = [p for p in usable if (p.start, p.end) not in governing]  # "Damascus said", "Moscow's role"
    owned = {(lm.start, lm.parent_id): lm for lm in landmarks(st.doc, usable, base)}
    usable = [owned.get((p.start, p.place_id), p) for p in usable]  # "Aleppo's airport": the airport
    usable = sorted(usable + place_parts(st.doc, usable, base), key=lambda p: p.start)  # "and its suburbs"
    if st.triggers:
        taken = [(a.start, a.end) for a in st.s.actors] + [(x.start, x.end) for x in st.s.sources]
        peers = coordinated_places(st.doc, usable, base, taken)  # "bombed Sakhur and Hananu": Sakhur unresolved
        extra_places = [*peers, *unresolved_toponyms(text, base, usable + peers, ctx.learned_places)]
        extra_places = [p for p in extra_places if not any(a < p.end and p.start < b for a, b in governing)]
        usable = sorted(usable + extra_places, key=lambda p: p.start)
    else:
        extra_places = unresolved_toponyms(text, base, usable)
    for p in extra_places + usable:
        if p.feature not in COARSE and len(p.surface) > 3 and p.surface[:1].isalpha() and \
                all(p.surface != k.surface for k in ctx.learned_places):
            ctx.learned_places.append(p)
    quantities = tuple(q for q in find_quantities(text) if q.status != "present")
    return st.evolve(usable=tuple(usable), quantities=quantities)


def _follow_up_pass(st: SentenceState, ctx: Context, scope: Scope) -> SentenceState:
    """A sentence that continues the event just reported amends that report (a new record) instead of
    making one: "Seven fighters were also killed in the gunbattle", "The attack in X began late Tuesday",
    "At least 26 fighters were killed."."""
    text, base, idx, s = st.text, st.base, st.idx, st.s
    triggers: tuple[Trigger, ...] = st.triggers
    if triggers and not st.headline and all(_DEFINITE_REF.search(text[:t.start]) and _NOMINAL.match(t.surface)
                                            for t in triggers):
        host = _follow_up_host(ctx, idx, s)
        fine_here = [p for p in st.usable if p.feature not in COARSE]
        means = _means_of_attack(host, triggers)
        if host is not None and means is None and (host.sub_event_type in TERRITORY_SUBS or any(
                SUB_TO_TYPE.get(t.sub_event_type) != host.event_type for t in triggers)):
            host = None  # "captured X. The fighting there left 12 dead": the battle is an event of its own
        if host is not None and not any(t.begin and (host.report_id not in ctx.undated or means is None) and
                                            not _overlaps(t.begin, t.end_date or t.begin, host) for t in s.times) and (
                not fine_here or any(p.place_id and p.place_id == host.place_id for p in fine_here)):
            triggers = ()
            if means is not None:  # "The air strike on Saturday hit the market": how the attack was done
                ctx.amend(replace(host, sub_event_type=means, event_type=SUB_TO_TYPE[means]))
    if triggers and not st.headline and _loser_withdrew(st, ctx, scope, triggers):
        triggers = ()  # "Government troops withdrew from Qaisar district": where the capture just reported was
    if triggers and not st.headline and _killed_in_that_event(st, ctx, triggers):
        triggers = ()  # its counts join the host below (_count_follow_up)
    if triggers and not st.headline and _elaborates(st, ctx, triggers):
        triggers = ()  # its counts join the host below (_count_follow_up), which stays the event in focus
    elif triggers and not st.headline and _doers_place_the_host(st, ctx, scope, triggers):
        triggers = ()  # "The attackers stormed Zike village ...": where the event just reported happened
    ana_event = _ANAPHOR_EVENT.match(text) if not triggers and not st.headline else None
    if not st.headline:
        _date_from_follow_up(st, ctx, scope)
    if ana_event:
        host = _follow_up_host(ctx, idx, s)
        fine_here = [p for p in st.usable if p.feature not in COARSE and p.start - base > ana_event.end()
                     and _EVENT_LOCATIVE.fullmatch(text[ana_event.end():p.start - base])]
        if host is not None and fine_here and (host.geo_precision is None or host.geo_precision >= 2):
            ctx.amend(_moved(host, fine_here[0], scope.geo_fn))
    elif not st.headline:
        _refine_coarse_host(st, ctx, scope)
    battle_after = None
    if triggers and not st.headline and all(t.priority == TOLL_PRIORITY for t in triggers):
        recent = ctx.recent_reports
        battle, after = _count_follow_up(st, ctx)
        if battle or ctx.recent_reports is not recent:  # the toll continues a recent report: that event's count
            triggers, battle_after = battle, after
        elif any(t.sub_event_type == TOLL for t in triggers):
            triggers, decided = _toll_in_context(triggers, st.decided, ctx, idx, text, scope.air_war, s.actors)
            return st.evolve(triggers=triggers, decided=decided, battle_after=None)
    elif not triggers and not st.headline:
        triggers, battle_after = _count_follow_up(st, ctx)
    return st.evolve(triggers=triggers, battle_after=battle_after)


def _means_of_attack(host: Report | None, triggers: tuple[Trigger, ...]) -> str | None:
    """ "The army bombed a busy market, killing 21. The air strike on Saturday hit the market": an attack whose
    means its report did not say, named again by its means (one remote-violence sub-type): that sub-type."""
    subs = {t.sub_event_type for t in triggers}
    if host is None or host.sub_event_type != "Attack" or host.background or len(subs) != 1:
        return None
    sub = next(iter(subs))
    return sub if SUB_TO_TYPE.get(sub) == "Explosions/Remote violence" else None


_WITHDREW = re.compile(r"^(?:withdr|retreat|pulled)", re.IGNORECASE)


def _loser_withdrew(st: SentenceState, ctx: Context, scope: Scope, triggers: tuple[Trigger, ...]) -> bool:
    """ "Taliban fighters overran a district centre in Faryab province ... Government troops withdrew from Qaisar
    district to avoid further casualties": the side that lost ground, withdrawing from a named place, tells
    where the capture just reported (at province or country level) happened. The capture moves there (a new
    record) and the withdrawal is no event of its own (ACLED codes the capture)."""
    if not all(_WITHDREW.match(t.surface) for t in triggers) or any(t.begin for t in st.s.times):
        return False
    host = next((r for r in ctx.recent(st.idx, 2) if r.sub_event_type in TERRITORY_SUBS and not r.background), None)
    if host is None or not (host.place_inferred or host.geo_precision == 3) or host.actor2 is None:
        return False
    loser = next((a.name for a in st.s.actors if a.start - st.base < triggers[0].start), None)
    fine = next((p for p in st.usable if p.feature not in COARSE and p.place_id and p.country == host.country
                 and p.start - st.base > triggers[0].start
                 and not (p.admin1 and host.admin1 and p.admin1 != host.admin1)), None)
    if loser != host.actor2 or fine is None:
        return False
    ctx.amend(_moved(host, fine, scope.geo_fn))
    return True


# a sentence that turns to another event ("Separately, ...", "Elsewhere, ...", "In a separate incident, ...")
_TOPIC_SHIFT = re.compile(r"\s*(?:Separately|Elsewhere|Meanwhile|In (?:a|another) separate (?:incident|attack|development)|"
                          r"In another (?:incident|attack|development))\b")


# the event just reported, as where the dead of this sentence died ("killed more than 100 terrorists in the fighting")
_IN_THAT_EVENT = re.compile(r"\b(?:in|during)\s+the\s+(?:ensuing\s+|subsequent\s+)?(?:fighting|clashes|attack|ambush|"
                            r"battle|assault|raid|gunfight|firefight|exchange of fire|gun ?battle|shootout)\b",
                            re.IGNORECASE)


def _killed_in_that_event(st: SentenceState, ctx: Context, triggers: tuple[Trigger, ...]) -> bool:
    """ "Suspected jihadists killed 17 soldiers in an ambush ... The army said its troops killed more than 100
    'terrorists' in the fighting": a killing set in "the fighting" (the battle just reported), with no place or
    day of its own, is that battle's other dead, not a battle of its own. Only battles: the host is a battle (or
    an attack) reported in the last two sentences."""
    if not _IN_THAT_EVENT.search(st.text) or any(t.begin for t in st.s.times):
        return False
    if not all(t.sub_event_type in ("Armed clash", "Attack") and not _NOMINAL.match(t.surface) for t in triggers):
        return False
    if not any(q.status == "killed" for q in st.quantities):
        return False
    host = next((r for r in ctx.recent(st.idx, 2) if not r.background and r.sub_event_type in ("Armed clash", "Attack")),
                None)
    if host is None or any(p.feature not in COARSE and p.place_id != host.place_id for p in st.usable):
        return False
    return True


# a narrated next step of the incident ("a bomber then blew himself up"), or its setting named as already known
# ("three blasts were detonated at the compound"): the sentence tells more of the event just reported
_ELABORATION = re.compile(r"\bthen\b(?<!\bsince then)(?<!\buntil then)(?<!\bby then)(?<!\bfrom then)|"
                          r"\b(?:at|inside|into|outside)\s+the\s+(?:[a-z]+\s+)?[a-z]+\b(?!\s+of\b)(?!['’])")


_OTHER_EVENT_TIME = re.compile(r"\b(?:after|before|following|since|earlier|later|previous|preceding)\b", re.IGNORECASE)
_RELATIVE_TAIL = re.compile(r",\s+(?:which|who|whose)\b[^,;]*")


def _elaborates(st: SentenceState, ctx: Context, triggers: tuple[Trigger, ...]) -> bool:
    """The sentence's violent events tell more of the violent event reported just before, not another one:
    an elaboration cue (or the doers or the deed named again at its start), no "also"/"another"/"elsewhere", no date of their own and no place but the host's.
    The host is then the event in focus again (a toll in the next sentences is its toll)."""
    s = st.s
    text = _RELATIVE_TAIL.sub("", st.text)  # "the compound, which also houses a news agency": not another event
    again = _DOERS_AGAIN.match(text) and not _OTHER_EVENT_TIME.search(text)  # ("The attack began with two car
    # bombs": the deed named again; "The attack came a day after the army repelled an assault": another deed)
    if not (_ELABORATION.search(text) or again) or _ADDITIVE.search(text) or any(t.begin for t in s.times):
        return False
    if not all(SUB_TO_TYPE.get(t.sub_event_type) in LETHAL_TYPES for t in triggers):
        return False
    host = _follow_up_host(ctx, st.idx, s)
    if host is None or host.background or host.event_type not in LETHAL_TYPES:
        return False
    fine_here = [p for p in st.usable if p.feature not in COARSE]
    if any(not (p.place_id and p.place_id == host.place_id) for p in fine_here):
        return False
    first = next((a for a in s.actors if a.start - st.base < 40), None)
    if again and first is not None and host.actor2 and host.actor1 not in (None, UNIDENTIFIED) \
            and first.name in (host.actor2, UNIDENTIFIED) and first.name != host.actor1:
        return False  # "The militants responded with suicide car bombs": the side just attacked strikes back
    doer = next((a.name for a in s.actors if a.inter in (2, 3, 4) and a.name not in (UNIDENTIFIED, host.actor2)), None)
    if host.actor1 in (None, UNIDENTIFIED) and doer is not None:
        host = replace(host, actor1=doer)  # "Al-Shabab gunmen then stormed the hotel": the doers the lede left unnamed
        ctx.amend(host)
    ctx.recent_reports = [*ctx.recent_reports[-1:], (st.idx, [host])]
    return True


# the doers or the deed of the event just reported, named again ("The gunmen arrived on motorbikes on Thursday
# evening", "The attack happened on Wednesday")
_DOERS_AGAIN = re.compile(r"^\s*(?:The|Those)\s+(?:[\w-]+\s+)?(?:gunm[ae]n|attackers?|assailants?|militants?|fighters?|"
                          r"jihadists?|bombers?|raiders|insurgents?|rebels|soldiers|troops|attack|assault|raid|blast|"
                          r"bombing|explosion|massacre|killings?|ambush|strikes?|shelling)\b")


def _date_from_follow_up(st: SentenceState, ctx: Context, scope: Scope) -> None:
    """ "Suspected jihadists killed at least 20 civilians in central Mali, officials said on Friday. The gunmen
    arrived on Thursday evening and opened fire on residents": the next sentence's date for the doers or the deed
    just reported dates that report, when its own sentence gave none (a new record)."""
    if not _DOERS_AGAIN.match(st.text) or scope.ref is None:
        return
    days = {(t.begin, t.end_date) for t in st.s.times if t.begin and t.end_date and (t.end_date - t.begin).days <= 1}
    if len(days) != 1:
        return
    begin, end = next(iter(days))
    if end > scope.ref:
        return
    host = next((r for r in ctx.recent(st.idx, 1) if r.report_id in ctx.undated and r.event_type in LETHAL_TYPES
                 and not r.background), None)
    if host is not None:
        ctx.undated.discard(host.report_id)
        ctx.amend(replace(host, date_begin=begin, date_end=end, time_precision=1))


def _doers_place_the_host(st: SentenceState, ctx: Context, scope: Scope, triggers: tuple[Trigger, ...]) -> bool:
    """ "Gunmen killed at least 40 people in an attack on a village in Plateau state ... The attackers stormed
    Zike village in Bassa district late on Monday, shooting residents and setting homes on fire": a sentence that
    opens on the doers or the deed just reported, with no "also"/"another", tells that event again with its
    village. The host, reported at province or country level (or at an inferred place) in the last two
    sentences, takes the first finer place of this sentence in its country and province (a new record), and the
    sentence makes no event of its own. Not when the sentence's own date differs from the host's."""
    text = _RELATIVE_TAIL.sub("", st.text)
    if not _DOERS_AGAIN.match(text) or _ADDITIVE.search(text):
        return False
    if not all(SUB_TO_TYPE.get(t.sub_event_type) in LETHAL_TYPES or t.sub_event_type == "Looting/property destruction"
               for t in triggers):
        return False
    host = next((r for r in ctx.recent(st.idx, 2) if not r.background and r.event_type in LETHAL_TYPES), None)
    if host is None or not host.country or not (host.place_inferred or host.geo_precision == 3):
        return False
    days = [(t.begin, t.end_date or t.begin) for t in st.s.times if t.begin]
    if host.report_id not in ctx.undated and any(
            host.date_begin and host.date_end and (b > host.date_end or e < host.date_begin) for b, e in days):
        return False  # a day of its own, where the host has a day of its own: another event
    fine = next((p for p in st.usable if p.feature not in COARSE and (p.country == host.country or (
        p.place_id is None and p.country is None))), None) or _object_name(st)  # (or a village the gazetteer
    # lacks: "the town of Kuriga", "stormed Wad al-Noura")
    if fine is None:
        return False
    if fine.place_id is None or fine.admin1 and host.admin1 and fine.admin1 != host.admin1:
        # the gazetteer's namesake in another province ("Zike" read as Zaka, Taraba, in a story about Plateau):
        # the village as written, unresolved, in the province the article gave
        fine = PlaceMention(fine.start, fine.end, fine.surface, None, fine.surface, feature="village",
                            admin1=host.admin1, country=host.country)
    moved = _moved(host, fine, scope.geo_fn)
    ctx.amend(moved)
    ctx.recent_reports = [*ctx.recent_reports[-1:], (st.idx, [moved])]
    return True


# a settlement named as the object of the doers' deed ("stormed Wad al-Noura", "raided the village of X")
_DEED_OBJECT = re.compile(r"\b(?:stormed|attacked|raided|overran|entered|besieged|torched|burned|looted|shelled)\s+"
                          r"(?:the\s+(?:[a-z]+\s+)?(?:village|town|city|camp|district|neighbou?rhood|area)\s+of\s+)?"
                          r"((?:(?:[Aa]l|[Ee]l|[Ww]ad|[Aa]bu|[Uu]mm|[Aa]in|[Bb]ir|[Tt]ell?|[Dd]eir|[Kk]afr|[Bb]eit)[- ])?"
                          r"[A-Z][\w'’-]+(?:[ -](?:al-|el-)?[A-Z][\w'’-]+){0,2})")


def _object_name(st: SentenceState) -> PlaceMention | None:
    """The settlement the deed was done to, named as written when no place mention covers it (the parse's
    locative names come later); not an actor's name."""
    m = _DEED_OBJECT.search(st.text)
    if m is None:
        return None
    s0, e0 = st.base + m.start(1), st.base + m.end(1)
    if any(a.start < e0 and s0 < a.end for a in st.s.actors) or any(p.start < e0 and s0 < p.end for p in st.s.places):
        return None
    return PlaceMention(s0, e0, m.group(1), None, m.group(1), feature="village")


def _refine_coarse_host(st: SentenceState, ctx: Context, scope: Scope) -> None:
    """ "A suicide bombing killed four Americans in north-eastern Syria. The bomber struck on Wednesday inside
    a restaurant in the town of Manbij", "Troops captured a strategic town in northwestern Syria. The capture of
    Khan Sheikhoun ...": a definite reference to the event just reported at country or province level, followed
    by its locative, gives that report its town (a new record). The town must lie in the report's country and
    province."""
    text, base = st.text, st.base
    for m in _EVENT_REF.finditer(text):
        fine = [p for p in st.usable if p.feature not in COARSE and p.start - base >= m.end()
                and _EVENT_LOCATIVE.fullmatch(text[m.end():p.start - base])]
        if not fine:
            continue
        p = fine[0]
        host = next((r for r in ctx.recent(st.idx, 2)
                     if r.place_id is not None and not r.place_inferred and r.geo_precision == 3 and not r.background
                     and (r.event_type != "Strategic developments" or r.sub_event_type in TERRITORY_SUBS)
                     and p.country and p.country == r.country
                     and not (r.admin1 and p.admin1 and r.admin1 != p.admin1)), None)
        if host is not None:
            ctx.amend(_moved(host, p, scope.geo_fn))
        return


def _count_follow_up(st: SentenceState, ctx: Context) -> tuple[tuple[Trigger, ...], Report | None]:
    """Counts without an event of their own join the recent report they continue; fighters killed after an
    attack on civilians are the battle that followed it (returned as a trigger and the attack)."""
    text, idx, s = st.text, st.idx, st.s
    extra = [q for q in st.quantities if q.status in ("killed", "injured") and not q.cumulative]
    if not extra:
        return (), None  # no count to join anything (most sentences): the tests below need not run
    if _running_tally(text):
        extra = []  # "since the uprising began", "thousands have been killed": a running tally
    extra = [q for q in extra if not _EARLIER_DEATHS.search(text[max(0, q.start - 50):q.start])]
    extra = _estimates([q for q in extra if (q.value or 0) < 1000], text)
    host = (_named_antecedent(text, ctx) or _follow_up_host(ctx, idx, s)) if extra else None
    if host is None and extra and _REVISION.search(text):
        # "the death toll rose to 83", paragraphs after the bombing: the article's last event with a toll
        host = next((r for r in ctx.recent(idx, 8) if not r.background and any(
            q.status == "killed" and not q.cumulative for q in r.fatalities)), None)
    if host is not None and any(q.cumulative and q.status == "killed" for q in host.fatalities):
        host = None  # a running total is not the incident a day's toll belongs to (they must not be added)
    if host is not None and host.sub_event_type == "Peaceful protest":
        host = None  # "a death toll of 107 was reported" after a protest: a peaceful protest has no dead
    if host is not None and not _REVISION.search(text) and any(
            t.begin and t.end_date and not _overlaps(t.begin, t.end_date, host) for t in s.times):
        host = None  # the count is dated to another day than the event it would join (a toll revised later,
        # "on Tuesday the death toll rose to 83", is still that event's)
    if host is not None and (_TOPIC_SHIFT.match(text) or any(
            p.feature == "admin1" and p.admin1 and host.admin1 and p.admin1 != host.admin1 for p in st.usable)):
        host = None  # "Separately, in the department of Antioquia, soldiers clashed ..., killing four": another
        # event's dead, in another province
    fine_here = [p for p in st.usable if p.feature not in COARSE]

    def at_place(r: Report) -> bool:
        return any((p.place_id and p.place_id == r.place_id) or (p.name or p.surface) == r.place_name
                   for p in fine_here)
    if host is not None and fine_here and not at_place(host):
        # "the five dead brought to a hospital in Taybat": the count of the recent event at that place, if any
        host = next((r for r in ctx.recent(idx, 3) if at_place(r) and r.event_type != "Strategic developments"),
                    None)
        # (else "a bakery in Tariq al-Bab had been hit, killing 12": the count of an event elsewhere)
        cut = _CONTRAST_CLAUSE.search(text)
        if host is not None and cut and any(q.start < cut.start() for q in extra if q.status == "killed"):
            # "..., while the monitor said at least 26 people had died": another, wider figure
            extra = [q for q in extra if q.start < cut.start() or q.status != "killed"]
    if host is not None and host.event_type in ("Violence against civilians", "Protests", "Riots") and \
            extra and all(q.category == "fighters" for q in extra):
        combat = _COMBAT_NOUN.search(text)
        if combat and any(q.status == "killed" for q in extra):
            return (Trigger(combat.start(), combat.end(), combat.group(0), "Armed clash", 4),), host
        return (), None
    if host is not None:
        amended = _with_follow_up(host, _copy_quantities(extra), text)
        if _one_sided_after_all(amended, extra, s):
            amended = replace(amended, sub_event_type="Attack", event_type=SUB_TO_TYPE["Attack"], actor2="Civilians")
        ctx.amend(amended)
    return (), None


def _where_place(st: SentenceState, trig: Trigger) -> list[PlaceMention]:
    """The place a "where" clause holding the trigger hangs on ("in Ghouta, where at least 500 were killed"),
    when it is a usable place; else nothing."""
    ante = where_antecedent(st.doc, (trig.start, trig.end)) if st.doc is not None else None
    if ante is None:
        return []
    return [p for p in st.usable if p.start - st.base <= ante[0] and ante[1] <= p.end - st.base][:1]


# "its forces went into the town after the deaths of 120 security personnel", "blamed armed groups for the deaths
# of 120": the deaths that caused the move or that blame is laid for, an earlier event's, are no toll of the event
# the sentence continues
_EARLIER_DEATHS = re.compile(r"\b(?:after|following|since|avenging|avenge|revenge for|in (?:retaliation|response) "
                             r"(?:for|to)|(?:blamed?|blaming|responsible|responsibility)\s+(?:[\w`'’\"-]+\s+){0,4}?for)\s+(?:the\s+)?(?:deaths?|killings?|murders?|massacre)\s+of\s+"
                             r"(?:at least\s+|some\s+|about\s+|more than\s+)?$", re.IGNORECASE)


# "killed in the mosque attack", "died in the market bombing": a definite event noun with a noun of its own before it
_NAMED_REF = re.compile(r"\b(?:in|during|by|from)\s+the\s+(?P<m>[a-z]{4,})\s+(?:attacks?|bombings?|blasts?|raids?|"
                        r"strikes?|air ?strikes?|airstrikes?|shelling|massacre|shooting|explosion|ambush|assault)\b")
_NOT_NAMING = re.compile(r"(?:latest|same|deadly|recent|earlier|first|second|last|previous|suicide|double|twin|"
                         r"government|regime|rebel|army|military|coalition|\w+ly|\w+ed|\w+ing)$")


def _named_antecedent(text: str, ctx: Context) -> Report | None:
    """ "AFP quoted the monitor as saying one person was killed in the mosque attack": the reference names its
    event by the thing attacked; the host is the latest violent report (or force against protesters) whose
    sentence names that thing, however far back, rather than whichever report came last."""
    m = _NAMED_REF.search(text)
    if m is None or _NOT_NAMING.match(m.group("m")):
        return None
    word = re.compile(rf"\b{m.group('m')}\b", re.IGNORECASE)
    return next((r for r in reversed(ctx.history) if not r.background and word.search(r.text)
                 and (r.event_type in LETHAL_TYPES or r.sub_event_type == "Excessive force against protesters")), None)


def _one_sided_after_all(host: Report, extra: Sequence[QuantityMention], s: SentenceMentions) -> bool:
    """ "After renewing their assault on Hama, tanks and troops held their positions. Residents said three more
    people were killed by tank and sniper fire.": an assault with no other side named, whose dead, given in the
    next sentence, are people and not fighters, is one-sided violence; the rule ``_attack_on_civilians`` applies
    to a toll in the assault's own sentence."""
    if host.sub_event_type != "Armed clash" or host.actor1 is None or host.actor2 is not None \
            or _MUTUAL.search(host.text) or any(a.inter in (1, 2, 3, 4, 8) and a.name not in (host.actor1, UNIDENTIFIED)
                                                for a in s.actors):  # "sniper fire": the weapon, no side
        return False
    hurt = [q for q in extra if q.status in ("killed", "injured")]
    return any(q.status == "killed" for q in hurt) and all(
        q.category in ("civilians", "children", "women", "unknown") for q in hurt)


def _structure_pass(st: SentenceState) -> SentenceState:
    """Per trigger: its region of the sentence, its parse view, its own places, whether it stands, and which
    trigger it repeats ("killed 9 soldiers in the attack on X": the counts go to the attack)."""
    text, base, s, triggers = st.text, st.base, st.s, st.triggers
    regions = tuple(_region(triggers, k, text) for k in range(len(triggers)))
    views = tuple(view(st.doc, (t.start, t.end), base, s.actors, st.usable, s.times, s.places) if st.doc is not None
                  else None for t in triggers)
    contrasts = tuple(contrast_clauses(st.doc, [(t.start, t.end) for t in triggers])) if st.doc is not None else ()

    def elsewhere(p: PlaceMention) -> bool:  # in a contrasting clause of its own: that clause's event's place
        return any(inside((p.start - base, p.end - base), c.extent) for c in contrasts)
    own = [[p for p in v.places if base + regions[k][0] <= p.start < base + regions[k][1] and not elsewhere(p)]
           if v is not None else [] for k, v in enumerate(views)]  # this trigger's locatives, not the next clause's
    linked = coordination(st.doc, base)
    naming = modifier_places(st.doc, st.usable, base)  # "the Aleppo road": not a peer in a list of places
    peers = [p for p in st.usable if (p.start, p.end) not in naming and not elsewhere(p)]
    fallback = [p for p in st.usable if not elsewhere(p)]
    relatives = [relative_clauses(st.doc, (t.start, t.end)) if st.doc is not None else [] for t in triggers]

    def in_relative(p: PlaceMention, k: int) -> bool:  # "in the town, which is near the border": the town's
        return inside((p.start - base, p.end - base), relatives[k])
    explicit = tuple(event_places(t, regions[k], own[k], text, base, peers, linked) if own[k]
                     else _where_place(st, t) or event_places(t, regions[k], [p for p in fallback
                                                                              if not in_relative(p, k)],
                                                              text, base, (), linked)
                     for k, t in enumerate(triggers))
    after = [places_after(t, regions[k], list(st.usable), base) for k, t in enumerate(triggers)]
    # (only the triggers' plausibility reads these; "..., police said" tells the sentence and is no side in it)
    told = _SAID_TAIL.search(text, triggers[-1].end) if triggers else None
    sided = text[:told.start()] if told and _SENTENCE_END.match(text[told.end():]) else text
    armed_named = bool(triggers) and (
        any(a.inter in (1, 2, 3, 4, 8) for a in s.actors) or bool(_ARMED_NAMED.search(sided)))
    armed_here = armed_named or (bool(triggers) and bool(_ARMED_NOUN.search(sided)))
    hurt = any(q.status in ("killed", "injured") for q in st.quantities)
    plausible = tuple(_plausible(t, text, explicit[k], (armed_here, armed_named), hurt)
                      and _plausible_by_parse(t, views[k], st.usable, base)
                      for k, t in enumerate(triggers))
    absorb = {}
    crowd = [j for j, t in enumerate(triggers) if t.sub_event_type in _FORCE_ON_CROWD and plausible[j]]
    for k, t in enumerate(triggers):
        # a trigger is only absorbed by one that itself stands ("clashed ... and liberated hilltops")
        same = [j for j in range(len(triggers)) if j != k and triggers[j].sub_event_type == t.sub_event_type
                and plausible[j] and not _own_dates_differ(views[k], views[j])]
        terr = [j for j in range(len(triggers)) if triggers[j].sub_event_type == TERRITORY and plausible[j]]
        if t.sub_event_type == "Armed clash" and terr and not after[k]:
            absorb[k] = terr[0]  # "recaptured X after heavy fighting": one territory event
        elif not explicit[k] and any(explicit[j] for j in same):
            absorb[k] = next(j for j in same if explicit[j])
        elif not after[k] and same and same[0] < k:
            absorb[k] = same[0]  # "pushed into X ..., battling IS": the same clash
        elif crowd and t.sub_event_type in ("Attack", "Armed clash") \
                and (v := views[k]) is not None and _CROWD_VICTIM.search(v.object_text):
            absorb[k] = crowd[0]  # "police fired tear gas at the crowds, and one protester was shot dead": the
            # force that met the crowd, not a second event
    explicit = _framed(st, triggers, explicit, plausible, absorb)
    owner = tuple(-1 if aggregate_scope(text, q) else _count_owner(st, q, absorb)
                  for q in st.quantities)  # a toll "across Syria" is no single event's
    return st.evolve(regions=regions, views=views, explicit=explicit, plausible=plausible, absorb=absorb,
                     owner=owner, contrasts=contrasts)


def _framed(st: SentenceState, triggers: Sequence[Trigger], explicit: tuple[list[PlaceMention], ...],
            plausible: tuple[bool, ...], absorb: dict[int, int]) -> tuple[list[PlaceMention], ...]:
    """A nominal trigger that is the occasion of another's verb ("shot dead two gunmen during a raid on the
    Jenin camp") is that event (``absorb`` is filled in); its finer place is the event's place when the verb
    names only a region or a country ("In the West Bank, ...")."""
    if st.doc is None:
        return explicit
    spans = [(t.start, t.end) for t in triggers]
    out = list(explicit)
    for k in range(len(triggers)):
        j = frame_host(st.doc, spans[k], spans)
        if j is None or j == k or not plausible[j] or k in absorb or j in absorb or not (
                triggers[j].sub_event_type == triggers[k].sub_event_type
                or triggers[j].sub_event_type in ("Attack", "Armed clash", TERRITORY)):  # (a verb already absorbed
            # into its nominal, "killed 9 soldiers in the attack on X", stays so)
            continue
        absorb[k] = j
        if out[k] and all(p.feature in COARSE for p in out[j]):
            out[j] = out[k]
    return tuple(out)


def _own_dates_differ(a: TriggerView | None, b: TriggerView | None) -> bool:
    """Two triggers whose own clauses carry different dates ("killed when airstrikes hit X on 4 July, while on
    16 and 17 July 36 civilians were killed in two separate airstrikes") are two events, not one repeated."""
    if a is None or b is None or not a.times or not b.times:
        return False
    days_a = {(t.begin, t.end_date) for t in a.times if t.begin}
    days_b = {(t.begin, t.end_date) for t in b.times if t.begin}
    return bool(days_a and days_b and not (days_a & days_b))


def _state_role(st: SentenceState, span: tuple[int, int] | None, scope: Scope) -> ActorMention | None:
    """A role phrase that names the state's forces generically ("the government", "the regime", "security
    forces", "Lebanese authorities") as the state forces of the country its demonym names, else of the focus
    country (the actors stage decides); a country named as the doer, as its state forces; at article offsets."""
    if span is None:
        return None
    phrase = st.text[span[0]:span[1]]
    m = state_forces(phrase, country=_demonym_state(phrase) or scope.country)
    if m is None:
        # "Ukraine, meanwhile, launched a drone attack": a country as the doer of a deed of war is its state
        named = next((p for p in st.s.places if p.feature == "country" and p.country and p.place_id
                      and (p.start - st.base, p.end - st.base) == span), None)
        m = state_of(named.country, phrase) if named is not None and named.country else None
    return None if m is None else replace(m, start=st.base + span[0], end=st.base + span[1])


def _demonym_state(phrase: str) -> str | None:
    """The country (ISO2) a role phrase's leading demonym names ("Lebanese authorities" in a story about Syria:
    Lebanon's state, not the focus country's), else None."""
    lead = re.match(r"(?:the\s+)?([A-Z][\w-]+)\s", phrase)
    d = load_actors()
    entry = d.get(d.demonym_to_actor.get(lead.group(1).lower())) if lead else None
    return entry.country if entry is not None and entry.inter == 1 else None


def _agent_mentions(st: SentenceState, k: int, ctx: Context, chain: Chain, scope: Scope
                    ) -> tuple[ActorMention | None, ActorMention | None]:
    """The trigger's agent and target mentions: the parse's when it found them, else the rules'."""
    trig, tv = st.triggers[k], st.views[k]
    agent_m, target_m = actor_roles(trig, st.regions[k], st.s, st.base, st.text, ctx, exclude=chain.prev_target)
    state_agent = _state_role(st, tv.agent_span, scope) if tv is not None and tv.agent is None else None
    if tv is not None and tv.agent is not None:
        agent_m = tv.agent  # the predicate's own subject, "by" agent or nominal modifier
    elif state_agent is not None:
        agent_m = state_agent  # "the government retook the district": the state, never a carried-over actor
    elif tv is not None and tv.agent_span is not None and agent_m is not None and in_prepositional_phrase(
            st.text, agent_m.start - st.base):
        agent_m = None  # the predicate has a subject of its own; "from rebels" in another clause is not it
    elif tv is not None and _ARMS_AGENT.search(tv.agent_text) and agent_m is not None and \
            agent_m.surface not in tv.agent_text:
        agent_m = None  # the parse's agent is weapons ("shelling by tanks and jet fighters"): not another actor
    elif tv is not None and agent_m is not None and _STRIKE_NOUN.fullmatch(trig.surface) and \
            not _AUX_BEFORE.search(st.text[:trig.start]) and agent_m.end - st.base < trig.start - 2:
        agent_m = None  # a strike noun the parse gives no agent ("the enclave shrinks under airstrikes",
        # "the FSA withdrew after shelling"): the sentence's subject is not its agent, often its target
    if target_m is not None and _in_later_clause(st.text, trig.end, target_m.start - st.base):
        target_m = None  # "overran towns and villages, where snipers have been deployed": another clause's actor
    patient = tv.patient if tv is not None else None
    if tv is not None and patient is None:
        patient = _state_role(st, tv.patient_span, scope)  # "clashes with the army", "attacked the regime"
    if patient is not None and tv is not None and tv.agent is None and agent_m is not None \
            and patient.name == agent_m.name and _subject_hit(tv, trig):
        agent_m = None  # "a unit took a rocket", "rebel positions came under shelling": the subject was hit
    elif patient is not None and tv is not None and tv.agent is None and tv.agent_span is not None \
            and agent_m is not None and agent_m.start == patient.start:
        agent_m = None  # "it had forced other armed groups into a surrender deal": the parse's patient is no agent
    if patient is not None and (agent_m is None or patient.name != agent_m.name):
        target_m = patient
    if _FALLEN.search(trig.surface) or _LOST.match(trig.surface):
        return _loser_roles(st, trig, tv)
    if _BATTLE_WON.match(trig.surface):  # "the battle for X was won by Iraqi forces": the winner took X
        m = _WON_BY.search(st.text, trig.end)
        won = [a for a in st.s.actors if a.inter in ARMED_INTER and m is not None and 0 <= a.start - st.base - m.end()
               < 12] if m else []
        if won:
            return won[0], (target_m if target_m is not None and target_m.name != won[0].name else None)
    return agent_m, target_m


def _subject_hit(tv: TriggerView | None, trig: Trigger) -> bool:
    """The parse puts the violent trigger's patient before it, as its subject ("a unit took a rocket", "positions
    came under shelling", "soldiers were ambushed"): the subject was hit, it is no agent."""
    return tv is not None and tv.patient_span is not None and tv.patient_span[1] <= trig.start \
        and SUB_TO_TYPE.get(trig.sub_event_type) in LETHAL_TYPES


def _loser_roles(st: SentenceState, trig: Trigger, tv: TriggerView | None
                 ) -> tuple[ActorMention | None, ActorMention | None]:
    """Ground told from the side that lost it ("parts of the rebel enclave have fallen to the army", "the army
    lost Palmyra to IS", "rebels lost control of the district after a government offensive"): the subject is the
    loser; the winner is the side after "to", else, for a loss, the other armed side the clause names after it."""
    armed = [a for a in st.s.actors if a.inter in ARMED_INTER]
    lost = [a for a in armed if a.start - st.base < trig.start]
    loser = lost[-1] if lost else None
    if _LOST.match(trig.surface) and tv is not None and tv.agent is not None and tv.agent.inter in ARMED_INTER:
        loser = tv.agent
    won = [a for a in armed if 0 <= a.start - st.base - trig.end < 12 and st.text[trig.end:a.start - st.base]
           .strip().startswith("to")]
    if not won and _LOST.match(trig.surface):
        won = [a for a in armed if a.start - st.base > trig.end and (loser is None or a.name != loser.name)
               and not _in_later_clause(st.text, trig.end, a.start - st.base)]
    return (won[0] if won else None), loser


def _in_later_clause(text: str, trigger_end: int, at: int) -> bool:
    """Whether offset ``at`` lies after the trigger behind a relative or subordinate clause's opener."""
    return at > trigger_end and _CLAUSE_OPENER.search(text, trigger_end, at) is not None


_CLAUSE_OPENER = re.compile(r"\b(?:where|which|who|whom|whose|while|when|whereas|because|although)\b", re.IGNORECASE)
_STRIKE_NOUN = re.compile(r"(?:air ?strikes?|airstrikes?|air raids?|strikes|raids|bombardments?|bombings?|shelling|"
                          r"barrages?|shellfire|artillery fire)", re.IGNORECASE)
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|had|have|has|kept|continued)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_STATE_AGENT = re.compile(r"\b(?:tanks|jets|warplanes|helicopters|gunships|aircraft|troops|soldiers|army|military|"
                          r"regime|government)\b", re.IGNORECASE)


_PRONOUN = re.compile(r"it|they|he|she", re.IGNORECASE)


def _antecedent(st: SentenceState, tv: TriggerView) -> str | None:
    """The armed actor a subject pronoun stands for when the sentence names one before it (the nearest; not the
    predicate's patient): "Russia said it had struck", "HTS ... declared it had forced other groups"."""
    span = tv.agent_span
    if span is None:
        return None
    patient = tv.patient_span
    before = [a for a in st.s.actors if a.inter in ARMED_INTER and a.end - st.base <= span[0]
              and not (patient and patient[0] <= a.start - st.base < patient[1])]
    return before[-1].name if before else None


def _context_agent(agent_text: str, ctx: Context) -> str | None:
    """The parse's agent phrase read as a generic subject ("tanks", "the troops"), only as an actor the context
    names."""
    generic = generic_subject(agent_text, ctx)
    return generic if any(generic == n for n, _ in ctx.recent_actors) else None


_ARMS_AGENT = re.compile(r"\b(?:tanks?|jets?|warplanes?|fighter planes?|jet fighters|helicopters?|gunships?|aircraft|"
                         r"drones?|artillery|rockets?|mortars?|shells?|missiles?|barrel bombs?)\b", re.IGNORECASE)


def _agent_name(st: SentenceState, k: int, agent_m: ActorMention | None, ctx: Context, chain: Chain,
                scope: Scope) -> str | None:
    """The agent's name; without a mention: the previous trigger's, the reporting group's, the context's."""
    trig, text, s = st.triggers[k], st.text, st.s
    named = [x.name for x in s.sources if not GENERIC_SOURCE.match(x.name.strip())]
    main = scope.main
    agent = resolve_generic(agent_m, ctx, None, s.actors,
                            st.text[:agent_m.start - st.base] if agent_m is not None else "")
    tv = st.views[k]
    if agent is None and tv is not None and _STATE_AGENT.search(tv.agent_text):
        agent = _context_agent(tv.agent_text, ctx)  # "shelling by tanks and jet fighters": the state forces
    if agent is None and tv is not None and tv.agent_span is not None and _PRONOUN.fullmatch(tv.agent_text.strip()) \
            and not (_LOST.match(trig.surface) or _FALLEN.search(trig.surface)):  # (whose subject lost the ground)
        agent = _antecedent(st, tv)  # "HTS grew bolder and declared it had forced other groups into a deal"
    if agent is None and chain.prev_agent is not None:
        agent = chain.prev_agent  # "captured X on Sunday and pushed into Y": the same subject
    if agent is None and named and named[0] in main and GENERIC_SUBJ.search(text[:trig.start]):
        agent = named[0]  # "The forces advanced into X, the SDF said": the group reports its own moves
    if agent is None and tv is not None and tv.agent_text:
        agent = _context_agent(tv.agent_text, ctx)  # "the forces", after the reporting group's own moves
    own = tv.agent_text.strip() if tv is not None else ""  # the predicate's own subject, when the parse found one
    if agent is None and not own and not _subject_hit(tv, trig):  # ("a unit took a rocket": the subject was hit)
        agent = generic_subject(text[:trig.start], ctx)
    if agent is None and ctx.last_agent and not SPEECH_SUBJ.match(text) and (
            (PRONOUN_SUBJ.match(own) if own else PRONOUN_SUBJ.match(text)) or SAID_THEY_ANY.search(text[:trig.start])):
        agent = ctx.last_agent  # "they captured": the last agent; not when the subject is "a group of saboteurs"
    if agent is None and named and named[0] in main and trig.sub_event_type not in _PLANTED:
        agent = named[0]  # (who reports a bomb did not plant it: "..., a Taliban spokesman said")
    return agent


#: explosions someone planted or threw: the sentence's source is no guess for who did it
_PLANTED = ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade")


def _strike_agent(sub: str, target: str | None, ctx: Context) -> str | None:
    """A strike with no agent in its sentence ("hospitals were bombed", "rockets pounded X"): the actor the
    article has named as carrying out strikes of that kind (else of the other kind), most often first."""
    for same in (True, False):
        names = Counter(a for s, a in ctx.strike_agents if (s == sub) == same and a != target)
        if names:
            return names.most_common(1)[0][0]
    return None


def _home_forces(r: Report, scope: Scope) -> str | None:
    """The forces of the state the strike lies in (else the article's focus country), when the article names them
    as one of its main actors."""
    country = r.country or scope.country
    if country is None:
        return None
    name = _in_country("Government forces", country)
    return name if name != "Government forces" and name in scope.main and name != r.actor2 else None


def _guess_agent(trig: Trigger, target: str | None, ctx: Context, scope: Scope) -> str | None:
    """No agent in the sentence: the article's air power for a strike, the other ground side for a battle."""
    main, main_inter = scope.main, scope.main_inter
    if trig.sub_event_type == "Air/drone strike":
        # only an actor the article itself links to air power ("coalition air strikes", "Russian jets")
        return next((n for n in main if n != target and n in ctx.air_actors), None)
    if trig.sub_event_type in (TERRITORY, "Armed clash"):
        # never "Unidentified armed group": unnamed gunmen elsewhere in the article are no side one can infer
        ground = [n for n in main if main_inter.get(n) in (1, 2, 3, 4) and n != UNIDENTIFIED]
        loser_state = main_inter.get(target or "") in (1, 8) if target and trig.sub_event_type == TERRITORY \
            else None
        if loser_state is not None:
            # the other side of a known loser: a state force against a rebel, a rebel against the state
            ground = [n for n in ground if (main_inter.get(n) in (1, 8)) != loser_state]
            return next((n for n in ground if n != target), None)
        return next((n for n in ground + main if n not in (target, UNIDENTIFIED)), None)
    return None


def _people_taken(st: SentenceState, k: int, agent: str | None, target: str | None
                  ) -> Roles | tuple[str, str] | None:
    """A territory trigger whose object is people: fighters detained (an Arrests role set, or ``_CAPTIVES`` when
    a battle is told), civilians abducted (the sub-type and target); None when ground was taken."""
    trig = st.triggers[k]
    people = _people_object(trig, st.quantities, st.text)
    tv = st.views[k]
    taken = tv.patient if tv is not None and tv.patient is not None and tv.patient.inter in (1, 2, 3, 4, 8) \
        and not tv.object_has_place and _TAKING.match(trig.surface) else None
    if people == "fighters" or (people is None and taken is not None):
        if any(SUB_TO_TYPE.get(t.sub_event_type) == "Battles" for t in st.triggers):
            return _CAPTIVES
        # "two Isis militants have been captured by Kurdish fighters": fighters detained, no battle told
        return Roles("Arrests", agent, taken.name if taken is not None else target, ())
    if people:
        return "Abduction/forced disappearance", "Civilians"
    return None


def _territory_sub(st: SentenceState, k: int, agent_m: ActorMention | None, target_m: ActorMention | None,
                   agent: str | None, target: str | None, scope: Scope) -> str:
    """A territory trigger is a government regaining ground or a non-state actor taking it, by the agent."""
    main_inter, trig = scope.main_inter, st.triggers[k]
    agent_inter = agent_m.inter if agent_m and agent_m.name == agent else main_inter.get(agent or "")
    target_inter = target_m.inter if target_m and target_m.name == target else main_inter.get(target or "")
    if agent_inter is None and agent is None:
        agent_inter = 1 if _STATE_SUBJECT.search(st.text[:trig.start]) else None
    elif agent_inter is None and _STATE_WORDS.search(agent or ""):
        agent_inter = 1  # "Military forces from the north": an unlisted state force
    if agent_inter is None and target_inter in (2, 3, 4):
        agent_inter = 1  # the loser is a rebel or militia: the state regained the ground
    if agent_inter == 8 and agent_m is not None and agent_m.name == agent and (
            _at_home(agent_m, st.explicit[k]) or _home_by_demonym(agent_m, st.text)):
        agent_inter = 1  # "Iraqi forces wrested back Mosul" in a story about Syria: a state's forces at home
    return "Government regains territory" if agent_inter == 1 else "Non-state actor overtakes territory"


_DEMONYM_PLACE = re.compile(r"\b(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-\w+|south-\w+|"
                            r"north\w+|south\w+)\s+)?(?P<dem>[A-Z][a-z]+)\s+(?:town|city|village|province|"
                            r"district|region|governorate)\s+of\s+[A-Z]")


def _home_by_demonym(actor: ActorMention, text: str) -> bool:
    """ "Iraqi forces ... the northern Iraqi town of Tal Afar": the sentence places the ground in the actor's
    own country by its demonym (for a place the gazetteer did not resolve)."""
    dems = {m.group("dem").lower() for m in _DEMONYM_PLACE.finditer(text)}
    to_actor = load_actors().demonym_to_actor
    return len(dems) == 1 and to_actor.get(next(iter(dems))) == actor.actor_id


def _at_home(actor: ActorMention, places: Sequence[PlaceMention]) -> bool:
    """The actor is the state forces of the country the places lie in (ACLED: a foreign state's forces take
    territory as a non-state actor does; at home they regain it)."""
    home = load_actors().state_by_country
    return bool(places) and all(p.country and home.get(p.country.upper()) == actor.actor_id for p in places)


_FORCE_ON_CROWD = ("Protest with intervention", "Excessive force against protesters")
_CROWD_VICTIM = re.compile(r"\b(?:protest[eo]rs?|demonstrators?|mourners?|marchers?)\b", re.IGNORECASE)
_CROWD_TARGET = re.compile(r"^(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?(?:protesters|demonstrators|protestors|"
                           r"mourners|marchers)\b", re.IGNORECASE)


_PRONOUN_DOER = re.compile(r"^(?:they|it|he|she|we|who|which|that|them|its|their)$", re.IGNORECASE)


def _unknown_doer(trig: Trigger, tv: TriggerView | None) -> bool:
    """The sentence names who did it after a passive verb ("areas retaken by Assad") but as no known actor: the
    doer stays unknown rather than one guessed from the article (a pronoun names nobody, so it does not count; a
    subject before the verb, "the group retreated", may well be the actor just named)."""
    return tv is not None and tv.agent is None and tv.agent_span is not None and tv.agent_span[0] >= trig.end \
        and bool(tv.agent_text.strip()) and not _PRONOUN_DOER.match(tv.agent_text.strip())


def _agent_is_state(st: SentenceState, agent: str | None, scope: Scope) -> bool:
    """The trigger's agent is the state's forces (an actor of type 1)."""
    return scope.main_inter.get(agent or "") == 1 or any(a.name == agent and a.inter == 1 for a in st.s.actors)


def _unopposed_raid(st: SentenceState, k: int, target_m: ActorMention | None) -> bool:
    """ "At least seven people were killed when troops overran towns and villages outside Hama": state forces
    storming places with people killed and no armed side in the sentence hold no ground from anyone; ACLED
    codes the killing as an attack on civilians, not as territory regained."""
    end = st.triggers[k].end
    if target_m is not None or any(a.inter in (2, 3, 4) and (a.name != UNIDENTIFIED or not _in_later_clause(
            st.text, end, a.start - st.base)) for a in st.s.actors):
        return False  # a named group anywhere ("Idlib, which al-Nusra had held"), unnamed men in the raid's clause
    return any(q.status == "killed" and not q.cumulative and q.category != "fighters" for q in st.quantities)


@dataclass(frozen=True)
class Roles:
    sub: str
    agent: str | None
    target: str | None
    assoc: tuple[str, ...]
    guessed: bool = False  # the battle's sides are the article's main actors, not named for this event


_CAPTIVES = Roles("", None, None, ())  # fighters taken in a battle the sentence tells: no event of their own


def _claimant(st: SentenceState, target: str | None, target_m: ActorMention | None) -> tuple[str | None, str | None]:
    """The agent and target of an agentless trigger when the sentence names who claimed the deed: the target named
    right after "claimed by" ("..., killing five people, in an attack claimed by Islamic State"), else an armed
    group so named elsewhere in the sentence ("in the latest attack claimed by Islamic State")."""
    text, base = st.text, st.base
    if target is not None and target_m is not None and target_m.name == target and \
            _CLAIMED_BY.search(text[max(0, target_m.start - base - 40):target_m.start - base]):
        return target, None
    return next((a.name for a in st.s.actors if a.inter in (2, 3, 4) and a.name != UNIDENTIFIED and a.name != target
                 and _CLAIMED_BY.search(text[max(0, a.start - base - 40):a.start - base])), None), target


def _force_kind(st: SentenceState, k: int, sub: str, agent: str | None, target: str | None,
                agent_m: ActorMention | None, scope: Scope) -> tuple[str, str | None, str | None]:
    """Sub-type, agent and target as the predicate's own participants decide between force, riot and battle."""
    trig, text, view = st.triggers[k], st.text, st.views[k]
    state = agent_m is not None and agent_m.name == agent and agent_m.inter == 1 or _agent_is_state(st, agent, scope)
    riot = sub in ("Violent demonstration", "Mob violence") and view is not None and state
    if riot and view is not None and view.agent_span is not None and _DIRECT.search(trig.surface) \
            and view.object_text and not CROWD_WORD.search(view.object_text):
        # "security officials stormed the mosque as people were leaving prayers": the state's force on a place or
        # on people who are no crowd is no riot ("police fired tear gas into crowds of protesters" stays one)
        sub, target = "Attack", target or "Civilians"
    elif riot and view is not None and _LETHAL_FORCE.search(trig.surface) and CROWD_WORD.search(view.object_text) \
            and not _NON_LETHAL.search(text):
        sub = "Attack"  # "security forces have attacked protesters at a mosque": force met the crowd (below)
    if (sub == "Armed clash" or sub == "Protest with intervention" and not CROWD_WORD.search(text)) \
            and target is None and _DIRECT.search(trig.surface) and not _MUTUAL.search(trig.surface) \
            and _person_shot(st, trig, view):
        sub, target = "Attack", "Civilians"  # "Baseel al-Masri was shot by security forces": one person, no side
    if sub == "Attack" and _agent_is_state(st, agent, scope) and view is not None and _CROWD_TARGET.match(
            view.object_text):
        sub = "Excessive force against protesters"  # "security forces attacked protesters at a mosque" (ACLED)
        agent, target = "Protesters", agent  # the crowd is actor1 of a protest event, the force that met it actor2
    return sub, agent, target


def _roles(st: SentenceState, k: int, ctx: Context, chain: Chain, scope: Scope) -> Roles | None:
    """Sub-type, agent, target and allies of trigger k; None when the trigger is not an event after all
    ("seized 12 soldiers": captives)."""
    trig, text, s = st.triggers[k], st.text, st.s
    agent_m, target_m = _agent_mentions(st, k, ctx, chain, scope)
    agent = _agent_name(st, k, agent_m, ctx, chain, scope)
    target = resolve_generic(target_m, ctx, agent, s.actors,
                             text[:target_m.start - st.base] if target_m is not None else "")
    if agent is None:
        agent, target = _claimant(st, target, target_m)
    if agent_m is None:  # (not the article's last agent: "the group" is the group, not the army just named)
        agent = _group_subject(st.views[k], target, ctx) or agent
    if target is None:
        target = _named_dead(st, agent) or _officials_dead(st, agent, scope)
    sub = _means_from_agent(trig.sub_event_type, st.views[k])
    if sub == "Remote explosive/landmine/IED" and _BOMBING.match(trig.surface) and scope.air_war \
            and not MILITANT_CUE.search(text):
        sub = "Air/drone strike"  # "a bombing" in an article about an air campaign, with no militant named
    if agent is not None and sub in REMOTE_SUBS:
        ctx.strike_agents.append((sub, agent))
    guessed = agent is None and target is None and sub == "Armed clash"
    if agent is None and sub not in REMOTE_SUBS and not _unknown_doer(trig, st.views[k]):
        agent = _guess_agent(trig, target, ctx, scope)
    if sub == TERRITORY:
        taken_people = _people_taken(st, k, agent, target)
        if taken_people is _CAPTIVES:
            return None  # "killed ten and seized 12 soldiers": captives of the battle told, not territory
        if isinstance(taken_people, Roles):
            return taken_people
        if taken_people is not None:
            sub, target = taken_people
    if sub == TERRITORY:
        sub = _territory_sub(st, k, agent_m, target_m, agent, target, scope)
        if sub == "Government regains territory" and _unopposed_raid(st, k, target_m):
            sub, target = "Attack", "Civilians"
    target_inter = target_m.inter if target_m and target_m.name == target else scope.main_inter.get(target or "")
    if sub == "Armed clash" and not _MUTUAL.match(trig.surface) and target_inter in (None, 5, 6, 7) \
            and (target is None or target_inter in (6, 7)) and ((target_inter == 7 and _DIRECT.match(
                trig.surface)) or _attack_on_civilians(
                trig, text, st.quantities, lone_agent=not any(a.inter in (1, 2, 3, 4, 8) and a.name != agent
                                                              for a in s.actors))):
        sub, target = "Attack", "Civilians"  # armed men attacking a village, a bus, worshippers
    sub, agent, target = _force_kind(st, k, sub, agent, target, agent_m, scope)
    if SUB_TO_TYPE.get(sub) in ("Protests", "Riots"):
        agent, target = _crowd_roles(s, sub, agent, target)
        if agent is None and sub in _PROTEST_RANK:
            agent = "Protesters"
    tv = st.views[k]
    victims_civ = _people_hurt_civ(st.quantities) or _civilian_target_after(st, trig.end) or bool(
        _FIRED_ON_PEOPLE.search(text)) or bool(
        tv is not None and tv.passive and _CIVILIAN_TARGET.search(text[max(0, trig.start - 80):trig.start]))
    if sub == "Attack" and tv is not None and tv.patient is not None and tv.patient.name == target \
            and tv.patient.inter in (1, 2, 3, 4, 8) and agent is not None and not _people_hurt_civ(st.quantities):
        sub = "Armed clash"  # "troops shot dead two gunmen": the one shot is armed, a battle (ACLED), not an attack
    # "clinics and hospitals were bombed": the passive subject is the target
    if sub in _HITS_PEOPLE and victims_civ:
        target = "Civilians"
    elif sub in _BOMBS and target is None and _people_hurt(st.quantities):
        target = "Civilians"  # people killed by an air strike or a bomb with no armed target named: civilians (ACLED)
    if SUB_TO_TYPE.get(sub) == "Violence against civilians" and target != "Civilians" and (
            agent is not None or target is not None or _victims_named(st)):
        target = "Civilians"  # ACLED: one-sided violence against civilians (a named armed target would be a battle)
    # "Shootings were also reported in X": no one named on either side; who was shot the text does not say
    if sub == "Looting/property destruction" and target is None and _CIVILIAN_PROPERTY.match(text[trig.start:]):
        target = "Civilians"  # "troops bulldozed homes and torched crops": the property is civilians' (ACLED)
    if agent is None and sub in REMOTE_SUBS:
        agent = _strike_agent(sub, target, ctx) or _guess_agent(trig, target, ctx, scope)
    assoc = associates(agent_m, agent, target, trig, st.regions[k], s, text)
    if sub == "Agreement" and agent is None and target is not None:
        agent = _other_side(target, None, assoc, ctx, scope)  # "towns surrendered to the regime": with its enemy
    if sub in TERRITORY_SUBS and target == agent:
        target = None  # "retaken by forces fighting on behalf of the regime": the agent's own words name no loser
    if target is None and (SUB_TO_TYPE.get(sub) == "Battles" or (sub == "Other" and not _moves_in(trig))
                           or sub in TERRITORY_SUBS):  # (a force moving into an area faces no one)
        # a battle's or a capture's unnamed other side (the loser of ground held by the article's other side)
        target = _other_side(agent, agent_m, assoc, ctx, scope)
    return Roles(sub, agent, None if target == agent else target, tuple(assoc), guessed and sub == "Armed clash")


def _named_dead(st: SentenceState, agent: str | None) -> str | None:
    """The armed actor a death toll of the sentence names its dead by ("killed dozens of ISWAP fighters"): the
    side that lost them, when the trigger's own roles name no target."""
    for q in st.quantities:
        if q.status != "killed":
            continue
        for a in st.s.actors:
            if q.start <= a.start - st.base < q.end and a.inter in (1, 2, 3, 4, 8) and a.name not in (
                    agent, UNIDENTIFIED) and not a.name.startswith("Government forces"):
                return a.name
    return None


# the dead named by the titles of a state's military and security establishment ("his defence minister and the
# head of his crisis team died", "a general and two officers were killed")
_SECURITY_TITLES = re.compile(r"\b(?:(?:defen[cs]e|interior|security|intelligence)\s+(?:minister|chief|head)|"
                              r"generals?|brigadier|colonels?|officers?|commanders?|chief of staff|"
                              r"head of (?:the\s+|his\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:security|intelligence|army|"
                              r"crisis|military)\b)", re.IGNORECASE)
_DIED = re.compile(r"\b(?:died|were killed|was killed|have been killed|had been killed|were assassinated|"
                   r"was assassinated)\b")


def _officials_dead(st: SentenceState, agent: str | None, scope: Scope) -> str | None:
    """The home state's forces, when the subject of "died"/"were killed" names its dead by military or security
    titles and the sentence names no armed side for them."""
    m = _DIED.search(st.text)
    if m is None or not _SECURITY_TITLES.search(st.text[:m.start()]) or scope.country is None:
        return None
    name = _in_country("Government forces", scope.country)
    return name if name not in (None, agent, "Government forces") else None


# "The group retreated from the eastern cities": a definite armed noun with no name, as the doer of the event
_GROUP_SUBJECT = re.compile(r"(?:the|this|that)\s+(?:[\w-]+\s+)?(?:group|militants|jihadists|insurgents|extremists|"
                            r"militia|organisation|organization|rebels)", re.IGNORECASE)


def _group_subject(tv: TriggerView | None, target: str | None, ctx: Context) -> str | None:
    """The non-state armed actor a definite armed noun in subject position stands for: the newest one named
    before (not the target); None when the subject is something else or none was named."""
    if tv is None or tv.passive or not _GROUP_SUBJECT.fullmatch(tv.agent_text.strip()):
        return None
    return next((name for name, inter in reversed(ctx.recent_actors)
                 if inter in (2, 3, 4) and name not in (target, UNIDENTIFIED)), None)


def _other_side(agent: str | None, agent_m: ActorMention | None, assoc: Sequence[str], ctx: Context,
                scope: Scope) -> str | None:
    """A battle's unnamed other side: the article's main actor that is not the agent's ally; for the home state's
    forces only a non-state group (never a foreign army guessed as the state's enemy). A non-state agent keeps
    the first main actor: its enemy may be the state or another group (the SDF against IS)."""
    sides = [n for n in scope.main if n != agent and n not in assoc and n != UNIDENTIFIED
             and frozenset((agent, n)) not in ctx.allies]
    inter = agent_m.inter if agent_m is not None and agent_m.name == agent else scope.main_inter.get(agent or "")
    if inter == 1:
        sides = [n for n in sides if scope.main_inter.get(n) in (2, 3, 4)]
    return next(iter(sides), None)


# sub-types whose civilian dead or civilian targets make Civilians their target (strikes, bombs, attacks)
_HITS_PEOPLE = ("Air/drone strike", "Shelling/artillery/missile attack", "Attack", "Suicide bomb",
                "Remote explosive/landmine/IED", "Grenade", "Chemical weapon")


# strikes from the air and bombs: their dead, with no armed target named, are civilians ("killing 12 people");
# shelling aimed at a front is not read so (its dead are often the other side's)
_BOMBS = ("Air/drone strike", "Suicide bomb", "Remote explosive/landmine/IED", "Grenade")


def _protest_follow_up(st: SentenceState, k: int, roles: Roles, ctx: Context, scope: Scope) -> bool:
    """ "Police fired tear gas to disperse the crowd." after the sentence that reported the protest: the
    protest is upgraded (a new record) and this trigger makes no report of its own."""
    if roles.sub not in _PROTEST_RANK or st.explicit[k] or any(t.begin for t in st.s.times):
        return False
    prior = next((r for r in ctx.recent(st.idx, 2) if r.sub_event_type in _PROTEST_RANK), None)
    if prior is None:
        return False
    counts = _copy_quantities([q for q, o in zip(st.quantities, st.owner, strict=True) if o == k])
    if _PROTEST_RANK[roles.sub] > _PROTEST_RANK[prior.sub_event_type]:
        ctx.amend(_met_by(prior, roles.sub, roles.target, st.text, scope, counts))
    else:
        ctx.amend(replace(prior, fatalities=[*prior.fatalities, *counts]))
    return True


# fire or a crossing over a border ("opened fire across the border", "shots fired across the border into Turkey")
_ACROSS_BORDER = re.compile(r"\b(?:across|over|on|at)\s+the\s+(?:[a-z-]+\s+){0,2}?border\b|\bcross-border\b",
                            re.IGNORECASE)


def _event_places(st: SentenceState, k: int, ctx: Context, scope: Scope) -> tuple[list[PlaceMention], bool]:
    """The trigger's places, else the one an anaphor points to ("the town", "there"), else the article's
    scope (second value True: inferred, not stated)."""
    if st.explicit[k]:
        ex = st.explicit[k]
        if all(p.feature == "country" for p in ex) and _ACROSS_BORDER.search(st.text):
            border = border_place(st.text, st.base, scope.home.country if scope.home else None, scope.neighbour)
            if border is not None and border.country in {p.country for p in ex} | {
                    scope.home.country if scope.home else None}:
                return [border], False  # "Syrian forces opened fire across the border": on it, in neither country
        if all(p.feature == "country" for p in ex):
            # "In neighbouring Mali, a roadside bomb struck a vehicle near the town of Bandiagara": the town the
            # sentence also names in that country is where it happened
            finer = [p for p in st.usable if p.feature not in COARSE and p.place_id
                     and any(p.country == c.country for c in ex) and p.start > ex[0].start]
            if finer:
                return finer[:1], False
        return ex, False
    text, idx, focus = st.text, st.idx, scope.focus
    recent = ctx.last_places and idx - ctx.last_places_at <= 2
    ana = _ANAPHOR_CITY.search(text)
    if ana and "city" not in ana.group(0).lower() and recent:
        return ctx.last_places[:1], False  # "the village", "the town": the place just named
    if ana and (ctx.last_city or focus):
        return [ctx.last_city or focus], False  # type: ignore[list-item]
    if _ANAPHOR_COUNTRY.search(text) and scope.home is not None:
        return [scope.home], False  # "across the country", "access to the country": the article's country
    if _ANAPHOR_PLACE.search(text) and recent:
        return ctx.last_places[:1], False  # "there", "the area": the sentence refers to the place
    if PRONOUN_SUBJ.match(text) and recent:
        return ctx.last_places[:1], True  # "they also shelled ...": the place is carried over, not named
    border = border_place(text, st.base, scope.home.country if scope.home else None, scope.neighbour)
    if border is not None:
        return [border], False  # "shot dead as they approached the border": the border is the place
    if focus:
        return [focus], True  # the article's scope, not a place the sentence names
    return [], False


Dates = tuple[dt.date | None, dt.date | None, int | None]


# "to mark 30 years since the country's worst massacre": the event is that many years before the reporting date
_YEARS_SINCE = re.compile(r"\b(?P<n>[\w-]+)\s+(?P<unit>years|decades)\s+(?:since|after|on from)\s+(?:[\w'’,-]+\s+){0,12}$",
                          re.IGNORECASE)


_YEARS_BACK = re.compile(r"\b[\w-]+\s+(?:years|decades)\s+(?:since|after|ago|on from)\b", re.IGNORECASE)


def _anniversary(before: str, ref: dt.date) -> Dates | None:
    """The year of an event the sentence dates by the years since it ("30 years since the massacre", "two decades
    after the war began"), at year precision; None when the trigger is not dated that way."""
    m = _YEARS_SINCE.search(before)
    n = number_value(m.group("n")) if m else None
    if m is None or not n:
        return None
    year = ref.year - n * (10 if m.group("unit").lower() == "decades" else 1)
    if not 1 <= year <= 9999:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31), 3


def _when(st: SentenceState, k: int, ctx: Context, scope: Scope) -> tuple[Dates, bool]:
    """The trigger's own date (its clause's time expression), an anaphor's, else the reporting date; and
    whether it is background (more than ``BACKGROUND_DAYS`` before the reporting date)."""
    trig, tv, text, ref = st.triggers[k], st.views[k], st.text, scope.ref
    own_times = tv.times if tv is not None else ()
    times = own_times or st.s.times
    when = _event_time(trig, times, st.base, text)
    if not own_times and ref is not None and _YEARS_SINCE.search(text[:trig.start]):
        when = None  # "gathered on Thursday to mark 80 years since troops stormed the beaches": the sentence's
        # date is the ceremony's; the deed is dated by the years since it (below)
    if when is None and ctx.last_time and st.idx - ctx.last_time_at <= 1 and _ANAPHOR_TIME.search(text):
        when = ctx.last_time
    if when is None and ctx.last_time and not st.explicit[k] and 0 < st.idx - ctx.last_time_at <= 2 \
            and ctx.last_time[0] is not None and ctx.last_time[0] == ctx.last_time[1] \
            and ctx.last_places_at == ctx.last_time_at and _refers_back(text):
        when = ctx.last_time  # "said its forces had clashed with militias in the area": the event just told,
        # at its place and so on its day, not on the reporting day
    offset = _offset_from_event(st, k, ctx, times, when)
    if offset is not None:
        when = offset
    stated = when is not None
    if when is None and ref is not None:
        when = _anniversary(text[:trig.start], ref)
    if when is not None and ref is not None and when[0] is not None and when[0] > ref and not _AHEAD.search(text):
        when, stated = None, False  # "began the day after Hamas's October 7 attack" read as tomorrow: a deed told
        # as done is not after the report (the time stage's guess, not the text)
    if when is None:
        when = (ref, ref, 1 if _NOW.search(text) else 2) if ref is not None else (None, None, None)
    begin, end, precision = when
    cutoff = ref - dt.timedelta(days=BACKGROUND_DAYS) if ref else None
    background = bool(cutoff and ((begin and begin < cutoff) or (end and end < cutoff)))
    if background and stated and ref is not None and end is not None and end >= ref - dt.timedelta(days=1) \
            and _SPAN_TOLL.search(text):
        background = False  # "523 civilians have died in two months of fighting": a campaign's toll up to now is
        # news (a cumulative count, which the casualty ledger does not add to the day's)
    if stated and ref is not None and end is not None and precision is not None and precision >= 2 \
            and end < ref - dt.timedelta(days=VAGUE_DAYS) and not _onset(st, times, begin, end):
        background = True  # "last month Turkey sent troops", "three weeks ago": a deed recalled by a vague date
        # weeks old is context; news that old is dated to its day ("on 4 July"), and "the bombardment that
        # began last month" dates only its start
    if tv is not None and (tv.describes_doer or tv.past_before_past or tv.long_span) and not background:
        # "rebels, who overran some districts three weeks ago": the clause says who the rebels are; "the group's
        # crimes had been shown in videos": the past before the story's past; "has waged an insurgency for
        # decades": a campaign. News only when the clause dates the deed to the last days ("militants, who
        # stormed the town on Sunday")
        recent = ref - dt.timedelta(days=RECENT_DAYS) if ref else None
        background = not (tv.times and end is not None and (recent is None or end >= recent))
    return when, background


# words that set a deed ahead of the report
_AHEAD = re.compile(r"\b(?:will|would|shall|is to|are to|plans?|planned|scheduled|expected|set to|due to|"
                    r"going to|intends?|threatened)\b", re.IGNORECASE)


# a toll up to now ("have been killed", "have died", "has killed"): a campaign's running count
_SPAN_TOLL = re.compile(r"\b(?:have|has)\s+(?:been\s+)?(?:killed|died|left\s+[\w\s,]{0,20}?dead)\b", re.IGNORECASE)


# "the attack came a day after ...", "two days before ...", "A day after the Kabul assault, ...": an event dated
# by its distance from another event
_EVENT_OFFSET = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d)\s+(?P<unit>days?|weeks?)\s+"
                           r"(?P<dir>after|before)\s+", re.IGNORECASE)
_DEICTIC_HEAD = re.compile(r"^\s*(?:it|this|that|the (?:\w+\s+){0,2}?(?:attack|bombing|blast|explosion|assault|strikes?|"
                           r"raid|killings?|shooting|offensive|fighting|clashes|violence|incident|massacre))\b",
                           re.IGNORECASE)


def _offset_from_event(st: SentenceState, k: int, ctx: Context, times: Sequence[TimeMention],
                       when: Dates | None) -> Dates | None:
    """Dates of a trigger placed by its distance from another event. Inside the complement ("The attack came a
    day after the army repelled an assault"): the sentence's event, dated by its own time or as the one just
    reported, less the distance. Before it ("A day after the Kabul assault, the group claimed a shooting in
    Cairo"): the earlier report the complement names by its place, plus the distance. None otherwise."""
    text, trig = st.text, st.triggers[k]
    m = _EVENT_OFFSET.search(text)
    if m is None or any(t.begin and t.start - st.base >= m.start() and t.end - st.base <= m.end() for t in times):
        return None
    n = number_value(m.group("n")) if m.group("n").lower() not in ("a", "an") else 1
    if not n:
        return None
    days = n * (7 if m.group("unit").lower().startswith("week") else 1)
    sign = 1 if m.group("dir").lower() == "after" else -1
    comma = text.find(",", m.end())
    opening = m.start() <= 2 and 0 <= comma < trig.start  # "A day after the Kabul assault, ...": a dating clause
    if trig.start >= m.end() and not opening:  # the trigger is the other event
        main_times = [t for t in st.s.times if t.end - st.base <= m.start() and t.begin]
        if main_times:
            base_day = main_times[-1].begin
        elif ctx.last_time and st.idx - ctx.last_time_at <= 1 and _DEICTIC_HEAD.match(text):
            base_day = ctx.last_time[0]
        else:
            return None
        if base_day is None:
            return None
        day = base_day - dt.timedelta(days=sign * days)
        return day, day, 1
    if not opening or when is not None:
        return None
    named = text[m.end():comma]
    anchor = next((r for r in reversed(ctx.history) if r.date_begin and r.date_begin == r.date_end
                   and r.place_surface and r.place_surface in named), None)
    if anchor is None or anchor.date_begin is None:
        return None
    day = anchor.date_begin + dt.timedelta(days=sign * days)
    return day, day, 1


def _refers_back(text: str) -> bool:
    """The sentence places its event by referring back ("in the area", "the town", "there") to a place named
    just before, not by a name of its own."""
    ana = _ANAPHOR_CITY.search(text)
    return bool((ana and "city" not in ana.group(0).lower()) or _ANAPHOR_PLACE.search(text))


def _onset(st: SentenceState, times: Sequence[TimeMention], begin: dt.date | None, end: dt.date | None) -> bool:
    """The sentence's time expression of these dates dates the start of the deed ("that began last month")."""
    if st.doc is None:
        return False
    return any(dates_an_onset(st.doc, (t.start - st.base, t.end - st.base))
               for t in times if t.begin == begin and t.end_date == end)


_EXAMPLES = re.compile(r"\b(?:including|such as|notably|among them|like)\s+(?:the\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)


def _toll_at(qs: list[QuantityMention], place: PlaceMention | None, text: str, base: int) -> list[QuantityMention]:
    """ "at least 28 more people had been killed, including nine in and around Hama": the event at Hama has the
    part of the toll the sentence gives for it."""
    if place is None:
        return qs
    out = []
    for q in qs:
        part = place_part(text, q, place.start - base)
        out.append(q if part is None else _as_part(q, part))
    return out


def _aggregate_part(st: SentenceState, k: int, place: PlaceMention | None) -> list[QuantityMention]:
    """ "Israeli strikes killed at least 38 people across the Gaza Strip, including 12 in a house in Gaza City":
    a toll no single event owns still gives the event at Gaza City its part (a new record)."""
    if place is None:
        return []
    out = []
    for q, o in zip(st.quantities, st.owner, strict=True):
        part = place_part(st.text, q, place.start - st.base) if o == -1 else None
        if part is not None and place.start - st.base > st.triggers[k].end:
            out.append(_as_part(q, part))
    return out


def _as_part(q: QuantityMention, part: int) -> QuantityMention:
    """The part of toll ``q`` stated for one place, as that place's own one-off toll (a new record)."""
    return replace(q, value=part, min=None, max=None, breakdown={}, earlier_value=None, cumulative=False)


def _shared_toll(nearest: list[QuantityMention], places: list[PlaceMention], text: str, base: int) -> bool:
    """ "another 20 were killed in al-Badou and al-Takana": one toll for an event at coordinated places is
    stated for each of them (ACLED records the combined figure on each; the ledger counts it once). Not when
    the places are examples of a wider area ("towns outside Hama, including A, B and C": the area's toll)."""
    killed = [q for q in nearest if q.status == "killed"]
    if len(places) < 2 or len(killed) != 1 or killed[0].cumulative:
        return False
    return not any(_EXAMPLES.search(text[max(0, p.start - base - 40):p.start - base]) for p in places)


def _trigger_reports(st: SentenceState, k: int, ctx: Context, scope: Scope, chain: Chain,
                     out: list[Report]) -> list[Report]:
    """The reports of trigger k (one per coordinated place), appended to ``out`` as new records."""
    roles = _roles(st, k, ctx, chain, scope)
    if roles is None or (SUB_TO_TYPE.get(roles.sub) in ("Protests", "Riots") and _protest_follow_up(st, k, roles, ctx, scope)):
        return out
    trig, text = st.triggers[k], st.text
    ev_places, inferred = _event_places(st, k, ctx, scope)
    if inferred:
        ev_places = _home_of_police(roles, scope) or ev_places
    when, background = _when(st, k, ctx, scope)
    if not st.s.times and not inferred and ev_places and when[:2] == (scope.ref, scope.ref):
        when = _day_of_wider_report(st, ctx, roles.sub, ev_places[0]) or when
    own = [q for q, o in zip(st.quantities, st.owner, strict=True) if o == k] or _scope_toll(st, ev_places)
    nearest = _estimates(_revised(_joined([], own, text), text), text)
    nearest = [_part_of(q, trig, text) for q in nearest
               if not (q.start >= trig.end and _YEARS_BACK.search(text, trig.end, q.start))]
    # "marched to mark 30 years since the massacre, when 10,000 were killed": the toll is of the dated history
    sub, target = roles.sub, roles.target
    if any(q.status == "killed" and not q.cumulative for q in nearest):
        nearest = [q for q in nearest if not q.cumulative]  # "14 were killed on Sunday, bringing the total in the
        # week to 530": the day's toll is the event's, the running total the campaign's
    if sub == "Peaceful protest" and any(q.status in ("killed", "injured") for q in nearest) \
            and not _MOURNING.search(text):
        sub = "Excessive force against protesters"  # "three were killed as thousands protested": force met the crowd
    if sub == "Peaceful protest":
        nearest = [q for q in nearest if q.status not in ("killed", "injured")]  # "took to the streets to mourn a
        # protester killed on Friday": the dead are an earlier event's, the mourners' protest has none of its own
    if sub == "Armed clash" and any(q.status == "killed" and q.category in ("civilians", "children", "women")
                                    and not q.cumulative for q in nearest) \
            and not any(q.status == "killed" and q.category == "fighters" for q in nearest):
        sub, target = "Attack", "Civilians"
    out = list(out)
    shared = _shared_toll(nearest, ev_places, text, st.base)
    for j, place in enumerate(ev_places or [None]):
        key = (sub, (place.place_id or place.name or place.surface) if place else None, when[0], when[1])
        if key in chain.seen:
            if j == 0:  # the same event named twice in the sentence (same day): its counts join the first report
                i = chain.seen[key]
                out[i] = replace(out[i], fatalities=_joined(out[i].fatalities, _copy_quantities(nearest), text))
            continue
        agent, target_here = roles.agent, target
        if roles.guessed and place is not None and place.feature == "country":
            agent = target_here = None  # "clashes throughout the country": many battles, no one pair of sides
        if agent == "Protesters" and place is not None and place.country in scope.country_names:
            agent = f"Protesters ({scope.country_names[place.country]})"  # ACLED names crowds by country
        if place is not None and place.country:  # "government forces", "rebels" in the country of the event
            agent, target_here = (_in_country(agent, place.country, text, scope),
                                  _in_country(target_here, place.country, text, scope))
        if sub == "Armed clash" and place is not None and place.feature == "country" and agent is None \
                and target_here is None and not any(q.status == "killed" for q in nearest):
            continue  # "Fighting in Syria has continued despite the observers": a war going on, no one battle
        out.append(_report(st, k, scope, sub, agent, target_here, roles.assoc, place, inferred, when, background,
                           (_toll_at(_copy_quantities(nearest), place, text, st.base) if j == 0 or shared else [])
                           or _aggregate_part(st, k, place),
                           attribution(st.s, text, roles.agent, ctx),
                           len(out)))
        chain.seen[key] = len(out) - 1
        own_view = st.views[k]
        if not (own_view is not None and own_view.times) and when[0] == when[1] == scope.ref:
            ctx.undated.add(out[-1].report_id)  # (no date of its own clause: "killed 20, officials said on Friday")
        if st.explicit[k]:
            ctx.explicit.add(out[-1].report_id)
        if place is not None:
            ctx.last_places, ctx.last_places_at = [place], st.idx
    chain.first_agent = chain.first_agent or roles.agent
    chain.prev_agent, chain.prev_target = roles.agent, target
    if when != (None, None, None) and _event_time(trig, st.s.times, st.base, text) is not None:
        ctx.last_time, ctx.last_time_at = when, st.idx
    return out


def _report(st: SentenceState, k: int, scope: Scope, sub: str, agent: str | None, target: str | None,
            assoc: tuple[str, ...], place: PlaceMention | None, inferred: bool, when: Dates, background: bool,
            fatalities: list[QuantityMention], attributed: str | None, n: int) -> Report:
    """One new Report record."""
    trig, text, geo_fn = st.triggers[k], st.text, scope.geo_fn
    article_id = scope.article.article_id
    dec = st.decided.get(id(trig))
    hedge_text = _hedge_text(st)
    hedged = scope.hedge_fn(hedge_text)
    key = (place.place_id or place.name or place.surface) if place else None
    return Report(
        report_id=_report_id(article_id, st.idx, sub, key, agent, n),
        article_id=article_id, sentence_index=st.idx,
        event_type=SUB_TO_TYPE.get(sub, "Strategic developments"), sub_event_type=sub,
        actor1=agent, actor2=target, assoc_actors=list(assoc),
        place_id=place.place_id if place else None, place_name=place_label(place) if place else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        admin1=place.admin1 if place else None, country=place.country if place else None,
        geo_precision=(min(3, geo_fn(place) + 1) if inferred else geo_fn(place)) if place else None,
        date_begin=when[0], date_end=when[1], time_precision=when[2],
        fatalities=fatalities, attributed_to=attributed, hedged=hedged, background=background,
        text=text, stage_version=STAGE_VERSION, status=_status(st.views[k], dec, hedged, hedge_text),
        confidence=dec.p_event if dec is not None else None,
        place_inferred=inferred and place is not None, place_surface=place.surface if place else None,
    )


_PLACE_FIELDS = ("place_id", "place_name", "lat", "lon", "admin1", "country", "geo_precision", "place_inferred",
                 "place_surface")


def _contrast_pass(st: SentenceState, scope: Scope, out: list[Report], first_of: dict[int, Report]) -> list[Report]:
    """ "62 were killed in airstrikes on 26 July, while 15 were killed in the Shammas district two days later":
    a contrasting clause with its own toll and its own place or day is another event of its host's kind, one
    report per place it names (the host's place and day where it names none)."""
    text, base = st.text, st.base
    new = list(out)
    for c in st.contrasts:
        host = first_of.get(c.host)
        counts = [q for q in st.quantities if q.status in ("killed", "injured") and inside((q.start, q.end), c.extent)]
        if host is None or not counts:
            continue
        places = [p for p in st.usable if inside((p.start - base, p.end - base), c.locatives)]
        places = [p for p in places if p.feature not in COARSE] or places
        times = [t for t in st.s.times if inside((t.start - base, t.end - base), c.extent)]
        anchor = Trigger(c.extent[0][0], c.extent[-1][1], "", host.sub_event_type, 0)
        when = _event_time(anchor, times, base, text) if times else None
        if not places and when is None:
            continue  # the same event told again
        begin, end, precision = when or (host.date_begin, host.date_end, host.time_precision)
        cutoff = scope.ref - dt.timedelta(days=BACKGROUND_DAYS) if scope.ref else None
        background = bool(cutoff and ((begin and begin < cutoff) or (end and end < cutoff)))
        spans = {(q.start, q.end) for q in counts}
        new = [replace(r, fatalities=[q for q in r.fatalities if (q.start, q.end) not in spans])
               if r.report_id == host.report_id else r for r in new]  # the clause's toll is its event's, not the host's
        shared = _shared_toll(counts, places, text, base)
        for j, p in enumerate(places or [None]):
            key = (p.place_id or p.name or p.surface) if p else host.place_id
            r = replace(host, report_id=_report_id(scope.article.article_id, st.idx, host.sub_event_type, key,
                                                   host.actor1, len(new)),
                        date_begin=begin, date_end=end, time_precision=precision, background=background,
                        fatalities=_copy_quantities(counts) if j == 0 or shared else [])
            new.append(_moved(r, p, scope.geo_fn) if p is not None else r)
    return new


def _battle_after_pass(st: SentenceState, ctx: Context, out: list[Report]) -> list[Report]:
    """The battle that followed an attack: its place and day unless the sentence says otherwise."""
    host = st.battle_after
    if host is None:
        return out
    new = []
    for r in out:
        changes: dict[str, object] = {}
        if r.report_id not in ctx.explicit:
            changes.update({f: getattr(host, f) for f in _PLACE_FIELDS})
        if not st.s.times:
            changes.update(date_begin=host.date_begin, date_end=host.date_end, time_precision=host.time_precision,
                           background=host.background)
        new.append(replace(r, **changes))  # type: ignore[arg-type]
    return new


def _context_pass(st: SentenceState, ctx: Context, out: list[Report], first_agent: str | None) -> None:
    """What this sentence establishes for the next ones: recent reports, source, agent, places."""
    s, idx, base = st.s, st.idx, st.base
    named = [x.name for x in s.sources if not GENERIC_SOURCE.match(x.name.strip())]
    _neighbour_agents(ctx, idx, out)
    if not out:
        _perpetrator_named_after(st, ctx)
    current = [r for r in out if not r.background]
    if current:
        ctx.recent_reports = [*ctx.recent_reports[-1:], (idx, current)]
        ctx.history.extend(current)
    if named:
        ctx.last_source = named[-1]
    elif s.sources and first_agent:
        ctx.last_source = ctx.last_source or first_agent
    elif s.sources:
        agents = [a.name for a in s.actors if a.inter in ARMED_INTER and a.inter != 7]
        if agents and ctx.last_source is None:
            ctx.last_source = agents[0]
    ctx.recent_actors.extend((a.name, a.inter) for a in s.actors if a.inter in ARMED_INTER and a.inter != 7)
    ctx.recent_actors = ctx.recent_actors[-12:]
    subj = [a for a in s.actors if a.inter in ARMED_INTER and a.inter != 7 and a.start - base < 40]
    if first_agent:
        ctx.last_agent = first_agent
    elif subj:
        ctx.last_agent = subj[0].name
    if not st.triggers and st.usable:
        fine = [p for p in st.usable if p.feature not in COARSE and p.place_id]
        if fine:
            ctx.last_places, ctx.last_places_at = [last_named(fine, st.text, st.base)], idx
    cities = [p for p in st.usable if p.feature in ("city", "admin2") and p.place_id]
    if cities:
        ctx.last_city = cities[-1]


def _neighbour_agents(ctx: Context, idx: int, out: list[Report]) -> None:
    """ "At least 90 people have been killed in Houla. They said scores were wounded as government forces
    shelled and attacked the town.": an attack on civilians whose own sentence names no perpetrator takes the
    agent of the strike or attack the next (or the previous) sentence reports at the same place on the same days.
    ``out`` (this sentence's reports) is edited in place; an earlier report gets a new record."""
    def doer(r: Report) -> str | None:
        ok = r.actor1 not in (None, "Civilians", UNIDENTIFIED) and not r.background \
            and r.event_type in _ONE_SIDED and r.sub_event_type not in _CROWD_SUBS
        return r.actor1 if ok else None

    def same_scene(a: Report, b: Report) -> bool:
        return a.place_id is not None and a.place_id == b.place_id and a.date_begin == b.date_begin \
            and a.date_end == b.date_end

    def agentless(r: Report) -> bool:
        return r.sub_event_type == "Attack" and r.actor1 is None and r.actor2 == "Civilians" and not r.background

    earlier = list(ctx.recent(idx, 1))
    for r in earlier:
        if agentless(r):
            agent = next((doer(n) for n in out if doer(n) and same_scene(r, n)), None)
            if agent is not None:
                ctx.amend(replace(r, actor1=agent))
    for i, r in enumerate(out):
        if agentless(r):
            agent = next((doer(e) for e in earlier if doer(e) and same_scene(r, e)), None)
            if agent is None and _MORE_VICTIMS.match(r.text):
                # "... at least 50 died when soldiers stormed Deir al-Zour. Twenty-six others were killed in Hula":
                # more victims of the violence just reported, wherever they died
                doers = {d for d in (doer(e) for e in ctx.recent(idx, 2)) if d}
                agent = doers.pop() if len(doers) == 1 else None
            if agent is not None:
                out[i] = replace(r, actor1=agent)


# a sentence that opens with more victims of the violence reported before ("Twenty-six others were killed")
_MORE_VICTIMS = re.compile(r"^\s*(?:(?:at least|some|about|another)\s+)?[\w,-]+\s+(?:others|more|other people|more people)\s+"
                           r"(?:were|have been|had been|was)\s+(?:killed|shot dead|shot|massacred|executed)\b",
                           re.IGNORECASE)


# "a hail of bullets from troops", "attacks by an affiliate of Isis": violence and its author (not "rebels from the
# FSA", a member and its group)
_GENERIC_NAMES = ("Government forces", "Rebel groups")
# "Al-Shabaab, the al Qaeda-linked group, claimed responsibility for the attack": the subject owns the deed
_CLAIMS_AFTER = re.compile(r"(?:\s*,[^,.;]{1,80},|,)?\s+(?:(?:has|have|had|quickly|later|swiftly)\s+)?(?:claimed\s+"
                           r"(?:responsibility|credit|the\s+(?:attack|bombing|blast|assault|killing|explosion))|"
                           r"said\s+(?:it|they)\s+(?:had\s+)?(?:carried out|was behind|were behind|staged)|"
                           # "Rebel groups said the bomb had been planted the day before": they tell how it was done
                           r"said\s+(?:that\s+)?(?:its|their|the)\s+(?:\w+\s+)?(?:bomb|explosives?|device|bomber)\s+"
                           r"(?:had\s+)?(?:been\s+)?(?:planted|placed|detonated|set off|smuggled))\b",
                           re.IGNORECASE)
# "The Sudanese army blamed the Rapid Support Forces for the attack": the blamed, not the accuser
_BLAMED_BEFORE = re.compile(r"\b(?:blamed|blames|accused|accuses|held)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_FOR_THE_DEED = re.compile(r"[^.;]{0,40}?\b(?:for|of)\s+(?:carrying out\s+|launching\s+)?(?:the|this|that|an?)\s+"
                           r"(?:[\w-]+\s+)?(?:attack|bombing|blast|strike|assault|killing|massacre|explosion|shelling)",
                           re.IGNORECASE)
_AGENTIVE_BEFORE = re.compile(r"\b(?:fire|gunfire|bullets|shots|shells?|shelling|rockets?|attacks?|assaults?|strikes?|"
                              r"bombings?|raids?|killings?|massacres?|carried out|committed|perpetrated|claimed|"
                              r"killed|shot|targeted)\s+(?:by|from)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}$",
                              re.IGNORECASE)


def _perpetrator_named_after(st: SentenceState, ctx: Context) -> None:
    """ "In a separate incident, a cameraman was shot dead. [He] was killed when a film crew came under a hail of
    bullets from troops on the Syrian side.", "Dozens were killed in a suicide attack in Kabul. The assault was the
    latest in persistent attacks by an affiliate of Isis.": a sentence that reports nothing new but names, after
    "by" or "from", one armed actor gives the agentless attack or bombing of the previous sentence its agent."""
    hosts = [r for r in ctx.recent(st.idx, 1) if r.actor1 is None and r.event_type in _ONE_SIDED
             and not r.background]
    if len(hosts) != 1:
        return
    base = st.base
    named = {a.name: a for a in st.s.actors if a.inter in (1, 2, 3, 4, 8) and a.name != UNIDENTIFIED
             and (_AGENTIVE_BEFORE.search(st.text[max(0, a.start - base - 40):a.start - base])
                  or _CLAIMS_AFTER.match(st.text, a.end - base)
                  or (_BLAMED_BEFORE.search(st.text[max(0, a.start - base - 40):a.start - base])
                      and _FOR_THE_DEED.match(st.text, a.end - base)))}
    if len(named) != 1:
        return
    a = next(iter(named.values()))
    if _STOPPED_BY.search(st.text[:a.start - base]):
        return  # "The attacker was shot by armed Taliban guards": who stopped the attacker did not attack
    agent: str | None = a.name
    if agent in _GENERIC_NAMES:  # "troops": the forces of that kind the article has named
        agent = next((name for name, inter in reversed(ctx.recent_actors)
                      if name not in _GENERIC_NAMES and (inter in (1, 8)) == (a.inter in (1, 8))), None)
    if agent is not None and agent != hosts[0].actor2:
        ctx.amend(replace(hosts[0], actor1=agent))


_STOPPED_BY = re.compile(r"\b(?:attackers?|bombers?|assailants?|gunm[ae]n|suspects?)\b[^.;]{0,40}?\b(?:was|were|had been)\s+"
                         r"(?:\w+ly\s+)?(?:shot|killed|shot dead|stopped|arrested|detained|captured|intercepted|"
                         r"spotted|challenged|overpowered|subdued)\b[^.;]*$", re.IGNORECASE)


# the doer of the deed named after it ("an attack claimed by Islamic State", "a bombing blamed on al-Shabaab")
_CLAIMED_BY = re.compile(r"\b(?:(?:claimed|carried out|perpetrated|committed|staged|launched|conducted)\s+by|"
                         r"(?:blamed on|attributed to))\s+(?:the\s+)?$", re.IGNORECASE)


# a strike or an attack on the same place and days is the same violence; a battle's side is not its perpetrator
_ONE_SIDED = ("Explosions/Remote violence", "Violence against civilians")
_CROWD_SUBS = ("Excessive force against protesters", "Protest with intervention", "Peaceful protest",
               "Violent demonstration", "Mob violence")


_PEOPLE_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:people|civilians|residents|villagers|hostages|workers|"
                           r"journalists|students|women|children|men|passengers|nationals|tourists)\b", re.IGNORECASE)


_TAKING = re.compile(r"(?:re)?(?:captur|seiz|took|taken)", re.IGNORECASE)  # verbs that take people as well as ground


def _people_object(trig: Trigger, quantities: Sequence[QuantityMention], text: str) -> str | None:
    """What a capture verb took when it took people ("48 Iranians were seized"): their category."""
    for q in quantities:
        near = abs(q.end - trig.start) <= 25 or abs(q.start - trig.end) <= 25
        if near and q.status == "captured":
            return "fighters" if q.category == "fighters" else "civilians"
    if _PEOPLE_AFTER.match(text[trig.end:]):
        return "civilians"
    return None


_DIRECT = re.compile(r"(?:opened fire|attack|storm|raid|shot|shoot|fired|killed|ambush|gun attack)", re.IGNORECASE)
_MUTUAL = re.compile(r"(?:(?:heavy |fierce |violent |intense |street )?(?:clash|fight|fought|battl|skirmish|gun ?battle|"
                     r"firefight|exchange|gunfight|shoot-?out)|(?:fighting|battle|clashes)|"
                     # an attack repelled was met by armed defenders ("troops repelled 25 Russian attacks")
                     r"(?:repelled|repulsed|repelling|repulsing|fought off|beat back|beaten back))", re.IGNORECASE)
_CIVILIAN_OBJECT = re.compile(
    r"^\s+(?:on\s+|at\s+|into\s+)?(?:the\s+|an?\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?(?:villages?|communit(?:y|ies)|"
    r"homes?|houses?|famil(?:y|ies)|passengers|buses|bus|bus stations?|markets?|schools?|universit(?:y|ies)|"
    r"students|worshippers|mosques?|churches|church|farmers|villagers|residents|civilians|wedding|funeral|"
    r"hospitals?|clinics?|shops?|restaurants?|hotels?|motorists|travell?ers|commuters|pupils|teachers|"
    r"aid workers|journalists|camps?|settlements?|hamlets?|people|buildings?|offices?|banks?|stock exchange|"
    r"vehicles?|cars?|minibus(?:es)?|trucks?|planes?|airliners?|shops?|bazaars?|temples?|shrines?|"
    r"supermarkets?|malls?|concert|festival|crowds?|churchgoers|guests|tourists|fishermen|herders)\b", re.IGNORECASE)
_MILITARY_OBJECT = re.compile(r"\b(?:military|army|police|security|troops?|convoys?|patrols?|checkpoints?|soldiers|"
                              r"government|base|barracks)\b", re.IGNORECASE)


# the object of an attack that armed people hold: a post, a base, a patrol (not a civilian object)
_ARMED_OBJECT = re.compile(r"\s+(?:on\s+)?(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?(?:checkpoints?|"
                           r"military (?:bases?|posts?|positions?|camps?)|army (?:bases?|posts?|positions?|camps?)|"
                           r"bases?|barracks|outposts?|(?:army|military|police|security) posts?|police stations?|"
                           r"convoys?|patrols?|positions?)\b", re.IGNORECASE)


_LETHAL_FORCE = re.compile(r"\b(?:attack\w*|shot|shoot\w*|kill\w*|opened fire|storm\w*)\b", re.IGNORECASE)
_NON_LETHAL = re.compile(r"\b(?:tear ?gas|water cannons?|rubber bullets|batons?|pepper spray|stun grenades?)\b",
                         re.IGNORECASE)
_PERSON_LEMMAS = frozenset({"man", "woman", "boy", "girl", "child", "teenager", "youth", "student", "activist",
                            "journalist", "reporter", "photographer", "protester", "demonstrator", "resident", "farmer",
                            "doctor", "nurse", "worker", "civilian", "person", "driver", "shepherd", "villager",
                            "pupil", "teacher", "cleric", "imam", "priest", "lawyer", "blogger", "passer-by"})


def _person_shot(st: SentenceState, trig: Trigger, view: TriggerView | None) -> bool:
    """The predicate's patient is one person the actors stage names no side for: a person noun ("a teenager
    was shot by soldiers") or, for a shooting or killing, a name that is no place ("Baseel al-Masri was shot by
    government security forces"). Shooting such a person is one-sided violence (ACLED "Attack"), not a battle;
    a soldier or a fighter shot is an actor of the sentence and stays one."""
    if view is None or view.patient_span is None or st.doc is None or view.patient is not None:
        return False
    a, b = view.patient_span
    toks = [t for t in st.doc if a <= t.idx < b]
    root = next((t for t in toks if not (a <= t.head.idx < b) or t.head is t), None)
    if root is None or root.tag_ in ("NNS", "NNPS"):
        return False
    if root.tag_ == "NNP":
        return bool(_SHOT_OR_KILLED.search(trig.surface)) and not any(
            p.start < st.base + b and st.base + a < p.end for p in st.usable)
    return root.lemma_.lower() in _PERSON_LEMMAS


_SHOT_OR_KILLED = re.compile(r"\b(?:shot|shoot\w*|kill\w*|murder\w*|assassinat\w*)\b", re.IGNORECASE)


def _attack_on_civilians(trig: Trigger, text: str, quantities: Sequence[QuantityMention], lone_agent: bool) -> bool:
    """An armed agent's one-sided violence: a civilian object after the verb, or civilian-only casualties
    (people of unknown kind count when no armed opponent is named)."""
    obj = _CIVILIAN_OBJECT.match(text[trig.end:])
    if obj and not _MILITARY_OBJECT.search(obj.group(0)):
        return True
    if _ARMED_OBJECT.match(text[trig.end:]):
        return False  # "attacked a checkpoint, killing five people": the people at an armed post are its guards
    hurt = [q for q in quantities if q.status in ("killed", "injured") and not q.cumulative]
    victims = ("civilians", "children", "women", "unknown") if lone_agent else ("civilians", "children", "women")
    return bool(hurt) and all(q.category in victims for q in hurt)


def _crowd_roles(s: SentenceMentions, sub: str, agent: str | None, target: str | None
                 ) -> tuple[str | None, str | None]:
    """Protest and riot events: the crowd is actor1 (ACLED), the force that met it actor2."""
    crowd = next((a.name for a in s.actors if a.inter in (5, 6)), None)
    if sub == "Peaceful protest":
        return crowd or "Protesters", None  # no force met it (else it would be a protest with intervention)
    if crowd is None and sub in ("Protest with intervention", "Excessive force against protesters") and \
            agent is not None and not agent.startswith("Protesters"):
        return "Protesters", agent  # "police fired tear gas at crowds": the crowd (named by no actor) met the police
    if crowd is None:
        return agent, target
    force = next((a.name for a in s.actors if a.inter in (1, 2, 3, 4, 8) and a.name != crowd), None)
    return crowd, force


_STATE_WORDS = re.compile(r"\b(?:army|military|troops|soldiers|government|police|security forces|armed forces|"
                          r"gendarmes|marines)\b", re.IGNORECASE)
_STATE_SUBJECT = re.compile(r"^\s*(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:army|military|troops|soldiers|government forces|"
                            r"security forces|armed forces|military forces|police|gendarmes|marines)\b", re.IGNORECASE)


_COMBAT_NOUN = re.compile(r"\b(?:fighting|clashes|gun ?battles?|firefights?|battle|exchanges? of fire)\b",
                          re.IGNORECASE)
_MOURNING = re.compile(r"\b(?:mourn\w*|funerals?|buried|burials?|vigils?|in memory of|commemorat\w*)\b", re.IGNORECASE)
_PROTEST_RANK = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}
_DEFINITE_REF = re.compile(r"\b(?:the|that|this)\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)
_NOMINAL = re.compile(r"(?:(?:heavy|fierce|violent|intense)\s+)?(?:attacks?|strikes?|air ?strikes?|airstrikes?|raids?|"
                      r"blasts?|explosions?|bombings?|ambush|assault|clashes|fighting|gun ?battles?|firefights?|"
                      r"gunfights?|shoot-?outs?|exchanges? of (?:gun)?fire|shelling|bombardment|offensive)$",
                      re.IGNORECASE)
_ANAPHOR_EVENT = re.compile(r"^\s*(?:The|That|This)\s+(?:[\w'’-]+\s+)?(?:attacks?|strikes?|air ?strikes?|airstrikes?|"
                            r"raids?|blasts?|explosions?|bombings?|ambush|assault|clashes|fighting|gun ?battles?|"
                            r"firefights?|gunfights?|shoot-?outs?|exchanges? of (?:gun)?fire|shelling|bombs?)\b")


_EVENT_REF = re.compile(r"\b(?:the|that|this)\s+(?:[\w'’-]+\s+)?(?:attacks?|strikes?|air ?strikes?|airstrikes?|"
                        r"raids?|blasts?|explosions?|bombings?|bombers?|ambush|assault|clashes|fighting|gun ?battles?|"
                        r"firefights?|shelling|violence|massacre|killings?|(?:re)?capture|fall|seizure|takeover|"
                        r"liberation)\b", re.IGNORECASE)
_EVENT_LOCATIVE = re.compile(r"(?:\s+(?:(?!came\b|comes\b|as\b|after\b|amid\b|while\b|when\b|followed\b|before\b|"
                             r"since\b|days?\b|weeks?\b|talks\b|said\b|was\b|were\b)[\w'’-]+\s+){0,8}?)?"
                             r"(?:in|at|near|on|of|outside)\s+(?:the\s+)?"
                             r"(?:[\w'’-]+\s+){0,2}?", re.IGNORECASE)


def _moved(r: Report, p: PlaceMention, geo_fn: Callable[[PlaceMention], int]) -> Report:
    """The report placed at ``p`` (a new record)."""
    return replace(r, place_id=p.place_id, place_name=place_label(p), lat=p.lat, lon=p.lon, admin1=p.admin1,
                   country=p.country, geo_precision=geo_fn(p), place_inferred=False, place_surface=p.surface)


_REVISION = re.compile(r"\b(?:toll|death count|number of (?:dead|deaths|people killed|victims)|tally)\b|"
                       r"\b(?:rose|risen|climbed|increased|revised|raised)\s+to\b", re.IGNORECASE)


def _people_hurt(quantities: Sequence[QuantityMention]) -> bool:
    """Some count of killed or injured people who are not said to be fighters."""
    return any(q.status in ("killed", "injured") and q.category != "fighters" for q in quantities)


def _with_follow_up(host: Report, extra: list[QuantityMention], text: str) -> Report:
    """The host with counts from a later sentence (a new record); a revised toll replaces the earlier killed
    count instead of adding to it. ``extra`` are fresh copies, completed here."""
    fatalities = list(host.fatalities)
    hurt = _people_hurt(extra)
    killed = [q for q in extra if q.status == "killed"]
    earlier_killed = [q for q in fatalities if q.status == "killed" and not q.cumulative]
    if killed and earlier_killed and not _REVISION.search(text) and _same_dead(earlier_killed, killed, text):
        # "around 50 people were killed ... Airwars said between nine and 50 civilians died in that attack": two
        # estimates of one toll are not added up; the more exact one stands (the earlier on a tie)
        if _exactness(killed) > _exactness(earlier_killed) or _whole_of(killed, earlier_killed):
            fatalities = [q for q in fatalities if q not in earlier_killed]
        else:
            extra = [q for q in extra if q.status != "killed"]
    elif killed and _REVISION.search(text):
        earlier = [q for q in fatalities if q.status == "killed" and not q.cumulative]
        if earlier:
            total = sum(q.value or 0 for q in earlier)
            fatalities = [q for q in fatalities if q not in earlier]
            known = next((q for q in earlier if q.category != "unknown"), None)
            toll = max(killed, key=lambda q: q.value or 0)
            if len(killed) > 1 and (toll.value or 0) > total:
                # "Six more died overnight, bringing the toll to 30": the new toll includes the six
                extra = [q for q in extra if q.status != "killed" or q is toll]
                killed = [toll]
            for q in killed:
                q.earlier_value = q.earlier_value or total
                if q.category == "unknown" and known is not None:
                    q.category = known.category  # "the death toll rose to 22": still the same victims
                    q.breakdown = {**known.breakdown, **q.breakdown}
    target = host.actor2
    if target is None and host.sub_event_type in (*REMOTE_SUBS, *_BOMBS) and hurt:
        target = "Civilians"  # the strike's or bomb's toll, given in the next sentence, is of people: its victims
    return replace(host, fatalities=[*fatalities, *extra], actor2=target)


# a later count that adds to the earlier one rather than restating it
_ADDITIVE = re.compile(r"\b(?:also|another|more(?! than)|other|others|further|additional|as well|too|separately|"
                       r"elsewhere|later died|died later|died of (?:their|his|her) (?:wounds|injuries))\b", re.IGNORECASE)
_FIGHTER_SIDE = {"fighters"}
_CIVILIAN_SIDE = {"civilians", "children", "women"}


# "100 deaths - among them 30 civilians who died during the bombardment": the part whose own clause names the event
_PART_CLAUSE = re.compile(r"[^.;]{0,40}?[-–—,:]?\s*(?:including|among them|of whom|of them)\s+(?P<part>(?:at least\s+|some\s+|"
                          r"about\s+)?[\w,-]+\s+[\w-]+)\s+(?:who\s+(?:had\s+|have\s+)?(?:died|were killed|perished)|killed|who died)"
                          r"\s+(?:during|in|by|when)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _part_of(q: QuantityMention, trig: Trigger, text: str) -> QuantityMention:
    """A toll with a one-part breakdown whose part dies in this trigger's event is the part's toll: the whole is
    a wider count ("more than 100 deaths" across the country that day)."""
    m = _PART_CLAUSE.fullmatch(text[q.end:trig.start]) if trig.start >= q.end else None
    if q.status != "killed" or len(q.breakdown) != 1 or m is None:
        return q
    (cat, value), = q.breakdown.items()
    if cat not in get_args(VictimCategory):
        return q
    start, end = q.end + m.start("part"), q.end + m.end("part")
    return replace(q, start=start, end=end, surface=text[start:end], value=value, min=None, max=None,
                   qualifier="at least" if m.group("part").lower().startswith("at least") else None,
                   category=cast(VictimCategory, cat), breakdown={}, earlier_value=None)


# the words that put a revised toll right before its number: "bringing the death toll to", "raising the toll to"
_TOLL_TO = re.compile(r"\b(?:bringing|taking|raising|pushing|putting)\s+(?:the\s+)?(?:overall\s+|total\s+)?(?:death\s+)?"
                      r"(?:toll|number of (?:dead|deaths|victims)|tally)\s+(?:\w+\s+){0,3}?to\s+(?:at least\s+|more than\s+|"
                      r"about\s+|nearly\s+|over\s+)?$", re.IGNORECASE)


def _revised(qs: list[QuantityMention], text: str) -> list[QuantityMention]:
    """ "killing 24 civilians, bringing the toll to 30": a larger toll the sentence gives as the event's revised
    total replaces the smaller counts before it (they are part of it), which it keeps as its earlier value."""
    for i, q in enumerate(qs):
        if q.status != "killed" or q.cumulative or not _TOLL_TO.search(text[max(0, q.start - 60):q.start]):
            continue
        before = [p for p in qs[:i] if p.status == "killed" and not p.cumulative]
        total = sum(p.value or 0 for p in before)
        if before and (q.value or 0) > total:
            q.earlier_value = q.earlier_value or total
            if q.category == "unknown":
                q.category = before[0].category
            return [p for p in qs if p not in before]
    return qs


# "at least 40 people were killed, with one group putting the death toll at over 70": another estimate of that toll
_ESTIMATE_LEFT = re.compile(r"\b(?:put|puts|putting|placed|places|placing)\s+(?:the\s+|that\s+)?(?:overall\s+)?(?:death\s+)?"
                            r"(?:toll|figure|number)\s+(?:even\s+)?(?:higher\s+)?(?:at|to)\s+(?:at least\s+|more than\s+|"
                            r"over\s+|about\s+|around\s+|nearly\s+|as many as\s+|up to\s+)?$", re.IGNORECASE)


def _estimates(qs: list[QuantityMention], text: str) -> list[QuantityMention]:
    """A later toll the sentence gives as another source's estimate of the same dead ("putting the death toll at
    over 70") widens the earlier count into a range (40 to 70) instead of adding to it."""
    out: list[QuantityMention] = []
    for q in qs:
        before = [p for p in out if p.status == "killed" and not p.cumulative]
        if q.status == "killed" and not q.cumulative and len(before) == 1 and q.value and before[0].value and \
                _ESTIMATE_LEFT.search(text[max(0, q.start - 60):q.start]):
            p = before[0]
            lo, hi = min(p.min or p.value or 0, q.value), max(p.max or p.value or 0, q.value)
            out[out.index(p)] = replace(p, value=lo, min=lo, max=hi)
            continue
        out.append(q)
    return out


def _joined(have: list[QuantityMention], more: list[QuantityMention], text: str) -> list[QuantityMention]:
    """Counts of one event stated twice ("massacre leaves 90 dead ... at least 90 people have been killed"):
    a count with the value, status and category (or an unknown one) of a count it has already is not added."""
    def stated(q: QuantityMention, before: list[QuantityMention]) -> bool:
        return any(h.status == q.status and h.value == q.value and (
            h.category == q.category or "unknown" in (h.category, q.category)) and not (
            h.end <= q.start and NEXT_VICTIM.fullmatch(text, h.end, q.start)) for h in before)
        # ("a local councillor and his bodyguard": two people, one after the other, not one restated)
    out = list(have)
    for q in more:
        near = text[max(0, q.start - 12):q.end + 25]  # "another 90", "90 more were also killed": a new group
        if not (q.status in ("killed", "injured") and q.value and stated(q, out) and not _ADDITIVE.search(near)):
            out.append(q)
    return out


# "41 people were killed and 90 others were injured": the others are the hurt beside this sentence's dead, not
# dead beyond an earlier toll
_HURT_OTHERS = re.compile(r"\b(?:and|while|with)\s+(?:[\w,-]+\s+)?others?\s+(?:(?:were|had been|have been|being)\s+)?"
                          r"(?:\w+ly\s+)?(?:wounded|injured|hurt)\b", re.IGNORECASE)


def _same_dead(earlier: Sequence[QuantityMention], later: Sequence[QuantityMention], text: str) -> bool:
    """A later sentence's death count restates the earlier one (another source's estimate, a precise figure for
    "dozens"): no additive cue, and not the other side's dead (civilians then fighters)."""
    if _ADDITIVE.search(_HURT_OTHERS.sub("", text)):
        return False
    cats_a = {q.category for q in earlier} - {"unknown", "mixed"}
    cats_b = {q.category for q in later} - {"unknown", "mixed"}
    if {_armed_side(q.surface) for q in earlier} == {"state"} and {_armed_side(q.surface) for q in later} == {"armed"} \
            or {_armed_side(q.surface) for q in earlier} == {"armed"} and {_armed_side(q.surface) for q in later} == {"state"}:
        return False  # "killed 17 soldiers ... troops killed more than 100 'terrorists'": the two sides' dead
    return not ((cats_a & _FIGHTER_SIDE and cats_b & _CIVILIAN_SIDE) or (cats_a & _CIVILIAN_SIDE and cats_b & _FIGHTER_SIDE))


_STATE_DEAD_NOUN = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|police(?:men|women)?|police officers|officers|"
                              r"security forces|security personnel|guards?)\b", re.IGNORECASE)
_ARMED_DEAD_NOUN = re.compile(r"\b(?:terrorists?|militants?|jihadists?|insurgents?|rebels?|gunm[ae]n|attackers?|"
                              r"assailants?|fighters?|militiam[ae]n|bandits?)\b", re.IGNORECASE)


def _armed_side(surface: str) -> str:
    """Whose dead a count names by its noun: the state's ("17 soldiers"), an armed group's ("100 'terrorists'")."""
    if _STATE_DEAD_NOUN.search(surface):
        return "state"
    return "armed" if _ARMED_DEAD_NOUN.search(surface) else ""


_GENERIC_DEAD = re.compile(r"^(?:\S+\s+){0,4}?(?:people|persons|dead|deaths|victims|bodies|killed|died)\b|^[\w,.-]+$",
                           re.IGNORECASE)


def _whole_of(later: Sequence[QuantityMention], earlier: Sequence[QuantityMention]) -> bool:
    """ "killed four Americans ... As many as 16 people were killed in the attack": a larger toll of people at
    large after a toll of one named group is the whole toll, which includes that group (it replaces it)."""
    total = sum(q.value or 0 for q in earlier)
    return (sum(q.value or 0 for q in later) > total > 0 and all(_GENERIC_DEAD.match(q.surface) for q in later)
            and not any(_GENERIC_DEAD.match(q.surface) for q in earlier))


def _exactness(qs: Sequence[QuantityMention]) -> int:
    """2 for exact figures ("41 people", "at least 41"), 1 for approximate ones ("about 50", "dozens"), 0 for a
    range ("between nine and 50")."""
    def one(q: QuantityMention) -> int:
        if q.min is not None and q.max is not None and q.min != q.max:
            return 0
        if q.qualifier in ("about", "up to") or re.search(r"dozen|scores|hundreds|thousands|several|few",
                                                                       q.surface, re.IGNORECASE):
            return 1
        return 2
    return min(one(q) for q in qs)


def _people_hurt_civ(quantities: Sequence[QuantityMention]) -> bool:
    """Civilians, children or women among the sentence's killed or injured."""
    return any(q.category in ("civilians", "children", "women") and q.status in ("killed", "injured")
               for q in quantities)


def _civilian_target_after(st: SentenceState, start: int) -> bool:
    """A civilian target named after the trigger, not the sentence's source ("killing four soldiers, residents
    told Reuters": the residents tell, they were not hit)."""
    told = [(m.start - st.base, m.end - st.base) for m in st.s.sources]
    return any(not any(a <= m.start() < b for a, b in told)
               for m in _CIVILIAN_TARGET.finditer(st.text, start))


# "soldiers firing on residents": people and places shot at in the event's sentence make civilians its target
_CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|residents|homes|houses|residential|schools?|mosques?|churches|hospitals?|clinics?|markets?|"
    r"bakery|bakeries|refugee camps?|camps? for (?:displaced|refugees)|displaced people|market ?place|shelters?|"
    r"(?:medical|health) (?:facilities|facility|cent(?:re|er)s?)|ambulances?|"
    r"(?:apartment|residential|tower) (?:blocks?|buildings?)|blocks? of flats|high-rises?|minibus(?:es)?|"
    r"passenger (?:buses|bus|trains?))\b",
    re.IGNORECASE)


# the looted or destroyed things named right after the verb are civilians' property
_CIVILIAN_PROPERTY = re.compile(r"[^.;,]{0,30}?\b(?:homes?|houses?|crops|fields|farms?|farmland|orchards?|olive groves|"
                                r"livestock|shops?|stores?|markets?|businesses|property|properties|possessions|"
                                r"belongings|villages?|mosques?|churches)\b", re.IGNORECASE)
# words that name people hurt or harmed by an attack (its victims), whatever their side
_VICTIM_WORD = re.compile(r"\b(?:people|persons?|civilians?|residents|villagers|inhabitants|passengers|worshippers|"
                          r"protesters|demonstrators|mourners|crowds?|famil(?:y|ies)|children|boys?|girls?|wom[ae]n|m[ae]n|"
                          r"victims?|bodies|dead|died|killed|killing|massacre\w*|executed|wounded|injur\w+|hurt|"
                          r"casualties|homes?|houses?|villages?)\b", re.IGNORECASE)


def _victims_named(st: SentenceState) -> bool:
    """The sentence names the attack's victims or harm: a count of people, or a word for people or homes."""
    return any(q.status in ("killed", "injured", "captured", "displaced") for q in st.quantities) or bool(
        _VICTIM_WORD.search(st.text))


_FIRED_ON_PEOPLE = re.compile(r"\b(?:fir(?:e|es|ing|ed)|opened fire|opening fire|shooting|shot)\s+(?:on|at|into)\s+"
                              r"(?:the\s+)?(?:unarmed\s+)?(?:civilians|residents|villagers|crowds?|demonstrators|"
                              r"protesters|mourners|worshippers|families)\b", re.IGNORECASE)


_ARMED_NOUN = re.compile(rf"\b(?:{ARMED_NOUN_RX}|they|their)\b", re.IGNORECASE)
_ARMED_NAMED = re.compile(rf"\b{ARMED_NOUN_RX}\b", re.IGNORECASE)
_WEAK_CLASH = re.compile(r"^(?:battl|fought|attack|assault|storm|advanc|push|moved|pressing)|"
                         r"(?:^|\s)clash$", re.IGNORECASE)  # one "clash" with no armed man: "a clash with the keeper"
_TERRITORY_NOUN = re.compile(r"\b(?:villages?|towns?|city|cities|neighbou?rhoods?|districts?|areas?|territory|"
                             r"ground|positions?|bases?|airport|dam|hills?|bridge|checkpoints?|region|province|"
                             r"control|parts|suburbs?|quarters?|outposts?|strongholds?|hilltops?|posts?|crossings?|border|islands?|"
                             r"(?:oil |gas )?fields|oilfields|mountains?|heights|ridges?|highway|road|enclaves?|pockets?)\b", re.IGNORECASE)


# campaign language and event nouns that also have everyday senses: an event only among armed people
_CAMPAIGN = re.compile(r"^(?:takeover|seizure|liberation|fall|surrender|capitulation|evacuation|reconciliation|"
                       r"transfer|relocation|repatriation)\b|"
                       r"^(?:battle|fight) for$|\b(?:fallen|victory|won|swept|sweeping|sweeps|entered|entering|enters|allowed)\b",
                       re.IGNORECASE)
_FALLEN = re.compile(r"\bfallen$")
_LOST = re.compile(r"lost\b")
_FORCE = re.compile(r"\b(?:forces|troops|soldiers|fighters|militias?|militiam[ae]n|army|units|rebels|convoys?|columns?|"
                    r"tanks|battalions?|brigades?|divisions?|reinforcements)\b", re.IGNORECASE)
_BATTLE_WON = re.compile(r"(?:battle|fight) for$", re.IGNORECASE)
_WON_BY = re.compile(r"\b(?:was|has been|had been) won by\b")
_NEEDS_MOVER = re.compile(r"(?:swept|sweeping|sweeps|entered|entering|enters|(?:were|was|been) allowed)\b")
_NEEDS_PARSE = re.compile(r"\bfallen$|^(?:swept|sweeping|sweeps|entered|entering|enters|(?:were|was|been) allowed)\b")
_FIGURATIVE_DOER = re.compile(r"\b(?:Wall Street|the City|Nasdaq|Dow|FTSE|film|movie|show|series|album|single|play|"
                              r"musical|sequel|launch|IPO|campaign ad)\b")
_PRONOUN_OBJECT = re.compile(r"^(?:it|them|this|that|these|those|which|all|most|much|parts? of it)$", re.IGNORECASE)
_NOT_A_CROWD = re.compile(r"\b(?:markets?|shares|stocks?|prices?|index|indices|indexes|currenc(?:y|ies)|dollar|pound|"
                          r"euro|yen|sterling|bonds?|futures|oil|gold|economy|sales|profits?|earnings)\b", re.IGNORECASE)


def _plausible_by_parse(trig: Trigger, tv: TriggerView | None, places: Sequence[PlaceMention] = (),
                        base: int = 0) -> bool:
    """The parse's objections: ground taken must be ground ("captures 10,000 barrels a day" is not), a crowd
    must be people ("markets rallied" is not)."""
    if tv is None:
        return not _NEEDS_PARSE.search(trig.surface)
    subject_place = tv.agent_span is not None and any(
        tv.agent_span[0] <= p.start - base and p.end - base <= tv.agent_span[1] for p in places)
    if _FALLEN.search(trig.surface) and not (_TERRITORY_NOUN.search(tv.agent_text) or subject_place):
        return False  # ground has fallen ("parts of the enclave have fallen"), not prices or a government
    mover = tv.object_text if tv.passive else tv.agent_text
    if _NEEDS_MOVER.match(trig.surface) and not (_FORCE.search(mover) or any(
            m is not None and m.inter in (1, 2, 3, 8) and m.name != UNIDENTIFIED
            for m in ((tv.patient,) if tv.passive else (tv.agent,)))):
        return False  # a force (a named group, troops) sweeps through or enters an area; not a storm, a company or
        # a lone gunman entering a church (the killing there is his attack)
    if trig.sub_event_type == TERRITORY and tv.object_text and not _CAMPAIGN.search(trig.surface) \
            and not tv.object_has_place and tv.patient is None \
            and not _TERRITORY_NOUN.search(tv.object_text) and not _PRONOUN_OBJECT.match(tv.object_text.strip()):
        return False
    if SUB_TO_TYPE.get(trig.sub_event_type) in LETHAL_TYPES and _HAZARD.match(tv.object_text.strip()):
        return False  # "firefighters battled the flames", "air tankers bombarded the flames": no foe
    if SUB_TO_TYPE.get(trig.sub_event_type) in LETHAL_TYPES and _ABSTRACT_TARGET.search(tv.object_text):
        return False  # "an attack on the prime minister's leadership", "attacked the city's computer systems"
    if _STORMED.match(trig.surface) and _NOT_STORMABLE.search(tv.object_text):
        return False  # "stormed the charts", "stormed social media", "stormed the box office": nothing entered
    if SUB_TO_TYPE.get(trig.sub_event_type) in LETHAL_TYPES and not tv.passive and tv.agent_text \
            and (_NOT_A_CROWD.search(tv.agent_text) or _FIGURATIVE_DOER.search(tv.agent_text)):
        return False  # "Wall Street bombed on Tuesday", "the film bombed at the box office": a flop, no bomb
    return not (trig.sub_event_type in _PROTEST_RANK and tv.agent_text and _NOT_A_CROWD.search(tv.agent_text))


# a natural hazard or an illness fought, bombarded or attacked: firefighting, medicine, relief
_HAZARD = re.compile(r"(?:(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?fires?|"  # "the fire", never "opened fire"
                     r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?(?:flames|blazes?|wildfires?|bushfires?|"
                     r"forest fires?|floods?|floodwaters?|virus|viruses|disease|diseases|epidemics?|pandemic|"
                     r"outbreaks?|cancer|illness|infections?|drought|locusts|snowstorms?|storms?))$", re.IGNORECASE)
_STORMED = re.compile(r"(?:\w+\s+)?storm(?:ed|ing|s)?$", re.IGNORECASE)
# what is attacked only in words or over a network: a leadership, a policy, a reputation, computer systems
_ABSTRACT_NOUNS = (
    r"(?:leadership|policy|policies|plans?|proposals?|bill|budget|reforms?|decisions?|record|reputation|credibility|"
    r"character|integrity|ideas?|views|comments|remarks|statements?|handling|independence|freedom|rights|democracy|"
    r"press|media|judiciary|computer systems?|computers|networks?|servers?|websites?|databases?|accounts?|"
    r"email|e-mail|software|systems?|data)")
_ABSTRACT_TARGET = re.compile(r"\b" + _ABSTRACT_NOUNS + r"$", re.IGNORECASE)
# what is stormed only in a figure of speech: media, rankings, an audience (no building, camp or town is entered)
_NOT_STORMABLE = re.compile(r"\b(?:media|internet|online|web|charts?|box office|headlines|airwaves|polls|"
                            r"rankings|leaderboard|imagination|hearts?|screens?|scene|top|stage|pitch|field|"
                            r"court|dance ?floor|catwalk)\b", re.IGNORECASE)


_SURRENDER = re.compile(r"surrender", re.IGNORECASE)
# ground by its kind (a territory noun other than "control": "seized control of the market narrative" is not)
_GROUND = re.compile(_TERRITORY_NOUN.pattern.replace("control|", ""), re.IGNORECASE)


def _plausible(trig: Trigger, text: str, places: list[PlaceMention], armed: tuple[bool, bool], hurt: bool) -> bool:
    """Context checks for triggers whose words also have everyday senses. ``armed``: whether the sentence names
    armed people (a pronoun counts: "they attacked") and whether it names them outright."""
    armed_here, armed_named = armed
    if _CAMPAIGN.search(trig.surface) and not armed_here:
        return False  # "the takeover of the bank", "the fall of the dollar", "the battle for the presidency was won"
    if trig.priority >= 8 and not hurt:
        return False  # "last week's explosion": a bare blast is a new event only with casualties
    if trig.sub_event_type == "Armed clash" and _WEAK_CLASH.match(trig.surface) and not armed_here:
        return False  # "battling H5N1", "used to attacking"
    if not armed_named and trig.sub_event_type == "Agreement" and not _WAR_TERMS.search(trig.surface):
        return False  # "they reached an agreement to acquire the bank": a deal, but no warring side to make it
    if not armed_here and (trig.sub_event_type == "Agreement" and _SURRENDER.match(trig.surface)
                           or trig.sub_event_type == TERRITORY and not places and not _GROUND.search(
                               text[max(0, trig.start - 40):trig.end + 60])):
        return False  # "his players surrendered the midfield battle", "the cartel seized control of the market
        # narrative": no force lays down its arms or takes ground where no armed people and no place are named
    if trig.sub_event_type == TERRITORY and not places and not _TERRITORY_NOUN.search(
            text[max(0, trig.start - 40):trig.end + 60]):
        return False  # "data being captured", "taken a sample"
    if trig.sub_event_type == "Armed clash" and not armed_here and re.match(r"fight|fought", trig.surface, re.I) \
            and not _for_ground(trig, text, places):
        return False  # "fighting for his job", "fought for a place in the final": striving, not a battle (the
        # fighting for a town, or with armed people named, stays one)
    if trig.sub_event_type == "Change to group/activity" and _RELIEF.match(text[trig.end:]):
        return False  # troops "deployed to help with evacuations" after a fire or a flood: relief, not war
    if trig.sub_event_type == TERRITORY and not armed_here and not _controls_ground(trig, text, places):
        return False  # "the fund seized control of the board", "hackers seized control of servers in Dublin"
    if SUB_TO_TYPE.get(trig.sub_event_type) in LETHAL_TYPES and _ABSTRACT_AFTER.match(text[trig.end:]):
        return False  # "launched an attack on the prime minister's leadership": words, not violence
    return True


_ABSTRACT_AFTER = re.compile(r"\s+(?:on|against|upon)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?"
                             r"(?:[\w'’-]+\s+){0,3}?" + _ABSTRACT_NOUNS +
                             r"\b(?!\s+(?:centres?|centers?|hubs?|facilit(?:y|ies)|stations?|buildings?|offices?))",
                             re.IGNORECASE)


_CONTROL_OF = re.compile(r"\s*(?:(?:full|total|effective|overall)\s+)?control\s+(?:of|over)\s+", re.IGNORECASE)
_NP_END = re.compile(r"\s+(?:of|at|in|on|near|from|to|after|before|and|as|with|by|for)\b|[,;:.()]")


_RELIEF = re.compile(r"[^.;]{0,40}?\bto (?:help (?:with )?(?:the )?|assist (?:with |in )?(?:the )?|carry out |"
                    r"support )?(?:evacuat|rescue|relief|recovery|clean-?up|fight (?:the )?(?:fire|blaze|flames)|"
                    r"distribut\w+ (?:aid|food)|flood|disaster)", re.IGNORECASE)


def _for_ground(trig: Trigger, text: str, places: Sequence[PlaceMention]) -> bool:
    """A fight "for" something is over ground only when that thing is a place or ground ("the fight for
    Aleppo", "fighting for control of the town"); True when the trigger is not followed by "for"."""
    m = re.match(r"\s+for\s+(?:control\s+(?:of|over)\s+)?", text[trig.end:])
    return m is None or _names_ground(text, trig.end + m.end(), places)


def _controls_ground(trig: Trigger, text: str, places: Sequence[PlaceMention]) -> bool:
    """Control taken of ground: the first noun phrase after "control of" is a place or names ground by its kind.
    ("seized control of the board of the group", "of servers at its Dublin data centre" take no ground; a place
    named later in the phrase only says where the thing is.) True when the trigger is not about control."""
    m = _CONTROL_OF.match(text, trig.end)
    if m is not None:
        return _names_ground(text, m.end(), places)
    m = re.match(r"\s*(?:of|over)\s+", text[trig.end:]) if trig.surface.lower().endswith("control") else None
    return m is None or _names_ground(text, trig.end + m.end(), places)


def _names_ground(text: str, start: int, places: Sequence[PlaceMention]) -> bool:
    """The noun phrase starting at ``start`` (up to its first preposition or punctuation) is a place or ground."""
    end = _NP_END.search(text, start)
    phrase = text[start:end.start() if end else len(text)]
    return bool(_GROUND.search(phrase)) or any(p.surface and p.surface in phrase for p in places)


# what only an agreement between warring sides settles (a deal or an accord alone may be a merger)
_WAR_TERMS = re.compile(r"\b(?:ceasefire|cease-fire|truce|pause|hostilities|prisoners|detainees|captives|bodies|"
                        r"surrendered|peace)\b", re.IGNORECASE)
_PRESENT_PERFECT = re.compile(r"\b(?:have|has)\s+(?:now\s+|reportedly\s+)?been\s+(?:killed|wounded|injured)\b",
                              re.IGNORECASE)
_EVENT_ANCHOR = re.compile(r"\b(?:in|during|by)\s+(?:the|that|this)\s+(?:\w+\s+)?(?:attack|strikes?|raids?|clashes|"
                           r"fighting|blast|explosion|assault|bombing|shelling|offensive|ambush)\b", re.IGNORECASE)
_TALLY_CUE = re.compile(r"\b(?:since|so far|to date|in total|overall|altogether)\b", re.IGNORECASE)


def _running_tally(text: str) -> bool:
    """The sentence's counts are a running tally ("since the uprising began", "have been killed" with no event
    of its own), not one event's toll."""
    return bool(_TALLY_CUE.search(text) or (_PRESENT_PERFECT.search(text) and not _EVENT_ANCHOR.search(text)))


def _overlaps(begin: dt.date, end: dt.date, r: Report) -> bool:
    lo, hi = r.date_begin or dt.date.min, r.date_end or dt.date.max
    return begin <= hi and lo <= end


# protests met with no lethal force (ACLED): the bodies counted next are another event's dead
_NO_DEAD_PROTESTS = ("Peaceful protest", "Protest with intervention")


def _follow_up_host(ctx: Context, idx: int, s: SentenceMentions) -> Report | None:
    """The earlier report a count-only sentence continues: recent, sharing most actors with it, and one that can
    have dead (a strike, not the withdrawal the same sentence announced)."""
    names = {a.name for a in s.actors}
    best: tuple[int, int, int] | None = None
    host = None
    for at, reports in ctx.recent_reports:
        if idx - at > 3:
            continue
        for r in reports:
            key = (int(r.event_type != "Strategic developments" and r.sub_event_type not in _NO_DEAD_PROTESTS),
                   len(names & {r.actor1, r.actor2}), at)
            if best is None or key > best:
                best, host = key, r
    return host


def _region(triggers: Sequence[Trigger], k: int, text: str) -> tuple[int, int]:
    """Span of the sentence that belongs to trigger k: up to the neighbouring triggers and the "X said" tail."""
    trig = triggers[k]
    region = (triggers[k - 1].end if k else 0, triggers[k + 1].start if k + 1 < len(triggers) else len(text))
    tail = _SAID_TAIL.search(text, trig.end, region[1])
    region = (region[0], tail.start()) if tail else region
    contrast = _CONTRAST_CLAUSE.search(text, trig.end, region[1])
    # "killed in airstrikes on 26 July, while 15 others were killed in the Shammas district two days later": a
    # contrasting clause with no trigger of its own tells another incident; its places are not this event's
    return (region[0], contrast.start()) if contrast else region


_CONTRAST_CLAUSE = re.compile(r",?\s+(?:while|whereas)\s+(?!also\b)|;\s+", re.IGNORECASE)


def _day_of_wider_report(st: SentenceState, ctx: Context, sub: str, place: PlaceMention) -> Dates | None:
    """ "Russian forces launched a massive missile and drone attack on Ukraine's energy infrastructure overnight,
    killing at least four people. In the western city of Lviv, a drone struck an apartment block, killing two
    people": an undated event of the same kind, in the country or province a report of the last two sentences
    covers, is part of that report's day (not of the reporting day). None when no such report is dated to one
    day."""
    kind = SUB_TO_TYPE.get(sub)
    for r in ctx.recent(st.idx, 2):
        if r.background or r.event_type != kind or r.geo_precision != 3 or r.country != place.country:
            continue
        if r.admin1 and place.admin1 and r.admin1 != place.admin1:
            continue  # a province's report covers only its province (a country's has no admin1)
        if r.date_begin is not None and r.date_begin == r.date_end and r.report_id not in ctx.undated:
            return r.date_begin, r.date_end, r.time_precision
    return None


def _scope_toll(st: SentenceState, places: Sequence[PlaceMention]) -> list[QuantityMention]:
    """ "Israeli air strikes killed at least 45 Palestinians across the Gaza Strip on Tuesday": a toll stated for a
    whole territory is no single event's, but it is the toll of the one report the sentence makes at that
    territory itself (as the dev gold codes "clashes throughout the country led to the deaths of 32"). Empty when the event lies elsewhere, or the sentence gives the toll's parts by place
    ("..., including 12 in Gaza City": those parts are the events)."""
    if len(places) != 1 or places[0].feature not in COARSE:
        return []
    p = places[0]
    out = []
    for q, o in zip(st.quantities, st.owner, strict=True):
        window = st.text[max(0, q.start - 80):q.end + 80]
        if o != -1 or q.status != "killed" or _RUNNING_TOTAL.search(window):
            continue
        after = st.text[q.end:q.end + 60]
        named = re.search(rf"\b(?:across|all over|throughout)\s+(?:the\s+)?{re.escape(p.surface)}\b", after) or (
            p.feature == "country" and re.search(r"\b(?:across|throughout|all over)\s+the\s+country\b|\bnationwide\b",
                                                 after))
        if named and not any(place_part(st.text, q, u.start - st.base) for u in st.usable if u is not p):
            out.append(q)  # (still cumulative: the casualty ledger shows a territory's toll apart, as it overlaps
            # the located events of the same day)
    return out


_RUNNING_TOTAL = re.compile(r"\b(?:since|so far|to date|in total|total|overall|cumulative|in all)\b", re.IGNORECASE)


def _country_places(places: Sequence[PlaceMention]) -> dict[str, PlaceMention]:
    """ISO2 -> the first resolved mention of that country as such in the article."""
    out: dict[str, PlaceMention] = {}
    for p in places:
        if p.feature == "country" and p.country and p.place_id:
            out.setdefault(p.country, p)
    return out


def _home_of_police(roles: Roles, scope: Scope) -> list[PlaceMention]:
    """ "Lebanese authorities have detained a former minister", in a story about Syria: a state arrests people
    on its own ground, so a detention whose sentence names no place happened in the detaining state's country
    (when the article names it), not in the article's scope. Empty for anything else."""
    if roles.sub != "Arrests" or not roles.agent:
        return []
    d = load_actors()
    entry = d.get(d.by_name.get(roles.agent.lower()))
    if entry is None or entry.inter != 1 or not entry.country:
        return []
    here = scope.focus.country if scope.focus is not None else None
    own = scope.country_places.get(entry.country)
    return [own] if own is not None and entry.country != here else []


def _in_country(name: str | None, country: str, text: str = "", scope: Scope | None = None) -> str | None:
    """A generic actor name ("Government forces", "Rebel groups") as the country's own (when the actors stage
    had no country for the article). With the sentence's ``text``, also a state's forces read from a generic
    phrase with the article's country ("police used tear gas" in a Yemen story's paragraph on Bahrain) when the
    event lies in another country and the sentence names that state by no word of its own: the forces of the
    event's country. Only a country the article names as such (a place resolved into an unnamed country, "the
    Karama district" read as Dubai's, does not re-name the sides)."""
    d = load_actors()
    if name in ("Government forces", "Rebel groups"):
        return d.name_in(name, country)
    named = scope is not None and country.upper() in scope.country_names
    entry = d.get(d.by_name.get((name or "").lower())) if text and named else None
    here = d.get(d.state_by_country.get(country.upper()))
    if entry is None or here is None or entry.actor_id == here.actor_id or not entry.country \
            or entry.actor_id not in d.state_by_country.values() or entry.country == country.upper():
        return name
    own_words = (*entry.demonyms, *entry.aliases, _country_name(entry.country))
    if any(w and re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in own_words):
        return name
    return here.name


def _country_name(code: str) -> str:
    return country_names().get(code, "")


def _count_owner(st: SentenceState, q: QuantityMention, absorb: dict[int, int]) -> int:
    """The trigger a count belongs to: the one the parse links it to (same clause, or its when-clause),
    else the nearest; -1 for a count in a contrasting clause of its own."""
    k = count_owner(st.doc, (q.start, q.end), [(t.start, t.end) for t in st.triggers]) \
        if st.doc is not None else None
    if k is None:
        k = _nearest_trigger(q, st.triggers)
    if 0 <= k < len(st.triggers) and q.status == "killed" and st.triggers[k].sub_event_type in _NO_DEATHS:
        # "killed 20 people and abducted dozens more in an attack on a village": the dead are the attack's
        deadly = [j for j, t in enumerate(st.triggers) if t.sub_event_type not in _NO_DEATHS
                  and SUB_TO_TYPE.get(t.sub_event_type) in LETHAL_TYPES]
        if deadly:
            k = min(deadly, key=lambda j: _distance(q, st.triggers[j]))
    return k if k < 0 else absorb.get(k, k)


#: kinds of event whose own act kills no one (a count of dead in their sentence is another event's)
_NO_DEATHS = ("Abduction/forced disappearance", "Arrests", "Looting/property destruction")


def _distance(q: QuantityMention, t: Trigger) -> int:
    """Characters between a count and a trigger."""
    return min(abs(q.start - t.end), abs(t.start - q.end))


def _nearest_trigger(q: QuantityMention, triggers: Sequence[Trigger]) -> int:
    best, best_d = 0, 10**9
    for k, t in enumerate(triggers):
        d = _distance(q, t)
        if d < best_d:
            best, best_d = k, d
    return best


def _copy_quantities(qs: list[QuantityMention]) -> list[QuantityMention]:
    return [QuantityMention(**{**q.__dict__, "breakdown": dict(q.breakdown)}) for q in qs]


def _default_hedged() -> Callable[[str], bool]:
    from sitrep.actors import is_hedged

    return is_hedged


def _default_geo_precision() -> Callable[[PlaceMention, str], int]:
    from sitrep.places import geo_precision

    return geo_precision
