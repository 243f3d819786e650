#include "linter/effect_findings.h"

namespace rbc {
namespace {

void on_command(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  report_command_effect(cmd, Effect::irreversible, emit);
}

const bool registered = register_rule({
    .code = "RB296",
    .name = "irreversible-command",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "A command the effect table says cannot be taken back",
    .what = "Reports commands whose effect cannot be undone though nothing is deleted, as the command-effect table "
            "classes them: promoting a PostgreSQL standby, forcing a Terraform state unlock, publishing a package "
            "version (`runbookc explain RB296` lists them).",
    .why = "A promoted standby has left replication for good; a published version number can never be reused; "
           "two Terraform runs writing the state at once can corrupt it.",
    .instead = "Say why it must be done and how to check the result, and declare the danger on the block.",
    .bad = {"# Fail over by hand\n\n```bash\npg_ctl promote -D /var/lib/postgresql/15/main\n```\n", 4, 1},
    .good = {"# Check the standby\n\n```bash\npg_ctl status -D /var/lib/postgresql/15/main\n```\n"},
    .on_command = {.names = {kEveryName}, .check = on_command},
});

}  // namespace
}  // namespace rbc
