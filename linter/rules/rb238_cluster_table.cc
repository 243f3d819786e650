#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  emit.report(st.span,
              "CLUSTER rewrites " + relation_list(st, "every clustered table") +
                  " under an ACCESS EXCLUSIVE lock; all queries on it wait until the rewrite finishes",
              "use pg_repack --order-by to reorder a table online, or schedule a maintenance window");
}

const bool registered = register_rule({
    .code = "RB238",
    .name = "cluster-table",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "CLUSTER rewrites a table under an exclusive lock",
    .what = "Reports CLUSTER statements.",
    .why = "Like VACUUM FULL, CLUSTER copies the whole table and its indexes while blocking reads and writes.",
    .instead = "pg_repack can reorder a table without holding a long lock.",
    .bad = {"# Reorder\n\n```sql\nCLUSTER orders USING orders_created_at_idx;\n```\n", 4, 1},
    .good = {"# Reorder\n\n```sql\nANALYZE orders;\n```\n"},
    .on_statement = {.names = {"ClusterStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
