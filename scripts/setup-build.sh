#!/usr/bin/env bash
# Installs what building the app needs, only where it is missing or at the wrong version.
# Idempotent: a second run does nothing. Versions are pinned in scripts/versions.env.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/versions.env
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  echo "setup: installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # Locked, with the reviewed lockfile of scripts/locks/ (the published one names a
  # yanked crate, so a plain `cargo install --locked` fails).
  scripts/install-wasm-bindgen.sh
fi

# wasm-opt comes from npm's binaryen package (a real wasm-opt build); Debian's is too old.
# npm ci only when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ "$(node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$WASM_OPT_VERSION" ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi
