#!/usr/bin/env bash
# The GitHub Action (action.yml + scripts/ci/action.sh) run locally the way
# the action runs it: inputs as INPUT_* variables, GITHUB_OUTPUT and
# GITHUB_STEP_SUMMARY files, in a scratch repository that holds only
# runbooks. Also the GitLab template's report (--format gitlab).
# Usage: ci_action.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
checkout=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"

repo=$work/repo
mkdir -p "$repo/runbooks"
printf '# Disk full\n\n**Severity:** P2\n\n```bash\ndf -h /var/lib/postgresql\n```\n' > "$repo/runbooks/disk.md"
printf '# Cache\n\n**Severity:** P1\n\n```bash\nredis-cli FLUSHALL\n```\n' > "$repo/runbooks/cache.md"
printf '# Broken\n\n**Severity:** P2\n\n```bash\necho "unclosed\n```\n' > "$repo/runbooks/broken.md"
cd "$repo" || exit 1

run_action() {  # run_action [VAR=VALUE...]: the action's step; status in rc
  rm -f "$work/output" "$work/summary" runbookc.sarif
  : > "$work/output"
  : > "$work/summary"
  env -u INPUT_SARIF -u INPUT_BUILD_SITE GITHUB_ACTION_PATH="$checkout" GITHUB_OUTPUT="$work/output" \
    GITHUB_STEP_SUMMARY="$work/summary" INPUT_PATHS=. INPUT_FAIL_ON=error INPUT_SARIF=false \
    INPUT_BUILD_SITE=false INPUT_BASE_URL= INPUT_SITE_DIR=_site "$@" \
    bash "$checkout/scripts/ci/action.sh" > "$work/stdout" 2> "$work/stderr"
  rc=$?
}

# Everything on: lint fails on the two errors, the SARIF file and the site are written.
run_action RUNBOOKC="$RB" INPUT_SARIF=true INPUT_BUILD_SITE=true INPUT_BASE_URL=https://example.invalid/rb/
check "findings: exit 1" test $rc -eq 1
check "annotation for the syntax error" \
  grep -qE '^::error file=runbooks/broken\.md,line=6,col=6,endLine=6,endColumn=15,title=RB001 bash-syntax::' "$work/stdout"
check "annotation for the flush" \
  grep -qE '^::error file=runbooks/cache\.md,line=6,col=11,endLine=6,endColumn=[0-9]+,title=RB250 redis-flush::' "$work/stdout"
check "two annotations in all" test "$(grep -c '^::' "$work/stdout")" -eq 2
check "sarif: valid JSON with the findings" python3 -c '
import json
run = json.load(open("runbookc.sarif"))["runs"][0]
found = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"])
assert found == [("RB001", "runbooks/broken.md", 6), ("RB250", "runbooks/cache.md", 6)], found
'
check "outputs: exit code" contains "$work/output" "exit-code=1"
check "outputs: sarif file" contains "$work/output" "sarif-file=runbookc.sarif"
check "outputs: site dir" contains "$work/output" "site-dir=_site"
check "summary: verdict" contains "$work/summary" '## runbookc lint: failed: findings at or above `error`'
check "summary: the findings" contains "$work/summary" "runbooks/cache.md:6:11: error:"
check "summary: the site" contains "$work/summary" 'Site built in `_site`.'
check "site: index.html" test -s _site/index.html
check "site: a page per runbook" test -s "$(find _site -name 'cache*.html' -print -quit)"
check "site: alerts.json under the base URL" python3 -c 'import json; json.load(open("_site/alerts.json"))'

# Defaults: no SARIF, no site; a clean path exits 0 with no annotation.
rm -rf _site
run_action RUNBOOKC="$RB" INPUT_PATHS="runbooks/disk.md"
check "clean: exit 0" test $rc -eq 0
check "clean: no annotation" test ! -s "$work/stdout"
check "clean: no sarif" test ! -e runbookc.sarif
check "clean: no site" test ! -e _site
check "clean: summary passed" contains "$work/summary" "## runbookc lint: passed"
check "clean: exit-code output" contains "$work/output" "exit-code=0"

# Several paths separated by spaces and newlines; fail-on.
run_action RUNBOOKC="$RB" INPUT_PATHS="runbooks/disk.md
runbooks/cache.md"
check "two paths: exit 1" test $rc -eq 1
check "two paths: one annotation" test "$(grep -c '^::' "$work/stdout")" -eq 1
printf '# Mistag\n\n**Severity:** P2\n\n```bash\nsum by (job) (rate(errors_total[5m]))\n```\n' > runbooks/promql.md
run_action RUNBOOKC="$RB" INPUT_PATHS="runbooks/promql.md runbooks/disk.md"
check "warning under fail-on error: exit 0" test $rc -eq 0
check "warning under fail-on error: still annotated" grep -qE '^::warning file=runbooks/promql\.md,line=5,col=1,endLine=5,endColumn=8,title=RB401 mis-tagged-code-block::' "$work/stdout"
run_action RUNBOOKC="$RB" INPUT_PATHS="runbooks/promql.md" INPUT_FAIL_ON=warning
check "warning at fail-on warning: exit 1" test $rc -eq 1
rm runbooks/promql.md

# A missing path is lint's exit 2.
run_action RUNBOOKC="$RB" INPUT_PATHS="no-such-dir"
check "missing path: exit 2" test $rc -eq 2
check "missing path: said on stderr" contains "$work/stderr" "no-such-dir"

# runbookc from PATH when RUNBOOKC is unset.
mkdir -p "$work/bin" && ln -s "$RB" "$work/bin/runbookc"
run_action PATH="$work/bin:$PATH" INPUT_PATHS="runbooks/disk.md"
check "runbookc from PATH: exit 0" test $rc -eq 0
check "runbookc from PATH: summary" contains "$work/summary" "## runbookc lint: passed"

run_action PATH="$work/bin:$PATH" RUNBOOKC=runbookc INPUT_PATHS="runbooks/disk.md"
check "RUNBOOKC as a command name: exit 0" test $rc -eq 0

# RUNBOOKC naming something that is not there: exit 2 with an annotation.
run_action RUNBOOKC="$work/none/runbookc"
check "no runbookc: exit 2" test $rc -eq 2
check "no runbookc: annotation" contains "$work/stdout" "::error title=runbookc::runbookc could not be found or built"

# action.yml passes every input to the script and guards the upload.
yml=$checkout/action.yml
check "action.yml is composite" grep -qE '^  using: composite$' "$yml"
check "action.yml runs the script" grep -qF 'run: bash "$GITHUB_ACTION_PATH/scripts/ci/action.sh"' "$yml"
for input in paths fail-on sarif build-site base-url site-dir; do
  var=INPUT_$(printf '%s' "$input" | tr 'a-z-' 'A-Z_')
  check "action.yml declares $input" grep -qE "^  $input:$" "$yml"
  check "action.yml passes $input as $var" grep -qF "        $var: \${{ inputs.$input }}" "$yml"
  check "action.sh reads $var" grep -qF "$var" "$checkout/scripts/ci/action.sh"
done
check "action.yml: default paths ." bash -c "grep -A3 '^  paths:\$' '$yml' | grep -qF 'default: \".\"'"
check "action.yml: upload guarded by the sarif input" \
  grep -qF "if: \${{ always() && inputs.sarif == 'true' && hashFiles('runbookc.sarif') != '' }}" "$yml"
check "action.yml: the upload step" grep -qF "uses: github/codeql-action/upload-sarif@v3" "$yml"
wf=$checkout/docs/github-workflow.yml
check "workflow uses the action" grep -qF "uses: OWNER/runbookc@vX" "$wf"
check "workflow builds nothing itself" lacks "$wf" "make build"
check "workflow keeps the Pages deploy" grep -qF "uses: actions/deploy-pages@v4" "$wf"

# GitLab: the template's command and report.
gl=$checkout/docs/gitlab-ci.yml
check "gitlab template: the report command" contains "$gl" "runbookc lint --format gitlab \$RUNBOOKS > gl-code-quality-report.json"
check "gitlab template: the artifact" contains "$gl" "codequality: gl-code-quality-report.json"
"$RB" lint --format gitlab runbooks > gl-code-quality-report.json; rc=$?
check "gitlab: exit 1 on errors" test $rc -eq 1
check "gitlab: the report" python3 -c '
import json
issues = json.load(open("gl-code-quality-report.json"))
got = sorted((i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues)
assert got == [("RB001", "major", "runbooks/broken.md", 6), ("RB250", "major", "runbooks/cache.md", 6)], got
assert all(sorted(i) == ["check_name", "description", "fingerprint", "location", "severity"] for i in issues), issues
assert all(len(i["fingerprint"]) == 16 for i in issues), issues
'
cp gl-code-quality-report.json "$work/before.json"
printf '# Cache\n\n**Severity:** P1\n\nMore words.\n\nAnd more.\n\n```bash\nredis-cli FLUSHALL\n```\n' > runbooks/cache.md
"$RB" lint --format gitlab runbooks > gl-code-quality-report.json
check "gitlab: the fingerprint stays when the finding moves down" python3 -c '
import json, sys
def by(path):
    return {i["check_name"]: (i["fingerprint"], i["location"]["lines"]["begin"]) for i in json.load(open(path))}
a, b = by(sys.argv[1]), by("gl-code-quality-report.json")
assert a["RB250"][1] == 6 and b["RB250"][1] == 10, (a, b)
assert a["RB250"][0] == b["RB250"][0], (a, b)
' "$work/before.json"

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
