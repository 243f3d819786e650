#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  if (st.concurrently) return;
  emit.report(st.span,
              "REINDEX without CONCURRENTLY locks out writes to the table (and reads using the index) until every "
              "index is rebuilt",
              "use REINDEX ... CONCURRENTLY (PostgreSQL 12+), outside a transaction block");
}

const bool registered = register_rule({
    .code = "RB232",
    .name = "reindex-without-concurrently",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "REINDEX without CONCURRENTLY blocks the table while it rebuilds",
    .what = "Reports REINDEX INDEX/TABLE/SCHEMA/DATABASE statements without the CONCURRENTLY option.",
    .why = "A plain REINDEX takes locks that stop writes to the table, and queries that would use the index, for "
           "as long as the rebuild lasts.",
    .instead = "REINDEX INDEX CONCURRENTLY (or TABLE CONCURRENTLY) on PostgreSQL 12 and later.",
    .bad = {"# Bloat\n\n```sql\nREINDEX TABLE orders;\n```\n", 4, 1},
    .good = {"# Bloat\n\n```sql\nREINDEX TABLE CONCURRENTLY orders;\n```\n"},
    .on_statement = {.names = {"ReindexStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
