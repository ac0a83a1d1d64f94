#!/usr/bin/env bash
# Installs what the tests need beyond the build: Debian's chromium and chromium-driver
# (when missing and running as root), Firefox, WebKit and their drivers (setup-engines.sh)
# and the npm packages of package-lock.json.
# Idempotent: a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "setup: chromium is missing; install Debian's chromium and chromium-driver (as root)" >&2
    exit 1
  fi
fi

scripts/setup-engines.sh

# npm ci only when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi
