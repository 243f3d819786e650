#!/usr/bin/env bash
# runbookc lint --fix / --diff / --unsafe-fixes from the outside, on copies of
# the seeds and of a few corpus files (read by path, never modified).
# Usage: lint_fix.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
SHARED=$(realpath ../shared 2>/dev/null || echo /nonexistent)
if [[ ! -d $SHARED/seeds || ! -d $SHARED/corpus ]]; then
  echo "note: ../shared/seeds or ../shared/corpus absent: nothing to fix here"
  exit 0
fi
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"
line_is() { [[ "$(sed -n "$2p" "$1")" == "$3" ]]; }  # line_is FILE N TEXT

cd "$work"
mkdir files
corpus=$SHARED/corpus
cp "$SHARED/seeds/000_f1d3f6f28b173534.txt" files/seed000.md                    # RB407
cp "$SHARED/seeds/003_dedb4a0bd5dc7993.txt" files/seed003.md                    # RB407 (prose and commands), RB403
cp "$corpus/openshift__runbooks/alerts/cluster-etcd-operator/etcdHighNumberOfFailedGRPCRequests.md" files/etcd.md  # RB401 promql
cp "$corpus/openshift__runbooks/alerts/openshift-container-storage-operator/helpers/checkOperator.md" files/operator.md  # RB401 json
cp "$corpus/cloudnative-pg__cloudnative-pg/docs/src/storage.md" files/storage.md  # RB404 x5
cp "$corpus/alphagov__govuk-developer-docs/source/manual/add-support-new-language.html.md" files/language.md  # RB403
printf '# Cleanup\n\n```bash\nrm -rf "$BUILD_DIR"/*\n```\n' > files/danger.md  # RB202, unsafe
chmod u+w files/*
cp -r files orig
cd files

# --diff: the changes as a unified diff, nothing written, exit 1.
"$RB" lint --diff ./*.md > ../diff.txt 2> ../diff.err; rc=$?
check "--diff exits 1 when there is a diff" test $rc -eq 1
check "--diff counts on stderr" contains ../diff.err "would fix 11 findings in 6 files"
check "--diff writes no file" diff -r ../orig .
check "--diff names the file" contains ../diff.txt "--- ./etcd.md"
check "--diff hunk of the retag" contains ../diff.txt "@@ -11,7 +11,7 @@"
check "--diff old tag" contains ../diff.txt $'-```sh\n'
check "--diff new tag" contains ../diff.txt '+```promql'
check "--diff json retag" contains ../diff.txt '+```json'
check "--diff untagged console block" contains ../diff.txt '+```console'
check "--diff restores the emoji" grep -q $'^+# \xf0\x9f\x9a\xa8 ' ../diff.txt
check "--diff fixes the anchor to the one heading" contains ../diff.txt '(#-post-incident-checklist)'
check "--diff leaves the unsafe fix" lacks ../diff.txt 'BUILD_DIR:?'
# The diff is right: patch applies it to the originals.
cp -r ../orig ../patched
(cd ../patched && patch -s -p0 < ../diff.txt); rc=$?
check "patch applies the diff" test $rc -eq 0

# --fix: the same changes, written; the report shows what is left.
"$RB" lint --fix ./*.md > ../fix.out 2> ../fix.err; rc=$?
check "--fix exit status is over what is left (the seeds keep errors: 1)" test $rc -eq 1
check "--fix says what it fixed" contains ../fix.out "fixed 11 findings in 6 files"
for f in *.md; do check "--fix wrote what --diff showed: $f" cmp -s "$f" "../patched/$f"; done
check "fixed etcd.md: the tag line" line_is etcd.md 14 '```promql'
check "fixed operator.md: the tag line" line_is operator.md 21 '```json'
check "fixed storage.md: the first untagged fence" line_is storage.md 260 '```console'
# Nothing else changed: diff(1) of each corpus file shows only its fence lines.
check "etcd.md: only line 14 changed" test "$(diff ../orig/etcd.md etcd.md)" = $'14c14\n< ```sh\n---\n> ```promql'
check "operator.md: only line 21 changed" test "$(diff ../orig/operator.md operator.md)" = $'21c21\n< ```bash\n---\n> ```json'
check "storage.md: only 5 fence lines changed" test "$(diff ../orig/storage.md storage.md | grep -c '^> ```console$')" = 5
check "storage.md: and nothing more" test "$(diff ../orig/storage.md storage.md | grep -c '^[<>]')" = 10
check "language.md: one line changed" test "$(diff ../orig/language.md language.md | grep -c '^[<>]')" = 2
check "seed000.md: as many lines as before" test "$(wc -l < seed000.md)" = "$(wc -l < ../orig/seed000.md)"
check "the unsafe fix waits" cmp -s danger.md ../orig/danger.md
check "the seed has double-encoded comments in command blocks" contains ../orig/seed003.md $'# \xe2\x88\x9a\xc3\xa2tape 1'
check "double-encoded comments in command blocks are restored safely" lacks seed003.md $'\xe2\x88\x9a\xc3\xa2tape'
check "... as the character they stood for" contains seed003.md $'# \xc3\x89tape 1'
check "what is left is reported: RB202" contains ../fix.out "danger.md:4:8: warning:"
check "what is left is counted as fixable with --unsafe-fixes" contains ../fix.out '1 finding can be fixed with `runbookc lint --fix --unsafe-fixes`'
check "what is left says it has an unsafe fix" contains ../fix.out '= fix: guard the variable: `${BUILD_DIR:?}` (unsafe: runbookc lint --fix --unsafe-fixes)'
# The fixed rules no longer fire on the fixed files; nothing else is new.
"$RB" lint --format json --select RB401,RB403,RB404 etcd.md operator.md storage.md language.md seed003.md > ../left.json
check "fixed files lint clean for the fixed rules" contains ../left.json '"diagnostics": []'
"$RB" lint --format json ../orig/*.md | grep -c '"code"' > ../n_before
"$RB" lint --format json ./*.md | grep -c '"code"' > ../n_after
check "findings: fewer after --fix" test "$(cat ../n_after)" -lt "$(cat ../n_before)"

# Idempotent: a second --fix changes nothing.
cp -r . ../once
"$RB" lint --fix ./*.md > ../fix2.out 2>&1
check "second --fix fixes nothing" contains ../fix2.out "fixed 0 findings in 0 files"
check "second --fix leaves the files" diff -r ../once .
"$RB" lint --diff ./*.md > ../diff2.txt 2>/dev/null; rc=$?
check "--diff after --fix exits 0" test $rc -eq 0
check "--diff after --fix prints nothing" test ! -s ../diff2.txt

# Unsafe fixes only with --unsafe-fixes.
"$RB" lint --fix --unsafe-fixes danger.md seed003.md > ../fix3.out 2>&1
check "--unsafe-fixes guards the variable" line_is danger.md 4 'rm -rf "${BUILD_DIR:?}"/*'
check "--unsafe-fixes counts" contains ../fix3.out "fixed 1 finding in 1 file"

# A read-only file: a clear error, exit 2, the others still fixed, its findings still reported.
mkdir ../ro && cd ../ro
printf '# A\n\n```\nrm -rf /var/cache/app\n```\n' > locked.md
printf '# B\n\n```\nrm -rf /var/cache/app\n```\n' > open.md
chmod 444 locked.md
chmod 640 open.md
"$RB" lint --fix locked.md open.md > ../ro.out 2> ../ro.err; rc=$?
check "read-only: exit 2" test $rc -eq 2
check "read-only: the error names the file" contains ../ro.err "runbookc: error: locked.md: cannot write the fixes: the file is read-only; 1 fix not applied"
check "read-only: the file is untouched" line_is locked.md 3 '```'
check "read-only: its finding is still reported" contains ../ro.out "locked.md:3:1: warning:"
check "read-only: the excerpt is the file's own line" contains ../ro.out $'3 | ```\n'
check "read-only: the other file is fixed" line_is open.md 3 '```bash'
check "read-only: the count is of what was written" contains ../ro.out "fixed 1 finding in 1 file"
check "the fixed file keeps its mode" test "$(stat -c %a open.md)" = 640

# Machine formats: the report stays one document; the fix is in it.
printf '# C\n\n```\nrm -rf /var/cache/app\n```\n' > c.md
"$RB" lint --format json c.md > ../c.json
check "json carries the fix title" contains ../c.json '"title": "tag the block as `bash`"'
check "json carries the edit" contains ../c.json '"replacement": "bash"'
"$RB" lint --format sarif c.md > ../c.sarif
check "sarif carries the fix" contains ../c.sarif '"insertedContent"'
"$RB" lint --fix --format json c.md > ../cfix.json 2> ../cfix.err
check "--fix --format json: the count on stderr" contains ../cfix.err "fixed 1 finding in 1 file"
check "--fix --format json: stdout is the report" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' ../cfix.json
"$RB" lint --diff --format json c.md > /dev/null 2> ../bad.err; rc=$?
check "--diff --format json is a usage error" test $rc -eq 2

# The rule catalog says which rules have a fix, and whether it is safe.
"$RB" rules --format json > ../rules.json
check "rules --format json: the fixes" python3 - ../rules.json <<'PY'
import json, sys
rules = json.load(open(sys.argv[1]))
fixes = {r["code"]: r["fix"]["safe"] for r in rules if "fix" in r}
assert fixes == {"RB202": False, "RB401": True, "RB403": True, "RB404": True, "RB407": True}, fixes
PY
"$RB" explain RB202 > ../explain.txt
check "explain shows the fix and that it is unsafe" contains ../explain.txt "Fix (unsafe: runbookc lint --fix --unsafe-fixes)"

echo "lint_fix: $pass passed, $failures failed"
[[ $failures -eq 0 ]]
