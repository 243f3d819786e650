#!/usr/bin/env bash
# `runbookc init [DIR]`: the files it writes, that they parse and lint clean,
# and that it never overwrites.
# Usage: init_command.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"
out=$work/out.txt

# Into DIR.
mkdir "$work/repo"
"$RB" init --today 2026-03-01 "$work/repo" > "$out" 2>&1; rc=$?
check "init: exit 0" test $rc -eq 0
check "init: prints what it wrote" same "$out" "wrote $work/repo/.runbookc.yaml
wrote $work/repo/runbooks/TEMPLATE.md
wrote $work/repo/.pre-commit-config.yaml"
cd "$work/repo" || exit 1
check "init: exactly three files" test "$(find . -type f | sort | tr '\n' ' ')" = \
  "./.pre-commit-config.yaml ./.runbookc.yaml ./runbooks/TEMPLATE.md "

# .runbookc.yaml: every key the configuration reads, commented out with its default.
for key in root rules per_file_ignores required_sections secret_names protected_branches exclude extensions review_period commands; do
  check ".runbookc.yaml: $key commented out" grep -qE "^#$key: " .runbookc.yaml
done
check ".runbookc.yaml: no key is active" test "$(grep -cE '^[a-z_]+:' .runbookc.yaml)" -eq 0
check ".runbookc.yaml: review_period default" grep -qx '#review_period: 180d' .runbookc.yaml
check ".runbookc.yaml: protected_branches default" \
  grep -qx '#protected_branches: \[main, master, production, prod, release\]' .runbookc.yaml
check ".runbookc.yaml: the unknown-key list names the same keys" bash -c "
  '$RB' lint --config /dev/stdin runbooks <<< 'nope: 1' 2>&1 |
  grep -qF 'known: root, rules, per_file_ignores, required_sections, secret_names, protected_branches, exclude, extensions, review_period, commands'"

# The template: each front matter field runbookc reads, documented.
for field in title service severity owner alerts tags last_reviewed review_every version; do
  check "template: $field" grep -qE "^$field:" runbooks/TEMPLATE.md
  check "template: $field explained" grep -qE "^# $field: " runbooks/TEMPLATE.md
done
check "template: last_reviewed from --today" grep -qx 'last_reviewed: 2026-03-01' runbooks/TEMPLATE.md

# .pre-commit-config.yaml: a local hook scoped to runbooks/.
check "pre-commit config: local hook" grep -qx '  - repo: local' .pre-commit-config.yaml
check "pre-commit config: the hook id" grep -qx '      - id: runbookc-lint' .pre-commit-config.yaml
check "pre-commit config: entry" grep -qx '        entry: runbookc lint' .pre-commit-config.yaml
check "pre-commit config: scoped" grep -qx '        files: ^runbooks/' .pre-commit-config.yaml

# What was written lints clean with the written configuration, at every severity.
"$RB" lint --fail-on note --today 2026-03-01 > "$out" 2>&1; rc=$?
check "lints clean: exit 0" test $rc -eq 0
check "lints clean: no findings" same "$out" "1 file checked, no findings"
check "lints clean: the configuration was read" bash -c "'$RB' lint --config .runbookc.yaml --today 2026-03-01 runbooks > /dev/null"
# ...and with every example key uncommented, the configuration still parses
# (the lines shown are valid YAML of the right shape).
sed -E 's/^#([a-z_]+: )/\1/' .runbookc.yaml > "$work/uncommented.yaml"
check "uncommented: eleven keys active" test "$(grep -cE '^[a-z_]+:' "$work/uncommented.yaml")" -eq 11
"$RB" lint --config "$work/uncommented.yaml" --fail-on note --today 2026-03-01 runbooks > "$out" 2>&1; rc=$?
check "uncommented: parses and lints clean" test $rc -eq 0
check "uncommented: no findings" same "$out" "1 file checked, no findings"
# The "e.g." values in the comments are valid too: they parse, the template
# has the example's required sections, and the example exclude leaves it out.
sed -nE 's/^#([a-z_]+: ).*# e\.g\. (.*)$/\1\2/p' .runbookc.yaml > examples.yaml
check "examples: four keys" test "$(wc -l < examples.yaml)" -eq 4
"$RB" lint --config examples.yaml --fail-on note --today 2026-03-01 runbooks > "$out" 2>&1; rc=$?
check "examples: exclude leaves the template out" test $rc -eq 0
check "examples: nothing linted" same "$out" "0 files checked, no findings"
grep -v '^exclude:' examples.yaml > "$work/examples-no-exclude.yaml"
"$RB" lint --config "$work/examples-no-exclude.yaml" --fail-on note --today 2026-03-01 runbooks > "$out" 2>&1; rc=$?
check "examples: the template has the required sections" test $rc -eq 0
check "examples: no findings" same "$out" "1 file checked, no findings"
# The example blocks: the lines after each "# e.g." up to a blank line.
example_block() { awk -v want="$1" '/^# e\.g\.$/ { n++; next } n == want && /^$/ { exit } n == want' .runbookc.yaml | sed 's/^# //'; }
example_block 1 > "$work/commands.yaml"
check "examples: the commands block" grep -qx '    - {command: deployctl release purge, effect: destroys-data, does: deletes every cached release}' "$work/commands.yaml"
"$RB" lint --config "$work/commands.yaml" --today 2026-03-01 runbooks > "$out" 2>&1; rc=$?
check "examples: the commands block parses" test $rc -eq 0
check "examples: the commands block, no findings" same "$out" "1 file checked, no findings"
example_block 2 > "$work/alerts.yaml"
check "examples: the alerts block" grep -qx '  runbook_url: {base: "https://runbooks.example.com/", source: content/runbooks, case: lower}' "$work/alerts.yaml"
"$RB" lint --config "$work/alerts.yaml" --show-settings runbooks/TEMPLATE.md > "$out" 2>&1; rc=$?
check "examples: the alerts block parses" test $rc -eq 0
check "examples: the alerts block, as --show-settings reads it" grep -q "^alerts: {sources: \[front_matter, file_name, heading\], name_pattern: '^Alert: (\\\\S+)\$', annotation: runbook_url, runbook_url: {base: https://runbooks.example.com/, source: $work/content/runbooks, case: lower}}  # $work/alerts.yaml:1" "$out"
rm examples.yaml

# The review date works: 90 days on, RB406 reports it.
"$RB" lint --today 2026-06-30 runbooks > "$out" 2>&1
check "template: review due after 90 days" grep -qE '^runbooks/TEMPLATE\.md:[0-9]+:[0-9]+: warning: .*\[RB406 review-overdue\]$' "$out"

# Refuses to overwrite: any target present, nothing written, exit 2 naming it.
mkdir "$work/second" && cd "$work/second" || exit 1
printf 'rules: {RB201: off}\n' > .runbookc.yaml
"$RB" init > "$out" 2>&1; rc=$?
check "refuses: exit 2" test $rc -eq 2
check "refuses: names the file" same "$out" "runbookc: error: ./.runbookc.yaml already exists
runbookc: error: nothing written: move the files above away, or keep them"
check "refuses: nothing else written" test "$(find . -type f | sort | tr '\n' ' ')" = "./.runbookc.yaml "
check "refuses: the file untouched" same .runbookc.yaml "rules: {RB201: off}"
mkdir runbooks && printf '# Mine\n' > runbooks/TEMPLATE.md && printf 'repos: []\n' > .pre-commit-config.yaml
"$RB" init . > "$out" 2>&1; rc=$?
check "refuses all three: exit 2" test $rc -eq 2
check "refuses all three: names each" same "$out" "runbookc: error: ./.runbookc.yaml already exists
runbookc: error: ./runbooks/TEMPLATE.md already exists
runbookc: error: ./.pre-commit-config.yaml already exists
runbookc: error: nothing written: move the files above away, or keep them"

# Not a directory; a bad --today.
"$RB" init "$work/none" > "$out" 2>&1; rc=$?
check "missing DIR: exit 2" test $rc -eq 2
check "missing DIR: says so" same "$out" "runbookc: error: $work/none is not a directory"
mkdir "$work/third"
"$RB" init --today 2026-02-30 "$work/third" > "$out" 2>&1; rc=$?
check "bad --today: exit 2" test $rc -eq 2
check "bad --today: nothing written" test -z "$(ls -A "$work/third")"

# In the current directory by default, then pre-commit runs the written config.
mkdir "$work/fourth" && cd "$work/fourth" || exit 1
"$RB" init > "$out" 2>&1; rc=$?
check "default DIR: exit 0" test $rc -eq 0
check "default DIR: relative names" same "$out" "wrote ./.runbookc.yaml
wrote ./runbooks/TEMPLATE.md
wrote ./.pre-commit-config.yaml"
if ! command -v pre-commit > /dev/null 2>&1; then
  echo "FAIL: pre-commit is not installed (Debian package pre-commit; scripts/install-deps.sh --test installs it)"
  failures=$((failures + 1))
else
  export HOME=$work/home PRE_COMMIT_HOME=$work/pre-commit-cache GIT_CONFIG_NOSYSTEM=1
  mkdir -p "$HOME/bin" && ln -s "$RB" "$HOME/bin/runbookc"
  git init -q -b main . && git add -A
  PATH=$HOME/bin:$PATH pre-commit run --color never --verbose > "$out" 2>&1; rc=$?
  check "written pre-commit config: the template passes" test $rc -eq 0
  check "written pre-commit config: one file linted" contains "$out" "1 file checked, no findings"
  printf '# Cache\n\n**Severity:** P1\n\n```bash\nredis-cli FLUSHALL\n```\n' > README.md
  printf '# Cache\n\n**Severity:** P1\n\n```bash\nredis-cli FLUSHALL\n```\n' > runbooks/cache.md
  git add README.md runbooks/cache.md
  PATH=$HOME/bin:$PATH pre-commit run --color never > "$out" 2>&1; rc=$?
  check "written pre-commit config: a dangerous runbook fails" test $rc -eq 1
  check "written pre-commit config: its finding" grep -qE '^runbooks/cache\.md:6:11: error: .*\[RB250 redis-flush\]$' "$out"
  check "written pre-commit config: README.md is not linted" bash -c "! grep -q README.md '$out'"
fi

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
