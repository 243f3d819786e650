#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  if (st.subkind != "OBJECT_SCHEMA") return;
  emit.report(st.span,
              "DROP SCHEMA " + relation_list(st, "") + (st.cascade ? " CASCADE deletes every table, view and function in it"
                                                                   : " deletes the schema and fails only if it is not empty") +
                  "; the data needs a restore",
              "move objects out or rename the schema first, and declare danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB225",
    .name = "drop-schema",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "DROP SCHEMA deletes a schema (with CASCADE, everything in it)",
    .what = "Reports DROP SCHEMA statements.",
    .why = "With CASCADE every table and row in the schema disappears in one statement; without it, the "
           "statement is one edit away from doing so.",
    .instead = "Rename the schema (ALTER SCHEMA ... RENAME TO) and drop it after a safe delay.",
    .bad = {"# Reset\n\n```sql\nDROP SCHEMA reporting CASCADE;\n```\n", 4, 1},
    .good = {"# Reset\n\n```sql\nALTER SCHEMA reporting RENAME TO reporting_old;\n```\n"},
    .on_statement = {.names = {"DropStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
