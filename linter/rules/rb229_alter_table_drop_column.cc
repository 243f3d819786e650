#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step& step, const SqlStatement& st, Emitter& emit) {
  if (st.subkind.find("AT_DropColumn") == std::string::npos) return;
  if (created_in_step(step, st)) return;
  emit.report(st.span,
              "ALTER TABLE ... DROP COLUMN deletes that column's data in every row of " + relation_list(st) +
                  ", and application code still reading it starts failing",
              "stop reading the column in the application first, back it up (or keep it unused), and declare "
              "danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB229",
    .name = "alter-table-drop-column",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "ALTER TABLE ... DROP COLUMN deletes a column and its data",
    .what = "Reports ALTER TABLE statements with a DROP COLUMN action, unless the table was created earlier in the "
            "same block.",
    .why = "The values are gone for every row; deployed code that still selects or inserts the column fails "
           "immediately.",
    .instead = "Deploy code that no longer uses the column first, keep a copy of the data, then drop the column.",
    .bad = {"# Migrate\n\n```sql\nALTER TABLE users DROP COLUMN legacy_token;\n```\n", 4, 1},
    .good = {"# Migrate\n\n```sql\nALTER TABLE users ADD COLUMN note text;\n```\n"},
    .on_statement = {.names = {"AlterTableStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
