"""The situation page in headless Chromium (Debian's, driven by Playwright): the bundled sample's
incidents on the map, an incident's evidence, the time filter, with no request leaving the machine;
and hostile article text shown as text, never run.

Needs the ``playwright`` package and /usr/bin/chromium (``scripts/test.sh`` installs it with apt when
missing). Skips when they are absent, except under CI (``CI`` set), where it fails instead.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _webstore import build_store
from click.testing import CliRunner

from sitrep.web.server import ServerConfig, make_server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "bench" / "out"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"><svg onload="window.__xss=3">'


def _need_browser() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed (pip install -e '.[test]')")
        pytest.skip("playwright is not installed")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (scripts/test.sh installs Debian's chromium)")
        pytest.skip(f"{CHROMIUM} is missing")
    return sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_playwright = _need_browser()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Served:
    def __init__(self, db: Path) -> None:
        self.server = make_server(ServerConfig(str(db)), port=0)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def open_page(browser: Any, served: Served, *, bypass_csp: bool = False) -> tuple[Any, list[str], list[str]]:
    """A page that may only talk to our server: any other request is refused and recorded.

    ``bypass_csp``: ignore the server's Content-Security-Policy, so that what is tested is the page's own
    escaping, not the policy that would block an injected script anyway.
    """
    page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp)
    outside: list[str] = []
    errors: list[str] = []

    def gate(route: Any) -> None:
        if route.request.url.startswith(served.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", gate)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    return page, outside, errors


def wait_until(condition: Any, seconds: float = 10.0) -> None:
    """Poll from Python (the page's policy forbids the string evaluation of wait_for_function)."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the page")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    from sitrep.cli import main

    db = tmp_path_factory.mktemp("sample") / "sample.db"
    result = CliRunner().invoke(main, ["ingest", str(ROOT / "examples" / "raqqa"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    served = Served(db)
    yield served
    served.close()


def test_sample_page_shows_markers_evidence_and_filters_by_time(browser: Any, sample: Served) -> None:
    page, outside, errors = open_page(browser, sample)
    page.goto(sample.url)
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30_000)
    n_points = int(page.get_attribute("#map", "data-markers") or 0)
    assert n_points > 0
    page.wait_for_selector(".leaflet-marker-icon", timeout=10_000)
    assert page.locator(".leaflet-marker-icon").count() > 0
    assert page.locator("#incident-list tbody tr").count() > 0

    # click an incident marker (clusters zoom in on click, then split into markers)
    for _ in range(8):
        marker = page.locator(".leaflet-marker-icon.inc-marker")
        if marker.count():
            marker.first.click(force=True)
            break
        page.locator(".marker-cluster").first.click()
        page.wait_for_timeout(700)
    page.wait_for_selector("#evidence blockquote.sentence", timeout=10_000)
    incident_id = page.evaluate("decodeURIComponent(location.hash.split('/')[2])")
    assert page.evaluate("location.hash").startswith("#/incident/")
    detail = json.loads(page.evaluate(
        f"fetch('/api/incidents/' + encodeURIComponent({json.dumps(incident_id)})).then(r => r.text())"))
    shown = page.locator("#evidence blockquote.sentence").all_inner_texts()
    assert [" ".join(s.split()) for s in shown] == [" ".join(e["report"]["text"].split()) for e in detail["evidence"]]
    assert page.locator("#incident-title").inner_text().startswith(detail["incident"]["sub_event_type"])
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "web-incident.png"))

    # the time filter: move the start handle 80 % along the range (keyboard), list and map follow
    page.goto(sample.url + "#/")
    page.reload()  # a fresh start: the map fits the sample's incidents again
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30_000)
    page.wait_for_selector("#incident-list", timeout=10_000)
    before = page.locator("#panel h2").inner_text()
    page.focus("#brush-start")
    for _ in range(8):
        page.keyboard.press("PageUp")
    wait_until(lambda: page.locator("#panel h2").inner_text() != before)
    assert page.input_value("#f-from") != ""
    after_points = int(page.get_attribute("#map", "data-markers") or 0)
    assert after_points < n_points
    page.screenshot(path=str(SHOTS / "web-sample.png"))

    # the other views load too
    for view, selector in (("#/chronology", "#panel h3"), ("#/casualties", "#ledger"),
                           ("#/control/2017-10-20", "#control-legend"), ("#/articles", "#panel table")):
        page.goto(sample.url + view)
        page.wait_for_selector(selector, timeout=10_000)
    assert outside == [], f"the page asked for something outside the server: {outside}"
    assert errors == []
    page.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    db = tmp_path_factory.mktemp("xss") / "xss.db"
    build_store(db, hostile=XSS).close()
    served = Served(db)
    yield served
    served.close()


@pytest.fixture(scope="module")
def ingested_hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A hostile article through the real ingest and event pipeline."""
    from sitrep.cli import main

    folder = tmp_path_factory.mktemp("xss-ingest")
    text = (f"Air strikes killed at least 12 civilians in Raqqa on Monday {XSS}, the Syrian Observatory for "
            f"Human Rights said. Islamic State fighters clashed with the Syrian Democratic Forces {XSS} in "
            "the Mashlab district of Raqqa, the group said.")
    record = {"id": "hostile-1", "title": "Raqqa " + XSS, "outlet": "Hostile " + XSS, "date": "2017-06-13",
              "url": "javascript:window.__xss=4", "text": text}
    (folder / "hostile.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = folder / "x.db"
    result = CliRunner().invoke(main, ["ingest", str(folder / "hostile.jsonl"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    served = Served(db)
    yield served
    served.close()


def _assert_inert(page: Any, errors: list[str]) -> None:
    assert page.evaluate("window.__xss") is None, "a payload ran"
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("#panel script, #panel svg[onload]").count() == 0
    assert errors == []


def test_hostile_text_is_shown_as_text_and_never_runs(browser: Any, hostile: Served,
                                                      ingested_hostile: Served) -> None:
    page, outside, errors = open_page(browser, hostile, bypass_csp=True)
    for view in ("#/", "#/incident/inc_clash", "#/incident/inc_strike", "#/chronology", "#/control/2017-07-01",
                 "#/articles", "#/article/art_a", "#/casualties"):
        page.goto(hostile.url + view)
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30_000)
        page.wait_for_timeout(300)
        _assert_inert(page, errors)
    page.goto(hostile.url + "#/incident/inc_clash")
    page.wait_for_selector("#evidence blockquote.sentence", timeout=10_000)
    assert XSS in page.locator("#evidence blockquote.sentence").first.inner_text()  # the payload, as text
    assert "<script>" in page.locator("#panel").inner_text()
    # the marker tooltip and the control view show actor names as text too
    page.goto(hostile.url + "#/control/2017-07-01")
    page.wait_for_selector("#control-legend", timeout=10_000)
    assert XSS in page.locator("#control-legend").inner_text()
    # hostile and malformed URLs: the error message is text, nothing runs
    for bad in ("#/incident/%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D5%22%3E", "#/incident/%E0%A4%A",
                "#/article/%3Cscript%3Ewindow.__xss%3D6%3C%2Fscript%3E"):
        page.goto(hostile.url + bad)
        wait_until(lambda: "error" in page.locator("#status").inner_text())
        _assert_inert(page, errors)
    # a javascript: article URL is never made a link
    page.goto(hostile.url + "#/incident/inc_strike")
    page.wait_for_selector("#evidence", timeout=10_000)
    assert page.locator("a[href^='javascript']").count() == 0
    _assert_inert(page, errors)
    page.close()

    page, outside2, errors = open_page(browser, ingested_hostile, bypass_csp=True)
    page.goto(ingested_hostile.url + "#/articles")
    page.wait_for_selector("#panel table a", timeout=30_000)
    assert XSS in page.locator("#panel table").inner_text()
    page.locator("#panel table a").first.click()
    page.wait_for_selector("#article-text", timeout=10_000)
    assert "<script>window.__xss=1</script>" in page.locator("#article-text").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    page.goto(ingested_hostile.url + "#/")
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30_000)
    rows = page.locator("#incident-list tbody tr")
    if rows.count():
        rows.first.click()
        page.wait_for_selector("#evidence", timeout=10_000)
    _assert_inert(page, errors)
    assert outside == [] and outside2 == []
    page.close()
