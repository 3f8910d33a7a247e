#!/bin/sh
# Make sure HAProxy exists for the replica test and `make serve-replicas`; fail loudly if it cannot be had.
# Usage: sh scripts/ensure_haproxy.sh
set -e
if command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's haproxy for the replica test..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null
  # Debian's package starts its own service on port 80 where systemd runs; we only need the program.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet haproxy 2>/dev/null; then
    systemctl stop haproxy || true
  fi
  if command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ]; then
    exit 0
  fi
fi
echo "ERROR: no HAProxy for the replica test (tests/e2e/test_replicas.py) and 'make serve-replicas'. Install Debian's 'haproxy' package (as root: apt-get install -y haproxy; on macOS: brew install haproxy)." >&2
exit 1
