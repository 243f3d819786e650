#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// A constraint added with its full validation scan: a CHECK or FOREIGN KEY
/// without NOT VALID, or a PRIMARY KEY/UNIQUE built rather than taken from an
/// existing index (USING INDEX).
bool validates_existing_rows(const std::string& json) {
  bool scans = json.find("\"contype\":\"CONSTR_CHECK\"") != std::string::npos ||
               json.find("\"contype\":\"CONSTR_FOREIGN\"") != std::string::npos;
  bool builds_index = (json.find("\"contype\":\"CONSTR_PRIMARY\"") != std::string::npos ||
                       json.find("\"contype\":\"CONSTR_UNIQUE\"") != std::string::npos) &&
                      json.find("\"indexname\"") == std::string::npos;
  bool not_valid = json.find("\"skip_validation\":true") != std::string::npos;
  return (scans && !not_valid) || builds_index;
}

void check(const Runbook&, const Step& step, const SqlStatement& st, Emitter& emit) {
  if (st.subkind.find("AT_AddConstraint") == std::string::npos) return;
  if (created_in_step(step, st) || !validates_existing_rows(st.json)) return;
  emit.report(st.span,
              "adding this constraint scans every row of " + relation_list(st) +
                  " while holding a lock that blocks writes (ACCESS EXCLUSIVE for CHECK, PRIMARY KEY and UNIQUE)",
              "add CHECK and FOREIGN KEY constraints NOT VALID, then VALIDATE CONSTRAINT separately; build a unique "
              "index CONCURRENTLY and add the constraint USING INDEX");
}

const bool registered = register_rule({
    .code = "RB235",
    .name = "add-constraint-validating",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "ALTER TABLE ... ADD CONSTRAINT validates all rows under a blocking lock",
    .what = "Reports ADD CONSTRAINT of a CHECK or FOREIGN KEY without NOT VALID, and of a PRIMARY KEY or UNIQUE "
            "constraint not built from an existing index, on tables not created in the same block.",
    .why = "Validation reads the whole table (and for a foreign key, the referenced one) while writes wait; a "
           "big table turns a one-line fix into minutes of blocked traffic.",
    .instead = "ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT, which only takes a "
               "SHARE UPDATE EXCLUSIVE lock.",
    .bad = {"# Integrity\n\n```sql\nALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\n```\n", 4, 1},
    .good = {"# Integrity\n\n```sql\nALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n"
             "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;\n```\n"},
    .on_statement = {.names = {"AlterTableStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
