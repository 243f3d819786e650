#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step& step, const SqlStatement& st, Emitter& emit) {
  if (st.subkind.find("AT_SetNotNull") == std::string::npos) return;
  if (created_in_step(step, st)) return;
  emit.report(st.span,
              "SET NOT NULL scans all of " + relation_list(st) +
                  " under an ACCESS EXCLUSIVE lock; reads and writes wait until it finishes",
              "add a CHECK (col IS NOT NULL) NOT VALID constraint, VALIDATE it, then SET NOT NULL (PostgreSQL 12+ "
              "then skips the scan)");
}

const bool registered = register_rule({
    .code = "RB236",
    .name = "set-not-null",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "ALTER COLUMN ... SET NOT NULL scans the table under an exclusive lock",
    .what = "Reports ALTER TABLE ... ALTER COLUMN ... SET NOT NULL on tables not created in the same block.",
    .why = "PostgreSQL verifies every row while holding ACCESS EXCLUSIVE; on a large table all queries stall.",
    .instead = "Add `CHECK (col IS NOT NULL) NOT VALID`, validate it, then SET NOT NULL, which then needs no scan.",
    .bad = {"# Tighten\n\n```sql\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n```\n", 4, 1},
    .good = {"# Tighten\n\n```sql\nALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\n```\n"},
    .on_statement = {.names = {"AlterTableStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
