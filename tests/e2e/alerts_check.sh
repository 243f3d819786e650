#!/usr/bin/env bash
# runbookc alerts check: rule files (a plain groups file, a multi-document
# PrometheusRule file, a file that is not rules) against a Hugo-style runbook
# tree written here; each finding's file:line:col, the exit codes, JSON and
# SARIF, --config given outside the tree, and the alert names in alerts.json.
# Usage: alerts_check.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"

mkdir -p "$work/site/content/runbooks/node" "$work/rules" "$work/conf"
cd "$work"
printf -- '---\ntitle: Disk full\n---\n# NodeDiskFull\n\n## Mitigation\n\nFree space.\n' >site/content/runbooks/node/NodeDiskFull.md
printf '# NodeGone\n\nThis alert was removed.\n' >site/content/runbooks/node/NodeGone.md
printf '# Node alerts\n' >site/content/runbooks/node/_index.md
cat >site/.runbookc.yaml <<'YAML'
alerts:
  runbook_url:
    base: https://runbooks.example.com/runbooks/
    source: content/runbooks
    case: lower
YAML
cat >rules/node.yaml <<'YAML'
groups:
  - name: node
    rules:
      - record: node:up:sum
        expr: sum(up)
      - alert: NodeDiskFull
        expr: node_filesystem_avail_bytes == 0
        annotations:
          runbook_url: https://runbooks.example.com/runbooks/node/nodediskfull#mitigation
      - alert: NodeDiskFilling
        expr: predict_linear(node_filesystem_avail_bytes[6h], 86400) < 0
        annotations:
          runbook_url: https://runbooks.example.com/runbooks/node/nodediskfilling
YAML
cat >rules/k8s.yaml <<'YAML'
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
spec:
  groups:
  - name: a
    rules:
    - alert: NodeDiskSlow
      annotations:
        runbook_url: https://runbooks.example.com/runbooks/node/NodeDiskFull/#rollback
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
spec:
  groups:
  - name: b
    rules:
    - alert: NodeNoRunbook
      expr: up == 0
    - alert: NodeWiki
      annotations: {runbook_url: "https://wiki.example.com/NodeWiki"}
YAML
printf 'apiVersion: v1\nkind: ConfigMap\ndata: {}\n' >rules/configmap.yaml

"$RB" alerts check rules/node.yaml rules/k8s.yaml --runbooks site --format concise >out.txt 2>err.txt; rc=$?
check "exit 1: errors among the findings" test $rc -eq 1
check "the whole report" same out.txt "rules/k8s.yaml:9:22: error: the runbook URL of \`NodeDiskSlow\` leads to site/content/runbooks/node/NodeDiskFull.md, which has no section \`#rollback\` [RB703 runbook-url-missing-anchor]
rules/k8s.yaml:17:7: warning: alert \`NodeNoRunbook\` has no \`runbook_url\` annotation: whoever it pages gets no runbook [RB701 alert-without-runbook-url]
rules/k8s.yaml:20:34: note: the runbook URL of \`NodeWiki\` is not under https://runbooks.example.com/runbooks/: not checked [RB704 runbook-url-outside-base]
rules/node.yaml:13:24: error: the runbook URL of \`NodeDiskFilling\` leads to no runbook: nothing in site/content/runbooks is published at \`node/nodediskfilling\` [RB702 runbook-url-without-page]
site/content/runbooks/node/NodeGone.md:1:1: warning: the runbook names alert \`NodeGone\` by its file name, which no rule file given defines [RB705 runbook-names-undefined-alert]
2 errors, 2 warnings, 1 note in 3 files"
check "the counts on stderr" contains err.txt "alerts check: 5 alerts in 2 rule files, 4 with runbook_url: 1 resolve, 1 lead to no runbook, 1 to no section, 1 not checked; 2 of 3 runbooks name alerts, 1 names undefined"

"$RB" alerts check rules/node.yaml rules/configmap.yaml --runbooks site --format concise >out.txt 2>err.txt; rc=$?
check "exit 2: a file that holds no rules" test $rc -eq 2
check "the error names the file and line" contains err.txt "runbookc: error: rules/configmap.yaml:1:1: no rule groups"
check "the other file is still checked" contains out.txt "rules/node.yaml:13:24: error:"

printf 'groups:\n  - name: x\n    rules: [\n' >rules/broken.yaml
"$RB" alerts check rules/broken.yaml --runbooks site >out.txt 2>err.txt; rc=$?
check "exit 2: not YAML" test $rc -eq 2
check "not YAML: file and line" grep -q "^runbookc: error: rules/broken.yaml:[34]:[0-9]*: not valid YAML" err.txt

"$RB" alerts check rules/node.yaml --runbooks site --format json --fail-on note --output-file report.json >out.txt 2>err.txt; rc=$?
check "json: exit 1" test $rc -eq 1
check "json: written to the file only" test ! -s out.txt
check "json: RB702 at 13:24" test "$(jq -r '.diagnostics[] | select(.code == "RB702") | "\(.line):\(.column):\(.severity):\(.category)"' report.json)" = "13:24:error:alerting"
check "json: RB705 in the runbook" test "$(jq -r '[.diagnostics[] | select(.code == "RB705") | .file] | join(",")' report.json)" = "site/content/runbooks/node/NodeGone.md"

"$RB" alerts check rules/k8s.yaml --runbooks site --format sarif >out.sarif 2>err.txt; rc=$?
check "sarif: exit 1" test $rc -eq 1
check "sarif: RB703 region" test "$(jq -r '.runs[0].results[] | select(.ruleId == "RB703") | .locations[0].physicalLocation.region | "\(.startLine):\(.startColumn)"' out.sarif)" = "9:22"
check "sarif: the rule is in the catalog" test "$(jq -r '.runs[0].tool.driver.rules[] | select(.id == "RB705") | .name' out.sarif)" = "runbook-names-undefined-alert"

# --config outside the tree, with RB705 off and case preserved: the lower-case URL no longer resolves.
printf 'rules: {RB705: off}\nalerts:\n  runbook_url: {base: "https://runbooks.example.com/runbooks/", source: ../site/content/runbooks}\n' >conf/alerts.yaml
"$RB" alerts check rules/node.yaml --runbooks site --config conf/alerts.yaml --format concise >out.txt 2>err.txt; rc=$?
check "--config: exit 1" test $rc -eq 1
check "--config: case preserved, both URLs lead nowhere" test "$(grep -c RB702 out.txt)" -eq 2
check "--config: RB705 off" lacks out.txt RB705

# Without a mapping nothing is resolved: each URL is a note, and a warning says why.
"$RB" alerts check rules/node.yaml --runbooks site/content --config /dev/null --format concise >out.txt 2>err.txt; rc=$?
check "no mapping: exit 0 (notes only)" test $rc -eq 0
check "no mapping: two notes" test "$(grep -c RB704 out.txt)" -eq 2
check "no mapping: the warning" contains err.txt "no alerts.runbook_url.base is configured"

"$RB" alerts check --runbooks site >out.txt 2>err.txt; rc=$?
check "usage: no rule file, exit 2" test $rc -eq 2

# The alert names reach alerts.json with their source.
"$RB" build site -o out-site --today 2026-01-01 >/dev/null 2>err.txt; rc=$?
check "build: exit 0" test $rc -eq 0
check "alerts.json: NodeDiskFull from its file name" test "$(jq -r '.alerts.NodeDiskFull[0].source' out-site/alerts.json)" = "file_name"
check "alerts.json: both runbooks" test "$(jq -r '.alerts | keys | join(",")' out-site/alerts.json)" = "NodeDiskFull,NodeGone"
check "runbook page: the source of each alert name" grep -q 'title="named by: file_name, heading">NodeDiskFull</code>' out-site/runbooks/*nodediskfull*.html

echo "alerts_check: $pass checks passed, $failures failed"
[ "$failures" -eq 0 ]
