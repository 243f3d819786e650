#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const RedisCommand& rc, Emitter& emit) {
  std::string sub = rc.args.empty() ? "" : ascii_lower(rc.args[0]);
  // OBJECT, DIGEST and HELP only read.
  if (sub == "object" || sub == "help" || sub == "digest" || sub == "digest-value") return;
  emit.report(rc.span,
              "DEBUG " + (rc.args.empty() ? std::string() : rc.args[0] + " ") +
                  "can block (SLEEP, RELOAD), crash (SEGFAULT) or restart the Redis server for all clients",
              "use INFO, SLOWLOG and LATENCY commands to diagnose; DEBUG belongs on a test instance");
}

const bool registered = register_rule({
    .code = "RB253",
    .name = "redis-debug",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "Redis DEBUG commands can block or crash the server",
    .what = "Reports DEBUG sent to Redis, except the read-only DEBUG OBJECT, DEBUG DIGEST and DEBUG HELP.",
    .why = "DEBUG SLEEP freezes the server, DEBUG RELOAD blocks while it reloads the dataset, DEBUG SEGFAULT "
           "kills it; in production every client is affected.",
    .instead = "INFO, SLOWLOG GET, LATENCY DOCTOR and MEMORY USAGE answer most questions without risk.",
    .bad = {"# Test failover\n\n```bash\nredis-cli DEBUG SLEEP 30\n```\n", 4, 11},
    .good = {"# Inspect\n\n```bash\nredis-cli DEBUG OBJECT mykey\n```\n"},
    .on_redis = {.names = {"DEBUG"}, .check = check},
});

}  // namespace
}  // namespace rbc
