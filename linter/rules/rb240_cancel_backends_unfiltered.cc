#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  if (!signals_backends_unfiltered(st, "pg_cancel_backend")) return;
  emit.report(st.span,
              "pg_cancel_backend over pg_stat_activity cancels every query the filter matches, possibly including "
              "this statement itself",
              "add `AND pid <> pg_backend_pid()` and narrow the filter; SELECT the matching rows first");
}

const bool registered = register_rule({
    .code = "RB240",
    .name = "cancel-backends-unfiltered",
    .category = Category::danger,
    .severity = Severity::note,
    .summary = "pg_cancel_backend over pg_stat_activity without sparing the current session",
    .what = "Reports statements that call pg_cancel_backend on rows of pg_stat_activity without a "
            "`pid <> pg_backend_pid()` condition and without singling out clients by usename, application_name, "
            "client_addr or query.",
    .why = "Cancelling is gentler than terminating, but a broad filter still aborts other people's work and the "
           "statement may cancel itself before finishing.",
    .instead = "Exclude pg_backend_pid() and filter by database, user and query age.",
    .bad = {"# Cancel\n\n```sql\nSELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE state = 'active';\n```\n", 4, 1},
    .good = {"# Cancel\n\n```sql\nSELECT pg_cancel_backend(pid) FROM pg_stat_activity\nWHERE state = 'active' AND pid <> pg_backend_pid();\n```\n"},
    .on_statement = {.names = {kEveryName}, .check = check},
});

}  // namespace
}  // namespace rbc
