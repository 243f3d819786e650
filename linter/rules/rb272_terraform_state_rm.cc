#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  size_t at = subcommand(cmd, {"state", "rm"});
  if (!at) return;
  emit.report(words_span(cmd, at - 1, at),
              "`terraform state rm` makes Terraform forget the resource: it keeps running unmanaged, and the next "
              "apply may create a duplicate or fail on a name clash",
              "back up the state first (terraform state pull > backup.tfstate) and plan an import or a `removed` "
              "block");
}

const bool registered = register_rule({
    .code = "RB272",
    .name = "terraform-state-rm",
    .category = Category::danger,
    .severity = Severity::warning,
    .summary = "terraform state rm removes resources from the state",
    .what = "Reports `terraform state rm` (tofu, terragrunt).",
    .why = "The resource still exists but is no longer tracked; later applies can create a second copy, and "
           "undoing it needs an import with the exact identifier.",
    .instead = "Pull a state backup first; prefer `removed` or `moved` blocks reviewed in a pull request.",
    .bad = {"# Unstick\n\n```bash\nterraform state rm aws_instance.web\n```\n", 4, 11},
    .good = {"# Inspect\n\n```bash\nterraform state list\nterraform state show aws_instance.web\n```\n"},
    .on_command = {.names = {"terraform", "tofu", "terragrunt"}, .check = check},
});

}  // namespace
}  // namespace rbc
