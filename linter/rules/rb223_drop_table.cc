#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step& step, const SqlStatement& st, Emitter& emit) {
  if (st.subkind != "OBJECT_TABLE" && st.subkind != "OBJECT_MATVIEW") return;
  if (created_in_step(step, st)) return;
  emit.report(st.span,
              "DROP TABLE deletes " + relation_list(st) + " with all its rows" +
                  (st.cascade ? ", and CASCADE also drops the views and foreign keys that depend on it" : "") +
                  "; clients querying it start failing and the data needs a restore",
              "rename the table first (ALTER TABLE ... RENAME TO ..._old) and drop it later, or declare "
              "danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB223",
    .name = "drop-table",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "DROP TABLE (or materialized view) deletes a table and its data",
    .what = "Reports DROP TABLE and DROP MATERIALIZED VIEW, with or without IF EXISTS and CASCADE, unless the "
            "table was created earlier in the same block.",
    .why = "The table and its rows are gone; only a restore brings them back, and every query that still uses "
           "the table fails meanwhile.",
    .instead = "Rename the table and drop it after a safe delay, once nothing has used it.",
    .bad = {"# Cleanup\n\n```sql\nDROP TABLE IF EXISTS orders_archive CASCADE;\n```\n", 4, 1},
    .good = {"# Cleanup\n\n```sql\nCREATE TEMP TABLE ids AS SELECT id FROM orders LIMIT 10;\nDROP TABLE ids;\n```\n"},
    .on_statement = {.names = {"DropStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
