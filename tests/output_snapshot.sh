#!/usr/bin/env bash
# Writes everything runbookc produces for a fixed set of inputs into one
# directory, so two builds can be compared byte for byte (a refactor must not
# change them): lint in every format, the index, the built site and every
# generated script, of runbooks/, the seeds and the corpus, all judged
# against the same --today.
#   tests/output_snapshot.sh BINARY OUTDIR
#   diff -r OUTDIR_BEFORE OUTDIR_AFTER
set -uo pipefail
bin=$(realpath "$1"); out=$2
cd "$(dirname "$0")/.."
today=2026-12-01
rm -rf "$out"; mkdir -p "$out"
inputs=(runbooks ../shared/seeds ../shared/corpus)
for input in "${inputs[@]}"; do
  [ -d "$input" ] || continue
  name=$(basename "$input")
  for format in json text sarif github gitlab; do
    "$bin" lint --today "$today" --format "$format" "$input" >"$out/lint-$name.$format" 2>&1
    echo "exit $?" >>"$out/lint-$name.$format"
  done
  "$bin" index --today "$today" "$input" -o - >"$out/index-$name.json" 2>&1; echo "exit $?" >>"$out/index-$name.json"
  "$bin" build --today "$today" "$input" -o "$out/site-$name" >"$out/build-$name.log" 2>&1
  echo "exit $?" >>"$out/build-$name.log"
  sed -i "s#$out/##g" "$out/build-$name.log"
  rm -rf "$out/.site-$name.runbookc"  # the build's work files: inode numbers and times
  mkdir -p "$out/script-$name"
  while IFS= read -r file; do
    key=$(printf '%s' "${file#"$input"/}" | tr '/' '%')
    "$bin" script "$file" >"$out/script-$name/$key.sh" 2>"$out/script-$name/$key.err"
    echo "exit $?" >>"$out/script-$name/$key.err"
  done < <(find "$input" -name '*.md' -not -path '*/.*' | sort)
done
