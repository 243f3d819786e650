#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const RedisCommand& rc, Emitter& emit) {
  bool nosave = !rc.args.empty() && ascii_lower(rc.args[0]) == "nosave";
  emit.report(rc.span,
              std::string("SHUTDOWN stops the Redis server for every client") +
                  (nosave ? " and NOSAVE discards everything written since the last snapshot" : "") +
                  "; if no supervisor restarts it, the outage lasts until someone does",
              "restart through the service manager or orchestrator (systemctl restart, a pod rollout), or fail "
              "over to a replica first");
}

const bool registered = register_rule({
    .code = "RB254",
    .name = "redis-shutdown",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "Redis SHUTDOWN stops the server",
    .what = "Reports SHUTDOWN (with SAVE, NOSAVE or no argument) sent to Redis.",
    .why = "Every client loses its connection; with NOSAVE, or with persistence off, data since the last snapshot "
           "is lost; and the server only returns if something restarts it.",
    .instead = "Use the service manager or orchestrator to restart, or fail over to a replica.",
    .bad = {"# Restart\n\n```redis\nSHUTDOWN NOSAVE\n```\n", 4, 1},
    .good = {"# Restart\n\n```bash\nsudo systemctl restart redis-server\n```\n"},
    .on_redis = {.names = {"SHUTDOWN"}, .check = check},
});

}  // namespace
}  // namespace rbc
