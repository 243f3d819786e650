#include "linter/rule_helpers.h"

namespace rbc {
namespace {
using namespace rules;

void check(const Runbook&, const Step&, const Command& cmd, Emitter& emit) {
  std::string_view p = program(cmd);
  size_t at = 0;
  if (p == "terraform" || p == "tofu" || p == "terragrunt") {
    at = subcommand(cmd, {"destroy"});
    if (!at && p == "terragrunt") at = subcommand(cmd, {"run-all", "destroy"});
    if (!at && subcommand(cmd, {"apply"})) at = find_word(cmd, "-destroy");
  } else if (p == "pulumi") {
    at = subcommand(cmd, {"destroy"});
    if (!at) at = subcommand(cmd, {"down"});
  }
  if (!at) return;
  emit.report(cmd.argv[at].span,
              "`" + std::string(p) + " " + cmd.argv[at].text +
                  "` deletes every resource in the state, databases and buckets included; nothing is left to roll "
                  "back to",
              "target the one resource to replace (-replace=ADDRESS), check the workspace/stack, and declare "
              "danger=\"...\" on the block");
}

const bool registered = register_rule({
    .code = "RB270",
    .name = "terraform-destroy",
    .category = Category::danger,
    .severity = Severity::error,
    .summary = "terraform destroy (or apply -destroy, pulumi destroy) deletes all managed infrastructure",
    .what = "Reports `terraform destroy`, `terraform apply -destroy` (also tofu and terragrunt, `run-all destroy`) "
            "and `pulumi destroy`/`down`. `terraform plan -destroy` only shows the plan and is not reported.",
    .why = "Everything in the state goes, in dependency order, including stateful resources. Run in the wrong "
           "workspace or directory it removes production.",
    .instead = "Replace or remove single resources with -replace or -target, and double-check the workspace.",
    .bad = {"# Teardown\n\n```bash\nterraform destroy -auto-approve\n```\n", 4, 11},
    .good = {"# Teardown\n\n```bash\nterraform plan -destroy\n```\n"},
    .on_command = {.names = {"terraform", "tofu", "terragrunt", "pulumi"}, .check = check},
});

}  // namespace
}  // namespace rbc
