#include <fmt/format.h>

#include "compiler/languages/other_sql_dialects.h"
#include "linter/rule_helpers.h"

namespace rbc {
namespace {

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  const DialectStatementEffect* effect = dialect_effect_of(st.dialect, st.subkind);
  if (!effect) return;
  emit.report(st.span, fmt::format("{} {} {}; the data is gone unless restored from a backup", effect->dialect,
                                   effect->words, effect->does),
              "check what it matches first (a SELECT count with the same condition), and declare danger=\"...\" on "
              "the block");
}

const bool registered = register_rule({
    .code = "RB248",
    .name = "dialect-destructive-statement",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "An InfluxQL or ClickHouse statement that deletes data",
    .what = "Reports statements of SQL dialects runbookc has no grammar for that delete data: InfluxQL's DROP "
            "MEASUREMENT, DROP SERIES, DELETE, DROP DATABASE, DROP RETENTION POLICY and DROP SHARD; ClickHouse's "
            "ALTER TABLE ... DELETE (a mutation) and ALTER TABLE ... DROP PARTITION / DROP PART. They are found in "
            "sql blocks recognised as that dialect and in `influx -execute` and `clickhouse-client --query`. "
            "Statements those dialects share with PostgreSQL (DROP TABLE, TRUNCATE, DELETE without WHERE) are "
            "reported by the PostgreSQL rules.",
    .why = "Time-series and analytics stores have their own deletes, with no transaction and no undo.",
    .instead = "Narrow the statement (a WHERE on time and tags), count what it matches first, and keep a backup.",
    .bad = {"# Clean up\n\n```bash\ninflux -database telegraf -execute 'DROP MEASUREMENT cpu_old'\n```\n", 4, 37},
    .good = {"# Look\n\n```bash\ninflux -database telegraf -execute 'SHOW MEASUREMENTS'\n```\n"},
    .on_statement = {.names = {"DialectStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
