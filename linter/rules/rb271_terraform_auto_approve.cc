#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  if (!subcommand(cmd, {"apply"})) return;
  for (size_t i = 1; i < cmd.argv.size(); ++i) {
    std::string_view w = cmd.argv[i].text;
    if (w != "-auto-approve" && w != "--auto-approve" && w != "-auto-approve=true") continue;
    emit.report(cmd.argv[i].span,
                "`apply -auto-approve` applies whatever the plan contains, replacements and deletions included, "
                "without showing it to the person running the runbook",
                "run `terraform plan -out=tfplan`, read it, then `terraform apply tfplan`");
    return;
  }
}

const bool registered = register_rule({
    .code = "RB271",
    .name = "terraform-auto-approve",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "terraform apply -auto-approve skips the plan review",
    .what = "Reports `terraform apply` (tofu, terragrunt) with `-auto-approve`. Applying a saved plan file is "
            "not reported.",
    .why = "State drift during an incident is common; the plan may destroy or replace resources nobody intended "
           "to touch, and -auto-approve hides that.",
    .instead = "Save the plan, read it, and apply exactly that plan file.",
    .bad = {"# Apply\n\n```bash\nterraform apply -auto-approve\n```\n", 4, 17},
    .good = {"# Apply\n\n```bash\nterraform plan -out=tfplan\nterraform apply tfplan\n```\n"},
    .on_command = {.names = {"terraform", "tofu", "terragrunt"}, .check = check},
});

}  // namespace
}  // namespace rbc
