#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t at = 0;
  for (std::string_view verb : {"uninstall", "delete", "del", "un"})
    if (!at) at = subcommand(cmd, {verb});
  if (!at || has_flag(cmd, "", {"--dry-run"})) return;
  emit.report(cmd.argv[at].span,
              "`helm " + cmd.argv[at].text +
                  "` deletes every Kubernetes object of the release (deployments, services, secrets, and volumes "
                  "the chart created): the application is down until reinstalled",
              "roll back (helm rollback) or upgrade instead; if removal is intended, back up values and volumes "
              "and declare danger=\"...\"");
}

const bool registered = register_rule({
    .code = "RB280",
    .name = "helm-uninstall",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "helm uninstall removes a whole release",
    .what = "Reports `helm uninstall`, `helm delete` and their aliases (not with --dry-run).",
    .why = "All resources of the release go at once; charts that create volume claims or secrets take them too, "
           "and reinstalling needs the exact values used before.",
    .instead = "Use `helm rollback` or `helm upgrade` to fix a bad release; save `helm get values` before removing.",
    .bad = {"# Remove\n\n```bash\nhelm uninstall payments -n prod\n```\n", 4, 6},
    .good = {"# Inspect\n\n```bash\nhelm list -n prod\nhelm get values payments -n prod\n```\n"},
    .on_command = {.names = {"helm"}, .check = check},
});

}  // namespace
}  // namespace rbc
