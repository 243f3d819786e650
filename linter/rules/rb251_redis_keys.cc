#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const RedisCommand& rc, Emitter& emit) {
  emit.report(rc.span,
              "KEYS walks the whole keyspace in one blocking call: on a large Redis every other client stalls until "
              "it returns, seconds at a time",
              "use `redis-cli --scan --pattern '...'` (SCAN), which iterates without blocking");
}

const bool registered = register_rule({
    .code = "RB251",
    .name = "redis-keys",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "Redis KEYS blocks the server while it scans every key",
    .what = "Reports the KEYS command sent to Redis (redis-cli, heredocs, redis blocks).",
    .why = "Redis is single-threaded: KEYS is O(number of keys) and nothing else runs meanwhile. A diagnostic "
           "step turns into latency spikes or failovers during the incident.",
    .instead = "`redis-cli --scan --pattern 'session:*'`, or SCAN with MATCH and COUNT.",
    .bad = {"# Inspect\n\n```bash\nredis-cli KEYS 'session:*'\n```\n", 4, 11},
    .good = {"# Inspect\n\n```bash\nredis-cli --scan --pattern 'session:*' | head\n```\n"},
    .on_redis = {.names = {"KEYS"}, .check = check},
});

}  // namespace
}  // namespace rbc
