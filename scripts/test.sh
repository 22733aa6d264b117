#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine (Chromium, nginx, npm, Python and npm packages),
# then runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium (Playwright cannot download its own browser here);
# the scale-out tests put Debian's nginx in front of several app processes.
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
# The accessibility tests inject axe-core, pinned in package.json, into every page.
command -v npm >/dev/null 2>&1 || missing="$missing npm"
# The class vote's store is tested against a throwaway cluster of Debian's PostgreSQL (tests/support/postgres.py).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
npm ci --no-audit --no-fund --loglevel=error
python -m pytest "$@"
