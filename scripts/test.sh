#!/usr/bin/env bash
# Set up a virtual environment with sitrep and its test tools, lint (ruff), type-check (mypy), then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
# PostgreSQL server binaries for tests/test_postgres.py (Debian's package; only when initdb is missing)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
        echo "warning: PostgreSQL is not installed and cannot be installed here; tests/test_postgres.py will skip" >&2
    fi
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check sitrep tests bench
.venv/bin/mypy sitrep
.venv/bin/python -m pytest "$@"
