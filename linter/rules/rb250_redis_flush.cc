#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const RedisCommand& rc, Emitter& emit) {
  emit.report(rc.span,
              rc.name + (rc.name == "FLUSHALL" ? " deletes every key in every database of this Redis"
                                               : " deletes every key in the selected database") +
                  ": sessions, caches, queues and locks are gone at once, and nothing can bring them back",
              "delete only the keys at fault (SCAN with a MATCH pattern, then UNLINK in batches), or declare "
              "danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB250",
    .name = "redis-flush",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "Redis FLUSHALL or FLUSHDB deletes every key",
    .what = "Reports FLUSHALL and FLUSHDB in any case, passed to redis-cli (also through kubectl exec or ssh), in "
            "redis-cli heredocs and in redis blocks. Text that merely mentions them (echo, grep, comments) is not "
            "a command and is not reported.",
    .why = "Redis is often more than a cache: sessions, rate limits, job queues and distributed locks live there. "
           "Flushing logs every user out and loses queued work, with no undo.",
    .instead = "Find the bad keys with `redis-cli --scan --pattern 'prefix:*'` and UNLINK those.",
    .bad = {"# Sessions\n\n```bash\nredis-cli -h cache.internal flushdb\n```\n", 4, 29},
    .good = {"# Sessions\n\n```bash\necho \"never run FLUSHALL\"\ngrep FLUSHDB audit.log\n# redis-cli FLUSHALL\n```\n"},
    .on_redis = {.names = {"FLUSHALL", "FLUSHDB"}, .check = check},
});

}  // namespace
}  // namespace rbc
