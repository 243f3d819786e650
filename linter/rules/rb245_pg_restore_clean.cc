#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// `-c` in a short-option cluster of pg_restore; letters after an option
/// that takes a value (`-Fc`, `-dmydb`) are that value.
bool cluster_has_clean(std::string_view w) {
  if (w.size() < 2 || w[0] != '-' || w[1] == '-') return false;
  for (char c : w.substr(1)) {
    if (c == 'c') return true;
    if (std::string_view("dfFhIjLnNpPSTtU").find(c) != std::string_view::npos) return false;
  }
  return false;
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    if (w == "--") return;
    if (w != "--clean" && !cluster_has_clean(w)) continue;
    emit.report(cmd.argv[i].span,
                "`pg_restore " + std::string(w) + "` drops every object in the target database before recreating "
                "it: pointed at the wrong database, it replaces live data with the dump",
                "restore into a new, empty database and switch over, and double-check -d/--dbname");
    return;
  }
}

const bool registered = register_rule({
    .code = "RB245",
    .name = "pg-restore-clean",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "pg_restore --clean drops the target database's objects first",
    .what = "Reports `pg_restore` with `--clean` or `-c` (also inside clusters such as `-cv`; `-Fc` is the format "
            "option and is not reported).",
    .why = "Each table in the dump is dropped in the target before being restored, so the live data is replaced "
           "by the dump's; a wrong --dbname or host destroys the wrong database.",
    .instead = "Restore into a fresh database (createdb, pg_restore -d new_db), verify, then switch the application.",
    .bad = {"# Restore\n\n```bash\npg_restore --clean -d app backup.dump\n```\n", 4, 12},
    .good = {"# Restore\n\n```bash\ncreatedb app_restore\npg_restore -Fc -d app_restore backup.dump\n```\n"},
    .on_command = {.names = {"pg_restore"}, .check = check},
});

}  // namespace
}  // namespace rbc
