#!/usr/bin/env bash
# The pre-commit hook of this repository (.pre-commit-hooks.yaml), run by
# pre-commit itself on staged runbooks in a scratch git repository that
# holds only runbooks: what a commit lints, what it leaves out, exit codes.
# Needs Debian's `pre-commit` package (installed with the test tools).
# Usage: precommit_hook.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
checkout=$(pwd)
if ! command -v pre-commit > /dev/null 2>&1; then
  echo "FAIL: pre-commit is not installed (Debian package pre-commit; scripts/install-deps.sh --test installs it)"
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"

# No network, no user configuration: pre-commit's cache and git's global
# configuration live in the scratch directory; runbookc is on PATH.
export HOME=$work/home PRE_COMMIT_HOME=$work/pre-commit-cache
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
export GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME/bin"
ln -s "$RB" "$HOME/bin/runbookc"
export PATH=$HOME/bin:$PATH

# try-repo takes the hook from this checkout's HEAD (plus tracked changes):
# .pre-commit-hooks.yaml must be committed.
check "the hook file is committed" git -C "$checkout" cat-file -e HEAD:.pre-commit-hooks.yaml

repo=$work/runbooks-repo
mkdir -p "$repo/runbooks"
cd "$repo" || exit 1
git init -q -b main .
clean='# Disk full\n\n**Severity:** P2\n\n```bash\ndf -h /var/lib/postgresql\n```\n'
danger='# Cache\n\n**Severity:** P1\n\n```bash\nredis-cli FLUSHALL\n```\n'
printf "$clean" > runbooks/disk.md
printf "$clean" > runbooks/old.md
git add runbooks && git commit -q -m "two runbooks"

try_hook() {  # try_hook: runs the hook on what is staged; output in out.txt, status in rc
  pre-commit try-repo --color never --verbose "$checkout" runbookc-lint > "$work/out.txt" 2>&1
  rc=$?
}
out=$work/out.txt

# 1. A clean runbook passes.
printf "$clean" > runbooks/network.md
git add runbooks/network.md
try_hook
check "clean: exit 0" test $rc -eq 0
check "clean: passed" grep -qE '^runbookc lint\.+Passed$' "$out"
check "clean: one file linted, no findings" contains "$out" "1 file checked, no findings"
git commit -q -m clean

# 2. A dangerous one fails with its finding.
printf "$danger" > runbooks/cache.md
git add runbooks/cache.md
try_hook
check "danger: exit 1" test $rc -eq 1
check "danger: failed" grep -qE '^runbookc lint\.+Failed$' "$out"
check "danger: the hook's exit code" contains "$out" "- exit code: 1"
check "danger: the finding, file:line:col and code" grep -qxF "runbooks/cache.md:6:11: error: FLUSHALL deletes every key in every database of this Redis: sessions, caches, queues and locks are gone at once, and nothing can bring them back [RB250 redis-flush]" "$out"
git reset -q runbooks/cache.md && rm runbooks/cache.md

# 3. A deleted runbook is not handed to runbookc (it would be an I/O error).
git rm -q runbooks/old.md
try_hook
check "deleted: exit 0" test $rc -eq 0
check "deleted: nothing to check" grep -qE '^runbookc lint\.+\(no files to check\)Skipped$' "$out"
check "deleted: no error about the missing file" lacks "$out" "cannot open"
git commit -q -m "delete old"

# 4. A renamed runbook is linted under its new name only.
git mv runbooks/disk.md runbooks/disk-full.md
try_hook
check "renamed: exit 0" test $rc -eq 0
check "renamed: one file linted" contains "$out" "1 file checked, no findings"
git commit -q -m rename

# 5. A file name with spaces is one file.
printf "$danger" > "runbooks/flush the cache.md"
git add "runbooks/flush the cache.md"
try_hook
check "spaces: exit 1" test $rc -eq 1
check "spaces: the finding names the whole file" \
  grep -qE '^runbooks/flush the cache\.md:6:11: error: .*\[RB250 redis-flush\]$' "$out"
check "spaces: no I/O error for a piece of the name" lacks "$out" "cannot open"
git reset -q "runbooks/flush the cache.md" && rm "runbooks/flush the cache.md"

# 6. README.md and CHANGELOG.md are not runbooks: the hook leaves them out
# even unscoped (their dangerous commands would otherwise fail the commit).
printf "$danger" > README.md
printf "$danger" > CHANGELOG.md
printf "$danger" > runbooks/CONTRIBUTING.md
printf "$clean" > runbooks/dns.md
git add README.md CHANGELOG.md runbooks/CONTRIBUTING.md runbooks/dns.md
try_hook
check "repository documents: exit 0" test $rc -eq 0
check "repository documents: only the runbook linted" contains "$out" "1 file checked, no findings"
git commit -q -m "docs and dns"

# 7. The scoping the README documents: `files: ^runbooks/` in the user's
# .pre-commit-config.yaml, with the hook taken from a repository at a rev
# (here a scratch repository holding this checkout's hook file).
hooks=$work/hook-repo
mkdir -p "$hooks"
cp "$checkout/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q -b main && git -C "$hooks" add . && git -C "$hooks" commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: runbookc-lint
        files: ^runbooks/
YAML
printf "$danger" > notes.md
printf "$clean" > runbooks/queue.md
git add .pre-commit-config.yaml notes.md runbooks/queue.md
pre-commit run --color never --verbose > "$out" 2>&1; rc=$?
check "files: ^runbooks/: exit 0" test $rc -eq 0
check "files: ^runbooks/: only the runbook linted" contains "$out" "1 file checked, no findings"
printf "$danger" > runbooks/queue.md
git add runbooks/queue.md
pre-commit run --color never > "$out" 2>&1; rc=$?
check "files: ^runbooks/: a dangerous runbook still fails" test $rc -eq 1
check "files: ^runbooks/: its finding" grep -qE '^runbooks/queue\.md:6:11: error: .*\[RB250 redis-flush\]$' "$out"
check "files: ^runbooks/: notes.md is not linted" lacks "$out" "notes.md"

# 8. The exclusion list agrees with the one `runbookc hook install` writes.
"$RB" hook --help > "$work/help.txt" 2>&1
yaml_names=$(sed -nE 's/^  exclude: \(\^\|\/\)\(([A-Z_|]+)\)\\\.md\$$/\1/p' "$checkout/.pre-commit-hooks.yaml" | tr '|' ' ')
hook_names=$(sed -nE 's/^Never linted by the hook, at any depth: (.*)\.$/\1/p' "$work/help.txt" | sed 's/\.md//g; s/, / /g')
check "the same list in both hooks" test "$yaml_names" = "$hook_names"
check "the list" test "$yaml_names" = "README CHANGELOG CONTRIBUTING CODE_OF_CONDUCT SECURITY LICENSE"
for name in README CHANGELOG CONTRIBUTING CODE_OF_CONDUCT SECURITY LICENSE; do
  check "$name in .pre-commit-hooks.yaml's exclude" grep -qE "^  exclude: .*[(|]${name}[|)]" "$checkout/.pre-commit-hooks.yaml"
  check "$name in runbookc hook's list" contains "$work/help.txt" "$name.md"
done

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
