#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  if (!signals_backends_unfiltered(st, "pg_terminate_backend")) return;
  emit.report(st.span,
              "pg_terminate_backend over pg_stat_activity disconnects every session the filter matches, which can "
              "include this one and replication or background workers; their transactions roll back",
              "add `AND pid <> pg_backend_pid()` and narrow by datname, usename or application_name; SELECT the "
              "matching rows first");
}

const bool registered = register_rule({
    .code = "RB239",
    .name = "terminate-backends-unfiltered",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "pg_terminate_backend over pg_stat_activity without sparing the current session",
    .what = "Reports statements that call pg_terminate_backend on rows of pg_stat_activity without a "
            "`pid <> pg_backend_pid()` condition and without singling out clients by usename, application_name, "
            "client_addr or query. Terminating one known pid is not reported.",
    .why = "The filter decides how many connections die. Without excluding its own backend the statement can "
           "kill the session running it, and broad filters (state = 'active') also hit replication, migrations "
           "and other teams' jobs.",
    .instead = "Exclude pg_backend_pid(), filter by database and user, and review the SELECT before terminating.",
    .bad = {"# Kill\n\n```sql\nSELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'active';\n```\n", 4, 1},
    .good = {"# Kill\n\n```sql\nSELECT pg_terminate_backend(pid) FROM pg_stat_activity\n"
             "WHERE datname = 'app' AND pid <> pg_backend_pid();\nSELECT pg_terminate_backend(12345);\n```\n"},
    .on_statement = {.names = {kEveryName}, .check = check},
});

}  // namespace
}  // namespace rbc
