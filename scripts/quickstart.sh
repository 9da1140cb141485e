#!/usr/bin/env bash
# Set up sitrep in .venv, run it on the bundled sample (examples/raqqa) into ./sitrep.db, then serve
# the situation page at http://127.0.0.1:8765/ (Ctrl-C stops). --no-serve: stop before serving
# (for scripts and CI). Extra arguments after the flags go to 'sitrep serve' (e.g. --port 9000).
# Environment: SITREP_DB (default sitrep.db), SITREP_VENV (default .venv), SITREP_NO_INSTALL=1 to use
# that environment as it is (no venv creation, no pip).
set -euo pipefail
cd "$(dirname "$0")/.."
SERVE=1
if [ "${1:-}" = "--no-serve" ]; then SERVE=0; shift; fi
PY=${PYTHON:-python3}
DB=${SITREP_DB:-sitrep.db}
VENV=${SITREP_VENV:-.venv}
if [ "${SITREP_NO_INSTALL:-0}" != 1 ]; then
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e .
fi
SITREP=("$VENV/bin/python" -m sitrep.cli)
"${SITREP[@]}" ingest examples/raqqa --db "$DB"
"${SITREP[@]}" articles --db "$DB"
"${SITREP[@]}" incidents --db "$DB"
if [ "$SERVE" = 1 ]; then
  exec "${SITREP[@]}" serve --db "$DB" "$@"
fi
echo "quick start done: $DB; serve it with: $VENV/bin/sitrep serve --db $DB  (then open http://127.0.0.1:8765/)"
