#!/usr/bin/env bash
# runbookc lint from the outside: exit codes, output formats, bad input.
# Usage: lint_cli.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"

cd "$work"
printf '# Clean\n\n```bash\nkubectl get pods -n <namespace>\n```\n' > clean.md
printf '# Broken\n\n```bash\necho "unclosed\n```\n' > broken.md
printf '# Mistag\n\n```bash\nsum by (job) (rate(errors_total[5m]))\n```\n' > mistag.md

"$RB" lint clean.md > out.txt; rc=$?
check "clean file exits 0" test $rc -eq 0
check "clean file says so" contains out.txt "1 file checked, no findings"

"$RB" lint broken.md > out.txt; rc=$?
check "syntax error exits 1" test $rc -eq 1
check "text finding line" contains out.txt "broken.md:4:6: error: this shell block does not parse"
check "text finding code" contains out.txt "[RB001 bash-syntax]"
check "caret under the quote" contains out.txt '  |      ^'

# Without bash on PATH (runbookc looks it up there), tree-sitter-bash's error
# stands unconfirmed, and says so; it is not passed over as "ok".
PATH=/nonexistent "$RB" lint broken.md > out.txt; rc=$?
check "without bash, a syntax error still exits 1" test $rc -eq 1
check "without bash, the finding keeps its place" contains out.txt "broken.md:4:6: error: this shell block does not parse"
check "without bash, the finding says bash could not confirm it" \
  contains out.txt '(tree-sitter-bash alone: bash was not found in PATH, so `bash -n` could not confirm it)'
PATH=/nonexistent "$RB" lint clean.md > out.txt; rc=$?
check "without bash, a clean file still exits 0" test $rc -eq 0

"$RB" lint --fail-on error mistag.md > /dev/null; rc=$?
check "a warning below --fail-on exits 0" test $rc -eq 0
"$RB" lint --fail-on warning mistag.md > /dev/null; rc=$?
check "a warning at --fail-on exits 1" test $rc -eq 1

"$RB" lint --format json broken.md clean.md > out.json; rc=$?
check "json exit" test $rc -eq 1
check "json shape" python3 -c '
import json, sys
d = json.load(open("out.json"))
assert d["version"] == 1
f = d["diagnostics"][0]
assert (f["file"], f["line"], f["column"], f["end_line"], f["end_column"]) == ("broken.md", 4, 6, 4, 15), f
assert (f["severity"], f["code"], f["rule"], f["category"]) == ("error", "RB001", "bash-syntax", "syntax"), f
assert d["summary"]["files"] == 2 and d["summary"]["errors"] == 1, d["summary"]
assert d["summary"]["blocks"] == {"shell": 2}, d["summary"]
'

"$RB" lint --format sarif broken.md > out.sarif
check "sarif shape" python3 -c '
import json
d = json.load(open("out.sarif"))
assert d["version"] == "2.1.0"
run = d["runs"][0]
rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
assert rules["RB001"]["name"] == "bash-syntax" and rules["RB001"]["shortDescription"]["text"]
res = run["results"][0]
assert res["ruleId"] == "RB001" and res["level"] == "error"
loc = res["locations"][0]["physicalLocation"]
assert loc["artifactLocation"]["uri"] == "broken.md", loc
assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (4, 6), loc
assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "RB001"
'

"$RB" lint --format github broken.md > out.txt
check "github annotation" contains out.txt "::error file=broken.md,line=4,col=6,endLine=4,endColumn=15,title=RB001 bash-syntax::"

# Files named explicitly are linted whatever their extension.
cp broken.md notes.txt
"$RB" lint notes.txt > out.txt; rc=$?
check "explicit .txt is linted" contains out.txt "notes.txt:4:6"

# Bad input: each gets one clear line, the other files are still linted.
"$RB" lint missing.md broken.md > out.txt 2> err.txt; rc=$?
check "missing path exits 2" test $rc -eq 2
check "missing path named" contains err.txt "runbookc: error: missing.md: no such file or directory"
check "other files still linted" contains out.txt "broken.md:4:6"

mkdir empty-dir
"$RB" lint empty-dir > out.txt 2> err.txt; rc=$?
check "directory with no runbooks: a warning and an error" test "$(cat err.txt)" = "runbookc: warning: empty-dir: no runbooks (*.md) found in this directory
runbookc: error: nothing to lint in empty-dir"
check "directory with no runbooks exits 2 (a typo'd path must not pass CI)" test $rc -eq 2
check "directory with no runbooks: no report on stdout" test ! -s out.txt
"$RB" lint empty-dir clean.md > out.txt 2> err.txt; rc=$?
check "an empty directory beside a runbook only warns" test "$(cat err.txt)" = "runbookc: warning: empty-dir: no runbooks (*.md) found in this directory"
check "... and exits 0" test $rc -eq 0
"$RB" lint missing.md > out.txt 2> err.txt; rc=$?
check "only a missing file: exit 2, nothing on stdout" test $rc -eq 2 -a ! -s out.txt

: > empty.md
"$RB" lint empty.md > out.txt 2> err.txt; rc=$?
check "empty file is fine" test $rc -eq 0

printf '# Bin\n\0\1\2' > binary.md
"$RB" lint binary.md > out.txt; rc=$?
check "binary file reported" contains out.txt "binary.md:1:1: error: this is a binary file"
check "binary exits 1" test $rc -eq 1

printf '# Caf\xe9\n\n```bash\necho "x\n```\n' > latin1.md
"$RB" lint latin1.md > out.txt; rc=$?
check "invalid utf-8 position" contains out.txt "latin1.md:1:6: error: invalid UTF-8"
check "rest still checked" contains out.txt "latin1.md:4:6: error: this shell block"

printf -- '---\ntitle: ok\nowner: [sre\n---\n# T\n\n```bash\necho "x\n```\n' > badyaml.md
"$RB" lint badyaml.md > out.txt; rc=$?
check "bad front matter line" contains out.txt "badyaml.md:4:1: error: front matter is not valid YAML"
check "rest still checked after bad yaml" contains out.txt "badyaml.md:8:6"

printf '# T\n\n```bash\nls\n\n## Later\n' > unterminated.md
"$RB" lint unterminated.md > out.txt; rc=$?
check "unterminated fence" contains out.txt "unterminated.md:3:1: error: this code fence is never closed"

if [ "$(id -u)" -ne 0 ]; then
  cp clean.md unreadable.md && chmod 000 unreadable.md
  "$RB" lint unreadable.md > /dev/null 2> err.txt; rc=$?
  check "unreadable exits 2" test $rc -eq 2
  check "unreadable named" contains err.txt "unreadable.md: cannot"
fi

# A 50 MB file is refused with a clear message (limit 16 MiB), others go on.
head -c 52428800 /dev/zero | tr '\0' 'a' > big.md
"$RB" lint big.md clean.md > out.txt 2> err.txt; rc=$?
check "big file refused" contains err.txt "big.md: file is 50.0 MiB, larger than the 16 MiB limit"
check "big file exit 2" test $rc -eq 2
check "others after big file" contains out.txt "1 file checked"
# ... and linted when the limit allows it.
"$RB" lint --max-file-size 64 big.md > out.txt 2> err.txt; rc=$?
check "big file linted when allowed" test $rc -eq 0

# Directories are walked for *.md, hidden directories skipped, order sorted.
mkdir -p tree/b tree/a tree/.git
cp broken.md tree/b/z.md; cp broken.md tree/a/y.md; cp broken.md tree/.git/x.md; cp broken.md tree/ignored.txt
"$RB" lint --format json tree > out.json
check "walk order and filter" python3 -c '
import json
files = [d["file"] for d in json.load(open("out.json"))["diagnostics"]]
assert files == ["tree/a/y.md", "tree/b/z.md"], files
'

# lint writes nothing.
before=$(find . -newer out.json | wc -l)
"$RB" lint tree clean.md > /dev/null 2>&1
after=$(find . -newer out.json | wc -l)
check "lint writes nothing" test "$before" -eq "$after"

# Usage errors exit 2; --version and --help work.
"$RB" lint --format yaml clean.md > /dev/null 2>&1; rc=$?
check "bad option exits 2" test $rc -eq 2
check "--version" bash -c "'$RB' --version | grep -q '^runbookc [0-9]'"
check "lint --help" bash -c "'$RB' lint --help | grep -q -- '--fail-on'"
check "explain" bash -c "'$RB' explain RB001 | grep -q 'bash-syntax'"
# explain lists the command-effect table's entries behind an effect rule, and
# those an older rule reports under that rule.
"$RB" explain RB295 > explain.txt
check "explain RB295: the table's heading" contains explain.txt "Commands (from the command-effect table"
check "explain RB295: an entry with its source" contains explain.txt "vault kv destroy"
check "explain RB295: where it is documented" contains explain.txt "(Vault docs: kv destroy)"
"$RB" explain RB276 > explain.txt
check "explain RB276: the kubectl delete entry it reports" contains explain.txt "kubectl oc delete"

# Typos get a "did you mean"; codes and names are case-insensitive.
"$RB" lnt clean.md > out.txt 2> err.txt; rc=$?
check "mistyped command: exit 2" test $rc -eq 2
check "mistyped command: did you mean" test "$(cat err.txt)" = 'runbookc: error: unknown command `lnt` for `runbookc`; did you mean `lint`?'
"$RB" lint --formt json clean.md > out.txt 2> err.txt; rc=$?
check "mistyped flag: exit 2" test $rc -eq 2
check "mistyped flag: did you mean" test "$(cat err.txt)" = 'runbookc: error: unknown option `--formt` for `runbookc lint`; did you mean `--format`?'
"$RB" hook instal > out.txt 2> err.txt; rc=$?
check "mistyped nested command" test "$(cat err.txt)" = 'runbookc: error: unknown command `instal` for `runbookc hook`; did you mean `install`?'
"$RB" frobnicate > out.txt 2> err.txt
check "unknown command, nothing close" test "$(cat err.txt)" = 'runbookc: error: unknown command `frobnicate` for `runbookc`; `runbookc --help` lists them'
"$RB" explain rb301 > out.txt 2> err.txt; rc=$?
check "explain rb301 (lower case) exits 0" test $rc -eq 0
check "explain rb301 finds RB301" test "$(head -1 out.txt | cut -d' ' -f1-2)" = "RB301 secret-printed"
"$RB" explain Bash-Syntax > out.txt; rc=$?
check "explain Bash-Syntax finds RB001" test "$(head -1 out.txt | cut -d' ' -f1-2)" = "RB001 bash-syntax"
"$RB" lint --select rb0 broken.md > lower.txt; "$RB" lint --select RB0 broken.md > upper.txt
check "--select rb0 = --select RB0" cmp -s lower.txt upper.txt
check "--select rb0 reports RB001" contains lower.txt "[RB001 bash-syntax]"
"$RB" lint --ignore BASH-SYNTAX broken.md > out.txt
check "--ignore BASH-SYNTAX drops RB001" test "$(cat out.txt)" = "1 file checked, no findings"

# Output: concise, statistics, to a file, into a closed pipe.
"$RB" lint --format concise broken.md mistag.md > out.txt; rc=$?
check "concise: exit 1" test $rc -eq 1
check "concise: one line a finding" test "$(sed -n 2p out.txt)" = 'mistag.md:3:1: warning: this block is tagged `bash` but holds promql; highlighting is wrong and runbookc script would try to run it [RB401 mis-tagged-code-block]'
check "concise: RB001 at 4:6" grep -q '^broken.md:4:6: error: this shell block does not parse: .* \[RB001 bash-syntax\]$' <(sed -n 1p out.txt)
check "concise: summary last" test "$(tail -1 out.txt)" = "1 error, 1 warning, 0 notes in 2 files"
check "concise: three lines" test "$(wc -l < out.txt)" -eq 3
"$RB" lint --statistics broken.md mistag.md broken.md notes.txt > out.txt
check "statistics: RB001 counted twice" test "$(sed -n 1p out.txt)" = "     2  RB001  bash-syntax                        error"
"$RB" lint --statistics --format json broken.md notes.txt > out.txt
check "statistics JSON" python3 -c '
import json; d = json.load(open("out.txt"))
assert d["statistics"] == [{"code": "RB001", "name": "bash-syntax", "severity": "error", "count": 2}], d
assert d["files"] == 2, d'
"$RB" lint --format sarif --output-file reports/out.sarif broken.md > out.txt; rc=$?
check "--output-file: exit status kept" test $rc -eq 1
check "--output-file: nothing on stdout" test ! -s out.txt
check "--output-file: the report" python3 -c 'import json; assert json.load(open("reports/out.sarif"))["runs"][0]["results"][0]["ruleId"] == "RB001"'
for i in $(seq 1 30); do cp broken.md "many-$i.md"; done
"$RB" lint many-*.md 2> err.txt | head -1 > out.txt
check "closed pipe: no error message" test ! -s err.txt
check "closed pipe: the first line arrived" contains out.txt "many-1.md:4:6"

# Standard input: `lint -`, named by --stdin-filename (its configuration, its name in findings).
mkdir -p stdin-repo/team
printf 'rules: {RB001: warning}\n' > stdin-repo/team/.runbookc.yaml
"$RB" lint --format concise - < broken.md > out.txt; rc=$?
check "stdin: exit 1" test $rc -eq 1
check "stdin: named -" grep -q '^-:4:6: error: .*\[RB001 bash-syntax\]$' out.txt
"$RB" lint --format concise --stdin-filename stdin-repo/team/buffer.md - < broken.md > out.txt; rc=$?
check "stdin-filename: its configuration applies (RB001 at warning, exit 0)" test $rc -eq 0
check "stdin-filename: its name in findings" grep -q '^stdin-repo/team/buffer.md:4:6: warning: .*\[RB001 bash-syntax\]$' out.txt

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
