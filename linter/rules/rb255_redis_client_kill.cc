#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const RedisCommand& rc, Emitter& emit) {
  if (rc.args.empty() || ascii_lower(rc.args[0]) != "kill") return;
  emit.report(rc.span,
              "CLIENT KILL drops client connections; with a filter (TYPE, USER, ADDR) it can cut off whole "
              "applications or replicas, which then reconnect all at once",
              "identify the client with CLIENT LIST first and kill it by ID");
}

const bool registered = register_rule({
    .code = "RB255",
    .name = "redis-client-kill",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "Redis CLIENT KILL disconnects clients",
    .what = "Reports CLIENT KILL sent to Redis. CLIENT LIST and CLIENT INFO are read-only and not reported.",
    .why = "Killed clients lose in-flight commands and blocking pops; broad filters such as TYPE normal or "
           "TYPE replica disconnect every application or break replication.",
    .instead = "Find the offending client with CLIENT LIST and kill exactly that ID.",
    .bad = {"# Clients\n\n```bash\nredis-cli CLIENT KILL TYPE normal\n```\n", 4, 11},
    .good = {"# Clients\n\n```bash\nredis-cli CLIENT LIST\n```\n"},
    .on_redis = {.names = {"CLIENT"}, .check = check},
});

}  // namespace
}  // namespace rbc
