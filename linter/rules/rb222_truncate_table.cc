#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step& step, const SqlStatement& st, Emitter& emit) {
  if (created_in_step(step, st)) return;
  emit.report(st.span,
              "TRUNCATE empties " + relation_list(st) + (st.cascade ? " and every table referencing it (CASCADE)" : "") +
                  (st.dialect == "MySQL"        ? " at once, under an exclusive metadata lock"
                   : st.dialect == "PostgreSQL" ? " at once, under an ACCESS EXCLUSIVE lock"
                                                : " at once") +
                  "; the rows cannot be recovered without a backup",
              "delete only the rows you mean with DELETE ... WHERE, or declare danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB222",
    .name = "truncate-table",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "TRUNCATE empties whole tables",
    .what = "Reports TRUNCATE statements (with or without CASCADE) on tables not created in the same block.",
    .why = "TRUNCATE removes all rows instantly, takes an ACCESS EXCLUSIVE lock that blocks every reader, and "
           "with CASCADE silently empties referencing tables too.",
    .instead = "Delete the rows you need to remove with a WHERE clause; if emptying is really intended, declare it.",
    .bad = {"# Reset queue\n\n```sql\nTRUNCATE jobs;\n```\n", 4, 1},
    .good = {"# Reset queue\n\n```sql\nCREATE TEMP TABLE scratch (id int);\nTRUNCATE scratch;\n```\n"},
    .on_statement = {.names = {"TruncateStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
