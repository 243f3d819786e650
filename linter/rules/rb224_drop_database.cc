#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check_statement(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  emit.report(st.span,
              "DROP DATABASE deletes the whole database with every table in it; it cannot be undone without a "
              "full restore",
              "take and verify a backup first, and declare danger=\"...\" on the block");
}

void check_dropdb(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (has_flag(cmd, "", {"--help", "--version"}) || operands(cmd).empty()) return;
  emit.report(cmd.argv[0].span,
              "`dropdb` deletes a whole database with every table in it; it cannot be undone without a full restore",
              "take and verify a backup first, and declare danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB224",
    .name = "drop-database",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "DROP DATABASE or dropdb deletes a whole database",
    .what = "Reports the SQL statement DROP DATABASE (with or without IF EXISTS, FORCE) and the `dropdb` "
            "command-line tool.",
    .why = "Every table, row and permission in the database is gone at once; recovery is a full restore and "
           "everything written since the last backup is lost.",
    .instead = "Rename the database (ALTER DATABASE ... RENAME TO) and drop it later, after a verified backup.",
    .bad = {"# Reset staging\n\n```bash\ndropdb -h db.internal app_staging\n```\n", 4, 1},
    .good = {"# Reset staging\n\n```bash\npg_dump -h db.internal app_staging > staging.sql\n```\n"},
    .on_command = {.names = {"dropdb"}, .check = check_dropdb},
    .on_statement = {.names = {"DropdbStmt"}, .check = check_statement},
});

}  // namespace
}  // namespace rbc
