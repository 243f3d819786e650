#include "linter/rule.h"

namespace rbc {
namespace {

void check(const Runbook& runbook, Emitter& emit) {
  for (const Step& step : runbook.steps) {
    if (step.kind_guessed) continue;
    for (const SqlPiece& piece : step.facts.sql) {
      if (!piece.error || !piece.mysql) continue;
      emit.report(piece.error->span, "this MySQL statement does not parse: " + piece.error->message,
                  "fix the statement, or tag the block with the dialect it is written in");
    }
  }
}

const bool registered = register_rule({
    .code = "RB003",
    .name = "mysql-syntax",
    .category = Category::syntax,
    .severity = Severity::error,
    .summary = "A MySQL statement does not parse",
    .what = "Checks mysql and mariadb blocks, `mysql -e` arguments and SQL blocks written in MySQL's dialect "
            "(backticks, SHOW PROCESSLIST, \\G) with tree-sitter-sql. MySQL is never judged by the PostgreSQL grammar.",
    .why = "A broken statement fails when it is needed most.",
    .instead = "Fix the statement.",
    .bad = {"# Check\n\n```mysql\nSELECT id, FROM orders WHERE;\n```\n", 4, 24},
    .good = {"# Check\n\n```mysql\nSELECT id, state FROM orders WHERE id = 42;\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
