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
# System packages the tests need, from Debian, installed only when missing: Perl's XML::Parser (tilse's
# ROUGE-1.5.5 script) and Chromium (the page's browser test; never a browser download).
need=""
perl -MXML::Parser -e 1 2>/dev/null || need="$need libxml-parser-perl"
[ -x /usr/bin/chromium ] || need="$need chromium"
if [ -n "$need" ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
fi
.venv/bin/ruff check sitrep tests bench
.venv/bin/mypy sitrep
.venv/bin/python -m pytest "$@"
