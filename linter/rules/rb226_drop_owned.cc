#include <cctype>

#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// The role list as written after OWNED BY ("\"account-api\"").
std::string_view owner(std::string_view text) {
  size_t by = ascii_lower(text).find("owned by");
  if (by == std::string::npos) return {};
  std::string_view rest = text.substr(by + 8);
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.front()))) rest.remove_prefix(1);
  size_t end = rest.find_first_of(" \t\n;,");
  return rest.substr(0, end);
}

/// Whether a REASSIGN OWNED BY `role` comes before `drop` in the runbook's
/// checked steps. After it, DROP OWNED only revokes privileges: the documented
/// way to remove a role.
bool reassigned_before(const Runbook& runbook, const Step& step, const SqlStatement& drop, std::string_view role) {
  for (const Step& s : runbook.steps) {
    if (&s != &step && !is_checked(s)) continue;
    for (const SqlStatement& st : s.facts.statements) {
      if (&st == &drop) return false;
      if (st.kind == "ReassignOwnedStmt" && owner(st.text) == role) return true;
    }
  }
  return false;
}

void check(const Runbook& runbook, const Step& step, const SqlStatement& st, Emitter& emit) {
  std::string_view role = owner(st.text);
  if (!role.empty() && reassigned_before(runbook, step, st, role)) return;
  emit.report(st.span,
              "DROP OWNED deletes every table, view, sequence and function the role owns in this database, with "
              "their data",
              "run REASSIGN OWNED BY <role> TO <other> first so nothing is left to drop, or declare danger=\"...\"");
}

const bool registered = register_rule({
    .code = "RB226",
    .name = "drop-owned",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "DROP OWNED BY deletes every object a role owns",
    .what = "Reports DROP OWNED BY statements, unless a REASSIGN OWNED BY the same role comes earlier in the "
            "runbook (then DROP OWNED only revokes the remaining privileges).",
    .why = "It is usually run to remove a user, but it drops the objects the user owns, which in many databases "
           "are the application's tables.",
    .instead = "REASSIGN OWNED BY the role to another one first; then DROP OWNED only revokes privileges.",
    .bad = {"# Remove user\n\n```sql\nDROP OWNED BY old_app;\nDROP ROLE old_app;\n```\n", 4, 1},
    .good = {"# Remove user\n\n```sql\nREASSIGN OWNED BY old_app TO app_owner;\nDROP OWNED BY old_app;\n```\n"},
    .on_statement = {.names = {"DropOwnedStmt"}, .check = check},
});

}  // namespace
}  // namespace rbc
