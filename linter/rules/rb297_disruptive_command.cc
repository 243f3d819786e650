#include "linter/effect_findings.h"

namespace rbc {
namespace {

void on_command(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  report_command_effect(cmd, Effect::disrupts, emit);
}
void on_redis(const Runbook&, const Step&, const RedisCommand& cmd, Emitter& emit) {
  report_redis_effect(cmd, Effect::disrupts, emit);
}

const bool registered = register_rule({
    .code = "RB297",
    .name = "disruptive-command",
    .category = Category::danger,
    .severity = Severity::note,
    .summary = "A command the effect table says interrupts a service",
    .what = "Reports commands that stop, restart, fail over or take capacity away, as the command-effect table "
            "classes them: systemctl stop/restart, pg_ctl stop, patronictl failover/switchover, cordoning a node, "
            "marking a Ceph OSD out, sealing Vault, Redis SENTINEL FAILOVER (`runbookc explain RB297` lists them). "
            "A note: these are often the remedy a runbook exists for, so the finding asks for the step to be "
            "declared, not removed.",
    .why = "Users see errors while the service comes back, and a failover at the wrong moment turns one incident "
           "into two. The reader should know before pasting it.",
    .instead = "Say what users will notice and when it is safe to run, and declare the danger on the block.",
    .bad = {"# Fail over\n\n```bash\npatronictl -c /etc/patroni.yml switchover pg-cluster\n```\n", 4, 1},
    .good = {"# Check the cluster\n\n```bash\npatronictl -c /etc/patroni.yml list\n```\n"},
    .on_command = {.names = {kEveryName}, .check = on_command},
    .on_redis = {.names = {kEveryName}, .check = on_redis},
});

}  // namespace
}  // namespace rbc
