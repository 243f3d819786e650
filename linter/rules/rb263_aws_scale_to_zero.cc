#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t at = subcommand(cmd, {"ecs", "update-service"});
  std::optional<std::string> count;
  if (at) count = option_value(cmd, {"--desired-count"});
  if (!at && (at = subcommand(cmd, {"autoscaling", "update-auto-scaling-group"})))
    count = option_value(cmd, {"--desired-capacity", "--max-size"});
  if (!at && (at = subcommand(cmd, {"autoscaling", "set-desired-capacity"})))
    count = option_value(cmd, {"--desired-capacity"});
  if (!at || !count || *count != "0") return;
  emit.report(words_span(cmd, at - 1, at),
              "scaling to 0 stops every task or instance of the service: it serves nothing until scaled back up",
              "scale down to the smallest count that still serves traffic, or declare danger=\"...\" if the outage "
              "is intended");
}

const bool registered = register_rule({
    .code = "RB263",
    .name = "aws-scale-to-zero",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "ECS service or Auto Scaling group scaled to zero",
    .what = "Reports `aws ecs update-service --desired-count 0`, `aws autoscaling update-auto-scaling-group` with "
            "`--desired-capacity 0` or `--max-size 0`, and `set-desired-capacity --desired-capacity 0`.",
    .why = "Zero means the service is down. It is sometimes intended (stopping a runaway consumer), but it must be "
           "a decision, not a typo for 10.",
    .instead = "Scale to a small non-zero count, or declare the danger when stopping the service is the goal.",
    .bad = {"# Stop consumers\n\n```bash\naws ecs update-service --cluster prod --service worker --desired-count 0\n```\n", 4, 5},
    .good = {"# Scale\n\n```bash\naws ecs update-service --cluster prod --service worker --desired-count 2\n```\n"},
    .on_command = {.names = {"aws"}, .check = check},
});

}  // namespace
}  // namespace rbc
