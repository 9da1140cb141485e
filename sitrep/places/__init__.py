"""sitrep.places: gazetteer, toponym recognition and resolution (see docs/interfaces.md)."""

from __future__ import annotations

import re
from pathlib import Path

from sitrep.places.gazetteer import DATA_FILES as _GAZETTEER_FILES
from sitrep.places.gazetteer import LAYER_COUNTRIES, Gazetteer, Place, load_gazetteer
from sitrep.places.normalize import TRANSLITERATED_COUNTRIES
from sitrep.places.resolve import RANKER_PATH, Mention, Ranker
from sitrep.records import PlaceMention

STAGE_VERSION = "sitrep.places.v19"  # v19: "X village", a settlement met by a foreign spelling stays unresolved; v18: camps; spelt settlements the text calls so; v17: "Donetsk" alone is the city; v10: "X in Y state", "the Lebanese town of X" rule out namesakes outside Y; v11: "in Haiti's Artibonite department"; v12: "Somali forces" is no place; v13: "X in northern Mozambique", "in Cameroon's Southwest region", "Patriots for Change"; v14: "Northwest region" is North-West; v15: "drug lord Joaquin" is a person; v16: "Syria's Idlib" (a possessive ends a name)
# the data files the places stage loads (the runner digests them into the stage's version key)
DATA_FILES: tuple[Path, ...] = (*_GAZETTEER_FILES, RANKER_PATH)

__all__ = [
    "DATA_FILES", "STAGE_VERSION", "Gazetteer", "Place", "feature_class", "geo_precision", "geoparse",
    "import_geonames", "load_gazetteer", "resolve_spans", "span_mentions",
]
MAX_LAYERS = 3


def span_mentions(
    text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None, *, focus_country: str | None = None,
    ranker: Ranker | None = None,
) -> tuple[list[Mention], tuple[str, ...]]:
    """Look given spans up (demonyms as their country), with the conflict-country layers of the countries the
    article is about (``Gazetteer.layer_countries``). Returns the (not yet resolved) mentions and those countries."""
    from sitrep.places.resolve import make_mention

    gaz = gazetteer or load_gazetteer()
    layers = _layers(text, gaz, focus_country)
    return [make_mention(text, s, e, gaz, demonyms=True, layers=layers) for s, e in spans], layers


def _layers(text: str, gaz: Gazetteer, focus_country: str | None) -> tuple[str, ...]:
    found = gaz.layer_countries(text)
    if focus_country and focus_country.upper() in LAYER_COUNTRIES:
        found = tuple(dict.fromkeys((focus_country.upper(), *found)))[:MAX_LAYERS]
    return found


def resolve_spans(
    text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None, *, focus_country: str | None = None
) -> list[PlaceMention]:
    """Resolve given toponym spans (e.g. gold spans) jointly; demonyms resolve to their country."""
    from sitrep.places.resolve import resolve_mentions, to_place_mention

    gaz = gazetteer or load_gazetteer()
    mentions, _layers_used = span_mentions(text, spans, gaz, focus_country=focus_country)
    resolve_mentions(mentions, focus_country=focus_country)
    return [_finish(to_place_mention(m, gaz), text) for m in mentions]


def geoparse(text: str, gazetteer: Gazetteer | None = None, *, focus_country: str | None = None) -> list[PlaceMention]:
    """Recognise and resolve every toponym in a text; unknown names are kept with ``place_id=None``.

    The villages and towns of a conflict-country layer are searched when the article is about that country
    (``Gazetteer.layer_countries``, or the caller's ``focus_country``), and one found only there is kept when its
    country is the focus the resolution settles on."""
    from sitrep.places.recognise import find_toponyms
    from sitrep.places.resolve import resolve_mentions, to_place_mention

    gaz = gazetteer or load_gazetteer()
    mentions = find_toponyms(text, gaz, layers=_layers(text, gaz, focus_country))
    focus = resolve_mentions(mentions, focus_country=focus_country)
    ids = {m.best.place.place_id for m in mentions if m.best is not None}
    ids |= {m.best.place.parent_id for m in mentions
            if m.best is not None and m.best.place.feature == "neighbourhood" and m.best.place.parent_id}
    kept = []
    for m in mentions:
        if _trusted(m, ids, focus, text):
            kept.append(m)
        elif m.cue in ("city", "neighbourhood") and m.best is not None and m.best.quality < 1.0:
            # "Kuriga village", "the town of X" met only by a spelling of a place elsewhere: the text calls it a
            # settlement, so it stays as an unresolved name rather than being lost or replaced
            m.best, m.refused, m.candidates = None, None, []
            kept.append(m)
    return [_finish(to_place_mention(m, gaz), text) for m in kept]


def feature_class(mention: PlaceMention, population: int | None = None) -> str:
    """country | admin1 | city (a capital or a town of 15,000 or more) | small (smaller or unknown-size towns and
    villages, neighbourhoods, landmarks) | other (second-level areas, regions, seas, rivers)."""
    f = mention.feature
    if f in ("country", "admin1"):
        return f
    if f == "capital" or (f == "city" and (population or 0) >= 15_000):
        return "city"
    if f in ("city", "neighbourhood", "landmark"):
        return "small"
    return "other"


_SAYS = re.compile(
    r"^(?:['’]s\s+(?:(?:new|own|\w+ing)\s+)?(?:role|policy|policies|support|backing|ally|allies|position|decision|"
    r"intervention|involvement|influence|stance|response|demands?|relations?|government|officials?|envoy|ambassador|"
    r"strategy|interests?|plan|proposal|approval|objections?|concerns?|request|offer|sanctions|threats?|"
    r"diplomacy|diplomats?|leadership|regime)\b"
    r"|(?:\s+and\s+[A-Z][\w-]+)?\s*(?:,[^,]{1,40},\s*)?(?:(?:has|have|had|also|then|later|quickly|repeatedly|strongly|publicly|"
    r"reportedly|has\s+long|would|will|could|may|might|did\s+not|does\s+not|has\s+not)\s+)?"
    r"(?:said|says|say|announced|announces|accused|accuses|denied|denies|deny|warned|warns|insisted|insists|"
    r"claimed|claims|demanded|demands|condemned|condemns|rejected|rejects|urged|urges|wants|want|wanted|"
    r"backed|backs|supports|supported|agreed|agrees|responded|responds|threatened|threatens|blamed|blames|"
    r"called\s+for|calls\s+for|vowed|vows|welcomed|welcomes|criticised|criticized|criticises|criticizes|"
    r"sanctioned|recognised|recognized|pledged|pledges|refused|refuses|approved|approves|"
    r"considers|considered|believes|believed|hopes|hoped|fears|feared|sees|saw|views|viewed)\b)",
    re.IGNORECASE,
)
_IN_BEFORE = re.compile(r"\b(?:in|at|from|to|into|near|outside|around|of|via|across|over|towards?)\s+$", re.IGNORECASE)


def is_metonymic(mention: PlaceMention, text: str) -> bool:
    """A capital or a country standing for its government: the subject of a speech or stance verb ("Ankara said",
    "Washington has accused"), or a possessor of a political noun ("Moscow's role"), and not after a locative
    preposition ("officials in Moscow said")."""
    if mention.place_id is None or mention.feature not in ("capital", "country"):
        return False
    if _IN_BEFORE.search(text[max(0, mention.start - 12):mention.start]):
        return False
    return bool(_SAYS.match(text[mention.end:mention.end + 80]))


def _finish(pm: PlaceMention, text: str) -> PlaceMention:
    """Feature class and metonymy; the record's ``feature`` stays "city" for a capital."""
    pm.metonymic = is_metonymic(pm, text)
    if pm.feature == "capital":
        pm.feature = "city"
        pm.feature_class = "city"
    elif pm.feature is not None:
        gaz = load_gazetteer()
        place = gaz.get(pm.place_id)
        pm.feature_class = feature_class(pm, place.population if place else None)
    return pm


_GENERIC_WORDS = frozenset(
    {"old", "city", "town", "hospital", "stadium", "industrial", "citadel", "airport", "university", "mosque", "square"}
)


_LOCATIVE = re.compile(r"\b(?:in|at|near|from|into|outside|around|towards?|(?:villages?|towns?|city|area|district|"
                       r"outskirts|countryside|(?:north|south|east|west)(?:-?(?:east|west))?)\s+of)\s+(?:the\s+)?$",
                       re.IGNORECASE)


def _trusted(m: Mention, ids: set[str], focus: str | None, text: str = "") -> bool:
    """Recognition guard after resolution: a match through an alternate or transliterated name must fit the document;
    a one-word village or town known only from a conflict-country layer needs a place-like context ("in X",
    "the village of X"), since many such names are also personal names."""
    if m.best is None and m.refused is not None:
        # refused by the ranker: kept unresolved only when the name would have passed as that place
        m.best = m.refused
        try:
            return _trusted(m, ids, focus, text)
        finally:
            m.best = None
    if m.best is None:
        return True  # an unknown name found by a pattern ("the town of X"): kept unresolved
    p = m.best.place
    if m.best.layer:
        if p.country != focus:
            return False  # a village of another country than the one the article is about
        if " " not in m.surface.strip() and not m.cue and not _LOCATIVE.search(text[max(0, m.start - 30):m.start]):
            return False
    if p.feature in ("neighbourhood", "landmark"):
        generic = any(w.lower() in _GENERIC_WORDS for w in m.surface.split())
        return p.parent_id in ids or (not m.needs_parent and not generic and p.country == focus)
    if m.best.quality >= 1.0:
        return True
    if m.cue == "city" and m.best.quality >= 0.85 and p.feature in ("city", "capital") and (
            focus is None or p.country == focus):
        return True  # a spelling of a settlement the text calls one ("the Nuseirat refugee camp", "the town of X")
    if p.country and p.country == focus and focus in TRANSLITERATED_COUNTRIES:
        return True  # "Zakia" for Zakiyah in a Syrian story
    return m.best.quality >= 0.8 and (p.population or 0) >= 100_000


_NEAR = re.compile(
    r"\b(?:near|outside|around|close to|outskirts of|edge of|vicinity of|countryside of|"
    r"(?:suburbs|parts?|areas|districts|neighbou?rhoods|quarters)\s+of|"  # plural: "the suburb of Douma" is Douma
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)"
    r"(?:ern)?\s+(?:of|outskirts of)|km\s+(?:\w+\s+)?(?:of|from)|kilometres\s+(?:\w+\s+)?(?:of|from)|"
    r"miles\s+(?:\w+\s+)?(?:of|from))\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


# "the Damascus suburbs", "Aleppo's countryside": the place names the whole of which the event is a part
_PART_AFTER = re.compile(r"(?:['’]s)?\s+(?:suburbs?|outskirts|countryside|environs|periphery)\b", re.IGNORECASE)


def geo_precision(mention: PlaceMention, text: str | None = None) -> int:
    """ACLED geo-precision: 1 town/city/neighbourhood, 2 part of a region (county/district) or "near"/"north of"
    a town or a part of it ("suburbs of", "the Damascus countryside"; pass the ``text`` the mention's offsets refer
    to), 3 admin1 or larger, or unresolved."""
    if mention.place_id is None:
        return 3
    if mention.feature in ("city", "capital", "neighbourhood", "landmark"):
        if text is not None and (_NEAR.search(text[max(0, mention.start - 60):mention.start])
                                 or _PART_AFTER.match(text, mention.end)):
            return 2
        return 1
    if mention.feature in ("admin2", "water"):
        return 2
    return 3


def import_geonames(path: str | Path, db_path: str | Path) -> int:
    """Load a GeoNames dump into the ``gazetteer_extra`` table of a sitrep database; returns rows imported."""
    from sitrep.places.geonames_import import import_geonames as _import

    return _import(path, db_path).imported
