#!/usr/bin/env bash
# `runbookc hook install | uninstall`: the plain git pre-commit hook, in a
# scratch repository that holds only runbooks: commits that pass and fail,
# what the hook leaves out, core.hooksPath, and hooks it did not write.
# Usage: git_hook.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
checkout=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"

export HOME=$work/home GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
mkdir -p "$HOME/bin"
ln -s "$RB" "$HOME/bin/runbookc"
export PATH=$HOME/bin:$PATH
out=$work/out.txt
clean='# Disk full\n\n**Severity:** P2\n\n```bash\ndf -h /var/lib/postgresql\n```\n'
danger='# Cache\n\n**Severity:** P1\n\n```bash\nredis-cli FLUSHALL\n```\n'

# Outside a repository: exit 2, nothing written.
mkdir "$work/plain" && cd "$work/plain" || exit 1
runbookc hook install > "$out" 2>&1; rc=$?
check "outside a repository: exit 2" test $rc -eq 2
check "outside a repository: says so" contains "$out" "runbookc: error: not in a git repository"

repo=$work/repo
mkdir -p "$repo/runbooks" && cd "$repo" || exit 1
git init -q -b main .
printf "$clean" > runbooks/disk.md
printf "$clean" > runbooks/old.md
git add runbooks && git commit -q -m start

# Install, then install again: the second is a no-op.
runbookc hook install > "$out" 2>&1; rc=$?
check "install: exit 0" test $rc -eq 0
check "install: names the file" same "$out" "runbookc hook: wrote .git/hooks/pre-commit"
check "install: executable" test -x .git/hooks/pre-commit
check "install: diff filter leaves deletions out" contains .git/hooks/pre-commit "--diff-filter=ACMR -z"
check "install: NUL-separated names" contains .git/hooks/pre-commit "xargs -0 -r"
cp .git/hooks/pre-commit "$work/first-hook"
# The README's plain-hook recipe is this very script.
awk '/^### A plain git hook$/ {on = 1} on && /^```sh$/ {inside = 1; next} inside && /^```$/ {exit} inside' \
  "$checkout/README.md" > "$work/readme-hook"
check "README shows the hook it installs" cmp -s "$work/readme-hook" .git/hooks/pre-commit
runbookc hook install > "$out" 2>&1; rc=$?
check "install again: exit 0" test $rc -eq 0
check "install again: up to date" same "$out" "runbookc hook: .git/hooks/pre-commit is up to date"
check "install again: same hook" cmp -s .git/hooks/pre-commit "$work/first-hook"

commit() {  # commit MESSAGE: git commit, output in out.txt, status in rc
  git commit -q -m "$1" > "$out" 2>&1
  rc=$?
}

# A commit with nothing to lint (no staged runbook).
printf 'notes\n' > notes.txt && git add notes.txt
commit "no runbooks"
check "no runbooks staged: commit succeeds" test $rc -eq 0
check "no runbooks staged: silent" same "$out" ""

# A clean runbook: the commit succeeds, runbookc's summary shown.
printf "$clean" > runbooks/network.md && git add runbooks/network.md
commit clean
check "clean: commit succeeds" test $rc -eq 0
check "clean: one file linted" same "$out" "1 file checked, no findings"

# A dangerous runbook: the commit fails with the finding.
printf "$danger" > runbooks/cache.md && git add runbooks/cache.md
commit danger
check "danger: commit fails" test $rc -eq 1
check "danger: the finding" grep -qxF "runbooks/cache.md:6:11: error: FLUSHALL deletes every key in every database of this Redis: sessions, caches, queues and locks are gone at once, and nothing can bring them back [RB250 redis-flush]" "$out"
check "danger: nothing committed" test "$(git log -1 --format=%s)" = clean
git reset -q runbooks/cache.md && rm runbooks/cache.md

# A deleted runbook and a renamed one.
git rm -q runbooks/old.md
commit delete
check "deleted: commit succeeds" test $rc -eq 0
check "deleted: nothing linted" same "$out" ""
git mv runbooks/disk.md runbooks/disk-full.md
commit rename
check "renamed: commit succeeds" test $rc -eq 0
check "renamed: the new name linted" same "$out" "1 file checked, no findings"

# A name with spaces is one file.
printf "$danger" > "runbooks/flush the cache.md" && git add "runbooks/flush the cache.md"
commit spaces
check "spaces: commit fails" test $rc -eq 1
check "spaces: the finding names the whole file" \
  grep -qE '^runbooks/flush the cache\.md:6:11: error: .*\[RB250 redis-flush\]$' "$out"
check "spaces: no I/O error" lacks "$out" "cannot open"
git reset -q "runbooks/flush the cache.md" && rm "runbooks/flush the cache.md"

# A name that starts with a dash is a file, not an option.
printf "$danger" > "runbooks/-v.md" && git add -- "runbooks/-v.md"
commit dash
check "dash: commit fails on the finding" grep -qE '^runbooks/-v\.md:6:11: error: .*\[RB250\b' "$out"
git reset -q -- "runbooks/-v.md" && rm -- "runbooks/-v.md"

# README.md and CHANGELOG.md are never linted, at any depth.
printf "$danger" > README.md && printf "$danger" > runbooks/CHANGELOG.md && git add README.md runbooks/CHANGELOG.md
commit docs
check "repository documents: commit succeeds" test $rc -eq 0
check "repository documents: not linted" same "$out" ""

# --path: only Markdown under runbooks/ is linted.
runbookc hook install --path runbooks/ > "$out" 2>&1; rc=$?
check "install --path: exit 0" test $rc -eq 0
check "install --path: its own hook is updated" same "$out" "runbookc hook: updated .git/hooks/pre-commit"
check "install --path: the pathspec" contains .git/hooks/pre-commit "':(glob)runbooks/**/*.md'"
printf "$danger" > notes.md && git add notes.md
commit "notes outside runbooks"
check "--path: a file outside is not linted" test $rc -eq 0
printf "$danger" > runbooks/queue.md && git add runbooks/queue.md
commit "queue"
check "--path: a runbook inside still fails" test $rc -eq 1
check "--path: its finding" grep -qE '^runbooks/queue\.md:6:11: error: .*\[RB250 redis-flush\]$' "$out"
git reset -q runbooks/queue.md && rm runbooks/queue.md

# A --path with a space and a quote is one pathspec in the hook.
runbookc hook install --path "team's runbooks" > "$out" 2>&1; rc=$?
check "install --path with a quote: exit 0" test $rc -eq 0
check "install --path with a quote: quoted" contains .git/hooks/pre-commit "':(glob)team'\\''s runbooks/**/*.md'"
check "install --path with a quote: valid sh" sh -n .git/hooks/pre-commit
mkdir -p "team's runbooks/db"
printf "$danger" > "team's runbooks/db/flush.md" && printf "$danger" > runbooks/queue.md
git add "team's runbooks" runbooks/queue.md
commit "quoted path"
check "--path with a quote: commit fails" test $rc -eq 1
check "--path with a quote: the file under it, nested" grep -qE "^team's runbooks/db/flush\.md:6:11: error: " "$out"
check "--path with a quote: runbooks/ no longer in scope" lacks "$out" "runbooks/queue.md"
git reset -q "team's runbooks" runbooks/queue.md && rm -r "team's runbooks" runbooks/queue.md
runbookc hook install --path runbooks > /dev/null 2>&1

# No subcommand: usage error.
runbookc hook > "$out" 2>&1; rc=$?
check "hook without a subcommand: exit 2" test $rc -eq 2

# runbookc missing from PATH: the hook says so and stops the commit.
printf "$clean" > runbooks/dns.md && git add runbooks/dns.md
PATH=/usr/bin:/bin commit "no runbookc"
check "no runbookc: commit fails" test $rc -eq 1
check "no runbookc: says why" contains "$out" "runbookc pre-commit hook: runbookc not found"
git reset -q runbooks/dns.md

# A hook runbookc did not write is left alone: exit 2 naming the file.
runbookc hook uninstall > "$out" 2>&1; rc=$?
check "uninstall: exit 0" test $rc -eq 0
check "uninstall: names the file" same "$out" "runbookc hook: removed .git/hooks/pre-commit"
check "uninstall: gone" test ! -e .git/hooks/pre-commit
printf '#!/bin/sh\nexit 0\n' > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
cp .git/hooks/pre-commit "$work/foreign"
runbookc hook install > "$out" 2>&1; rc=$?
check "foreign hook: install exits 2" test $rc -eq 2
check "foreign hook: names it" contains "$out" "runbookc: error: .git/hooks/pre-commit exists and was not written by runbookc"
check "foreign hook: untouched by install" cmp -s .git/hooks/pre-commit "$work/foreign"
runbookc hook uninstall > "$out" 2>&1; rc=$?
check "foreign hook: uninstall exits 2" test $rc -eq 2
check "foreign hook: uninstall names it" same "$out" "runbookc: error: .git/hooks/pre-commit was not written by runbookc; left as it is"
check "foreign hook: untouched by uninstall" cmp -s .git/hooks/pre-commit "$work/foreign"
rm .git/hooks/pre-commit

# core.hooksPath is followed.
git config core.hooksPath .githooks
runbookc hook install > "$out" 2>&1; rc=$?
check "core.hooksPath: exit 0" test $rc -eq 0
check "core.hooksPath: written there" same "$out" "runbookc hook: wrote .githooks/pre-commit"
check "core.hooksPath: not in .git/hooks" test ! -e .git/hooks/pre-commit
printf "$danger" > runbooks/cache.md && git add runbooks/cache.md
commit "through hooksPath"
check "core.hooksPath: the hook runs" test $rc -eq 1
check "core.hooksPath: its finding" grep -qE '^runbooks/cache\.md:6:11: error: ' "$out"

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
