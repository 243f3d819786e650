#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (!subcommand(cmd, {"ecs", "update-service"})) return;
  size_t flag = find_flag(cmd, "", {"--force-new-deployment"});
  if (!flag) return;
  emit.report(cmd.argv[flag].span,
              "--force-new-deployment replaces every task of the service; tasks whose image tag moved start the new "
              "image, and a failing image takes capacity down as old tasks drain",
              "pin the task definition revision you expect, and watch the deployment (aws ecs wait "
              "services-stable)");
}

const bool registered = register_rule({
    .code = "RB264",
    .name = "ecs-force-new-deployment",
    .category = Category::danger,
    .severity = Severity::note,
    .summary = "aws ecs update-service --force-new-deployment restarts every task",
    .what = "Reports `aws ecs update-service` with `--force-new-deployment`.",
    .why = "It is a rolling restart, usually safe, but it also pulls whatever a mutable tag (latest) points to "
           "now, so a restart can silently become a deploy.",
    .instead = "Reference an immutable image or task definition revision and wait for the service to be stable.",
    .bad = {"# Restart\n\n```bash\naws ecs update-service --cluster prod --service api --force-new-deployment\n```\n", 4, 53},
    .good = {"# Restart\n\n```bash\naws ecs describe-services --cluster prod --services api\n```\n"},
    .on_command = {.names = {"aws"}, .check = check},
});

}  // namespace
}  // namespace rbc
