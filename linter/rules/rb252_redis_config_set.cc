#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook& runbook, Emitter& emit) {
  for_each_redis(runbook, [&](const Step& step, const RedisCommand& rc) {
    if (rc.name != "CONFIG" || rc.args.empty() || lower(rc.args[0]) != "set") return;
    std::string param = rc.args.size() > 1 ? " " + rc.args[1] : "";
    emit.report(rc.span,
                "CONFIG SET" + param + " changes the live server for every client (memory limits, eviction and "
                "persistence settings can evict or lose data), and is lost or diverges from the config file on restart",
                "record the previous value (CONFIG GET) in the step, and make lasting changes in the managed "
                "configuration",
                step.index);
  });
}

const bool registered = register_rule({
    .code = "RB252",
    .name = "redis-config-set",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "Redis CONFIG SET changes the running server's configuration",
    .what = "Reports CONFIG SET sent to Redis. CONFIG GET is read-only and not reported.",
    .why = "A lower maxmemory evicts keys immediately; turning off save or appendonly risks data on the next "
           "crash; and the change silently disappears, or sticks with CONFIG REWRITE, unlike what the config "
           "management says.",
    .instead = "Read the current value with CONFIG GET first and note how to revert; change the config file for "
               "anything lasting.",
    .bad = {"# Memory\n\n```bash\nredis-cli CONFIG SET maxmemory 2gb\n```\n", 4, 11},
    .good = {"# Memory\n\n```bash\nredis-cli CONFIG GET maxmemory\n```\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
