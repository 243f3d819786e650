#!/usr/bin/env bash
# What already holds, pinned: `build -o` never replaces a directory runbookc
# did not build (nor a file, nor the input), and a build killed at any moment
# leaves the previous site or the complete new one, never a mix.
set -euo pipefail
RUNBOOKC=$(realpath "$1")
ROOT=$(pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir rb other
cp "$ROOT"/runbooks/*.md rb/
echo "keep me" >note.txt
echo "keep me too" >other/file
ln -s rb link-to-input
tree_sum() { find "$@" -type f -print0 | sort -z | xargs -0 md5sum | md5sum; }
before=$(tree_sum rb other note.txt)

for out in . ./ rb rb/ rb/.. other link-to-input; do
  rc=0
  "$RUNBOOKC" build rb -o "$out" >/dev/null 2>err.txt || rc=$?
  [[ $rc == 2 ]] || fail "-o $out: exit $rc"
  grep -qxF "runbookc: error: $out exists and was not built by runbookc: refusing to replace it" err.txt ||
    fail "-o $out: $(cat err.txt)"
done
rc=0
"$RUNBOOKC" build rb -o note.txt >/dev/null 2>err.txt || rc=$?
[[ $rc == 2 ]] && grep -qxF "runbookc: error: note.txt exists and is not a directory" err.txt || fail "-o file: $rc $(cat err.txt)"
[[ $(tree_sum rb other note.txt) == "$before" ]] || fail "a refused build changed the input or other files"
rm -f err.txt

# Kill -9 during builds: the site is always one whole generation.
mkdir big
for i in $(seq 1 12); do for f in rb/*.md; do cp "$f" "big/$i-$(basename "$f")"; done; done
"$RUNBOOKC" build big -o site >/dev/null 2>&1 || fail "first build"
cp -a site gen-a
for f in big/*.md; do printf '\n## Added\n\nNew text %s.\n' "$f" >>"$f"; done
"$RUNBOOKC" build big -o gen-b >/dev/null 2>&1 || fail "reference build"
for trial in 1 2 3 4 5 6 7 8; do
  "$RUNBOOKC" build big -o site >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$((trial * 7 % 10))$trial"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ! diff -rq site gen-a >/dev/null 2>&1 && ! diff -rq site gen-b >/dev/null 2>&1; then
    fail "trial $trial: the site is neither the old nor the new generation"
  fi
  # The next build completes and equals a clean build.
  "$RUNBOOKC" build big -o site >/dev/null 2>&1 || fail "trial $trial: the build after a kill failed"
  diff -rq site gen-b >/dev/null || fail "trial $trial: the build after a kill differs from a clean build"
  rm -rf site && cp -a gen-a site
done
# Absolute input paths: the site names runbooks relative to the working
# directory; no byte of it (pages, lint.json, cache) holds the absolute path.
rm -rf abs-site
"$RUNBOOKC" build "$work/big" -o abs-site >/dev/null 2>&1 || fail "build of an absolute path failed"
if grep -rqaF "$work/" abs-site; then fail "the site holds the absolute input path: $(grep -rlaF "$work/" abs-site | head -3)"; fi
grep -q '"file": "big/' abs-site/lint.json || fail "lint.json does not name the runbooks big/..."
echo "build_guards: ok"
