#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  if (ascii_lower(st.subkind) != "session_replication_role") return;
  // The value, not the name (which itself contains "replica").
  if (st.json.find("\"sval\":\"replica\"") == std::string::npos) return;
  emit.report(st.span,
              "session_replication_role = replica turns off triggers, including the ones that enforce foreign keys: "
              "writes in this session can leave orphaned rows behind",
              "keep constraints on and fix the data in dependency order; if unavoidable, RESET it right after and "
              "verify referential integrity");
}

const bool registered = register_rule({
    .code = "RB243",
    .name = "replication-role-replica",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "SET session_replication_role = replica disables triggers and foreign-key checks",
    .what = "Reports SET (and SET SESSION/LOCAL) of session_replication_role to replica.",
    .why = "Foreign keys in PostgreSQL are triggers; in replica mode they do not fire, so deletes and inserts can "
           "break referential integrity without any error.",
    .instead = "Delete or load in dependency order with constraints on.",
    .bad = {"# Bulk fix\n\n```sql\nSET session_replication_role = replica;\n```\n", 4, 1},
    .good = {"# Bulk fix\n\n```sql\nSET session_replication_role = DEFAULT;\n```\n"},
    .on_statement = {.names = {"VariableSetStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
