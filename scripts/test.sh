#!/usr/bin/env bash
# Set up a virtual environment with sitrep and its test tools, lint (ruff), type-check (mypy), then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check sitrep tests bench
.venv/bin/mypy sitrep
.venv/bin/python -m pytest "$@"
