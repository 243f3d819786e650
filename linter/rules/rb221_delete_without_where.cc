#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step& step, const SqlStatement& st, Emitter& emit) {
  if ((st.has_where && !st.where_always_true) || st.bounded_without_where || created_in_step(step, st)) return;
  emit.report(st.span,
              std::string(st.has_where ? "DELETE with an always-true WHERE" : "DELETE without WHERE") +
                  " removes every row of " + relation_list(st) + "; only a backup brings them back",
              "add a WHERE clause naming the rows to delete (count them first with SELECT count(*) ... WHERE ...), "
              "or declare danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB221",
    .name = "delete-without-where",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "DELETE without a WHERE clause (or with WHERE true / 1 = 1)",
    .what = "Reports DELETE statements with no WHERE clause or a constant-true one, in SQL blocks and SQL passed "
            "to psql. Tables created earlier in the same block are exempt.",
    .why = "All rows are deleted, row by row, with triggers firing and locks held; the data is only recoverable "
           "from a backup or point-in-time restore.",
    .instead = "Add a WHERE clause, count the matching rows first, and run it in a transaction.",
    .bad = {"# Purge\n\n```sql\nSELECT count(*) FROM sessions;\nDELETE FROM sessions;\n```\n", 5, 1},
    .good = {"# Purge\n\n```sql\nDELETE FROM sessions WHERE expires_at < now() - interval '30 days';\n```\n"},
    .on_statement = {.names = {"DeleteStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
