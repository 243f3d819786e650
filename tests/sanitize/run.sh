#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer (leaks
# on): the unit tests, then lint (text/json/sarif), build (and a rebuild),
# index and script over runbooks/, the seeds and the corpus (../shared,
# skipped with a note when absent), then the fuzz regression inputs.
#   bash tests/sanitize/run.sh BUILD_DIR [STAGE...]   # a -DRUNBOOKC_SANITIZE=address,undefined build
# STAGE: unit, cli, fuzz-regression (default: all three).
# Exits 1 at the first sanitizer report (the log holding it is printed).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build=$(cd "${1:?usage: run.sh SANITIZER_BUILD_DIR [STAGE...]}" && pwd)
shift
stages=" ${*:-unit cli fuzz-regression} "
runbookc=$build/runbookc
shared=${RUNBOOKC_SHARED:-$(git rev-parse --show-toplevel 2>/dev/null || echo "$root")/../shared}

# exitcode: a sanitizer report is told apart from runbookc's own exit codes (0, 1, 2).
export ASAN_OPTIONS="detect_leaks=1:exitcode=86:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitize/lsan.supp"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=0

# run NAME CMD...: runs CMD (exit 0, 1 or 2 accepted: findings and refused
# inputs are normal), fails on a sanitizer report or a signal.
run() {
  local name=$1 rc=0
  shift
  "$@" >"$work/out" 2>"$work/err" || rc=$?
  runs=$((runs + 1))
  if ((rc > 2)) || grep -qE 'Sanitizer|runtime error:' "$work/err"; then
    echo "FAIL: $name (exit $rc): $*"
    cat "$work/err"
    exit 1
  fi
}

if [[ $stages == *" unit "* ]]; then
echo "== unit tests (runbookc_tests)"
run unit "$build/runbookc_tests"
grep -E '^\[doctest\] (test cases|assertions)' "$work/out"
run rule_docs "$build/gen_rule_docs" --check "$root/docs/rules.md"
fi

if [[ $stages == *" cli "* ]]; then
# runbookc registers cmark-gfm's extensions itself: the suppression in
# lsan.supp needs full stacks (Debian's archive has no frame pointers).
export ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0"

inputs=("runbooks:$root/runbooks")
if [[ -d $shared/seeds ]]; then
  # The seeds are .txt files: copied as .md so that build and index take them.
  mkdir "$work/seeds"
  for f in "$shared"/seeds/*; do cp "$f" "$work/seeds/$(basename "${f%.*}").md"; done
  inputs+=("seeds:$work/seeds")
else
  echo "note: $shared/seeds not found: seeds skipped"
fi
if [[ -d $shared/corpus ]]; then inputs+=("corpus:$shared/corpus"); else echo "note: $shared/corpus not found: corpus skipped"; fi

for entry in "${inputs[@]}"; do
  name=${entry%%:*} dir=${entry#*:}
  echo "== $name ($dir)"
  for format in text json sarif gitlab; do run "lint $format $name" "$runbookc" lint --format "$format" "$dir"; done
  run "build $name" "$runbookc" build "$dir" -o "$work/site-$name" --today 2026-01-15
  run "rebuild $name" "$runbookc" build "$dir" -o "$work/site-$name" --today 2026-01-15
  run "index $name" "$runbookc" index "$dir" -o "$work/index-$name.json"
  count=0
  while IFS= read -r -d '' md; do
    run "script $md" "$runbookc" script "$md"
    count=$((count + 1))
    [[ $name == runbooks ]] || continue
    # Each incident section of the examples, as `script --section` makes it.
    "$runbookc" script --list-sections "$md" 2>/dev/null >"$work/sections" || true
    while IFS= read -r anchor; do
      run "script $md --section $anchor" "$runbookc" script "$md" --section "$anchor"
    done <"$work/sections"
  done < <(find "$dir" -name '*.md' -type f -print0 | sort -z)
  echo "   lint x3, build, rebuild, index, script of $count files: clean"
done

fi

if [[ $stages == *" fuzz-regression "* ]]; then
echo "== fuzz regression inputs (tests/fuzz/<target>/)"
for target in fuzz_lint fuzz_script fuzz_config; do
  inputs_dir=$root/tests/fuzz/$target
  [[ -d $inputs_dir ]] && [[ -n $(ls -A "$inputs_dir") ]] || continue
  run "$target regression" "$build/fuzz/$target" "$inputs_dir"/*
  echo "   $target: $(ls "$inputs_dir" | wc -l) inputs clean"
done

fi

echo "sanitize: $runs runs, no ASan/UBSan/LSan report"
