"""Toponym resolution: pick one gazetteer entry per mention using the document.

Score of a candidate = prior (log population, feature type, exact vs fuzzy
match) + cues around the mention ("X province", "the town of X", "X, Texas",
"the X" for a sea or gulf, an Arabic article prefix) + document context,
re-estimated over a few rounds: the focus country (most frequent country
among the current choices, or the caller's), the admin1 areas the document is
evidently about, other places near the candidate, and for a neighbourhood
whether its city is in the document.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sitrep.places.gazetteer import Gazetteer, Place
from sitrep.places.normalize import TRANSLITERATED_COUNTRIES, exact_key
from sitrep.records import PlaceMention

RESOLVE_VERSION = "sitrep.places.resolve.v14"  # v14: "the X refugee camp" is a settlement cue; v13: "Donetsk" is the city in the former Soviet Union, Myanmar, Nigeria, DR Congo; v12: "in the Northwest region" is also North-West; v11: "X in northern Mozambique", "in Cameroon's Southwest region" qualify X; v9: a named province or country rules out namesakes elsewhere; v10: "in Haiti's Artibonite department"
RANKER_PATH = Path(__file__).resolve().parent / "data" / "geo_ranker.json"

CUE_AFTER = {
    "province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1", "oblast": "admin1",
    "county": "admin2", "parish": "admin2", "district": "district", "neighbourhood": "neighbourhood",
    "neighborhood": "neighbourhood", "neighbourhoods": "neighbourhood", "neighborhoods": "neighbourhood",
    "quarter": "neighbourhood", "suburb": "neighbourhood", "area": "district",
    "city": "city", "town": "city", "village": "city", "countryside": "admin1",
}
CUE_BEFORE = {
    "province": "admin1", "governorate": "admin1", "state": "admin1", "county": "admin2",
    "city": "city", "town": "city", "village": "city", "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood",
    "neighbourhoods": "neighbourhood", "neighborhoods": "neighbourhood", "district": "district",
}
_CUE_FEATURES = {
    "admin1": {"admin1"}, "admin2": {"admin2"}, "city": {"city", "capital"},
    "neighbourhood": {"neighbourhood", "landmark"}, "district": {"neighbourhood", "admin2", "landmark"},
    "water": {"water"},
}
_AFTER_RE = re.compile(r"^\W{0,2}\s*([A-Za-z]+)")
_CAMP_AFTER = re.compile(r"\s+(?:(?:refugee|displacement|displaced(?: persons['’]?)?|IDP|IDPs['’]?)\s+)?camps?\b",
                         re.IGNORECASE)
_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+of\s+(?:the\s+)?$")
_QUALIFIER_RE = re.compile(r"^,\s*((?:[A-Z][\w.'’-]*\s?){1,3})")
_IN_AREA_RE = re.compile(
    r"^\s+in\s+(?:the\s+)?(?:(?P<owner>[A-Z][\w-]*)['’]s\s+)?((?:[A-Z][\w'’-]*\s){1,3})"
    r"(?:province|state|governorate|region|oblast|department)\b")
# "Palma in northern Mozambique", "Kunduz in Afghanistan": the country the place lies in
_IN_COUNTRY_RE = re.compile(
    r"^\s+in\s+(?:the\s+)?(?:(?:far|extreme)\s+)?(?:(?:north|south|east|west)(?:ern)?|central|"
    r"(?:north|south)-?(?:east|west)(?:ern)?|neighbou?ring)?\s*((?:[A-Z][\w-]*\s)?[A-Z][\w-]*)(?![\w'’-]|\s[A-Z])")
# "Mayba in North Kivu's Lubero territory", "in Pakistan's Khyber district": the possessive names the area
_IN_OWNER_RE = re.compile(r"^\s+in\s+(?:the\s+)?((?:[A-Z][\w-]*\s){0,2}[A-Z][\w-]*)['’]s\s+(?:[A-Z]|[a-z]+\s+[A-Z])")
# "the southern Lebanese town of Naqoura", "a Malian village called X": a country's adjective before the type word
_DEMONYM_BEFORE_RE = re.compile(
    r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:border\s+|frontier\s+|coastal\s+|port\s+|market\s+|mountain\s+)?"
    r"(?:town|city|village|hamlet|district|province|region|state|port)\s+(?:of|called|named)\s+(?:the\s+)?$")
_ARABIC_PREFIX = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az|ath|ez)[-‐ ]", re.IGNORECASE)
_LOCAL = {"city", "capital", "neighbourhood", "landmark", "admin2"}


@dataclass
class Candidate:
    idx: int
    place: Place
    quality: float
    score: float = 0.0
    shadowed: bool = False  # an admin1 whose capital city of the same name is also a candidate
    layer: bool = False  # found in the conflict-country layer only


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    key: str
    candidates: list[Candidate] = field(default_factory=list)
    cue: str | None = None
    qualifier: list[Place] = field(default_factory=list)
    arabic: bool = False
    best: Candidate | None = None
    margin: float = 0.0
    country_named: bool = False  # a country's own name is among the candidates
    needs_parent: bool = False  # lower-case landmark phrase: kept only when its city is in the document
    p_best: float = 0.0  # the ranker's probability that ``best`` is right
    refused: Candidate | None = None  # the top candidate when the ranker said "none of these"


def make_mention(text: str, start: int, end: int, gaz: Gazetteer, *, demonyms: bool = False,
                 layers: Collection[str] = ()) -> Mention:
    """Look a span up (in the shipped gazetteer and the conflict-country layers of ``layers``) and read the cues
    around it."""
    surface = text[start:end]
    clean = re.sub(r"['’]s$", "", surface)
    m = Mention(start, end, surface, exact_key(clean))
    hits = [(i, 1.0) for i in gaz.lookup_demonym(clean)] if demonyms else []
    if not hits:
        hits = gaz.lookup(clean, layers=layers)
    if not hits:
        # "Laurel County" when only "Laurel" is known, "Raqqa city" etc.
        words = clean.split()
        if len(words) > 1 and words[-1].lower() in CUE_AFTER:
            hits = gaz.lookup(" ".join(words[:-1]), layers=layers)
            m.cue = CUE_AFTER[words[-1].lower()]
    if not hits:
        hits = _back_off(clean, gaz, layers)
    m.candidates = [Candidate(i, gaz.place(i), q, layer=i >= gaz.base_size) for i, q in hits]
    _shadow_admin1(m)
    m.country_named = any(c.quality >= 1.0 and c.place.feature == "country" for c in m.candidates)
    after = text[end:end + 40]
    am = _AFTER_RE.match(after)
    if am and am.group(1).lower() in CUE_AFTER and m.cue is None:
        m.cue = CUE_AFTER[am.group(1).lower()]
    if m.cue is None and _CAMP_AFTER.match(after):
        m.cue = "city"  # "the Nuseirat refugee camp", "Zamzam displacement camp": a settlement of its own
    bm = _BEFORE_RE.search(text[max(0, start - 40):start])
    if bm and bm.group(1).lower() in CUE_BEFORE and m.cue is None:
        m.cue = CUE_BEFORE[bm.group(1).lower()]
    if m.cue is None and _definite(text, start, surface) and any(c.place.feature == "water" for c in m.candidates):
        # "in the Red Sea", "the Black Sea port of X": a sea or gulf, not the province named after it (which
        # takes a type word, "Red Sea state", and then has the admin1 cue above)
        m.cue = "water"
    if any(c.quality >= 1.0 and c.place.feature in ("country", "admin1") for c in m.candidates):
        # "Iran" is the country, not a village whose alternate name is Iran; a city of a million or more that
        # shares a state's name stays a candidate when the text says city ("the city of New York"). Kept always,
        # it cost 0.35 points of Acc@161 on LGL, whose local news mean the state.
        m.candidates = [c for c in m.candidates if c.quality >= 1.0 or (
            m.cue == "city" and c.place.feature in ("city", "capital") and (c.place.population or 0) >= BIG_CITY)]
    _apply_type_word(m, clean, after)
    qm = _QUALIFIER_RE.match(after)
    if qm:
        q = qm.group(1).strip()
        for n in range(len(q.split()), 0, -1):
            part = " ".join(q.split()[:n])
            quals = _areas(gaz, gaz.lookup(part, fuzzy=False), 1.0, ("admin1", "country"))
            if quals:
                m.qualifier = quals
                break
    im = _IN_AREA_RE.match(after)
    if im and not m.qualifier:
        # "Tawila in North Darfur state", "Hays in Hodeidah province": the type word says the area is first-level,
        # so a transliterated spelling of it counts too; "in Cameroon's Southwest region": of that country (no
        # Sud-Ouest of Burkina Faso), and the country itself when none of its areas is found by that name
        hits = [*gaz.lookup(im.group(2)), *(h for v in _compass_spellings(im.group(2)) for h in gaz.lookup(v, fuzzy=False))]
        m.qualifier = _areas(gaz, hits, 0.6, ("admin1",))
        owners = _areas(gaz, gaz.lookup(im.group("owner"), fuzzy=False), 1.0, ("country",)) if im.group("owner") else []
        if owners:
            m.qualifier = [p for p in m.qualifier if _contained(p, owners)] or owners
    cm = _IN_COUNTRY_RE.match(after)
    if cm and not m.qualifier:
        m.qualifier = _areas(gaz, gaz.lookup(cm.group(1), fuzzy=False), 1.0, ("country",))
    om = _IN_OWNER_RE.match(after)
    if om and not m.qualifier:
        m.qualifier = _areas(gaz, gaz.lookup(om.group(1), fuzzy=False), 0.85, ("admin1", "country"))
    dm = _DEMONYM_BEFORE_RE.search(text[max(0, start - 60):start])
    if dm and not m.qualifier:
        m.qualifier = _areas(gaz, [(i, 1.0) for i in gaz.lookup_demonym(dm.group(1))], 1.0, ("country",))
    if m.qualifier and not qm and not any(_contained(c.place, m.qualifier) for c in m.candidates):
        # a namesake in another country or province than the one the text names ("Kuriga in Kaduna state" is no
        # Karaj in Iran, "Mayba in North Kivu's Lubero territory" no Maba in Haut-Uele): an unknown place of the
        # named area. (Not for "X, Y": US local news name a county seat with its state, and cost 0.4 points of
        # Acc@161 on LGL.)
        m.candidates = [c for c in m.candidates if c.place.place_id in {q.place_id for q in m.qualifier}]
    m.arabic = bool(_ARABIC_PREFIX.match(surface))
    _drop_hamlet_namesakes(m, text)
    return m


def _areas(gaz: Gazetteer, hits: Sequence[tuple[int, float]], min_quality: float,
           features: Collection[str]) -> list[Place]:
    """The gazetteer places of lookup ``hits`` matched at ``min_quality`` or better whose feature is in ``features``
    (the provinces or countries a qualifier names)."""
    return [p for p in (gaz.place(i) for i, q in hits if q >= min_quality) if p.feature in features]


_COMPASS = re.compile(r"(North|South)[- ]?(east|west)", re.IGNORECASE)


def _compass_spellings(name: str) -> list[str]:
    """"Northwest" is also written "North-West" and "North West" (Cameroon's regions, South Africa's provinces):
    the other spellings of a compass-point area name."""
    m = _COMPASS.fullmatch(name.strip())
    if m is None:
        return []
    a, b = m.group(1).capitalize(), m.group(2).capitalize()
    return [f"{a}-{b}", f"{a} {b}", f"{a}{b.lower()}"]


CITY_POPULATION = 15_000  # a town this size or a capital is a "city" (``sitrep.places.feature_class``)
_SMALL_BEFORE = re.compile(r"\b(?:villages?|towns?|hamlets?)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_SMALL_AFTER = re.compile(r"^\s+(?:villages?|towns?|hamlets?)\b", re.IGNORECASE)


def _drop_hamlet_namesakes(m: Mention, text: str) -> None:
    """"Aden" is the city of a million, not a hamlet called Aden near a province the article named earlier: a place
    of no recorded population (a village of GeoNames or of a conflict-country layer) is no candidate when the name is
    that of a city of its country (a national capital or a town of 15,000 or more) matched at least as well, by its
    own name or an alternate one ("Hodeidah" for Al Hudaydah), unless the text asks for a small place ("the village
    of X", "X town") or qualifies the name ("X, Hodeidah", "X in Hodeidah province"). The document context (an admin1
    named earlier, other toponyms within a degree) otherwise outvoted a thousandfold population gap, since in a
    conflict country with tens of thousands of villages some namesake lies near almost any place an article names.
    Places of known population are left to the ranker: in local news a town of 2,000 does beat its state's big
    namesake city (LGL's "Irvine", "Rockford", "Montgomery")."""
    if m.qualifier or _SMALL_BEFORE.search(text[max(0, m.start - 20):m.start]) or _SMALL_AFTER.match(
            text[m.end:m.end + 12]):
        return
    best: dict[str, float] = {}  # country -> quality of its best-matched city
    for c in m.candidates:
        p = c.place
        city = p.feature == "capital" or (p.feature == "city" and (p.population or 0) >= CITY_POPULATION)
        if city and c.quality >= 0.85:
            best[p.country] = max(best.get(p.country, 0.0), c.quality)
    if best:
        m.candidates = [c for c in m.candidates if not (
            c.place.feature == "city" and not c.place.population and c.quality <= best.get(c.place.country, -1.0))]


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _definite(text: str, start: int, surface: str) -> bool:
    """The name takes the definite article ("the Mediterranean", "in the Gulf of Aden")."""
    return surface[:4].lower() == "the " or bool(_THE_BEFORE.search(text[max(0, start - 5):start]))


_BACKOFF_HEAD = re.compile(r"^(?:(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Downtown|Greater|"
                           r"Metro|Upper|Lower|Old|Port of|City of|Town of)\s+)+", re.IGNORECASE)
_BACKOFF_TAIL = re.compile(r"(?:\s+(?:River|Creek|Lake|Valley|Park|Township|Twp\.?|Station|Islands?|Heights|Hills?|"
                           r"Mountains?|Springs?|Beach|Bay|Harbou?r|Airport|Camp|Base|Square|Village|Area|Region|"
                           r"Metro|Downtown|Municipality))+$", re.IGNORECASE)


def _back_off(name: str, gaz: Gazetteer, layers: Collection[str] = ()) -> list[tuple[int, float]]:
    """A name the gazetteer lacks ("South Los Angeles", "Santa Clara Valley", "Loudon Co.", "Hamilton Township")
    falls back to the place it is named after, as a less trusted match; failing that, the longest known
    sub-span of a longer name ("Greater Idlib countryside" -> Idlib) when it is a country, first-level area or
    town of 20,000 or more."""
    variants = [re.sub(r"\bCo\.?$", "County", name)]
    core = _BACKOFF_TAIL.sub("", _BACKOFF_HEAD.sub("", name)).strip()
    if core and core != name:
        variants.append(core)
    for v in variants:
        if v != name:
            hits = gaz.lookup(v, fuzzy=False, layers=layers)
            if hits:
                top = max(q for _, q in hits)  # the place it is named after, not a namesake's alternate name
                return [(i, min(q, 0.85)) for i, q in hits if q >= top]
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i:i + n])
            if not part[:1].isupper() or exact_key(part) in _SUBSPAN_STOP:
                continue
            hits = [(j, q) for j, q in gaz.lookup(part, fuzzy=False) if q >= 1.0]
            hits = [(j, 0.6) for j, _ in hits if gaz.place(j).feature in ("country", "admin1", "capital")
                    or (gaz.place(j).population or 0) >= 20_000]
            if hits:
                return hits
    return []


_SUBSPAN_STOP = frozenset({"new", "north", "south", "east", "west", "saint", "the", "university", "county"})


# countries whose first-level areas are named after their capitals, where news says "X region/oblast/state/
# province" for the area and X alone for the city: the Middle East and North Africa, the former Soviet Union
# ("Donetsk", "Zaporizhzhia", "Belgorod"), Myanmar ("Mandalay"), Nigeria ("Kaduna", "Kano"), DR Congo ("Kinshasa")
_CAPITAL_NAMED_ADMIN1 = TRANSLITERATED_COUNTRIES | frozenset("UA RU BY GE AM AZ KZ KG TJ MM NG CD".split())


def _shadow_admin1(m: Mention) -> None:
    """"Hama", "Deraa", "Raqqa", "Donetsk": the city, not its namesake governorate or oblast, unless a cue says
    province (countries whose areas are named after their capitals; "New York" stays open). The city may
    only match through an alternate spelling (GeoNames' Ḩamāh, Dar‘ā): that is its news name, so it counts as exact."""
    admin1s = [c for c in m.candidates if c.place.feature == "admin1" and c.place.country in _CAPITAL_NAMED_ADMIN1]
    for a in admin1s:
        cities = [c for c in m.candidates if c.place.feature in ("city", "capital") and c.quality >= 0.8
                  and (c.place.country, c.place.admin1_code) == (a.place.country, a.place.admin1_code)]
        if cities and a.quality >= 1.0:
            top = max(cities, key=lambda c: c.place.population or 0)
            top.quality = 1.0
            a.shadowed = True


_TYPE_WORDS = frozenset({"province", "governorate", "oblast", "county", "parish"})


def _apply_type_word(m: Mention, clean: str, after: str) -> None:
    """"Raqqa province", "Idlib governorate": an administrative type word right after the name settles the
    feature, so only the candidates of that level stay (when there are any). The ranker's cue feature alone was
    outvoted by document context (every other "Raqqa" of an article being the city)."""
    words = clean.split()
    am = _AFTER_RE.match(after)
    word = words[-1].lower() if len(words) > 1 and words[-1].lower() in _TYPE_WORDS else (
        am.group(1).lower() if am else "")
    if word not in _TYPE_WORDS:
        return
    fitting = [c for c in m.candidates if c.place.feature in _CUE_FEATURES[CUE_AFTER[word]]]
    if fitting:
        m.candidates = fitting


def _contained(place: Place, qualifier: list[Place]) -> bool:
    for q in qualifier:
        if q.place_id == place.place_id:
            continue
        if q.feature == "country" and place.country == q.country:
            return True
        if q.feature == "admin1" and place.country == q.country and place.admin1_code == q.admin1_code:
            return True
    return False


FEATURES = (
    "log_population", "population_unknown", "population_unknown_area", "country", "capital", "admin1", "admin2",
    "admin2_outside_us", "region", "water", "neighbourhood", "alternate_name", "folded_name", "arabic_skeleton",
    "layer", "admin1_shadowed", "cue_fits", "cue_misfits", "qualifier_fits", "qualifier_misfits",
    "country_namesake", "arabic_prefix_mismatch", "parent_present", "parent_absent", "focus_country",
    "admin1_evidenced", "near_support", "admin1_support", "same_surface_qualified", "caller_focus",
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}
NEAR_CAP = 4.0
BIG_CITY = 1_000_000
SUPPORT_MIN_POPULATION = 5000


def candidate_features(m: Mention, c: Candidate, ctx: _Context) -> list[float]:
    """The ranker's view of one candidate in its document (see ``FEATURES``)."""
    return _context_features(_own_features(m, c), m, c, ctx)


def _own_features(m: Mention, c: Candidate) -> list[float]:
    """The features of a candidate and its mention alone: the same in every round of a resolution."""
    p = c.place
    x = [0.0] * len(FEATURES)
    pop = p.population
    if pop:
        x[0] = math.log10(pop + 10)
    elif p.feature in ("region", "water"):
        x[2] = 1.0  # curated regions, seas and rivers carry no population
    else:
        x[1] = 1.0
    feature = "neighbourhood" if p.feature == "landmark" else p.feature
    if feature in _INDEX and feature != "admin2_outside_us":
        x[_INDEX[feature]] = 1.0
    if p.feature == "admin2" and p.country != "US":
        x[7] = 1.0
    if c.quality < 1.0:
        x[11 if c.quality >= 0.8 else 12 if c.quality >= 0.6 else 13] = 1.0
    x[14] = float(c.layer)
    x[15] = float(c.shadowed and m.cue != "admin1")
    if m.cue:
        x[16 if p.feature in _CUE_FEATURES.get(m.cue, set()) else 17] = 1.0
    if m.qualifier:
        x[18 if _contained(p, m.qualifier) else 19] = 1.0
    x[20] = float(m.country_named and p.feature not in ("country", "admin1") and not m.qualifier and not m.cue)
    x[21] = float(m.arabic and p.country not in TRANSLITERATED_COUNTRIES)
    return x


def _context_features(x: list[float], m: Mention, c: Candidate, ctx: _Context) -> list[float]:
    """``x`` (a candidate's own features) with those its document's current context gives (set in place)."""
    p = c.place
    if p.feature in ("neighbourhood", "landmark"):
        x[22 if p.parent_id in ctx.ids else 23] = 1.0
    if ctx.rounds:
        x[24] = float(bool(ctx.focus) and p.country == ctx.focus)
        x[25] = float(p.feature != "country" and bool(ctx.admin1s.get((p.country, p.admin1_code), {m.key}) - {m.key}))
        if p.feature in _LOCAL:
            x[26] = min(_support(p, m.key, ctx), NEAR_CAP)
        if p.feature not in ("country", "region"):
            x[27] = min(_admin1_support(p, m.key, ctx), NEAR_CAP)
        x[28] = float(m.key in ctx.qualified and p.place_id in ctx.qualified[m.key])
    x[29] = float(bool(ctx.caller_focus) and p.country == ctx.caller_focus)  # the caller knows the article's country
    return x


class Ranker:
    """Logistic regression over ``candidate_features`` (weights trained on the LGL dev set and the Syrian
    place-name set by ``bench/train_geo_ranker.py``, shipped in ``data/geo_ranker.json``); inference is a dot
    product."""

    def __init__(self, weights: Sequence[float], bias: float, threshold: float) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError(f"ranker has {len(weights)} weights for {len(FEATURES)} features")
        self.w = np.asarray(weights, dtype=np.float64)
        self.bias = float(bias)
        self.threshold = float(threshold)  # below this probability the best candidate is "none of these"

    @classmethod
    def load(cls, path: Path = RANKER_PATH) -> Ranker:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if tuple(doc["features"]) != FEATURES:
            raise ValueError(f"{path}: trained for other features; rebuild with bench/train_geo_ranker.py")
        return cls([doc["weights"][f] for f in FEATURES], doc["bias"], doc["threshold"])


@functools.lru_cache(maxsize=1)
def load_ranker() -> Ranker:
    return Ranker.load()


def _score_all(mentions: list[Mention], ctx: _Context, own: list[list[float]] | None = None) -> None:
    """Score every candidate of the document (one matrix product) and pick each mention's best; ``own``: the
    candidates' ``_own_features`` in the same order, when the caller keeps them between rounds."""
    ranker = ctx.ranker or load_ranker()
    if own is None:
        rows = [candidate_features(m, c, ctx) for m in mentions for c in m.candidates]
    else:
        pairs = [(m, c) for m in mentions for c in m.candidates]
        rows = [_context_features(x.copy(), m, c, ctx) for x, (m, c) in zip(own, pairs, strict=True)]
    scores = (np.array(rows) @ ranker.w + ranker.bias).tolist() if rows else []
    k = 0
    for m in mentions:
        if not m.candidates:
            m.best, m.margin, m.p_best = None, 0.0, 0.0
            continue
        for c in m.candidates:
            c.score = scores[k]
            k += 1
        ranked = sorted(m.candidates, key=lambda c: (-c.score, -(c.place.population or 0), c.place.place_id))
        m.best = ranked[0]
        m.margin = ranked[0].score - ranked[1].score if len(ranked) > 1 else 10.0
        m.p_best = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, m.best.score))))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat), math.floor(lon))


def _support(p: Place, key: str, ctx: _Context) -> float:
    """How many other toponyms of the document have a candidate near this one (1.0 current choice, 0.5 other).

    Reads the per-cell sums ``_update_context`` precomputes: the total over all toponyms minus this one's own."""
    cell = _cell(p.lat, p.lon)
    return ctx.near_total.get(cell, 0.0) - ctx.near.get(key, {}).get(cell, 0.0)


def _near_cells(cells: dict[str, dict[tuple[int, int], float]]
                ) -> tuple[dict[str, dict[tuple[int, int], float]], dict[tuple[int, int], float]]:
    """Per toponym, the best weight it has within one cell of each cell; and those bests summed over toponyms."""
    near: dict[str, dict[tuple[int, int], float]] = {}
    total: dict[tuple[int, int], float] = {}
    for key, own in cells.items():
        best: dict[tuple[int, int], float] = {}
        for (lat, lon), w in own.items():
            for dlat in (-1, 0, 1):
                for dlon in (-1, 0, 1):
                    n = (lat + dlat, lon + dlon)
                    if best.get(n, 0.0) < w:
                        best[n] = w
        near[key] = best
        for n, w in best.items():
            total[n] = total.get(n, 0.0) + w
    return near, total


def _can_support(c: Candidate, m: Mention, focus: str | None) -> bool:
    """Only reading in the focus country (or an unambiguous toponym) vouches for its neighbours: in a Syria story a
    stray "Secretary" (Maryland) must not pull "Damascus" to Maryland."""
    return (focus is None or c.place.country == focus or len(m.candidates) == 1
            or (c.place.population or 0) >= SUPPORT_MIN_POPULATION)


def _admin1_support(p: Place, key: str, ctx: _Context) -> float:
    """How many other toponyms could lie in the same admin1 area (1.0 current choice, 0.3 other candidate)."""
    a1 = (p.country, p.admin1_code)
    return ctx.areas_total.get(a1, 0.0) - ctx.areas.get(key, {}).get(a1, 0.0)


@dataclass
class _Context:
    ranker: Ranker | None = None
    caller_focus: str | None = None
    rounds: int = 0
    focus: str | None = None
    admin1s: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # admin1 -> toponyms evidencing it
    ids: set[str] = field(default_factory=set)
    qualified: dict[str, set[str]] = field(default_factory=dict)
    cells: dict[str, dict[tuple[int, int], float]] = field(default_factory=dict)
    near: dict[str, dict[tuple[int, int], float]] = field(default_factory=dict)
    near_total: dict[tuple[int, int], float] = field(default_factory=dict)
    areas: dict[str, dict[tuple[str, str], float]] = field(default_factory=dict)
    areas_total: dict[tuple[str, str], float] = field(default_factory=dict)  # summed over toponyms


def _update_context(mentions: list[Mention], ctx: _Context, focus_country: str | None) -> None:
    votes: dict[str, float] = {}
    admin1s: dict[tuple[str, str], set[str]] = {}
    ids: set[str] = set()
    qualified: dict[str, set[str]] = {}
    for m in mentions:
        if m.best is None:
            continue
        p = m.best.place
        ids.add(p.place_id)
        if p.feature == "neighbourhood" and p.parent_id:
            ids.add(p.parent_id)
        confident = m.margin >= 1.5 or len(m.candidates) == 1
        if p.country:
            weight = 1.0 if confident or len({c.place.country for c in m.candidates}) == 1 else 0.0
            votes[p.country] = votes.get(p.country, 0.0) + weight
        if p.feature == "admin1" or (confident and p.feature in _LOCAL | {"admin1"}):
            admin1s.setdefault((p.country, p.admin1_code), set()).add(m.key)
        if m.qualifier:
            qualified.setdefault(m.key, set()).add(p.place_id)
    if focus_country:
        ctx.focus = focus_country.upper()
    elif votes:
        top = max(votes, key=lambda k: votes[k])  # first-mentioned country wins a tie
        n = votes[top]
        total = sum(votes.values())
        ctx.focus = top if total > 0 and n / total >= 0.3 else None
    ctx.admin1s, ctx.ids, ctx.qualified = admin1s, ids, qualified
    cells: dict[str, dict[tuple[int, int], float]] = {}
    for m in mentions:
        if len(m.candidates) > 60:
            continue
        bucket = cells.setdefault(m.key, {})
        for c in m.candidates:
            if c.place.feature not in _LOCAL or not _can_support(c, m, ctx.focus):
                continue
            w = 1.0 if c is m.best else 0.5
            cell = _cell(c.place.lat, c.place.lon)
            if bucket.get(cell, 0.0) < w:
                bucket[cell] = w
    ctx.cells = cells
    ctx.near, ctx.near_total = _near_cells(cells)
    areas: dict[str, dict[tuple[str, str], float]] = {}
    for m in mentions:
        if len(m.candidates) > 60:
            continue
        bucket_a = areas.setdefault(m.key, {})
        for c in m.candidates:
            if c.place.feature in ("country", "region") or not c.place.admin1_code or not _can_support(c, m, ctx.focus):
                continue
            w = 1.0 if c is m.best else 0.3
            a1 = (c.place.country, c.place.admin1_code)
            if bucket_a.get(a1, 0.0) < w:
                bucket_a[a1] = w
    ctx.areas = areas
    totals: dict[tuple[str, str], float] = {}
    for bucket_a in areas.values():
        for a1, w in bucket_a.items():
            totals[a1] = totals.get(a1, 0.0) + w
    ctx.areas_total = totals
    ctx.rounds += 1


def _share_water_cue(mentions: list[Mention]) -> None:
    """One sense per document for a sea: once "the Red Sea" has the water cue, a headline's or an adjective's bare
    "Red Sea" ("Houthi missile hits ship in Red Sea", "Red Sea shipping") gets it too, unless some mention of the
    name has another cue ("Red Sea state")."""
    cues: dict[str, set[str]] = {}
    for m in mentions:
        if m.cue:
            cues.setdefault(m.key, set()).add(m.cue)
    for m in mentions:
        if m.cue is None and cues.get(m.key) == {"water"}:
            m.cue = "water"


def resolve_context(mentions: list[Mention], *, focus_country: str | None = None, rounds: int = 3,
                    ranker: Ranker | None = None) -> _Context:
    """The joint resolution rounds (``best`` chosen, no threshold applied); returns the final document context."""
    ctx = _Context(ranker=ranker, caller_focus=focus_country.upper() if focus_country else None)
    _share_water_cue(mentions)
    own = [_own_features(m, c) for m in mentions for c in m.candidates]  # rounds change only the context
    _score_all(mentions, ctx, own)
    for _ in range(rounds):
        _update_context(mentions, ctx, focus_country)
        _score_all(mentions, ctx, own)
    return ctx


def resolve_mentions(mentions: list[Mention], *, focus_country: str | None = None, rounds: int = 3,
                     ranker: Ranker | None = None) -> str | None:
    """Choose ``best`` for every mention in place (document-level joint resolution); returns the focus country."""
    ctx = resolve_context(mentions, focus_country=focus_country, rounds=rounds, ranker=ranker)
    threshold = (ranker or load_ranker()).threshold
    focus = ctx.focus
    for m in mentions:
        if m.best is not None and m.p_best < threshold:
            m.refused, m.best = m.best, None  # none of these: the name stays unresolved with its surface form
    return focus


def to_place_mention(m: Mention, gaz: Gazetteer) -> PlaceMention:
    if m.best is None:
        # an unknown village the text places in a province or country ("Kuriga in Kaduna state"): that area
        countries = {q.country for q in m.qualifier}
        admin1s = {q.admin1_name for q in m.qualifier if q.feature == "admin1"}
        return PlaceMention(start=m.start, end=m.end, surface=m.surface, place_id=None,
                            country=countries.pop() if len(countries) == 1 else None,
                            admin1=admin1s.pop() if len(admin1s) == 1 and len(m.qualifier) == 1 else None)
    p = m.best.place
    admin1 = p.admin1_name or None
    if p.feature == "country":
        admin1 = None
    return PlaceMention(
        start=m.start, end=m.end, surface=m.surface, place_id=p.place_id, name=p.name, lat=p.lat, lon=p.lon,
        feature=p.feature, admin1=admin1, country=p.country or None,
        parent_id=p.parent_id, score=round(m.p_best, 3),
    )
