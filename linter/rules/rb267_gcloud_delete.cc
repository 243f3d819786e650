#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::vector<size_t> ops = operands(cmd);
  // The verb follows the command group: gcloud compute instances delete NAME.
  for (size_t k = 1; k < ops.size() && k < 5; ++k) {
    if (cmd.argv[ops[k]].text != "delete") continue;
    emit.report(words_span(cmd, ops[0], ops[k]),
                "`gcloud ... delete` removes a live resource (instance, database, cluster, bucket, ...); it cannot "
                "be undone and what depends on it fails",
                "describe the resource first, snapshot or export its data, and declare danger=\"...\" on the block");
    return;
  }
}

const bool registered = register_rule({
    .code = "RB267",
    .name = "gcloud-delete",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "gcloud deletes a cloud resource",
    .what = "Reports gcloud commands whose verb is `delete` (`gcloud compute instances delete`, `gcloud sql "
            "instances delete`, `gcloud container clusters delete`, ...). `--quiet` makes it worse: no prompt.",
    .why = "Deleted instances, disks and Cloud SQL databases are gone with their data; recreating them by hand "
           "during an incident rarely matches the original.",
    .instead = "Describe first, snapshot or export, and delete through infrastructure as code when possible.",
    .bad = {"# Cleanup\n\n```\ngcloud compute instances delete web-1 --zone us-central1-a --quiet\n```\n", 4, 8},
    .good = {"# Inspect\n\n```bash\ngcloud compute instances describe web-1 --zone us-central1-a\n```\n"},
    .on_command = {.names = {"gcloud"}, .check = check},
});

}  // namespace
}  // namespace rbc
