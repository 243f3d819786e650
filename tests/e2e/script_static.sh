#!/usr/bin/env bash
# Every script `runbookc script` makes from runbooks/ and ../shared/corpus
# (whole runbook and each incident section) parses (`bash -n`) and its
# scaffolding passes `shellcheck -S warning`. A runbook is allowed to be
# refused only with exit 1 (a syntax finding, or nothing that can run).
set -euo pipefail
RUNBOOKC=$(realpath "$1")
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(find runbooks -name '*.md' -print0 | sort -z)
if [[ -d ../shared/corpus ]]; then
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find ../shared/corpus -name '*.md' -print0 | sort -z)
else
  echo "note: ../shared/corpus absent, checking runbooks/ only"
fi

made=0 refused=0 n=0
compile() { # FILE [ANCHOR]
  # Whole-runbook scripts of runbooks/ and of the corpus, and runbooks/'s
  # section scripts, go to shellcheck; corpus section scripts are subsets of
  # their whole-runbook script's data and only get `bash -n` (shellcheck
  # takes ~0.7 s a script).
  local target=$out/$((n++)).sh rc=0
  [[ -n ${2:-} && $1 != runbooks/* ]] && target=$out/$n.section
  local -a args=(script "$1" -o "$target")
  [[ -n ${2:-} ]] && args+=(--section "$2")
  "$RUNBOOKC" "${args[@]}" 2>"$out/err" || rc=$?
  case $rc in
    0)
      bash -n "$target" 2>"$out/err" || fail "bash -n: $1 ${2:-}: $(cat "$out/err")"
      made=$((made + 1)) ;;
    1)
      grep -q 'syntax error\|no step that can run' "$out/err" || fail "$1: exit 1 without a reason: $(cat "$out/err")"
      refused=$((refused + 1)) ;;
    *) fail "$1 ${2:-}: exit $rc: $(cat "$out/err")" ;;
  esac
}
for f in "${files[@]}"; do
  compile "$f"
  while IFS= read -r anchor; do compile "$f" "$anchor"; done < <("$RUNBOOKC" script "$f" --list-sections | awk 'NR > 1 && $1 !~ /^\(/ { print $1 }')
done
# shellcheck reads the scaffolding; the runbooks' own commands sit in
# functions under `# shellcheck disable=all`.
find "$out" -name '*.sh' -print0 | xargs -0 -n 40 -P "$(nproc)" shellcheck -S warning -f gcc >"$out/shellcheck.txt" 2>&1 ||
  fail "shellcheck: $(head -20 "$out/shellcheck.txt")"
[[ $made -gt 0 ]] || fail "no script was made"
echo "ok: script_static: $made scripts pass bash -n (shellcheck: see above); $refused refused with exit 1 (${#files[@]} runbooks)"
