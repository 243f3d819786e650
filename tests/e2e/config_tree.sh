#!/usr/bin/env bash
# .runbookc.yaml files in a real tree: a subdirectory's file applies over its
# parents' (rules merge, exclude and per_file_ignores add up), `root: true`
# stops the walk, --exclude on the command line, --show-settings tells what
# applies to a file and where it came from.
# Usage: config_tree.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"

mkdir -p "$work/repo/runbooks/legacy" "$work/repo/runbooks/team" "$work/repo/drafts"
cd "$work/repo"
printf 'rules: {RB409: note, RB201: off}\nexclude: ["drafts/*"]\n' >.runbookc.yaml
printf 'rules: {rb409: off}\nper_file_ignores: {"legacy/*": [rb404]}\n' >runbooks/.runbookc.yaml
printf 'root: true\nrules: {RB250: warning}\n' >runbooks/team/.runbookc.yaml
printf '# Old incident\n\n```\nkubectl get pods\n```\n' >runbooks/legacy/old.md
printf '# Cache incident\n\n```bash\nredis-cli FLUSHALL\n```\n' >runbooks/team/cache.md
printf '# Cache incident\n\n```\nkubectl get pods\n```\n' >runbooks/new.md
cp runbooks/new.md drafts/draft.md
cp runbooks/new.md top-incident.md

"$RB" lint --format concise . >out.txt 2>err.txt; rc=$?
check "exit 0: warnings and notes only" test $rc -eq 0
check "the whole report" test "$(cat out.txt)" = "runbooks/new.md:3:1: warning: this code block has no language but holds shell commands; it renders without highlighting and tools cannot tell it is meant to run [RB404 untagged-code-block]
runbooks/team/cache.md:4:11: warning: FLUSHALL deletes every key in every database of this Redis: sessions, caches, queues and locks are gone at once, and nothing can bring them back [RB250 redis-flush]
top-incident.md:1:1: note: this runbook states no severity; responders cannot tell how urgent the alert is [RB409 missing-severity]
top-incident.md:3:1: warning: this code block has no language but holds shell commands; it renders without highlighting and tools cannot tell it is meant to run [RB404 untagged-code-block]
0 errors, 3 warnings, 1 note in 4 files"
# Read: top-incident.md has the top file's RB409 note; runbooks/ turns RB409
# off again and legacy/ drops RB404; team/ is a root (RB250 at warning, and
# the top file's RB409 does not reach it); drafts/ is excluded from the top.

"$RB" lint --show-settings runbooks/legacy/old.md >out.txt 2>err.txt; rc=$?
check "show-settings: exit 0" test $rc -eq 0
check "show-settings: the files, top first" grep -qx "configuration files: \[$work/repo/.runbookc.yaml, $work/repo/runbooks/.runbookc.yaml\]" out.txt
check "show-settings: RB201 off from the top file, line 1" grep -qx "  RB201: off      # $work/repo/.runbookc.yaml:1" out.txt
check "show-settings: RB409 off from runbooks/, line 1" grep -qx "  RB409: off      # $work/repo/runbooks/.runbookc.yaml:1" out.txt
check "show-settings: per-file ignore here" grep -qx "per_file_ignores for this file: \[RB404\]  # $work/repo/runbooks/.runbookc.yaml:2" out.txt
check "show-settings: the parent's exclude, anchored" grep -qx "exclude: \[$work/repo/drafts/\*\]  # $work/repo/.runbookc.yaml:2" out.txt
check "show-settings: a default says so" grep -qx "review_period: 180d  # default" out.txt
"$RB" lint --show-settings runbooks/team/cache.md >out.txt
check "show-settings: a root file stands alone" grep -qx "configuration files: \[$work/repo/runbooks/team/.runbookc.yaml\]" out.txt
"$RB" lint --show-settings drafts/draft.md >out.txt
check "show-settings: excluded" grep -q "^excluded: yes" out.txt

# --exclude: globs from the working directory, comma-separated, over the files' own.
(cd runbooks && "$RB" lint --format concise --exclude 'team/*,legacy/*' . >../out.txt 2>&1)
check "--exclude from a subdirectory" test "$(cat out.txt)" = "new.md:3:1: warning: this code block has no language but holds shell commands; it renders without highlighting and tools cannot tell it is meant to run [RB404 untagged-code-block]
0 errors, 1 warning, 0 notes in 1 file"

# --config FILE is that file alone: no merging with what is above the runbooks.
"$RB" lint --format concise --config runbooks/.runbookc.yaml top-incident.md >out.txt 2>&1
check "--config: no parent" test "$(tail -1 out.txt)" = "0 errors, 1 warning, 0 notes in 1 file"

# build and index take lint's --config, --select and --ignore: the site says what CI says.
codes() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join(x["code"] for x in d["diagnostics"]))' "$1"; }
"$RB" build runbooks -o site >/dev/null 2>&1
check "build: the tree's configuration" test "$(codes site/lint.json)" = "RB404 RB250"
"$RB" build --ignore rb404 runbooks -o site >/dev/null 2>&1
check "build --ignore: RB404 gone (the cache does not keep it)" test "$(codes site/lint.json)" = "RB250"
"$RB" build --select RB4 --config runbooks/.runbookc.yaml runbooks -o site >/dev/null 2>&1
check "build --select RB4 --config: RB250 not selected, new.md keeps RB404" test "$(codes site/lint.json)" = "RB404"
"$RB" index --select RB250 runbooks -o index.json 2>/dev/null
check "index --select" test "$(python3 -c 'import json; print(sorted({f["code"] for r in json.load(open("index.json"))["runbooks"] for f in r.get("findings", [])}))')" = "['RB250']"

# extensions: which files count as runbooks when a directory is walked.
mkdir -p wiki/sub
printf '# Wiki incident\n\n```bash\nredis-cli FLUSHALL\n```\n' >wiki/sub/cache.markdown
cp wiki/sub/cache.markdown wiki/notes.md
"$RB" lint --format concise --select RB250 wiki >out.txt 2>&1
check "default: *.md only" test "$(tail -1 out.txt)" = "1 error, 0 warnings, 0 notes in 1 file"
printf 'extensions: [markdown, .md]\n' >wiki/.runbookc.yaml
"$RB" lint --format concise --select RB250 wiki >out.txt 2>&1
check "extensions: [markdown, .md]" test "$(cut -d: -f1 out.txt | head -2 | tr '\n' ' ')" = "wiki/notes.md wiki/sub/cache.markdown "
printf 'extensions: [markdown]\n' >wiki/.runbookc.yaml
"$RB" lint wiki/notes.md >out.txt 2>&1; rc=$?
check "a file named on the command line is linted whatever its extension" test $rc -eq 1
mkdir -p wiki/empty
printf 'extensions: [txt]\n' >wiki/empty/.runbookc.yaml
"$RB" lint wiki/empty >out.txt 2>err.txt
check "the warning names the extensions" grep -qx 'runbookc: warning: wiki/empty: no runbooks (\*.txt) found in this directory' err.txt

# A bad file above is an error naming it, for every runbook under it.
printf 'rules: {RB9999: off}\n' >.runbookc.yaml
"$RB" lint runbooks/new.md >out.txt 2>err.txt; rc=$?
check "bad parent: exit 2" test $rc -eq 2
check "bad parent: named with its line" test "$(cat err.txt)" = "runbookc: error: $work/repo/.runbookc.yaml:1: unknown rule \`RB9999\` (\`runbookc rules\` lists them)"
printf 'root: maybe\n' >.runbookc.yaml
"$RB" lint top-incident.md >out.txt 2>err.txt
check "root must be a boolean" grep -qF ".runbookc.yaml:1: \`root\` must be true or false" err.txt
printf 'per_file_ignores: {"a/*": [RB8]}\n' >.runbookc.yaml
"$RB" lint top-incident.md >out.txt 2>err.txt
check "per_file_ignores names rules" grep -qF ".runbookc.yaml:1: no rule matches \`RB8\` in per_file_ignores" err.txt

echo "config_tree: $pass checks passed, $failures failed"
[ "$failures" -eq 0 ]
