#!/usr/bin/env bash
# Golden tests: each tests/golden/*.md is linted and its syntax and
# structure findings compared with tests/golden/<name>.expected (one
# "line:col-end_line:end_col severity code message" per line). UPDATE=1
# rewrites the expectations; review the diff before committing.
set -uo pipefail
RB=$(realpath "$1")
cd "$(dirname "$0")/../golden"
failures=0
for md in *.md; do
  name=${md%.md}
  actual=$("$RB" lint --format json "$md" | python3 -c '
import json, sys
for d in json.load(sys.stdin)["diagnostics"]:
    if d["category"] in ("syntax", "structure") and d["code"] in ("RB001","RB002","RB003","RB004","RB005","RB006","RB401","RB402"):
        print("%d:%d-%d:%d %s %s %s" % (d["line"], d["column"], d["end_line"], d["end_column"], d["severity"], d["code"], d["message"]))
')
  if [ "${UPDATE:-0}" = 1 ]; then
    printf '%s\n' "$actual" > "$name.expected"
    continue
  fi
  if ! diff -u "$name.expected" <(printf '%s\n' "$actual"); then
    echo "FAIL: $md differs from $name.expected"
    failures=$((failures + 1))
  fi
done
n=$(ls ./*.md | wc -l)
echo "$((n - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
