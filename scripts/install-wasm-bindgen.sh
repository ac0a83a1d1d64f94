#!/usr/bin/env bash
# Builds and installs wasm-bindgen-cli $WASM_BINDGEN_VERSION from its crates.io source with
# the reviewed lockfile in scripts/locks/ and `cargo install --locked`: the same
# dependency versions and checksums on every machine, no fallback to an unlocked build.
# Needs only crates.io. Installs into CARGO_INSTALL_ROOT when set (else ~/.cargo).
# scripts/setup-build.sh calls it only when the wasm-bindgen on PATH is not that version.
set -euo pipefail
cd "$(dirname "$0")/.."   # the repository: rust-toolchain.toml picks the toolchain
. scripts/versions.env

version="$WASM_BINDGEN_VERSION"
lock="scripts/locks/wasm-bindgen-cli-$version.Cargo.lock"
[ -f "$lock" ] || { echo "install-wasm-bindgen: no reviewed lockfile $lock" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/wasm-bindgen-cli-$version.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# 1. Let cargo fetch the crate: a throwaway package that depends on exactly this version.
mkdir -p "$work/fetch/src"
cat >"$work/fetch/Cargo.toml" <<TOML
[package]
name = "fetch-wasm-bindgen-cli"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
wasm-bindgen-cli = { version = "=$version", default-features = false }

[workspace]
TOML
: >"$work/fetch/src/lib.rs"
cargo fetch --manifest-path "$work/fetch/Cargo.toml"

# 2. The .crate cargo fetched (cargo checked it against the index) must be the reviewed one.
checksum="$(awk -v v="$version" '
  $0 == "name = \"wasm-bindgen-cli\"" { hit = 1; next }
  hit && $0 == "version = \"" v "\"" { ok = 1; next }
  hit && ok && /^checksum = / { gsub(/"/, "", $3); print $3; exit }
  /^$/ { hit = 0; ok = 0 }' "$work/fetch/Cargo.lock")"
if [ "$checksum" != "$WASM_BINDGEN_CRATE_SHA256" ]; then
  echo "install-wasm-bindgen: wasm-bindgen-cli $version has checksum '$checksum'," \
    "expected $WASM_BINDGEN_CRATE_SHA256 (scripts/versions.env)" >&2
  exit 1
fi

# 3. Its unpacked source, copied (cargo's registry copy stays as cargo left it).
src="$(cargo metadata --offline --format-version 1 --manifest-path "$work/fetch/Cargo.toml" \
  | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const p = JSON.parse(s).packages.find((p) => p.name === "wasm-bindgen-cli" && p.version === process.argv[1]);
      if (!p) process.exit(1);
      console.log(require("path").dirname(p.manifest_path));
    });' "$version")"
cp -R "$src" "$work/src"
chmod -R u+w "$work/src"

# 4. The reviewed lockfile beside it, and a locked build (its own target dir, removed after).
cp "$lock" "$work/src/Cargo.lock"
cargo install --locked --force --path "$work/src" --target-dir "$work/target"
