#!/usr/bin/env bash
# runbookc alerts check over real rule files and their real runbooks:
# ../shared/alert-rules/kube-prometheus/*.yaml against
# ../shared/corpus/prometheus-operator__runbooks, with the site mapping of
# bench/data/alerts-prometheus-operator.yaml. Prints the counts line and the
# findings per code, then the findings; asserts nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SHARED=${1:-../shared}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$BUILD/runbookc" alerts check "$SHARED"/alert-rules/kube-prometheus/*.yaml \
  --runbooks "$SHARED/corpus/prometheus-operator__runbooks" \
  --config bench/data/alerts-prometheus-operator.yaml --format concise >"$out"
echo "exit status: $?"
grep -o '\[RB7[0-9]* [a-z-]*\]' "$out" | sort | uniq -c
cat "$out"
