#include "compiler/languages/command_effects.h"
#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

bool is_broad(const Command& cmd) {
  std::vector<size_t> ops = operands(cmd);
  if (ops.size() > 1) {
    std::string_view r = cmd.argv[ops[1]].text;
    r = r.substr(0, r.find('/'));
    for (std::string_view k : {"namespace", "namespaces", "ns", "project", "projects", "pv", "persistentvolume",
                               "persistentvolumes", "pvc", "persistentvolumeclaim", "persistentvolumeclaims", "node",
                               "nodes", "no", "crd", "crds", "customresourcedefinition", "customresourcedefinitions"})
      if (r == k) return true;
  }
  if (has_flag(cmd, "A", {"--all", "--all-namespaces"})) return true;
  return has_flag(cmd, "", {"--force"}) && option_value(cmd, {"--grace-period"}).value_or("") == "0";
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t verb = subcommand(cmd, {"delete"});
  if (!verb || is_broad(cmd)) return;  // broad deletes are kubectl-delete-broad
  // Named pods, the usual restart of a stuck pod: the command-effect table
  // classes them as disruptive, and RB297 notes them.
  if (auto match = effect_of(cmd); match && match->entry->effect == Effect::disrupts) return;
  if (has_flag(cmd, "", {"--dry-run"})) return;
  emit.report(cmd.argv[verb].span,
              "`" + std::string(program(cmd)) + " delete` removes live objects; a controller may recreate a pod, "
              "but deleted deployments, services, secrets or config maps stay gone until re-applied",
              "prefer `kubectl rollout restart` to restart pods; otherwise check the name and namespace and keep "
              "the manifest to re-apply");
}

const bool registered = register_rule({
    .code = "RB276",
    .name = "kubectl-delete",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "kubectl delete removes a Kubernetes object",
    .what = "Reports `kubectl`/`oc delete` of ordinary objects (deployments, jobs, secrets, config maps, -f "
            "manifests, pods chosen by a selector). Namespaces, volumes, nodes, CRDs, --all and forced deletes are "
            "kubectl-delete-broad. Deleting named pods (`delete pod NAME`), the usual way to restart a stuck pod, "
            "is a note of disruptive-command (RB297) instead; `--dry-run` is not reported.",
    .why = "Deleting a pod is often used as a restart, but it skips the rollout's surge and readiness checks; "
           "deleting anything else removes it until someone re-applies it, with whatever was in it.",
    .instead = "`kubectl rollout restart deployment/<name>` for restarts; for other objects, keep the manifest.",
    .bad = {"# Restart\n\n```bash\nkubectl -n prod delete pods -l app=api\n```\n", 4, 17},
    .good = {"# Restart\n\n```bash\nkubectl -n prod get pods\nkubectl -n prod rollout restart deployment/api\n```\n"},
    .on_command = {.names = {"kubectl", "oc"}, .check = check},
});

}  // namespace
}  // namespace rbc
