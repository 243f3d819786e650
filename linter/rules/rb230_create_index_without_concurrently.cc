#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step& step, const SqlStatement& st, Emitter& emit) {
  if (st.concurrently || created_in_step(step, st)) return;
  emit.report(st.span,
              "CREATE INDEX without CONCURRENTLY blocks every INSERT, UPDATE and DELETE on " + relation_list(st) +
                  " until the index is built, minutes to hours on a large table",
              "use CREATE INDEX CONCURRENTLY (outside a transaction block)");
}

const bool registered = register_rule({
    .code = "RB230",
    .name = "create-index-without-concurrently",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "CREATE INDEX without CONCURRENTLY locks writes to the table",
    .what = "Reports CREATE INDEX (and CREATE UNIQUE INDEX) without CONCURRENTLY on tables not created in the same "
            "block.",
    .why = "A plain CREATE INDEX holds a SHARE lock for the whole build: the table is read-only meanwhile, and "
           "writers queue up until connections run out.",
    .instead = "CREATE INDEX CONCURRENTLY, run outside BEGIN/COMMIT; check for an INVALID index if it fails.",
    .bad = {"# Speed up\n\n```sql\nCREATE INDEX orders_user_id_idx ON orders (user_id);\n```\n", 4, 1},
    .good = {"# Speed up\n\n```sql\nCREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);\n```\n"},
    .on_statement = {.names = {"IndexStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
