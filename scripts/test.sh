#!/usr/bin/env bash
# Set up a virtual environment with sitrep and its test tools, lint (ruff), type-check (mypy), then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
# timeline evaluation: tilse (scores with the ROUGE-1.5.5 Perl script it ships, which needs XML::Parser)
.venv/bin/python -c 'import tilse' 2>/dev/null \
    || .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps 'tilse==0.2.1'
if ! perl -MXML::Parser -e 1 2>/dev/null; then
    (apt-get update -qq && apt-get install -y -qq libxml-parser-perl) >/dev/null
fi
.venv/bin/ruff check sitrep tests bench
.venv/bin/mypy sitrep
.venv/bin/python -m pytest "$@"
