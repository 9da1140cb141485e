"""The JSON API of ``sitrep serve``: filters, paging, one incident's evidence, control, casualties,
articles, downloads, static files, and validation (400 / 404 / 405, never 500)."""

from __future__ import annotations

import csv
import http.client
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from _webstore import S2, S3, build_store
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.export import ACLED_COLUMNS
from sitrep.web.server import DEFAULT_HOST, ServerConfig, SitrepServer, make_server


class Client:
    def __init__(self, server: SitrepServer) -> None:
        self.port = server.server_address[1]

    def raw(self, path: str, method: str = "GET", headers: dict[str, str] | None = None
            ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, headers=headers or {})
            res = conn.getresponse()
            return res.status, {k.lower(): v for k, v in res.getheaders()}, res.read()
        finally:
            conn.close()

    def get(self, path: str) -> tuple[int, Any]:
        status, headers, body = self.raw(path)
        assert headers["content-type"].startswith("application/json")
        return status, json.loads(body)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    db = tmp_path_factory.mktemp("web") / "web.db"
    build_store(db).close()
    server = make_server(ServerConfig(str(db)), port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Client(server)
    server.shutdown()
    server.server_close()


def ids(page: dict[str, Any]) -> list[str]:
    return [i["incident_id"] for i in page["items"]]


def test_server_binds_loopback_by_default() -> None:
    from sitrep.web.cli import serve

    assert DEFAULT_HOST == "127.0.0.1"
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_serve_refuses_a_bad_tile_url_and_a_missing_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sitrep.cli import main

    bad = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db"), "--tile-url", "ftp://tiles/{z}"])
    assert bad.exit_code == 2 and "tile_url" in bad.output
    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db"), "--port", "0"])
    assert missing.exit_code == 1 and "no sitrep database" in missing.output


def test_meta_gives_the_filters_choices(client: Client) -> None:
    status, meta = client.get("/api/meta")
    assert status == 200
    f = meta["facets"]
    assert (f["incidents"], f["date_min"], f["date_max"]) == (2, "2017-06-12", "2017-06-13")
    assert {t["event_type"]: t["count"] for t in f["event_types"]} == {"Battles": 1, "Explosions/Remote violence": 1}
    assert meta["tile_url"] is None


def test_incident_list_is_in_date_order_with_total(client: Client) -> None:
    status, page = client.get("/api/incidents")
    assert status == 200
    assert page["total"] == 2
    assert ids(page) == ["inc_strike", "inc_clash"]  # 12 June before 13 June
    strike = page["items"][0]
    assert strike["fatalities_conservative"] == 12 and strike["disputed"] == ["fatalities"]
    assert strike["n_reports"] == 2


@pytest.mark.parametrize(("query", "expected"), [
    ("from=2017-06-13", ["inc_clash"]),
    ("to=2017-06-12", ["inc_strike"]),
    ("from=2017-06-01&to=2017-06-30", ["inc_strike", "inc_clash"]),
    ("from=2018-01-01", []),
    ("type=Battles", ["inc_clash"]),
    ("type=Air%2Fdrone+strike", ["inc_strike"]),
    ("type=Battles&type=Air%2Fdrone+strike", ["inc_strike", "inc_clash"]),
    ("actor=us-led", ["inc_strike"]),
    ("place=manb", ["inc_strike"]),
    ("place=sitrep:raqqa:mashlab", ["inc_clash"]),
    ("q=market", ["inc_strike"]),
    ("q=100%25", []),  # a literal percent sign is not a wildcard
    ("bbox=37.5,36,38.5,37", ["inc_strike"]),
    ("bbox=38.5,35,39.5,36.5", ["inc_clash"]),
    ("sort=-date", ["inc_clash", "inc_strike"]),
    ("sort=-fatalities", ["inc_strike", "inc_clash"]),
    ("limit=1&offset=1", ["inc_clash"]),
])
def test_incident_filters(client: Client, query: str, expected: list[str]) -> None:
    status, page = client.get("/api/incidents?" + query)
    assert status == 200, page
    assert ids(page) == expected


def test_points_and_histogram_follow_the_filter(client: Client) -> None:
    _, pts = client.get("/api/incidents/points?type=Battles")
    assert pts["total"] == 1 and not pts["truncated"]
    assert pts["points"] == [["inc_clash", 35.95, 39.03, "Battles", None, "2017-06-13", "Mashlab"]]
    _, hist = client.get("/api/incidents/histogram")
    assert hist == [{"date": "2017-06-12", "incidents": 1, "fatalities": 12},
                    {"date": "2017-06-13", "incidents": 1, "fatalities": 0}]


def test_one_incident_has_every_report_sentence_article_and_disagreement(client: Client) -> None:
    status, d = client.get("/api/incidents/inc_strike")
    assert status == 200
    assert d["incident"]["fatalities_min"] == 12 and d["incident"]["fatalities_max"] == 20
    assert [e["report"]["text"] for e in d["evidence"]] == [S2, S3]
    assert [e["article"]["external_id"] for e in d["evidence"]] == ["a-1", "b-1"]
    assert d["evidence"][0]["article"]["url"] == "https://example.org/a"
    assert d["evidence"][0]["report"]["attributed_to"] == "Syrian Observatory for Human Rights"
    assert d["disagreements"] == [{"field": "fatalities", "values": [{"value": 12, "reports": ["rep_2"]},
                                                                     {"value": 20, "reports": ["rep_3"]}]}]
    assert d["geo_precision"] == 1 and d["admin1"] == "Aleppo" and d["country"] == "SY"
    _, clash = client.get("/api/incidents/inc_clash")
    assert clash["control_changes"][0]["to_actor"] == "Syrian Democratic Forces"


def test_control_at_a_date(client: Client) -> None:
    _, before = client.get("/api/control?date=2017-06-12")
    assert before["holdings"] == []
    _, after = client.get("/api/control?date=2017-07-01")
    [h] = after["holdings"]
    assert (h["place_name"], h["held_by"], h["taken_from"], h["since"]) == (
        "Mashlab", "Syrian Democratic Forces", "Islamic State", "2017-06-13")
    assert (h["lat"], h["lon"]) == (35.95, 39.03)


def test_casualty_ledger_lists_each_source_and_the_totals(client: Client) -> None:
    status, rows = client.get("/api/casualties?period=month")
    assert status == 200
    by_source = {r["source"]: r for r in rows if r["period"] == "2017-06"}
    assert by_source["Syrian Observatory for Human Rights"]["claimed"] == 12
    assert by_source["Activists"]["claimed"] == 20
    assert by_source[None]["conservative"] == 12
    assert (by_source[None]["range_min"], by_source[None]["range_max"]) == (12, 20)


def test_articles_list_and_text(client: Client) -> None:
    _, page = client.get("/api/articles")
    assert [a["external_id"] for a in page["items"]] == ["a-1", "b-1"]
    assert page["items"][0]["n_reports"] == 2
    _, art = client.get("/api/articles/art_b")
    assert S3 in art["text"]
    assert [r["incident_id"] for r in art["reports"]] == ["inc_strike"]


@pytest.mark.parametrize(("path", "message"), [
    ("/api/incidents?from=2017-13-01", "not a valid date"),
    ("/api/incidents?from=yesterday", "not a date"),
    ("/api/incidents?from=2017-06-30&to=2017-06-01", "after"),
    ("/api/incidents?colour=red", "unknown parameter"),
    ("/api/incidents?limit=0", "outside"),
    ("/api/incidents?limit=abc", "whole number"),
    ("/api/incidents?offset=-1", "whole number"),
    ("/api/incidents?sort=random", "not one of"),
    ("/api/incidents?bbox=1,2,3", "west,south,east,north"),
    ("/api/incidents?bbox=0,50,10,40", "north of north"),
    ("/api/incidents?bbox=0,0,200,10", "outside"),
    ("/api/incidents?actor=a&actor=b", "give it once"),
    ("/api/incidents?q=" + "x" * 201, "longer than"),
    ("/api/incidents?background=maybe", "not a flag"),
    ("/api/control", "date is required"),
    ("/api/casualties?period=year", "not one of"),
    ("/api/export.csv?from=2017-02-30", "not a valid date"),
    ("/static/app.js?x=1", "no parameters"),
])
def test_bad_parameters_get_400_with_a_message(client: Client, path: str, message: str) -> None:
    status, body = client.get(path)
    assert status == 400
    assert message in body["error"]


def test_unknown_things_get_404(client: Client) -> None:
    assert client.get("/api/incidents/inc_nope")[0] == 404
    assert client.get("/api/articles/nope")[0] == 404
    assert client.get("/api/nothing")[0] == 404
    assert client.get("/api/incidents/" + quote("../../etc/passwd", safe=""))[0] == 404
    assert client.get("/static/../server.py")[0] == 404


def test_requests_for_other_host_names_are_refused(client: Client) -> None:
    """DNS rebinding: a page from evil.example resolving to 127.0.0.1 must not read the API."""
    status, _, body = client.raw("/api/incidents", headers={"Host": f"evil.example:{client.port}"})
    assert status == 403 and "localhost only" in json.loads(body)["error"]
    for host in (f"localhost:{client.port}", f"127.0.0.1:{client.port}", "[::1]:8765"):
        assert client.raw("/api/meta", headers={"Host": host})[0] == 200, host


def test_each_client_connection_closes_its_database_connection(client: Client) -> None:
    import os

    def open_files() -> int:
        return len(os.listdir("/proc/self/fd"))

    client.get("/api/incidents")
    before = open_files()
    for _ in range(30):
        client.get("/api/incidents")  # a new TCP connection (and thread) each time
    assert open_files() <= before + 2


def test_the_api_is_read_only(client: Client) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        status, _, body = client.raw("/api/incidents", method)
        assert status == 405
        assert "read-only" in json.loads(body)["error"]


def test_the_page_and_its_assets_are_served_with_a_strict_policy(client: Client) -> None:
    status, headers, body = client.raw("/")
    assert status == 200 and b"/static/app.js" in body
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    for asset in ("/static/app.js", "/static/vendor/leaflet/leaflet.js",
                  "/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
                  "/static/vendor/outlines/admin1.topo.json", "/static/vendor/leaflet/LICENSE.txt"):
        assert client.raw(asset)[0] == 200, asset


def test_page_script_never_parses_data_as_html() -> None:
    from importlib import resources

    app = (resources.files("sitrep.web") / "static" / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in app, sink


def test_downloads_follow_the_filter(client: Client) -> None:
    status, headers, body = client.raw("/api/export.csv?type=Battles")
    assert status == 200 and "attachment" in headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert [r["event_type"] for r in rows] == ["Battles"]
    status, headers, body = client.raw("/api/export.geojson?place=Manbij")
    fc = json.loads(body)
    assert status == 200 and headers["content-type"] == "application/geo+json"
    assert [f["id"] for f in fc["features"]] == ["inc_strike"]


_NAMES = st.sampled_from(["from", "to", "type", "actor", "place", "q", "bbox", "background", "offset", "limit",
                          "sort", "date", "period", "x", "", "from[]", "%", "\u00e9"])
_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["2017-06-12", "2017-02-30", "0000-00-00", "9999-12-31", "-1", "1e308", "nan", "inf",
                     "1,2,3,4", "-180,-90,180,90", "181,0,0,0", "0,0,0,0,0", "%", "%%", "\\", "'", "\x00",
                     "99999999999999999999", "١٢", "1_000", " 5 "]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(["/api/incidents", "/api/incidents/points", "/api/incidents/histogram",
                             "/api/control", "/api/casualties", "/api/articles", "/api/export.csv",
                             "/api/incidents/inc_strike"]),
       params=st.lists(st.tuples(_NAMES, _VALUES), max_size=5))
def test_no_malformed_query_parameter_gives_a_500(client: Client, path: str,
                                                  params: list[tuple[str, str]]) -> None:
    query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in params)
    status, headers, body = client.raw(path + ("?" + query if query else ""))
    assert status in (200, 400), (path, query, body[:300])
    if status == 400:
        assert json.loads(body)["error"]
