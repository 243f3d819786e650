#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  if (st.subkind != "OBJECT_INDEX" || st.concurrently) return;
  emit.report(st.span,
              "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table: every query on it waits "
              "until the drop gets and releases the lock",
              "use DROP INDEX CONCURRENTLY (outside a transaction block)");
}

const bool registered = register_rule({
    .code = "RB231",
    .name = "drop-index-without-concurrently",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "DROP INDEX without CONCURRENTLY blocks all queries on the table",
    .what = "Reports DROP INDEX statements without CONCURRENTLY.",
    .why = "The drop waits behind any long query for an ACCESS EXCLUSIVE lock, and every new query, reads "
           "included, queues behind it: a short statement becomes an outage.",
    .instead = "DROP INDEX CONCURRENTLY, outside BEGIN/COMMIT.",
    .bad = {"# Cleanup\n\n```sql\nDROP INDEX orders_old_idx;\n```\n", 4, 1},
    .good = {"# Cleanup\n\n```sql\nDROP INDEX CONCURRENTLY IF EXISTS orders_old_idx;\n```\n"},
    .on_statement = {.names = {"DropStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
