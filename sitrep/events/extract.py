"""Event claims (Reports) from the sentences of one article.

For each sentence, triggers (``extract_rules``) say which events it asserts; for
each trigger the stage picks the event's place (the place the event predicate
governs, with coordinated places giving one claim each), its agent and target
actors, its date interval and ACLED time precision, the people counts
(``quantities``), the attribution and hedging, and whether the claim is
background history. Context from earlier sentences fills gaps: pronoun
subjects ("they", "the group"), anaphoric places ("the city", "there"),
speakers of "the press release said", and the reporting date.

Mentions come in as article-level lists (offsets into ``article.text``); they
are assigned to sentences by offset.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sitrep.events.extract_rules import (
    RULES_VERSION,
    SUB_TO_TYPE,
    TERRITORY,
    Trigger,
    find_triggers,
    is_generic,
)
from sitrep.events.quantities import STAGE_VERSION as QUANTITIES_VERSION
from sitrep.events.quantities import find_quantities
from sitrep.records import (
    ActorMention,
    Article,
    PlaceMention,
    QuantityMention,
    Report,
    Sentence,
    SourceMention,
    TimeMention,
)

# the version of every report row: this module's rules plus the trigger lexicon and the quantity reader
STAGE_VERSION = f"sitrep.events.extract.v2+{RULES_VERSION.rsplit('.', 1)[-1]}+q{QUANTITIES_VERSION.rsplit('.', 1)[-1]}"

BACKGROUND_DAYS = 60
NARROW_INTERVAL_DAYS = 31  # an inferred publication interval this narrow stands in for the date
WEAK_PRIORITY = 7  # triggers at or above this priority are checked with the typing model when one is given
VETO_CONFIDENCE = 0.6
_VETO_LABELS = frozenset({"MAN_MADE_DISASTER", "NATURAL_DISASTER", "ORG_CRIME"})
_ARMED_INTER = {1, 2, 3, 4, 8, None}
_COARSE = {"country", "admin1", "region", "water"}
_NON_COMBATANT = re.compile(r"United Nations|\bUN\b|Red Cross|Red Crescent|ICRC|Amnesty|Human Rights Watch|"
                            r"Observatory|officials|monitors|media|NGO|European Union|Arab League|NATO officials")
_GENERIC_SOURCE = re.compile(
    r"^(?:it|they|he|she|the group|the statement|the press release|a statement|the report|the monitor|"
    r"the spokesman|the spokeswoman|the spokesperson|a spokesman|a spokeswoman|a spokesperson|officials|"
    r"the official|the agency|the ministry|the army|the military|the source|sources|the observatory)$",
    re.IGNORECASE)
_MEDIA = re.compile(r"\b(?:Associated Press|AP|Reuters|AFP|Agence France[- ]Presse|EFE|Efe|Al Jazeera|BBC|CNN|"
                    r"Anadolu|Xinhua|DPA|dpa|IRNA|TASS|RIA|Sputnik|news agency|newspaper|television|TV)\b")
_ANAPHOR_SAY = re.compile(
    r"\b(?:it|they|he|she|the group|the statement|the press release|the report|the monitor|"
    r"the spokes(?:man|woman|person))\s+(?:also\s+)?(?:said|says|added|reported|noted)\b", re.IGNORECASE)
_SAY_BEFORE = re.compile(r"\b(?:said|says|say|told [\w .]{1,40}?|announced|reported|added|claimed|stated)\s*$",
                         re.IGNORECASE)
_PRONOUN_SUBJ = re.compile(r"^\s*(?:[A-Z][\w ,]{0,30},\s*)?(?:they|it|the group|the forces|the fighters|"
                           r"the militants|the troops|its fighters|their fighters|he|she)\b", re.IGNORECASE)
_EXISTENTIAL = r"(?!\s+(?:is|are|was|were|had|has|have|will|would|could|may|might|seems?|appears?)\b)"
_SAID_THEY = re.compile(r"\b(?:said|says|say|announced|claimed|stated|added|reported)\s+(?:[\w,]+\s+){0,3}?"
                        r"(?:that\s+)?(?:they|it)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_SAID_THEY_ANY = re.compile(r"\b(?:said|says|say|announced|claimed|stated|added|reported)\s+(?:[\w,]+\s+){0,3}?"
                            r"(?:that\s+)?(?:they|it)\b", re.IGNORECASE)
_SPEECH_SUBJ = re.compile(r"^\s*(?:it|they|he|she|the group)\s+(?:also\s+)?(?:said|says|added|reported|told|warned|"
                          r"claimed|stated)\b", re.IGNORECASE)
_GENERIC_SUBJ = re.compile(
    r"^(?:[^,;]{0,80}?\b(?:said|says|reported|added)\s+(?:that\s+)?)?(?:the\s+|its\s+|their\s+)?"
    r"((?:[\w-]+\s+){0,2}?)(troops|soldiers|forces|army|police|military|militants|rebels|insurgents|jihadists|"
    r"fighters|gunmen|extremists|militia|militiamen)\b", re.IGNORECASE)
_NOT_MODIFIERS = {"on", "in", "at", "the", "a", "an", "by", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday", "earlier", "later", "meanwhile", "then", "also", "and", "but", "yesterday",
                  "today", "overnight", "last", "this", "that", "its", "their", "when", "as", "after", "before",
                  "while", "if", "since", "though", "although", "so", "once", "until", "because"}
_STATE_NOUNS = {"troops", "soldiers", "army", "police", "military"}
_NEUTRAL_NOUNS = {"forces"}
_ANAPHOR_PLACE = re.compile(rf"\bthere\b{_EXISTENTIAL}|\b(?:the area|the region|the camp|the neighbou?rhood|"
                            r"the district)\b", re.IGNORECASE)
_ANAPHOR_CITY = re.compile(r"\b(?:the|this) (?:city|town|village|province)(?:['’]s)?\b", re.IGNORECASE)
_ANAPHOR_TIME = re.compile(rf"^\s*(?:it|they|he|she|this|these|the fighting|the attack|the strikes?|"
                           rf"the clashes|the assault|the offensive)\b|\bthere\b{_EXISTENTIAL}", re.IGNORECASE)
_NOW = re.compile(r"\b(?:currently|now|today|on-going|ongoing|still)\b|\b(?:is|are)\s+(?:\w+ly\s+)?\w+ing\b",
                  re.IGNORECASE)
_HEADLINE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
_COORD = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s*&\s*)(?:the\s+)?"
                    r"(?:(?:neighbou?rhoods?|districts?|towns?|villages?|cities|areas?)\s+of\s+)?$", re.IGNORECASE)
_WITHIN = re.compile(r"^(?:['’]s\s+(?:\w+\s+)?|\s+(?:\w+\s+)?(?:suburbs?|district|neighbou?rhood|quarter|village|town|"
                     r"area|countryside|outskirts|province|governorate|region)\s+of\s+(?:the\s+)?)$", re.IGNORECASE)
_INCLUDING = re.compile(r"\b(?:including|notably|among them|such as|especially)\b", re.IGNORECASE)
_BASED = re.compile(r"^\s?[-–]")  # "UK-based", "US-backed", "US- coalition": a modifier, not a place
_DATELINE = re.compile(r"^[A-Z][\w'’. -]{1,30}(?:,\s*[A-Z][\w'’. -]{1,30})?\s*(?:\([^)]{1,40}\))?\s*[-–—:]\s")
_ADJECTIVAL = re.compile(r"\s+(?:army|forces|troops|government|military|police|soldiers|officials|authorities|"
                         r"security|state media|media|air force|navy|president|prime minister|ministry|regime|"
                         r"rebels|militants|opposition|jets|warplanes|aircraft|drones?)\b", re.IGNORECASE)
_SAID_TAIL = re.compile(r",\s+(?:the\s+|a\s+)?(?:[\w'’.-]+\s+){0,6}?(?:said|says|reported|added|told|according)\b")


@dataclass
class _Context:
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


@dataclass
class _Sent:
    sentence: Sentence
    times: list[TimeMention]
    places: list[PlaceMention]
    actors: list[ActorMention]
    sources: list[SourceMention]


def _by_sentence(sentences: Sequence[Sentence], mentions: Sequence, shift: bool = True) -> list[list]:
    starts = [s.start for s in sentences]
    buckets: list[list] = [[] for _ in sentences]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if 0 <= i < len(sentences) and m.start < sentences[i].end + 1:
            buckets[i].append(m)
    for b in buckets:
        b.sort(key=lambda m: m.start)
    return buckets


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


def _fallback_geo_precision(p: PlaceMention) -> int:
    if p.feature in ("country", "admin1", "region"):
        return 3
    if p.feature in ("admin2",):
        return 2
    return 1


def _usable_places(s: _Sent, text: str, base: int) -> list[PlaceMention]:
    spans = [(a.start, a.end) for a in s.actors] + [(x.start, x.end) for x in s.sources]
    dateline = _DATELINE.match(text)
    if dateline:
        spans.append((base, base + dateline.end() + 1))
    out = []
    for p in s.places:
        if any(a <= p.start and p.end <= b and (b - a) > (p.end - p.start) for a, b in spans):
            continue
        after = text[p.end - base:p.end - base + 12]
        before = text[max(0, p.start - base - 1):p.start - base]
        if _BASED.match(after) or before == "-" or _ADJECTIVAL.match(text[p.end - base:p.end - base + 30]):
            continue
        if re.search(r"\b(?:attributed to|blamed on|carried out by|backed by|supported by)\s+(?:the\s+)?$",
                     text[max(0, p.start - base - 30):p.start - base], re.IGNORECASE):
            continue  # "strikes attributed to Israel": the country is the actor, not the place
        out.append(p)
    return out


_NAME = r"(?:(?:al|el|ad|ar|as|an|ash|at|az)-)?[A-Z][\w'’-]+(?:\s+(?:al-|el-)?[A-Z][\w'’-]+){0,2}"
_LIST_OF_PLACES = re.compile(
    rf"\b(?:neighbou?rhoods?|districts?|villages?|towns?|areas?|suburbs?|quarters?|hamlets?|hills?)\s+of\s+"
    rf"(?:the\s+)?({_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+{_NAME})?)")
_NAMED_BEFORE = re.compile(rf"({_NAME}(?:\s+and\s+{_NAME})?)\s+(?:neighbou?rhoods?|districts?|quarters?)\b")


def _unresolved_toponyms(text: str, base: int, known: list[PlaceMention]) -> list[PlaceMention]:
    """Names the gazetteer missed in "the villages of X, Y and Z" / "X and Y neighbourhoods"."""
    out: list[PlaceMention] = []
    for rx in (_LIST_OF_PLACES, _NAMED_BEFORE):
        for m in rx.finditer(text):
            for part in re.finditer(_NAME, m.group(1)):
                s, e = base + m.start(1) + part.start(), base + m.start(1) + part.end()
                if part.group(0) in ("The", "A", "An") or any(p.start < e and s < p.end for p in known + out):
                    continue
                out.append(PlaceMention(s, e, part.group(0), None, part.group(0), feature="neighbourhood"))
    return out


def _with_coordinated(first: PlaceMention, cands: list[PlaceMention], text: str, base: int) -> list[PlaceMention]:
    chosen = [first]
    i = cands.index(first)
    for p in cands[i + 1:]:
        between = text[chosen[-1].end - base:p.start - base]
        between = re.sub(r"^\s*(?:neighbou?rhoods?|districts?|towns?|villages?)\b", "", between)
        if _COORD.match(between):
            chosen.append(p)
        else:
            break
    return chosen


def _event_places(trig: Trigger, region: tuple[int, int], places: list[PlaceMention], text: str,
                  base: int) -> list[PlaceMention]:
    """Places governed by the trigger: the object/locative after it, else the nearest before it."""
    t_start, t_end = base + trig.start, base + trig.end
    after = [p for p in places if t_end <= p.start < base + region[1]]
    fine_after = [p for p in after if p.feature not in _COARSE]
    if fine_after:
        after = fine_after
    before_fine = [p for p in places if base + region[0] <= p.start and p.end <= t_start
                   and p.feature not in _COARSE]
    if after and not fine_after and before_fine:
        return [before_fine[-1]]
    if after and not fine_after:
        sub_national = [p for p in after if p.feature != "country"]
        after = sub_national or after
    if after:
        first = after[0]
        for p in after[1:]:
            if _WITHIN.match(text[first.end - base:p.start - base]):
                first = p  # "the Damascus suburb of Qaboun", "Yemen's Saada province": the inner place
                continue
            break
        after = after[after.index(first):]
        for p in after[1:]:
            if _INCLUDING.search(text[first.end - base:p.start - base]):
                return _with_coordinated(p, after, text, base)
        return _with_coordinated(first, after, text, base)
    before = [p for p in places if base + region[0] <= p.start and p.end <= t_start]
    fine_before = [p for p in before if p.feature not in _COARSE]
    before = fine_before or before
    if before:
        return [before[-1]]
    return []


def _places_after(trig: Trigger, region: tuple[int, int], places: list[PlaceMention], base: int
                  ) -> list[PlaceMention]:
    return [p for p in places if base + trig.end <= p.start < base + region[1]]


def _actor_roles(trig: Trigger, region: tuple[int, int], s: _Sent, base: int, text: str,
                 ctx: _Context) -> tuple[ActorMention | None, ActorMention | None]:
    t_start, t_end = base + trig.start, base + trig.end
    armed = [a for a in s.actors if a.inter in _ARMED_INTER]
    agent = None
    target = None
    if re.match(r"killed by", trig.surface, re.IGNORECASE):
        inside = [a for a in armed if t_start <= a.start < t_end + 30]
        agent = inside[0] if inside else None
        prior = [a for a in armed if a.end <= t_start and (agent is None or a.name != agent.name)]
        target = prior[-1] if prior else None
        return agent, target
    if re.match(r"\s+between\b", text[trig.end:]):
        pair = [a for a in armed if t_end <= a.start < base + region[1]]
        names = list(dict.fromkeys(a.name for a in pair))
        if len(names) >= 2:  # "fighting between X and Y"
            first = next(a for a in pair if a.name == names[0])
            second = next(a for a in pair if a.name == names[1])
            if second.inter == 1 and first.inter != 1:
                first, second = second, first  # state forces are listed first, as ACLED does
            return first, second
    before = [a for a in armed if base + region[0] <= a.start and a.end <= t_start + 1]
    passive_by = re.match(r"\s+(?:\w+\s+){0,4}?by\s+(?:the\s+)?", text[trig.end:])
    by_agent = [a for a in armed if passive_by and t_end + passive_by.start() <= a.start
                <= t_end + passive_by.end() + 3]
    passive = re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", text[:trig.start], re.IGNORECASE)
    if (passive and by_agent) or re.match(r"fell to$", trig.surface, re.IGNORECASE):
        # "Manbij was captured by the SDF", "the town fell to the rebels": the agent comes after
        after_all = [a for a in armed if t_end <= a.start < base + region[1]]
        agent = by_agent[0] if by_agent else (after_all[0] if after_all else None)
        prior = [a for a in before if agent is None or a.name != agent.name]
        return agent, (prior[-1] if prior else None)
    if trig.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack"):
        inside = [a for a in armed if a.start < t_end and t_start < a.end]
        if inside:
            agent = inside[0]
    head = text[:trig.start]
    ins = _INSERT.search(head)
    last_comma = head.rfind(",")
    inserts = [(base + ins.start(), base + last_comma)] if ins and last_comma > ins.start() else []
    outside = [a for a in before if not any(s0 < a.start < e0 for s0, e0 in inserts)]
    if outside:
        before = outside  # "The SDF, led by the Kurdish YPG militia, captured": the SDF is the subject
    if agent is None and before:
        k = len(before) - 1
        while k > 0 and _ALLIED.match(text[before[k - 1].end - base:before[k].start - base]):
            k -= 1  # "troops backed by Russian jets stormed": the troops are the agent
        agent = before[k]
        if _SAID_THEY.search(text[:trig.start]):
            agent = before[0]  # "X said on Saturday that they captured": X
    if agent is None and by_agent:
        agent = by_agent[0]
    after = [a for a in s.actors if t_end <= a.start < base + region[1]
             and (agent is None or a.name != agent.name)]
    if after:
        target = after[0]
    return agent, target


_GENERIC_GROUP = re.compile(r"^(?:the\s+)?(?:extremists?|militants?|terrorists?|jihadists?|insurgents?|"
                            r"(?:militant|terrorist|extremist|jihadist|armed) group|group)$", re.IGNORECASE)


def _resolve_generic(a: ActorMention | None, ctx: _Context, other: str | None,
                     sentence_actors: Sequence[ActorMention]) -> str | None:
    """ "the extremists", "the terrorist group": the latest named non-state actor in context."""
    if a is None:
        return None
    if a.actor_id is None or a.name == "Unidentified armed group":
        if _GENERIC_GROUP.match(a.surface.strip()):
            earlier = [(x.name, x.inter) for x in sentence_actors if x.end <= a.start]
            for name, inter in reversed(ctx.recent_actors + earlier):
                if inter in (2, 3, 4) and name != other and name != "Unidentified armed group":
                    return name
    return a.name


def _actor_name(a: ActorMention | None) -> str | None:
    return a.name if a else None


def _main_actors(actors: Sequence[ActorMention]) -> list[str]:
    counts = Counter(a.name for a in actors if a.inter in _ARMED_INTER and a.inter != 7
                     and not _NON_COMBATANT.search(a.name))
    return [n for n, _ in counts.most_common()]


def _focus_place(places: Sequence[PlaceMention]) -> PlaceMention | None:
    fine = [p for p in places if p.place_id and p.feature not in _COARSE]
    pool = fine or [p for p in places if p.place_id]
    if not pool:
        return None
    counts = Counter(p.place_id for p in pool)
    best = counts.most_common(1)[0][0]
    return next(p for p in pool if p.place_id == best)


def _event_time(trig: Trigger, s: _Sent, base: int, text: str
                ) -> tuple[dt.date | None, dt.date | None, int | None] | None:
    cands = []
    for t in s.times:
        if t.begin is None or t.end_date is None:
            continue
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


def _attribution(s: _Sent, text: str, agent: str | None, ctx: _Context) -> str | None:
    names: list[str] = []
    media: list[str] = []
    base = s.sentence.start
    for src in s.sources:
        name = src.name
        pre = text[:max(0, src.start - base)]
        if _GENERIC_SOURCE.match(name.strip()) or _GENERIC_SOURCE.match(src.surface.strip()):
            name = ctx.last_source or agent or ""
        elif re.search(r"\btold\s+(?:the\s+)?$", pre, re.IGNORECASE):
            # "X told Reuters": the outlet is the channel, the speaker X is the source
            speaker = [a.name for a in s.actors if a.end <= src.start and a.inter not in (7, None)]
            speaker += [x.name for x in s.sources if x.end <= src.start]
            if speaker:
                name = speaker[-1]
            else:
                media.append(name)
                continue
        elif _MEDIA.search(name) or _MEDIA.search(src.surface):
            media.append(name)
            continue
        if name and name not in names:
            names.append(name)
    if not names:
        names = list(dict.fromkeys(media))
    if not names and _ANAPHOR_SAY.search(text):
        name = ctx.last_source or agent
        if name:
            names.append(name)
    return "; ".join(names) if names else None


def extract_reports(
    article: Article,
    sentences: Sequence[Sentence],
    times: Sequence[TimeMention],
    places: Sequence[PlaceMention],
    actors: Sequence[ActorMention],
    sources: Sequence[SourceMention],
    *,
    hedged: Callable[[str], bool] | None = None,
    geo_precision: Callable[[PlaceMention], int] | None = None,
    classify: Callable[[list[str]], list[tuple[str, float]]] | None = None,
) -> list[Report]:
    """Event claims of one article, in sentence order.

    ``hedged`` and ``geo_precision`` default to the actors and places stages; ``classify`` (CASE label
    and probability per text, e.g. ``typing.classify_many``) is asked only about sentences whose
    triggers are all weak ("an explosion", "looting"), and vetoes those it reads as accidents,
    disasters or crime.
    """
    hedge_fn = hedged or _default_hedged()
    geo_fn = geo_precision or _default_geo_precision()
    per = [
        _Sent(sent, t, p, a, so)
        for sent, t, p, a, so in zip(
            sentences, _by_sentence(sentences, times), _by_sentence(sentences, places),
            _by_sentence(sentences, actors), _by_sentence(sentences, sources), strict=True)
    ]
    ref = _reference_date(article, times)
    focus = _focus_place([p for s in per for p in _usable_places(s, s.sentence.text, s.sentence.start)])
    main = _main_actors(actors)
    main_inter = {a.name: a.inter for a in actors}
    ctx = _Context(air_actors=_air_actors(article.text, actors))
    reports: list[Report] = []
    for s in per:
        reports.extend(_sentence_reports(article, s, ctx, ref, focus, main, main_inter, hedge_fn, geo_fn,
                                         classify))
    return reports


def _sentence_reports(article: Article, s: _Sent, ctx: _Context, ref: dt.date | None,
                      focus: PlaceMention | None, main: list[str], main_inter: dict[str, int | None], hedge_fn: Callable[[str], bool],
                      geo_fn: Callable[[PlaceMention], int],
                      classify: Callable[[list[str]], list[tuple[str, float]]] | None) -> list[Report]:
    text, base, idx = s.sentence.text, s.sentence.start, s.sentence.index
    named = [x.name for x in s.sources if not _GENERIC_SOURCE.match(x.name.strip())]
    triggers = find_triggers(text) if _HEADLINE_END.search(text) and not is_generic(text) else []
    if triggers and classify is not None and all(t.priority >= WEAK_PRIORITY for t in triggers):
        label, conf = classify([text])[0]
        if label in _VETO_LABELS and conf >= VETO_CONFIDENCE:
            triggers = []
    usable = _usable_places(s, text, base)
    if triggers:
        usable = sorted(usable + _unresolved_toponyms(text, base, usable), key=lambda p: p.start)
    out: list[Report] = []
    quantities = [q for q in find_quantities(text) if q.status != "present"]
    if not triggers and _HEADLINE_END.search(text):
        # "At least 26 fighters were killed." after the sentence that reported the clash
        extra = [q for q in quantities if q.status in ("killed", "injured") and not q.cumulative]
        host = _follow_up_host(ctx, idx, s) if extra else None
        if host is not None:
            _add_follow_up(host, _copy_quantities(extra), text)
    first_agent: str | None = None
    seen: dict[tuple[str, str | None], Report] = {}
    regions = [_region(triggers, k, text) for k in range(len(triggers))]
    explicit = [_event_places(t, regions[k], usable, text, base) for k, t in enumerate(triggers)]
    # a trigger with no place of its own repeats a same-type trigger that has one ("killed 9 soldiers in
    # the attack on X"): its counts go to that trigger
    after = [_places_after(t, regions[k], usable, base) for k, t in enumerate(triggers)]
    absorb = {}
    for k, t in enumerate(triggers):
        same = [j for j in range(len(triggers)) if j != k and triggers[j].sub_event_type == t.sub_event_type]
        terr = [j for j in range(len(triggers)) if triggers[j].sub_event_type == TERRITORY]
        if t.sub_event_type == "Armed clash" and terr and not after[k]:
            absorb[k] = terr[0]  # "recaptured X after heavy fighting": one territory event
        elif not explicit[k] and any(explicit[j] for j in same):
            absorb[k] = next(j for j in same if explicit[j])
        elif not after[k] and same and same[0] < k:
            absorb[k] = same[0]  # "pushed into X ..., battling IS": the same clash
    owner = [absorb.get(_nearest_trigger(q, triggers), _nearest_trigger(q, triggers)) for q in quantities]
    armed_here = any(a.inter in (1, 2, 3, 4, 8) for a in s.actors) or bool(_ARMED_NOUN.search(text))
    hurt = any(q.status in ("killed", "injured") for q in quantities)
    for k, trig in enumerate(triggers):
        if absorb.get(k, k) != k:
            continue
        if not _plausible(trig, text, explicit[k], armed_here, hurt):
            continue
        region = regions[k]
        agent_m, target_m = _actor_roles(trig, region, s, base, text, ctx)
        agent = _resolve_generic(agent_m, ctx, None, s.actors)
        if agent is None and named and named[0] in main and _GENERIC_SUBJ.search(text[:trig.start]):
            agent = named[0]  # "The forces advanced into X, the SDF said": the group reports its own moves
        if agent is None:
            agent = _generic_subject(text[:trig.start], ctx)
        if agent is None and ctx.last_agent and not _SPEECH_SUBJ.match(text) and (
                _PRONOUN_SUBJ.match(text) or _SAID_THEY_ANY.search(text[:trig.start])):
            agent = ctx.last_agent
        if agent is None and named and named[0] in main:
            agent = named[0]
        target = _resolve_generic(target_m, ctx, agent, s.actors)
        if agent is None and trig.sub_event_type == "Air/drone strike":
            # only an actor the article itself links to air power ("coalition air strikes", "Russian jets")
            agent = next((n for n in main if n != target and n in ctx.air_actors), None)
        if agent is None and trig.sub_event_type in (TERRITORY, "Armed clash"):
            ground = [n for n in main if main_inter.get(n) in (1, 2, 3, 4)]
            agent = next((n for n in ground + main if n != target), None)
        sub = trig.sub_event_type
        if sub == TERRITORY:
            people = _people_object(trig, quantities, text)
            if people == "fighters":
                continue  # "seized 12 soldiers": captives in a battle, not territory
            if people:
                sub, target = "Abduction/forced disappearance", "Civilians"
        if sub == TERRITORY:
            agent_inter = agent_m.inter if agent_m and agent_m.name == agent else main_inter.get(agent or "")
            sub = "Government regains territory" if agent_inter == 1 else "Non-state actor overtakes territory"
        victims_civ = any(q.category in ("civilians", "children", "women") and q.status in ("killed", "injured")
                          for q in quantities) or bool(_CIVILIAN_TARGET.search(text[trig.end:]))
        if sub in ("Air/drone strike", "Shelling/artillery/missile attack", "Attack") and victims_civ:
            target = "Civilians"
        assoc = _associates(agent_m, agent, target, trig, region, s, text)
        if target is None and (SUB_TO_TYPE.get(sub) == "Battles" or sub == "Other"):
            target = next((n for n in main if n != agent and n not in assoc), None)
        if target == agent:
            target = None
        ev_places = explicit[k]
        if not ev_places:
            recent = ctx.last_places and idx - ctx.last_places_at <= 2
            ana = _ANAPHOR_CITY.search(text)
            if ana and "city" not in ana.group(0).lower() and recent:
                ev_places = ctx.last_places[:1]  # "the village", "the town": the place just named
            elif ana and (ctx.last_city or focus):
                ev_places = [ctx.last_city or focus]  # type: ignore[list-item]
            elif (_ANAPHOR_PLACE.search(text) or _PRONOUN_SUBJ.match(text)) and recent:
                ev_places = ctx.last_places[:1]
            elif focus:
                ev_places = [focus]
        when = _event_time(trig, s, base, text)
        if when is None and ctx.last_time and idx - ctx.last_time_at <= 1 and _ANAPHOR_TIME.search(text):
            when = ctx.last_time
        if when is None:
            if ref is not None:
                when = (ref, ref, 1 if _NOW.search(text) else 2)
            else:
                when = (None, None, None)
        begin, end, prec = when
        background = bool(ref and begin and begin < ref - dt.timedelta(days=BACKGROUND_DAYS)) or \
            bool(ref and end and end < ref - dt.timedelta(days=BACKGROUND_DAYS))
        nearest = [q for q, o in zip(quantities, owner, strict=True) if o == k]
        if sub == "Armed clash" and any(q.status == "killed" and q.category in ("civilians", "children", "women")
                                        for q in nearest) \
                and not any(q.status == "killed" and q.category == "fighters" for q in nearest):
            sub, target = "Attack", "Civilians"
        attributed = _attribution(s, text, agent, ctx)
        for j, place in enumerate(ev_places or [None]):
            key = (sub, (place.place_id or place.name or place.surface) if place else None)
            if key in seen:
                if j == 0:
                    seen[key].fatalities.extend(_copy_quantities(nearest))
                continue
            out.append(Report(
                report_id=_report_id(article.article_id, idx, sub, key[1], agent, len(out)),
                article_id=article.article_id, sentence_index=idx,
                event_type=SUB_TO_TYPE.get(sub, "Strategic developments"), sub_event_type=sub,
                actor1=agent, actor2=target, assoc_actors=list(assoc),
                place_id=place.place_id if place else None, place_name=(place.name or place.surface) if place else None,
                lat=place.lat if place else None, lon=place.lon if place else None,
                admin1=place.admin1 if place else None, country=place.country if place else None,
                geo_precision=geo_fn(place) if place else None,
                date_begin=begin, date_end=end, time_precision=prec,
                fatalities=_copy_quantities(nearest) if j == 0 else [],
                attributed_to=attributed, hedged=hedge_fn(text), background=background,
                text=text, stage_version=STAGE_VERSION,
            ))
            seen[key] = out[-1]
            if place is not None:
                ctx.last_places, ctx.last_places_at = [place], idx
        first_agent = first_agent or agent

        if when != (None, None, None) and _event_time(trig, s, base, text) is not None:
            ctx.last_time, ctx.last_time_at = when, idx
    # context for later sentences
    current = [r for r in out if not r.background]
    if current:
        ctx.recent_reports = [*ctx.recent_reports[-1:], (idx, current)]
    if named:
        ctx.last_source = named[-1]
    elif s.sources and first_agent:
        ctx.last_source = ctx.last_source or first_agent
    elif s.sources:
        agents = [a.name for a in s.actors if a.inter in _ARMED_INTER and a.inter != 7]
        if agents and ctx.last_source is None:
            ctx.last_source = agents[0]
    ctx.recent_actors.extend((a.name, a.inter) for a in s.actors if a.inter in _ARMED_INTER and a.inter != 7)
    ctx.recent_actors = ctx.recent_actors[-12:]
    subj = [a for a in s.actors if a.inter in _ARMED_INTER and a.inter != 7 and a.start - base < 40]
    if first_agent:
        ctx.last_agent = first_agent
    elif subj:
        ctx.last_agent = subj[0].name
    if not triggers and usable:
        fine = [p for p in usable if p.feature not in _COARSE and p.place_id]
        if fine:
            ctx.last_places, ctx.last_places_at = fine[-1:], idx
    cities = [p for p in usable if p.feature in ("city", "admin2") and p.place_id]
    if cities:
        ctx.last_city = cities[-1]
    return out


def _generic_subject(before: str, ctx: _Context) -> str | None:
    """ "troops had taken ...", "the militants fired ...": the latest actor of that kind in context."""
    m = _GENERIC_SUBJ.search(before)
    if not m:
        return None
    mods = [w for w in m.group(1).split() if w.lower() not in _NOT_MODIFIERS]
    if any(w[:1].isupper() for w in mods):
        return f"{' '.join(mods)} {m.group(2)}"  # "Houthi forces": an unknown named group, kept by surface
    noun = m.group(2).lower()
    for name, inter in reversed(ctx.recent_actors):
        if noun in _NEUTRAL_NOUNS:
            if inter in (1, 2, 3, 4):
                return name  # "the forces": the latest ground actor
        elif (inter in (1, 8)) == (noun in _STATE_NOUNS):
            return name
    return None


_PEOPLE_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:people|civilians|residents|villagers|hostages|workers|"
                           r"journalists|students|women|children|men|passengers|nationals|tourists)\b", re.IGNORECASE)


def _people_object(trig: Trigger, quantities: Sequence[QuantityMention], text: str) -> str | None:
    """What a capture verb took when it took people ("48 Iranians were seized"): their category."""
    for q in quantities:
        near = abs(q.end - trig.start) <= 25 or abs(q.start - trig.end) <= 25
        if near and q.status == "captured":
            return "fighters" if q.category == "fighters" else "civilians"
    if _PEOPLE_AFTER.match(text[trig.end:]):
        return "civilians"
    return None


_INSERT = re.compile(r",\s+(?:which|who|whose|a|an|the|led by|backed by|including|comprising|made up of)\b")
_ALLIED = re.compile(r"^(?:\s*,)?\s+(?:and|with|alongside|backed by|supported by|allied with|along with|as well as)"
                     r"\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)


def _associates(agent_m: ActorMention | None, agent: str | None, target: str | None, trig: Trigger,
                region: tuple[int, int], s: _Sent, text: str) -> list[str]:
    """Actors on the agent's side: "regime troops supported by Syrian and Russian air strikes"."""
    if agent_m is None or agent is None:
        return []
    base = s.sentence.start
    out: list[str] = []
    start = agent_m.start
    for a in reversed([a for a in s.actors if a.end <= agent_m.start]):  # "Syrian and Russian air strikes"
        if a.inter in (7, None) or a.name in (agent, target) or \
                not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[a.end - base:start - base]):
            break
        out.append(a.name)
        start = a.start
    prev_end = agent_m.end
    for a in s.actors:
        if a.start < prev_end or a.start > base + trig.end + 40 or a.inter in (7, None):
            continue
        if a.name in (agent, target) or a.name in out:
            prev_end = max(prev_end, a.end)
            continue
        if not _ALLIED.match(text[prev_end - base:a.start - base]):
            break
        out.append(a.name)
        prev_end = a.end
    return out


_REVISION = re.compile(r"\b(?:toll|death count|number of (?:dead|deaths|people killed|victims)|tally)\b|"
                       r"\b(?:rose|risen|climbed|increased|revised|raised)\s+to\b", re.IGNORECASE)


def _add_follow_up(host: Report, extra: list[QuantityMention], text: str) -> None:
    """Counts from a later sentence; a revised toll replaces the earlier killed count instead of adding to it."""
    killed = [q for q in extra if q.status == "killed"]
    if killed and _REVISION.search(text):
        earlier = [q for q in host.fatalities if q.status == "killed" and not q.cumulative]
        if earlier:
            total = sum(q.value or 0 for q in earlier)
            host.fatalities = [q for q in host.fatalities if q not in earlier]
            for q in killed:
                q.earlier_value = q.earlier_value or total
    host.fatalities.extend(extra)


_CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|residents|homes|houses|residential|schools?|mosques?|churches|hospitals?|clinics?|markets?|"
    r"bakery|bakeries|refugee camps?|camps? for (?:displaced|refugees)|displaced people|market ?place|shelters?)\b",
    re.IGNORECASE)
_AIR_WORDS = re.compile(r"air ?strikes?|airstrikes?|air raids?|warplanes?|jets|aircraft|air ?force|drones?|"
                        r"helicopters?|bombing|bombard", re.IGNORECASE)


def _air_actors(text: str, actors: Sequence[ActorMention]) -> frozenset[str]:
    out = set()
    for a in actors:
        left = re.split(r"[.!?]\s", text[max(0, a.start - 25):a.start])[-1]
        right = re.split(r"[.!?]\s", text[a.end:a.end + 25])[0]
        if a.inter in (1, 8) and (_AIR_WORDS.search(a.surface) or _AIR_WORDS.search(left + " " + right)):
            out.add(a.name)
    return frozenset(out)


_ARMED_NOUN = re.compile(r"\b(?:troops|soldiers|forces|army|police|military|militants?|rebels?|insurgents?|"
                         r"jihadists?|fighters?|gunmen|militia|militiamen|extremists|terrorists?|guerrillas?|"
                         r"they|their)\b", re.IGNORECASE)
_WEAK_CLASH = re.compile(r"^(?:battl|fought|attack|assault|storm|advanc|push|moved|pressing)", re.IGNORECASE)
_TERRITORY_NOUN = re.compile(r"\b(?:villages?|towns?|city|cities|neighbou?rhoods?|districts?|areas?|territory|"
                             r"ground|positions?|bases?|airport|dam|hills?|bridge|checkpoints?|region|province|"
                             r"control|parts|suburbs?|quarters?|outposts?|strongholds?)\b", re.IGNORECASE)


def _plausible(trig: Trigger, text: str, places: list[PlaceMention], armed_here: bool, hurt: bool) -> bool:
    """Context checks for triggers whose words also have everyday senses."""
    if trig.priority >= 8 and not hurt:
        return False  # "last week's explosion": a bare blast is a new event only with casualties
    if trig.sub_event_type == "Armed clash" and _WEAK_CLASH.match(trig.surface) and not armed_here:
        return False  # "battling H5N1", "used to attacking"
    if trig.sub_event_type == TERRITORY and not places and not _TERRITORY_NOUN.search(
            text[max(0, trig.start - 40):trig.end + 60]):
        return False  # "data being captured", "taken a sample"
    return True


def _follow_up_host(ctx: _Context, idx: int, s: _Sent) -> Report | None:
    """The earlier report a count-only sentence continues: recent, sharing most actors with it."""
    names = {a.name for a in s.actors}
    best: tuple[int, int] | None = None
    host = None
    for at, reports in ctx.recent_reports:
        if idx - at > 2:
            continue
        for r in reports:
            key = (len(names & {r.actor1, r.actor2}), at)
            if best is None or key > best:
                best, host = key, r
    return host


def _region(triggers: Sequence[Trigger], k: int, text: str) -> tuple[int, int]:
    """Span of the sentence that belongs to trigger k: up to the neighbouring triggers and the "X said" tail."""
    trig = triggers[k]
    region = (triggers[k - 1].end if k else 0, triggers[k + 1].start if k + 1 < len(triggers) else len(text))
    tail = _SAID_TAIL.search(text, trig.end, region[1])
    return (region[0], tail.start()) if tail else region


def _nearest_trigger(q: QuantityMention, triggers: Sequence[Trigger]) -> int:
    best, best_d = 0, 10**9
    for k, t in enumerate(triggers):
        d = min(abs(q.start - t.end), abs(t.start - q.end))
        if d < best_d:
            best, best_d = k, d
    return best


def _copy_quantities(qs: list[QuantityMention]) -> list[QuantityMention]:
    return [QuantityMention(**{**q.__dict__, "breakdown": dict(q.breakdown)}) for q in qs]


@lru_cache(maxsize=1)
def _default_hedged() -> Callable[[str], bool]:
    try:
        from sitrep.actors import is_hedged  # type: ignore[attr-defined]
        return is_hedged  # type: ignore[no-any-return]
    except ImportError:
        from sitrep.events.extract_fallbacks import is_hedged as fallback
        return fallback


@lru_cache(maxsize=1)
def _default_geo_precision() -> Callable[[PlaceMention], int]:
    try:
        from sitrep.places import geo_precision  # type: ignore[attr-defined]
        return geo_precision  # type: ignore[no-any-return]
    except ImportError:
        return _fallback_geo_precision
