#!/usr/bin/env bash
# The load's work as instruction counts: the app's loading path (`CatalogLoader`, forgetful,
# fed 64 KiB chunks; crates/bench/examples/load_once.rs) run once under callgrind on
# SNAPSHOT. Unlike times, the counts repeat from run to run (to a few thousand of two
# billion), so a change of a few percent shows even on a noisy machine
# (docs/performance.md, "Reading and tokenizing for less"). Installs Debian's valgrind when missing (as root). Prints the whole load and its
# three parts: reading records, adding papers, and what waits for the last chunk.
# Usage: scripts/bench-instructions.sh SNAPSHOT.json
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=${1:?usage: scripts/bench-instructions.sh SNAPSHOT.json}

if ! command -v valgrind >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "bench: installing Debian's valgrind"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq valgrind >/dev/null
  else
    echo "bench: valgrind is missing; install Debian's valgrind (as root)" >&2
    exit 1
  fi
fi

cargo build --locked -q --profile profiling -p paperdeck-bench --example load_once
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
  target/profiling/examples/load_once "$snapshot" >"$out/stdout" 2>"$out/stderr"
# awk reads to the end (no early `exit`), so callgrind_annotate never gets SIGPIPE.
total=$(callgrind_annotate "$out/callgrind.out" | awk '/PROGRAM TOTALS/ && !done {print $1; done = 1}')
inclusive() {
  callgrind_annotate --inclusive=yes "$out/callgrind.out" | awk -v pat="$1" '$0 ~ pat && !done {print $1; done = 1}'
}
reading=$(inclusive 'SnapshotReader::read_record \[')
adding=$(inclusive 'builder.rs:paperdeck_core::search::catalog::builder::CatalogBuilder::add$')
finishing=$(inclusive 'builder.rs:paperdeck_core::search::catalog::builder::CatalogBuilder::finish$')
echo "Instructions to load $(head -n 1 "$out/stdout") from $(basename "$snapshot") (callgrind, load_once):"
echo "  whole load $total; reading records $reading; adding papers $adding; finish (after the last chunk) $finishing"
