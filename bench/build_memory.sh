#!/usr/bin/env bash
# Memory of `runbookc build` as the number of runbooks grows: the corpus
# (../shared/corpus) replicated into SIZES runbooks (default 5000 10000
# 20000), each file copied under a distinct name, then a clean build of each
# size under /usr/bin/time -v. Prints peak RSS and wall time per size.
# Prints figures; asserts nothing (a benchmark, not a test).
# Usage: bench/build_memory.sh [RUNBOOKC] [CORPUS]; SIZES="5000 10000" to choose.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNBOOKC=${1:-build/runbookc}
CORPUS=${2:-../shared/corpus}
SIZES=${SIZES:-5000 10000 20000}
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mapfile -t files < <(find "$CORPUS" -name '*.md' -type f | sort)
echo "corpus: ${#files[@]} runbooks, $(cat "${files[@]}" | wc -c | awk '{printf "%.1f", $1/1e6}') MB; $(nproc) cores"

# DIR/copyK/NNNNN-<base name>: a runbook per file, distinct names, short ids.
replicate() {  # replicate DIR COUNT
  local dir=$1 count=$2 i=0 base
  while [ "$i" -lt "$count" ]; do
    local copy=$((i / ${#files[@]}))
    mkdir -p "$dir/copy$copy"
    base=${files[$((i % ${#files[@]}))]##*/}
    cp "${files[$((i % ${#files[@]}))]}" "$dir/copy$copy/$(printf '%05d' "$i")-${base:0:60}"
    i=$((i + 1))
  done
}

printf '%8s  %10s  %10s  %10s\n' runbooks "markdown" "peak RSS" "wall"
for n in $SIZES; do
  rm -rf "$work/in" "$work/out" "$work/.out.runbookc"
  mkdir -p "$work/in"
  replicate "$work/in" "$n"
  md=$(du -sb "$work/in" | awk '{printf "%.0f MB", $1/1e6}')
  /usr/bin/time -v -o "$work/time" "$RUNBOOKC" build "$work/in" -o "$work/out" >/dev/null 2>"$work/stderr" ||
    { rc=$?; [ "$rc" -le 1 ] || { echo "build of $n runbooks failed (rc=$rc)"; tail -5 "$work/stderr"; exit 1; }; }
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2/1024}' "$work/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
  printf '%8s  %10s  %10s  %10s\n' "$n" "$md" "$rss" "$wall"
done
