#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  if (!st.concurrently || !st.in_transaction) return;
  emit.report(st.span,
              "CONCURRENTLY cannot run inside a transaction block: this statement fails with an error after "
              "BEGIN, and the statements around it roll back",
              "run it on its own, outside BEGIN ... COMMIT");
}

const bool registered = register_rule({
    .code = "RB233",
    .name = "concurrently-in-transaction",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "CREATE/DROP INDEX or REINDEX CONCURRENTLY inside BEGIN ... COMMIT",
    .what = "Reports CONCURRENTLY index statements that follow a BEGIN (or START TRANSACTION) with no COMMIT or "
            "ROLLBACK in between.",
    .why = "PostgreSQL refuses them in a transaction block. The step fails in the middle of the incident and "
           "the work before it in the transaction is rolled back.",
    .instead = "Run the CONCURRENTLY statement by itself, in autocommit mode.",
    .bad = {"# Index\n\n```sql\nBEGIN;\nCREATE INDEX CONCURRENTLY orders_idx ON orders (user_id);\nCOMMIT;\n```\n", 5, 1},
    .good = {"# Index\n\n```sql\nCREATE INDEX CONCURRENTLY orders_idx ON orders (user_id);\n```\n"},
    .on_statement = {.names = {"IndexStmt", "DropStmt", "ReindexStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
