#!/bin/sh
# Make sure a Chromium for the browser tests exists; fail loudly if none can be had.
# Usage: sh scripts/ensure_chromium.sh PYTHON
set -e
PY=${1:-python3}
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] && exit 0
fi
echo "No system Chromium; trying Playwright's installer..."
if "$PY" -m playwright install chromium; then
  exit 0
fi
echo "ERROR: no Chromium for the browser tests. Install Debian's 'chromium' package (as root: apt-get install -y chromium) or run '$PY -m playwright install chromium'." >&2
exit 1
