#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook& runbook, Emitter& emit) {
  for_each_statement(runbook, [&](const Step& step, const SqlStatement& st) {
    if (st.kind != "DropOwnedStmt") return;
    emit.report(st.span,
                "DROP OWNED deletes every table, view, sequence and function the role owns in this database, with "
                "their data",
                "run REASSIGN OWNED BY <role> TO <other> first so nothing is left to drop, or declare danger=\"...\"",
                step.index);
  });
}

const bool registered = register_rule({
    .code = "RB226",
    .name = "drop-owned",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "DROP OWNED BY deletes every object a role owns",
    .what = "Reports DROP OWNED BY statements.",
    .why = "It is usually run to remove a user, but it drops the objects the user owns, which in many databases "
           "are the application's tables.",
    .instead = "REASSIGN OWNED BY the role to another one first; then DROP OWNED only revokes privileges.",
    .bad = {"# Remove user\n\n```sql\nDROP OWNED BY old_app;\nDROP ROLE old_app;\n```\n", 4, 1},
    .good = {"# Remove user\n\n```sql\nREASSIGN OWNED BY old_app TO app_owner;\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
