#include "linter/effect_findings.h"

namespace rbc {
namespace {

void on_command(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  report_command_effect(cmd, Effect::destroys_data, emit);
}
void on_redis(const Runbook&, const Step&, const RedisCommand& cmd, Emitter& emit) {
  report_redis_effect(cmd, Effect::destroys_data, emit);
}

const bool registered = register_rule({
    .code = "RB295",
    .name = "destroys-data-command",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "A command the effect table says destroys data",
    .what = "Reports commands that delete, drop, purge, wipe or overwrite data, as the command-effect table "
            "(compiler/languages/command_effect_table.cc) classes them from each tool's documentation: Vault, Consul and etcd "
            "keys, Ceph OSDs, pools and RBD images, Docker volumes, Patroni reinit, Rails database tasks, git "
            "branch deletion, `rm -r` of a directory holding data, Redis CLUSTER RESET and REPLICAOF, and more "
            "(`runbookc explain RB295` lists them). Wrappers (sudo, env, timeout, ssh, kubectl exec, bash -c) are "
            "looked through. Commands an older, more specific rule reports are left to it.",
    .why = "What these commands remove does not come back without a backup. In a runbook they are one paste away "
           "from running against the wrong cluster, at 3 a.m., by someone who has never run them.",
    .instead = "Check the target first, make sure a backup or snapshot exists, and declare the danger on the "
               "block (```bash danger=\"...\"```) so that the generated script asks before running it.",
    .bad = {"# Rotate\n\n```bash\nvault kv destroy -versions=3 secret/app/db\n```\n", 4, 1},
    .good = {"# Inspect\n\n```bash\nvault kv metadata get secret/app/db\n```\n"},
    .on_command = {.names = {kEveryName}, .check = on_command},
    .on_redis = {.names = {kEveryName}, .check = on_redis},
});

}  // namespace
}  // namespace rbc
