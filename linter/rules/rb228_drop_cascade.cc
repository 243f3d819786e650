#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  // Tables and schemas are reported by drop-table and drop-schema.
  if (!st.cascade) return;
  if (st.subkind == "OBJECT_TABLE" || st.subkind == "OBJECT_MATVIEW" || st.subkind == "OBJECT_SCHEMA") return;
  emit.report(st.span,
              "DROP ... CASCADE also drops every object that depends on " + relation_list(st, "it") +
                  " (views, columns defaults, constraints, functions), without listing them",
              "drop without CASCADE to see what depends on it, and drop those objects explicitly");
}

const bool registered = register_rule({
    .code = "RB228",
    .name = "drop-cascade",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "DROP ... CASCADE silently drops dependent objects",
    .what = "Reports DROP statements with CASCADE on views, types, functions, extensions, sequences and other "
            "objects (tables and schemas have their own rules).",
    .why = "CASCADE removes whatever depends on the object, recursively. Dropping a type or an extension can take "
           "columns and views of application tables with it.",
    .instead = "Run the DROP without CASCADE; PostgreSQL lists the dependents, which you then handle one by one.",
    .bad = {"# Cleanup\n\n```sql\nDROP EXTENSION pg_trgm CASCADE;\n```\n", 4, 1},
    .good = {"# Cleanup\n\n```sql\nDROP VIEW IF EXISTS report_daily;\n```\n"},
    .on_statement = {.names = {"DropStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
