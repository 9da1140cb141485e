#!/usr/bin/env bash
# Set up sitrep in .venv and run it on the bundled sample (examples/raqqa) into ./sitrep.db.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
.venv/bin/sitrep ingest examples/raqqa --db sitrep.db
.venv/bin/sitrep articles --db sitrep.db
if .venv/bin/sitrep incidents --help >/dev/null 2>&1; then .venv/bin/sitrep incidents --db sitrep.db; fi
