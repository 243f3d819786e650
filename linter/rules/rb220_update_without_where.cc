#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step& step, const SqlStatement& st, Emitter& emit) {
  if ((st.has_where && !st.where_always_true) || st.bounded_without_where || created_in_step(step, st)) return;
  std::string table = relation_list(st);
  emit.report(st.span,
              std::string(st.has_where ? "UPDATE with an always-true WHERE" : "UPDATE without WHERE") +
                  " rewrites every row of " + table + "; the previous values are gone unless restored from backup",
              "add a WHERE clause naming the rows to change (check it first with SELECT count(*) ... WHERE ...), "
              "or declare danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB220",
    .name = "update-without-where",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "UPDATE without a WHERE clause (or with WHERE true / 1 = 1)",
    .what = "Reports UPDATE statements, in SQL blocks and in SQL passed to psql, that have no WHERE clause or one "
            "that is a constant true (`WHERE true`, `WHERE 1 = 1`). Tables created earlier in the same block are "
            "exempt.",
    .why = "Every row is rewritten. It is the classic incident-making-the-incident-worse statement: a WHERE "
           "forgotten while editing the query, or lost when a long command was copied.",
    .instead = "Add a WHERE clause and count the rows it matches first; run the UPDATE in a transaction and check "
               "the reported row count before COMMIT.",
    .bad = {"# Reset\n\n```sql\nUPDATE users SET password_reset_required = true;\n```\n", 4, 1},
    .good = {"# Reset\n\n```sql\nUPDATE users SET password_reset_required = true WHERE id = 42;\n```\n"},
    .on_statement = {.names = {"UpdateStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
