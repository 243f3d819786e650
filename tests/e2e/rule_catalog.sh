#!/usr/bin/env bash
# The rule catalog's tooling from the outside: scripts/new-rule.sh in a
# temporary copy of the tree (the file it writes, the codes and names it
# refuses), and the generated docs/rules.md holding no control bytes.
# Usage: rule_catalog.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"
no_control_bytes() { ! LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]' "$1"; }

check "docs/rules.md holds no control bytes" no_control_bytes docs/rules.md
check "RB005's NUL is shown as a control picture" contains docs/rules.md $'# x\xe2\x90\x80y'

# A copy of what the script reads and writes.
mkdir -p "$work/tree/tests/golden"
cp -r linter scripts "$work/tree/"
cp tests/golden/rule_messages.txt "$work/tree/tests/golden/"
cd "$work/tree"
new_rule() { scripts/new-rule.sh "$@" --no-build >"$work/out.txt" 2>&1; }

new_rule RB294 helm-upgrade-force danger; rc=$?
file=linter/rules/rb294_helm_upgrade_force.cc
check "creates the rule: exit 0" test $rc -eq 0
check "says which file" contains "$work/out.txt" "created $file"
check "file named after code and name" test -f "$file"
check "code" contains "$file" '    .code = "RB294",'
check "name" contains "$file" '    .name = "helm-upgrade-force",'
check "category" contains "$file" '    .category = Category::danger,'
check "severity" contains "$file" '    .severity = Severity::warning,'
check "bad example at 4:14" contains "$file" '.bad = {"# Example\n\n```bash\nexample-tool --example-flag\n```\n", 4, 14},'
check "good example" contains "$file" '.good = {"# Example\n\n```bash\nexample-tool --dry-run\n```\n"},'
check "declares its trigger" contains "$file" '.on_command = {.names = {"example-tool"}, .check = check},'
check "documentation left to write" test "$(grep -c 'TODO(new-rule)' "$file")" -eq 7
check "the file compiles" c++ -std=c++20 -fsyntax-only -I. -I"$root" "$file"

refused() {  # refused NAME MESSAGE ARGS...: exit 2, MESSAGE on stderr, no file written
  local name=$1 message=$2; shift 2
  local before; before=$(ls linter/rules | wc -l)
  new_rule "$@"; local rc=$?
  check "$name: exit 2" test $rc -eq 2
  check "$name: says why" contains "$work/out.txt" "$message"
  check "$name: writes nothing" test "$(ls linter/rules | wc -l)" -eq "$before"
}
refused "code in use" "RB201 is taken by linter/rules/rb201_rm_recursive_system_path.cc" RB201 other-name danger
refused "name in use" "the name update-without-where is taken" RB219 update-without-where danger
refused "category range" "secret rules take codes RB3nn" RB215 new-secret secret
refused "unknown category" "the category is one of syntax, danger, secret, structure, portability" RB216 x-y danger-ish
refused "malformed code" "a code is RB and three digits" RB29 x-y danger
refused "malformed name" "a name is kebab-case" RB218 Bad_Name danger
sed -i 's|^constexpr std::array<RetiredRule, 0> kRetired = {};|constexpr std::array<RetiredRule, 1> kRetired = {{{"RB217", "gone", "test"}}};|' \
  linter/rule_codes.cc
check "a retired code planted in the copy" contains linter/rule_codes.cc '{"RB217", "gone", "test"}'
refused "retired code" "RB217 is retired (linter/rule_codes.cc): codes are never reused" RB217 back-again danger
printf '\nRB293 django-flush\n' >>tests/golden/rule_messages.txt
rm linter/rules/rb293_django_flush.cc
refused "issued code" "RB293 was issued before" RB293 django-flush-again danger

echo "rule_catalog: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
