#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  // RESET and SET ... TO DEFAULT remove the entry from postgresql.auto.conf:
  // they undo a change.
  if (st.subkind == "VAR_RESET" || st.subkind == "VAR_RESET_ALL" || st.subkind == "VAR_SET_DEFAULT") return;
  emit.report(st.span,
              "ALTER SYSTEM writes postgresql.auto.conf for the whole server: the change survives restarts and "
              "silently overrides postgresql.conf and configuration management",
              "change the setting where the server's configuration is managed, or record an ALTER SYSTEM RESET "
              "step to undo it");
}

const bool registered = register_rule({
    .code = "RB242",
    .name = "alter-system",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "ALTER SYSTEM changes server-wide configuration persistently",
    .what = "Reports ALTER SYSTEM SET statements. ALTER SYSTEM RESET and SET ... TO DEFAULT, which remove a setting from "
            "postgresql.auto.conf and so undo one, are not reported.",
    .why = "The setting applies to every database on the server after the next reload and outlives the incident; "
           "nobody finds it later because it is not in the configuration files people read.",
    .instead = "Prefer session or role settings (SET, ALTER ROLE ... SET) for a mitigation, and configuration "
               "management for lasting changes.",
    .bad = {"# Tune\n\n```sql\nALTER SYSTEM SET max_connections = 500;\n```\n", 4, 1},
    .good = {"# Tune\n\n```sql\nSET statement_timeout = '5s';\n```\n"},
    .on_statement = {.names = {"AlterSystemStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
