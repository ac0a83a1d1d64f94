#!/usr/bin/env bash
# Installs what tests/engines/ needs beyond Chromium: Debian's firefox-esr, WebKitGTK's
# WebDriver (webkit2gtk-driver, which brings the MiniBrowser of libwebkit2gtk-4.1-0) and
# Xvfb (WebKitGTK has no headless mode), and geckodriver from crates.io (not a Debian
# package), at GECKODRIVER_VERSION of scripts/versions.env. Called by setup-test.sh.
# Idempotent: checks first, installs only what is missing or at another version.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.env
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

missing=()
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian's ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: ${missing[*]} missing; install Debian's firefox-esr webkit2gtk-driver xvfb (as root)" >&2
    exit 1
  fi
fi

installed=$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}' || true)
if [ "$installed" != "$GECKODRIVER_VERSION" ]; then
  echo "setup: installing geckodriver $GECKODRIVER_VERSION from crates.io (a few minutes)"
  cargo install --locked --quiet "geckodriver@$GECKODRIVER_VERSION"
fi
