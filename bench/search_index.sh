#!/usr/bin/env bash
# Size and speed of the site's search on the corpus and on the corpus
# replicated to about 10,000 runbooks (COPIES copies, default 14, of every
# file, each copy in its own folder so ids and paths stay distinct):
# bytes of assets/search-data.js and search-text.js (raw and gzip),
# runbooks and section documents, time to the first result in chromium from
# entering a query on a fresh page (loading MiniSearch and the data,
# indexing titles and headings, searching, rendering), time until the
# sections' text is searchable too, a second query, the JS heap; and the lint report's height at
# 1280 px. BEFORE=path/to/older/runbookc adds the same figures for an older
# build. Prints figures; asserts nothing (a benchmark, not a test).
# Usage: bench/search_index.sh [RUNBOOKC] [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNBOOKC=$(realpath "${1:-build/runbookc}")
CORPUS=$(realpath "${2:-../shared/corpus}")
COPIES=${COPIES:-14}
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # measure LABEL RUNBOOKC INPUT
  local label=$1 binary=$2 input=$3 site="$work/site-$1" start end
  start=$(date +%s.%N)
  (cd "$work" && "$binary" build "$input" -o "$site" --today 2026-12-01 >/dev/null 2>&1) || true
  end=$(date +%s.%N)
  printf '%s: build %.1f s' "$label" "$(echo "$end - $start" | bc)"
  for f in search-data.js search-text.js; do
    [ -f "$site/assets/$f" ] && printf '; %s %s bytes, gzip %s' "$f" "$(wc -c <"$site/assets/$f")" "$(gzip -9c "$site/assets/$f" | wc -c)"
  done
  echo
  node bench/search_index.js "$site" "$label"
}

if [ -n "${BEFORE:-}" ]; then measure before-corpus "$(realpath "$BEFORE")" "$CORPUS"; fi
measure corpus "$RUNBOOKC" "$CORPUS"
mkdir -p "$work/many"
for i in $(seq "$COPIES"); do cp -r "$CORPUS" "$work/many/copy$i"; done
if [ -n "${BEFORE:-}" ]; then measure "before-x$COPIES" "$(realpath "$BEFORE")" "$work/many"; fi
measure "x$COPIES" "$RUNBOOKC" "$work/many"
