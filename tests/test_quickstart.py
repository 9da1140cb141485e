"""The README's quick start, run as written: it ingests the bundled sample and serves the page."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "quickstart.sh"


def _env(db: Path) -> dict[str, str]:
    env = dict(os.environ, SITREP_DB=str(db), SITREP_VENV=sys.prefix)
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        # a developer's shared environment: use it as it is (never re-point its install at this tree)
        env.update(SITREP_NO_INSTALL="1", PYTHONPATH=str(ROOT))
    return env


def test_quickstart_no_serve_ingests_the_sample(tmp_path: Path) -> None:
    db = tmp_path / "qs.db"
    done = subprocess.run(["bash", str(SCRIPT), "--no-serve"], env=_env(db), capture_output=True, text=True,
                          timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "stored 4 new article(s)" in done.stdout
    assert "incident_id" in done.stdout  # the incidents table was printed
    assert "quick start done" in done.stdout and db.exists()


def test_quickstart_ends_with_the_page_served(tmp_path: Path) -> None:
    db = tmp_path / "qs.db"
    proc = subprocess.Popen(["bash", str(SCRIPT), "--port", "0"], env=_env(db), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=tmp_path)
    try:
        url = None
        assert proc.stdout is not None
        for line in proc.stdout:
            found = re.search(r"serving .* at (http://127\.0\.0\.1:\d+/)", line)
            if found:
                url = found.group(1)
                break
        assert url, "the quick start did not say where to open the page"
        with urllib.request.urlopen(url, timeout=30) as res:
            assert b"sitrep" in res.read()
        with urllib.request.urlopen(url + "api/incidents?limit=1", timeout=30) as res:
            assert json.load(res)["total"] > 0
    finally:
        proc.terminate()
        proc.wait(timeout=30)
