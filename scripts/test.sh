#!/usr/bin/env bash
# Set up a virtual environment with sitrep and its test tools, lint (ruff), type-check (mypy), then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
# The page's browser test drives Debian's Chromium (never a browser download): install it when missing.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
.venv/bin/ruff check sitrep tests bench
.venv/bin/mypy sitrep
.venv/bin/python -m pytest "$@"
