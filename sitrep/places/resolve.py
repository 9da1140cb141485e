"""Toponym resolution: pick one gazetteer entry per mention using the document.

Score of a candidate = prior (log population, feature type, exact vs fuzzy
match) + cues around the mention ("X province", "the town of X", "X, Texas",
an Arabic article prefix) + document context, re-estimated over a few rounds:
the focus country (most frequent country among the current choices, or the
caller's), the admin1 areas the document is evidently about, other places
near the candidate, and for a neighbourhood whether its city is in the document.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from sitrep.places.gazetteer import Gazetteer, Place
from sitrep.places.normalize import TRANSLITERATED_COUNTRIES, exact_key
from sitrep.records import PlaceMention

RESOLVE_VERSION = "sitrep.places.resolve.v1"

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
_FEATURE_BONUS = {
    "country": 2.5, "capital": 1.5, "admin1": -0.5, "admin2": -1.0, "region": 4.0,
    "neighbourhood": 0.0, "landmark": 0.0, "water": 0.0, "city": 0.0,
}
_CUE_FEATURES = {
    "admin1": {"admin1"}, "admin2": {"admin2"}, "city": {"city", "capital"},
    "neighbourhood": {"neighbourhood", "landmark"}, "district": {"neighbourhood", "admin2", "landmark"},
}
_AFTER_RE = re.compile(r"^\W{0,2}\s*([A-Za-z]+)")
_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+of\s+(?:the\s+)?$")
_QUALIFIER_RE = re.compile(r"^,\s*((?:[A-Z][\w.'’-]*\s?){1,3})")
_ARABIC_PREFIX = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az|ath|ez)[-‐ ]", re.IGNORECASE)
_LOCAL = {"city", "capital", "neighbourhood", "landmark", "admin2"}


@dataclass
class Candidate:
    idx: int
    place: Place
    quality: float
    score: float = 0.0
    shadowed: bool = False  # an admin1 whose capital city of the same name is also a candidate


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


def _prior(place: Place, quality: float) -> float:
    population = place.population
    if population == 0 and place.feature in ("city", "capital"):
        population = W.unknown_population  # GeoNames has no figure for many Syrian and Iraqi towns (Tall Afar)
    elif population == 0 and place.feature in ("region", "water"):
        population = 10_000_000  # curated regions ("Middle East", "Gaza Strip") carry no population
    score = math.log10(population + 10) + _FEATURE_BONUS.get(place.feature, 0.0)
    if place.feature == "admin2" and place.country != "US":
        score -= 1.5
    return score - (0.0 if quality >= 1.0 else W.alternate_penalty if quality >= 0.8 else W.fuzzy_penalty)


def make_mention(text: str, start: int, end: int, gaz: Gazetteer, *, demonyms: bool = False) -> Mention:
    """Look a span up and read the cues around it."""
    surface = text[start:end]
    clean = re.sub(r"['’]s$", "", surface)
    m = Mention(start, end, surface, exact_key(clean))
    hits = [(i, 1.0) for i in gaz.lookup_demonym(clean)] if demonyms else []
    if not hits:
        hits = gaz.lookup(clean)
    if not hits:
        # "Laurel County" when only "Laurel" is known, "Raqqa city" etc.
        words = clean.split()
        if len(words) > 1 and words[-1].lower() in CUE_AFTER:
            hits = gaz.lookup(" ".join(words[:-1]))
            m.cue = CUE_AFTER[words[-1].lower()]
    if not hits:
        hits = _back_off(clean, gaz)
    m.candidates = [Candidate(i, gaz.place(i), q) for i, q in hits]
    _shadow_admin1(m)
    m.country_named = any(c.quality >= 1.0 and c.place.feature == "country" for c in m.candidates)
    if any(c.quality >= 1.0 and c.place.feature in ("country", "admin1") for c in m.candidates):
        # "Iran" is the country, not a village whose alternate name is Iran
        m.candidates = [c for c in m.candidates if c.quality >= 1.0]
    after = text[end:end + 40]
    am = _AFTER_RE.match(after)
    if am and am.group(1).lower() in CUE_AFTER and m.cue is None:
        m.cue = CUE_AFTER[am.group(1).lower()]
    bm = _BEFORE_RE.search(text[max(0, start - 40):start])
    if bm and bm.group(1).lower() in CUE_BEFORE and m.cue is None:
        m.cue = CUE_BEFORE[bm.group(1).lower()]
    qm = _QUALIFIER_RE.match(after)
    if qm:
        q = qm.group(1).strip()
        for n in range(len(q.split()), 0, -1):
            part = " ".join(q.split()[:n])
            quals = [gaz.place(i) for i, qual in gaz.lookup(part, fuzzy=False) if qual == 1.0]
            quals = [p for p in quals if p.feature in ("admin1", "country")]
            if quals:
                m.qualifier = quals
                break
    m.arabic = bool(_ARABIC_PREFIX.match(surface))
    return m


_BACKOFF_HEAD = re.compile(r"^(?:(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Downtown|Greater|"
                           r"Metro|Upper|Lower|Old|Port of|City of|Town of)\s+)+", re.IGNORECASE)
_BACKOFF_TAIL = re.compile(r"(?:\s+(?:River|Creek|Lake|Valley|Park|Township|Twp\.?|Station|Islands?|Heights|Hills?|"
                           r"Mountains?|Springs?|Beach|Bay|Harbou?r|Airport|Camp|Base|Square|Village|Area|Region|"
                           r"Metro|Downtown|Municipality))+$", re.IGNORECASE)


def _back_off(name: str, gaz: Gazetteer) -> list[tuple[int, float]]:
    """A name the gazetteer lacks ("South Los Angeles", "Santa Clara Valley", "Loudon Co.", "Hamilton Township")
    falls back to the place it is named after, as a less trusted match."""
    variants = [re.sub(r"\bCo\.?$", "County", name)]
    core = _BACKOFF_TAIL.sub("", _BACKOFF_HEAD.sub("", name)).strip()
    if core and core != name:
        variants.append(core)
    for v in variants:
        if v != name:
            hits = gaz.lookup(v, fuzzy=False)
            if hits:
                return [(i, min(q, 0.85)) for i, q in hits]
    return []


def _shadow_admin1(m: Mention) -> None:
    """"Hama", "Deraa", "Raqqa": the city, not its namesake governorate, unless a cue says province (Middle East and
    North Africa, where governorates are named after their capitals; "New York" stays open). The city may
    only match through an alternate spelling (GeoNames' Ḩamāh, Dar‘ā): that is its news name, so it counts as exact."""
    admin1s = [c for c in m.candidates if c.place.feature == "admin1" and c.place.country in TRANSLITERATED_COUNTRIES]
    for a in admin1s:
        cities = [c for c in m.candidates if c.place.feature in ("city", "capital") and c.quality >= 0.8
                  and (c.place.country, c.place.admin1_code) == (a.place.country, a.place.admin1_code)]
        if cities and a.quality >= 1.0:
            top = max(cities, key=lambda c: c.place.population)
            top.quality = 1.0
            a.shadowed = True


def _contained(place: Place, qualifier: list[Place]) -> bool:
    for q in qualifier:
        if q.place_id == place.place_id:
            continue
        if q.feature == "country" and place.country == q.country:
            return True
        if q.feature == "admin1" and place.country == q.country and place.admin1_code == q.admin1_code:
            return True
    return False


def _score(m: Mention, ctx: _Context) -> None:
    for c in m.candidates:
        p = c.place
        s = _prior(p, c.quality)
        if c.shadowed and m.cue != "admin1":
            s += W.admin1_shadow
        if m.cue:
            wanted = _CUE_FEATURES.get(m.cue, set())
            s += W.cue if p.feature in wanted else W.cue_miss
        if m.qualifier:
            s += W.qualifier if _contained(p, m.qualifier) else -1.0
        if m.country_named and p.feature not in ("country", "admin1") and not m.qualifier and not m.cue:
            s += W.country_namesake  # "Russia", "Lebanon", "Jordan": the country unless qualified ("Lebanon, Tenn.")
        if m.arabic and p.country not in TRANSLITERATED_COUNTRIES:
            s += W.arabic_mismatch
        if p.feature in ("neighbourhood", "landmark"):
            s += W.parent_present if p.parent_id in ctx.ids else W.parent_absent
        if ctx.rounds:
            if ctx.focus and p.country == ctx.focus:
                s += W.focus
            if p.feature != "country" and ctx.admin1s.get((p.country, p.admin1_code), {m.key}) - {m.key}:
                s += W.admin1
            if p.feature in _LOCAL:
                s += min(_support(p, m.key, ctx), W.near_cap) * W.near
            if p.feature not in ("country", "region") and W.admin1_soft:
                s += min(_admin1_support(p, m.key, ctx), W.near_cap) * W.admin1_soft
            if m.key in ctx.qualified and p.place_id in ctx.qualified[m.key]:
                s += W.same_surface_qualified
        c.score = s
    ranked = sorted(m.candidates, key=lambda c: (-c.score, -c.place.population, c.place.place_id))
    m.best = ranked[0] if ranked else None
    m.margin = ranked[0].score - ranked[1].score if len(ranked) > 1 else 10.0


@dataclass(frozen=True)
class Weights:
    """Score weights (tuned on the LGL dev set with gold spans)."""

    cue: float = 4.0
    cue_miss: float = -2.0
    qualifier: float = 6.0
    arabic_mismatch: float = -4.0
    parent_present: float = 7.0
    parent_absent: float = -3.0
    focus: float = 2.5
    admin1: float = 4.0
    near: float = 1.5
    near_cap: float = 4.0
    same_surface_qualified: float = 4.0
    alternate_penalty: float = 2.5
    admin1_soft: float = 2.0
    unknown_population: int = 1000
    support_min_population: int = 5000
    country_namesake: float = -4.0
    admin1_shadow: float = -2.0
    unsure_vote: float = 0.0  # focus-country vote of a toponym whose reading is still open
    fuzzy_penalty: float = 2.5


W = Weights()


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
            or c.place.population >= W.support_min_population)


def _admin1_support(p: Place, key: str, ctx: _Context) -> float:
    """How many other toponyms could lie in the same admin1 area (1.0 current choice, 0.3 other candidate)."""
    a1 = (p.country, p.admin1_code)
    return sum(areas.get(a1, 0.0) for other, areas in ctx.areas.items() if other != key)


@dataclass
class _Context:
    rounds: int = 0
    focus: str | None = None
    admin1s: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # admin1 -> toponyms evidencing it
    ids: set[str] = field(default_factory=set)
    qualified: dict[str, set[str]] = field(default_factory=dict)
    cells: dict[str, dict[tuple[int, int], float]] = field(default_factory=dict)
    near: dict[str, dict[tuple[int, int], float]] = field(default_factory=dict)
    near_total: dict[tuple[int, int], float] = field(default_factory=dict)
    areas: dict[str, dict[tuple[str, str], float]] = field(default_factory=dict)


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
            weight = 1.0 if confident or len({c.place.country for c in m.candidates}) == 1 else W.unsure_vote
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
    ctx.rounds += 1


def resolve_mentions(mentions: list[Mention], *, focus_country: str | None = None, rounds: int = 3) -> str | None:
    """Choose ``best`` for every mention in place (document-level joint resolution); returns the focus country."""
    ctx = _Context()
    for m in mentions:
        _score(m, ctx)
    for _ in range(rounds):
        _update_context(mentions, ctx, focus_country)
        for m in mentions:
            _score(m, ctx)
    return ctx.focus


def to_place_mention(m: Mention, gaz: Gazetteer) -> PlaceMention:
    if m.best is None:
        return PlaceMention(start=m.start, end=m.end, surface=m.surface, place_id=None)
    p = m.best.place
    admin1 = p.admin1_name or None
    if p.feature == "country":
        admin1 = None
    return PlaceMention(
        start=m.start, end=m.end, surface=m.surface, place_id=p.place_id, name=p.name, lat=p.lat, lon=p.lon,
        feature="city" if p.feature == "capital" else p.feature, admin1=admin1, country=p.country or None,
        parent_id=p.parent_id, score=round(m.best.score, 3),
    )
