#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook& runbook, Emitter& emit) {
  for_each_statement(runbook, [&](const Step& step, const SqlStatement& st) {
    if (st.kind != "DropdbStmt") return;
    emit.report(st.span,
                "DROP DATABASE deletes the whole database with every table in it; it cannot be undone without a "
                "full restore",
                "take and verify a backup first, and declare danger=\"...\" on the block", step.index);
  });
  for_each_command(runbook, [&](const Step& step, const Command& cmd) {
    if (program(cmd) != "dropdb" || has_flag(cmd, "", {"--help", "--version"}) || operands(cmd).empty()) return;
    emit.report(cmd.argv[0].span,
                "`dropdb` deletes a whole database with every table in it; it cannot be undone without a full restore",
                "take and verify a backup first, and declare danger=\"...\" on the block", step.index);
  });
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
    .check = check,
});

}  // namespace
}  // namespace rbc
