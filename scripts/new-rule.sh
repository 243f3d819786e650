#!/usr/bin/env bash
# Creates a rule: linter/rules/rbNNN_<name with _>.cc with its documentation
# skeleton, a working check and bad/good examples (which the rule_examples
# unit test runs), then rebuilds and regenerates docs/rules.md and
# tests/golden/rule_messages.txt.
#   scripts/new-rule.sh CODE kebab-name category [--no-build]
#   scripts/new-rule.sh RB294 helm-upgrade-force danger
# Categories and their code ranges: syntax RB0nn, danger RB2nn, secret RB3nn,
# structure RB4nn, portability RB5nn, alerting RB7nn. Codes are never reused: one in use, or
# retired (linter/rule_codes.cc), is refused. BUILD names the build directory
# (default build). Exit status: 0 created, 2 refused (nothing written).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/new-rule.sh CODE kebab-name category [--no-build]" >&2; exit 2; }
refuse() { echo "new-rule: $*" >&2; exit 2; }

[ $# -ge 3 ] && [ $# -le 4 ] || usage
code=$1 name=$2 category=$3 build=yes
if [ $# -eq 4 ]; then [ "$4" = --no-build ] || usage; build=no; fi

[[ $code =~ ^RB[0-9]{3}$ ]] || refuse "$code: a code is RB and three digits (RB294)"
[[ $name =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] ||
  refuse "$name: a name is kebab-case and describes the pattern (update-without-where)"
case $category in
  syntax) range=0 severity=error ;;
  danger) range=2 severity=warning ;;
  secret) range=3 severity=warning ;;
  structure) range=4 severity=warning ;;
  portability) range=5 severity=warning ;;
  alerting) range=7 severity=warning ;;
  *) refuse "$category: the category is one of syntax, danger, secret, structure, portability, alerting" ;;
esac
[ "${code:2:1}" = "$range" ] || refuse "$code: $category rules take codes RB${range}nn"

file=linter/rules/$(echo "$code" | tr 'A-Z' 'a-z')_${name//-/_}.cc
if in_use=$(grep -l "\.code = \"$code\"" linter/rules/*.cc); then refuse "$code is taken by $in_use"; fi
if in_use=$(grep -l "\.name = \"$name\"" linter/rules/*.cc); then refuse "the name $name is taken by $in_use"; fi
grep -q "{\"$code\"," linter/rule_codes.cc && refuse "$code is retired (linter/rule_codes.cc): codes are never reused"
grep -q "^$code " tests/golden/rule_messages.txt 2>/dev/null &&
  refuse "$code was issued before (tests/golden/rule_messages.txt): codes are never reused"
[ -e "$file" ] && refuse "$file exists"

# The skeleton's check is a real one, so the examples pass from the start:
# it reports `example-tool --example-flag`. Every TODO(new-rule) must go
# before the rule is merged (the rule_examples test fails on one).
cat >"$file" <<RULE
#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

// TODO(new-rule): the check. Declare what the rule reads: programs
// (.on_command), SQL statement kinds (.on_statement, e.g. "UpdateStmt") or
// redis commands (.on_redis); a rule that needs the whole runbook sets
// .check = void(const Runbook&, Emitter&) instead.
void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t at = find_flag(cmd, "", {"--example-flag"});
  if (!at) return;
  emit.report(cmd.argv[at].span, "TODO(new-rule): what happens when this runs, as a consequence",
              "TODO(new-rule): how to do it safely");
}

const bool registered = register_rule({
    .code = "$code",
    .name = "$name",
    .category = Category::$category,
    .severity = Severity::$severity,
    .summary = "TODO(new-rule): one line, as \`runbookc rules\` lists it",
    .what = "TODO(new-rule): What it does.",
    .why = "TODO(new-rule): Why is this bad?",
    .instead = "TODO(new-rule): Use instead.",
    .bad = {"# Example\n\n\`\`\`bash\nexample-tool --example-flag\n\`\`\`\n", 4, 14},
    .good = {"# Example\n\n\`\`\`bash\nexample-tool --dry-run\n\`\`\`\n"},
    .on_command = {.names = {"example-tool"}, .check = check},
});

}  // namespace
}  // namespace rbc
RULE
echo "created $file"
[ "$build" = yes ] || exit 0

BUILD=${BUILD:-build}
cmake -S . -B "$BUILD" >/dev/null  # the rule sources are globbed
ninja -C "$BUILD" -j2 runbookc runbookc_tests gen_rule_docs gen_rule_messages
"$BUILD/gen_rule_docs" docs/rules.md
"$BUILD/gen_rule_messages" tests/golden/rule_messages.txt
echo "regenerated docs/rules.md and tests/golden/rule_messages.txt"
echo "next: write the check, documentation and examples (every TODO(new-rule)), then"
echo "  ninja -C $BUILD -j2 && scripts/update-rule-messages.sh && $BUILD/gen_rule_docs docs/rules.md && (cd $BUILD && ctest)"
