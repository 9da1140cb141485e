"""sitrep.places: gazetteer, toponym recognition and resolution (see docs/interfaces.md)."""

from __future__ import annotations

import re
from pathlib import Path

from sitrep.places.gazetteer import Gazetteer, Place, load_gazetteer
from sitrep.places.normalize import TRANSLITERATED_COUNTRIES
from sitrep.places.resolve import Mention
from sitrep.records import PlaceMention

STAGE_VERSION = "sitrep.places.v1"

__all__ = [
    "STAGE_VERSION", "Gazetteer", "Place", "geo_precision", "geoparse", "import_geonames", "load_gazetteer",
    "resolve_spans",
]


def resolve_spans(
    text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None, *, focus_country: str | None = None
) -> list[PlaceMention]:
    """Resolve given toponym spans (e.g. gold spans) jointly; demonyms resolve to their country."""
    from sitrep.places.resolve import make_mention, resolve_mentions, to_place_mention

    gaz = gazetteer or load_gazetteer()
    mentions = [make_mention(text, s, e, gaz, demonyms=True) for s, e in spans]
    resolve_mentions(mentions, focus_country=focus_country)
    return [to_place_mention(m, gaz) for m in mentions]


def geoparse(text: str, gazetteer: Gazetteer | None = None, *, focus_country: str | None = None) -> list[PlaceMention]:
    """Recognise and resolve every toponym in a text; unknown names are kept with ``place_id=None``."""
    from sitrep.places.recognise import find_toponyms
    from sitrep.places.resolve import resolve_mentions, to_place_mention

    gaz = gazetteer or load_gazetteer()
    mentions = find_toponyms(text, gaz)
    focus = resolve_mentions(mentions, focus_country=focus_country)
    ids = {m.best.place.place_id for m in mentions if m.best is not None}
    ids |= {m.best.place.parent_id for m in mentions
            if m.best is not None and m.best.place.feature == "neighbourhood" and m.best.place.parent_id}
    kept = [m for m in mentions if _trusted(m, ids, focus)]
    return [to_place_mention(m, gaz) for m in kept]


_GENERIC_WORDS = frozenset(
    {"old", "city", "town", "hospital", "stadium", "industrial", "citadel", "airport", "university", "mosque", "square"}
)


def _trusted(m: Mention, ids: set[str], focus: str | None) -> bool:
    """Recognition guard after resolution: a match through an alternate or transliterated name must fit the document."""
    if m.best is None:
        return True  # an unknown name found by a pattern ("the town of X"): kept unresolved
    p = m.best.place
    if p.feature in ("neighbourhood", "landmark"):
        generic = any(w.lower() in _GENERIC_WORDS for w in m.surface.split())
        return p.parent_id in ids or (not m.needs_parent and not generic and p.country == focus)
    if m.best.quality >= 1.0:
        return True
    if p.country and p.country == focus and focus in TRANSLITERATED_COUNTRIES:
        return True  # "Zakia" for Zakiyah in a Syrian story
    return m.best.quality >= 0.8 and p.population >= 100_000


_NEAR = re.compile(
    r"\b(?:near|outside|around|close to|outskirts of|edge of|vicinity of|countryside of|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)"
    r"(?:ern)?\s+(?:of|outskirts of)|km\s+(?:\w+\s+)?(?:of|from)|kilometres\s+(?:\w+\s+)?(?:of|from)|"
    r"miles\s+(?:\w+\s+)?(?:of|from))\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def geo_precision(mention: PlaceMention, text: str | None = None) -> int:
    """ACLED geo-precision: 1 town/city/neighbourhood, 2 part of a region (county/district) or "near"/"north of"
    a town (pass the ``text`` the mention's offsets refer to), 3 admin1 or larger, or unresolved."""
    if mention.place_id is None:
        return 3
    if mention.feature in ("city", "capital", "neighbourhood", "landmark"):
        if text is not None and _NEAR.search(text[max(0, mention.start - 60):mention.start]):
            return 2
        return 1
    if mention.feature in ("admin2", "water"):
        return 2
    return 3


def import_geonames(path: str | Path, db_path: str | Path) -> int:
    """Load a GeoNames dump into the ``gazetteer_extra`` table of a sitrep database; returns rows imported."""
    from sitrep.places.geonames_import import import_geonames as _import

    return _import(path, db_path).imported
