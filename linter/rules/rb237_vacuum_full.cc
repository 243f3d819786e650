#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

bool has_option(const std::string& list, std::string_view option) {
  size_t at = 0;
  while (at <= list.size()) {
    size_t comma = list.find(',', at);
    if (std::string_view(list).substr(at, comma == std::string::npos ? std::string::npos : comma - at) == option) return true;
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return false;
}

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  if (!has_option(st.subkind, "full")) return;
  emit.report(st.span,
              "VACUUM FULL rewrites " + relation_list(st, "every table") +
                  " under an ACCESS EXCLUSIVE lock and needs as much free disk as the table: reads and writes stop "
                  "until it ends",
              "use plain VACUUM (ANALYZE), or pg_repack to reclaim space online");
}

const bool registered = register_rule({
    .code = "RB237",
    .name = "vacuum-full",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "VACUUM FULL locks and rewrites tables",
    .what = "Reports VACUUM FULL, in either syntax (`VACUUM FULL t`, `VACUUM (FULL) t`).",
    .why = "It copies the table while holding ACCESS EXCLUSIVE, so every query on it waits; without a table name "
           "it does so for every table, and it can fill the disk it is meant to free.",
    .instead = "Plain VACUUM does not block; pg_repack reclaims space without a long lock.",
    .bad = {"# Bloat\n\n```sql\nVACUUM (FULL, ANALYZE) orders;\n```\n", 4, 1},
    .good = {"# Bloat\n\n```sql\nVACUUM (ANALYZE, VERBOSE) orders;\n```\n"},
    .on_statement = {.names = {"VacuumStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
