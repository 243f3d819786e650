#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (!subcommand(cmd, {"scale"})) return;
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    bool zero = w == "--replicas=0" || (w == "--replicas" && i + 1 < cmd.argv.size() && cmd.argv[i + 1].text == "0");
    if (!zero) continue;
    emit.report(cmd.argv[i].span,
                "scaling to 0 replicas stops every pod of the workload: it serves nothing until scaled back up",
                "note the current replica count in the step so it can be restored, or declare danger=\"...\" if "
                "stopping it is the goal");
    return;
  }
}

const bool registered = register_rule({
    .code = "RB278",
    .name = "kubectl-scale-to-zero",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "kubectl scale --replicas=0 stops a workload",
    .what = "Reports `kubectl`/`oc scale` with `--replicas=0` or `--replicas 0`.",
    .why = "The workload is down until someone scales it back, to a number the runbook usually does not record.",
    .instead = "Record the current count (kubectl get deploy) and the command that restores it.",
    .bad = {"# Stop\n\n```bash\nkubectl scale deployment/worker --replicas=0 -n prod\n```\n", 4, 33},
    .good = {"# Scale\n\n```bash\nkubectl scale deployment/worker --replicas=3 -n prod\n```\n"},
    .on_command = {.names = {"kubectl", "oc"}, .check = check},
});

}  // namespace
}  // namespace rbc
