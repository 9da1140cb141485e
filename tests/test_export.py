"""``sitrep export``: ACLED CSV columns and codes, valid GeoJSON, JSONL with the evidence, streaming."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import random
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from _webstore import S1, S2, S3, build_store
from click.testing import CliRunner

from bench.api import generate_store
from sitrep.cli import main
from sitrep.export import ACLED_COLUMNS, export, interaction_code
from sitrep.records import Incident
from sitrep.store import Store
from sitrep.store import queries as Q


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return build_store(tmp_path / "x.db")


def text_of(store: Store, fmt: str, query: Q.IncidentQuery | None = None) -> str:
    out = io.StringIO()
    export(store.conn, fmt, out, query)
    return out.getvalue()


def test_acled_csv_has_exactly_acleds_columns_and_codes(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(text_of(store, "acled-csv"))))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    strike, clash = rows  # date order
    assert strike["event_id_cnty"] == "SYRstrike"
    assert (strike["event_date"], strike["year"], strike["time_precision"]) == ("2017-06-12", "2017", "1")
    assert strike["disorder_type"] == "Political violence"
    assert (strike["event_type"], strike["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert strike["inter2"] == "7" and strike["civilian_targeting"] == "Civilian targeting"
    assert strike["interaction"] == str(interaction_code(int(strike["inter1"]), 7))
    assert (strike["iso"], strike["region"], strike["country"], strike["admin1"]) == ("760", "Middle East", "Syria",
                                                                                       "Aleppo")
    assert (strike["location"], strike["latitude"], strike["longitude"], strike["geo_precision"]) == (
        "Manbij", "36.5280", "37.9550", "1")
    assert strike["fatalities"] == "12"
    assert strike["source"] == "Syrian Observatory for Human Rights; Activists; Wire; Local Daily"
    notes = strike["notes"]
    assert notes.startswith("On 12 June 2017, air/drone strike by US-led coalition against Civilians in Manbij")
    assert "According to Syrian Observatory for Human Rights, 12 killed." in notes
    assert "According to Activists, 20 killed." in notes
    assert "Reports disagree on fatalities." in notes and "coded conservatively: 12" in notes
    assert clash["civilian_targeting"] == "" and clash["fatalities"] == "0"
    assert clash["source"] == "Wire"  # no attributed source: the outlet


def test_interaction_codes_follow_acled() -> None:
    assert interaction_code(1, 2) == 12
    assert interaction_code(7, 1) == 17
    assert interaction_code(6, None) == 60
    assert interaction_code(None, None) is None


def _valid_geojson(fc: dict[str, Any]) -> None:
    """RFC 7946: a FeatureCollection of Features; Point coordinates [lon, lat] in WGS 84 ranges."""
    assert fc["type"] == "FeatureCollection" and isinstance(fc["features"], list)
    assert "crs" not in fc  # RFC 7946 drops named CRSs: WGS 84 is implied
    for f in fc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        assert isinstance(f["id"], str | int)
        g = f["geometry"]
        if g is not None:
            assert g["type"] == "Point" and len(g["coordinates"]) == 2
            lon, lat = g["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90 and math.isfinite(lon) and math.isfinite(lat)


def test_geojson_is_valid_and_carries_the_evidence(store: Store) -> None:
    fc = json.loads(text_of(store, "geojson"))
    _valid_geojson(fc)
    strike = fc["features"][0]
    assert strike["geometry"]["coordinates"] == [37.955, 36.528]
    props = strike["properties"]
    assert props["report_ids"] == "rep_2;rep_3"
    assert S2 in props["sentences"] and S3 in props["sentences"]
    assert [e["sentence"] for e in props["evidence"]] == [S2, S3]
    assert json.loads(props["conflicts"])[0]["field"] == "fatalities"


def test_jsonl_has_every_incident_field_and_each_report(store: Store) -> None:
    lines = [json.loads(x) for x in text_of(store, "jsonl").splitlines()]
    fields = set(Incident.__dataclass_fields__) - {"reports"}
    for d in lines:
        assert fields <= set(d)
    clash = lines[1]
    assert clash["report_ids"] == ["rep_1"]
    assert clash["evidence"][0]["sentence"] == S1
    assert clash["evidence"][0]["article"]["external_id"] == "a-1"
    assert clash["evidence"][0]["sources"] == ["Wire"]


def test_export_takes_the_same_filter_as_the_page(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(text_of(store, "acled-csv", Q.IncidentQuery(event_types=("Battles",))))))
    assert [r["event_id_cnty"] for r in rows] == ["SYRclash"]


def test_export_cli_writes_a_file_and_maps_errors(tmp_path: Path, store: Store) -> None:
    out = tmp_path / "out.geojson"
    result = CliRunner().invoke(main, ["export", "--db", store.path, "--format", "geojson", "--out", str(out)])
    assert result.exit_code == 0, result.output
    _valid_geojson(json.loads(out.read_text(encoding="utf-8")))
    assert CliRunner().invoke(main, ["export", "--db", store.path, "--format", "xlsx"]).exit_code == 2
    missing = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db"), "--format", "jsonl"])
    assert missing.exit_code == 1 and "no sitrep database" in missing.output


class _Sink(io.TextIOBase):
    def __init__(self) -> None:
        self.n = 0

    def write(self, s: str) -> int:
        self.n += len(s)
        return len(s)


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "jsonl"])
def test_exports_stream_in_constant_memory(tmp_path: Path, fmt: str) -> None:
    peaks = {}
    for n in (300, 3_000):
        db = tmp_path / f"{n}.db"
        generate_store(db, n)
        store = Store(db, create=False)
        sink = _Sink()
        export(store.conn, fmt, sink)  # warm caches (actor dictionary, countries) outside the measure
        tracemalloc.start()
        sink = _Sink()
        export(store.conn, fmt, sink)
        peaks[n] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        store.close()
        assert sink.n > n * 100  # it did write every incident
    # 10 times the incidents, (nearly) the same peak: nothing grows with the store
    assert peaks[3_000] < peaks[300] * 1.5 + 200_000, peaks


def test_index_path_selects_exactly_what_sql_selects(tmp_path: Path) -> None:
    db = tmp_path / "bulk.db"
    generate_store(db, 3_000, seed=3)
    conn = Q.connect_readonly(str(db))
    index = Q.IncidentIndex(conn)
    rng = random.Random(5)
    for _ in range(60):
        start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(1400))
        bbox_w, bbox_s = 36 + rng.random() * 4, 32 + rng.random() * 3
        q = Q.IncidentQuery(
            date_from=start if rng.random() < 0.5 else None,
            date_to=start + dt.timedelta(days=rng.randrange(90)) if rng.random() < 0.5 else None,
            event_types=tuple(rng.sample(["Battles", "Protests", "Air/drone strike", "Attack"], rng.randrange(3))),
            actor=rng.choice([None, "islamic", "Forces", "zzz"]),
            place=rng.choice([None, "Place 1", "p5", "nowhere"]),
            text=rng.choice([None, None, "fought in Place 12", "killed"]),
            bbox=(bbox_w, bbox_s, bbox_w + 2, bbox_s + 2) if rng.random() < 0.3 else None,
        )
        sort = rng.choice(Q.SORT_KEYS)
        offset = rng.choice([0, 0, 10, 200])
        sql = Q.list_incidents(conn, q, offset=offset, limit=25, sort=sort)
        fast = Q.list_incidents(conn, q, offset=offset, limit=25, sort=sort, index=index)
        assert (fast.total, [i.incident_id for i in fast.items]) == (sql.total, [i.incident_id for i in sql.items]), q
        assert Q.histogram(conn, q, index=index) == Q.histogram(conn, q)
        assert (Q.map_points(conn, q, limit=50, index=index).to_dict()
                == Q.map_points(conn, q, limit=50).to_dict()), q
    conn.close()


def test_readonly_connection_refuses_writes(store: Store) -> None:
    import sqlite3

    conn = Q.connect_readonly(store.path)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM incidents")
    conn.close()


def test_gdal_reads_the_geojson_and_the_csv(tmp_path: Path, store: Store) -> None:
    """QGIS reads vector files through GDAL/OGR: ogrinfo must see every point in WGS 84."""
    import shutil
    import subprocess

    if shutil.which("ogrinfo") is None:
        pytest.skip("GDAL's ogrinfo is not installed (apt-get install gdal-bin)")
    geojson, table = tmp_path / "x.geojson", tmp_path / "x.csv"
    geojson.write_text(text_of(store, "geojson"), encoding="utf-8")
    table.write_text(text_of(store, "acled-csv"), encoding="utf-8")
    info = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(geojson)], capture_output=True, text=True, check=True)
    assert "Geometry: Point" in info.stdout and "Feature Count: 2" in info.stdout
    assert 'ID["EPSG",4326]' in info.stdout
    info = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(table)], capture_output=True, text=True, check=True)
    assert "Feature Count: 2" in info.stdout
    for column in ACLED_COLUMNS:
        assert f"\n{column}: " in info.stdout, column


def test_index_is_rebuilt_when_the_store_changes(store: Store) -> None:
    from sitrep.events.rows import save_incidents

    holder = Q.IndexHolder(store.path)
    first = holder.current()
    assert holder.current() is first  # nothing changed: the same snapshot
    assert Q.list_incidents(store.conn, Q.IncidentQuery(), index=first).total == 2
    extra = Incident(incident_id="inc_new", event_type="Protests", sub_event_type="Peaceful protest", actor1=None,
                     actor2=None, place_id=None, place_name="Raqqa", lat=None, lon=None,
                     date_begin=dt.date(2017, 7, 1), date_end=None, time_precision=1, stage_version="test")
    with store.transaction():
        save_incidents(store.conn, [extra])  # another connection writes (an ingest while serving)
    fresh = holder.current()
    assert fresh is not first
    page = Q.list_incidents(store.conn, Q.IncidentQuery(event_types=("Protests",)), index=fresh)
    assert [i.incident_id for i in page.items] == ["inc_new"]
    holder.close()


def test_an_empty_store_answers_every_query(tmp_path: Path) -> None:
    Store(tmp_path / "empty.db").close()
    conn = Q.connect_readonly(str(tmp_path / "empty.db"))
    index = Q.IncidentIndex(conn)
    q = Q.IncidentQuery(actor="x", date_from=dt.date(2017, 1, 1))
    assert Q.list_incidents(conn, q, index=index).total == 0
    assert Q.map_points(conn, q, index=index).points == []
    assert Q.histogram(conn, Q.IncidentQuery(), index=index) == []
    assert Q.facets(conn).date_min is None
    assert Q.control_at(conn, dt.date(2017, 1, 1)) == []
    assert Q.casualty_ledger(conn) == []
    conn.close()


def test_whole_store_views_are_computed_once_per_store_version(store: Store) -> None:
    holder = Q.IndexHolder(store.path)
    calls: list[int] = []

    def ledger() -> list[dict[str, Any]]:
        calls.append(1)
        return Q.casualty_ledger(store.conn)

    first = holder.memo("ledger", ledger)
    assert holder.memo("ledger", ledger) is first and len(calls) == 1
    with store.transaction():
        store.conn.execute("UPDATE incidents SET fatalities_conservative = 13 WHERE incident_id = 'inc_strike'")
    again = holder.memo("ledger", ledger)
    assert len(calls) == 2 and again != first
    holder.close()
