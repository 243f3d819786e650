#!/usr/bin/env bash
# Configuration from the outside: .runbookc.yaml discovery, --config, bad
# configs (exit 2 naming file and line), --select/--ignore, --today, excludes.
# Usage: policy_config.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"

cd "$work"
mkdir -p team/db drafts
printf -- '---\nseverity: P2\nlast_reviewed: 2025-01-14\nreview_every: 90d\n---\n# Key alert\n\n```bash\necho $JWT_SECRET\n```\n' > team/db/key.md
cp team/db/key.md drafts/wip.md

"$RB" lint --today 2025-02-01 team > out.txt; rc=$?
check "secret printed is an error" test $rc -eq 1
check "RB301 at its position" contains out.txt "team/db/key.md:9:6: error:"
check "not overdue yet" lacks out.txt "RB406"

"$RB" lint --today 2026-11-23 --select RB406 team > out.txt; rc=$?
check "--today makes it overdue" contains out.txt "team/db/key.md:3:16: warning:"
check "--select keeps only RB406" lacks out.txt "RB301"
check "a warning alone exits 0" test $rc -eq 0

printf 'rules:\n  secret-printed: warning\nexclude: ["drafts/*"]\n' > .runbookc.yaml
"$RB" lint --today 2025-02-01 . > out.txt; rc=$?
check "nearest .runbookc.yaml found" contains out.txt "team/db/key.md:9:6: warning:"
check "severity override lowers the exit code" test $rc -eq 0
check "excluded path not linted" lacks out.txt "drafts/wip.md"

"$RB" lint --today 2025-02-01 --ignore RB3 team > out.txt
check "--ignore by prefix" lacks out.txt "RB301"

printf 'rules:\n  RB301: loud\n' > bad.yaml
"$RB" lint --config bad.yaml team > out.txt 2> err.txt; rc=$?
check "bad severity exits 2" test $rc -eq 2
check "bad severity names file and line" contains err.txt "bad.yaml:2: bad setting \`loud\` for RB301"

printf 'rules:\n  RB777: off\n' > bad.yaml
"$RB" lint --config bad.yaml team > out.txt 2> err.txt; rc=$?
check "unknown rule exits 2" test $rc -eq 2
check "unknown rule named" contains err.txt "bad.yaml:2: unknown rule \`RB777\`"

printf 'rules: [\n' > team/.runbookc.yaml
"$RB" lint team > out.txt 2> err.txt; rc=$?
check "invalid YAML exits 2" test $rc -eq 2
check "invalid YAML names the discovered file" contains err.txt "team/.runbookc.yaml:2: invalid YAML"
rm team/.runbookc.yaml

"$RB" lint --select RB9 team > out.txt 2> err.txt; rc=$?
check "unknown --select exits 2" test $rc -eq 2
"$RB" lint --today 2025-13-01 team > out.txt 2> err.txt; rc=$?
check "bad --today exits 2" test $rc -eq 2

echo "policy_config: $pass passed, $failures failed"
exit $((failures > 0))
