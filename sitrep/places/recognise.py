"""Toponym recognition: gazetteer matching over capitalised token n-grams plus patterns.

Every run of capitalised tokens (with "al-"/"el-" prefixes and "of"/"de"
inside names) is looked up longest-first in the gazetteer's exact and fuzzy
key indexes (the same normalisation as the gazetteer, so "al-Romania",
"Roumaniya" and "Romaniyeh" meet). Guards for precision: a stop-list of
common words and first names that are also place names, person cues
("Mr.", "said Jordan", "Jordan said"), organisation contexts ("Islamic State of
Iraq", "Washington Post"), demonyms (never places here). Patterns add
unknown names: "the X neighbourhood/district", "the town/city/village of X",
"X province/governorate", "in X" for a capitalised name followed by nothing
capitalised; those stay unresolved (``place_id=None``) when the gazetteer has
no entry, without affecting the other mentions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from importlib import resources

from sitrep.places.gazetteer import Gazetteer
from sitrep.places.normalize import exact_key, fuzzy_key
from sitrep.places.resolve import Mention, make_mention
from sitrep.regex_first import with_first_chars

RECOGNISE_VERSION = "sitrep.places.recognise.v5"  # v5: "the X refugee camp", "X village", "X township"; v3: "Patriots for Change" ends a name; v4: "drug lord Joaquin"
MAX_TOKENS = 6

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F]*(?:['’][\w\u00C0-\u024F]+)*(?:-[\w\u00C0-\u024F]+)*\.?")
_CONNECTORS = {"of", "de", "del", "la", "le", "du", "upon", "on", "al", "el", "ar", "as", "ash", "ad", "ez", "az", "an", "bin", "ibn", "and"}
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az|ath|ez|es|ed|en)-", re.IGNORECASE)
_CAP_ARTICLES = {"Al", "El", "Ar", "Ash", "Ad", "Az", "Ath", "Ez"}
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|d|m|t)$", re.IGNORECASE)
_ABBREV_TOKENS = {"St", "Mt", "Ft", "Pt", "W", "E", "N", "S", "Mount", "Saint"}
_PERSON_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Prof|President|Minister|Judge|Officer|Deputy|Coach)\.?\s+$"
                            # a lower-case role noun right before a name: "drug lord Joaquin Guzman", "spokesman
                            # Zabihullah Mujahid", "rebel leader Riek Machar"
                            r"|\b(?:spokes(?:man|woman|person)|leader|commander|lord|kingpin|warlord|cleric)\s+$")
_PERSON_AFTER = re.compile(r"^\s*(?:said|says|told|added|asked|wrote|explained|noted|\(\d)")
_ORG_AFTER = {
    "post", "times", "news", "university", "college", "school", "hospital", "church", "bank", "company", "corp",
    "inc", "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "club", "team", "airport",
    "high", "department", "police", "council", "herald", "tribune", "journal", "gazette", "daily", "observer",
    "express", "institute", "foundation", "center", "centre", "hotel", "mall", "park", "stadium", "party", "group",
    "forces", "army", "front", "brigade", "brigades", "movement", "observatory", "state", "government", "court",
    "fc", "united", "city", "county", "redskins", "giants", "magazine", "review", "press", "service", "agency",
}
# capitalised words after a place name that still locate the text there ("Athens Police", "Manbij Military Council")
_LOCAL_BODIES = {"police", "sheriff", "sheriff's", "sheriff’s", "fire", "council", "civil", "military", "municipal",
                 "mayor", "media", "township", "metro", "area"}
_PLACE_TYPES = {"county", "parish", "province", "governorate", "state", "city", "district", "region", "township"}
_ORG_BEFORE_OF = {"state", "university", "bank", "republic", "kingdom", "bishop", "archbishop", "duke", "mayor",
                  "governor", "president", "emirate", "caliphate", "people", "council", "church", "museum"}
_UNKNOWN_PATTERNS = [  # (each behind the lookahead of its first characters: sitrep.regex_first)
    with_first_chars(re.compile(r"\b(?:the[ ]+)?(?:town|city|village|neighbourhood|neighborhood|district|suburb|province|governorate|region)"
                                r"[ ]+of[ ]+((?:al-|el-|ar-|as-)?[A-Z][\w’'\-]+(?:[ ]+(?:al-)?[A-Z][\w’'\-]+){0,2})")),
    with_first_chars(re.compile(r"\b(?:the[ ]+)?((?:al-|el-|ar-|as-)?[A-Z][\w’'\-]+(?:[ ]+(?:al-)?[A-Z][\w’'\-]+){0,2})[ ]+"
                                r"(?:neighbourhood|neighborhood|district|quarter|suburb|province|governorate|"
                                r"(?:(?:refugee|displacement|displaced|IDP)[ ]+)?camp|village|township)s?\b(?![ ]+(?:"
                                r"council|chief|head|elders?|people|hall|green|school|market|road))")),
]


@functools.lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """Words and first names that are also place names: not toponyms on their own."""
    text = (resources.files("sitrep.places") / "data" / "stoplist.txt").read_text(encoding="utf-8")
    return frozenset(exact_key(w) for w in text.split("\n") if w.strip() and not w.startswith("#"))


@functools.lru_cache(maxsize=1 << 16)
def _is_cap(tok: str) -> bool:
    core = _ARTICLE_PREFIX.sub("", tok)
    return bool(core) and core[0].isupper()


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or bool(re.search(r"(?:[.!?\"“”:]\s*|\n\s*)$", before))


def _known_name(surface: str, gaz: Gazetteer, stop: frozenset[str], layers: Collection[str]) -> bool:
    """A candidate name the gazetteer (or a layer of ``layers``) knows, not a stop word or a bare abbreviation."""
    key = exact_key(surface)
    if not key or key in stop:
        return False
    if key in _ABBREVIATION_KEYS and not surface.endswith("."):
        return False  # "Wash" is not "Wash." (Washington)
    return bool(gaz.exact.get(key) or (len(key) >= 4 and gaz.fuzzy.get(fuzzy_key(surface)))
                or gaz.layer_has(key, layers))


_NAME_BREAK = re.compile(r"[,;:!?()\"“”\n/]")  # sentence punctuation: never inside a multi-token name
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_DOTTED_END = re.compile(r"\.[A-Za-z]+\.$")


def find_toponyms(text: str, gaz: Gazetteer, *, layers: Collection[str] = ()) -> list[Mention]:
    """Recognise toponym spans and look them up (resolution happens later); ``layers``: countries whose
    conflict-country layer is searched too."""
    tokens = _split_compounds([(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)], gaz)
    stop = stoplist()
    caps = [_is_cap(t[2]) for t in tokens]
    people = _person_tokens(text, tokens, gaz, caps)
    found: list[tuple[int, int]] = []
    known: dict[str, bool] = {}  # surface -> a gazetteer name (the tests below read the surface only)
    n_tokens = len(tokens)
    i = 0
    for first in [j for j, cap in enumerate(caps) if cap]:  # a name starts with a capitalised token
        if first < i:
            continue  # inside the name just found
        i = first
        tok = tokens[i][2]
        article = tok in _CAP_ARTICLES
        if (tok.lower() in _CONNECTORS and not article) or _CONTRACTION.search(tok) or tok == "The":
            continue
        match = None
        run = 1  # a name runs over capitalised words and connectors only ("Port of Los Angeles")
        while run < MAX_TOKENS and i + run < n_tokens and (caps[i + run] or tokens[i + run][2].lower() in _CONNECTORS):
            run += 1
        # a token ending in a full stop that is no abbreviation or initial ends a multi-token name: "Sudan. As"
        broken = [t[2].endswith(".") and t[2][:-1] not in _ABBREV_TOKENS and not _INITIALS.fullmatch(t[2])
                  for t in tokens[i:i + run - 1]]
        for n in range(run, 1 if article else 0, -1):
            last = tokens[i + n - 1]
            if not caps[i + n - 1]:
                continue
            # no sentence punctuation inside a multi-token name
            if n > 1 and _NAME_BREAK.search(text, tokens[i][0], last[1]):
                continue
            if n > 1 and any(broken[:n - 1]):
                continue  # "Sudan. As" spans a sentence break
            start, end = tokens[i][0], last[1]
            surface = text[start:end]
            if surface.endswith(".") and not _DOTTED_END.search(surface) and surface not in _AP_ABBREVIATIONS:
                end -= 1
                surface = surface[:-1]
            if surface.endswith(("'s", "’s")):  # (a token never ends in a newline, where "$" also matches)
                surface = surface[:-2]
            end = start + len(surface)
            hit = known.get(surface)
            if hit is None:
                hit = known[surface] = _known_name(surface, gaz, stop, layers)
            if hit:
                match = (start, end, n)
                break
        if match is None:
            continue
        start, end, n = match
        if _keep(text, start, end, tokens, i, n, gaz, layers) and not (n == 1 and tokens[i][2].rstrip(".") in people):
            found.append((start, end))
        i += n
    # patterns for names the gazetteer does not know
    for pat in _UNKNOWN_PATTERNS:
        for m in pat.finditer(text):
            s, e = m.start(1), m.end(1)
            lead = re.match(r"(?:The|A|An|In|At|On)[ ]+", text[s:e])
            if lead:
                s += lead.end()
            words = text[s:e].split()
            if not words or any(w.lower() in stop or w.lower() in _MONTHS_DAYS for w in words[1:]):
                continue
            key = exact_key(text[s:e])
            if not any(a < e and s < b for a, b in found) and key not in stop and not gaz.demonyms.get(key):
                found.append((s, e))
    for m in re.finditer(r"\b(?:in|near|outside|around)[ ]+((?:al-)?[A-Z][a-z’'\-]{2,}(?:[ ]+[A-Z][a-z’'\-]{2,})?)(?=[ ]*[,.;]|[ ]+(?:on|in|at|and|after|before|last|this|early|late)\b)", text):
        s, e = m.start(1), m.end(1)
        key = exact_key(text[s:e])
        if any(a < e and s < b for a, b in found) or key in stop or gaz.demonyms.get(key):
            continue
        if _looks_like_unknown_place(text[s:e]):
            found.append((s, e))
    found.sort()
    mentions = [make_mention(text, s, e, gaz, layers=layers) for s, e in found]
    lowered = text.lower()
    pattern = _phrase_pattern(gaz.phrases)
    if pattern is not None:
        for m in pattern.finditer(lowered):
            s, e = m.start(), m.end()
            if any(x.start <= s and e <= x.end for x in mentions):
                continue  # already inside a longer match
            mention = make_mention(text, s, e, gaz)
            mention.candidates = [c for c in mention.candidates if c.place.feature in ("neighbourhood", "landmark")]
            if mention.candidates:
                mention.needs_parent = True
                # the phrase wins over shorter overlapping matches ("al-Nuri" inside "al-Nuri mosque")
                mentions = [x for x in mentions if not (x.start < e and s < x.end and x.end - x.start < e - s)]
                if not any(x.start < e and s < x.end for x in mentions):
                    mentions.append(mention)
    mentions.sort(key=lambda x: x.start)
    return mentions


_NAME_PREFIXES = {
    "lake", "mount", "mt", "fort", "ft", "port", "saint", "st", "new", "north", "south", "east", "west", "upper",
    "lower", "little", "great", "greater", "old", "cape", "camp", "the", "northern", "southern", "eastern", "western",
    "central", "in", "at", "from", "to", "near", "of", "and", "al", "el", "ar", "ash", "ad", "az", "ath", "ez",
    "northwest", "northeast", "southwest", "southeast", "downtown", "rural", "suburban", "metro",
}


def _person_tokens(text: str, tokens: list[tuple[int, int, str]], gaz: Gazetteer,
                   caps: list[bool] | None = None) -> frozenset[str]:
    """Surnames of the document: the last word of "Tom Ripley", "President Bush" (two capitalised words that are
    not a gazetteer name and not "Lake X", "North X", "X County"). A lone "Ripley" later is then a person."""
    if caps is None:
        caps = [_is_cap(t[2]) for t in tokens]
    out = set()
    for j in [j for j in range(len(tokens) - 1) if caps[j] and caps[j + 1]]:
        (s1, e1, a), (s2, _e2, b) = tokens[j], tokens[j + 1]
        if text[e1:s2] != " ":
            continue
        if a.lower().rstrip(".") in _NAME_PREFIXES or b.lower().rstrip(".") in _PLACE_TYPES or b in _CAP_ARTICLES:
            continue
        if a.isupper() or b.isupper() or gaz.exact.get(exact_key(f"{a} {b}")) or _major_place(b, gaz):
            continue
        if _sentence_initial(text, s1) and a.lower() in stoplist():
            continue  # "The Ripley ..." / "In Ripley ..."
        out.add(b.rstrip("."))
    return frozenset(out)


@functools.lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation over the curated multi-word names (longest first)."""
    if not phrases:
        return None
    return with_first_chars(re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b"))


def _split_compounds(tokens: list[tuple[int, int, str]], gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Split "Egypt-US" and "Athens-Clarke" (capitalised parts, one of them a major place) unless the whole compound
    is a known name; "Wal-Mart" stays whole."""
    out = []
    for s, e, tok in tokens:
        if "-" not in tok:  # most tokens: one part
            out.append((s, e, tok))
            continue
        parts = tok.split("-")
        if len(parts) > 1 and all(p[:1].isupper() for p in parts) and not _ARTICLE_PREFIX.match(tok) \
                and not gaz.exact.get(exact_key(tok)) and any(_major_place(p.rstrip("."), gaz) for p in parts):
            pos = s
            for part in parts:
                out.append((pos, pos + len(part), part))
                pos += len(part) + 1
        else:
            out.append((s, e, tok))
    return out


def _big_capital(surface: str, gaz: Gazetteer) -> bool:
    """A capital of 100,000 or more ("Ankara said" is Turkey's government; not Douglas, Isle of Man; a country
    name before "said" stays a person: "Jordan said")."""
    return any(q == 1.0 and gaz.place(j).feature == "capital" and (gaz.place(j).population or 0) >= 100_000
               for j, q in gaz.lookup(surface, fuzzy=False))


def _major_place(word: str, gaz: Gazetteer) -> bool:
    """A country, first-level area, capital or big city is not taken for a surname ("Northwest Ohio")."""
    for j, q in gaz.lookup(word, fuzzy=False):
        p = gaz.place(j)
        if q == 1.0 and (p.feature in ("country", "admin1", "capital", "region") or (p.population or 0) >= 100_000):
            return True
    return False


_AP_ABBREVIATIONS = frozenset(
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass. Mich. Minn. Miss. Mo. "
    "Mont. Neb. Nebr. Nev. Okla. Ore. Pa. Penn. Tenn. Tex. Vt. Va. Wash. Wis. Wisc. Wyo. "
    "Ont. Que. Alta. Sask. Man. Nfld. Qld. Vic. Tas.".split()
)
_ABBREVIATION_KEYS = frozenset(exact_key(a) for a in _AP_ABBREVIATIONS)
_MONTHS_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _looks_like_unknown_place(surface: str) -> bool:
    words = surface.lower().split()
    return not any(w in _MONTHS_DAYS for w in words)


# people named by a nationality adjective: "Somali forces", "Kurdish fighters", "Afghan refugees"
_GROUP_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:forces|troops|soldiers|army|military|police|government|officials?|"
                          r"authorities|militants|fighters|rebels|militias?|gunmen|president|minister|people|civilians|"
                          r"refugees|citizens|nationals|villagers|residents|leaders?|officers?|commanders?|jets|"
                          r"warplanes|aircraft|navy|coast guard|security)\b")


def _keep(text: str, start: int, end: int, tokens: list[tuple[int, int, str]], i: int, n: int, gaz: Gazetteer,
          layers: Collection[str] = ()) -> bool:
    surface = text[start:end]
    key = exact_key(surface)
    if gaz.demonyms.get(key) and not gaz.exact.get(key):
        return False
    before = text[max(0, start - 30):start]
    after = text[end:end + 30]
    if gaz.demonyms.get(key) and _GROUP_AFTER.match(after):
        return False  # "Somali forces", "Kurdish fighters": a nationality's people, not Ethiopia's Somali region
    if _PERSON_BEFORE.search(before):
        return False
    if _PERSON_AFTER.match(after) and not re.search(r"\b(?:in|at|from|near|of|to|into|across|around|outside)\s+(?:the\s+)?$", before) \
            and not _big_capital(surface, gaz):
        return False  # "Ripley said" is a person; "Ankara said" is a capital standing for its government
    # part of a longer capitalised name: "Washington Post", "George Washington", "Leroy Wright"
    nxt = tokens[i + n][2] if i + n < len(tokens) else ""
    adjacent_next = i + n < len(tokens) and text[end:tokens[i + n][0]].strip() == ""
    if adjacent_next and _is_cap(nxt) and nxt.lower().rstrip(".") not in _PLACE_TYPES | _LOCAL_BODIES:
        return False
    if adjacent_next and nxt in {"al", "el", "bin", "ibn", "bint", "abu"} and i + n + 1 < len(tokens) and _is_cap(tokens[i + n + 1][2]):
        return False  # "Diana al Rifai", "Hamza bin Laden"
    prev = tokens[i - 1][2] if i > 0 else ""
    adjacent_prev = i > 0 and text[tokens[i - 1][1]:start].strip() == ""
    if adjacent_prev and _is_cap(prev) and not prev.endswith(("'s", "’s")) \
            and not _sentence_initial(text, tokens[i - 1][0]):  # "Syria's Idlib": a possessive ends a name
        if prev.lower() not in _NAME_PREFIXES:
            return False
    if i >= 2 and prev == "for" and _is_cap(tokens[i - 2][2]) and tokens[i - 2][2] not in _CAP_ARTICLES \
            and text[tokens[i - 2][1]:start] == " for " and not _sentence_initial(text, tokens[i - 2][0]):
        return False  # the end of a name: "Coalition of Patriots for Change", "Movement for Justice"
    # "IS", "UN", "SOHR": short all-capital words count only as country abbreviations ("US", "UK", "UAE")
    bare = surface.replace(".", "")
    if bare.isupper() and len(bare) <= 4:
        hits = [gaz.place(j) for j, q in gaz.lookup(surface, fuzzy=False) if q == 1.0]
        dotted = "." in surface or len(bare) >= 3  # "B.C.", "NSW": a first-level area's abbreviation
        if not any(p.feature in ("country", "region", "capital") or (p.feature == "city" and (p.population or 0) > 1_000_000)
                   or (dotted and p.feature == "admin1") for p in hits):
            return False
    # names known only as an alternate or transliteration variant need to be a real, sizeable or curated place
    scored = gaz.lookup(surface)
    if not scored and layers:
        # a village of the article's conflict country (its context is checked again in geoparse)
        return not (n == 1 and _sentence_initial(text, start)) and gaz.layer_has(key, layers)
    if layers and any(q >= 0.6 and gaz.place(j).country in layers for j, q in scored):
        return True  # a transliteration variant of a place in the article's own conflict country ("Ain Issa")
    if scored and all(q < 1.0 for _, q in scored):
        if not any(gaz.place(j).feature in ("neighbourhood", "landmark", "region", "country", "admin1")
                   or ((gaz.place(j).population or 0) >= 20_000 and gaz.place(j).feature != "admin2") for j, _ in scored):
            return False
    # a sentence-initial single word needs a sizeable place behind it ("Over", "Earlier")
    if n == 1 and _sentence_initial(text, start):
        if not any(q == 1.0 and ((gaz.place(j).population or 0) >= 20_000 or gaz.place(j).feature not in ("city", "admin2"))
                   for j, q in scored):
            return False
    # "Islamic State of Iraq", "University of Texas"
    m = re.search(r"([A-Z][a-z]+)\s+of\s+(?:the\s+)?$", before)
    if m and m.group(1).lower() in _ORG_BEFORE_OF:
        return False
    return True
