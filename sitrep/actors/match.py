"""Actor recognition: ``find_actors`` and ``canonical_actor``.

Four layers, merged by keeping the longest span where they overlap (ties go to
the more specific layer):

1. dictionary aliases (Aho-Corasick, whole words; ``IS`` only in capitals);
2. state forces named by a demonym and a force noun ("Syrian and Russian air
   strikes", "Israeli jets", "Turkish-" is not a demonym);
3. descriptor rules (lower confidence, may depend on the country hint):
   "US-backed Kurdish-led forces" -> SDF in Syria, "government forces" -> the
   hint country's state forces, "coalition" -> US-led (Syria/Iraq) or
   Saudi-led (Yemen), "Russia bombed" -> Russian forces;
4. unknown armed groups by shape ("the Hamza Brigade", "Jaish al-Fatah",
   "Liwa Suqour al-Sham", "the Tawhid Front", "the Sultan Murad militia"):
   ``actor_id=None`` and the surface form as name.

A known actor's span absorbs a following generic noun ("IS militants", "SDF
fighters"), so that noun is not reported again as an unidentified group.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.actors.dictionary import ActorDictionary, ActorEntry, Descriptor, load_actors
from sitrep.actors.lexicon import Hit, fold, normalise, select_longest
from sitrep.records import ActorMention

STAGE_VERSION = "sitrep.actors.match.v8"  # v8: "coalition air strikes" in a Yemen story; v7: "Saudi-led coalition air strikes" is the Saudi-led coalition; v6: "its forces", "their fighters" are the owner's; v5: "security officials" as doers are state forces; v4: a group "-linked", "-inspired" names fighters tied to it, not it

# layer ranks: lower wins a tie in span length
_DICT, _STATE, _DESC, _UNKNOWN = 0, 1, 2, 3

_EXTEND = re.compile(
    r"(?:'s)?\s(?:militants?|fighters?|jihadists?|terrorists?|members?|gunmen|group|forces|troops|soldiers|"
    r"rebels?|insurgents?|extremists?|militia(?:men|s)?|units?|loyalists|elements|cells?|commanders?|"
    r"paramilitaries|guerrillas|operatives|forces'|fighters')(?![\w-])"
)
_NAME = r"[A-Z][\w'-]*"
_ARABIC_GROUP = re.compile(
    r"(?:Jaish|Jaysh|Jabhat|Liwa|Liwaa|Harakat|Harakah|Kataib|Kata'ib|Katibat|Faylaq|Failaq|Saraya|Ansar|Ahrar|"
    r"Firqat|Alwiyat|Tajammu|Jamaat|Jama'at|Jund|Asaib|Usud|Quwat|Fawj|Hizb)"
    rf"\s(?:(?:al|el|ul|ad|as|ash|at|an|ar|wal)-|al\s)?{_NAME}"
    rf"(?:\s(?:(?:al|el|wal|ad|as|ash|at|an|ar)-|ibn\s|bin\s|al\s)?{_NAME}){{0,3}}"
)
# heads of unknown group names; the capitalised words before them are collected by hand (fast)
_GROUP_HEAD = re.compile(
    r"(?:Brigades?|Battalions?|Front|Army|Militias?|Regiment|Division|Corps|Legion|Forces|"
    r"Military\s+Council|Shura\s+Council|militia|brigade|battalion)(?![\w-])"
)
_TITLE_LEFT = re.compile(r"(?<![\w-])(?:(?:Syrian\s+)?President\s+)?(?:Bashar\s+)?(?:al-|el-)?$")
_CAPITALISED = re.compile(r"[A-Z][\w'-]*$")
_STOP_LEAD = frozenset(
    "The A An In On At By For With From And But Of As When After Before While Since During Under Over Against "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December This That These Those Its Their His Her Our Some Many Several "
    "Meanwhile Earlier Later Also However Both Other New Local Syria Iraq Although Though If Then Now Even Yet So "
    "Still Until Unless Because Whether Each Every All Most More Such Only Just Once Deputy Former Senior Top "
    "Arms Army Armed Military Security Regular Elite Mechanised Mechanized Armoured Armored First Second Third "
    "Fourth Fifth Sixth Seventh Eighth Ninth Tenth Special Civil Civil-Military Operations Defense Defence".split()
)
_GENERIC_HEADS = frozenset({"front", "army", "forces", "guard", "guards", "division", "corps"})
_GENERIC_BODY = frozenset({"popular", "national", "western", "eastern", "northern", "southern", "home", "red",
                           "salvation", "regular", "reserve", "security", "special", "coalition", "government"})


def _mention(d: ActorDictionary, entry: ActorEntry, start: int, end: int, text: str,
             country: str | None, score: float) -> ActorMention:
    return ActorMention(start, end, text[start:end], entry.actor_id, d.name_for(entry, country), d.inter_for(entry, country),
                        d.parent_name(entry), score=score)


def _shouting(norm: str, start: int, end: int) -> bool:
    """True for a short capitals token inside an all-capitals heading ("WHAT IS IT"), which is no acronym."""
    if end - start > 4 or not norm[start:end].isupper():
        return False
    letters = [c for c in norm[max(start - 25, 0):end + 25] if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.75 * len(letters)


def _dictionary_hits(hits: list[Hit[tuple[str, str | int]]], norm: str) -> list[tuple[int, int, int, tuple[str, float]]]:
    return [(h.start, h.end, _DICT, (str(h.payload[1]), 1.0)) for h in hits
            if h.payload[0] == "a" and not _shouting(norm, h.start, h.end)]


def _state_hits(d: ActorDictionary, hits: list[Hit[tuple[str, str | int]]],
                norm: str) -> list[tuple[int, int, int, tuple[str, float]]]:
    out: list[tuple[int, int, int, tuple[str, float]]] = []
    if d.state_pattern is None:
        return out
    last_end = -1
    for hit in hits:  # anchor the state pattern at demonyms found by Aho-Corasick
        if hit.payload[0] != "d" or hit.start < last_end:
            continue
        m = d.state_pattern.match(norm, hit.start)
        if m is None:
            continue
        last_end = m.end()
        groups = [g for g in ("d1", "d2", "d3") if m.group(g)]
        for i, g in enumerate(groups):
            actor_id = d.demonym_to_actor.get(re.sub(r"\s+", " ", m.group(g)).lower())
            if not actor_id:
                continue
            start = m.start(g)
            end = m.end() if i == len(groups) - 1 else m.end(g)
            out.append((start, end, _STATE, (actor_id, 0.9)))
    return out


def _windows(rule: Descriptor, points: list[int] | None, length: int,
             before: int = 80, after: int = 100) -> list[tuple[int, int]]:
    """Stretches of the text around the rule's trigger literals (the whole text when it has none)."""
    if not rule.triggers:
        return [(0, length)]
    out: list[tuple[int, int]] = []
    for p in sorted(points or ()):
        lo, hi = max(p - before, 0), min(p + after, length)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _descriptor_hits(d: ActorDictionary, hits: list[Hit[tuple[str, str | int]]], norm: str,
                     country: str | None) -> list[tuple[int, int, int, tuple[str | None, float]]]:
    out: list[tuple[int, int, int, tuple[str | None, float]]] = []
    seen: set[tuple[int, int]] = set()
    hint = country.upper() if country else None
    found: dict[int, list[int]] = {}
    for h in hits:
        if h.payload[0] == "t":
            found.setdefault(int(h.payload[1]), []).append(h.start)
    for i, rule in enumerate(d.descriptors):
        if rule.triggers and i not in found:
            continue
        if hint is None:
            if not rule.default:
                continue
        elif rule.countries is not None and hint not in rule.countries:
            continue
        windows = _windows(rule, found.get(i), len(norm))
        if not windows:
            continue
        actor_id: str | None = rule.actor_id
        if actor_id == "@state":
            actor_id = d.state_by_country.get(hint) if hint else None  # None: "Government forces"
        for m in (m for w0, w1 in windows for m in rule.pattern.finditer(norm, w0, w1)):
            if not _starts_word(norm, m.start()):
                continue
            span = m.span("a") if "a" in rule.pattern.groupindex and m.group("a") else m.span()
            if span in seen:
                continue
            seen.add(span)
            out.append((span[0], span[1], _DESC, (actor_id, rule.score)))
    return out


def _starts_word(norm: str, start: int) -> bool:
    return start == 0 or not (norm[start - 1].isalnum() or norm[start - 1] in "-_")


def _unknown_hits(d: ActorDictionary, norm: str) -> list[tuple[int, int, int, tuple[str | None, float]]]:
    out: list[tuple[int, int, int, tuple[str | None, float]]] = []
    for m in _ARABIC_GROUP.finditer(norm):
        if _starts_word(norm, m.start()):
            out.append((m.start(), m.end(), _UNKNOWN, (None, 0.5)))
    for m in _GROUP_HEAD.finditer(norm):
        if not _starts_word(norm, m.start()):
            continue
        words: list[tuple[int, str]] = []
        pos = m.start()
        limit = 3 if m.group(0)[0].islower() else 4
        while len(words) < limit and pos > 1 and norm[pos - 1] == " ":
            left = norm.rfind(" ", 0, pos - 1) + 1
            word = norm[left:pos - 1]
            if not _CAPITALISED.match(word) or not _starts_word(norm, left):
                break
            words.insert(0, (left, word))
            pos = left
        while words and words[0][1] in _STOP_LEAD:
            words.pop(0)
        if not words:
            continue
        body = [w for _, w in words]
        head = m.group(0).lower()
        if all(w.lower() in d.demonym_to_actor for w in body):
            continue  # "Syrian Army": state forces, handled by the state layer
        if head in _GENERIC_HEADS and len(body) == 1 and body[0].lower() in _GENERIC_BODY:
            continue
        out.append((words[0][0], m.end(), _UNKNOWN, (None, 0.5)))
    return out


def _extended(d: ActorDictionary, norm: str, cand: tuple[int, int, int, tuple[str | None, float]]
              ) -> tuple[int, int, int, tuple[str | None, float]]:
    """Let an armed actor's span absorb a following generic noun ("IS militants", "SDF rebels")."""
    entry = d.get(cand[3][0])
    if entry is None or entry.inter in (5, 6, 7) or entry.actor_id == "unidentified":
        return cand
    ext = _EXTEND.match(norm, cand[1])
    return (cand[0], ext.end(), cand[2], cand[3]) if ext else cand


_LINKED = re.compile(r"[-‐–]\s?(?:linked|affiliated|aligned|allied|inspired|leaning|sympathi[sz]ing)\b", re.IGNORECASE)


def find_actors(text: str, *, country: str | None = None, dictionary: ActorDictionary | None = None) -> list[ActorMention]:
    """Actors named in ``text`` (a sentence or a whole article), sorted by position.

    ``country`` (ISO2, the document's focus country) lets descriptor rules pick
    the right actor ("government forces", "Kurdish forces", "the coalition")
    and codes state forces 1 at home and 8 abroad.
    """
    d = dictionary or load_actors()
    norm = normalise(text)
    folded = fold(norm)
    hits = d.index.find(norm, norm, folded)
    cands: list[tuple[int, int, int, tuple[str | None, float]]] = []
    cands.extend(_dictionary_hits(hits, norm))
    cands.extend(_state_hits(d, hits, norm))
    cands.extend(_descriptor_hits(d, hits, norm, country))
    cands = [_extended(d, norm, c) for c in cands]
    if any(c.isupper() for c in norm):
        known = [(c[0], c[1]) for c in cands]
        cands.extend(u for u in _unknown_hits(d, norm) if not any(u[0] < e and s < u[1] for s, e in known))
    chosen = select_longest(cands)
    out: list[ActorMention] = []
    for start, end, _layer, (actor_id, score) in chosen:
        if _LINKED.match(norm, end):
            continue  # "al-Qaida-linked fighters", "Isis-inspired militants": fighters tied to the group, not it
        if norm.startswith("Assad", start):  # "President Bashar al-" + "Assad's troops"
            title = _TITLE_LEFT.search(norm[max(start - 40, 0):start])
            if title and title.group(0):
                start -= len(title.group(0))
        entry = d.get(actor_id)
        if entry is None:
            surface = text[start:end]
            if actor_id is None and _layer == _DESC:
                out.append(ActorMention(start, end, surface, None, "Government forces", 1, score=score))
            else:
                name = re.sub(r"^(?:the|The)\s+", "", surface)
                out.append(ActorMention(start, end, surface, None, name, score=score))
            continue
        out.append(_mention(d, entry, start, end, text, country, score))
    out = [_led_coalition(d, m, norm, text, country) for m in out]
    return _possessed(d, hits, norm, text, out, country)


_LED_BY = re.compile(r"((?:[A-Z][\w.]*|[Ss]audi|[Aa]rab)-led(?:\s+(?:military|Arab|international))?)\s+$")


def _led_coalition(d: ActorDictionary, m: ActorMention, norm: str, text: str, country: str | None) -> ActorMention:
    """ "Saudi-led coalition air strikes": the longest alias ("coalition air strikes", the US-led coalition's)
    starts after the leader's name, which names another coalition; the leader's coalition, over the whole span.
    With no leader named, in a Yemen or Saudi story, the coalition is the Saudi-led one (as the descriptor rule
    reads a bare "coalition" there)."""
    if not m.surface.lower().startswith("coalition"):
        return m
    lead = _LED_BY.search(norm, max(0, m.start - 40), m.start)
    if lead is None and country in ("YE", "SA") and m.actor_id == "us_led_coalition":
        entry = d.get("saudi_coalition")  # "coalition air strikes" in a Yemen story: the coalition fighting there
        return replace(_mention(d, entry, m.start, m.end, text, country, m.score), kind=m.kind) if entry else m
    actor_id = _alias_actor(d, f"{lead.group(1)} coalition") if lead else None
    entry = d.get(actor_id)
    if lead is None or entry is None or entry.actor_id == m.actor_id:
        return m
    return replace(_mention(d, entry, lead.start(1), m.end, text, country, m.score), kind=m.kind)


# "its troops", "their fighters": a bare force noun owned by a pronoun
_OWNED_FORCE = re.compile(r"(?:troops|forces|soldiers|army|military|fighters|units|jets|warplanes|aircraft|drones)$",
                          re.IGNORECASE)
_OWNER_PRONOUN = re.compile(r"\b(?:its|their)\s+(?:own\s+)?$", re.IGNORECASE)
_OWNED_BARE = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(forces|fighters|units|jets|warplanes|aircraft|drones)\b",
                         re.IGNORECASE)


def _possessed(d: ActorDictionary, hits: list[Hit[tuple[str, str | int]]], norm: str, text: str,
               out: list[ActorMention], country: str | None) -> list[ActorMention]:
    """ "Russia's defence ministry claimed its troops had taken the village": forces owned by "its"/"their" are
    the forces of the state or group the sentence named last before them (a demonym or possessive, or an armed
    actor), not the article's home state's."""
    # a force noun no rule names alone ("its forces", "their fighters": whose is only known from the owner)
    bare = [ActorMention(o.start(1), o.end(1), text[o.start(1):o.end(1)], None, "", score=0.4)
            for o in _OWNED_BARE.finditer(norm) if not any(a.start < o.end(1) and o.start(1) < a.end for a in out)]
    out = sorted(out + bare, key=lambda a: a.start)
    result: list[ActorMention | None] = list(out)
    for i, m in enumerate(out):
        if not _OWNED_FORCE.fullmatch(m.surface.strip()) or not _OWNER_PRONOUN.search(norm[max(0, m.start - 12):m.start]):
            continue
        stop = max(norm.rfind(". ", 0, m.start), norm.rfind("\n", 0, m.start))
        owners: list[tuple[int, ActorMention]] = []
        for h in hits:
            actor_id = d.demonym_to_actor.get(norm[h.start:h.end].lower()) if h.payload[0] == "d" else None
            entry = d.get(actor_id) if actor_id else None
            if entry is not None and stop < h.start and h.end <= m.start:
                owners.append((h.start, _mention(d, entry, m.start, m.end, text, country, m.score)))
        owners.extend((a.start, replace(a, start=m.start, end=m.end, surface=m.surface)) for a in out
                      if stop < a.start and a.end <= m.start and a.inter in (1, 2, 3, 4, 8) and a.actor_id)
        if owners:
            result[i] = max(owners, key=lambda o: o[0])[1]
        elif m.actor_id is None and not m.name:
            result[i] = None  # an owner the sentence does not name: no actor
    return [m for m in result if m is not None]


# a generic phrase for a state's own forces: a determiner, at most one state modifier and a force noun ("the
# government", "the regime", "security forces", "government troops", "the army"); not "its soldiers" (whose?)
_GENERIC_STATE = re.compile(
    r"(?:the\s+)?(?:(?:government|regime|state|security|army|military|regular)\s+)?"
    r"(?:government|regime|forces|troops|army|soldiers|military|security\s+forces|authorities)"
    # the state's arms named with it: "government tanks and artillery", "regime jets"
    r"|(?:the\s+)?(?:government|regime|army|military)\s+(?:tanks|artillery|jets|warplanes|helicopters|aircraft|"
    r"gunships|snipers)(?:\s*(?:,|and|,\s*and)\s*(?:tanks|artillery|jets|warplanes|helicopters|aircraft|gunships|"
    r"snipers))*"
    # the state's agents by office, as the doers of a deed ("security officials stormed the mosque")
    r"|(?:the\s+)?(?:security|military|police|intelligence|army)\s+(?:officials|officers|agents|personnel)",
    re.IGNORECASE)


def state_forces(phrase: str, *, country: str | None, dictionary: ActorDictionary | None = None
                 ) -> ActorMention | None:
    """The focus country's state forces for a generic phrase that names them without naming the state ("the
    government retook", "security forces stormed", "clashes with the regime"); None for anything else, and
    without a country (never a guessed state). A bare "forces" needs a state modifier ("the forces" is anyone's).
    """
    if not country:
        return None
    d = dictionary or load_actors()
    entry = d.get(d.state_by_country.get(country.upper()))
    if entry is None:
        return None
    core = re.sub(r"\s+(['’]s)\b", r"\1", phrase.strip())  # "Syria 's state military" (tokenised text)
    lead = re.match(r"([\w-]+['’]s|[\w-]+)\s+", core)
    own = lead is not None and lead.group(1).lower() in {x.lower() for x in entry.demonyms}
    if lead is not None and own:
        core = core[lead.end():]  # "Syria's state military", "Syrian government troops": the country's own
    m = _GENERIC_STATE.fullmatch(core)
    if m is None or re.fullmatch(r"(?:\w+\s+)?forces", core, re.IGNORECASE) and not (own or re.search(
            r"\b(?:government|regime|state|security|army|military|regular)\s+forces", core, re.IGNORECASE)):
        return None
    return state_of(country, phrase, dictionary=d)


def state_of(country: str, phrase: str = "", *, dictionary: ActorDictionary | None = None) -> ActorMention | None:
    """The country's state forces as the actor of ``phrase`` (offsets within it), whatever the phrase says
    ("Ukraine, meanwhile, launched a drone attack": a country named as the doer); None for a country the
    dictionary has no state forces for."""
    d = dictionary or load_actors()
    entry = d.get(d.state_by_country.get(country.upper()))
    return None if entry is None else _mention(d, entry, 0, len(phrase), phrase, country, 0.6)


def _alias_actor(d: ActorDictionary, phrase: str) -> str | None:
    return next((str(p[1]) for p in d.index.lookup_all(phrase) if p[0] == "a"), None)


def canonical_actor(name: str, *, country: str | None = None,
                    dictionary: ActorDictionary | None = None) -> ActorMention | None:
    """The dictionary actor that ``name`` denotes (an alias, a canonical name or an actor_id), else None."""
    d = dictionary or load_actors()
    clean = name.strip()
    if not clean:
        return None
    actor_id = d.by_name.get(clean.lower()) or _alias_actor(d, clean)
    if actor_id is None:
        stripped = re.sub(r"^(?:the|The)\s+", "", clean)
        actor_id = _alias_actor(d, stripped) if stripped != clean else None
    if actor_id is None:
        found = [m for m in find_actors(clean, country=country, dictionary=d) if m.actor_id]
        core = len(re.sub(r"^(?:the|The)\s+", "", clean))
        if len(found) == 1 and (found[0].end - found[0].start) >= 0.6 * core:
            actor_id = found[0].actor_id
    entry = d.get(actor_id)
    if entry is None:
        return None
    return _mention(d, entry, 0, len(name), name, country, 1.0)
