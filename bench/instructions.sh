#!/usr/bin/env bash
# Repeatable speed ratios: instructions counted by valgrind (callgrind) for
# the bare parsers, syntax-only lint and the full rule catalog over the same
# corpus, one thread each. Unlike wall time these do not move with the load
# on the machine. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
CORPUS=${1:-../shared/corpus}
mapfile -t files < <(find "$CORPUS" -name '*.md' -not -path '*/.*' | sort)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() {  # instructions executed by the command
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$@" >/dev/null 2>&1 || true
  callgrind_annotate "$out/cg" | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}'
}
bare=$(count "$BUILD/bare_parsers" "${files[@]}")
syntax=$(count "$BUILD/runbookc" lint -j1 --select RB0,RB401,RB402 "${files[@]}")
full=$(count "$BUILD/runbookc" lint -j1 "${files[@]}")
printf 'bare parsers (cmark-gfm, tree-sitter-bash, libpg_query): %6.0f M instructions\n' "$(echo "$bare / 1000000" | bc -l)"
printf 'runbookc lint, syntax rules only:                        %6.0f M  (%.2fx the bare parsers)\n' \
  "$(echo "$syntax / 1000000" | bc -l)" "$(echo "$syntax / $bare" | bc -l)"
printf 'runbookc lint, full catalog:                             %6.0f M  (%.2fx syntax only)\n' \
  "$(echo "$full / 1000000" | bc -l)" "$(echo "$full / $syntax" | bc -l)"
