#!/usr/bin/env bash
# The load's work as instruction counts: the app's loading path (`CatalogLoader`, forgetful,
# fed 64 KiB chunks; crates/bench/examples/load_once.rs) run once under callgrind on
# SNAPSHOT. Unlike times, the counts repeat from run to run (to a few thousand of two
# billion), so a change of a few percent shows even on a noisy machine
# (docs/performance.md, "Reading and tokenizing for less"). Installs Debian's valgrind when
# missing (as root). Prints the whole load and its three parts: reading records, adding
# papers, and what waits for the last chunk; then the same load as the app runs it with
# its index worker (`load_once --elsewhere`), split into the page's share and the worker's.
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
trap "rm -rf \"\$out\"" EXIT
run() { # NAME ARGS...: load_once under callgrind, into $out/NAME.out
  local name=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$out/$name.out" \
    target/profiling/examples/load_once "$snapshot" "$@" >"$out/stdout" 2>"$out/stderr"
}
# Each profile annotated once into a file, then searched for plain text (no regex). Run
# from outside the project: callgrind_annotate shortens the paths under the current
# directory, and then merges some inlined code's counts differently.
annotate() { # NAME: the total, then every function's inclusive count
  (cd "$out" && callgrind_annotate "$1.out" >"$1.self" && callgrind_annotate --inclusive=yes "$1.out" >"$1.inclusive")
}
total() { grep -F -m 1 'PROGRAM TOTALS' "$out/$1.self" | awk '{gsub(",", "", $1); print $1}'; }
inclusive() { # NAME TEXT: the inclusive count of the first function whose line holds TEXT
  grep -F -m 1 -- "$2" "$out/$1.inclusive" | awk '{gsub(",", "", $1); print $1}'
}
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }

run here
annotate here
reading=$(inclusive here 'SnapshotReader::read_record [')
adding=$(inclusive here 'builder.rs:paperdeck_core::search::catalog::builder::CatalogBuilder::add [')
# What waits for the last chunk: the catalog but its index, then the index.
finishing=$(($(inclusive here 'CatalogBuilder::finish_but_index [') + $(inclusive here 'build.rs:paperdeck_core::search::index::build::IndexBuilder::finish [')))
echo "Instructions to load $(head -n 1 "$out/stdout") from $(basename "$snapshot") (callgrind, load_once):"
echo "  whole load $(thousands "$(total here)"); reading records $(thousands "$reading"); adding papers $(thousands "$adding"); finish (after the last chunk) $(thousands "$finishing")"

run elsewhere --elsewhere
annotate elsewhere
worker=$(inclusive elsewhere 'load_once::tokenize_elsewhere [')
whole=$(total elsewhere)
echo "  with the index worker (load_once --elsewhere): the page $(thousands $((whole - worker))), the worker $(thousands "$worker")"
