#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t at = subcommand(cmd, {"drain"});
  if (!at && program(cmd) == "oc") at = subcommand(cmd, {"adm", "drain"});
  if (!at || has_flag(cmd, "", {"--dry-run"})) return;
  bool forced = has_flag(cmd, "", {"--force", "--delete-emptydir-data", "--delete-local-data", "--disable-eviction"});
  emit.report(cmd.argv[at].span,
              std::string("`drain` evicts every pod from the node") +
                  (forced ? "; the flags given also delete unmanaged pods and emptyDir data, or bypass disruption "
                            "budgets"
                          : "") +
                  ", so capacity drops until they are rescheduled",
              "check that the cluster has room and PodDisruptionBudgets exist, drain one node at a time, and "
              "uncordon when done");
}

const bool registered = register_rule({
    .code = "RB277",
    .name = "kubectl-drain",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "kubectl drain evicts every pod from a node",
    .what = "Reports `kubectl drain` and `oc adm drain` (not with --dry-run).",
    .why = "All pods on the node restart elsewhere; without spare capacity or disruption budgets, services lose "
           "replicas, and --force/--delete-emptydir-data delete pods and scratch data that will not come back.",
    .instead = "Cordon first, check capacity, drain one node at a time, and uncordon afterwards.",
    .bad = {"# Node\n\n```bash\nkubectl drain ip-10-0-1-23 --ignore-daemonsets\n```\n", 4, 9},
    .good = {"# Node\n\n```bash\nkubectl cordon ip-10-0-1-23\nkubectl drain ip-10-0-1-23 --dry-run=client\n```\n"},
    .on_command = {.names = {"kubectl", "oc"}, .check = check},
});

}  // namespace
}  // namespace rbc
