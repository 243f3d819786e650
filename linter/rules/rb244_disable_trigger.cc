#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const SqlStatement& st, Emitter& emit) {
  if (st.subkind.find("AT_DisableTrig") == std::string::npos) return;
  emit.report(st.span,
              "DISABLE TRIGGER on " + relation_list(st) +
                  " stops its triggers for every session, not just this one (ALL also stops foreign-key checks) "
                  "until someone re-enables them",
              "re-enable in the same block (ENABLE TRIGGER) and keep it short, or fix the data without disabling");
}

const bool registered = register_rule({
    .code = "RB244",
    .name = "disable-trigger",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "ALTER TABLE ... DISABLE TRIGGER turns off triggers for all sessions",
    .what = "Reports ALTER TABLE ... DISABLE TRIGGER (a name, USER or ALL).",
    .why = "The change is global and persistent: audit, denormalization and, with ALL, foreign-key triggers stay "
           "off for the application too if the enabling step is skipped.",
    .instead = "Disable and re-enable in one transaction, or avoid disabling altogether.",
    .bad = {"# Bulk load\n\n```sql\nALTER TABLE orders DISABLE TRIGGER ALL;\n```\n", 4, 1},
    .good = {"# Bulk load\n\n```sql\nALTER TABLE orders ENABLE TRIGGER ALL;\n```\n"},
    .on_statement = {.names = {"AlterTableStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
