"""Build the conflict-country gazetteer layer (sitrep/places/data/layers.sqlite).

Input: the Who's On First extracts in ``../shared/data/places/wof_<cc>_places.csv.gz``
(localities and neighbourhoods of Syria, Iraq, Yemen, Libya, Afghanistan, Somalia,
Sudan, Ukraine, Mali, Nigeria and DR Congo; mostly GeoNames-derived, CC BY 4.0;
Who's On First, https://whosonfirst.org, licence https://whosonfirst.org/docs/licenses/).

What the build does:

* one row per place: duplicates (the same GeoNames id twice, or the same name key
  within 2 km in one country) are merged, their names pooled;
* names: the main name, the English name and every ``name:*`` variant in Latin
  script (exact keys; transliteration-folded keys in the countries whose names
  reach English through Arabic or Persian, ``TRANSLITERATED_COUNTRIES``), and the Arabic/Persian name's
  consonant skeleton (``normalize.arabic_skeleton``) for news spellings that only
  meet the place through its Arabic name;
* a main name in another script (Ukrainian Cyrillic) is displayed by its English
  or first Latin variant;
* mis-encoded names: ``å``/``Å`` in an Arabic-script country is the extract's
  rendering of ``ā`` and is repaired; a name with a replacement character or
  mojibake (``Ã``, ``Â``) that cannot be repaired is dropped;
* GeoNames ids are kept (the row's ``place_id`` is the GeoNames id when known,
  else ``wof:<id>``); a place the shipped GeoNames cities already carry is not
  duplicated: only its extra names are stored, pointing at the shipped id;
* population is unknown (NULL): the extracts carry none;
* admin1 code: the first-level area of the nearest shipped GeoNames town in the
  same country (WOF parents are not in the extracts).

Run::

    PYTHONPATH=. .venv/bin/python bench/build_layers.py --data ../shared/data/places
"""

from __future__ import annotations

import argparse
import csv
import gzip
import math
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sitrep.places.gazetteer import load_gazetteer  # noqa: E402
from sitrep.places.normalize import (  # noqa: E402
    TRANSLITERATED_COUNTRIES,
    arabic_skeleton,
    exact_key,
    fuzzy_key,
    is_latin,
)

COUNTRIES = ("sy", "iq", "ye", "ly", "af", "so", "sd", "ua", "ml", "ng", "cd")
OUT = REPO / "sitrep" / "places" / "data" / "layers.sqlite"
FEATURES = {"locality": "city", "localadmin": "city", "neighbourhood": "neighbourhood", "microhood": "neighbourhood",
            "macrohood": "neighbourhood", "borough": "neighbourhood"}
_MOJIBAKE = re.compile("[\ufffdÃÂ]")
_ARABIC = re.compile("[\u0600-\u06ff]")

FEATURE_CODES = {"city": 0, "neighbourhood": 1}
# name kinds in the `names` table
EXACT, ALTERNATE, FUZZY, SKELETON = 0, 1, 2, 3


def repair(name: str, cc: str) -> str | None:
    """The name with the extract's mis-encodings repaired, or None when it cannot be trusted."""
    if cc in TRANSLITERATED_COUNTRIES:
        name = name.replace("å", "ā").replace("Å", "Ā")
    if _MOJIBAKE.search(name):
        try:
            fixed = name.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None
        return None if _MOJIBAKE.search(fixed) else fixed
    return name


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def build(data: Path, out: Path) -> None:
    gaz = load_gazetteer()
    cols = gaz.columns
    known_ids = set(gaz.by_id)
    rows: list[dict] = []  # type: ignore[type-arg]
    stats: Counter[str] = Counter()
    for cc_low in COUNTRIES:
        cc = cc_low.upper()
        # nearest shipped town -> admin1 code
        town_idx = [i for i in range(len(gaz)) if cols["country"][i] == cc and cols["feature"][i] in ("city", "capital")]
        tree = cKDTree(np.array([(cols["lat"][i], cols["lon"][i]) for i in town_idx])) if town_idx else None
        by_gn: dict[str, dict] = {}  # type: ignore[type-arg]
        by_key: dict[str, list[dict]] = {}  # type: ignore[type-arg]
        with gzip.open(data / f"wof_{cc_low}_places.csv.gz", "rt", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                feature = FEATURES.get(r["placetype"])
                if feature is None:
                    continue
                stats["read"] += 1
                name = repair(r["name"], cc)
                if name is None or not r["lat"] or not r["lon"]:
                    stats["dropped: bad name or point"] += 1
                    continue
                if name != r["name"]:
                    stats["name repaired"] += 1
                lat, lon = float(r["lat"]), float(r["lon"])
                latin = [name, r["name_eng"]] + [v for v in r["variants"].split(";") if v]
                names: list[str] = []
                for n in latin:
                    fixed = repair(n, cc) if n else None
                    if fixed and is_latin(fixed) and len(fixed) <= 60:
                        names.append(fixed)
                    elif n and fixed is None:
                        stats["variant dropped: mis-encoded"] += 1
                if not is_latin(name) and names:
                    name = r["name_eng"] if r["name_eng"] and is_latin(r["name_eng"]) else names[0]  # display name
                arabic = [n for n in [r["name_ara"]] + r["variants"].split(";") if n and _ARABIC.search(n)]
                gn = r["gn_id"].strip()
                key = exact_key(name)
                dup = by_gn.get(gn) if gn else None
                if dup is None:
                    dup = next((d for d in by_key.get(key, ()) if _km(d["lat"], d["lon"], lat, lon) <= 2.0), None)
                if dup is not None:
                    stats["merged duplicate"] += 1
                    dup["names"].extend(names)
                    dup["arabic"].extend(arabic)
                    if gn and not dup["gn"]:
                        dup["gn"] = gn
                        by_gn[gn] = dup
                    continue
                a1 = ""
                if tree is not None:
                    _, j = tree.query((lat, lon))
                    a1 = cols["admin1_code"][town_idx[int(j)]]
                row = {"wof": r["wof_id"], "gn": gn, "name": name, "feature": feature, "country": cc, "admin1": a1,
                       "lat": round(lat, 5), "lon": round(lon, 5), "names": names, "arabic": arabic,
                       "current": int(r["is_current"] or -1)}
                rows.append(row)
                if gn:
                    by_gn[gn] = row
                by_key.setdefault(key, []).append(row)
    if out.exists():
        out.unlink()
    con = sqlite3.connect(out)
    con.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, wof_id INTEGER NOT NULL, name TEXT NOT NULL,
            feature INTEGER NOT NULL, country TEXT NOT NULL, admin1_code TEXT NOT NULL, lat5 INTEGER NOT NULL,
            lon5 INTEGER NOT NULL, population INTEGER, shipped INTEGER NOT NULL);
        CREATE TABLE names (key TEXT NOT NULL, kind INTEGER NOT NULL, place INTEGER NOT NULL,
            PRIMARY KEY (key, kind, place)) WITHOUT ROWID;
    """)
    con.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("source", "Who's On First (whosonfirst.org) admin extracts, mostly GeoNames-derived (CC BY 4.0)"),
        ("licence", "https://whosonfirst.org/docs/licenses/ ; GeoNames data CC BY 4.0 (geonames.org)"),
        ("point_convention", "the Who's On First label point of the place (GeoNames' point for GeoNames-derived rows)"),
        ("population", "NULL = unknown (the extracts carry no population)"),
        ("kinds", "0 exact name, 1 alternate name, 2 transliteration-folded key, 3 Arabic-name consonant skeleton"),
        ("columns", "place_id = geonameid, else 'wof:' + wof_id; feature 0 city (town or village), 1 neighbourhood;"
                    " lat5/lon5 = degrees x 100,000; shipped = the GeoNames town is in places.json.gz (names only)"),
    ])
    n_names = 0
    feats: Counter[str] = Counter()
    for pid, row in enumerate(rows, start=1):
        place_id = row["gn"] or f"wof:{row['wof']}"
        shipped = int(place_id in known_ids)
        con.execute("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                    (pid, int(row["gn"]) if row["gn"] else None, int(row["wof"]), row["name"],
                     FEATURE_CODES[row["feature"]], row["country"], row["admin1"], round(row["lat"] * 1e5),
                     round(row["lon"] * 1e5), shipped))
        feats["shipped GeoNames town, names only" if shipped else row["feature"]] += 1
        main = exact_key(row["name"])
        keys: dict[tuple[str, int], None] = {}
        if main:
            keys[(main, EXACT)] = None
        for n in row["names"]:
            k = exact_key(n)
            if k and len(k) >= 2 and k != main:
                keys[(k, ALTERNATE)] = None
        for n in [row["name"], *row["names"]] if row["country"] in TRANSLITERATED_COUNTRIES else ():
            f = fuzzy_key(n)
            if len(f) >= 4:
                keys[(f, FUZZY)] = None
        for n in row["arabic"]:
            s = arabic_skeleton(n)
            if len(s.replace(" ", "")) >= 3:
                keys[(s, SKELETON)] = None
        con.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", [(k, kind, pid) for k, kind in keys])
        n_names += len(keys)
    con.commit()
    con.execute("VACUUM")
    con.close()
    print(f"read {stats['read']} features; {dict(stats)}")
    print(f"wrote {len(rows)} places, {n_names} name keys to {out} ({out.stat().st_size / 1e6:.1f} MB): {dict(feats)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "places")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    build(args.data, args.out)


if __name__ == "__main__":
    main()
