#!/bin/sh
# A copy of dist/ whose wasm keeps its function names, for bench/browser-profile.mjs
# (`--dist=target/profile-dist`): the app built with the `profiling` Cargo profile (release
# with debug info), run through the pinned wasm-bindgen with --keep-debug and no wasm-opt,
# under the file names Trunk gave dist/. The copy drops the integrity attributes that
# would refuse the new files. Run after `make build`.
set -eu
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "profile-dist: run make build first" >&2; exit 1; }
cargo build --locked --profile profiling --target wasm32-unknown-unknown -p paperdeck-app
out=target/profile-dist
rm -rf "$out" && cp -r dist "$out"
glue=$(ls dist/paperdeck-app-*.js | head -n 1)
name=$(basename "$glue" .js)
wasm-bindgen --target web --keep-debug --no-typescript --out-dir "$out" --out-name "$name" \
  target/wasm32-unknown-unknown/profiling/paperdeck-app.wasm
sed -i 's/ integrity="[^"]*"//g' "$out/index.html"
echo "profile-dist: $out (wasm with names, $(wc -c < "$out/${name}_bg.wasm") bytes)"
