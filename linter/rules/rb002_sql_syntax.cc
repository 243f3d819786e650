#include "linter/rule.h"

namespace rbc {
namespace {

void check(const Runbook& runbook, Emitter& emit) {
  for (const Step& step : runbook.steps) {
    if (step.kind_guessed) continue;
    for (const SqlPiece& piece : step.facts.sql) {
      if (!piece.error || piece.mysql) continue;
      emit.report(piece.error->span,
                  "PostgreSQL rejects this SQL: " + piece.error->message + "; the statement will not run",
                  "fix the statement; values to fill in can be written as <placeholders>, psql meta-commands "
                  "(\\x, \\gset) are understood");
    }
  }
}

const bool registered = register_rule({
    .code = "RB002",
    .name = "sql-syntax",
    .category = Category::syntax,
    .severity = Severity::error,
    .summary = "A SQL statement does not parse as PostgreSQL",
    .what = "Parses sql, psql and postgres blocks, and SQL passed to `psql -c`, `psql <<SQL` heredocs and "
            "`kubectl exec ... -- psql`, with libpg_query (the PostgreSQL 15 parser). psql prompts, result "
            "rows, meta-commands and `:variables` are set aside first.",
    .why = "A query that does not parse fails in the middle of an incident, often after the steps before it "
           "already changed something.",
    .instead = "Fix the statement. Tag MySQL with ```mysql so it is checked by the right grammar.",
    .bad = {"# Check\n\n```sql\nSELECT pid, state FROM pg_stat_activity WHERE;\n```\n", 4, 46},
    .good = {"# Check\n\n```sql\nSELECT pid, now() - query_start AS age FROM pg_stat_activity WHERE pid <> <pid>;\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
