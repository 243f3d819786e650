#!/usr/bin/env bash
# Which conventions name alerts in real runbooks: runbooks.json (runbookc
# index) over each collection of ../shared/corpus, counting the runbooks each
# source (front_matter, file_name, heading, pattern) names at least one alert
# for, and the runbooks with any. With SAMPLE=N, prints N names per source to
# open by hand. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
CORPUS=${1:-../shared/corpus}
SAMPLE=${SAMPLE:-0}
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS"; exit 1; }
command -v jq >/dev/null || { echo "jq is needed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '%-34s %6s %6s %12s %10s %8s %8s\n' collection files any front_matter file_name heading pattern
for dir in "$CORPUS"/*/; do
  name=$(basename "$dir")
  "$BUILD/runbookc" index "$dir" -o "$tmp/$name.json" --today 2026-01-01 >/dev/null 2>&1 || true
  [ -s "$tmp/$name.json" ] || continue
  jq -r --arg c "$name" '
    def by(s): [.runbooks[] | select(any(.alert_sources[]; .source == s))] | length;
    [$c, (.runbooks | length), ([.runbooks[] | select(.alert_sources | length > 0)] | length),
     by("front_matter"), by("file_name"), by("heading"), by("pattern")] | @tsv' "$tmp/$name.json" |
    awk -F'\t' '{printf "%-34s %6s %6s %12s %10s %8s %8s\n", $1, $2, $3, $4, $5, $6, $7}'
done
jq -s -r '
  def by(s): [.[].runbooks[] | select(any(.alert_sources[]; .source == s))] | length;
  ["total", ([.[].runbooks[]] | length), ([.[].runbooks[] | select(.alert_sources | length > 0)] | length),
   by("front_matter"), by("file_name"), by("heading"), by("pattern")] | @tsv' "$tmp"/*.json |
  awk -F'\t' '{printf "%-34s %6s %6s %12s %10s %8s %8s\n", $1, $2, $3, $4, $5, $6, $7}'
if [ "$SAMPLE" -gt 0 ]; then
  for source in front_matter file_name heading pattern; do
    echo "--- $source (sample)"
    jq -r --arg s "$source" '.runbooks[] | .path as $p | .alert_sources[] | select(.source == $s) |
      "\($p):\(.line): \(.name)"' "$tmp"/*.json | awk -v n="$SAMPLE" 'NR % 7 == 1 && ++k <= n'
  done
fi
