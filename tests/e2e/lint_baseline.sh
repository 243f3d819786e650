#!/usr/bin/env bash
# Adopting runbookc on a repository that already has findings: a baseline
# records them, later runs report only new ones, and entries that are gone
# are named. SARIF carries the same fingerprints as partialFingerprints.
# Usage: lint_baseline.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"

cd "$work"
mkdir -p repo/runbooks
cd repo
printf '# Cache\n\n## Fix\n\n```bash\nredis-cli FLUSHALL\nkubectl delete deploy/api -n prod\n```\n' >runbooks/cache.md
printf '# Db\n\n```sql\nDELETE FROM sessions;\n```\n' >runbooks/db.md

"$RB" lint --write-baseline .runbookc-baseline.json runbooks >out.txt 2>err.txt; rc=$?
check "write: exit 0 although there are errors" test $rc -eq 0
check "write: says how many" test "$(cat err.txt)" = "runbookc: wrote 3 findings to the baseline .runbookc-baseline.json"
check "write: nothing on stdout" test ! -s out.txt
check "write: the entries" python3 -c '
import json
d = json.load(open(".runbookc-baseline.json"))
assert d["runbookc_baseline"] == 1, d
got = [(f["path"], f["code"], f["line"], len(f["fingerprint"])) for f in d["findings"]]
assert got == [("runbooks/cache.md", "RB250", 6, 16), ("runbooks/cache.md", "RB276", 7, 16),
               ("runbooks/db.md", "RB221", 4, 16)], got'

"$RB" lint --baseline .runbookc-baseline.json runbooks >out.txt 2>err.txt; rc=$?
check "unchanged: exit 0" test $rc -eq 0
check "unchanged: nothing to report" test "$(cat out.txt)" = "2 files checked, no findings"
check "unchanged: the known findings counted" test "$(cat err.txt)" = "runbookc: 3 findings in the baseline .runbookc-baseline.json not shown"

# Lines move above the findings, a new danger arrives, one old one is fixed.
printf '# Cache\n\nIntro added later.\n\nMore.\n\n## Fix\n\n```bash\nredis-cli FLUSHALL\nredis-cli FLUSHDB\n```\n' >runbooks/cache.md
(cd runbooks && "$RB" lint --format concise --baseline ../.runbookc-baseline.json . >../out.txt 2>../err.txt); rc=$?
check "changed: exit 1 for the new error" test $rc -eq 1
check "changed: only the new finding, at its line" test "$(head -1 out.txt | cut -d' ' -f1-2)" = "cache.md:11:11: error:"
check "changed: it is FLUSHDB" grep -q 'FLUSHDB.*\[RB250 redis-flush\]$' <(head -1 out.txt)
check "changed: one finding reported" test "$(wc -l <out.txt)" -eq 2
check "changed: the moved FLUSHALL is still known, from another directory" grep -qx "runbookc: 2 findings in the baseline ../.runbookc-baseline.json not shown" err.txt
check "changed: the fixed delete is named as gone" grep -qx "runbookc: warning: runbooks/cache.md: RB276 (line 7 when the baseline was written) is gone; --write-baseline ../.runbookc-baseline.json drops it from ../.runbookc-baseline.json" err.txt

# Linting one file does not call the other file's entries gone.
"$RB" lint --baseline .runbookc-baseline.json runbooks/db.md >out.txt 2>err.txt; rc=$?
check "one file: exit 0" test $rc -eq 0
check "one file: no stale entry named" test "$(cat err.txt)" = "runbookc: 1 finding in the baseline .runbookc-baseline.json not shown"

# SARIF: partialFingerprints equal the baseline's fingerprints.
"$RB" lint --format sarif runbooks/db.md >out.sarif
check "SARIF partialFingerprints = baseline fingerprint" python3 -c '
import json
sarif = json.load(open("out.sarif"))["runs"][0]["results"]
base = [f for f in json.load(open(".runbookc-baseline.json"))["findings"] if f["path"] == "runbooks/db.md"]
assert [r["partialFingerprints"]["runbookcFinding/v1"] for r in sarif] == [f["fingerprint"] for f in base], (sarif, base)'

# A bad baseline is an error naming the file; no report.
echo '{"findings": 3}' >bad.json
"$RB" lint --baseline bad.json runbooks >out.txt 2>err.txt; rc=$?
check "bad baseline: exit 2" test $rc -eq 2
check "bad baseline: named" test "$(cat err.txt)" = "runbookc: error: bad.json: not a runbookc baseline (write one with --write-baseline bad.json)"
"$RB" lint --baseline missing.json runbooks >out.txt 2>err.txt; rc=$?
check "missing baseline: exit 2 and named" test $rc -eq 2 -a "$(cat err.txt)" = "runbookc: error: missing.json: cannot read the baseline"

echo "lint_baseline: $pass checks passed, $failures failed"
[ "$failures" -eq 0 ]
