#!/usr/bin/env bash
# Lint speed on real runbooks: runbookc lint over ../shared/corpus (all
# cores and one core) beside the bare parsers (cmark-gfm + tree-sitter-bash +
# libpg_query, one core) and ShellCheck over the same shell blocks.
# Prints figures; asserts nothing (a benchmark, not a test).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
CORPUS=${1:-../shared/corpus}
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS"; exit 1; }
mapfile -t files < <(find "$CORPUS" -name '*.md' | sort)
mb=$(cat "${files[@]}" | wc -c | awk '{printf "%.2f", $1/1e6}')
runs=${RUNS:-5}

best() {  # best wall time of $runs runs of the command, in seconds
  local best=999999 s e t
  for _ in $(seq "$runs"); do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  printf '%.3f' "$best"
}

echo "corpus: ${#files[@]} files, $mb MB; best of $runs runs"
all=$(best "$BUILD/runbookc" lint --format json "$CORPUS")
one=$(best "$BUILD/runbookc" lint -j1 --format json "$CORPUS")
bare=$(best "$BUILD/bare_parsers" "${files[@]}")
printf 'runbookc lint, %d cores: %6.3f s  %7.0f files/s  %6.2f MB/s\n' "$(nproc)" "$all" \
  "$(echo "${#files[@]} / $all" | bc -l)" "$(echo "$mb / $all" | bc -l)"
printf 'runbookc lint, 1 core:   %6.3f s\n' "$one"
printf 'bare parsers, 1 core:    %6.3f s   (lint/bare on one core: %.2fx)\n' "$bare" "$(echo "$one / $bare" | bc -l)"

blocks=$(mktemp -d)
trap 'rm -rf "$blocks"' EXIT
"$BUILD/bare_parsers" --dump-shell "$blocks" "${files[@]}" | sed 's/^/  /'
if command -v shellcheck >/dev/null; then
  n=$(find "$blocks" -name '*.sh' | wc -l)
  # Best of the same number of runs as runbookc's, so noise favours neither.
  sc=$(cd "$blocks" && best sh -c 'shellcheck -s bash -f gcc ./*.sh')
  printf 'shellcheck over the same %d shell blocks, one process: %.3f s  (runbookc lint of the whole corpus is %.1fx faster)\n' \
    "$n" "$sc" "$(echo "$sc / $all" | bc -l)"
fi
if command -v shellcheck >/dev/null; then
  # The way a hook that extracts blocks would run it: one process per block.
  s=$(date +%s.%N)
  for f in "$blocks"/*.sh; do shellcheck -s bash -f gcc "$f" >/dev/null 2>&1 || true; done
  e=$(date +%s.%N)
  per=$(echo "$e - $s" | bc -l)
  printf 'shellcheck, one process per block: %.3f s  (runbookc lint of the whole corpus is %.0fx faster)\n' \
    "$per" "$(echo "$per / $all" | bc -l)"
fi
