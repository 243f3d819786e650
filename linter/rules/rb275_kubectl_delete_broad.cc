#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

/// Namespaces, volumes, nodes and CRDs: deleting one takes data or many workloads with it.
bool is_broad_kind(std::string_view resource) {
  resource = resource.substr(0, resource.find('/'));
  for (std::string_view k : {"namespace", "namespaces", "ns", "project", "projects", "pv", "persistentvolume",
                             "persistentvolumes", "pvc", "persistentvolumeclaim", "persistentvolumeclaims", "node",
                             "nodes", "no", "crd", "crds", "customresourcedefinition", "customresourcedefinitions"})
    if (resource == k) return true;
  return false;
}

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t verb = subcommand(cmd, {"delete"});
  if (!verb) return;
  std::vector<size_t> ops = operands(cmd);
  std::string why;
  size_t at = 0;
  if (ops.size() > 1 && is_broad_kind(cmd.argv[ops[1]].text)) {
    at = ops[1];
    why = "deletes " + cmd.argv[ops[1]].text +
          ": a namespace takes every workload and volume in it, a PV/PVC its data, a node or CRD everything on it";
  } else if (size_t all = find_flag(cmd, "A", {"--all", "--all-namespaces"})) {
    at = all;
    why = "with " + cmd.argv[all].text + " deletes every matching object, not one";
  } else if (size_t force = find_flag(cmd, "", {"--force"});
             force && option_value(cmd, {"--grace-period"}).value_or("") == "0") {
    at = force;
    why = "with --grace-period=0 --force removes the object from the API at once while its process may still run, "
          "which for StatefulSet pods can mean two writers on one volume";
  }
  if (!at) return;
  emit.report(cmd.argv[at].span, "`" + std::string(program(cmd)) + " delete` " + why,
              "delete the single named object you mean, back up volumes first, and declare danger=\"...\" on the "
              "block");
}

const bool registered = register_rule({
    .code = "RB275",
    .name = "kubectl-delete-broad",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "kubectl delete of a namespace, volume, node or CRD, of --all, or forced",
    .what = "Reports `kubectl`/`oc delete` of namespaces (ns, projects), persistent volumes and claims, nodes and "
            "custom resource definitions; deletes with `--all`, `-A`/`--all-namespaces`; and forced deletes "
            "(`--grace-period=0 --force`).",
    .why = "These remove far more than one pod: every workload in a namespace, the data on a volume, all custom "
           "resources of a CRD. A forced delete skips graceful shutdown and can leave two copies of a stateful pod.",
    .instead = "Delete one named object at a time, back up volumes, and let pods terminate gracefully.",
    .bad = {"# Reset\n\n```bash\nkubectl delete ns staging\n```\n", 4, 16},
    .good = {"# Inspect\n\n```bash\nkubectl get ns\nkubectl describe pvc data-db-0 -n prod\n```\n"},
    .on_command = {.names = {"kubectl", "oc"}, .check = check},
});

}  // namespace
}  // namespace rbc
