"""Who did what to whom, and who said so.

Agent and target of a trigger (subject vs object / "from X" / "against X", passives and "fell to",
"fighting between X and Y", appositives and "backed by" skipped), context for pronouns and generic
nouns ("they", "the troops", "the extremists"), associated actors, and the attribution of a claim
(named sources, "the press release said" resolved to the earlier speaker, relaying outlets dropped).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from sitrep.events.extract_context import ARMED_INTER, Context, SentenceMentions, participant
from sitrep.events.extract_places import GROUP_ADJECTIVES, is_demonym
from sitrep.events.extract_rules import Trigger
from sitrep.events.vocab import AIR_RAID_RX, STATE_NOUNS
from sitrep.records import ActorMention

_NON_COMBATANT = re.compile(r"United Nations|\bUN\b|Red Cross|Red Crescent|ICRC|Amnesty|Human Rights Watch|"
                            r"Observatory|officials|monitors|media|NGO|European Union|Arab League|NATO officials")

# speakers that refer back to a source named earlier ("the group said in a press release", "it said");
# unnamed but non-anaphoric sources ("officials", "activists") are kept as they are
GENERIC_SOURCE = re.compile(
    r"^(?:it|they|he|she|the group|the statement|the press release|a statement|the report|the monitor|"
    r"the spokesman|the spokeswoman|the spokesperson|a spokesman|a spokeswoman|a spokesperson|"
    r"the observatory|the agency|the organi[sz]ation)$",
    re.IGNORECASE)

_MEDIA = re.compile(r"\b(?:Associated Press|AP|Reuters|AFP|Agence France[- ]Presse|EFE|Efe|Al Jazeera|BBC|CNN|"
                    r"Anadolu|Xinhua|DPA|dpa|IRNA|TASS|RIA|Sputnik|news agency|newspaper|television|TV)\b")

_ANAPHOR_SAY = re.compile(
    r"\b(?:it|they|he|she|the group|the statement|the press release|the report|the monitor|"
    r"the spokes(?:man|woman|person))\s+(?:also\s+)?(?:said|says|added|reported|noted)\b", re.IGNORECASE)

PRONOUN_SUBJ = re.compile(r"^\s*(?:[A-Z][\w ,]{0,30},\s*)?(?:they|it|the group|the forces|the fighters|"
                           r"the militants|the troops|its fighters|their fighters|he|she)\b(?!['’]s)", re.IGNORECASE)

_SAID_THEY = re.compile(r"\b(?:said|says|say|announced|claimed|stated|added|reported)\s+(?:[\w,]+\s+){0,3}?"
                        r"(?:that\s+)?(?:they|it)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

SAID_THEY_ANY = re.compile(r"\b(?:said|says|say|announced|claimed|stated|added|reported)\s+(?:[\w,]+\s+){0,3}?"
                            r"(?:that\s+)?(?:they|it)\b", re.IGNORECASE)

SPEECH_SUBJ = re.compile(r"^\s*(?:it|they|he|she|the group)\s+(?:also\s+)?(?:said|says|added|reported|told|warned|"
                          r"claimed|stated)\b", re.IGNORECASE)

GENERIC_SUBJ = re.compile(
    r"^(?:[^,;]{0,80}?\b(?:said|says|reported|added)\s+(?:that\s+)?)?(?:the\s+|its\s+|their\s+)?"
    r"((?:[\w-]+\s+){0,2}?)(troops|soldiers|forces|army|police|military|militants|rebels|insurgents|jihadists|"
    r"fighters|gunmen|extremists|militia|militiamen|government|regime|tanks|warplanes|jets|helicopters|"
    r"gunships|aircraft)\b", re.IGNORECASE)

_NOT_MODIFIERS = {"on", "in", "at", "the", "a", "an", "by", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday", "earlier", "later", "meanwhile", "then", "also", "and", "but", "yesterday",
                  "today", "overnight", "last", "this", "that", "its", "their", "when", "as", "after", "before",
                  "while", "if", "since", "though", "although", "so", "once", "until", "because"}

# state-only arms: "tanks shelled", "warplanes struck" name the state forces of the context
_STATE_NOUNS = STATE_NOUNS | {"tanks", "warplanes", "jets", "helicopters", "gunships", "aircraft"}

_NEUTRAL_NOUNS = {"forces"}

# ordinary words before an armed noun: capitalised only at the start of a sentence, never a group's name
_COMMON_MODIFIERS = {"rebel", "attack", "government", "regime", "security", "enemy", "opposition", "militia", "armed",
                     "foreign", "local", "allied", "hostile", "insurgent", "jihadist", "islamist", "extremist",
                     "loyalist", "special", "ground", "elite", "army", "military", "police", "coalition", "state",
                     "pro-government", "pro-regime", "fighter", "combat", "helicopter", "militant", "other", "some",
                     "many", "several", "more", "two", "three", "both", "these", "those", "such", "heavily"}


def actor_roles(trig: Trigger, region: tuple[int, int], s: SentenceMentions, base: int, text: str,
                ctx: Context, exclude: str | None = None) -> tuple[ActorMention | None, ActorMention | None]:
    """Agent and target mentions of a trigger; ``exclude`` is the previous trigger's target in the sentence."""
    t_start, t_end = base + trig.start, base + trig.end
    armed = [a for a in s.actors if a.inter in ARMED_INTER]
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
    before = [a for a in armed if base + region[0] <= a.start and a.end <= t_start + 1
              and not (exclude and a.name == exclude and region[0] > 0)]
    passive_by = re.match(r"\s+(?:[\w'’-]+\s+){0,7}?by\s+(?:the\s+)?", text[trig.end:])
    by_agent = [a for a in armed if passive_by and t_end + passive_by.start() <= a.start
                <= t_end + passive_by.end() + 3]
    passive = re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", text[:trig.start], re.IGNORECASE)
    if passive and not by_agent and trig.sub_event_type != "territory":
        # "Ten men were shot dead when gunmen opened fire on ...": the agent is the subject of the when-clause
        sub_clause = re.match(r"[^.;]{0,60}?\b(?:when|as|while)\s+", text[trig.end:])
        if sub_clause:
            later = [a for a in armed if t_end + sub_clause.end() - 1 <= a.start <= t_end + sub_clause.end() + 30]
            if later:
                return later[0], (before[-1] if before else None)
    if passive and not by_agent and before and re.match(_LOSER_VERBS, trig.surface, re.IGNORECASE):
        return None, before[-1]  # "the militants were pushed back from X": the subject lost the ground
    if (passive and by_agent) or re.search(r"(?:fell to|hands of)$", trig.surface, re.IGNORECASE):
        # "Manbij was captured by the SDF", "the town fell to the rebels", "is now in the hands of X": the agent
        # comes after
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
    if re.search(r"(?:^|[^,])\s+and\s+(?:\w+ly\s+|then\s+|also\s+|later\s+)?$", head) and trig.sub_event_type not in (
            "Air/drone strike", "Shelling/artillery/missile attack"):
        # "clashed with X and recaptured Y": the coordinated verb shares the sentence's subject
        subj = [a for a in armed if a.end <= t_start and not _IN_PP.search(text[max(0, a.start - base - 40):
                                                                                 a.start - base])]
        if subj and subj[0].start - base < 40:
            return subj[0], None
    free = [a for a in before if not _IN_PP.search(text[max(0, a.start - base - 40):a.start - base])]
    if free and len(free) < len(before) and free[0].start - base <= 40:
        before = free  # "troops in a fresh push against the rebels recaptured": the PP's noun is not the subject
    if agent is None and before:
        k = len(before) - 1
        while k > 0 and ALLIED.match(text[before[k - 1].end - base:before[k].start - base]):
            k -= 1  # "troops backed by Russian jets stormed": the troops are the agent
        agent = before[k]
        if _SAID_THEY.search(text[:trig.start]):
            agent = before[0]  # "X said on Saturday that they captured": X
    if agent is None and by_agent:
        agent = by_agent[0]
    after = [a for a in s.actors if t_end <= a.start < base + region[1]
             and (agent is None or a.name != agent.name) and participant(a)]
    if after:
        target = after[0]
    return agent, target

_LOSER_VERBS = r"(?:pushed|driven|drove|expelled|forced|ousted|routed|dislodged|flushed)\b"
_IN_PP = re.compile(r"\b(?:against|on|of|from|with|into|at|near|over|for|in|targeting|fighting)\s+(?:the\s+|an?\s+|"
                    r"their\s+|its\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


def in_prepositional_phrase(text: str, start: int) -> bool:
    """True when the mention at ``start`` (sentence offset) is the object of a preposition ("from the rebels")."""
    return bool(_IN_PP.search(text[max(0, start - 40):start]))


_GENERIC_GROUP = re.compile(r"^(?:the\s+)?(?:extremists?|militants?|terrorists?|jihadists?|insurgents?|"
                            r"(?:militant|terrorist|extremist|jihadist|armed) group|group)$", re.IGNORECASE)


#: the actors table's name for unnamed armed men ("gunmen", "snipers", "armed gangs")
UNIDENTIFIED = "Unidentified armed group"


def resolve_generic(a: ActorMention | None, ctx: Context, other: str | None,
                     sentence_actors: Sequence[ActorMention], before: str = "") -> str | None:
    """ "the extremists", "the terrorist group": the latest named non-state actor in context. Not a generic noun
    that a people's or a country's name qualifies ("suspected Kurdish militant positions", ``before`` being the
    sentence up to the mention): those are of that people, not the group named last."""
    if a is None:
        return None
    if a.actor_id is None or a.name == UNIDENTIFIED:
        if _GENERIC_GROUP.match(a.surface.strip()) and not _qualified(before):
            earlier = [(x.name, x.inter) for x in sentence_actors if x.end <= a.start]
            for name, inter in reversed(ctx.recent_actors + earlier):
                if inter in (2, 3, 4) and name != other and name != UNIDENTIFIED:
                    return name
    return a.name


_QUALIFIER = re.compile(r"\b([A-Z][a-z]+)\s+$")


def _qualified(before: str) -> bool:
    """The word before a generic noun names a people or a country ("Kurdish", "Baloch", "Malian")."""
    m = _QUALIFIER.search(before)
    return m is not None and (m.group(1) in GROUP_ADJECTIVES or is_demonym(m.group(1)))


def _actor_name(a: ActorMention | None) -> str | None:
    return a.name if a else None


def main_actors(actors: Sequence[ActorMention]) -> list[str]:
    counts = Counter(a.name for a in actors if a.inter in ARMED_INTER and a.inter != 7
                     and not _NON_COMBATANT.search(a.name))
    return [n for n, _ in counts.most_common()]


def attribution(s: SentenceMentions, text: str, agent: str | None, ctx: Context) -> str | None:
    names: list[str] = []
    media: list[str] = []
    base = s.sentence.start
    for src in s.sources:
        name = src.name
        pre = text[:max(0, src.start - base)]
        if GENERIC_SOURCE.match(name.strip()) or (GENERIC_SOURCE.match(src.surface.strip())
                                                  and name.strip().lower() == src.surface.strip().lower()):
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
        unnamed = _UNNAMED_SPEAKER.search(text) or _ACCORDING.search(text)
        if unnamed:  # "a provincial official said": the sources stage found no one, or only the wire service
            names.append(re.sub(r"^(?:an?|the)\s+", "", unnamed.group(1).strip(), flags=re.IGNORECASE))
    if not names:
        names = list(dict.fromkeys(media))
    if not names and _ANAPHOR_SAY.search(text):
        earlier = ctx.last_source or agent
        if earlier:
            names.append(earlier)
    return "; ".join(names) if names else None


_SPEAKER_NOUN = (r"(?:officials?|spokes(?:man|woman|person)|police chief|commander|governor|witness(?:es)?|"
                 r"residents?|medics?|doctors?|activists?|sources?|villagers?|survivors?)")
_UNNAMED_SPEAKER = re.compile(rf"(?:^|,\s+|\b(?:said|told)\s+)((?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?{_SPEAKER_NOUN})"
                              rf"\s+(?:said|says|told|added)\b", re.IGNORECASE)
_ACCORDING = re.compile(rf"\baccording to\s+((?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?{_SPEAKER_NOUN})\b",
                        re.IGNORECASE)


def generic_subject(before: str, ctx: Context) -> str | None:
    """ "troops had taken ...", "the militants fired ...": the latest actor of that kind in context."""
    m = GENERIC_SUBJ.search(before)
    if not m:
        return None
    mods = [w for w in m.group(1).split() if w.lower() not in _NOT_MODIFIERS]
    initial = not before[:m.start(1)].strip(" \"'“‘`")  # "Rebel fighters are trying...": a capital, not a name
    if any(w[:1].isupper() and not (initial and i == 0 and w.lower() in _COMMON_MODIFIERS)
           for i, w in enumerate(mods)):
        return f"{' '.join(mods)} {m.group(2)}"  # "Houthi forces": an unknown named group, kept by surface
    noun = m.group(2).lower()
    if noun in ("regime", "government"):  # the home state's forces before a foreign one named more recently
        home = next((name for name, inter in reversed(ctx.recent_actors) if inter == 1), None)
        if home is not None:
            return home
    for name, inter in reversed(ctx.recent_actors):
        if noun in _NEUTRAL_NOUNS:
            if inter in (1, 2, 3, 4):
                return name  # "the forces": the latest ground actor
        elif (inter in (1, 8)) == (noun in _STATE_NOUNS):
            return name
    return None

_INSERT = re.compile(r",\s+(?:which|who|whose|a|an|the|led by|backed by|including|comprising|made up of)\b")

ALLIED = re.compile(r"^(?:\s*,)?\s+(?:and|with|alongside|backed by|supported by|allied with|along with|as well as)"
                     r"\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)


def associates(agent_m: ActorMention | None, agent: str | None, target: str | None, trig: Trigger,
                region: tuple[int, int], s: SentenceMentions, text: str) -> list[str]:
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
        if not ALLIED.match(text[prev_end - base:a.start - base]):
            break
        out.append(a.name)
        prev_end = a.end
    return out

_AIR_WORDS = re.compile(r"air ?strikes?|airstrikes?|" + AIR_RAID_RX + r"|warplanes?|jets|aircraft|air ?force|drones?|"
                        r"helicopters?|bombing|bombard", re.IGNORECASE)


def air_actors(text: str, actors: Sequence[ActorMention]) -> frozenset[str]:
    out = set()
    for a in actors:
        left = re.split(r"[.!?]\s", text[max(0, a.start - 25):a.start])[-1]
        right = re.split(r"[.!?]\s", text[a.end:a.end + 25])[0]
        if a.inter in (1, 8) and (_AIR_WORDS.search(a.surface) or _AIR_WORDS.search(left + " " + right)):
            out.add(a.name)
    return frozenset(out)


_BACKED_AFTER = re.compile(r"^\s*-?\s*(?:backed|supported|led|allied)\b", re.IGNORECASE)
_BACKED_BY = re.compile(r"\b(?:backed|supported|aided|assisted)\s+by\s+(?:the\s+)?$", re.IGNORECASE)


def backing_pairs(text: str, actors: Sequence[ActorMention]) -> frozenset[frozenset[str]]:
    """Actor pairs an article names as backer and backed ("US-backed SDF", "the SDF, backed by the coalition",
    "troops supported by Russian air strikes"), plus each actor and its parent group: these are not each
    other's opponents when a battle's other side has to be guessed."""
    pairs: set[frozenset[str]] = set()
    ordered = sorted(actors, key=lambda a: a.start)
    for i, a in enumerate(ordered):
        if a.parent and a.parent != a.name:
            pairs.add(frozenset((a.name, a.parent)))
        sentence_end = min((text.find(p, a.end) for p in ".!?" if text.find(p, a.end) >= 0), default=len(text))
        later = [b for b in ordered[i + 1:] if b.start < sentence_end and b.name != a.name]
        if _BACKED_AFTER.match(text[a.end:a.end + 15]) and later and later[0].start - a.end < 60:
            pairs.add(frozenset((a.name, later[0].name)))  # "US-backed Kurdish-led SDF"
        if _BACKED_BY.search(text[max(0, a.start - 25):a.start]):
            before = [b for b in ordered[:i] if a.start - b.end < 80]
            if before and before[-1].name != a.name:
                pairs.add(frozenset((a.name, before[-1].name)))  # "the SDF, backed by the coalition"
            elif not before and later and later[0].start - a.end < 40:
                pairs.add(frozenset((a.name, later[0].name)))  # "Backed by coalition strikes, the SDF ..."
    return frozenset(pairs)
