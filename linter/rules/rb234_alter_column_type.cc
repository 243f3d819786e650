#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step& step, const SqlStatement& st, Emitter& emit) {
  if (st.subkind.find("AT_AlterColumnType") == std::string::npos) return;
  if (created_in_step(step, st)) return;
  emit.report(st.span,
              "changing a column's type rewrites " + relation_list(st) +
                  " under an ACCESS EXCLUSIVE lock: no query can read or write it until the rewrite ends",
              "add a new column, backfill it in batches and switch over, or declare danger=\"...\" with a "
              "maintenance window");
}

const bool registered = register_rule({
    .code = "RB234",
    .name = "alter-column-type",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "ALTER TABLE ... ALTER COLUMN TYPE rewrites the table under an exclusive lock",
    .what = "Reports ALTER TABLE statements that change a column's type, unless the table was created in the same "
            "block.",
    .why = "Most type changes rewrite every row and every index while holding ACCESS EXCLUSIVE, which blocks "
           "reads too; on a large table the application is down for the duration.",
    .instead = "Add a column with the new type, backfill it in batches, switch the application, drop the old one.",
    .bad = {"# Widen\n\n```sql\nALTER TABLE events ALTER COLUMN id TYPE bigint;\n```\n", 4, 1},
    .good = {"# Widen\n\n```sql\nALTER TABLE events ADD COLUMN id_big bigint;\n```\n"},
    .on_statement = {.names = {"AlterTableStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
