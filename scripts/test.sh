#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine (Chromium, Python packages), then runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  # The browser tests drive Debian's Chromium; Playwright cannot download its own browser here.
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
python -m pytest "$@"
