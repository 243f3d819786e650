#include "linter/effect_findings.h"

namespace rbc {
namespace {

void on_command(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  report_command_effect(cmd, Effect::changes_access, emit);
}
void on_redis(const Runbook&, const Step&, const RedisCommand& cmd, Emitter& emit) {
  report_redis_effect(cmd, Effect::changes_access, emit);
}

const bool registered = register_rule({
    .code = "RB298",
    .name = "access-change-command",
    .category = Category::danger,
    .severity = Severity::note,
    .summary = "A command the effect table says revokes or changes access",
    .what = "Reports commands that revoke credentials or delete the identities clients log in with, as the "
            "command-effect table classes them: Vault lease, token and policy revocation, Ceph `auth del`, Chef "
            "`knife client delete`, PostgreSQL `dropuser`, Redis `ACL DELUSER` (`runbookc explain RB298` lists "
            "them).",
    .why = "Every client holding the credential fails at once, often far from the runbook's service.",
    .instead = "Say who loses access and how to restore it, and declare the danger on the block.",
    .bad = {"# Revoke\n\n```bash\nvault lease revoke -prefix database/creds/readonly\n```\n", 4, 1},
    .good = {"# Inspect\n\n```bash\nvault list sys/leases/lookup/database/creds/readonly\n```\n"},
    .on_command = {.names = {kEveryName}, .check = on_command},
    .on_redis = {.names = {kEveryName}, .check = on_redis},
});

}  // namespace
}  // namespace rbc
