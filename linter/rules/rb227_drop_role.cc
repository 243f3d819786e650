#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  emit.report(st.span,
              "DROP ROLE/USER removes a login; every service still connecting with it fails authentication at once",
              "revoke LOGIN first (ALTER ROLE ... NOLOGIN), watch for failed connections, then drop");
}

const bool registered = register_rule({
    .code = "RB227",
    .name = "drop-role",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "DROP ROLE or DROP USER removes a database login",
    .what = "Reports DROP ROLE, DROP USER and DROP GROUP statements.",
    .why = "A role still used by a service, a cron job or a replica breaks them immediately, and recreating it "
           "does not restore its grants.",
    .instead = "Disable the login with ALTER ROLE ... NOLOGIN, confirm nothing fails, then drop it.",
    .bad = {"# Remove user\n\n```sql\nDROP USER IF EXISTS reporting;\n```\n", 4, 1},
    .good = {"# Remove user\n\n```sql\nALTER ROLE reporting NOLOGIN;\n```\n"},
    .on_statement = {.names = {"DropRoleStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
